import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreenProps } from '../App';
import { AccountSelect } from '../components/AccountPickers';
import { EntryDialog } from '../components/EntryDialog';
import { Field, FormError, Hint } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { dateNl, euro } from '../format';
import { useAccounts, useApi, useYears } from '../hooks';

const SHOW_STEP = 500;

/** The default year: the newest open one, else the newest; null while the years load. */
export function useDefaultYear(): string | null {
  const years = useYears();
  if (!years.data) return years.error ? '' : null;
  const list = years.data;
  const open = [...list].reverse().find((y) => y.status === 'open') ?? list[list.length - 1];
  return open ? String(open.year) : '';
}

export function YearSelect({ id, value, onChange, allowAll }: { id: string; value: string; onChange: (v: string) => void; allowAll?: string }) {
  const { t } = useTranslation();
  const years = useYears();
  return (
    <Field id={id} label={t('common.year')}>
      {(a) => (
        <select {...a} className="input input--auto" value={value} onChange={(e) => onChange(e.target.value)}>
          {allowAll ? <option value="">{allowAll}</option> : null}
          {(years.data ?? []).map((y) => (
            <option key={y.year} value={y.year}>
              {y.year}
              {y.status === 'closed' ? ` (${t('years.closed')})` : ''}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function LedgerScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const accounts = useAccounts(true);
  const defaultYear = useDefaultYear();
  const [account, setAccount] = useState(params.get('account') ?? '');
  const [year, setYear] = useState<string | null>(params.get('year'));
  const effectiveYear = year ?? defaultYear;
  const [shown, setShown] = useState(SHOW_STEP);
  const [openId, setOpenId] = useState<number | null>(null);

  // Start with the bank account when nothing was asked for.
  useEffect(() => {
    if (!account && accounts.data) {
      const bank = accounts.data.find((a) => a.code === '1100') ?? accounts.data.find((a) => a.kind !== null) ?? accounts.data[0];
      if (bank) setAccount(bank.code);
    }
  }, [account, accounts.data]);

  const ledger = useApi(
    'reports.generalLedger',
    account && effectiveYear !== null ? { account, ...(effectiveYear ? { year: Number(effectiveYear) } : {}) } : null,
  );
  useEffect(() => setShown(SHOW_STEP), [account, effectiveYear]);
  const data = ledger.data;
  const rows = data?.rows ?? [];

  return (
    <div className="screen" data-testid="screen-ledger">
      <PageTitle intro={t('ledger.intro')}>{t('ledger.title')}</PageTitle>
      <Hint>{t('ledger.hint')}</Hint>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('ledger.choose')}>
        <Field id="ledger-account" label={t('common.account')}>
          {(a) => <AccountSelect a11y={a} accounts={accounts.data ?? []} value={account} onChange={setAccount} includeArchived className="input input--auto" />}
        </Field>
        <YearSelect id="ledger-year" value={effectiveYear ?? ''} onChange={setYear} allowAll={t('ledger.allYears')} />
      </form>
      <FormError error={ledger.error} />
      {data ? (
        <section aria-labelledby="ledger-table-title">
          <h2 id="ledger-table-title">
            <span className="code">{data.account.code}</span> {data.account.name}
          </h2>
          <table className="table" data-testid="ledger-table">
            <caption className="visually-hidden">{t('ledger.caption', { name: data.account.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.date')}</th>
                <th scope="col">{t('journal.col.ref')}</th>
                <th scope="col">{t('journal.col.description')}</th>
                <th scope="col" className="num">
                  {t('common.debit')}
                </th>
                <th scope="col" className="num">
                  {t('common.credit')}
                </th>
                <th scope="col" className="num">
                  {t('ledger.balance')}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr className="row--muted">
                <td colSpan={5}>{t('ledger.opening')}</td>
                <td className="num">{euro(data.opening)}</td>
              </tr>
              {rows.slice(0, shown).map((r, i) => (
                <tr key={`${r.entryId}-${i}`}>
                  <td>{dateNl(r.date)}</td>
                  <td>
                    <button type="button" className="button button--link" onClick={() => setOpenId(r.entryId)}>
                      {r.ref}
                    </button>
                  </td>
                  <td>{r.description}</td>
                  <td className="num">{euro(r.debit)}</td>
                  <td className="num">{euro(r.credit)}</td>
                  <td className="num">{euro(r.balance)}</td>
                </tr>
              ))}
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={6} className="muted">
                    {t('ledger.empty')}
                  </td>
                </tr>
              ) : null}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('ledger.totalsAndClosing')}
                </th>
                <td className="num">{euro(data.totals.debit)}</td>
                <td className="num">{euro(data.totals.credit)}</td>
                <td className="num">{euro(data.closing)}</td>
              </tr>
            </tfoot>
          </table>
          {rows.length > shown ? (
            <p>
              <button type="button" className="button" onClick={() => setShown((n) => n + SHOW_STEP)}>
                {t('ledger.showMore', { shown, total: rows.length })}
              </button>
            </p>
          ) : null}
        </section>
      ) : ledger.loading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}
      <EntryDialog id={openId} onClose={() => setOpenId(null)} onOpen={setOpenId} />
    </div>
  );
}
