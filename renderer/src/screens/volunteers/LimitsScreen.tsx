import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolunteerLimits } from '../../../../shared/api/volunteers';
import { call } from '../../api';
import { Field, FormError } from '../../components/Field';
import { AmountInput } from '../../components/Inputs';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { amountForInput, currentYear, euro, parseInputAmount, toCents } from '../../format';
import { dropErrors, focusById, formErrorsFrom, NO_ERRORS, useApi, type FormErrors } from '../../hooks';

interface Form {
  year: string;
  perHourAdult: string;
  perHourYoung: string;
  ageThreshold: string;
  perMonth: string;
  perYear: string;
  source: string;
}

const AMOUNTS = ['perHourAdult', 'perHourYoung', 'perMonth', 'perYear'] as const;
const IDS: Record<string, string> = {
  year: 'vl-year', perHourAdult: 'vl-adult', perHourYoung: 'vl-young', ageThreshold: 'vl-age', perMonth: 'vl-month', perYear: 'vl-year-max', source: 'vl-source',
};

function toForm(r: VolunteerLimits): Form {
  const a = (v: string) => amountForInput(toCents(v) ?? 0n);
  return { year: String(r.year), perHourAdult: a(r.perHourAdult), perHourYoung: a(r.perHourYoung), ageThreshold: String(r.ageThreshold), perMonth: a(r.perMonth), perYear: a(r.perYear), source: r.origin === 'settings' ? r.source : '' };
}

