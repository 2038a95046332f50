import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../shared/api/types';
import type { ScreenProps } from '../screenProps';
import { call } from '../api';
import { Dialog } from '../components/Dialog';
import { Field, FieldSet, FormError, Hint } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { useApp } from '../context';
import { dateNl } from '../format';
import { dropErrors, focusById, formErrorsFrom, NO_ERRORS, useApi, useYears, type FormErrors } from '../hooks';
import { isLanguage } from '../i18n';
import { hrefFor } from '../router';

type Vat = Organisation['vatStatus'];
const VATS: Vat[] = ['none', 'exempt', 'kor', 'liable'];

interface OrgForm {
  name: string;
  kvk: string;
  rsin: string;
  iban: string;
  street: string;
  postcode: string;
  city: string;
  email: string;
  phone: string;
  website: string;
  vat: Vat;
  vatNumber: string;
  anbi: boolean;
  layout: 'rj640' | 'rj650';
}

function toForm(o: Organisation): OrgForm {
  return {
    name: o.name,
    kvk: o.kvk ?? '',
    rsin: o.rsin ?? '',
    iban: o.iban ?? '',
    street: o.street ?? '',
    postcode: o.postcode ?? '',
    city: o.city ?? '',
    email: o.email ?? '',
    phone: o.phone ?? '',
    website: o.website ?? '',
    vat: o.vatStatus,
    vatNumber: o.vatNumber ?? '',
    anbi: o.anbi,
    layout: o.layout,
  };
}

/**
 * Settings. From an invoice that misses something of the foundation: `focus` names the field to
 * fill in, `back` the draft to return to (it was saved before coming here).
 */
export function SettingsScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const back = Number(params.get('back') ?? '') || null;
  const focus = params.get('focus');
  return (
    <div className="screen" data-testid="screen-settings">
      <PageTitle intro={t('settings.intro')}>{t('settings.title')}</PageTitle>
      {back !== null ? (
        <p className="notice" data-testid="settings-back">
          {t('settings.fromInvoice')} <a href={hrefFor('invoice-edit', { id: back })} data-testid="back-to-invoice">{t('settings.backToInvoice')}</a>
        </p>
      ) : null}
      <PersonalSettings />
      <OrganisationSettings focus={focus && /^org-[A-Za-z]+$/.test(focus) ? focus : null} back={back} />
      <YearSettings />
      <PracticeSettings />
    </div>
  );
}

function PersonalSettings() {
  const { t } = useTranslation();
  const { settings, updateSettings, info } = useApp();
  return (
    <section className="section card" aria-labelledby="set-personal">
      <h2 id="set-personal">{t('settings.personal')}</h2>
      <div className="row">
        <Field id="set-language" label={t('settings.language')}>
          {(a) => (
            <select
              {...a}
              className="input input--auto"
              value={settings.language}
              onChange={(e) => {
                if (isLanguage(e.target.value)) void updateSettings({ language: e.target.value });
              }}
            >
              <option value="nl">Nederlands</option>
              <option value="en">English</option>
            </select>
          )}
        </Field>
      </div>
      <div className="check">
        <input id="set-hints" type="checkbox" checked={settings.hints} onChange={(e) => void updateSettings({ hints: e.target.checked })} aria-describedby="set-hints-help" />
        <label htmlFor="set-hints">{t('settings.hints')}</label>
      </div>
      <p id="set-hints-help" className="field__hint">
        {t('settings.hintsHelp')}
      </p>
      {info ? (
        <p className="muted file-path">
          {t('settings.file')} <span className="mono">{info.path}</span>
        </p>
      ) : null}
    </section>
  );
}

