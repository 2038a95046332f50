import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Budget, BudgetVsActual, VsActualFigures } from '../../../../shared/api/grants';
import type { ScreenProps } from '../../screenProps';
import { call } from '../../api';
import { Field, FormError, Hint } from '../../components/Field';
import { AmountInput, DateInput } from '../../components/Inputs';
import { PageTitle } from '../../components/PageTitle';
import { useLineLabel } from '../statements/common';
import { useApp } from '../../context';
import { amountForInput, dateNl, euro, euroCents, parseInputAmount, parseInputCents, parseInputDate, toCents, todayIso } from '../../format';
import { formErrorsFrom, NO_ERRORS, useApi, useYears, type FormErrors } from '../../hooks';
import { percentNl } from './common';

/** The annual budget (begroting) and budget vs actual, year to date. Route: budget[?year=YYYY]. */
export function BudgetScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const years = useYears();
  const list = years.data ?? [];
  const latestOpen = [...list].reverse().find((y) => y.status === 'open')?.year;
  const [year, setYear] = useState<number | null>(Number(params.get('year')) || null);
  const chosen = year ?? latestOpen ?? null;
  const options = [...new Set([...list.map((y) => y.year), ...(list.length ? [list[list.length - 1]!.year + 1] : [])])];
  return (
    <div className="screen" data-testid="screen-budget">
      <PageTitle intro={t('grants.budget.intro')}>{t('grants.budget.title')}</PageTitle>
      <Hint>{t('grants.budget.hint')}</Hint>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <Field id="budget-year" label={t('grants.budget.year')}>
          {(a) => (
            <select {...a} className="input input--auto" value={chosen ?? ''} onChange={(e) => setYear(Number(e.target.value))}>
              {options.map((y) => (
                <option key={y} value={y}>{y}</option>
              ))}
            </select>
          )}
        </Field>
      </form>
      {chosen !== null ? <BudgetEditor key={chosen} year={chosen} /> : null}
      {chosen !== null ? <VsActual key={`vs-${chosen}`} year={chosen} exists={list.some((y) => y.year === chosen)} /> : null}
    </div>
  );
}

