import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/api/types';
import type { AccountType } from '../../../shared/chart';
import { Field, FieldSet, type A11yProps } from './Field';

const TYPE_ORDER: AccountType[] = ['asset', 'liability', 'equity', 'income', 'expense'];

/** A plain explanation of a default account, when we have one. */
export function useAccountHelp() {
  const { t, i18n } = useTranslation();
  return (a: Pick<Account, 'code'>): string | undefined => {
    const key = `accountHelp.${a.code}`;
    return i18n.exists(key) ? t(key) : undefined;
  };
}

/**
 * A select with every usable account, grouped by type ("Bezittingen", "Uitgaven", …).
 * Used where the user knows bookkeeping (manual entry, ledger, filters).
 */
export function AccountSelect({
  accounts,
  value,
  onChange,
  a11y,
  placeholder,
  includeArchived = false,
  className,
}: {
  accounts: Account[];
  value: string;
  onChange: (code: string) => void;
  a11y: A11yProps;
  placeholder?: string;
  includeArchived?: boolean;
  className?: string;
}) {
  const { t } = useTranslation();
  const usable = accounts.filter((a) => includeArchived || !a.archived || a.code === value);
  return (
    <select {...a11y} className={className ?? 'input'} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{placeholder ?? t('common.chooseAccount')}</option>
      {TYPE_ORDER.map((type) => {
        const group = usable.filter((a) => a.type === type);
        if (group.length === 0) return null;
        return (
          <optgroup key={type} label={t(`accountType.${type}`)}>
            {group.map((a) => (
              <option key={a.code} value={a.code}>
                {a.code} · {a.name}
                {a.archived ? ` (${t('accounts.archived')})` : ''}
              </option>
            ))}
          </optgroup>
        );
      })}
    </select>
  );
}

/**
 * A plain-words picker: every choice is a large radio button with the account's name and, when we
 * have it, one sentence about what it is for.
 */
export function AccountChoice({
  id,
  name,
  legend,
  hint,
  error,
  accounts,
  value,
  onChange,
  showHelp = true,
  columns = 2,
}: {
  id: string;
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  accounts: Account[];
  value: string;
  onChange: (code: string) => void;
  showHelp?: boolean;
  columns?: 1 | 2 | 3;
}) {
  const help = useAccountHelp();
  return (
    <FieldSet id={id} legend={legend} hint={hint} error={error}>
      <div className={`choices choices--${columns}`}>
        {accounts.map((a) => {
          const optionId = `${id}-${a.code}`;
          const text = showHelp ? help(a) : undefined;
          return (
            <div key={a.code} className={`choice${value === a.code ? ' choice--checked' : ''}`}>
              <input
                type="radio"
                id={optionId}
                name={name}
                value={a.code}
                checked={value === a.code}
                onChange={() => onChange(a.code)}
                {...(text ? { 'aria-describedby': `${optionId}-help` } : {})}
              />
              <label htmlFor={optionId}>
                <span className="choice__name">{a.name}</span>
                <span className="choice__code"> {a.code}</span>
              </label>
              {text ? (
                <span id={`${optionId}-help`} className="choice__help">
                  {text}
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
    </FieldSet>
  );
}

/**
 * The plain-language categories of "Geld ontvangen" and "Geld uitgeven": income accounts for money
 * in, cost accounts for money out. Every other usable account is "more" (behind "Meer rekeningen").
 */
export function splitCategories(accounts: Account[], direction: 'in' | 'out', exclude: string[] = []): { main: Account[]; more: Account[] } {
  const usable = accounts.filter((a) => !a.archived && !exclude.includes(a.code));
  const type = direction === 'in' ? 'income' : 'expense';
  return { main: usable.filter((a) => a.type === type), more: usable.filter((a) => a.type !== type) };
}

/**
 * The category choice of the money forms for any form that books money in or out (the bank inbox
 * too): the categories as large choices, the rest of the chart in a list under "Meer rekeningen",
 * opened by itself when the chosen account is one of those.
 */
export function CategoryChoice({
  id,
  legend,
  hint,
  error,
  accounts,
  direction,
  exclude,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  accounts: Account[];
  direction: 'in' | 'out';
  exclude?: string[];
  value: string;
  onChange: (code: string) => void;
}) {
  const { t } = useTranslation();
  const { main, more } = splitCategories(accounts, direction, exclude);
  const inMore = more.some((a) => a.code === value);
  return (
    <>
      <AccountChoice id={id} name={`${id}-choice`} legend={legend} hint={hint} error={inMore ? undefined : error} accounts={main} value={inMore ? '' : value} onChange={onChange} />
      {more.length > 0 ? (
        <details className="more-accounts" open={inMore} data-testid={`${id}-more`}>
          <summary>{t('common.moreAccounts')}</summary>
          <Field id={`${id}-more-select`} label={t('common.moreAccountsLabel')} error={inMore ? error : undefined}>
            {(a) => <AccountSelect accounts={more} value={inMore ? value : ''} onChange={onChange} a11y={a} />}
          </Field>
        </details>
      ) : null}
    </>
  );
}
