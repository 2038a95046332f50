import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/api/invoiceTypes';
import type { ScreenProps } from '../../screenProps';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Field, FormError } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { dropErrors, focusById, formErrorsFrom, NO_ERRORS, useApi, type FormErrors } from '../../hooks';
import { CountryField } from './CountryField';

const FIELDS = ['name', 'contactName', 'street', 'postcode', 'city', 'email', 'phone', 'kvk', 'vatNumber', 'iban', 'oin', 'orderReference', 'note'] as const;
type FormField = (typeof FIELDS)[number];
type FormState = Record<FormField, string> & { country: string; einvoice: boolean };

const EMPTY: FormState = { ...(Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<FormField, string>), country: 'NL', einvoice: false };

/** The fields the API may name in an error, so it shows under its field. */
const ERROR_FIELDS: string[] = [...FIELDS, 'country', 'einvoice'];

/** The dialog's field for a problem of the buyer: "buyer.address" → "street", "buyer.countryCode" → "country". */
export function contactFieldOf(problemField: string): string | null {
  const f = problemField.replace(/^buyer\./, '').replace(/^address\./, '');
  if (f === 'address' || f === 'street') return 'street';
  if (f === 'countryCode') return 'country';
  return ERROR_FIELDS.includes(f) ? f : null;
}

function fromContact(c: Contact): FormState {
  return { ...(Object.fromEntries(FIELDS.map((f) => [f, (c[f] as string | null) ?? ''])) as Record<FormField, string>), country: c.country || 'NL', einvoice: c.einvoice };
}

/** Add or edit a customer or supplier; also opened on top of the invoice forms, which keep their lines. */
export function ContactDialog({ kind, contact, focus, onClose, onSaved }: {
  kind: 'customer' | 'supplier';
  contact: Contact | null;
  /** Opened to fix one thing (from an invoice's problem, e.g. "buyer.address"): that field gets the cursor. */
  focus?: string | null;
  onClose: () => void;
  onSaved: (c: Contact) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<FormState>(() => (contact ? fromContact(contact) : EMPTY));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const field = focus ? contactFieldOf(focus) : null;
    if (field) focusById(`contact-${field}`);
  }, [focus]);
  const change = (patch: Partial<FormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => dropErrors(e, Object.keys(patch)));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const body = {
        ...(Object.fromEntries(FIELDS.map((f) => [f, form[f].trim() === '' ? null : form[f].trim()])) as Record<string, string | null>),
        country: form.country,
        ...(kind === 'customer' ? { einvoice: form.einvoice } : {}),
      };
      const saved = contact
        ? ((await call('contacts.update', { id: contact.id, ...body, name: form.name })) as Contact)
        : ((await call('contacts.create', { kind, ...body, name: form.name })) as Contact);
      onSaved(saved);
    } catch (err) {
      const fe = formErrorsFrom(err, ERROR_FIELDS);
      setErrors(fe);
      const first = Object.keys(fe.fields)[0];
      if (first) focusById(`contact-${first}`);
    } finally {
      setBusy(false);
    }
  }

  const input = (f: FormField, opts: { optional?: boolean; hint?: string; type?: string } = {}) => (
    <Field id={`contact-${f}`} label={t(`invoices.contacts.${f}`)} error={errors.fields[f]} optional={opts.optional ?? true} {...(opts.hint ? { hint: opts.hint } : {})}>
      {(a) =>
        f === 'note' ? (
          <textarea {...a} className="input" rows={2} value={form[f]} onChange={(e) => change({ [f]: e.target.value })} />
        ) : (
          <input {...a} className="input" type={opts.type ?? 'text'} value={form[f]} onChange={(e) => change({ [f]: e.target.value })} data-testid={`contact-${f}`} />
        )
      }
    </Field>
  );

  const title = contact ? t('invoices.contacts.editTitle', { name: contact.name }) : t(kind === 'customer' ? 'invoices.contacts.newCustomer' : 'invoices.contacts.newSupplier');
  return (
    <Dialog open title={title} onClose={onClose} className="dialog--wide" testId="contact-dialog">
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={errors.general} />
        {input('name', { optional: false })}
        {kind === 'customer' ? input('contactName') : null}
        {input('street')}
        <div className="row">
          {input('postcode')}
          {input('city')}
        </div>
        <CountryField value={form.country} error={errors.fields.country} onChange={(country) => change({ country })} />
        <div className="row">
          {input('email', { type: 'email' })}
          {input('phone')}
        </div>
        <div className="row">
          {input('kvk')}
          {input('vatNumber', { hint: t('invoices.contacts.vatNumberHint') })}
        </div>
        {input('iban')}
        {kind === 'customer' ? input('oin', { hint: t('invoices.contacts.oinHint') }) : null}
        {kind === 'customer' ? (
          <div className="field">
            <div className="check">
              <input id="contact-einvoice" type="checkbox" checked={form.einvoice} onChange={(e) => change({ einvoice: e.target.checked })} aria-describedby="contact-einvoice-help" data-testid="contact-einvoice" />
              <label htmlFor="contact-einvoice">{t('invoices.contacts.einvoice')}</label>
            </div>
            <p id="contact-einvoice-help" className="field__hint">{t('invoices.contacts.einvoiceHelp')}</p>
          </div>
        ) : null}
        {kind === 'customer' ? input('orderReference') : null}
        {input('note')}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="contact-save">{t('common.save')}</button>
          <button type="button" className="button button--quiet" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}

