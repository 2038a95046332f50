import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Coverage } from '../../../../shared/api/grants';
import type { ScreenProps } from '../../screenProps';
import { call } from '../../api';
import { Field, FormError, Hint } from '../../components/Field';
import { AmountInput } from '../../components/Inputs';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { amountForInput, euro, euroCents, parseInputAmount, parseInputCents, slug, toCents } from '../../format';
import { formErrorsFrom, NO_ERRORS, useApi, type FormErrors } from '../../hooks';
import { hrefFor, navigate } from '../../router';
import { StatusBadge } from './common';
import { SaveFileButton } from '../../components/SaveFile';
import { fileSafe } from '../../paths';

interface Row { name: string; amount: string; confirmed?: boolean }

/** The coverage plan (dekkingsplan) of a project. Route: coverage[?project=NAME]. */
export function CoverageScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const projects = useApi('coverage.projects', {});
  const project = params.get('project') ?? '';
  const [typed, setTyped] = useState('');
  return (
    <div className="screen" data-testid="screen-coverage">
      <PageTitle intro={t('grants.coverage.intro')}>{t('grants.coverage.title')}</PageTitle>
      <Hint>{t('grants.coverage.hint')}</Hint>
      <form className="filters" onSubmit={(e) => { e.preventDefault(); if (typed.trim()) navigate('coverage', { project: typed.trim() }); }}>
        <Field id="cov-project" label={t('grants.coverage.project')}>
          {(a) => (
            <select {...a} className="input input--auto" value={project} onChange={(e) => navigate('coverage', { project: e.target.value })}>
              <option value="">{t('grants.coverage.chooseProject')}</option>
              {(projects.data ?? []).map((p) => (
                <option key={p.project} value={p.project}>{p.project}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id="cov-new" label={t('grants.coverage.newProject')} optional>
          {(a) => <input {...a} className="input input--medium" value={typed} onChange={(e) => setTyped(e.target.value)} maxLength={200} />}
        </Field>
        <button type="submit" className="button">{t('grants.coverage.open')}</button>
      </form>
      {project ? <CoverageEditor key={project} project={project} /> : null}
    </div>
  );
}

function CoverageEditor({ project }: { project: string }) {
  const { t } = useTranslation();
  const { announce, booksChanged, info } = useApp();
  const cov = useApi('coverage.get', { project });
  const [costs, setCosts] = useState<Row[]>([]);
  const [sources, setSources] = useState<Row[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const budgetName = `${slug(info?.organisation.name ?? 'stichting')}-${fileSafe(project).replace(/\s+/g, '-')}-begroting.xlsx`;

  useEffect(() => {
    const c: Coverage | null = cov.data;
    if (!c) return;
    const rows = c.costs.map((x) => ({ name: x.name, amount: amountForInput(toCents(x.amount) ?? 0n) }));
    setCosts(rows.length ? rows : [{ name: '', amount: '' }]);
    setSources(c.otherSources.map((x) => ({ name: x.name, amount: amountForInput(toCents(x.amount) ?? 0n), confirmed: x.confirmed })));
    setNote(c.note ?? '');
  }, [cov.data]);

  const c = cov.data;
  const costTotal = costs.reduce((s, r) => s + (parseInputCents(r.amount) ?? 0n), 0n);
  const grantConfirmed = (c?.sources ?? []).filter((s) => s.kind === 'grant').reduce((s, x) => s + (toCents(x.confirmed) ?? 0n), 0n);
  const grantPending = (c?.sources ?? []).filter((s) => s.kind === 'grant').reduce((s, x) => s + (toCents(x.pending) ?? 0n), 0n);
  const otherConfirmed = sources.filter((s) => s.confirmed).reduce((s, r) => s + (parseInputCents(r.amount) ?? 0n), 0n);
  const otherPending = sources.filter((s) => !s.confirmed).reduce((s, r) => s + (parseInputCents(r.amount) ?? 0n), 0n);
  const confirmed = grantConfirmed + otherConfirmed;
  const pending = grantPending + otherPending;

  async function save(ev: FormEvent) {
    ev.preventDefault();
    const fe: Record<string, string> = {};
    const clean = (rows: Row[], key: string) =>
      rows.filter((r) => r.name.trim() || r.amount.trim()).map((r, i) => {
        const a = parseInputAmount(r.amount);
        if (!r.name.trim()) fe[`${key}.${i}.name`] = t('grants.form.lineNameMissing');
        if (a === null || a.startsWith('-')) fe[`${key}.${i}.amount`] = t('grants.form.amountWrong');
        return { name: r.name.trim(), amount: a ?? '0.00', ...(r.confirmed !== undefined ? { confirmed: r.confirmed } : {}) };
      });
    const body = { project, note: note.trim(), costs: clean(costs, 'costs').map(({ name, amount }) => ({ name, amount })), otherSources: clean(sources, 'otherSources') };
    if (Object.keys(fe).length) return setErrors({ fields: fe, general: null });
    try {
      await call('coverage.set', body);
      setErrors(NO_ERRORS);
      announce(t('grants.coverage.saved'));
      booksChanged();
    } catch (e) {
      setErrors(formErrorsFrom(e));
    }
  }

  const editor = (rows: Row[], setRows: (r: Row[]) => void, key: 'costs' | 'otherSources') => (
    <table className="grant-lines" data-testid={`coverage-${key}`}>
      <thead>
        <tr>
          <th scope="col">{t(key === 'costs' ? 'grants.coverage.costName' : 'grants.coverage.sourceName')}</th>
          <th scope="col">{t(key === 'costs' ? 'grants.coverage.costAmount' : 'grants.coverage.sourceAmount')}</th>
          {key === 'otherSources' ? <th scope="col">{t('grants.coverage.sourceConfirmed')}</th> : null}
          <th scope="col"><span className="visually-hidden">{t('grants.coverage.remove')}</span></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            <td>
              <input className="input" aria-label={`${t(key === 'costs' ? 'grants.coverage.costName' : 'grants.coverage.sourceName')} ${i + 1}`} value={r.name} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} maxLength={200} />
              {errors.fields[`${key}.${i}.name`] ? <p className="field__error">{errors.fields[`${key}.${i}.name`]}</p> : null}
            </td>
            <td>
              <AmountInput a11y={{ id: `cov-${key}-${i}-amount` }} label={`${t('grants.coverage.costAmount')} ${i + 1}`} value={r.amount} onChange={(v) => setRows(rows.map((x, j) => (j === i ? { ...x, amount: v } : x)))} />
              {errors.fields[`${key}.${i}.amount`] ? <p className="field__error">{errors.fields[`${key}.${i}.amount`]}</p> : null}
            </td>
            {key === 'otherSources' ? (
              <td>
                <input type="checkbox" aria-label={`${t('grants.coverage.sourceConfirmed')} ${i + 1}`} checked={Boolean(r.confirmed)} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, confirmed: e.target.checked } : x)))} />
              </td>
            ) : null}
            <td>
              <button type="button" className="button button--quiet button--small" onClick={() => setRows(rows.filter((_, j) => j !== i))}>{t('grants.coverage.remove')}</button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  if (!c) return <FormError error={cov.error} />;
  return (
    <form onSubmit={(e) => void save(e)} noValidate data-testid="coverage-form">
      <FormError error={errors.general} />
      <section className="grant-section" aria-labelledby="cov-grants">
        <h2 id="cov-grants">{t('grants.coverage.grantsTitle')}</h2>
        {c.sources.filter((s) => s.kind === 'grant').length === 0 ? <p className="muted">{t('grants.coverage.noGrants')}</p> : (
          <table className="table table--compact" data-testid="coverage-grants">
            <thead>
              <tr>
                <th scope="col">{t('grants.list.fund')}</th>
                <th scope="col">{t('grants.list.status')}</th>
                <th scope="col" className="num">{t('grants.coverage.applied')}</th>
                <th scope="col" className="num">{t('grants.coverage.confirmed')}</th>
                <th scope="col" className="num">{t('grants.coverage.pending')}</th>
              </tr>
            </thead>
            <tbody>
              {c.sources.filter((s) => s.kind === 'grant').map((s) => (
                <tr key={s.grant!}>
                  <th scope="row" className="th-plain"><a href={hrefFor('grant', { id: s.grant! })}>{s.fund}</a></th>
                  <td>{s.status ? <StatusBadge status={s.status} /> : null}</td>
                  <td className="num">{euro(s.applied)}</td>
                  <td className="num">{euro(s.confirmed)}</td>
                  <td className="num">{euro(s.pending)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="grant-section" aria-labelledby="cov-costs">
        <h2 id="cov-costs">{t('grants.coverage.costsTitle')}</h2>
        {editor(costs, setCosts, 'costs')}
        <button type="button" className="button" onClick={() => setCosts([...costs, { name: '', amount: '' }])}>{t('grants.coverage.addCost')}</button>
      </section>
      <section className="grant-section" aria-labelledby="cov-sources">
        <h2 id="cov-sources">{t('grants.coverage.sourcesTitle')}</h2>
        {editor(sources, setSources, 'otherSources')}
        <button type="button" className="button" onClick={() => setSources([...sources, { name: '', amount: '', confirmed: false }])}>{t('grants.coverage.addSource')}</button>
      </section>
      <Field id="cov-note" label={t('grants.coverage.note')} optional>
        {(a) => <textarea {...a} className="input" rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />}
      </Field>
      <dl className="grant-facts" data-testid="coverage-totals">
        <div><dt>{t('grants.coverage.costTotal')}</dt><dd>{euroCents(costTotal)}</dd></div>
        <div><dt>{t('grants.coverage.confirmed')}</dt><dd>{euroCents(confirmed)}</dd></div>
        <div><dt>{t('grants.coverage.pending')}</dt><dd>{euroCents(pending)}</dd></div>
        <Gap label={t('grants.coverage.gap')} cents={costTotal - confirmed} testId="coverage-gap" />
        <Gap label={t('grants.coverage.gapIfAll')} cents={costTotal - confirmed - pending} />
      </dl>
      <div className="actions">
        <button type="submit" className="button button--primary" data-testid="coverage-save">{t('grants.coverage.save')}</button>
      </div>
      <section className="grant-section" aria-labelledby="cov-export">
        <h2 id="cov-export">{t('grants.detail.exportTitle')}</h2>
        <SaveFileButton method="grants.budgetXlsx" input={() => ({ project })} fileName={budgetName} filter={{ name: 'Excel', extensions: ['xlsx'] }} label={t('grants.coverage.export')} />
      </section>
    </form>
  );
}

/** A shortfall as a positive amount; more money than costs is said in words, not as a negative gap. */
function Gap({ label, cents, testId }: { label: string; cents: bigint; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <dt>{cents < 0n ? `${label}: ${t('grants.coverage.surplus')}` : label}</dt>
      <dd {...(testId ? { 'data-testid': testId } : {})}>{euroCents(cents < 0n ? -cents : cents)}</dd>
    </div>
  );
}
