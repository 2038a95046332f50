import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Overview, OverviewRow } from '../../../../shared/api/overview';
import type { ScreenProps } from '../../screenProps';
import { call } from '../../api';
import { Field, FormError } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { dateNl } from '../../format';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../hooks';
import { dirOf } from '../../paths';
import { navigate } from '../../router';
import { serverText } from '../../serverText';

/**
 * "Mijn stichtingen" (issue 19): every administration in a folder with what needs attention, the
 * most urgent first; one click opens one. Works with or without an administration open.
 * Route: overview[?map=FOLDER].
 */
export function OverviewScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const { info, capabilities } = useApp();
  const [folder, setFolder] = useState(params.get('map') ?? (info ? dirOf(info.path) : capabilities.defaultDir ?? ''));
  const [data, setData] = useState<Overview | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  async function scan(ev: FormEvent) {
    ev.preventDefault();
    setErrors(NO_ERRORS);
    setBusy(true);
    try {
      setData(await call('overview.scan', { folder }));
    } catch (e) {
      setErrors(formErrorsFrom(e, ['folder'], () => 'folder'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="screen" data-testid="screen-overview">
      <PageTitle intro={t('coach.intro')}>{t('coach.title')}</PageTitle>
      <form className="form form--wide" onSubmit={(e) => void scan(e)} noValidate>
        {/* The folder of the open administration is filled in: a coach keeps the files together. */}
        <Field id="coach-folder" label={t('coach.folder')} hint={t('coach.folderHint')} error={errors.fields.folder}>
          {(a) => <input {...a} className="input" value={folder} onChange={(e) => setFolder(e.target.value)} spellCheck={false} />}
        </Field>
        <FormError error={errors.general} />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>{t('coach.scan')}</button>
          {!info ? <button type="button" className="button button--quiet" onClick={() => navigate('welcome')}>{t('coach.back')}</button> : null}
        </div>
      </form>
      {busy ? <p className="muted" role="status">{t('coach.scanning')}</p> : null}
      {data ? <OverviewTable data={data} /> : null}
    </div>
  );
}

function days(t: (k: string, o?: Record<string, unknown>) => string, n: number | null): string {
  return n === null ? t('coach.never') : t('coach.days', { count: n });
}

function OverviewTable({ data }: { data: Overview }) {
  const { t } = useTranslation();
  if (data.rows.length === 0) return <p>{t('coach.empty')}</p>;
  return (
    <section className="section" aria-label={t('coach.title')}>
      <p role="status">{t('coach.count', { count: data.rows.length })}</p>
      <div className="table-scroll">
        <table className="table coach-table" data-testid="coach-table">
          <thead>
            <tr>
              <th scope="col">{t('coach.name')}</th>
              <th scope="col">{t('coach.signals')}</th>
              <th scope="col">{t('coach.facts')}</th>
              <th scope="col"><span className="visually-hidden">{t('coach.open')}</span></th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => <Row key={r.path} row={r} />)}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Row({ row }: { row: OverviewRow }) {
  const { t } = useTranslation();
  const { setInfo, announce, booksChanged } = useApp();
  const name = row.name ?? row.file;
  async function open() {
    try {
      setInfo(await call('admin.open', { path: row.path }));
      booksChanged();
      navigate('dashboard');
    } catch (e) {
      announce(e instanceof Error ? e.message : String(e), 'error');
    }
  }
  return (
    <tr data-testid="coach-row" data-state={row.state} data-file={row.file} data-attention={row.attention}>
      <th scope="row">
        {name}
        <div className="muted">{row.file}</div>
      </th>
      <td>
        {row.stateMessage ? <p className={row.state === 'ok' ? 'muted' : 'coach-state'}>{serverText({ message: row.stateMessage, says: row.stateSays })}</p> : null}
        {row.state === 'ok' && row.signals.length === 0 ? <p>{t('coach.allGood')}</p> : null}
        <ul className="coach-signals">
          {row.signals.map((s) => (
            <li key={s.key} data-weight={s.weight} data-key={s.key}>{serverText(s)}</li>
          ))}
        </ul>
      </td>
      <td>
        {row.state === 'ok' ? (
          <dl className="coach-facts">
            <dt>{t('coach.lastEntry')}</dt><dd>{row.lastEntryDate ? dateNl(row.lastEntryDate) : t('coach.never')}</dd>
            <dt>{t('coach.inbox')}</dt><dd>{row.inboxCount}</dd>
            <dt>{t('coach.statement')}</dt><dd>{days(t, row.daysSinceStatement)}</dd>
            <dt>{t('coach.reconciled')}</dt><dd>{days(t, row.daysSinceReconciliation)}</dd>
            <dt>{t('coach.backup')}</dt><dd>{days(t, row.daysSinceBackup)}</dd>
            <dd>{row.verify === 'ok' ? t('coach.verifyOk') : t('coach.verifyProblems')}</dd>
          </dl>
        ) : null}
      </td>
      <td>
        {row.state === 'ok' || row.state === 'older' ? (
          <button type="button" className="button button--small" onClick={() => void open()} aria-label={t('coach.openLabel', { name })}>
            {t('coach.open')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}