function OrganisationSettings({ focus, back }: { focus: string | null; back: number | null }) {
  const { t } = useTranslation();
  const { announce, setInfo, info, booksChanged } = useApp();
  const org = useApi('org.get', {});
  const [form, setForm] = useState<OrgForm | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const loaded = form !== null;

  useEffect(() => {
    if (org.data) setForm(toForm(org.data));
  }, [org.data]);

  // Sent here to fill in one field: put the cursor in it (once the form is there).
  useEffect(() => {
    if (loaded && focus) {
      focusById(focus);
      window.requestAnimationFrame(() => document.getElementById(focus)?.scrollIntoView({ block: 'center' }));
    }
  }, [loaded, focus]);

  if (!form) return org.error ? <FormError error={org.error} /> : null;
  const set = (patch: Partial<OrgForm>) => {
    setForm((f) => (f ? { ...f, ...patch } : f));
    setErrors((e) => dropErrors(e, Object.keys(patch)));
  };
  const ef = (f: string) => errors.fields[f];

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    if (!form.name.trim()) {
      setErrors({ fields: { name: t('welcome.new.errors.name') }, general: null });
      focusById('org-name');
      return;
    }
    setBusy(true);
    try {
      // An emptied checked number is sent as null: the treasurer removes it.
      const updated = await call('org.update', {
        name: form.name.trim(),
        kvk: form.kvk.trim() || null,
        rsin: form.rsin.trim() || null,
        iban: form.iban.trim() || null,
        street: form.street.trim(),
        postcode: form.postcode.trim(),
        city: form.city.trim(),
        email: form.email.trim(),
        phone: form.phone.trim(),
        website: form.website.trim(),
        vat: form.vat,
        vatNumber: form.vatNumber.trim(),
        anbi: form.anbi,
        layout: form.layout,
      });
      setErrors(NO_ERRORS);
      setForm(toForm(updated));
      if (info) setInfo({ ...info, organisation: updated });
      booksChanged();
      announce(t('settings.orgSaved'));
    } catch (err) {
      const fe = formErrorsFrom(err, ['name', 'kvk', 'rsin', 'iban', 'street', 'postcode', 'city', 'email', 'phone', 'website', 'vat', 'vatNumber', 'anbi', 'layout']);
      setErrors(fe);
      const first = Object.keys(fe.fields)[0];
      if (first) focusById(`org-${first}`);
      announce(Object.values(fe.fields)[0] ?? fe.general ?? '', 'error', { visible: false });
    } finally {
      setBusy(false);
    }
  }

  const text = (key: keyof OrgForm, opts: { optional?: boolean; className?: string; autoComplete?: string; hint?: string } = {}) => (
    <Field id={`org-${key}`} label={t(`settings.org.${key}`)} error={ef(key)} optional={opts.optional ?? true} hint={opts.hint}>
      {(a) => (
        <input
          {...a}
          className={opts.className ?? 'input'}
          value={String(form[key])}
          onChange={(e) => set({ [key]: e.target.value } as Partial<OrgForm>)}
          autoComplete={opts.autoComplete ?? 'off'}
        />
      )}
    </Field>
  );

  return (
    <section className="section card" aria-labelledby="set-org">
      <h2 id="set-org">{t('settings.orgTitle')}</h2>
      <form onSubmit={(e) => void save(e)} noValidate className="form">
        <FormError error={errors.general} />
        {text('name', { optional: false, autoComplete: 'organization' })}
        <div className="row">
          {text('kvk', { className: 'input input--medium', hint: t('welcome.new.kvkHint') })}
          {text('rsin', { className: 'input input--medium', hint: t('settings.org.rsinHint') })}
        </div>
        {text('iban', { className: 'input input--medium' })}
        <div className="row">
          {text('street', { autoComplete: 'street-address' })}
          {text('postcode', { className: 'input input--short', autoComplete: 'postal-code' })}
          {text('city', { autoComplete: 'address-level2' })}
        </div>
        <div className="row">
          {text('email', { autoComplete: 'email' })}
          {text('phone', { autoComplete: 'tel' })}
          {text('website', { autoComplete: 'url' })}
        </div>
        <FieldSet id="org-vat" legend={t('welcome.new.vat')} error={ef('vat')}>
          <div className="choices choices--2">
            {VATS.map((v) => (
              <div key={v} className={`choice${form.vat === v ? ' choice--checked' : ''}`}>
                <input type="radio" id={`org-vat-${v}`} name="org-vat" checked={form.vat === v} onChange={() => set({ vat: v })} aria-describedby={`org-vat-${v}-help`} />
                <label htmlFor={`org-vat-${v}`}>
                  <span className="choice__name">{t(`vat.${v}.name`)}</span>
                </label>
                <span id={`org-vat-${v}-help`} className="choice__help">
                  {t(`vat.${v}.explain`)}
                </span>
              </div>
            ))}
          </div>
        </FieldSet>
        {form.vat === 'liable' ? text('vatNumber', { className: 'input input--medium' }) : null}
        <div className="field">
          <div className="check">
            <input id="org-anbi" type="checkbox" checked={form.anbi} onChange={(e) => set({ anbi: e.target.checked })} aria-describedby="org-anbi-help" />
            <label htmlFor="org-anbi">{t('settings.org.anbi')}</label>
          </div>
          <p id="org-anbi-help" className="field__hint">
            {t('settings.org.anbiHelp')}
          </p>
        </div>
        <FieldSet id="org-layout" legend={t('settings.org.layout')} error={ef('layout')}>
          <div className="choices choices--2">
            {(['rj640', 'rj650'] as const).map((l) => (
              <div key={l} className={`choice${form.layout === l ? ' choice--checked' : ''}`}>
                <input type="radio" id={`org-layout-${l}`} name="org-layout" checked={form.layout === l} onChange={() => set({ layout: l })} aria-describedby={`org-layout-${l}-help`} />
                <label htmlFor={`org-layout-${l}`}>
                  <span className="choice__name">{t(`settings.layout.${l}.name`)}</span>
                </label>
                <span id={`org-layout-${l}-help`} className="choice__help">
                  {t(`settings.layout.${l}.explain`)}
                </span>
              </div>
            ))}
          </div>
        </FieldSet>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('settings.orgSave')}
          </button>
          {back !== null ? <a className="button" href={hrefFor('invoice-edit', { id: back })}>{t('settings.backToInvoice')}</a> : null}
        </div>
      </form>
    </section>
  );
}

