import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Benefit, Person } from '../../../../shared/api/volunteers';
import { formatIban, isValidIban } from '../../../../shared/validation/iban';
import { call } from '../../api';
import { Field, FieldSet, FormError } from '../../components/Field';
import { DateInput } from '../../components/Inputs';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { dateNl, parseInputDate } from '../../format';
import { dropErrors, focusById, formErrorsFrom, NO_ERRORS, type FormErrors } from '../../hooks';
import { hrefFor, navigate } from '../../router';
import type { ScreenProps } from '../../screenProps';
import { BENEFITS } from './common';

interface Form {
  name: string;
  birthDate: string;
  street: string;
  postcode: string;
  city: string;
  iban: string;
  email: string;
  benefit: Benefit;
  benefitNote: string;
  alsoPaidOrInvoices: boolean;
}

const EMPTY: Form = { name: '', birthDate: '', street: '', postcode: '', city: '', iban: '', email: '', benefit: 'none', benefitNote: '', alsoPaidOrInvoices: false };

const IDS: Record<string, string> = {
  name: 'vp-name', birthDate: 'vp-birth', street: 'vp-street', postcode: 'vp-postcode', city: 'vp-city', iban: 'vp-iban', email: 'vp-email',
  benefit: 'vp-benefit', benefitNote: 'vp-benefit-note', alsoPaidOrInvoices: 'vp-also-paid',
};

function toForm(p: Person): Form {
  return {
    name: p.name, birthDate: dateNl(p.birthDate), street: p.street ?? '', postcode: p.postcode ?? '', city: p.city ?? '',
    iban: p.iban ? formatIban(p.iban) : '', email: p.email ?? '', benefit: p.benefit, benefitNote: p.benefitNote ?? '', alsoPaidOrInvoices: p.alsoPaidOrInvoices,
  };
}

