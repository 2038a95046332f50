import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { YearEndCheck } from '../../../../shared/api/statements';
import type { ScreenProps } from '../../screenProps';
import { call } from '../../api';
import { Field, FormError, Hint } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { amountForInput, dateNl, euro, euroCents, parseInputAmount, toCents } from '../../format';
import { formErrorsFrom, NO_ERRORS, useApi, useYears, type FormErrors } from '../../hooks';
import { Amount, YearPicker } from './common';
import { SaveFileButton } from '../../components/SaveFile';
import { serverText } from '../../serverText';

type Step = 'check' | 'appropriation' | 'confirm';
const STEPS: Step[] = ['check', 'appropriation', 'confirm'];

/**
 * The year-end wizard: checks -> dividing the result over the reserves -> close; for a closed year:
 * reopen with a reason. Below it, the annual documents (PDF pack, Excel, XAF). Route: year-end[?year=YYYY].
 */
export function YearEndScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const years = useYears();
  const list = years.data ?? [];
  const [picked, setPicked] = useState<number | null>(Number(params.get('year')) || null);
  // Years close in order: start with the oldest open year.
  const fallback = list.find((y) => y.status === 'open')?.year ?? list[list.length - 1]?.year ?? null;
  const year = picked !== null && list.some((y) => y.year === picked) ? picked : fallback;
  const check = useApi('yearEnd.check', year === null ? null : { year });
  return (
    <div className="screen" data-testid="screen-year-end">
      <PageTitle intro={t('statements.yearEnd.intro')}>{t('statements.yearEnd.title')}</PageTitle>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <YearPicker id="year-end-year" years={list} value={year} onChange={setPicked} />
      </form>
      <FormError error={check.error} />
      {!check.data || year === null ? (
        <p className="muted">{t('statements.loading')}</p>
      ) : check.data.status === 'open' ? (
        <CloseWizard key={year} check={check.data} reload={() => { setPicked(year); check.reload(); years.reload(); }} />
      ) : (
        <Reopen key={year} check={check.data} reload={() => { setPicked(year); check.reload(); years.reload(); }} />
      )}
      {year !== null ? <Exports key={`x-${year}`} year={year} /> : null}
    </div>
  );
}

function Steps({ current }: { current: Step }) {
  const { t } = useTranslation();
  const at = STEPS.indexOf(current);
  return (
    <ol className="steps" aria-label={t('statements.yearEnd.stepLabel')}>
      {STEPS.map((s, i) => (
        <li key={s} className={`steps__item${i === at ? ' steps__item--current' : i < at ? ' steps__item--done' : ''}`} aria-current={i === at ? 'step' : undefined}>
          <span className="steps__number">{i < at ? '✓' : i + 1}</span> {t(`statements.yearEnd.steps.${s}`)}
        </li>
      ))}
    </ol>
  );
}

function Problems({ check }: { check: YearEndCheck }) {
  const { t } = useTranslation();
  const shown = check.problems.filter((p) => p.code !== 'ALREADY_CLOSED');
  if (shown.length === 0) return <p className="statement-check">{t('statements.yearEnd.noProblems')}</p>;
  return (
    <ul className="problems" data-testid="year-end-problems">
      {shown.map((p, i) => (
        <li key={`${p.code}-${i}`} data-severity={p.severity} data-code={p.code}>
          <span className="problems__severity">
            <span aria-hidden="true">{p.severity === 'block' ? '! ' : p.severity === 'warn' ? '⚠ ' : 'i '}</span>
            {t(`statements.yearEnd.severity.${p.severity}`)}:
          </span>{' '}
          {serverText(p)}
        </li>
      ))}
    </ul>
  );
}

