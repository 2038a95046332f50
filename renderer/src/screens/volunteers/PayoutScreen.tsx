import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { Field, FormError } from '../../components/Field';
import { DateInput } from '../../components/Inputs';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { currentYear, dateNl, euro, euroCents, parseInputDate, toCents, todayNl } from '../../format';
import { formErrorsFrom, NO_ERRORS, useAccounts, useApi, type FormErrors } from '../../hooks';
import { SaveFileButton } from '../../components/SaveFile';
import { YearPicker } from './OverviewScreen';
import { fileSafe } from '../../paths';

/**
 * Pay approved fees (booked on 1500) with a SEPA payment file for the bank, then book the payout
 * once the bank has paid. Route: volunteer-payout.
 */
export function PayoutScreen() {
  const { t } = useTranslation();
  const { announce, booksChanged } = useApp();
  const [year, setYear] = useState(currentYear());
  const payments = useApi('volunteers.payments', { year, status: 'approved' });
  const persons = useApi('persons.list', { includeArchived: true });
  const accounts = useAccounts();
  const banks = useMemo(() => (accounts.data ?? []).filter((a) => a.kind === 'bank' && !a.archived), [accounts.data]);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [account, setAccount] = useState('');
  const [date, setDate] = useState(todayNl());
  const [again, setAgain] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [batch, setBatch] = useState<number | null>(null);

  useEffect(() => {
    if (!account && banks.length > 0) setAccount(banks.find((b) => b.iban)?.code ?? banks[0]!.code);
  }, [banks, account]);
  useEffect(() => setSelected(new Set()), [year]);

  const ibanOf = useMemo(() => new Map((persons.data ?? []).map((p) => [p.id, p.iban])), [persons.data]);
  const list = payments.data ?? [];
  const chosen = list.filter((p) => selected.has(p.id));
  const total = chosen.reduce((s, p) => s + (toCents(p.amount) ?? 0n), 0n);
  const iso = parseInputDate(date);
  const suggested = fileSafe(`Betaalbestand vrijwilligers ${iso ?? ''}.xml`);

  function toggle(id: number) {
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  }

  function ready(): boolean {
    const f: Record<string, string> = {};
    if (chosen.length === 0) f.paymentIds = t('volunteers.payout.chooseSome');
    if (!iso) f.date = t('errors.date');
    setErrors({ fields: f, general: null });
    if (Object.keys(f).length > 0) announce(Object.values(f)[0]!, 'error');
    return Object.keys(f).length === 0;
  }

  const sepaInput = () => (ready() ? { paymentIds: chosen.map((p) => p.id), executionDate: iso!, debtorAccount: account, ...(again ? { again: true } : {}) } : null);
  function made(r: { batch: number; count: number; total: string }, where: string) {
    setBatch(r.batch);
    setErrors(NO_ERRORS);
    booksChanged();
    announce(t('volunteers.payout.made', { count: r.count, total: euro(r.total), path: where }));
  }

  async function markPaid() {
    if (!ready()) return;
    setBusy(true);
    try {
      const r = await call('volunteers.markPaid', { paymentIds: chosen.map((p) => p.id), date: iso!, account });
      setSelected(new Set());
      setBatch(null);
      setErrors(NO_ERRORS);
      booksChanged();
      announce(t('volunteers.payout.paidDone', { count: r.count, total: euro(r.total), ref: r.entry.ref }));
    } catch (err) {
      setErrors(formErrorsFrom(err, ['date', 'account']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="screen" data-testid="screen-volunteer-payout">
      <PageTitle intro={t('volunteers.payout.intro')}>{t('volunteers.payout.title')}</PageTitle>
      <div className="filters">
        <YearPicker id="vpo-year" year={year} onChange={setYear} />
      </div>
      <FormError error={errors.general ?? errors.fields.paymentIds ?? payments.error} />
      {payments.data && list.length === 0 ? <p className="notice">{t('volunteers.payout.none')}</p> : null}
      {list.length > 0 ? (
        <div className="vol-scroll">
        <table className="table" data-testid="volunteer-payout-table">
          <thead>
            <tr>
              <th scope="col">
                <label className="check">
                  <input
                    type="checkbox"
                    checked={chosen.length === list.length}
                    onChange={(e) => setSelected(e.target.checked ? new Set(list.map((p) => p.id)) : new Set())}
                  />
                  {t('volunteers.payout.selectAll')}
                </label>
              </th>
              <th scope="col">{t('volunteers.payout.date')}</th>
              <th scope="col">{t('volunteers.payout.name')}</th>
              <th scope="col">{t('volunteers.payout.what')}</th>
              <th scope="col" className="num">
                {t('volunteers.payout.amount')}
              </th>
              <th scope="col">{t('volunteers.payout.batch')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr key={p.id}>
                <td>
                  <input type="checkbox" checked={selected.has(p.id)} onChange={() => toggle(p.id)} aria-label={`${t('volunteers.payout.select')}: ${p.personName}, ${dateNl(p.date)}, ${euro(p.amount)}`} />
                </td>
                <td>{dateNl(p.date)}</td>
                <td>
                  {p.personName}
                  {!ibanOf.get(p.person) ? <span className="badge badge--draft"> {t('volunteers.payout.noIban')}</span> : null}
                </td>
                <td>{p.description}</td>
                <td className="num">{euro(p.amount)}</td>
                <td>{p.sepaBatch ? `#${p.sepaBatch}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      ) : null}
      {list.length > 0 ? (
        <div className="form">
          <p aria-live="polite">{t('volunteers.payout.selectedTotal', { count: chosen.length, total: euroCents(total) })}</p>
          <div className="row">
            <Field id="vpo-date" label={t('volunteers.payout.executionDate')} hint={t('common.dateHint')} error={errors.fields.executionDate ?? errors.fields.date}>
              {(a) => <DateInput a11y={a} value={date} onChange={setDate} />}
            </Field>
            <Field id="vpo-account" label={t('volunteers.payout.debtor')} error={errors.fields.debtorAccount ?? errors.fields.account}>
              {(a) => (
                <select {...a} className="input" value={account} onChange={(e) => setAccount(e.target.value)}>
                  {banks.map((b) => (
                    <option key={b.code} value={b.code}>
                      {b.code} · {b.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <label className="check">
            <input type="checkbox" checked={again} onChange={(e) => setAgain(e.target.checked)} />
            {t('volunteers.payout.again')}
          </label>
          <div className="actions">
            <SaveFileButton method="volunteers.sepa" input={sepaInput} fileName={suggested} filter={{ name: 'SEPA', extensions: ['xml'] }} label={t('volunteers.payout.make')}
              primary disabled={busy} onDone={made} onError={(err) => setErrors(formErrorsFrom(err, ['executionDate', 'debtorAccount']))} />
            <button type="button" className="button" disabled={busy} onClick={() => void markPaid()} aria-describedby="vpo-paid-hint">
              {t('volunteers.payout.markPaid')}
            </button>
          </div>
          <p id="vpo-paid-hint" className="field__hint">
            {t('volunteers.payout.markPaidHint')}
            {batch ? ` (#${batch})` : ''}
          </p>
        </div>
      ) : null}
    </div>
  );
}
