import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Grant } from '../../../../shared/api/grants';
import { GRANT_STATUSES, type GrantStatus } from '../../../../shared/rules/grants';
import type { ScreenProps } from '../../screenProps';
import { call } from '../../api';
import { Field, FieldSet, FormError } from '../../components/Field';
import { AmountInput, DateInput } from '../../components/Inputs';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { amountForInput, dateNl, euroCents, parseInputAmount, parseInputCents, parseInputDate, toCents } from '../../format';
import { dropErrors, focusById, formErrorsFrom, NO_ERRORS, useAccounts, useApi, type FormErrors } from '../../hooks';
import { hrefFor, navigate } from '../../router';

interface LineForm { id?: number; name: string; amount: string; account: string }
interface Form {
  fund: string; project: string; reference: string; status: GrantStatus; applied: string; awarded: string;
  startDate: string; endDate: string; conditions: string; mustReturnUnspent: boolean; lines: LineForm[];
}

const year = new Date().getFullYear();
const EMPTY: Form = {
  fund: '', project: '', reference: '', status: 'applied', applied: '', awarded: '', startDate: `01-01-${year}`, endDate: `31-12-${year}`,
  conditions: '', mustReturnUnspent: false, lines: [{ name: '', amount: '', account: '' }],
};

const IDS: Record<string, string> = {
  fund: 'gf-fund', project: 'gf-project', reference: 'gf-reference', status: 'gf-status', applied: 'gf-applied', awarded: 'gf-awarded',
  startDate: 'gf-start', endDate: 'gf-end', conditions: 'gf-conditions', mustReturnUnspent: 'gf-return',
};
const lineId = (i: number, part: string) => `gf-line-${i}-${part}`;

function toForm(g: Grant): Form {
  return {
    fund: String(g.fund.id), project: g.project, reference: g.reference ?? '', status: g.status,
    applied: amountForInput(toCents(g.applied) ?? 0n), awarded: g.awarded ? amountForInput(toCents(g.awarded) ?? 0n) : '',
    startDate: dateNl(g.startDate), endDate: dateNl(g.endDate), conditions: g.conditions ?? '', mustReturnUnspent: g.mustReturnUnspent,
    lines: g.budgetLines.map((l) => ({ id: l.id, name: l.name, amount: amountForInput(toCents(l.amount) ?? 0n), account: l.accounts[0] ?? '' })),
  };
}

