import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/api/types';
import type { ScreenProps } from '../screenProps';
import { AccountSelect } from '../components/AccountPickers';
import { EntryDialog } from '../components/EntryDialog';
import { Field, FormError, Hint } from '../components/Field';
import { DateInput } from '../components/Inputs';
import { PageTitle } from '../components/PageTitle';
import { dateNl, euro, parseInputDate } from '../format';
import { useAccounts, useApi, useYears } from '../hooks';
import { useStagedRows } from '../useStagedRows';

const PAGE_SIZE = 100;
/** Rows drawn before the first paint: more than a 768-pixel-high window shows (useStagedRows). */
const FIRST_ROWS = 24;
const NO_ROWS: never[] = [];

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

/** The bank account (1100), else the first money account, else the first; '' while the list loads. */
function defaultAccount(accounts: Account[] | null): string {
  if (!accounts) return '';
  return (accounts.find((a) => a.code === '1100') ?? accounts.find((a) => a.kind !== null) ?? accounts[0])?.code ?? '';
}

/** The months of a fiscal year (which need not be a calendar year), as from/to dates. */
function monthsOf(start: string, end: string): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7));
  for (let i = 0; i < 24; i++) {
    const first = `${y}-${String(m).padStart(2, '0')}-01`;
    if (first > end) break;
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    out.push({ from: first < start ? start : first, to: last > end ? end : last });
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

export function LedgerScreen({ params }: ScreenProps) {
  const { t, i18n } = useTranslation();
  const accounts = useAccounts(true);
  const years = useYears();
  const defaultYear = useDefaultYear();
  const [chosenAccount, setAccount] = useState(params.get('account') ?? '');
  const [year, setYear] = useState<string | null>(params.get('year'));
  const effectiveYear = year ?? defaultYear;
  const [month, setMonth] = useState('');
  const [order, setOrder] = useState<'newest' | 'oldest'>('newest');
  const [at, setAt] = useState('');
  // The page asked for: from the edge of the page shown before, or null for the start of the period.
  const [cursor, setCursor] = useState<{ older: string } | { newer: string } | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);

  // Start with the bank account when nothing was asked for. Worked out while rendering (not set by
  // an effect after it) so the first page is asked for in the first render (issue 18).
  const account = chosenAccount || defaultAccount(accounts.data);

  const fy = years.data?.find((y) => String(y.year) === effectiveYear);
  const months = useMemo(() => (fy ? monthsOf(fy.startDate, fy.endDate) : []), [fy]);
  // One formatter per language, not one per render (creating an Intl formatter loads locale data).
  const monthName = useMemo(() => new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' }), [i18n.language]);
  const chosenMonth = months.find((m) => m.from === month);
  const atIso = at.trim() ? parseInputDate(at) : null;
  const atError = at.trim() && !atIso ? t('errors.date') : undefined;

  const period = chosenMonth ? { from: chosenMonth.from, to: chosenMonth.to } : effectiveYear ? { year: Number(effectiveYear) } : {};
  const request = account && effectiveYear !== null && !atError
    ? { account, ...period, order, limit: PAGE_SIZE, ...(cursor ?? (atIso ? { at: atIso } : {})) }
    : null;
  const ledger = useApi('reports.ledgerPage', request);
  // A new question starts at its first page.
  useEffect(() => setCursor(null), [account, effectiveYear, month, order, atIso]);
  useEffect(() => setMonth(''), [effectiveYear]);
  const data = ledger.data;
  const { shown: rows, complete } = useStagedRows(data?.rows ?? NO_ROWS, FIRST_ROWS);
  const startsPeriod = data ? data.page.older === null : false;
  const openingRow = data ? (
    <tr className="row--muted" data-testid="ledger-page-opening">
      <td colSpan={5}>{startsPeriod ? t('ledger.opening') : t('ledger.pageOpening')}</td>
      <td className="num nowrap">{euro(data.page.opening)}</td>
    </tr>
  ) : null;

  return (
    <div className="screen" data-testid="screen-ledger">
      <PageTitle intro={t('ledger.intro')}>{t('ledger.title')}</PageTitle>
      <Hint>{t('ledger.hint')}</Hint>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('ledger.choose')}>
        <Field id="ledger-account" label={t('common.account')}>
          {(a) => <AccountSelect a11y={a} accounts={accounts.data ?? []} value={account} onChange={setAccount} includeArchived className="input input--auto" />}
        </Field>
        <YearSelect id="ledger-year" value={effectiveYear ?? ''} onChange={setYear} allowAll={t('ledger.allYears')} />
        {months.length > 0 ? (
          <Field id="ledger-month" label={t('ledger.month')}>
            {(a) => (
              <select {...a} className="input input--auto" value={month} onChange={(e) => setMonth(e.target.value)}>
                <option value="">{t('ledger.wholeYear')}</option>
                {months.map((m) => (
                  <option key={m.from} value={m.from}>
                    {monthName.format(new Date(`${m.from}T00:00:00Z`))}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field id="ledger-order" label={t('ledger.order')}>
          {(a) => (
            <select {...a} className="input input--auto" value={order} onChange={(e) => setOrder(e.target.value as 'newest' | 'oldest')}>
              <option value="newest">{t('ledger.newest')}</option>
              <option value="oldest">{t('ledger.oldest')}</option>
            </select>
          )}
        </Field>
        <Field id="ledger-at" label={t('ledger.at')} error={atError}>
          {(a) => <DateInput a11y={a} value={at} onChange={setAt} />}
        </Field>
      </form>
      <FormError error={ledger.error} />
      {data ? (
        <section aria-labelledby="ledger-table-title">
          <h2 id="ledger-table-title">
            <span className="code">{data.account.code}</span> {data.account.name}
          </h2>
          <p className="result-count" data-testid="ledger-count">
            {t('ledger.count', { count: data.count, formatted: data.count.toLocaleString('nl-NL') })}
          </p>
          <table className="table table--ledger" data-testid="ledger-table" data-order={data.order}>
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
              {data.order === 'oldest' ? openingRow : null}
              {rows.map((r, i) => (
                <tr key={`${r.entryId}-${i}`} data-testid="ledger-row">
                  <td className="nowrap">{dateNl(r.date)}</td>
                  <td className="nowrap">
                    <button type="button" className="button button--link" onClick={() => setOpenId(r.entryId)}>
                      {r.ref}
                    </button>
                  </td>
                  <td>{r.description}</td>
                  <td className="num nowrap">{euro(r.debit)}</td>
                  <td className="num nowrap">{euro(r.credit)}</td>
                  <td className="num nowrap">{euro(r.balance)}</td>
                </tr>
              ))}
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={6} className="muted">
                    {t('ledger.empty')}
                  </td>
                </tr>
              ) : null}
              {data.order === 'newest' && complete ? openingRow : null}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('ledger.totalsAndClosing')}
                </th>
                <td className="num nowrap">{euro(data.totals.debit)}</td>
                <td className="num nowrap">{euro(data.totals.credit)}</td>
                <td className="num nowrap">{euro(data.closing)}</td>
              </tr>
            </tfoot>
          </table>
          <nav className="pager" aria-label={t('ledger.pages')}>
            <button type="button" className="button" data-testid="ledger-newer" disabled={!data.page.newer} onClick={() => data.page.newer && setCursor({ newer: data.page.newer })}>
              {t('ledger.newer')}
            </button>
            <button type="button" className="button" data-testid="ledger-older" disabled={!data.page.older} onClick={() => data.page.older && setCursor({ older: data.page.older })}>
              {t('ledger.older')}
            </button>
          </nav>
        </section>
      ) : ledger.loading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}
      <EntryDialog id={openId} onClose={() => setOpenId(null)} onOpen={setOpenId} />
    </div>
  );
}
