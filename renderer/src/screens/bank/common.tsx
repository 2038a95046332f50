/**
 * Shared pieces of the bank screens (issue 8): their texts (merged into the app's i18n under "bank";
 * the menu labels are in the core i18n), the bank-account picker and signed amounts.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../shared/api/types';
import { formatIban } from '../../../../shared/validation/iban';
import type { A11yProps } from '../../components/Field';
import { euro } from '../../format';
import { useAccounts } from '../../hooks';
import i18n from '../../i18n';
import en from './en.json';
import nl from './nl.json';

// Deep merge into the one "translation" namespace without overwriting keys of other features.
i18n.addResourceBundle('nl', 'translation', nl, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The administration's bank accounts (kind 'bank'), not archived. */
export function useBankAccounts(): { accounts: Account[]; all: Account[] } {
  const list = useAccounts(false);
  const all = list.data ?? [];
  return { accounts: all.filter((a) => a.kind === 'bank'), all };
}

export function BankAccountSelect({
  accounts,
  value,
  onChange,
  a11y,
  emptyLabel,
}: {
  accounts: Account[];
  value: string;
  onChange: (code: string) => void;
  a11y: A11yProps;
  emptyLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <select {...a11y} className="input input--auto" value={value} onChange={(e) => onChange(e.target.value)}>
      {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
      {accounts.map((a) => (
        <option key={a.code} value={a.code}>
          {a.code} · {a.name} ({a.iban ? formatIban(a.iban) : t('bank.noIban')})
        </option>
      ))}
    </select>
  );
}

/** "€ 45,00 af" / "€ 25,00 bij": the direction in words, never by colour alone. */
export function SignedAmount({ value }: { value: string }) {
  const { t } = useTranslation();
  return signedAmount(value, t);
}

/** SignedAmount for a caller that has `t` already (a long list: one useTranslation per row, not two). */
export function signedAmount(value: string, t: TFunction) {
  const out = value.startsWith('-');
  return (
    <span className={out ? 'bank-amount bank-amount--out' : 'bank-amount bank-amount--in'}>
      {euro(out ? value.slice(1) : value)} <span className="bank-amount__dir">{out ? t('bank.amountOut') : t('bank.amountIn')}</span>
    </span>
  );
}

/** A euro amount with its minus sign kept (a difference can go either way). */
export function Money({ value }: { value: string | null }) {
  if (value === null) return null;
  return <span className={value.startsWith('-') ? 'negative' : undefined}>{euro(value)}</span>;
}

export function ibanText(iban: string | null): string {
  return iban ? formatIban(iban) : '';
}


/**
 * A bank difference (bank minus books, a decimal string) in words, as the server says it
 * (shared/rules/bankDifference.ts): "€ 150,00 less on the bank", never a bare "€ -150,00".
 */
export function differenceText(t: (key: string, opts?: Record<string, unknown>) => string, difference: string): string {
  const negative = difference.trim().startsWith('-');
  const amount = euro(negative ? difference.trim().slice(1) : difference);
  if (/^-?0*(\.0*)?$/.test(difference.trim())) return t('bank.reconcile.diffNone');
  return t(negative ? 'bank.reconcile.diffLess' : 'bank.reconcile.diffMore', { amount });
}
