import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantReport } from '../../../../shared/api/grants';
import type { ScreenProps } from '../../screenProps';
import { call } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field, FormError, Hint } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { dateNl, euro, slug } from '../../format';
import { useApi } from '../../hooks';
import { hrefFor, navigate } from '../../router';
import { BudgetChart, LevelBadge, percentNl, StatusBadge } from './common';
import { SaveFileButton } from '../../components/SaveFile';
import { fileSafe } from '../../paths';
import { serverText } from '../../serverText';
import { BookForm } from './GrantBookForm';
import { YearEnd } from './GrantYearEnd';

const XLSX = { name: 'Excel', extensions: ['xlsx'] };

/** One grant: budget vs actual per line with a chart and warnings, booking on it, exports and year end. Route: grant?id=N. */
export function GrantScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const id = Number(params.get('id')) || 0;
  const report = useApi('grants.report', id ? { grant: id } : null);
  const r = report.data;
  if (!id) return <p>{t('notFound.text')}</p>;
  return (
    <div className="screen" data-testid="screen-grant">
      <PageTitle>{r ? t('grants.detail.title', { project: r.grant.project }) : t('common.loading')}</PageTitle>
      <FormError error={report.error} />
      {r ? <GrantDetail report={r} /> : null}
    </div>
  );
}

/** What is left of a budget; more spent than budgeted is said plainly, never as a negative amount. */
function LeftAmount({ value }: { value: string }) {
  const { t } = useTranslation();
  if (!value.startsWith('-')) return <>{euro(value)}</>;
  return <span className="grant-over">{t('grants.detail.overspent', { amount: euro(value.slice(1)) })}</span>;
}

