import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AS_WAGES_CONFIRMATION, type VolunteerCheck, type VolunteerPaymentKind } from '../../../../shared/api/volunteers';
import { ApiError, call } from '../../api';
import { Field, FieldSet, FormError } from '../../components/Field';
import { AmountInput, DateInput } from '../../components/Inputs';
import { PageTitle } from '../../components/PageTitle';
import type { ScreenProps } from '../../screenProps';
import { useApp } from '../../context';
import { euro, parseInputAmount, parseInputCents, parseInputDate, todayNl } from '../../format';
import { dropErrors, focusById, formErrorsFrom, NO_ERRORS, useAccounts, useApi, useMoneyAccounts, type FormErrors } from '../../hooks';
import { hrefFor } from '../../router';
import { parseHours } from './common';
import { readAsBase64 } from '../../fileBytes';
import { serverText } from '../../serverText';
import { FileChooser } from '../../components/FileChooser';
import type { Chosen } from '../../filePicking';

interface Form {
  person: string;
  date: string;
  kind: VolunteerPaymentKind;
  hours: string;
  amount: string;
  description: string;
  periodFrom: string;
  periodTo: string;
  payFrom: string;
  asWages: boolean;
  confirm: string;
}

type Receipt = { fileName: string; dataBase64: string } | { path: string };

const IDS: Record<string, string> = {
  person: 'vpay-person', date: 'vpay-date', kind: 'vpay-kind', hours: 'vpay-hours', amount: 'vpay-amount', description: 'vpay-description',
  periodFrom: 'vpay-period-from', periodTo: 'vpay-period-to', payFrom: 'vpay-payfrom', receipt: 'vpay-receipt', confirmWages: 'vpay-confirm',
};

const MAX_RECEIPT = 20 * 1024 * 1024;
const LIMIT_CODES = new Set(['MONTH_LIMIT', 'YEAR_LIMIT', 'HOUR_LIMIT']);

/** The check panel: what this person already got this month and year, what is left, blocks and warnings. */
function CheckPanel({ check, loading, month, kind }: { check: VolunteerCheck | null; loading: boolean; month: number; kind: VolunteerPaymentKind }) {
  const { t } = useTranslation();
  if (!check) {
    return (
      <section className="vol-check" aria-labelledby="vpay-check-title" data-testid="volunteer-check">
        <h2 id="vpay-check-title">{t('volunteers.pay.checkTitle')}</h2>
        <p className="muted">{loading ? t('volunteers.loading') : t('volunteers.pay.checkEmpty')}</p>
      </section>
    );
  }
  return (
    <section className="vol-check" aria-labelledby="vpay-check-title" data-testid="volunteer-check" aria-busy={loading}>
      <h2 id="vpay-check-title">{t('volunteers.pay.checkTitle')}</h2>
      <MonthYearTotals check={check} month={month} />
      {/* A limit block already says what is still possible; the same figure twice only confuses. */}
      {check.blocks.some((b) => LIMIT_CODES.has(b.code)) ? null : <p>{t('volunteers.pay.maxAmount', { amount: euro(check.maxAmount) })}</p>}
      {check.hourlyRate && check.hourlyLimit ? <p>{t('volunteers.pay.hourly', { rate: euro(check.hourlyRate), limit: euro(check.hourlyLimit) })}</p> : null}
      {kind === 'reimbursement' && !check.reimbursementsCount ? <p className="muted">{t('volunteers.pay.notCounted')}</p> : null}
      {check.blocks.length > 0 ? (
        <div className="vol-blocked" role="alert" data-testid="volunteer-blocked" id="vpay-blocked" tabIndex={-1}>
          <h3>{t('volunteers.pay.blocked')}</h3>
          {check.blocks.map((b) => (
            <p key={b.code} className="vol-issue">
              {serverText(b)}
            </p>
          ))}
        </div>
      ) : null}
      {check.warnings.length > 0 ? (
        <div className="vol-warnings" data-testid="volunteer-warnings">
          <h3>{t('volunteers.pay.warnings')}</h3>
          {check.warnings.map((w) => (
            <p key={w.code} className="vol-issue">
              {serverText(w)}
            </p>
          ))}
        </div>
      ) : null}
      {check.status === 'ok' ? <p className="vol-ok">{t('volunteers.pay.ok')}</p> : null}
      <p className="muted">
        {t('volunteers.pay.limits', { year: check.limits.requestedYear, perMonth: euro(check.limits.perMonth), perYear: euro(check.limits.perYear) })}
      </p>
    </section>
  );
}

