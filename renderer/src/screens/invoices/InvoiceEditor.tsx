import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, FieldProblemOut, FinaliseResult, Invoice, SaveDraftResult } from '../../../../shared/api/invoiceTypes';
import type { VatRate, VatReason } from '../../../../shared/rules/invoiceModel';
import type { ScreenProps } from '../../App';
import { call } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field, FormError } from '../../components/Field';
import { AmountInput, DateInput } from '../../components/Inputs';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { amountForInput, dateNl, parseInputAmount, parseInputCents, parseInputDate, toCents, todayNl } from '../../format';
import { dropErrors, focusById, formErrorsFrom, NO_ERRORS, useAccounts, useApi, type FormErrors } from '../../hooks';
import { hrefFor, navigate } from '../../router';
import { parseQuantity, quantityNl, useContacts } from './common';
import { ContactDialog } from './Contacts';
import { InvoicePdfPreview } from './InvoicePdfPreview';
import { InvoicePreview, type PreviewData } from './InvoicePreview';

interface LineForm {
  description: string;
  quantity: string;
  price: string;
  vatRate: VatRate;
  vatReason?: VatReason | '';
  account: string;
  grant?: number | null;
  budgetLine?: number | null;
}

interface FormState {
  contact: string;
  issueDate: string;
  supplyDate: string;
  dueDate: string;
  buyerReference: string;
  orderReference: string;
  note: string;
  lines: LineForm[];
}

const RATES: VatRate[] = ['21', '9', '0', 'exempt'];

/** The form control of a problem's field: "invoice.orderReference" → "inv-orderReference". */
function fieldIdOf(field: string): string {
  return `inv-${field.replace(/^invoice\./, '').replace(/\./g, '-')}`;
}

function emptyLine(vatRate: VatRate, account: string): LineForm {
  return { description: '', quantity: '1', price: '', vatRate, account };
}

function fromInvoice(inv: Invoice): FormState {
  return {
    contact: String(inv.contact.id),
    issueDate: dateNl(inv.issueDate),
    supplyDate: dateNl(inv.supplyDate),
    dueDate: dateNl(inv.dueDate),
    buyerReference: inv.buyerReference ?? '',
    orderReference: inv.orderReference ?? '',
    note: inv.note ?? '',
    lines: inv.lines.map((l) => ({
      description: l.description,
      quantity: quantityNl(l.quantity),
      price: amountForInput(toCents(l.unitPrice) ?? 0n),
      vatRate: l.vatRate,
      vatReason: l.vatReason ?? '',
      account: l.account,
      grant: l.grant,
      budgetLine: l.budgetLine,
    })),
  };
}

/** The form as the API wants it, or the client-side field errors (same field paths as the API's). */
function toInput(f: FormState, id: number | null): { input: Record<string, unknown> } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const date = (v: string, field: string, required: boolean) => {
    if (v.trim() === '') {
      if (required) errors[field] = 'invoices.edit.dateInvalid';
      return null;
    }
    const iso = parseInputDate(v);
    if (!iso) errors[field] = 'invoices.edit.dateInvalid';
    return iso;
  };
  const issueDate = date(f.issueDate, 'issueDate', true);
  const supplyDate = date(f.supplyDate, 'supplyDate', false);
  const dueDate = date(f.dueDate, 'dueDate', false);
  const lines = f.lines.map((l, i) => {
    const quantity = parseQuantity(l.quantity);
    if (!quantity) errors[`lines.${i}.quantity`] = 'invoices.edit.quantityInvalid';
    const price = parseInputAmount(l.price.replace(/^-/, ''));
    if (price === null) errors[`lines.${i}.unitPrice`] = 'invoices.edit.priceInvalid';
    return {
      description: l.description,
      quantity: quantity ?? '1',
      unitPrice: price ?? '0.00',
      vatRate: l.vatRate,
      ...(l.vatRate === '0' && l.vatReason ? { vatReason: l.vatReason } : {}),
      ...(l.account ? { account: l.account } : {}),
      ...(l.grant ? { grant: l.grant } : {}),
      ...(l.budgetLine ? { budgetLine: l.budgetLine } : {}),
    };
  });
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      kind: 'sales',
      ...(id !== null ? { id } : {}),
      contact: Number(f.contact),
      issueDate,
      supplyDate,
      dueDate,
      buyerReference: f.buyerReference,
      orderReference: f.orderReference,
      note: f.note,
      lines,
    },
  };
}