/** The yearly limits: the app's own table plus the treasurer's rows. Route: volunteer-limits. */
export function LimitsScreen() {
  const { t } = useTranslation();
  const { announce, booksChanged } = useApp();
  const list = useApi('volunteers.limits.list', {});
  const [f, setF] = useState<Form>({ year: String(currentYear() + 1), perHourAdult: '', perHourYoung: '', ageThreshold: '21', perMonth: '', perYear: '', source: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Form>) => {
    setF((x) => ({ ...x, ...patch }));
    setErrors((e) => dropErrors(e, Object.keys(patch)));
  };

  function show(fe: FormErrors) {
    setErrors(fe);
    const first = Object.keys(fe.fields)[0];
    if (first) focusById(IDS[first] ?? 'vl-year');
    const msg = first ? fe.fields[first] : fe.general;
    if (msg) announce(msg, 'error', { visible: !first });
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const fields: Record<string, string> = {};
    const year = Number(f.year);
    if (!/^\d{4}$/.test(f.year.trim())) fields.year = t('volunteers.limits.yearWrong');
    const amounts: Record<string, string> = {};
    for (const k of AMOUNTS) {
      const v = parseInputAmount(f[k]);
      if (v === null || v.startsWith('-') || (toCents(v) ?? 0n) <= 0n) fields[k] = f[k].trim() ? t('errors.amount') : t('errors.amountMissing');
      else amounts[k] = v;
    }
    if (!/^\d{1,3}$/.test(f.ageThreshold.trim())) fields.ageThreshold = t('volunteers.limits.ageWrong');
    if (Object.keys(fields).length > 0) return show({ fields, general: null });
    setBusy(true);
    try {
      await call('volunteers.limits.set', {
        year,
        perHourAdult: amounts.perHourAdult!,
        perHourYoung: amounts.perHourYoung!,
        perMonth: amounts.perMonth!,
        perYear: amounts.perYear!,
        ageThreshold: Number(f.ageThreshold),
        ...(f.source.trim() ? { source: f.source.trim() } : {}),
      });
      setErrors(NO_ERRORS);
      list.reload();
      booksChanged();
      announce(t('volunteers.limits.saved', { year }));
    } catch (err) {
      show(formErrorsFrom(err, Object.keys(IDS)));
    } finally {
      setBusy(false);
    }
  }

  async function reset(year: number) {
    try {
      await call('volunteers.limits.reset', { year });
      list.reload();
      booksChanged();
      announce(t('volunteers.limits.resetDone', { year }));
    } catch (err) {
      announce(err instanceof Error ? err.message : String(err), 'error');
    }
  }

  const err = (k: string) => errors.fields[k];
  return (
    <div className="screen" data-testid="screen-volunteer-limits">
      <PageTitle intro={t('volunteers.limits.intro')}>{t('volunteers.limits.title')}</PageTitle>
      <FormError error={list.error} />
      {list.data ? (
        <div className="vol-scroll">
        <table className="table table--compact" data-testid="volunteer-limits-table">
          <thead>
            <tr>
              <th scope="col">{t('volunteers.limits.year')}</th>
              <th scope="col" className="num">{t('volunteers.limits.colAdult')}</th>
              <th scope="col" className="num">{t('volunteers.limits.colYoung')}</th>
              <th scope="col" className="num">{t('volunteers.limits.colMonth')}</th>
              <th scope="col" className="num">{t('volunteers.limits.colYear')}</th>
              <th scope="col">{t('volunteers.limits.from')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('volunteers.list.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...list.data].reverse().map((r) => (
              <tr key={r.year}>
                <th scope="row">{r.year}</th>
                <td className="num">
                  {euro(r.perHourAdult)} <span className="muted">({r.ageThreshold}+)</span>
                </td>
                <td className="num">{euro(r.perHourYoung)}</td>
                <td className="num">{euro(r.perMonth)}</td>
                <td className="num">{euro(r.perYear)}</td>
                <td>{t(`volunteers.limits.origin.${r.origin}`)}</td>
                <td className="cell-actions">
                  <button type="button" className="button button--quiet button--small" onClick={() => { setF(toForm(r)); focusById('vl-year'); }} aria-label={`${t('volunteers.limits.edit')}: ${r.year}`}>
                    {t('volunteers.limits.edit')}
                  </button>
                  {r.origin === 'settings' ? (
                    <button type="button" className="button button--quiet button--small" onClick={() => void reset(r.year)} aria-label={`${t('volunteers.limits.reset')}: ${r.year}`}>
                      {t('volunteers.limits.reset')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      ) : null}
      <section className="section" aria-labelledby="vl-form-title">
        <h2 id="vl-form-title">{t('volunteers.limits.addTitle')}</h2>
        <form className="form" onSubmit={(e) => void save(e)} noValidate>
          <FormError error={errors.general} />
          <div className="row">
            <Field id={IDS.year!} label={t('volunteers.limits.year')} error={err('year')}>
              {(a) => <input {...a} className="input input--short" inputMode="numeric" value={f.year} onChange={(e) => set({ year: e.target.value })} />}
            </Field>
            <Field id={IDS.ageThreshold!} label={t('volunteers.limits.ageThreshold')} error={err('ageThreshold')}>
              {(a) => <input {...a} className="input input--short" inputMode="numeric" value={f.ageThreshold} onChange={(e) => set({ ageThreshold: e.target.value })} />}
            </Field>
          </div>
          <div className="row">
            <Field id={IDS.perHourAdult!} label={t('volunteers.limits.perHourAdultLabel')} error={err('perHourAdult')}>
              {(a) => <AmountInput a11y={a} value={f.perHourAdult} onChange={(v) => set({ perHourAdult: v })} />}
            </Field>
            <Field id={IDS.perHourYoung!} label={t('volunteers.limits.perHourYoung')} error={err('perHourYoung')}>
              {(a) => <AmountInput a11y={a} value={f.perHourYoung} onChange={(v) => set({ perHourYoung: v })} />}
            </Field>
          </div>
          <div className="row">
            <Field id={IDS.perMonth!} label={t('volunteers.limits.perMonth')} error={err('perMonth')}>
              {(a) => <AmountInput a11y={a} value={f.perMonth} onChange={(v) => set({ perMonth: v })} />}
            </Field>
            <Field id={IDS.perYear!} label={t('volunteers.limits.perYear')} error={err('perYear')}>
              {(a) => <AmountInput a11y={a} value={f.perYear} onChange={(v) => set({ perYear: v })} />}
            </Field>
          </div>
          <Field id={IDS.source!} label={t('volunteers.limits.source')} hint={t('volunteers.limits.sourceHint')} error={err('source')} optional>
            {(a) => <input {...a} className="input" value={f.source} onChange={(e) => set({ source: e.target.value })} maxLength={300} />}
          </Field>
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('volunteers.limits.save')}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
