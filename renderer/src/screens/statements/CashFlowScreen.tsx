import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreenProps } from '../../screenProps';
import { FormError } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { dateNl, euro } from '../../format';
import { useApi } from '../../hooks';
import { Amount, useChosenYear, useLineLabel, YearPicker } from './common';

/** Kasstroomoverzicht (direct method). Route: cash-flow[?year=YYYY]. */
export function CashFlowScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const lineLabel = useLineLabel();
  const { years, year, setYear } = useChosenYear(params.get('year'));
  const cf = useApi('reports.cashFlow', year === null ? null : { year });
  const d = cf.data;
  return (
    <div className="screen" data-testid="screen-cash-flow">
      <PageTitle intro={t('statements.cashflow.intro')}>{t('statements.cashflow.title')}</PageTitle>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <YearPicker id="cashflow-year" years={years} value={year} onChange={setYear} />
      </form>
      <FormError error={cf.error} />
      {!d ? (
        <p className="muted">{t('statements.loading')}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="table statement" data-testid="cash-flow">
              <caption>{t('statements.cashflow.caption', { year: d.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('statements.table.item')}</th>
                  <th scope="col" className="num">{t('statements.cashflow.receipts')}</th>
                  <th scope="col" className="num">{t('statements.cashflow.payments')}</th>
                  <th scope="col" className="num">{t('statements.cashflow.net')}</th>
                </tr>
              </thead>
              <tbody>
                <tr className="statement__subtotal">
                  <th scope="row">{t('statements.cashflow.opening')}</th>
                  <td />
                  <td />
                  <td className="num"><Amount value={d.opening} /></td>
                </tr>
                {d.sections
                  .filter((s) => s.rows.length > 0)
                  .map((s) => (
                    <Fragment key={s.key}>
                      <tr className="statement__heading">
                        <th scope="rowgroup" colSpan={4}>{t(`statements.cashSections.${s.key}`, { defaultValue: s.label })}</th>
                      </tr>
                      {s.rows.map((r) => (
                        <tr key={r.key} className="statement__line statement__level-1">
                          <th scope="row">{t(`statements.cashLines.${r.key}`, { defaultValue: lineLabel(r.key, r.label) })}</th>
                          <td className="num">{r.receipts === '0.00' ? '' : euro(r.receipts)}</td>
                          <td className="num">{r.payments === '0.00' ? '' : euro(r.payments)}</td>
                          <td className="num"><Amount value={r.net} /></td>
                        </tr>
                      ))}
                      <tr className="statement__subtotal">
                        <th scope="row">{t(`statements.cashSections.${s.key}`, { defaultValue: s.label })}</th>
                        <td className="num">{euro(s.receipts)}</td>
                        <td className="num">{euro(s.payments)}</td>
                        <td className="num"><Amount value={s.net} /></td>
                      </tr>
                    </Fragment>
                  ))}
                <tr className="statement__subtotal">
                  <th scope="row">{t('statements.cashflow.change')}</th>
                  <td />
                  <td />
                  <td className="num"><Amount value={d.netChange} /></td>
                </tr>
                <tr className="statement__total" data-testid="cash-flow-closing">
                  <th scope="row">{t('statements.cashflow.closing')}</th>
                  <td />
                  <td />
                  <td className="num"><Amount value={d.closing} /></td>
                </tr>
              </tbody>
            </table>
          </div>
          {d.internalTransfers !== '0.00' ? <p className="muted">{t('statements.cashflow.internal', { amount: euro(d.internalTransfers) })}</p> : null}
          {d.matchesBalances ? <p className="statement-check">{t('statements.cashflow.matches', { date: dateNl(d.to) })}</p> : null}
          <table className="table table--compact">
            <caption className="visually-hidden">{t('statements.cashflow.accounts')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('statements.cashflow.account')}</th>
                <th scope="col" className="num">{t('statements.cashflow.start')}</th>
                <th scope="col" className="num">{t('statements.cashflow.end')}</th>
              </tr>
            </thead>
            <tbody>
              {d.moneyAccounts.map((a) => (
                <tr key={a.code}>
                  <th scope="row" className="th-plain"><span className="code">{a.code}</span> {a.name}</th>
                  <td className="num"><Amount value={a.opening} /></td>
                  <td className="num"><Amount value={a.closing} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
