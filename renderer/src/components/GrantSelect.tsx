import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantOption } from '../../../shared/api/grants';
import { useApi } from '../hooks';
import { Field, type A11yProps } from './Field';

/**
 * "Does this belong to a grant?" for a booking made outside the grant's own screen (money in/out,
 * a bank line). A cost is chosen per budget line, so budget vs actual counts it; money received per
 * grant. The value is '' (no grant), "<grant>" or "<grant>:<budget line>".
 */
export interface GrantChoice {
  value: string;
  label: string;
  group: string;
}

export function grantFields(value: string): { grant?: number; budgetLine?: number } {
  if (!value) return {};
  const [g, l] = value.split(':');
  return { grant: Number(g), ...(l ? { budgetLine: Number(l) } : {}) };
}

/**
 * An API error about the grant of a booking line ("lines.0.grant", "line.budgetLine", "grant"):
 * the form shows it beside its one grant choice.
 */
export function isGrantField(field: string | undefined): boolean {
  return /(^|\.)(grant|budgetLine)$/.test(field ?? '');
}

export function grantValue(grant: number | null | undefined, budgetLine: number | null | undefined): string {
  if (!grant) return '';
  return budgetLine ? `${grant}:${budgetLine}` : String(grant);
}

export function grantChoicesFor(options: GrantOption[], cost: boolean): GrantChoice[] {
  // Not rejected or archived (the API leaves those out); a cost must fall inside the grant period.
  return options
    .filter((g) => !cost || g.inPeriod)
    .flatMap((g) => {
      const group = `${g.project} (${g.fund})`;
      if (cost && g.budgetLines.length > 0) return g.budgetLines.map((l) => ({ value: `${g.id}:${l.id}`, label: l.name, group }));
      return [{ value: String(g.id), label: group, group }];
    });
}

/** The grants this booking can go to. `options` is null until loaded. */
export function useGrantChoices(q: { cost: boolean; date?: string | null; account?: string; enabled?: boolean }) {
  const input = q.enabled === false ? null : { ...(q.date ? { date: q.date } : {}), ...(q.account ? { account: q.account } : {}) };
  const options = useApi('grants.options', input);
  const choices = useMemo(() => grantChoicesFor(options.data ?? [], q.cost), [options.data, q.cost]);
  return { choices, options: options.data };
}

/** The bare <select> (for a table cell with its own label); GrantSelect adds the labelled field. */
export function GrantSelectInput({
  a11y,
  choices,
  options,
  value,
  onChange,
}: {
  a11y: A11yProps;
  choices: GrantChoice[];
  options: GrantOption[] | null;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  // A value without a budget line for a grant that has lines (chosen before lines existed, or on a
  // bank line): keep it visible so it can be refined. A grant that no longer fits is let go.
  const grantOnly = value && !choices.some((c) => c.value === value) ? options?.find((g) => String(g.id) === value) : undefined;
  useEffect(() => {
    if (value && options && !choices.some((c) => c.value === value) && !grantOnly) onChange('');
  }, [value, options, choices, grantOnly, onChange]);

  const groups = [...new Set(choices.map((c) => c.group))];
  return (
    <select {...a11y} className="input input--auto" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('grantChoice.none')}</option>
      {grantOnly ? <option value={value}>{t('grantChoice.noLine', { grant: `${grantOnly.project} (${grantOnly.fund})` })}</option> : null}
      {groups.map((group) => (
        <optgroup key={group} label={group}>
          {choices.filter((c) => c.group === group).map((c) => (
            <option key={c.value} value={c.value}>{c.label}</option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

/** "Does this belong to a grant?" as a labelled, optional field; nothing when there are no grants. */
export function GrantSelect({
  id,
  hint,
  error,
  choices,
  options,
  value,
  onChange,
}: {
  id: string;
  hint?: string;
  error?: string | undefined;
  choices: GrantChoice[];
  options: GrantOption[] | null;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  if (choices.length === 0 && !value) return null;
  return (
    <Field id={id} label={t('grantChoice.label')} hint={hint} error={error} optional>
      {(a) => <GrantSelectInput a11y={a} choices={choices} options={options} value={value} onChange={onChange} />}
    </Field>
  );
}
