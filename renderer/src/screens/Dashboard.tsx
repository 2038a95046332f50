import { useTranslation } from 'react-i18next';
import { FormError, Hint } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { euro, euroCents, toCents } from '../format';
import { useApi } from '../hooks';
import { hrefFor } from '../router';
import { OpeningCard } from './receipts/OpeningCard';

export function DashboardScreen() {
  const { t } = useTranslation();
  const { data, error, loading } = useApi('reports.dashboard', {});
  const total = (data?.money ?? []).reduce((s, m) => s + (toCents(m.balance) ?? 0n), 0n);
  const result = toCents(data?.result) ?? 0n;

  return (
    <div className="screen" data-testid="screen-dashboard">
      <PageTitle intro={t('dashboard.intro')}>{t('dashboard.title')}</PageTitle>
      <FormError error={error} />
      <div className="quick-actions">
        <a className="button button--primary button--big" href={hrefFor('money-in')}>
          <span aria-hidden="true" className="icon">+</span> {t('nav.money-in')}
        </a>
        <a className="button button--primary button--big" href={hrefFor('money-out')}>
          <span aria-hidden="true" className="icon">−</span> {t('nav.money-out')}
        </a>
        <a className="button button--big" href={hrefFor('transfer')}>
          <span aria-hidden="true" className="icon">⇄</span> {t('nav.transfer')}
        </a>
      </div>

      <OpeningCard />
      {data ? (
        <>
          <section aria-labelledby="dash-money" className="section">
            <h2 id="dash-money">{t('dashboard.moneyTitle')}</h2>
            <Hint>{t('dashboard.moneyHint')}</Hint>
            <ul className="tiles" data-testid="dashboard-money">
              {data.money.map((m) => (
                <li key={m.code} className="tile">
                  <span className="tile__label">
                    {m.name} <span className="code">{m.code}</span>
                  </span>
                  <span className={`tile__value${(toCents(m.balance) ?? 0n) < 0n ? ' negative' : ''}`}>{euro(m.balance)}</span>
                  <a className="tile__link" href={hrefFor('ledger', { account: m.code })}>
                    {t('dashboard.seeLedger', { name: m.name })}
                  </a>
                </li>
              ))}
              <li className="tile tile--total">
                <span className="tile__label">{t('dashboard.totalMoney')}</span>
                <span className="tile__value">{euroCents(total)}</span>
              </li>
            </ul>
          </section>

          <section aria-labelledby="dash-year" className="section">
            <h2 id="dash-year">{data.year !== null ? t('dashboard.yearTitle', { year: data.year }) : t('dashboard.yearTitleNone')}</h2>
            <ul className="tiles" data-testid="dashboard-year">
              <li className="tile">
                <span className="tile__label">{t('dashboard.income')}</span>
                <span className="tile__value">{euro(data.income)}</span>
              </li>
              <li className="tile">
                <span className="tile__label">{t('dashboard.expenses')}</span>
                <span className="tile__value">{euro(data.expenses)}</span>
              </li>
              <li className="tile tile--total">
                <span className="tile__label">{t('dashboard.result')}</span>
                <span className={`tile__value${result < 0n ? ' negative' : ''}`}>{euro(data.result)}</span>
                <span className="tile__note">
                  {result > 0n ? t('dashboard.resultPositive') : result < 0n ? t('dashboard.resultNegative') : t('dashboard.resultZero')}
                </span>
              </li>
            </ul>
          </section>
        </>
      ) : loading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}
    </div>
  );
}