/** Make or edit a sales invoice draft, with a live preview; finalise it. Route: invoice-edit?id=. */
export function InvoiceEditorScreen({ params }: ScreenProps) {
  const { t, i18n } = useTranslation();
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

  const buyer = (contacts.data?.items ?? []).find((c) => String(c.id) === form.contact) ?? null;
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

  async function save(finalise: boolean, confirmed = false) {
    const r = toInput(form, id);
    if ('errors' in r) {
      setErrors({ fields: r.errors, general: null });
      focusById(`inv-${Object.keys(r.errors)[0]!.replace(/\./g, '-')}`);
      return;
    }
    if (!form.contact) {
      setErrors({ fields: { contact: t('invoices.edit.chooseCustomer') }, general: null });
      focusById('inv-contact');
      return;
    }
    setBusy(true);
    try {
      if (finalise && confirmed && id !== null) {
        const f = await call('invoices.finalise', { id }) as FinaliseResult;
        booksChanged();
        announce(t('invoices.edit.finalised', { number: f.number }));
        navigate('invoice', { id });
        return;
      }
      const saved = await call('invoices.saveDraft', r.input as never) as SaveDraftResult;
      setDraftId(saved.id);
      setProblems(saved.problems);
      booksChanged();
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
      const fe = formErrorsFrom(e);
      setErrors(fe);
      const first = Object.keys(fe.fields)[0];
      if (first) focusById(`inv-${first.replace(/\./g, '-')}`);
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
          <FormError error={errors.general ?? existing.error} />
          <Field id="inv-contact" label={t('invoices.edit.customer')} error={fieldError('contact')}>
            {(a) => (
              <div className="row">
                <select {...a} className="input grow" value={form.contact} onChange={(e) => set({ contact: e.target.value })} data-testid="invoice-customer">
                  <option value="">{t('invoices.edit.chooseCustomer')}</option>
                  {(contacts.data?.items ?? []).map((c) => (
                    <option key={c.id} value={c.id}>{c.name}{c.city ? ` (${c.city})` : ''}</option>
                  ))}
                </select>
                <button type="button" className="button button--quiet" onClick={() => setContactDialog('new')} data-testid="new-customer">{t('invoices.edit.newCustomer')}</button>
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
            <div className="table-scroll">
            <table className="inv-lines">
              <thead>
                <tr>
                  <th scope="col">{t('invoices.edit.description')}</th>
                  <th scope="col" className="num">{t('invoices.edit.quantity')}</th>
                  <th scope="col" className="num">{t('invoices.edit.price')}</th>
                  {liable ? <th scope="col">{t('invoices.edit.vatRate')}</th> : null}
                  <th scope="col">{t('invoices.edit.account')}</th>
                  <th scope="col"><span className="visually-hidden">{t('invoices.edit.removeLine', { n: '' })}</span></th>
                </tr>
              </thead>
              <tbody>
                {form.lines.map((l, i) => {
                  const n = i + 1;
                  const err = (k: string) => fieldError(`lines.${i}.${k}`);
                  const rowErrors = ['description', 'quantity', 'unitPrice', 'vatRate', 'account'].map(err).filter(Boolean);
                  return (
                    <tr key={i} data-testid={`invoice-line-${i}`}>
                      <td className="inv-lines__desc">
                        <input id={`inv-lines-${i}-description`} className="input" aria-label={`${t('invoices.edit.lineLabel', { n })}: ${t('invoices.edit.description')}`} aria-invalid={err('description') ? true : undefined}
                          value={l.description} onChange={(e) => setLine(i, { description: e.target.value })} data-testid={`line-${i}-description`} />
                        {rowErrors.map((m, k) => <p key={k} className="field__error">{m}</p>)}
                      </td>
                      <td className="inv-lines__qty">
                        <input id={`inv-lines-${i}-quantity`} className="input num" inputMode="decimal" aria-label={`${t('invoices.edit.lineLabel', { n })}: ${t('invoices.edit.quantity')}`} aria-invalid={err('quantity') ? true : undefined}
                          value={l.quantity} onChange={(e) => setLine(i, { quantity: e.target.value })} data-testid={`line-${i}-quantity`} />
                      </td>
                      <td className="inv-lines__price">
                        <AmountInput a11y={{ id: `inv-lines-${i}-unitPrice`, ...(err('unitPrice') ? { 'aria-invalid': true } : {}) }} label={`${t('invoices.edit.lineLabel', { n })}: ${t('invoices.edit.price')}`}
                          value={l.price} onChange={(v) => setLine(i, { price: v })} className="input input--amount" />
                      </td>
                      {liable ? (
                        <td>
                          <select id={`inv-lines-${i}-vatRate`} className="input" aria-label={`${t('invoices.edit.lineLabel', { n })}: ${t('invoices.edit.vatRate')}`} value={l.vatRate} onChange={(e) => setLine(i, { vatRate: e.target.value as VatRate })}>
                            {RATES.map((r) => <option key={r} value={r}>{t(`invoices.edit.rate.${r}`)}</option>)}
                          </select>
                          {l.vatRate === '0' ? (
                            <select id={`inv-lines-${i}-vatReason`} className="input" aria-label={`${t('invoices.edit.lineLabel', { n })}: ${t('invoices.edit.vatReason')}`} value={l.vatReason ?? ''} onChange={(e) => setLine(i, { vatReason: e.target.value as VatReason | '' })} data-testid={`line-${i}-vatReason`}>
                              <option value="">{t('invoices.edit.reason.choose')}</option>
                              {(['intraCommunity', 'export', 'zeroRated'] as const).map((r) => <option key={r} value={r}>{t(`invoices.edit.reason.${r}`)}</option>)}
                            </select>
                          ) : null}
                        </td>
                      ) : null}
                      <td>
                        <select id={`inv-lines-${i}-account`} className="input" aria-label={`${t('invoices.edit.lineLabel', { n })}: ${t('invoices.edit.account')}`} value={l.account || defaultAccount} onChange={(e) => setLine(i, { account: e.target.value })}>
                          {incomeAccounts.map((a) => <option key={a.code} value={a.code}>{a.code} {a.name}</option>)}
                        </select>
                      </td>
                      <td>
                        {form.lines.length > 1 ? (
                          <button type="button" className="button button--quiet button--small" onClick={() => set({ lines: form.lines.filter((_, j) => j !== i) }, ['lines'])}>
                            {t('invoices.edit.removeLine', { n })}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            </div>
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

          {problems.length > 0 ? (
            <div className="inv-problems" role="status" id="invoice-problems" tabIndex={-1} data-testid="invoice-problems">
              <p>{t('invoices.edit.problems')}</p>
              <ul>
                {problems.map((p) => (
                  <li key={`${p.code}-${p.field}`} data-code={p.code}>
                    {i18n.language.startsWith('en') ? p.messageEn : p.message}{' '}
                    {p.fixAt === 'organisation' ? (
                      <a href={hrefFor('settings')} data-testid={`fix-${p.code}`}>{t('invoices.edit.fixOrganisation')}</a>
                    ) : p.fixAt === 'contact' && buyer ? (
                      <button type="button" className="button button--quiet button--small" onClick={() => setContactDialog(buyer)} data-testid={`fix-${p.code}`}>{t('invoices.edit.fixContact')}</button>
                    ) : p.fixAt === 'draft' ? (
                      <button type="button" className="button button--quiet button--small" onClick={() => focusById(fieldIdOf(p.field))} data-testid={`fix-${p.code}`}>{t('invoices.edit.fixHere')}</button>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}

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
            onClose={() => setContactDialog(null)}
            onSaved={(c) => {
              // Back on the same form with its lines; the new (or corrected) customer is chosen.
              setContactDialog(null);
              contacts.reload();
              booksChanged();
              set({ contact: String(c.id) });
              announce(t('invoices.edit.contactSaved', { name: c.name }));
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