/** Add or change a volunteer. Route: volunteer-person[?id=N]. */
export function PersonFormScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const { announce, booksChanged } = useApp();
  const id = Number(params.get('id')) || null;
  const [f, setF] = useState<Form>(EMPTY);
  const [person, setPerson] = useState<Person | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (id === null) return;
    call('persons.get', { id })
      .then((p) => {
        setPerson(p);
        setF(toForm(p));
      })
      .catch((e: unknown) => setErrors({ fields: {}, general: e instanceof Error ? e.message : String(e) }));
  }, [id]);

  const set = (patch: Partial<Form>) => {
    setF((x) => ({ ...x, ...patch }));
    setErrors((e) => dropErrors(e, Object.keys(patch)));
  };

  function validate(): Record<string, string> {
    const e: Record<string, string> = {};
    if (!f.name.trim()) e.name = t('volunteers.person.nameMissing');
    if (f.birthDate.trim() && !parseInputDate(f.birthDate)) e.birthDate = t('volunteers.person.dateWrong');
    if (f.iban.trim() && !isValidIban(f.iban)) e.iban = t('volunteers.person.ibanWrong');
    return e;
  }

  function show(fe: FormErrors) {
    setErrors(fe);
    const first = Object.keys(fe.fields)[0];
    if (first) {
      focusById(IDS[first] ?? 'vp-name');
      announce(fe.fields[first] ?? '', 'error', { visible: false });
    } else if (fe.general) announce(fe.general, 'error');
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e = validate();
    if (Object.keys(e).length > 0) return show({ fields: e, general: null });
    const body = {
      name: f.name.trim(),
      birthDate: f.birthDate.trim() ? parseInputDate(f.birthDate) : null,
      street: f.street.trim() || null,
      postcode: f.postcode.trim() || null,
      city: f.city.trim() || null,
      iban: f.iban.trim() || null,
      email: f.email.trim() || null,
      benefit: f.benefit,
      benefitNote: f.benefitNote.trim() || null,
      alsoPaidOrInvoices: f.alsoPaidOrInvoices,
    };
    setBusy(true);
    try {
      const saved = id === null ? await call('persons.create', body) : await call('persons.update', { id, ...body });
      booksChanged();
      announce(t('volunteers.person.saved', { name: saved.name }));
      navigate('volunteers');
    } catch (err) {
      show(formErrorsFrom(err, Object.keys(IDS)));
    } finally {
      setBusy(false);
    }
  }

  async function toggleArchive() {
    if (!person) return;
    try {
      const p = await call('persons.archive', { id: person.id, archived: !person.archived });
      setPerson(p);
      booksChanged();
      announce(t(p.archived ? 'volunteers.person.archivedDone' : 'volunteers.person.unarchivedDone', { name: p.name }));
    } catch (err) {
      show(formErrorsFrom(err));
    }
  }

  const err = (k: string) => errors.fields[k];
  return (
    <div className="screen" data-testid="screen-volunteer-person">
      <PageTitle intro={t('volunteers.person.intro')}>{t(id === null ? 'volunteers.person.newTitle' : 'volunteers.person.editTitle')}</PageTitle>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormError error={errors.general} />
        <Field id={IDS.name!} label={t('volunteers.person.name')} error={err('name')}>
          {(a) => <input {...a} className="input" value={f.name} onChange={(e) => set({ name: e.target.value })} autoComplete="off" maxLength={100} />}
        </Field>
        <Field id={IDS.birthDate!} label={t('volunteers.person.birthDate')} hint={t('volunteers.person.birthDateHint')} error={err('birthDate')} optional>
          {(a) => <DateInput a11y={a} value={f.birthDate} onChange={(v) => set({ birthDate: v })} />}
        </Field>
        <Field id={IDS.street!} label={t('volunteers.person.street')} error={err('street')} optional>
          {(a) => <input {...a} className="input" value={f.street} onChange={(e) => set({ street: e.target.value })} autoComplete="off" maxLength={200} />}
        </Field>
        <div className="row">
          <Field id={IDS.postcode!} label={t('volunteers.person.postcode')} error={err('postcode')} optional>
            {(a) => <input {...a} className="input input--short" value={f.postcode} onChange={(e) => set({ postcode: e.target.value })} autoComplete="off" maxLength={20} />}
          </Field>
          <Field id={IDS.city!} label={t('volunteers.person.city')} error={err('city')} optional className="grow">
            {(a) => <input {...a} className="input" value={f.city} onChange={(e) => set({ city: e.target.value })} autoComplete="off" maxLength={100} />}
          </Field>
        </div>
        <Field id={IDS.iban!} label={t('volunteers.person.iban')} hint={t('volunteers.person.ibanHint')} error={err('iban')} optional>
          {(a) => <input {...a} className="input mono" value={f.iban} onChange={(e) => set({ iban: e.target.value })} autoComplete="off" spellCheck={false} maxLength={42} />}
        </Field>
        <Field id={IDS.email!} label={t('volunteers.person.email')} error={err('email')} optional>
          {(a) => <input {...a} className="input" type="email" value={f.email} onChange={(e) => set({ email: e.target.value })} autoComplete="off" maxLength={200} />}
        </Field>
        <FieldSet id={IDS.benefit!} legend={t('volunteers.person.benefit')} hint={t('volunteers.person.benefitHint')} error={err('benefit')}>
          <div className="choices choices--2">
            {BENEFITS.map((b) => (
              <div key={b} className={`choice${f.benefit === b ? ' choice--checked' : ''}`}>
                <input type="radio" id={`vp-benefit-${b}`} name="vp-benefit" value={b} checked={f.benefit === b} onChange={() => set({ benefit: b })} />
                <label htmlFor={`vp-benefit-${b}`}>{t(`volunteers.benefit.${b}`)}</label>
              </div>
            ))}
          </div>
        </FieldSet>
        {f.benefit !== 'none' ? (
          <Field id={IDS.benefitNote!} label={t('volunteers.person.benefitNote')} hint={t('volunteers.person.benefitNoteHint')} error={err('benefitNote')} optional>
            {(a) => <input {...a} className="input" value={f.benefitNote} onChange={(e) => set({ benefitNote: e.target.value })} autoComplete="off" maxLength={500} />}
          </Field>
        ) : null}
        <label className="check" htmlFor={IDS.alsoPaidOrInvoices}>
          <input id={IDS.alsoPaidOrInvoices} type="checkbox" checked={f.alsoPaidOrInvoices} onChange={(e) => set({ alsoPaidOrInvoices: e.target.checked })} />
          {t('volunteers.person.alsoPaid')}
        </label>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('volunteers.person.save')}
          </button>
          {person ? (
            <button type="button" className="button" onClick={() => void toggleArchive()}>
              {t(person.archived ? 'volunteers.person.unarchive' : 'volunteers.person.archive')}
            </button>
          ) : null}
          <a className="button button--quiet" href={hrefFor('volunteers')}>
            {t('volunteers.person.back')}
          </a>
        </div>
      </form>
    </div>
  );
}
