import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import type { ScreenProps } from '../../screenProps';
import { Field, FormError, Hint, describedBy } from '../../components/Field';
import { grantFields } from '../../components/GrantSelect';
import { DateInput } from '../../components/Inputs';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { dateNl, euroCents, parseInputAmount, parseInputDate, todayNl } from '../../format';
import { dropErrors, focusById, formErrorsFrom, NO_ERRORS, useAccounts, useApi, type FormErrors } from '../../hooks';
import { navigate } from '../../router';
import { balanceOf, emptyLine, isUsed, lineFromDraft, takesGrant, type BalanceReason, type Line } from './lines';
import { LineRow, type LineField } from './LineRow';

/** The sentence under the lines for each reason (the difference names its amount and side). */
const REASON_KEYS: Record<Exclude<BalanceReason, 'difference'>, string> = {
  invalid: 'manual.reason.invalid',
  both: 'manual.reason.both',
  empty: 'manual.reason.empty',
  account: 'manual.reason.account',
  twoLines: 'manual.reason.twoLines',
  ready: 'manual.reason.ready',
};

export function ManualEntryScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const { announce, booksChanged } = useApp();
  const accounts = useAccounts();
  const journals = useApi('journals.list', {});
  const [date, setDate] = useState(todayNl());
  const [description, setDescription] = useState('');
  const [journal, setJournal] = useState('');
  const [lines, setLines] = useState<Line[]>(() => [emptyLine(), emptyLine()]);
  const [draftId, setDraftId] = useState<number | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  // Grants a line can go to (not rejected or archived; a cost inside the grant period). Only income
  // and expense lines get the choice: money and balance accounts are never on a grant.
  const isoDate = parseInputDate(date);
  const grantOptions = useApi('grants.options', isoDate ? { date: isoDate } : {});
  const typeOf = (code: string) => (accounts.data ?? []).find((a) => a.code === code)?.type;
  const grantOf = (l: Line) => takesGrant(typeOf(l.account)) && l.grant !== '';
  /** Which row key each sent line index belongs to, to put API errors beside the right row. */
  const sentKeys = useRef<number[]>([]);

  const draftParam = params.get('draft');
  useEffect(() => {
    const id = Number(draftParam);
    if (!draftParam || !Number.isInteger(id) || id <= 0) return;
    call('entries.get', { id })
      .then((e) => {
        if (e.status !== 'draft') return;
        setDraftId(e.id);
        setDate(dateNl(e.date));
        setDescription(e.description);
        setJournal(e.journal === 'MEM' ? '' : e.journal);
        const ls = e.lines.map(lineFromDraft);
        while (ls.length < 2) ls.push(emptyLine());
        setLines(ls);
      })
      .catch((err: unknown) => setErrors({ fields: {}, general: err instanceof Error ? err.message : String(err) }));
  }, [draftParam]);

  const calc = useMemo(() => balanceOf(lines), [lines]);
  const reason =
    calc.reason === 'difference'
      ? t('manual.reason.difference', { amount: euroCents(calc.diff < 0n ? -calc.diff : calc.diff), side: calc.diff > 0n ? t('trial.sideCredit') : t('trial.sideDebit') })
      : t(REASON_KEYS[calc.reason]);

  const setLine = (key: number, patch: Partial<Line>) => {
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
    const i = sentKeys.current.indexOf(key);
    const fields = Object.keys(patch).flatMap((f) => (f === 'grant' ? ['grant', 'budgetLine'] : [f]));
    setErrors((e) => dropErrors(e, ['lines', ...(i >= 0 ? fields.map((f) => `lines.${i}.${f}`) : [])]));
  };
  const addLine = () => {
    const l = emptyLine();
    setLines((ls) => [...ls, l]);
    focusById(`me-line-${l.key}-account`);
  };
  const removeLine = (key: number, index: number) => {
    setLines((ls) => (ls.length <= 2 ? ls.map((l) => (l.key === key ? { ...emptyLine(), key } : l)) : ls.filter((l) => l.key !== key)));
    const neighbour = lines[index + 1] ?? lines[index - 1];
    focusById(lines.length <= 2 ? `me-line-${key}-account` : neighbour ? `me-line-${neighbour.key}-account` : 'me-add-line');
  };

  /** An error for row `key`, field `f`; the books name a budget line's error "budgetLine". */
  const lineError = (key: number, f: LineField): string | undefined => {
    const i = sentKeys.current.indexOf(key);
    if (i < 0) return undefined;
    return errors.fields[`lines.${i}.${f}`] ?? (f === 'grant' ? errors.fields[`lines.${i}.budgetLine`] : undefined);
  };

  function idForField(field: string): string {
    const m = /^lines\.(\d+)\.(\w+)$/.exec(field);
    if (m) {
      const key = sentKeys.current[Number(m[1])];
      const f = m[2] === 'budgetLine' ? 'grant' : m[2];
      return key !== undefined ? `me-line-${key}-${f}` : 'me-lines-error';
    }
    if (field === 'lines') return 'me-lines-error';
    return `me-${field}`;
  }

  function show(fe: FormErrors) {
    setErrors(fe);
    const first = Object.keys(fe.fields)[0];
    if (first) {
      focusById(idForField(first));
      announce(fe.fields[first] ?? '', 'error', { visible: false });
    } else if (fe.general) announce(fe.general, 'error');
  }

  function buildLines(forDraft: boolean) {
    const used = lines.filter((l) => (forDraft ? Boolean(l.account) : isUsed(l)));
    sentKeys.current = used.map((l) => l.key);
    return used.map((l) => {
      const debit = l.debit.trim() ? (parseInputAmount(l.debit) ?? l.debit.trim()) : undefined;
      const credit = l.credit.trim() ? (parseInputAmount(l.credit) ?? l.credit.trim()) : undefined;
      return {
        account: l.account,
        ...(debit !== undefined ? { debit } : {}),
        ...(credit !== undefined ? { credit } : {}),
        ...(l.description.trim() ? { description: l.description.trim() } : {}),
        ...(grantOf(l) ? grantFields(l.grant) : {}),
      };
    });
  }

  function validateHead(): Record<string, string> {
    const f: Record<string, string> = {};
    if (!parseInputDate(date)) f.date = t('errors.date');
    if (!description.trim()) f.description = t('errors.description');
    return f;
  }

  function reset() {
    setLines([emptyLine(), emptyLine()]);
    setDescription('');
    setDraftId(null);
    sentKeys.current = [];
    if (draftParam) navigate('manual-entry');
  }

  async function post(e: FormEvent) {
    e.preventDefault();
    // The button is disabled until the entry balances; the books check again and explain in Dutch.
    const f = validateHead();
    if (Object.keys(f).length > 0) return show({ fields: f, general: null });
    const input = {
      date: parseInputDate(date)!,
      description: description.trim(),
      ...(journal ? { journal } : {}),
      lines: buildLines(false),
    };
    setBusy(true);
    try {
      let r: { ref: string };
      if (draftId !== null) {
        await call('entries.saveDraft', { ...input, id: draftId, lines: buildLines(false) });
        r = await call('entries.postDraft', { id: draftId });
      } else {
        r = await call('entries.post', input);
      }
      setErrors(NO_ERRORS);
      announce(t('manual.done', { ref: r.ref }));
      booksChanged();
      reset();
      focusById('me-description');
    } catch (err) {
      show(formErrorsFrom(err, ['date', 'description', 'journal', 'lines']));
    } finally {
      setBusy(false);
    }
  }

  async function saveDraft() {
    const f = validateHead();
    if (Object.keys(f).length > 0) return show({ fields: f, general: null });
    setBusy(true);
    try {
      const r = await call('entries.saveDraft', {
        ...(draftId !== null ? { id: draftId } : {}),
        date: parseInputDate(date)!,
        description: description.trim(),
        ...(journal ? { journal } : {}),
        lines: buildLines(true),
      });
      setDraftId(r.id);
      setErrors(NO_ERRORS);
      booksChanged();
      announce(t('manual.draftSaved'));
    } catch (err) {
      show(formErrorsFrom(err, ['date', 'description', 'journal', 'lines']));
    } finally {
      setBusy(false);
    }
  }

  async function deleteDraft() {
    if (draftId === null) return;
    setBusy(true);
    try {
      await call('entries.deleteDraft', { id: draftId });
      booksChanged();
      announce(t('manual.draftDeleted'));
      reset();
    } catch (err) {
      show(formErrorsFrom(err));
    } finally {
      setBusy(false);
    }
  }

  const accountList = accounts.data ?? [];
  const linesError = errors.fields.lines;

  return (
    <div className="screen" data-testid="screen-manual-entry">
      <PageTitle intro={t('manual.intro')}>{draftId !== null ? t('manual.titleDraft') : t('manual.title')}</PageTitle>
      <Hint>{t('manual.hint')}</Hint>
      <form id="manual-entry" className="form form--wide" onSubmit={(e) => void post(e)} noValidate>
        <FormError error={errors.general ?? accounts.error} />
        <div className="row">
          <Field id="me-date" label={t('manual.date')} error={errors.fields.date}>
            {(a) => <DateInput a11y={a} value={date} onChange={(v) => { setDate(v); setErrors((e) => dropErrors(e, ['date'])); }} />}
          </Field>
          <Field id="me-description" label={t('manual.description')} error={errors.fields.description} className="grow">
            {(a) => <input {...a} className="input" value={description} onChange={(e) => { setDescription(e.target.value); setErrors((er) => dropErrors(er, ['description'])); }} autoComplete="off" maxLength={500} />}
          </Field>
          <Field id="me-journal" label={t('manual.journal')} error={errors.fields.journal}>
            {(a) => (
              <select {...a} className="input input--auto" value={journal} onChange={(e) => setJournal(e.target.value)}>
                <option value="">{t('manual.journalAuto')}</option>
                {(journals.data ?? []).map((j) => (
                  <option key={j.code} value={j.code}>
                    {j.code} · {j.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>

        <div className="table-scroll" role="region" aria-label={t('manual.linesCaption')} tabIndex={0}>
          <table className="table lines-table" aria-describedby={describedBy('me-balance', linesError && 'me-lines-error')} data-testid="manual-lines">
            <caption className="visually-hidden">{t('manual.linesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.account')}</th>
                <th scope="col">{t('manual.lineDescription')}</th>
                <th scope="col" className="num">
                  {t('common.debit')}
                </th>
                <th scope="col" className="num">
                  {t('common.credit')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('manual.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <LineRow
                  key={l.key}
                  line={l}
                  n={i + 1}
                  accounts={accountList}
                  grantOptions={grantOptions.data}
                  errorOf={(f) => lineError(l.key, f)}
                  onChange={(patch) => setLine(l.key, patch)}
                  onRemove={() => removeLine(l.key, i)}
                  onlyTwo={lines.length <= 2}
                />
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('common.total')}
                </th>
                <td className="num" data-testid="manual-total-debit">
                  {euroCents(calc.debit)}
                </td>
                <td className="num" data-testid="manual-total-credit">
                  {euroCents(calc.credit)}
                </td>
                <td />
              </tr>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('manual.difference')}
                </th>
                <td className="num" colSpan={2} data-testid="manual-difference">
                  {euroCents(calc.diff < 0n ? -calc.diff : calc.diff)}
                </td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
        <p>
          <button type="button" id="me-add-line" className="button" onClick={addLine}>
            {t('manual.addLine')}
          </button>
        </p>
        <p id="me-balance" className={`balance-status ${calc.balanced ? 'balance-status--ok' : 'balance-status--off'}`} data-testid="manual-balance">
          <span aria-hidden="true" className="balance-status__icon">
            {calc.balanced ? '✓' : '≠'}
          </span>{' '}
          {reason}
        </p>
        {linesError ? (
          <p id="me-lines-error" className="field__error" tabIndex={-1}>
            <span className="field__error-icon" aria-hidden="true">
              !
            </span>{' '}
            {linesError}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={!calc.ready || busy} aria-describedby="me-balance">
            {t('manual.post')}
          </button>
          <button type="button" className="button" onClick={() => void saveDraft()} disabled={busy}>
            {t('manual.saveDraft')}
          </button>
          {draftId !== null ? (
            <button type="button" className="button button--danger-quiet" onClick={() => void deleteDraft()} disabled={busy}>
              {t('manual.deleteDraft')}
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
