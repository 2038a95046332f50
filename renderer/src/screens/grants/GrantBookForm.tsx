import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantReport } from '../../../../shared/api/grants';
import { call } from '../../api';
import { Field, FormError, Hint } from '../../components/Field';
import { AmountInput, DateInput } from '../../components/Inputs';
import { useApp } from '../../context';
import { parseInputAmount, parseInputDate, todayNl } from '../../format';
import { dropErrors, formErrorsFrom, NO_ERRORS, useAccounts, useMoneyAccounts, type FormErrors } from '../../hooks';

/** A cost on a budget line (money.spent) or a receipt from the fund (money.received), both with the grant. */
export function BookForm({ report: r, kind }: { report: GrantReport; kind: 'cost' | 'income' }) {
  const { t } = useTranslation();
  const { announce, booksChanged } = useApp();
  const accounts = useAccounts();
  const money = useMoneyAccounts(accounts.data);
  const categories = useMemo(() => (accounts.data ?? []).filter((a) => !a.archived && a.type === (kind === 'cost' ? 'expense' : 'income')), [accounts.data, kind]);
  const p = `gb-${kind}`;
  const lines = r.grant.budgetLines;
  const [date, setDate] = useState(todayNl());
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState('');
  const [moneyAccount, setMoneyAccount] = useState('');
  const [budgetLine, setBudgetLine] = useState(lines.length === 1 ? String(lines[0]!.id) : '');
  const [category, setCategory] = useState(kind === 'income' ? r.grant.incomeAccount : '');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!moneyAccount && money.length > 0) setMoneyAccount(money.find((a) => a.code === '1100')?.code ?? money[0]!.code);
  }, [money, moneyAccount]);
  // A budget line suggests its usual expense account.
  useEffect(() => {
    if (kind !== 'cost' || !budgetLine) return;
    const l = lines.find((x) => String(x.id) === budgetLine);
    if (l && l.accounts[0]) setCategory(l.accounts[0]);
  }, [budgetLine, kind, lines]);

  const clear = (...f: string[]) => setErrors((e) => dropErrors(e, f));

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const iso = parseInputDate(date);
    const amt = parseInputAmount(amount);
    const fe: Record<string, string> = {};
    if (!iso) fe.date = t('grants.form.dateWrong');
    if (!amt || amt.startsWith('-') || amt === '0.00') fe.amount = t('grants.form.amountWrong');
    if (!description.trim()) fe.description = t('grants.detail.descriptionMissing');
    if (kind === 'cost' && lines.length > 0 && !budgetLine) fe.budgetLine = t('grants.detail.chooseLine');
    if (!category) fe.category = t('common.chooseAccount');
    if (Object.keys(fe).length) {
      setErrors({ fields: fe, general: null });
      return;
    }
    setBusy(true);
    try {
      const base = { date: iso!, description: description.trim(), amount: amt!, category, grant: r.grant.id };
      const res = kind === 'cost'
        ? await call('money.spent', { ...base, from: moneyAccount, ...(budgetLine ? { budgetLine: Number(budgetLine) } : {}) })
        : await call('money.received', { ...base, into: moneyAccount });
      announce(t('grants.detail.booked', { ref: res.ref }));
      setDescription('');
      setAmount('');
      setErrors(NO_ERRORS);
      booksChanged();
    } catch (e) {
      const fe = formErrorsFrom(e);
      const [field, msg] = Object.entries(fe.fields)[0] ?? [];
      if (field && msg) {
        // The booking's grant line (lines.0.budgetLine / lines.0.grant): beside the budget line, or above the form.
        const mapped = field.endsWith('.budgetLine') ? 'budgetLine' : field.startsWith('lines.') ? null : field;
        setErrors(mapped ? { fields: { [mapped]: msg }, general: null } : { fields: {}, general: msg });
      } else setErrors(fe);
      announce(msg ?? fe.general ?? '', 'error', { visible: false });
    } finally {
      setBusy(false);
    }
  }

  const err = (k: string) => errors.fields[k];
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${p}-title`} data-testid={`book-${kind}`}>
      <h2 id={`${p}-title`}>{t(kind === 'cost' ? 'grants.detail.bookCost' : 'grants.detail.bookIncome')}</h2>
      {kind === 'cost' ? <Hint>{t('grants.detail.bookCostHint')}</Hint> : null}
      <FormError error={errors.general} />
      <Field id={`${p}-date`} label={t('grants.detail.date')} error={err('date')}>
        {(a) => <DateInput a11y={a} value={date} onChange={(v) => { setDate(v); clear('date'); }} />}
      </Field>
      <Field id={`${p}-description`} label={t('grants.detail.description')} error={err('description')}>
        {(a) => <input {...a} className="input" value={description} onChange={(e) => { setDescription(e.target.value); clear('description'); }} maxLength={500} autoComplete="off" />}
      </Field>
      <Field id={`${p}-amount`} label={t('grants.detail.amount')} error={err('amount')}>
        {(a) => <AmountInput a11y={a} value={amount} onChange={(v) => { setAmount(v); clear('amount'); }} />}
      </Field>
      {kind === 'cost' && lines.length > 0 ? (
        <Field id={`${p}-line`} label={t('grants.detail.budgetLine')} error={err('budgetLine')}>
          {(a) => (
            <select {...a} className="input input--auto" value={budgetLine} onChange={(e) => { setBudgetLine(e.target.value); clear('budgetLine'); }}>
              <option value="">{t('grants.detail.chooseLine')}</option>
              {lines.map((l) => (
                <option key={l.id} value={l.id}>{l.name}</option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field id={`${p}-category`} label={t(kind === 'cost' ? 'grants.detail.costAccount' : 'grants.detail.incomeAccount')} error={err('category')}>
        {(a) => (
          <select {...a} className="input input--auto" value={category} onChange={(e) => { setCategory(e.target.value); clear('category'); }}>
            <option value="">{t('common.chooseAccount')}</option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>{c.code} · {c.name}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${p}-money`} label={t(kind === 'cost' ? 'grants.detail.payFrom' : 'grants.detail.paidInto')} error={err(kind === 'cost' ? 'from' : 'into')}>
        {(a) => (
          <select {...a} className="input input--auto" value={moneyAccount} onChange={(e) => setMoneyAccount(e.target.value)}>
            {money.map((m) => (
              <option key={m.code} value={m.code}>{m.code} · {m.name}</option>
            ))}
          </select>
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>{t(kind === 'cost' ? 'grants.detail.bookButton' : 'grants.detail.incomeButton')}</button>
      </div>
    </form>
  );
}
