import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Allocation, AllocationAccount, AllocationTarget, Objective } from '../../../../shared/api/allocation';
import type { ScreenProps } from '../../screenProps';
import { call } from '../../api';
import { Field, FormError, Hint } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { useApi } from '../../hooks';
import { useLineLabel } from './common';

/**
 * Objectives (doelstellingen) and the allocation key of each cost account, for the RJ 650
 * statement and its lastenverdeelstaat. Route: allocation.
 */
export function AllocationScreen(_props: ScreenProps) {
  const { t } = useTranslation();
  // Keys hold per year: one chosen year, or '' for the keys of every year without their own.
  const years = useApi('years.list', {});
  const [year, setYear] = useState('');
  const alloc = useApi('allocation.get', year ? { year: Number(year) } : {});
  const org = useApi('org.get', {});
  return (
    <div className="screen" data-testid="screen-allocation">
      <PageTitle intro={t('statements.allocation.intro')}>{t('statements.allocation.title')}</PageTitle>
      {org.data && org.data.layout !== 'rj650' ? <Hint>{t('statements.allocation.rj640')}</Hint> : null}
      <FormError error={alloc.error} />
      {!alloc.data ? (
        <p className="muted">{t('statements.loading')}</p>
      ) : (
        <>
          <Objectives objectives={alloc.data.objectives} onSaved={alloc.reload} />
          <Field id="allocation-year" label={t('statements.allocation.year')} hint={t('statements.allocation.yearHint')}>
            {(a) => (
              <select {...a} className="input input--auto" value={year} onChange={(e) => setYear(e.target.value)}>
                <option value="">{t('statements.allocation.allYears')}</option>
                {(years.data ?? []).map((y) => (
                  <option key={y.year} value={y.year}>
                    {y.status === 'closed' ? t('statements.allocation.closedYear', { year: y.year }) : String(y.year)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Keys data={alloc.data} onSaved={alloc.reload} />
        </>
      )}
    </div>
  );
}

function Objectives({ objectives, onSaved }: { objectives: Objective[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const { announce } = useApp();
  const [list, setList] = useState<{ id?: number; name: string }[]>(objectives);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setList(objectives), [objectives]);
  async function save() {
    setBusy(true);
    setError(null);
    try {
      await call('allocation.setObjectives', { objectives: list.map((o) => (o.id === undefined ? { name: o.name } : { id: o.id, name: o.name })) });
      announce(t('statements.allocation.objectivesSaved'), 'success');
      onSaved();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="objectives-title">
      <h2 id="objectives-title">{t('statements.allocation.objectives')}</h2>
      {list.length === 0 ? <p className="muted">{t('statements.allocation.noObjectives')}</p> : null}
      <ol className="objective-list" data-testid="objectives">
        {list.map((o, i) => (
          <li key={o.id ?? `new-${i}`}>
            <label className="visually-hidden" htmlFor={`objective-${i}`}>{t('statements.allocation.objectiveName', { n: i + 1 })}</label>
            <input
              id={`objective-${i}`}
              className="input"
              value={o.name}
              maxLength={100}
              onChange={(e) => setList(list.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
            />{' '}
            <button type="button" className="button" onClick={() => setList(list.filter((_, j) => j !== i))} aria-label={t('statements.allocation.removeObjective', { name: o.name })}>
              ✕
            </button>
          </li>
        ))}
      </ol>
      <p>
        <button type="button" className="button" onClick={() => setList([...list, { name: '' }])}>{t('statements.allocation.addObjective')}</button>{' '}
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void save()}>{t('statements.allocation.saveObjectives')}</button>
      </p>
      <FormError error={error} />
    </section>
  );
}

interface Target {
  id: string;
  target: AllocationTarget;
  objectiveId: number | null;
  label: string;
}

function Keys({ data, onSaved }: { data: Allocation; onSaved: () => void }) {
  const { t } = useTranslation();
  const targets: Target[] = [
    ...data.objectives.map((o) => ({ id: `doel-${o.id}`, target: 'doelstelling' as const, objectiveId: o.id, label: o.name })),
    { id: 'werving', target: 'werving', objectiveId: null, label: t('statements.allocation.werving') },
    { id: 'beheer', target: 'beheer', objectiveId: null, label: t('statements.allocation.beheer') },
  ];
  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">{t('statements.allocation.keys')}</h2>
      <Hint>{t('statements.allocation.keysHint')}</Hint>
      <div className="table-scroll" role="region" aria-label={t('statements.allocation.keys')} tabIndex={0}>
        <table className="table" data-testid="allocation-keys">
          <caption className="visually-hidden">{t('statements.allocation.keys')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statements.allocation.account')}</th>
              <th scope="col">{t('statements.allocation.ownLine')}</th>
              {targets.map((x) => (
                <th key={x.id} scope="col" className="num">{x.label}</th>
              ))}
              <th scope="col" className="num">{t('statements.allocation.sum')}</th>
              <th scope="col"><span className="visually-hidden">{t('statements.allocation.save')}</span></th>
            </tr>
          </thead>
          <tbody>
            {data.accounts.map((a) => (
              <KeyRow key={a.code} account={a} targets={targets} year={data.year} onSaved={onSaved} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const percentText = (s: string): string => s.replace(/\.00$/, '').replace('.', ',');

function KeyRow({ account, targets, year, onSaved }: { account: AllocationAccount; targets: Target[]; year: number | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const { announce } = useApp();
  const lineLabel = useLineLabel();
  const fromAccount = () =>
    Object.fromEntries(targets.map((x) => [x.id, percentText(account.shares.find((s) => s.target === x.target && s.objectiveId === x.objectiveId)?.percent ?? '')]));
  const [values, setValues] = useState<Record<string, string>>(fromAccount);
  const [error, setError] = useState<string | null>(null);
  // Reload the inputs when the saved key changes (after a save or a reload of the screen).
  useEffect(() => setValues(fromAccount()), [account]);
  const parsed = targets.map((x) => ({ x, v: (values[x.id] ?? '').trim().replace(',', '.') })).filter((p) => p.v !== '' && Number(p.v) !== 0);
  const sum = parsed.reduce((s, p) => s + Math.round(Number(p.v) * 100), 0);
  async function save(shares: typeof parsed) {
    setError(null);
    try {
      await call('allocation.setKeys', { account: account.code, ...(year !== null ? { year } : {}), shares: shares.map((p) => ({ target: p.x.target, objectiveId: p.x.objectiveId, percent: p.v })) });
      announce(t('statements.allocation.keySaved', { code: account.code }), 'success');
      onSaved();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  return (
    <>
      <tr data-account={account.code}>
        <th scope="row">
          <span className="code">{account.code}</span> {account.name}
          {account.fromYear !== null ? <span className="muted"> · {t('statements.allocation.fromYear', { year: account.fromYear })}</span> : null}
        </th>
        <td>{account.shares.length === 0 ? `${lineLabel(account.line, account.line)} (${t('statements.allocation.default')})` : lineLabel(account.line, account.line)}</td>
        {targets.map((x) => (
          <td key={x.id} className="num">
            <input
              className="input input--narrow num"
              inputMode="decimal"
              aria-label={t('statements.allocation.percentOf', { code: account.code, target: x.label })}
              value={values[x.id] ?? ''}
              onChange={(e) => setValues({ ...values, [x.id]: e.target.value })}
            />
          </td>
        ))}
        <td className="num">{parsed.length === 0 ? '' : `${(sum / 100).toLocaleString('nl-NL')} %`}</td>
        <td>
          <button type="button" className="button" onClick={() => void save(parsed)}>{t('statements.allocation.save')}</button>{' '}
          {account.shares.length > 0 ? (
            <button type="button" className="button" onClick={() => void save([])}>{t('statements.allocation.reset')}</button>
          ) : null}
        </td>
      </tr>
      {error ? (
        <tr>
          <td colSpan={targets.length + 4}>
            <FormError error={error} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
