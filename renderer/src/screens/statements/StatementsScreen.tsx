import { useTranslation } from 'react-i18next';
import type { CostAllocationStatement } from '../../../../shared/api/allocation';
import type { ScreenProps } from '../../screenProps';
import { FormError, Hint } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { dateNl, euro, toCents } from '../../format';
import { useApi } from '../../hooks';
import { hrefFor, navigate } from '../../router';
import { Amount, StatementTable, useChosenYear, useLineLabel, YearPicker } from './common';
import { serverText } from '../../serverText';

type View = 'balance' | 'income';

/** Balance sheet and income statement of a year. Route: statements[?year=YYYY&view=balance|income]. */
export function StatementsScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const { years, year, setYear } = useChosenYear(params.get('year'));
  const view: View = params.get('view') === 'income' ? 'income' : 'balance';
  const go = (v: View, y: number | null = year) => navigate('statements', { view: v, ...(y !== null ? { year: y } : {}) });
  return (
    <div className="screen" data-testid="screen-statements">
      <PageTitle intro={t('statements.main.intro')}>{t('statements.main.title')}</PageTitle>
      <Hint>{t('statements.main.hint')}</Hint>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <YearPicker
          id="statements-year"
          years={years}
          value={year}
          onChange={(y) => {
            setYear(y);
            go(view, y);
          }}
        />
      </form>
      <div className="statement-tabs" role="tablist" aria-label={t('statements.tabs.label')}>
        {(['balance', 'income'] as View[]).map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            id={`tab-${v}`}
            aria-selected={view === v}
            aria-controls={`panel-${v}`}
            className={view === v ? 'button button--primary' : 'button'}
            onClick={() => go(v)}
          >
            {t(`statements.tabs.${v}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`}>
        {year === null ? null : view === 'balance' ? <Balance year={year} /> : <Income year={year} />}
      </div>
    </div>
  );
}

function Balance({ year }: { year: number }) {
  const { t } = useTranslation();
  const bs = useApi('reports.balanceSheet', { year });
  if (bs.error) return <FormError error={bs.error} />;
  if (!bs.data) return <p className="muted">{t('statements.loading')}</p>;
  const d = bs.data;
  return (
    <>
      <p className="muted">{t(`statements.layout.${d.layout}`)}</p>
      <div className={`statement-check${d.balanced ? '' : ' statement-check--off'}`} data-testid="balance-check" data-balanced={d.balanced ? 'true' : 'false'}>
        {d.balanced ? t('statements.balance.balanced', { amount: euro(d.totals.activa) }) : t('statements.balance.unbalanced')}
      </div>
      <StatementTable rows={d.activa} columns={d.columns} caption={t('statements.balance.activa')} year={year} testId="balance-activa" />
      <StatementTable rows={d.passiva} columns={d.columns} caption={t('statements.balance.passiva')} year={year} testId="balance-passiva" />
      {d.notes.map((n, i) => (
        <p key={n} className="muted">{serverText({ message: n, says: d.notesSays[i] ? [d.notesSays[i]] : [] })}</p>
      ))}
      <p className="visually-hidden">{t('statements.balance.caption', { date: dateNl(d.date) })}</p>
    </>
  );
}

function Income({ year }: { year: number }) {
  const { t } = useTranslation();
  const is = useApi('reports.incomeStatement', { year });
  if (is.error) return <FormError error={is.error} />;
  if (!is.data) return <p className="muted">{t('statements.loading')}</p>;
  const d = is.data;
  const result = toCents(d.result.current) ?? 0n;
  const abs = result < 0n ? d.result.current.slice(1) : d.result.current;
  return (
    <>
      <p className="muted">{t(`statements.layout.${d.layout}`)}</p>
      <div className="statement-check" data-testid="income-result">
        <strong>{t('statements.income.result')}: {euro(d.result.current)}.</strong>{' '}
        {result >= 0n ? t('statements.income.surplus', { amount: euro(abs) }) : t('statements.income.deficit', { amount: euro(abs) })}
      </div>
      <StatementTable rows={d.rows} columns={d.columns} caption={t('statements.income.caption', { year })} year={year} testId="income-statement" />
      <h2>{t('statements.income.appropriation')}</h2>
      <p className="muted">{d.appropriation.proposed ? t('statements.income.proposed') : t('statements.income.booked')}</p>
      <StatementTable
        rows={d.appropriation.rows}
        columns={{ current: d.columns.current, budget: null, previous: d.columns.previous }}
        caption={t('statements.income.appropriation')}
        year={year}
        testId="income-appropriation"
      />
      {d.notes.map((n, i) => (
        <p key={n} className="muted">{serverText({ message: n, says: d.notesSays[i] ? [d.notesSays[i]] : [] })}</p>
      ))}
      {d.costAllocation ? <CostAllocationTable data={d.costAllocation} year={year} previous={d.columns.previous} /> : null}
    </>
  );
}

/** Lastenverdeelstaat (RJ 650): costs by kind over the objectives, fundraising and management. */
function CostAllocationTable({ data, year, previous }: { data: CostAllocationStatement; year: number; previous: string | null }) {
  const { t } = useTranslation();
  const lineLabel = useLineLabel();
  return (
    <>
      <h2>{t('statements.costAllocation.title')}</h2>
      <p className="muted">
        {t('statements.costAllocation.intro')} <a href={hrefFor('allocation')}>{t('statements.costAllocation.toKeys')}</a>
      </p>
      {/* Wide with many objectives: the scroll area takes focus so keyboard users can scroll it. */}
      <div className="table-scroll" role="region" aria-label={t('statements.costAllocation.title')} tabIndex={0}>
        <table className="table statement" data-testid="cost-allocation">
          <caption>{t('statements.costAllocation.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statements.costAllocation.kind')}</th>
              {data.columns.map((c) => (
                <th key={c.key} scope="col" className="num">{lineLabel(c.key, c.label)}</th>
              ))}
              <th scope="col" className="num">{t('statements.costAllocation.total', { year })}</th>
              {previous ? <th scope="col" className="num">{previous}</th> : null}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.key} className="statement__line" data-key={r.key}>
                <th scope="row">{lineLabel(r.key, r.label)}</th>
                {data.columns.map((c) => (
                  <td key={c.key} className="num"><Amount value={r.amounts[c.key] ?? null} /></td>
                ))}
                <td className="num"><Amount value={r.total} /></td>
                {previous ? <td className="num"><Amount value={r.previous} /></td> : null}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="statement__total">
              <th scope="row">{t('statements.costAllocation.totals')}</th>
              {data.columns.map((c) => (
                <td key={c.key} className="num"><Amount value={data.totals.amounts[c.key] ?? null} /></td>
              ))}
              <td className="num"><Amount value={data.totals.total} /></td>
              {previous ? <td className="num"><Amount value={data.totals.previous} /></td> : null}
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