/**
 * The fiscal years. Closing a year goes through the year-end wizard (checks, result to the reserves,
 * the lock), never a bare lock: that would skip the checks and leave the result unbooked.
 */
function YearSettings() {
  const { t } = useTranslation();
  const { announce, booksChanged } = useApp();
  const years = useYears();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const list = years.data ?? [];

  async function openNext() {
    setBusy(true);
    setError(null);
    try {
      const y = await call('years.openNext', {});
      announce(t('years.opened', { year: y.year }));
      booksChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section card" aria-labelledby="set-years">
      <h2 id="set-years">{t('years.title')}</h2>
      <Hint>{t('years.hint')}</Hint>
      <FormError error={error ?? years.error} />
      <table className="table" data-testid="years-table">
        <caption className="visually-hidden">{t('years.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('years.year')}</th>
            <th scope="col">{t('years.period')}</th>
            <th scope="col">{t('years.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('accounts.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((y) => (
            <tr key={y.year}>
              <th scope="row">{y.year}</th>
              <td>{t('years.periodText', { start: dateNl(y.startDate), end: dateNl(y.endDate) })}</td>
              <td>{y.status === 'open' ? <span className="badge badge--open">{t('years.open')}</span> : <span className="badge badge--closed">{t('years.closedBadge')}</span>}</td>
              <td>
                <a className="button button--small" href={hrefFor('year-end', { year: y.year })} aria-label={t(y.status === 'open' ? 'years.closeN' : 'years.viewN', { year: y.year })}>
                  {t(y.status === 'open' ? 'years.close' : 'years.view')}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button type="button" className="button" onClick={() => void openNext()} disabled={busy}>
          {t('years.openNext', { year: (list[list.length - 1]?.year ?? new Date().getFullYear()) + 1 })}
        </button>
      </p>
    </section>
  );
}

function PracticeSettings() {
  const { t } = useTranslation();
  const { info, setInfo, announce, booksChanged } = useApp();
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!info?.practice) return null;

  async function reset() {
    try {
      const r = await call('app.practice.reset', {});
      setInfo(r);
      setConfirm(false);
      booksChanged();
      announce(t('practice.resetDone'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <section className="section card" aria-labelledby="set-practice">
      <h2 id="set-practice">{t('practice.title')}</h2>
      <p>{t('practice.resetText')}</p>
      <button type="button" className="button" onClick={() => { setError(null); setConfirm(true); }}>
        {t('practice.reset')}
      </button>
      <Dialog open={confirm} title={t('practice.resetConfirmTitle')} onClose={() => setConfirm(false)}>
        <p>{t('practice.resetConfirmText')}</p>
        <FormError error={error} />
        <div className="actions">
          <button type="button" className="button button--primary" onClick={() => void reset()}>
            {t('practice.resetYes')}
          </button>
          <button type="button" className="button" onClick={() => setConfirm(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