function ContactsList({ kind, params }: { kind: 'customer' | 'supplier'; params: URLSearchParams }) {
  const { t } = useTranslation();
  const { announce, booksChanged } = useApp();
  const [search, setSearch] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Contact | 'new' | null>(params.get('new') ? 'new' : null);
  const list = useApi('contacts.list', { kind, ...(search.trim() ? { search: search.trim() } : {}), ...(showArchived ? { includeArchived: true } : {}), limit: 500 });
  const customer = kind === 'customer';

  async function archive(c: Contact) {
    try {
      await call('contacts.archive', { id: c.id, archived: !c.archived });
      booksChanged();
    } catch (e) {
      announce(e instanceof Error ? e.message : String(e), 'error');
    }
  }

  return (
    <div className="screen" data-testid={`screen-${customer ? 'customers' : 'suppliers'}`}>
      <PageTitle intro={t(customer ? 'invoices.contacts.customersIntro' : 'invoices.contacts.suppliersIntro')}>
        {t(customer ? 'invoices.contacts.customersTitle' : 'invoices.contacts.suppliersTitle')}
      </PageTitle>
      <div className="toolbar">
        <button type="button" className="button button--primary" onClick={() => setEditing('new')} data-testid="new-contact">
          {t(customer ? 'invoices.contacts.newCustomer' : 'invoices.contacts.newSupplier')}
        </button>
      </div>
      <div className="filters">
        <Field id="contacts-search" label={t('invoices.contacts.search')} className="grow">
          {(a) => <input {...a} type="search" className="input" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />}
        </Field>
        <label className="check">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> {t('invoices.contacts.showArchived')}
        </label>
      </div>
      <FormError error={list.error} />
      {list.data && list.data.items.length === 0 ? <p className="muted">{t('invoices.contacts.empty')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <table className="table" data-testid="contacts-table">
          <caption className="visually-hidden">{t(customer ? 'invoices.contacts.customersTitle' : 'invoices.contacts.suppliersTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('invoices.contacts.name')}</th>
              <th scope="col">{t('invoices.contacts.place')}</th>
              <th scope="col">{t('invoices.contacts.email')}</th>
              <th scope="col"><span className="visually-hidden">{t('invoices.contacts.edit')}</span></th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((c) => (
              <tr key={c.id}>
                <th scope="row" className="th-plain">
                  {c.name}
                  {c.archived ? <span className="muted"> ({t('invoices.contacts.archived')})</span> : null}
                </th>
                <td>{c.city ?? ''}</td>
                <td>{c.email ?? ''}</td>
                <td className="cell-actions">
                  <button type="button" className="button button--quiet button--small" onClick={() => setEditing(c)}>{t('invoices.contacts.edit')}</button>
                  <button type="button" className="button button--quiet button--small" onClick={() => void archive(c)}>
                    {t(c.archived ? 'invoices.contacts.unarchive' : 'invoices.contacts.archive')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editing ? (
        <ContactDialog kind={kind} contact={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={(c) => {
          setEditing(null);
          announce(t('invoices.contacts.saved', { name: c.name }));
          booksChanged();
        }} />
      ) : null}
    </div>
  );
}

export function CustomersScreen({ params }: ScreenProps) {
  return <ContactsList kind="customer" params={params} />;
}

export function SuppliersScreen({ params }: ScreenProps) {
  return <ContactsList kind="supplier" params={params} />;
}