function GrantDetail({ report: r }: { report: GrantReport }) {
  const { t } = useTranslation();
  const g = r.grant;
  return (
    <>
      <p>
        <StatusBadge status={g.status} /> <a href={hrefFor('grant-edit', { id: g.id })} data-testid="edit-grant">{t('grants.detail.edit')}</a>
      </p>
      <dl className="grant-facts" data-testid="grant-facts">
        <div><dt>{t('grants.detail.fund')}</dt><dd>{g.fund.name}</dd></div>
        {g.reference ? <div><dt>{t('grants.detail.reference')}</dt><dd>{g.reference}</dd></div> : null}
        <div><dt>{t('grants.detail.period')}</dt><dd>{dateNl(g.startDate)} – {dateNl(g.endDate)}</dd></div>
        <div><dt>{t('grants.detail.applied')}</dt><dd>{euro(g.applied)}</dd></div>
        <div><dt>{t('grants.detail.awarded')}</dt><dd>{g.awarded ? euro(g.awarded) : '–'}</dd></div>
        <div><dt>{t('grants.detail.received')}</dt><dd data-testid="grant-received">{euro(r.received)}</dd></div>
        <div><dt>{t('grants.detail.toReceive')}</dt><dd>{euro(r.toReceive)}</dd></div>
        <div><dt>{t('grants.detail.spent')}</dt><dd data-testid="grant-spent">{euro(r.totals.actual)}</dd></div>
        {/* One answer to "how much is left?": the budget minus what was spent (also in the table's total). */}
        <div><dt>{t('grants.detail.left')}</dt><dd data-testid="grant-left"><LeftAmount value={r.totals.remaining} /></dd></div>
      </dl>

      {r.warnings.length > 0 ? (
        <section className="grant-warnings" aria-labelledby="grant-warnings-title" data-testid="grant-warnings">
          <h2 id="grant-warnings-title">{t('grants.detail.warningsTitle')}</h2>
          <ul>
            {r.warnings.map((w, i) => (
              <li key={i} data-level={w.level}>{serverText(w)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {r.lines.length === 0 ? <p className="muted">{t('grants.detail.noLines')}</p> : null}
      <BudgetChart lines={r.lines} />
      {r.lines.length > 0 ? (
        <table className="table" data-testid="grant-report-table">
          <caption className="visually-hidden">{t('grants.detail.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('grants.detail.line')}</th>
              <th scope="col" className="num">{t('grants.detail.budget')}</th>
              <th scope="col" className="num">{t('grants.detail.actual')}</th>
              <th scope="col" className="num">{t('grants.detail.remaining')}</th>
              <th scope="col">{t('grants.detail.percent')}</th>
            </tr>
          </thead>
          <tbody>
            {r.lines.map((l) => (
              <tr key={l.id ?? 'none'} className={`grant-row--${l.level}`} data-line={l.name}>
                <th scope="row" className="th-plain">{l.name}</th>
                <td className="num">{euro(l.budget)}</td>
                <td className="num">{euro(l.actual)}</td>
                <td className="num"><LeftAmount value={l.remaining} /></td>
                <td><LevelBadge level={l.level} percent={l.percent} /></td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('grants.detail.total')}</th>
              <td className="num">{euro(r.totals.budget)}</td>
              <td className="num">{euro(r.totals.actual)}</td>
              <td className="num"><LeftAmount value={r.totals.remaining} /></td>
              <td>{percentNl(r.totals.percent)}</td>
            </tr>
          </tfoot>
        </table>
      ) : null}

      {!g.archived && g.status !== 'rejected' ? (
        <div className="grant-forms grant-section">
          <BookForm report={r} kind="cost" />
          <BookForm report={r} kind="income" />
        </div>
      ) : null}
      <Postings report={r} />
      <Exports report={r} />
      <YearEnd report={r} />
      <Manage report={r} />
    </>
  );
}

function Postings({ report: r }: { report: GrantReport }) {
  const { t } = useTranslation();
  const [line, setLine] = useState('');
  const [offset, setOffset] = useState(0);
  const limit = 50;
  const postings = useApi('grants.postings', { grant: r.grant.id, ...(line ? { budgetLine: Number(line) } : {}), limit, offset });
  const d = postings.data;
  return (
    <section className="grant-section" aria-labelledby="gp-title">
      <h2 id="gp-title">{t('grants.detail.postingsTitle')}</h2>
      {r.grant.budgetLines.length > 0 ? (
        <Field id="gp-line" label={t('grants.detail.budgetLine')}>
          {(a) => (
            <select {...a} className="input input--auto" value={line} onChange={(e) => { setLine(e.target.value); setOffset(0); }}>
              <option value="">{t('grants.detail.allLines')}</option>
              {r.grant.budgetLines.map((l) => (
                <option key={l.id} value={l.id}>{l.name}</option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <FormError error={postings.error} />
      {d && d.total === 0 ? <p className="muted">{t('grants.detail.noPostings')}</p> : null}
      {d && d.total > 0 ? (
        <>
          <table className="table table--compact" data-testid="grant-postings">
            <caption className="visually-hidden">{t('grants.detail.postingsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('grants.detail.date')}</th>
                <th scope="col">{t('grants.detail.ref')}</th>
                <th scope="col">{t('grants.detail.description')}</th>
                <th scope="col">{t('common.account')}</th>
                <th scope="col">{t('grants.detail.budgetLine')}</th>
                <th scope="col" className="num">{t('grants.detail.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((p, i) => (
                <tr key={`${p.entryId}-${i}`}>
                  <td>{dateNl(p.date)}</td>
                  <td className="mono">{p.ref}</td>
                  <td>{p.description}</td>
                  <td><span className="code">{p.account}</span> {p.accountName}</td>
                  <td>{p.budgetLineName ?? ''}</td>
                  <td className="num">{euro(p.kind === 'income' ? p.amount.replace(/^-/, '') : p.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" className="button button--small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - limit))}>{t('common.previous')}</button>
            <span className="result-count">{offset + 1}–{Math.min(offset + limit, d.total)} / {d.total}</span>
            <button type="button" className="button button--small" disabled={offset + limit >= d.total} onClick={() => setOffset(offset + limit)}>{t('common.next')}</button>
          </div>
        </>
      ) : null}
    </section>
  );
}

function Exports({ report: r }: { report: GrantReport }) {
  const { t } = useTranslation();
  const { info } = useApp();
  const base = `${slug(info?.organisation.name ?? 'stichting')}-${fileSafe(r.grant.project)}`.replace(/\s+/g, '-');
  return (
    <section className="grant-section" aria-labelledby="gx-title" data-testid="grant-exports">
      <h2 id="gx-title">{t('grants.detail.exportTitle')}</h2>
      <Hint>{t('grants.detail.exportHint')}</Hint>
      <div className="actions">
        <SaveFileButton method="grants.verantwoordingXlsx" input={() => ({ grant: r.grant.id })} fileName={`${base}-verantwoording.xlsx`} filter={XLSX}
          label={t('grants.detail.exportVerantwoording')} primary testId="export-verantwoording" />
        <SaveFileButton method="grants.budgetXlsx" input={() => ({ grant: r.grant.id })} fileName={`${base}-begroting.xlsx`} filter={XLSX}
          label={t('grants.detail.exportBudget')} testId="export-budget" />
      </div>
    </section>
  );
}

function Manage({ report: r }: { report: GrantReport }) {
  const { t } = useTranslation();
  const { announce, booksChanged } = useApp();
  const g = r.grant;
  async function archive() {
    try {
      const res = await call('grants.archive', { id: g.id, archived: !g.archived });
      announce(t(res.archived ? 'grants.detail.archivedDone' : 'grants.detail.unarchivedDone'));
      booksChanged();
    } catch (e) {
      announce(e instanceof Error ? e.message : String(e), 'error');
    }
  }
  const [confirming, setConfirming] = useState(false);
  async function remove() {
    setConfirming(false);
    try {
      await call('grants.delete', { id: g.id });
      announce(t('grants.detail.deleted'));
      booksChanged();
      navigate('grants');
    } catch (e) {
      announce(e instanceof Error ? e.message : String(e), 'error');
    }
  }
  return (
    <div className="actions grant-section">
      <button type="button" className="button" onClick={() => void archive()}>{t(g.archived ? 'grants.detail.unarchive' : 'grants.detail.archive')}</button>
      {!g.hasAllocations ? (
        <button type="button" className="button button--danger-quiet" onClick={() => setConfirming(true)}>{t('grants.detail.delete')}</button>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t('grants.detail.deleteConfirmTitle')}
        text={t('grants.detail.deleteConfirm')}
        confirmLabel={t('grants.detail.delete')}
        danger
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
        testId="grant-delete-confirm"
      />
    </div>
  );
}