/** Add or change a grant and its budget lines. Route: grant-edit[?id=N]. */
export function GrantFormScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const { announce, booksChanged } = useApp();
  const id = Number(params.get('id')) || null;
  const funds = useApi('funds.list', {});
  const accounts = useAccounts();
  const expenseAccounts = useMemo(() => (accounts.data ?? []).filter((a) => a.type === 'expense' && !a.archived), [accounts.data]);
  const [f, setF] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (id === null) return;
    call('grants.get', { id })
      .then((g) => setF(toForm(g)))
      .catch((e: unknown) => setErrors({ fields: {}, general: e instanceof Error ? e.message : String(e) }));
  }, [id]);
  useEffect(() => {
    if (id === null && !f.fund && funds.data && funds.data.length === 1) setF((x) => ({ ...x, fund: String(funds.data![0]!.id) }));
  }, [funds.data, id, f.fund]);

  const set = (patch: Partial<Form>) => {
    setF((x) => ({ ...x, ...patch }));
    setErrors((e) => dropErrors(e, Object.keys(patch)));
  };
  const setLine = (i: number, patch: Partial<LineForm>) => {
    setF((x) => ({ ...x, lines: x.lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) }));
    setErrors((e) => dropErrors(e, Object.keys(patch).map((k) => `budgetLines.${i}.${k}`)));
  };
  const total = f.lines.reduce((s, l) => s + (parseInputCents(l.amount) ?? 0n), 0n);

  function validate(): Record<string, string> {
    const e: Record<string, string> = {};
    if (!f.fund) e.fund = t('grants.form.fundMissing');
    if (!f.project.trim()) e.project = t('grants.form.projectMissing');
    if (parseInputAmount(f.applied) === null) e.applied = t('grants.form.amountWrong');
    if (f.awarded.trim() && parseInputAmount(f.awarded) === null) e.awarded = t('grants.form.amountWrong');
    if (!parseInputDate(f.startDate)) e.startDate = t('grants.form.dateWrong');
    if (!parseInputDate(f.endDate)) e.endDate = t('grants.form.dateWrong');
    f.lines.forEach((l, i) => {
      if (!l.name.trim() && !l.amount.trim()) return;
      if (!l.name.trim()) e[`budgetLines.${i}.name`] = t('grants.form.lineNameMissing');
      if (parseInputAmount(l.amount) === null) e[`budgetLines.${i}.amount`] = t('grants.form.amountWrong');
    });
    return e;
  }

  function idOf(field: string): string {
    const m = /^budgetLines\.(\d+)\.(\w+)/.exec(field);
    if (m) return lineId(Number(m[1]), m[2] === 'accounts' ? 'account' : m[2]!);
    return IDS[field] ?? 'gf-project';
  }

  function show(fe: FormErrors) {
    setErrors(fe);
    const first = Object.keys(fe.fields)[0];
    if (first) {
      focusById(idOf(first));
      announce(fe.fields[first] ?? '', 'error', { visible: false });
    } else if (fe.general) announce(fe.general, 'error');
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e = validate();
    if (Object.keys(e).length > 0) return show({ fields: e, general: null });
    const lines = f.lines
      .filter((l) => l.name.trim() || l.amount.trim())
      .map((l) => ({ ...(l.id ? { id: l.id } : {}), name: l.name.trim(), amount: parseInputAmount(l.amount)!, accounts: l.account ? [l.account] : [] }));
    const body = {
      fund: Number(f.fund), project: f.project.trim(), status: f.status, applied: parseInputAmount(f.applied)!,
      ...(f.awarded.trim() && (f.status === 'awarded' || f.status === 'settled') ? { awarded: parseInputAmount(f.awarded)! } : {}),
      startDate: parseInputDate(f.startDate)!, endDate: parseInputDate(f.endDate)!, mustReturnUnspent: f.mustReturnUnspent,
      reference: f.reference.trim(), conditions: f.conditions.trim(),
    };
    setBusy(true);
    try {
      const saved = id === null ? await call('grants.create', { ...body, budgetLines: lines.map(({ id: _i, ...l }) => l) }) : await call('grants.update', { id, ...body, budgetLines: lines });
      booksChanged();
      announce(t('grants.form.saved', { project: saved.project }));
      navigate('grant', { id: saved.id });
    } catch (err) {
      show(formErrorsFrom(err, [...Object.keys(IDS), 'budgetLines']));
    } finally {
      setBusy(false);
    }
  }

  const err = (k: string) => errors.fields[k];
  return (
    <div className="screen" data-testid="screen-grant-edit">
      <PageTitle intro={t('grants.form.intro')}>{t(id === null ? 'grants.form.newTitle' : 'grants.form.editTitle')}</PageTitle>
      {funds.data && funds.data.length === 0 ? (
        <p className="notice">
          {t('grants.form.noFunds')} <a href={hrefFor('grants')}>{t('nav.grants')}</a>
        </p>
      ) : null}
      <form className="form form--wide" onSubmit={(e) => void submit(e)} noValidate>
        <FormError error={errors.general} />
        <Field id={IDS.fund!} label={t('grants.form.fund')} error={err('fund')}>
          {(a) => (
            <select {...a} className="input input--auto" value={f.fund} onChange={(e) => set({ fund: e.target.value })}>
              <option value="">{t('grants.form.chooseFund')}</option>
              {(funds.data ?? []).map((x) => (
                <option key={x.id} value={x.id}>{x.name}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id={IDS.project!} label={t('grants.form.project')} hint={t('grants.form.projectHint')} error={err('project')}>
          {(a) => <input {...a} className="input" value={f.project} onChange={(e) => set({ project: e.target.value })} autoComplete="off" maxLength={200} />}
        </Field>
        <Field id={IDS.reference!} label={t('grants.form.reference')} hint={t('grants.form.referenceHint')} error={err('reference')} optional>
          {(a) => <input {...a} className="input input--medium" value={f.reference} onChange={(e) => set({ reference: e.target.value })} autoComplete="off" maxLength={100} />}
        </Field>
        <FieldSet id={IDS.status!} legend={t('grants.form.status')} error={err('status')}>
          <div className="choices choices--2">
            {GRANT_STATUSES.map((s) => (
              <div key={s} className={`choice${f.status === s ? ' choice--checked' : ''}`}>
                <input type="radio" id={`gf-status-${s}`} name="gf-status" checked={f.status === s} onChange={() => set({ status: s })} />
                <label htmlFor={`gf-status-${s}`}>{t(`grants.status.${s}`)}</label>
              </div>
            ))}
          </div>
        </FieldSet>
        <Field id={IDS.applied!} label={t('grants.form.applied')} hint={t('common.amountHint')} error={err('applied')}>
          {(a) => <AmountInput a11y={a} value={f.applied} onChange={(v) => set({ applied: v })} />}
        </Field>
        {f.status === 'awarded' || f.status === 'settled' ? (
          <Field id={IDS.awarded!} label={t('grants.form.awarded')} hint={t('grants.form.awardedHint')} error={err('awarded')} optional>
            {(a) => <AmountInput a11y={a} value={f.awarded} onChange={(v) => set({ awarded: v })} />}
          </Field>
        ) : null}
        <div className="row">
          <Field id={IDS.startDate!} label={t('grants.form.startDate')} hint={t('grants.form.periodHint')} error={err('startDate')}>
            {(a) => <DateInput a11y={a} value={f.startDate} onChange={(v) => set({ startDate: v })} />}
          </Field>
          <Field id={IDS.endDate!} label={t('grants.form.endDate')} error={err('endDate')}>
            {(a) => <DateInput a11y={a} value={f.endDate} onChange={(v) => set({ endDate: v })} />}
          </Field>
        </div>
        <Field id={IDS.conditions!} label={t('grants.form.conditions')} hint={t('grants.form.conditionsHint')} error={err('conditions')} optional>
          {(a) => <textarea {...a} className="input" rows={3} value={f.conditions} onChange={(e) => set({ conditions: e.target.value })} maxLength={5000} />}
        </Field>
        <label className="check">
          <input id={IDS.mustReturnUnspent} type="checkbox" checked={f.mustReturnUnspent} onChange={(e) => set({ mustReturnUnspent: e.target.checked })} /> {t('grants.form.mustReturn')}
        </label>

        <fieldset className="fieldset" id="gf-lines" aria-describedby="gf-lines-hint">
          <legend className="field__label">{t('grants.form.budgetTitle')}</legend>
          <p id="gf-lines-hint" className="field__hint">{t('grants.form.budgetHint')}</p>
          <FormError error={err('budgetLines')} />
          <table className="grant-lines" data-testid="budget-lines">
            <thead>
              <tr>
                <th scope="col">{t('grants.form.lineName')}</th>
                <th scope="col">{t('grants.form.lineAmount')}</th>
                <th scope="col">{t('grants.form.lineAccount')}</th>
                <th scope="col"><span className="visually-hidden">{t('grants.coverage.remove')}</span></th>
              </tr>
            </thead>
            <tbody>
              {f.lines.map((l, i) => (
                <tr key={i}>
                  <td>
                    <input id={lineId(i, 'name')} className="input" aria-label={`${t('grants.form.lineName')} ${i + 1}`} value={l.name} onChange={(e) => setLine(i, { name: e.target.value })} maxLength={200} aria-invalid={err(`budgetLines.${i}.name`) ? true : undefined} />
                    {err(`budgetLines.${i}.name`) ? <p className="field__error">{err(`budgetLines.${i}.name`)}</p> : null}
                  </td>
                  <td>
                    <AmountInput a11y={{ id: lineId(i, 'amount'), ...(err(`budgetLines.${i}.amount`) ? { 'aria-invalid': true } : {}) }} label={`${t('grants.form.lineAmount')} ${i + 1}`} value={l.amount} onChange={(v) => setLine(i, { amount: v })} />
                    {err(`budgetLines.${i}.amount`) ? <p className="field__error">{err(`budgetLines.${i}.amount`)}</p> : null}
                  </td>
                  <td>
                    <select id={lineId(i, 'account')} className="input" aria-label={`${t('grants.form.lineAccount')} ${i + 1}`} value={l.account} onChange={(e) => setLine(i, { account: e.target.value })}>
                      <option value="">{t('grants.form.noAccount')}</option>
                      {expenseAccounts.map((a) => (
                        <option key={a.code} value={a.code}>{a.code} · {a.name}</option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button type="button" className="button button--quiet button--small" onClick={() => setF((x) => ({ ...x, lines: x.lines.filter((_, j) => j !== i) }))}>
                      {t('grants.form.removeLine', { n: i + 1 })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('grants.form.budgetTotal')}</th>
                <td className="num" data-testid="budget-total">{euroCents(total)}</td>
                <td colSpan={2} />
              </tr>
            </tfoot>
          </table>
          <button type="button" className="button" onClick={() => setF((x) => ({ ...x, lines: [...x.lines, { name: '', amount: '', account: '' }] }))} data-testid="add-line">
            {t('grants.form.addLine')}
          </button>
        </fieldset>

        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="save-grant">{t('grants.form.save')}</button>
          <a className="button button--quiet" href={id ? hrefFor('grant', { id }) : hrefFor('grants')}>{t('common.cancel')}</a>
        </div>
      </form>
    </div>
  );
}