function BudgetEditor({ year }: { year: number }) {
  const { t } = useTranslation();
  const { announce, booksChanged } = useApp();
  const budget = useApi('budgets.get', { year });
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!budget.data) return;
    setValues(Object.fromEntries(budget.data.lines.map((l) => [l.account, l.set ? amountForInput(toCents(l.amount) ?? 0n) : ''])));
  }, [budget.data]);

  async function suggest() {
    try {
      const s = await call('budgets.suggest', { year });
      if (s.lines.length === 0) return announce(t('grants.budget.noPrevious'), 'info');
      setValues((v) => ({ ...v, ...Object.fromEntries(s.lines.map((l) => [l.account, amountForInput(toCents(l.amount) ?? 0n)])) }));
      announce(t('grants.budget.suggested', { year: s.previousYear }), 'info');
    } catch (e) {
      announce(e instanceof Error ? e.message : String(e), 'error');
    }
  }

  async function save(ev: FormEvent) {
    ev.preventDefault();
    const lines: { account: string; amount: string }[] = [];
    const fe: Record<string, string> = {};
    for (const [account, v] of Object.entries(values)) {
      if (!v.trim()) continue;
      const a = parseInputAmount(v);
      if (a === null || a.startsWith('-')) fe[account] = t('grants.form.amountWrong');
      else lines.push({ account, amount: a });
    }
    if (Object.keys(fe).length) return setErrors({ fields: fe, general: null });
    setBusy(true);
    try {
      await call('budgets.set', { year, lines });
      setErrors(NO_ERRORS);
      announce(t('grants.budget.saved', { year }));
      booksChanged();
    } catch (e) {
      const f = formErrorsFrom(e);
      const m = /^lines\.(\d+)\./.exec(Object.keys(f.fields)[0] ?? '');
      setErrors(m ? { fields: { [lines[Number(m[1])]!.account]: Object.values(f.fields)[0]! }, general: null } : f);
    } finally {
      setBusy(false);
    }
  }

  const b: Budget | null = budget.data;
  if (!b) return <FormError error={budget.error} />;
  const closed = b.yearStatus === 'closed';
  const sum = (type: 'income' | 'expense') => b.lines.filter((l) => l.type === type).reduce((s, l) => s + (parseInputCents(values[l.account] ?? '') ?? 0n), 0n);
  const inc = sum('income');
  const exp = sum('expense');
  return (
    <form onSubmit={(e) => void save(e)} noValidate data-testid="budget-form">
      <FormError error={errors.general} />
      {closed ? <p className="notice">{t('grants.budget.closed')}</p> : (
        <p><button type="button" className="button" onClick={() => void suggest()} data-testid="budget-suggest">{t('grants.budget.suggest')}</button></p>
      )}
      {(['income', 'expense'] as const).map((type) => (
        <table className="table table--compact" key={type} data-testid={`budget-${type}`}>
          <caption>{t(`grants.budget.${type}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('grants.budget.account')}</th>
              <th scope="col" className="num">{t('grants.budget.previous')}</th>
              <th scope="col">{t('grants.budget.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {b.lines.filter((l) => l.type === type).map((l) => (
              <tr key={l.account}>
                <th scope="row" className="th-plain"><span className="code">{l.account}</span> {l.name}</th>
                <td className="num">{euro(l.previousActual)}</td>
                <td>
                  <AmountInput
                    a11y={{ id: `budget-${l.account}`, ...(errors.fields[l.account] ? { 'aria-invalid': true, 'aria-describedby': `budget-${l.account}-error` } : {}) }}
                    label={`${t('grants.budget.amount')} ${l.account} ${l.name}`}
                    value={values[l.account] ?? ''}
                    onChange={(v) => setValues((x) => ({ ...x, [l.account]: v }))}
                  />
                  {errors.fields[l.account] ? <p id={`budget-${l.account}-error`} className="field__error">{errors.fields[l.account]}</p> : null}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t(type === 'income' ? 'grants.budget.totalIncome' : 'grants.budget.totalExpense')}</th>
              <td />
              <td className="num" data-testid={`budget-total-${type}`}>{euroCents(type === 'income' ? inc : exp)}</td>
            </tr>
          </tfoot>
        </table>
      ))}
      <p><strong>{t('grants.budget.result')}:</strong> <span data-testid="budget-result">{euroCents(inc - exp)}</span></p>
      {!closed ? (
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="budget-save">{t('grants.budget.save')}</button>
        </div>
      ) : null}
    </form>
  );
}

function VsActual({ year, exists }: { year: number; exists: boolean }) {
  const { t } = useTranslation();
  const today = todayIso();
  const [to, setTo] = useState(() => dateNl(today.startsWith(String(year)) ? today : `${year}-12-31`));
  const iso = parseInputDate(to);
  const vs = useApi('budgets.vsActual', exists && iso ? { year, to: iso } : null);
  const d: BudgetVsActual | null = vs.data;
  const cells = (f: VsActualFigures) => (
    <>
      <td className="num">{euro(f.budget)}</td>
      <td className="num">{euro(f.budgetToDate)}</td>
      <td className="num">{euro(f.actual)}</td>
      <td className="num">{euro(f.difference)}</td>
      <td className="num">{percentNl(f.percent)}</td>
    </>
  );
  const head = (first: string) => (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" className="num">{t('grants.budget.budget')}</th>
        <th scope="col" className="num">{t('grants.budget.budgetToDate')}</th>
        <th scope="col" className="num">{t('grants.budget.actual')}</th>
        <th scope="col" className="num">{t('grants.budget.difference')}</th>
        <th scope="col" className="num">{t('grants.budget.percent')}</th>
      </tr>
    </thead>
  );
  const lineLabel = useLineLabel();
  return (
    <section className="grant-section" aria-labelledby="vs-title">
      <h2 id="vs-title">{t('grants.budget.vsTitle')}</h2>
      {!exists ? <p className="muted">{t('grants.budget.noYear')}</p> : (
        <>
          <Hint>{t('grants.budget.vsHint')}</Hint>
          <Field id="vs-to" label={t('grants.budget.to')}>
            {(a) => <DateInput a11y={a} value={to} onChange={setTo} />}
          </Field>
          <FormError error={vs.error} />
          {d ? (
            <>
              <table className="table table--compact" data-testid="vs-lines">
                <caption>{t('grants.budget.byLine')}</caption>
                {head(t('grants.budget.line'))}
                <tbody>
                  {d.lines.map((l) => (
                    <tr key={`${l.type}-${l.key}`}>
                      <th scope="row" className="th-plain">{lineLabel(l.key, l.name)}</th>
                      {cells(l)}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr><th scope="row">{t('grants.budget.totalIncome')}</th>{cells(d.totals.income)}</tr>
                  <tr><th scope="row">{t('grants.budget.totalExpense')}</th>{cells(d.totals.expense)}</tr>
                  <tr>
                    <th scope="row">{t('grants.budget.result')}</th>
                    <td className="num">{euro(d.totals.result.budget)}</td>
                    <td className="num">{euro(d.totals.result.budgetToDate)}</td>
                    <td className="num">{euro(d.totals.result.actual)}</td>
                    <td colSpan={2} />
                  </tr>
                </tfoot>
              </table>
              <details>
                <summary>{t('grants.budget.byAccount')}</summary>
                <table className="table table--compact" data-testid="vs-accounts">
                  {head(t('grants.budget.account'))}
                  <tbody>
                    {d.accounts.map((a) => (
                      <tr key={a.account}>
                        <th scope="row" className="th-plain"><span className="code">{a.account}</span> {a.name}</th>
                        {cells(a)}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