function MonthYearTotals({ check, month }: { check: VolunteerCheck; month: number }) {
  const { t } = useTranslation();
  const months = t('volunteers.monthLong', { returnObjects: true }) as string[];
  const m = months[month - 1] ?? '';
  const y = check.limits.requestedYear;
  return (
    <dl className="vol-totals" data-testid="volunteer-totals">
      <dt>{t('volunteers.pay.month', { month: m })}</dt>
      <dd>{euro(check.totals.month)}</dd>
      <dt>{t('volunteers.pay.monthLeft', { month: m })}</dt>
      <dd data-testid="month-left">{euro(check.totals.monthLeft)}</dd>
      <dt>{t('volunteers.pay.yearTotal', { year: y })}</dt>
      <dd>{euro(check.totals.year)}</dd>
      <dt>{t('volunteers.pay.yearLeft', { year: y })}</dt>
      <dd data-testid="year-left">{euro(check.totals.yearLeft)}</dd>
    </dl>
  );
}

/** Pay a volunteer. Route: volunteer-pay[?person=N]. */
export function PayScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const { announce, booksChanged } = useApp();
  const persons = useApi('persons.list', {});
  const accounts = useAccounts();
  const moneyAccounts = useMoneyAccounts(accounts.data);
  const [f, setF] = useState<Form>({
    person: params.get('person') ?? '', date: todayNl(), kind: 'fee', hours: '', amount: '', description: '', periodFrom: '', periodTo: '',
    payFrom: '', asWages: false, confirm: '',
  });
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<VolunteerCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [last, setLast] = useState<{ ref: string } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const seq = useRef(0);

  useEffect(() => {
    if (moneyAccounts.length > 0) setF((x) => (x.payFrom ? x : { ...x, payFrom: moneyAccounts.find((a) => a.code === '1100')?.code ?? moneyAccounts[0]!.code }));
  }, [moneyAccounts]);

  const set = (patch: Partial<Form>) => {
    setF((x) => ({ ...x, ...patch }));
    setErrors((e) => dropErrors(e, Object.keys(patch).map((k) => (k === 'confirm' ? 'confirmWages' : k))));
  };

  const isoDate = parseInputDate(f.date);
  const amount = parseInputAmount(f.amount);
  const amountOk = amount !== null && !amount.startsWith('-') && (parseInputCents(f.amount) ?? 0n) > 0n;
  const hours = f.kind === 'fee' && f.hours.trim() ? parseHours(f.hours) : null;
  const checkInput = useMemo(() => {
    if (!f.person || !isoDate) return null;
    return {
      person: Number(f.person),
      date: isoDate,
      kind: f.kind,
      ...(amountOk ? { amount: amount! } : {}),
      ...(hours && Number(hours) > 0 ? { hours } : {}),
      ...(f.asWages ? { asWages: true } : {}),
    };
  }, [f.person, isoDate, f.kind, amountOk, amount, hours, f.asWages]);

  const checkKey = checkInput ? JSON.stringify(checkInput) : null;
  useEffect(() => {
    if (!checkKey) {
      setCheck(null);
      return;
    }
    const mine = ++seq.current;
    setChecking(true);
    const timer = window.setTimeout(() => {
      call('volunteers.check', JSON.parse(checkKey) as Parameters<typeof call<'volunteers.check'>>[1])
        .then((r) => {
          if (seq.current === mine) setCheck(r);
        })
        .catch(() => {
          if (seq.current === mine) setCheck(null);
        })
        .finally(() => {
          if (seq.current === mine) setChecking(false);
        });
    }, 200);
    return () => window.clearTimeout(timer);
  }, [checkKey, last]);

  function validate(): Record<string, string> {
    const e: Record<string, string> = {};
    if (!f.person) e.person = t('volunteers.pay.choosePerson');
    if (!isoDate) e.date = t('errors.date');
    if (f.kind === 'fee' && f.hours.trim() && (!hours || Number(hours) <= 0)) e.hours = t('volunteers.pay.hoursWrong');
    if (amount === null) e.amount = f.amount.trim() ? t('errors.amount') : t('errors.amountMissing');
    else if (!amountOk) e.amount = t('errors.amountPositive');
    if (!f.description.trim()) e.description = t('volunteers.pay.descriptionMissing');
    if (f.periodFrom.trim() && !parseInputDate(f.periodFrom)) e.periodFrom = t('errors.date');
    if (f.periodTo.trim() && !parseInputDate(f.periodTo)) e.periodTo = t('errors.date');
    if (!f.payFrom) e.payFrom = t('volunteers.pay.payFromMissing');
    if (f.asWages && f.confirm.trim().toLowerCase() !== AS_WAGES_CONFIRMATION.toLowerCase()) {
      e.confirmWages = t('volunteers.pay.confirmWrong', { text: AS_WAGES_CONFIRMATION });
    }
    return e;
  }

  function show(fe: FormErrors) {
    setErrors(fe);
    const first = Object.keys(fe.fields)[0];
    if (first) {
      focusById(IDS[first] ?? IDS.amount!);
      announce(fe.fields[first] ?? '', 'error', { visible: false });
    } else if (fe.general) {
      focusById('vpay-general');
      announce(fe.general, 'error', { visible: false });
    }
  }

  async function chooseReceipt(chosen: Chosen | undefined) {
    setErrors((e) => dropErrors(e, ['receipt']));
    if (!chosen) return setReceipt(null);
    // A path (desktop app): the app reads the file and checks it itself.
    if (chosen.kind === 'path') return setReceipt({ path: chosen.path });
    const file = chosen.file;
    if (file.size > MAX_RECEIPT) return show({ fields: { receipt: t('volunteers.pay.receiptHint') }, general: null });
    try {
      setReceipt({ fileName: file.name, dataBase64: await readAsBase64(file) });
    } catch {
      show({ fields: { receipt: t('errors.unknown') }, general: null });
    }
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e = validate();
    if (Object.keys(e).length > 0) return show({ fields: e, general: null });
    setBusy(true);
    try {
      const r = await call('volunteers.pay', {
        person: Number(f.person),
        date: isoDate!,
        amount: amount!,
        kind: f.kind,
        description: f.description.trim(),
        payFrom: f.payFrom,
        ...(hours ? { hours } : {}),
        ...(f.periodFrom.trim() ? { periodFrom: parseInputDate(f.periodFrom)! } : {}),
        ...(f.periodTo.trim() ? { periodTo: parseInputDate(f.periodTo)! } : {}),
        ...(f.asWages ? { asWages: true, confirmWages: f.confirm.trim() } : {}),
        ...(receipt ? { receipt } : {}),
      });
      setErrors(NO_ERRORS);
      setLast({ ref: r.entry.ref });
      booksChanged();
      announce(t('volunteers.pay.done', { amount: euro(r.payment.amount), name: r.payment.personName, ref: r.entry.ref }));
      setF((x) => ({ ...x, hours: '', amount: '', description: '', periodFrom: '', periodTo: '', asWages: false, confirm: '' }));
      setReceipt(null);
      if (fileRef.current) fileRef.current.value = '';
      focusById(IDS.amount!);
    } catch (err) {
      // The check beside the form shows the limit message already: point there, don't repeat it.
      if (err instanceof ApiError && err.code === 'LIMIT_EXCEEDED' && document.getElementById('vpay-blocked')) {
        setErrors(NO_ERRORS);
        announce(err.message, 'error', { visible: false });
        focusById('vpay-blocked');
      } else {
        show(formErrorsFrom(err, Object.keys(IDS)));
      }
    } finally {
      setBusy(false);
    }
  }

  const err = (k: string) => errors.fields[k];
  const list = (persons.data ?? []).filter((p) => !p.archived);
  const blocked = check?.status === 'blocked';

  return (
    <div className="screen" data-testid="screen-volunteer-pay">
      <PageTitle intro={t('volunteers.pay.intro')}>{t('volunteers.pay.title')}</PageTitle>
      {persons.data && list.length === 0 ? (
        <p className="notice">
          {t('volunteers.pay.noPersons')} <a href={hrefFor('volunteer-person')}>{t('volunteers.list.new')}</a>
        </p>
      ) : null}
      <div className="form-with-preview">
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <FormError id="vpay-general" error={errors.general ?? persons.error ?? accounts.error} />
          <Field id={IDS.person!} label={t('volunteers.pay.person')} error={err('person')}>
            {(a) => (
              <select {...a} className="input" value={f.person} onChange={(e) => set({ person: e.target.value })}>
                <option value="">{t('volunteers.pay.choosePerson')}</option>
                {list.map((p) => (
                  <option key={p.id} value={String(p.id)}>
                    {p.name}
                    {p.benefit !== 'none' ? ` (${t(`volunteers.benefitShort.${p.benefit}`)})` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <FieldSet id={IDS.kind!} legend={t('volunteers.pay.kind')} error={err('kind')}>
            <div className="choices choices--2">
              {(['fee', 'reimbursement'] as const).map((k) => (
                <div key={k} className={`choice${f.kind === k ? ' choice--checked' : ''}`}>
                  <input type="radio" id={`vpay-kind-${k}`} name="vpay-kind" checked={f.kind === k} onChange={() => set({ kind: k, ...(k === 'reimbursement' ? { hours: '' } : {}) })} aria-describedby={`vpay-kind-${k}-help`} />
                  <label htmlFor={`vpay-kind-${k}`}>{t(`volunteers.kind.${k}`)}</label>
                  <span id={`vpay-kind-${k}-help`} className="choice__help">
                    {t(`volunteers.pay.kindHint.${k}`)}
                  </span>
                </div>
              ))}
            </div>
          </FieldSet>
          <div className="row">
            <Field id={IDS.date!} label={t('volunteers.pay.date')} hint={t('common.dateHint')} error={err('date')}>
              {(a) => <DateInput a11y={a} value={f.date} onChange={(v) => set({ date: v })} />}
            </Field>
            {f.kind === 'fee' ? (
              <Field id={IDS.hours!} label={t('volunteers.pay.hours')} hint={t('volunteers.pay.hoursHint')} error={err('hours')} optional>
                {(a) => <input {...a} className="input input--short" inputMode="decimal" value={f.hours} onChange={(e) => set({ hours: e.target.value })} autoComplete="off" />}
              </Field>
            ) : null}
            <Field id={IDS.amount!} label={t('volunteers.pay.amount')} hint={t('common.amountHint')} error={err('amount')}>
              {(a) => <AmountInput a11y={a} value={f.amount} onChange={(v) => set({ amount: v })} />}
            </Field>
          </div>
          <Field id={IDS.description!} label={t('volunteers.pay.description')} hint={t('volunteers.pay.descriptionHint')} error={err('description')}>
            {(a) => <input {...a} className="input" value={f.description} onChange={(e) => set({ description: e.target.value })} autoComplete="off" maxLength={300} />}
          </Field>
          <FieldSet id="vpay-period" legend={t('volunteers.pay.period')}>
            <div className="row">
              <Field id={IDS.periodFrom!} label={t('volunteers.pay.periodFrom')} error={err('periodFrom')}>
                {(a) => <DateInput a11y={a} value={f.periodFrom} onChange={(v) => set({ periodFrom: v })} />}
              </Field>
              <Field id={IDS.periodTo!} label={t('volunteers.pay.periodTo')} error={err('periodTo')}>
                {(a) => <DateInput a11y={a} value={f.periodTo} onChange={(v) => set({ periodTo: v })} />}
              </Field>
            </div>
          </FieldSet>
          <FieldSet id={IDS.payFrom!} legend={t('volunteers.pay.payFrom')} hint={t('volunteers.pay.payFromHint')} error={err('payFrom')}>
            <div className="choices choices--3">
              {[...moneyAccounts.map((a) => ({ code: a.code, name: a.name, help: a.code })), { code: 'payable', name: t('volunteers.pay.payable'), help: t('volunteers.pay.payableHelp') }].map((o) => (
                <div key={o.code} className={`choice${f.payFrom === o.code ? ' choice--checked' : ''}`}>
                  <input type="radio" id={`vpay-payfrom-${o.code}`} name="vpay-payfrom" checked={f.payFrom === o.code} onChange={() => set({ payFrom: o.code })} />
                  <label htmlFor={`vpay-payfrom-${o.code}`}>{o.name}</label>
                  <span className="choice__help">{o.help}</span>
                </div>
              ))}
            </div>
          </FieldSet>
          <Field id={IDS.receipt!} label={t('volunteers.pay.receipt')} hint={t('volunteers.pay.receiptHint')} error={err('receipt')} optional>
            {(a) => (
              <FileChooser a11y={a} inputRef={fileRef} className="input" accept="image/png,image/jpeg,application/pdf" title={t('volunteers.pay.receipt')} onChosen={(files) => chooseReceipt(files[0])} />
            )}
          </Field>
          <label className="check" htmlFor="vpay-aswages">
            <input id="vpay-aswages" type="checkbox" checked={f.asWages} onChange={(e) => set({ asWages: e.target.checked, confirm: '' })} aria-describedby="vpay-aswages-hint" />
            {t('volunteers.pay.asWages')}
          </label>
          <p id="vpay-aswages-hint" className="field__hint">
            {t('volunteers.pay.asWagesHint')}
          </p>
          {f.asWages ? (
            <Field id={IDS.confirmWages!} label={t('volunteers.pay.confirmLabel', { text: AS_WAGES_CONFIRMATION })} error={err('confirmWages')}>
              {(a) => <input {...a} className="input" value={f.confirm} onChange={(e) => set({ confirm: e.target.value })} autoComplete="off" />}
            </Field>
          ) : null}
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={busy} aria-describedby={blocked ? 'vpay-blocked-note' : undefined} data-testid="volunteer-pay-submit">
              {t('volunteers.pay.submit')}
            </button>
            {last ? (
              <a className="button button--quiet" href={hrefFor('journal', { search: last.ref })}>
                {t('money.seeEntry', { ref: last.ref })}
              </a>
            ) : null}
          </div>
          {blocked ? (
            <p id="vpay-blocked-note" className="field__error">
              {t('volunteers.pay.blockedSubmit')}
            </p>
          ) : null}
        </form>
        <div className="form-with-preview__aside">
          <CheckPanel check={checkInput ? check : null} loading={checking} month={isoDate ? Number(isoDate.slice(5, 7)) : 1} kind={f.kind} />
        </div>
      </div>
    </div>
  );
}