function CloseWizard({ check, reload }: { check: YearEndCheck; reload: () => void }) {
  const { t } = useTranslation();
  const { announce, booksChanged } = useApp();
  const [step, setStep] = useState<Step>('check');
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const year = check.year;
  const result = toCents(check.result) ?? 0n;

  useEffect(() => {
    setAmounts(Object.fromEntries(check.equityAccounts.map((a) => {
      const d = check.defaultAppropriation.find((x) => x.account === a.code);
      const c = d ? (toCents(d.amount) ?? 0n) : 0n;
      return [a.code, c === 0n ? '' : `${c < 0n ? '-' : ''}${amountForInput(c < 0n ? -c : c)}`];
    })));
  }, [check]);

  const parsed = Object.entries(amounts).map(([account, v]) => ({ account, text: v, amount: v.trim() === '' ? '0.00' : parseInputAmount(v) }));
  const bad = parsed.filter((p) => p.amount === null);
  const total = parsed.reduce((s, p) => s + (p.amount ? (toCents(p.amount) ?? 0n) : 0n), 0n);
  const remaining = result - total;
  const blocked = !check.canClose;

  async function close(ev: FormEvent) {
    ev.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const appropriation = parsed.filter((p) => p.amount && p.amount !== '0.00').map((p) => ({ account: p.account, amount: p.amount! }));
      const r = await call('yearEnd.close', { year, appropriation });
      announce(r.closingEntry ? t('statements.yearEnd.closed', { year, ref: r.closingEntry.ref }) : t('statements.yearEnd.closedNoEntry', { year }), 'success');
      booksChanged();
      reload();
    } catch (e) {
      setErrors(formErrorsFrom(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="wizard-title" data-testid="year-end-wizard">
      <Steps current={step} />
      {step === 'check' ? (
        <>
          <h2 id="wizard-title">{t('statements.yearEnd.checkTitle')}</h2>
          <Problems check={check} />
          {blocked ? <p className="form-error" role="alert">{t('statements.yearEnd.blocked')}</p> : null}
          <div className="actions">
            <button type="button" className="button" onClick={reload}>{t('statements.yearEnd.recheck')}</button>
            <button type="button" className="button button--primary" disabled={blocked} onClick={() => setStep('appropriation')}>
              {t('statements.yearEnd.next')}
            </button>
          </div>
        </>
      ) : null}
      {step === 'appropriation' ? (
        <>
          <h2 id="wizard-title">{t('statements.yearEnd.appropriationTitle')}</h2>
          <p>
            {result >= 0n
              ? t('statements.yearEnd.appropriationText', { year, amount: euro(check.result) })
              : t('statements.yearEnd.appropriationLoss', { year, amount: euroCents(-result) })}
          </p>
          <div className="form">
            {check.equityAccounts.map((a) => (
              <Field key={a.code} id={`appr-${a.code}`} label={t('statements.yearEnd.amountFor', { name: `${a.code} ${a.name}` })} error={amounts[a.code] && parseInputAmount(amounts[a.code]!) === null ? t('statements.yearEnd.amountWrong') : undefined}>
                {(x) => (
                  <input
                    {...x}
                    className="input input--amount"
                    inputMode="decimal"
                    autoComplete="off"
                    value={amounts[a.code] ?? ''}
                    onChange={(e) => setAmounts((m) => ({ ...m, [a.code]: e.target.value }))}
                  />
                )}
              </Field>
            ))}
          </div>
          <p className={remaining === 0n ? 'statement-check' : 'form-error'} data-testid="appropriation-remaining" aria-live="polite">
            {remaining === 0n ? t('statements.yearEnd.allDistributed') : t('statements.yearEnd.remaining', { amount: euroCents(remaining) })}
          </p>
          <div className="actions">
            <button type="button" className="button" onClick={() => setStep('check')}>{t('statements.yearEnd.back')}</button>
            <button type="button" className="button button--primary" disabled={remaining !== 0n || bad.length > 0} onClick={() => setStep('confirm')}>
              {t('statements.yearEnd.next')}
            </button>
          </div>
        </>
      ) : null}
      {step === 'confirm' ? (
        <form onSubmit={(e) => void close(e)} noValidate>
          <h2 id="wizard-title">{t('statements.yearEnd.confirmTitle')}</h2>
          <p>{t('statements.yearEnd.confirmText', { year, date: `31-12-${year}`, next: check.nextYear })}</p>
          <table className="table table--compact">
            <caption className="visually-hidden">{t('statements.income.appropriation')}</caption>
            <tbody>
              {parsed.filter((p) => p.amount && p.amount !== '0.00').map((p) => (
                <tr key={p.account}>
                  <th scope="row" className="th-plain">{check.equityAccounts.find((a) => a.code === p.account)?.name ?? p.account}</th>
                  <td className="num"><Amount value={p.amount} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <label className="check">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> {t('statements.yearEnd.confirmCheck', { year })}
          </label>
          <FormError error={errors.general ?? Object.values(errors.fields)[0]} />
          <div className="actions">
            <button type="button" className="button" onClick={() => setStep('appropriation')}>{t('statements.yearEnd.back')}</button>
            <button type="submit" className="button button--primary" disabled={!confirmed || busy}>
              {t('statements.yearEnd.close', { year })}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function Reopen({ check, reload }: { check: YearEndCheck; reload: () => void }) {
  const { t } = useTranslation();
  const { announce, booksChanged } = useApp();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const year = check.year;
  async function reopen(ev: FormEvent) {
    ev.preventDefault();
    setBusy(true);
    try {
      await call('yearEnd.reopen', { year, reason });
      announce(t('statements.yearEnd.reopened', { year }), 'success');
      booksChanged();
      reload();
    } catch (e) {
      setErrors(formErrorsFrom(e, ['reason']));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section data-testid="year-end-closed">
      <p className="statement-check">
        <strong>{t('statements.yearEnd.isClosed', { year })}</strong>
        {check.closing ? <> {t('statements.yearEnd.closingEntry', { ref: check.closing.ref, date: dateNl(check.closing.date) })}</> : null}
      </p>
      {check.history.length > 0 ? (
        <>
          <h2>{t('statements.yearEnd.history')}</h2>
          <ul>
            {check.history.map((h, i) => (
              <li key={i}>
                {h.action === 'close'
                  ? t('statements.yearEnd.historyClose', { date: dateNl(h.at.slice(0, 10)) })
                  : t('statements.yearEnd.historyReopen', { date: dateNl(h.at.slice(0, 10)), reason: h.reason ?? '' })}
                {h.ref ? ` (${h.ref})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <form className="form" onSubmit={(e) => void reopen(e)} noValidate>
        <h2>{t('statements.yearEnd.reopenTitle')}</h2>
        <p>{t('statements.yearEnd.reopenText', { year })}</p>
        <Field id="reopen-reason" label={t('statements.yearEnd.reason')} hint={t('statements.yearEnd.reasonHint')} error={errors.fields.reason}>
          {(a) => <textarea {...a} className="input" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <FormError error={errors.general} />
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>{t('statements.yearEnd.reopen', { year })}</button>
        </div>
      </form>
    </section>
  );
}

type ExportKind = 'pdf' | 'xlsx' | 'xaf';
const EXPORT_METHOD = { pdf: 'statements.pdf', xlsx: 'statements.xlsx', xaf: 'export.xaf' } as const;
const EXPORT_FILTER = { pdf: { name: 'PDF', extensions: ['pdf'] }, xlsx: { name: 'Excel', extensions: ['xlsx'] }, xaf: { name: 'XML Auditfile', extensions: ['xaf'] } };

function Exports({ year }: { year: number }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="exports-title" className="section year-end-exports">
      <h2 id="exports-title">{t('statements.yearEnd.exports')}</h2>
      <Hint>{t('statements.yearEnd.exportsText')}</Hint>
      <div className="export-list">
        {(['pdf', 'xlsx', 'xaf'] as ExportKind[]).map((k) => (
          <ExportRow key={k} kind={k} year={year} />
        ))}
      </div>
    </section>
  );
}

function ExportRow({ kind, year }: { kind: ExportKind; year: number }) {
  const { t } = useTranslation();
  const id = `export-${kind}`;
  return (
    <section className="card" data-testid={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t(`statements.yearEnd.${kind}`)}</h3>
      <SaveFileButton
        method={EXPORT_METHOD[kind]}
        input={() => ({ year })}
        fileName={`${kind === 'xaf' ? 'auditfile' : 'jaarrekening'}-${year}.${kind}`}
        filter={EXPORT_FILTER[kind]}
        label={t('statements.yearEnd.make')}
        primary
      />
    </section>
  );
}
