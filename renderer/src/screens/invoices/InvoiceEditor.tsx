import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, FieldProblemOut, FinaliseResult, SaveDraftResult } from '../../../../shared/api/invoiceTypes';
import type { VatRate } from '../../../../shared/rules/invoiceModel';
import type { ScreenProps } from '../../screenProps';
import { call } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field, FormError } from '../../components/Field';
import { DateInput } from '../../components/Inputs';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { parseInputCents, parseInputDate, todayNl } from '../../format';
import { dropErrors, focusById, formErrorsFrom, NO_ERRORS, useAccounts, useApi, type FormErrors } from '../../hooks';
import { navigate, replaceIfStill } from '../../router';
import { parseQuantity, useContacts } from './common';
import { ContactDialog } from './Contacts';
import { emptyLine, fromInvoice, shownOnForm, toInput, type FormState } from './invoiceForm';
import { InvoiceLines, type LineForm } from './InvoiceLines';
import { InvoicePdfPreview } from './InvoicePdfPreview';
import { draftFieldOf, InvoiceProblems, orgFieldOf } from './InvoiceProblems';
import { InvoicePreview, type PreviewData } from './InvoicePreview';

/** Make or edit a sales invoice draft, with a live preview; finalise it. Route: invoice-edit?id=. */
export function InvoiceEditorScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const { info, announce, booksChanged } = useApp();
  const idParam = params.get('id');
  const routeId = idParam ? Number(idParam) : null;
  // The draft this form edits. Set by the first save, so a refused finalise (or a second click)
  // updates that draft instead of making another one.
  const [draftId, setDraftId] = useState<number | null>(routeId);
  const id = draftId;
  const [contactDialog, setContactDialog] = useState<'new' | Contact | null>(null);
  const org = info!.organisation;
  const liable = org.vatStatus === 'liable';
  const existing = useApi('invoices.get', routeId !== null ? { id: routeId } : null);
  const settings = useApi('invoices.settings.get', {});
  const contacts = useContacts(['customer', 'fund', 'other']);
  const accounts = useAccounts();
  const incomeAccounts = useMemo(() => (accounts.data ?? []).filter((a) => a.type === 'income'), [accounts.data]);
  const defaultAccount = settings.data?.defaultIncomeAccount ?? '8400';
  const defaultRate: VatRate = liable ? '21' : 'none';

  const [form, setForm] = useState<FormState>(() => ({
    contact: params.get('contact') ?? '',
    issueDate: todayNl(),
    supplyDate: '',
    dueDate: '',
    buyerReference: '',
    orderReference: '',
    note: '',
    lines: [emptyLine(defaultRate, '')],
  }));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [problems, setProblems] = useState<FieldProblemOut[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // An error at the top that is fixed at the customer (its VAT number for a 0 % EU supply).
  const [generalFix, setGeneralFix] = useState<'contact' | null>(null);
  const [generalField, setGeneralField] = useState<string | null>(null);
  // The customer's field to fix when its dialog opens from a problem or an error.
  const [contactFocus, setContactFocus] = useState<string | null>(null);

  useEffect(() => {
    if (existing.data) {
      if (existing.data.status !== 'draft' || existing.data.kind !== 'sales') {
        navigate('invoice', { id: existing.data.id });
        return;
      }
      setForm(fromInvoice(existing.data));
      setProblems(existing.data.problems);
    }
  }, [existing.data]);

  const buyer = contacts.items.find((c) => String(c.id) === form.contact) ?? null;
  // A customer with a standing purchase order number gets it filled in.
  useEffect(() => {
    if (buyer?.orderReference && form.orderReference === '' && id === null) setForm((f) => ({ ...f, orderReference: buyer.orderReference ?? '' }));
    // Only when another customer is picked, not on every keystroke in the field.
  }, [buyer?.id]);

  const set = (patch: Partial<FormState>, fields: string[] = Object.keys(patch)) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => dropErrors(e, fields));
  };
  const setLine = (i: number, patch: Partial<LineForm>) => {
    setForm((f) => ({ ...f, lines: f.lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) }));
    setErrors((e) => dropErrors(e, Object.keys(patch).map((k) => `lines.${i}.${k === 'price' ? 'unitPrice' : k}`)));
  };

  const preview: PreviewData = {
    number: null,
    credit: existing.data?.credit ?? false,
    originalNumber: existing.data?.creditOfNumber ?? null,
    issueDate: parseInputDate(form.issueDate),
    supplyDate: parseInputDate(form.supplyDate),
    dueDate: parseInputDate(form.dueDate),
    buyerReference: form.buyerReference,
    orderReference: form.orderReference,
    note: form.note,
    lines: form.lines.map((l) => {
      const c = parseInputCents(l.price.replace(/^-/, ''));
      return { description: l.description, quantity: parseQuantity(l.quantity), unitPriceCents: c === null ? null : Number(c), vatRate: l.vatRate };
    }),
  };

  // The unsaved draft as the API takes it, for the real PDF preview (null while fields are missing).
  const pdfDraft = useMemo(() => {
    const r = toInput(form, null);
    return 'input' in r ? r.input : null;
  }, [form]);

  const fieldError = (k: string) => {
    const v = errors.fields[k];
    return v ? (v.startsWith('invoices.') ? t(v) : v) : undefined;
  };

  /** The form as a draft in the file: the first save makes it, later saves update that same draft. */
  async function saveQuietly(input: Record<string, unknown>): Promise<SaveDraftResult> {
    const saved = await call('invoices.saveDraft', input as never) as SaveDraftResult;
    if (draftId === null) {
      // Reloading, or coming back from the settings, opens this draft (no hashchange: no new screen).
      replaceIfStill('invoice-edit', { id: saved.id });
    }
    setDraftId(saved.id);
    setProblems(saved.problems);
    booksChanged();
    return saved;
  }

  function showErrors(e: unknown) {
    const fe = formErrorsFrom(e);
    const field = Object.keys(fe.fields)[0];
    if (field && !shownOnForm(field)) {
      // No field of this form for it (the customer's VAT number, the total): say it at the top.
      setErrors({ fields: {}, general: fe.fields[field]! });
      setGeneralFix(field.startsWith('buyer.') ? 'contact' : null);
      setGeneralField(field);
      focusById('invoice-error');
      return;
    }
    setErrors(fe);
    setGeneralFix(null);
    if (field) focusById(`inv-${field.replace(/\./g, '-')}`);
    else focusById('invoice-error');
  }

  /** The form's own checks; false when something was shown to fix. */
  function checked(): { input: Record<string, unknown> } | null {
    const r = toInput(form, id);
    if ('errors' in r) {
      setErrors({ fields: r.errors, general: null });
      focusById(`inv-${Object.keys(r.errors)[0]!.replace(/\./g, '-')}`);
      return null;
    }
    if (!form.contact) {
      setErrors({ fields: { contact: t('invoices.edit.chooseCustomer') }, general: null });
      focusById('inv-contact');
      return null;
    }
    return r;
  }

  async function save(finalise: boolean, confirmed = false) {
    const r = checked();
    if (!r) return;
    setBusy(true);
    try {
      if (finalise && confirmed && id !== null) {
        const f = await call('invoices.finalise', { id }) as FinaliseResult;
        booksChanged();
        announce(t('invoices.edit.finalised', { number: f.number }));
        navigate('invoice', { id });
        return;
      }
      const saved = await saveQuietly(r.input);
      setErrors(NO_ERRORS);
      setGeneralFix(null);
      if (finalise) {
        // What is missing shows on the draft, each with where to fix it, before anything is asked.
        if (saved.problems.length > 0) {
          announce(t('invoices.edit.fixFirst'), 'error');
          focusById('invoice-problems');
          return;
        }
        setConfirming(true);
        return;
      }
      announce(t('invoices.edit.saved'));
    } catch (e) {
      showErrors(e);
    } finally {
      setBusy(false);
    }
  }

  /** After the customer was corrected: the list of what is missing follows at once. */
  async function recheck(contact: string) {
    if (id === null) return;
    const r = toInput({ ...form, contact }, id);
    if ('errors' in r) return;
    try {
      await saveQuietly(r.input);
      setErrors(NO_ERRORS);
      setGeneralFix(null);
    } catch (e) {
      showErrors(e);
    }
  }

  /** To the settings for a field of the foundation; the draft is saved first, so nothing typed is lost. */
  async function fixOrganisation(field: string) {
    const r = checked();
    if (!r) return;
    setBusy(true);
    try {
      const saved = await saveQuietly(r.input);
      navigate('settings', { focus: orgFieldOf(field), back: saved.id });
    } catch (e) {
      showErrors(e);
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void save(false);
  }

  return (
    <div className="screen" data-testid="screen-invoice-edit">
      <PageTitle intro={t('invoices.edit.intro')}>{t(id !== null ? 'invoices.edit.editTitle' : 'invoices.edit.newTitle')}</PageTitle>
      <div className="form-with-preview inv-editor">
        <form className="form form--wide" onSubmit={submit} noValidate>
          <div id="invoice-error" tabIndex={-1} data-testid="invoice-error">
            <FormError error={errors.general ?? existing.error} />
            {errors.general && generalFix === 'contact' && buyer ? (
              <p><button type="button" className="button button--small" onClick={() => { setContactFocus(generalField); setContactDialog(buyer); }} data-testid="error-fix-contact">{t('invoices.edit.fixContactNamed', { name: buyer.name })}</button></p>
            ) : null}
          </div>
          <Field id="inv-contact" label={t('invoices.edit.customer')} error={fieldError('contact')}>
            {(a) => (
              <div className="row">
                <select {...a} className="input grow" value={form.contact} onChange={(e) => set({ contact: e.target.value })} data-testid="invoice-customer">
                  <option value="">{t('invoices.edit.chooseCustomer')}</option>
                  {contacts.items.map((c) => (
                    <option key={c.id} value={c.id}>{c.name}{c.city ? ` (${c.city})` : ''}</option>
                  ))}
                </select>
                <button type="button" className="button button--quiet" onClick={() => { setContactFocus(null); setContactDialog('new'); }} data-testid="new-customer">{t('invoices.edit.newCustomer')}</button>
              </div>
            )}
          </Field>
          <div className="row">
            <Field id="inv-issueDate" label={t('invoices.edit.issueDate')} error={fieldError('issueDate')}>
              {(a) => <DateInput a11y={a} value={form.issueDate} onChange={(v) => set({ issueDate: v })} />}
            </Field>
            <Field id="inv-supplyDate" label={t('invoices.edit.supplyDate')} hint={t('invoices.edit.supplyDateHint')} error={fieldError('supplyDate')} optional>
              {(a) => <DateInput a11y={a} value={form.supplyDate} onChange={(v) => set({ supplyDate: v })} />}
            </Field>
            <Field id="inv-dueDate" label={t('invoices.edit.dueDate')} hint={t('invoices.edit.dueDateHint', { days: settings.data?.paymentDays ?? 30 })} error={fieldError('dueDate')} optional>
              {(a) => <DateInput a11y={a} value={form.dueDate} onChange={(v) => set({ dueDate: v })} />}
            </Field>
          </div>
          <div className="row">
            <Field id="inv-orderReference" label={t('invoices.edit.orderReference')} hint={t('invoices.edit.orderReferenceHint')} error={fieldError('orderReference')} optional>
              {(a) => <input {...a} className="input" value={form.orderReference} onChange={(e) => set({ orderReference: e.target.value })} />}
            </Field>
            <Field id="inv-buyerReference" label={t('invoices.edit.buyerReference')} error={fieldError('buyerReference')} optional>
              {(a) => <input {...a} className="input" value={form.buyerReference} onChange={(e) => set({ buyerReference: e.target.value })} />}
            </Field>
          </div>

          <fieldset className="fieldset">
            <legend className="field__label">{t('invoices.edit.lines')}</legend>
            <InvoiceLines lines={form.lines} liable={liable} incomeAccounts={incomeAccounts} defaultAccount={defaultAccount} fieldError={fieldError} setLine={setLine}
              removeLine={(i) => set({ lines: form.lines.filter((_, j) => j !== i) }, ['lines'])} />
            <button type="button" className="button" onClick={() => set({ lines: [...form.lines, emptyLine(defaultRate, '')] }, [])} data-testid="add-line">
              {t('invoices.edit.addLine')}
            </button>{' '}
            <button type="button" className="button" onClick={() => set({ lines: [...form.lines, { ...emptyLine(defaultRate, ''), description: t('invoices.edit.discountDescription'), quantity: '-1' }] }, [])} data-testid="add-discount">
              {t('invoices.edit.addDiscount')}
            </button>
          </fieldset>

          <Field id="inv-note" label={t('invoices.edit.note')} error={fieldError('note')} optional>
            {(a) => <textarea {...a} className="input" rows={2} value={form.note} onChange={(e) => set({ note: e.target.value })} />}
          </Field>

          <InvoiceProblems problems={problems} draftId={id} onOrganisation={(f) => void fixOrganisation(f)} onContact={buyer ? (field) => { setContactFocus(field); setContactDialog(buyer); } : null}
            onDraft={(f) => focusById(draftFieldOf(f))} />

          <div className="actions">
            <button type="submit" className="button" disabled={busy} data-testid="save-draft">{t('invoices.edit.saveDraft')}</button>
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void save(true)} data-testid="finalise">{t('invoices.edit.finalise')}</button>
          </div>
        </form>
        <ConfirmDialog
          open={confirming}
          title={t('invoices.edit.finaliseConfirmTitle')}
          text={t('invoices.edit.finaliseConfirm')}
          confirmLabel={t('invoices.edit.finalise')}
          onConfirm={() => {
            setConfirming(false);
            void save(true, true);
          }}
          onCancel={() => setConfirming(false)}
          testId="finalise-confirm"
        />
        {contactDialog !== null ? (
          <ContactDialog
            kind="customer"
            contact={contactDialog === 'new' ? null : contactDialog}
            focus={contactFocus}
            onClose={() => setContactDialog(null)}
            onSaved={(c) => {
              // Back on the same form with its lines; the new (or corrected) customer is chosen.
              setContactDialog(null);
              contacts.saved(c);
              booksChanged();
              set({ contact: String(c.id) });
              announce(t('invoices.edit.contactSaved', { name: c.name }));
              if (contactDialog !== 'new' || problems.length > 0) void recheck(String(c.id));
            }}
          />
        ) : null}
        <div className="inv-previews">
          <InvoicePreview org={org} settings={settings.data} buyer={buyer} data={preview} />
          <InvoicePdfPreview draft={pdfDraft} />
        </div>
      </div>
    </div>
  );
}
