import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ScreenProps } from '../screenProps';
import { FormError, Hint } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { euro, toCents } from '../format';
import { useApi } from '../hooks';
import { hrefFor } from '../router';
import { useDefaultYear, YearSelect } from './Ledger';

export function TrialBalanceScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const defaultYear = useDefaultYear();
  const [year, setYear] = useState<string | null>(params.get('year'));
  const effectiveYear = year ?? defaultYear;
  const tb = useApi('reports.trialBalance', effectiveYear === null ? null : effectiveYear ? { year: Number(effectiveYear) } : {});
  const data = tb.data;
  const debit = toCents(data?.totals.debit) ?? 0n;
  const credit = toCents(data?.totals.credit) ?? 0n;
  const balanced = debit === credit;

  return (
    <div className="screen" data-testid="screen-trial-balance">
      <PageTitle intro={t('trial.intro')}>{t('trial.title')}</PageTitle>
      <Hint>{t('trial.hint')}</Hint>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('trial.choose')}>
        <YearSelect id="trial-year" value={effectiveYear ?? ''} onChange={setYear} allowAll={t('trial.allYears')} />
      </form>
      <FormError error={tb.error} />
      {data ? (
        <>
          <div className={`balance-sign ${balanced ? 'balance-sign--ok' : 'balance-sign--off'}`} data-testid="trial-balance-status" data-balanced={balanced ? 'true' : 'false'}>
            <span className="balance-sign__icon" aria-hidden="true">
              {balanced ? '✓' : '!'}
            </span>
            <div>
              <p className="balance-sign__title">{balanced ? t('trial.balanced') : t('trial.unbalanced')}</p>
              <p>{t('trial.totalsSentence', { debit: euro(data.totals.debit), credit: euro(data.totals.credit) })}</p>
            </div>
          </div>
          <table className="table" data-testid="trial-balance-table">
            <caption className="visually-hidden">{t('trial.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.account')}</th>
                <th scope="col" className="num">
                  {t('trial.opening')}
                </th>
                <th scope="col" className="num">
                  {t('common.debit')}
                </th>
                <th scope="col" className="num">
                  {t('common.credit')}
                </th>
                <th scope="col" className="num">
                  {t('trial.closing')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.accounts.map((a) => (
                <tr key={a.code} data-kind={a.kind}>
                  <th scope="row" className="th-plain">
                    {a.kind === 'earlierResult' ? (
                      <>
                        {a.name}
                        <span className="muted small"> {t('trial.earlierResult')}</span>
                      </>
                    ) : (
                      <a href={hrefFor('ledger', { account: a.code, ...(effectiveYear ? { year: effectiveYear } : {}) })}>
                        <span className="code">{a.code}</span> {a.name}
                      </a>
                    )}
                  </th>
                  <td className="num" data-testid="trial-opening">
                    {signedAmount(a.opening, t)}
                  </td>
                  <td className="num">{euro(a.debit)}</td>
                  <td className="num">{euro(a.credit)}</td>
                  <td className="num" data-testid="trial-closing">
                    {signedAmount(a.closing, t)}
                  </td>
                </tr>
              ))}
              {data.accounts.length === 0 ? (
                <tr>
                  <td colSpan={5} className="muted">
                    {t('trial.empty')}
                  </td>
                </tr>
              ) : null}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('common.total')}</th>
                <td />
                <td className="num" data-testid="trial-total-debit">
                  {euro(data.totals.debit)}
                </td>
                <td className="num" data-testid="trial-total-credit">
                  {euro(data.totals.credit)}
                </td>
                <td />
              </tr>
            </tfoot>
          </table>
        </>
      ) : tb.loading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}
    </div>
  );
}

/**
 * A signed balance as an amount with its side (debet/credit), the way a treasurer reads it. A
 * function given `t`, not a component with its own useTranslation: two per account row.
 */
function signedAmount(value: string, t: TFunction) {
  const cents = toCents(value) ?? 0n;
  const side = cents > 0n ? t('trial.sideDebit') : cents < 0n ? t('trial.sideCredit') : null;
  return (
    <>
      {euro(cents < 0n ? value.slice(1) : value)}
      {side ? (
        <>
          {' '}
          <span className="side">{side}</span>
        </>
      ) : null}
    </>
  );
}
