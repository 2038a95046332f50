import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FinaliseResult, SaveDraftResult } from '../../../../shared/api/invoiceTypes';
import { detectAttachmentMime, MAX_ATTACHMENT_BYTES } from '../../../../shared/rules/attachmentKind';
import type { ScreenProps } from '../../screenProps';
import { call } from '../../api';
import { Field, FormError } from '../../components/Field';
import { AmountInput, DateInput } from '../../components/Inputs';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { amountForInput, dateNl, parseInputAmount, parseInputDate, toCents, todayNl } from '../../format';
import { dropErrors, formErrorsFrom, NO_ERRORS, useAccounts, useApi, useMoneyAccounts, type FormErrors } from '../../hooks';
import { navigate, replaceIfStill } from '../../router';
import { readAsBase64 } from '../../fileBytes';
import { useContacts } from './common';
import { ContactDialog } from './Contacts';
import { PurchasePayment } from './PurchasePayment';
import { FileChooser } from '../../components/FileChooser';
import type { Chosen } from '../../filePicking';

/** Fields with their own place for an error on this form. */
const SHOWN = /^(contact|number|issueDate|dueDate|paidFrom|attachment|lines\.\d+\.(description|account|amount|vat))$/;

interface LineForm { description: string; account: string; amount: string; vat: string; grant?: number | null; budgetLine?: number | null }

/** Enter (or edit) a supplier's invoice with its attachment; save and book it. Route: purchase-edit?id=. */
export function PurchaseEditorScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const { info, announce, booksChanged } = useApp();
  const idParam = params.get('id');
  const routeId = idParam ? Number(idParam) : null;
  // Set by the first save: a booking refused after it (a closed year, a budget) updates that draft, never a second one.
  const [id, setId] = useState<number | null>(routeId);
  const liable = info!.organisation.vatStatus === 'liable';
  const existing = useApi('invoices.get', routeId !== null ? { id: routeId } : null);
  const suppliers = useContacts(['supplier', 'other']);
  const [newSupplier, setNewSupplier] = useState(false);
  const accounts = useAccounts();
  const costAccounts = useMemo(() => (accounts.data ?? []).filter((a) => a.type === 'expense' || (a.type === 'asset' && a.kind === null && a.code !== '1300')), [accounts.data]);

  const [contact, setContact] = useState('');
  const [number, setNumber] = useState('');
  const [issueDate, setIssueDate] = useState(todayNl());
  const [dueDate, setDueDate] = useState('');
  // Paid at the till: the kas or bank account, saved with the draft (so reopening it keeps the choice).
  const [paidFrom, setPaidFrom] = useState<string | null>(null);
  const moneyAccounts = useMoneyAccounts(accounts.data);
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<LineForm[]>([{ description: '', account: '4300', amount: '', vat: '' }]);
  const [file, setFile] = useState<{ name: string; data: string } | { path: string; name: string } | null>(null);
  const [removeFile, setRemoveFile] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = existing.data;
    if (!d) return;
    if (d.status !== 'draft' || d.kind !== 'purchase') {
      navigate('invoice', { id: d.id });
      return;
    }
    setContact(String(d.contact.id));
    setNumber(d.number ?? '');
    setIssueDate(dateNl(d.issueDate));
    setDueDate(dateNl(d.dueDate));
    setPaidFrom(d.paidFrom);
    setNote(d.note ?? '');
    setLines(d.lines.map((l) => ({
      description: l.description, account: l.account, amount: amountForInput(toCents(l.net) ?? 0n),
      vat: l.vat !== '0.00' ? amountForInput(toCents(l.vat) ?? 0n) : '', grant: l.grant, budgetLine: l.budgetLine,
    })));
  }, [existing.data]);

  const err = (k: string) => errors.fields[k];
  const setLine = (i: number, patch: Partial<LineForm>) => {
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
    setErrors((e) => dropErrors(e, Object.keys(patch).map((k) => `lines.${i}.${k}`)));
  };

  async function chooseFile(chosen: Chosen | undefined) {
    setErrors((e) => dropErrors(e, ['attachment']));
    if (!chosen) return setFile(null);
    // A path (desktop app): the app reads the file and checks its size and kind itself.
    if (chosen.kind === 'path') {
      setFile({ path: chosen.path, name: chosen.name });
      return setRemoveFile(false);
    }
    const f = chosen.file;
    if (f.size > MAX_ATTACHMENT_BYTES) return setErrors({ fields: { attachment: t('invoices.purchase.attachmentTooBig') }, general: null });
    const head = new Uint8Array(await f.slice(0, 8).arrayBuffer());
    if (!detectAttachmentMime(head)) return setErrors({ fields: { attachment: t('invoices.purchase.attachmentWrong') }, general: null });
    setFile({ name: f.name, data: await readAsBase64(f) });
    setRemoveFile(false);
  }

  async function save(book: boolean) {
    const fields: Record<string, string> = {};
    const iso = parseInputDate(issueDate);
    if (!iso) fields.issueDate = t('invoices.edit.dateInvalid');
    const typedDue = paidFrom === null ? dueDate.trim() : '';
    const due = typedDue ? parseInputDate(typedDue) : null;
    if (typedDue && !due) fields.dueDate = t('invoices.edit.dateInvalid');
    const apiLines = lines.map((l, i) => {
      const amount = parseInputAmount(l.amount);
      if (!amount) fields[`lines.${i}.amount`] = t('invoices.edit.priceInvalid');
      const vat = l.vat.trim() ? parseInputAmount(l.vat) : null;
      if (l.vat.trim() && !vat) fields[`lines.${i}.vat`] = t('invoices.edit.priceInvalid');
      return { description: l.description, account: l.account, amount: amount ?? '0.00', ...(vat ? { vat } : {}), ...(l.grant ? { grant: l.grant } : {}), ...(l.budgetLine ? { budgetLine: l.budgetLine } : {}) };
    });
    if (!contact) fields.contact = t('invoices.purchase.chooseSupplier');
    if (Object.keys(fields).length > 0) return setErrors({ fields, general: null });
    setBusy(true);
    try {
      const input = {
        kind: 'purchase' as const, ...(id !== null ? { id } : {}), contact: Number(contact), number, issueDate: iso!, dueDate: due, paidFrom, note, lines: apiLines,
        ...(file ? { attachment: file } : removeFile ? { attachment: null } : {}),
      };
      const saved = (await call('invoices.saveDraft', input)) as SaveDraftResult;
      if (id === null) replaceIfStill('purchase-edit', { id: saved.id });
      setId(saved.id);
      booksChanged();
      if (book) {
        // Paid on the spot or not is part of the saved draft; finalising reads it from there.
        const f = (await call('invoices.finalise', { id: saved.id })) as FinaliseResult;
        announce(t('invoices.edit.finalised', { number: f.number }));
        for (const w of f.warnings) announce(w.message, 'info');
        navigate('invoice', { id: saved.id });
        return;
      }
      announce(t('invoices.edit.saved'));
    } catch (e) {
      const fe = formErrorsFrom(e);
      const field = Object.keys(fe.fields)[0];
      // An error for no field of this form (all lines, the year) shows at the top instead of nowhere.
      setErrors(field && !SHOWN.test(field) ? { fields: {}, general: fe.fields[field]! } : fe);
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void save(true);
  }

  return (
    <div className="screen" data-testid="screen-purchase-edit">
      <PageTitle intro={t('invoices.purchase.intro')}>{t(id !== null ? 'invoices.purchase.editTitle' : 'invoices.purchase.newTitle')}</PageTitle>
      <form className="form form--wide" onSubmit={submit} noValidate>
        <FormError error={errors.general ?? existing.error} />
        <Field id="pur-contact" label={t('invoices.purchase.supplier')} error={err('contact')}>
          {(a) => (
            <div className="row">
              <select {...a} className="input grow" value={contact} onChange={(e) => setContact(e.target.value)}>
                <option value="">{t('invoices.purchase.chooseSupplier')}</option>
                {suppliers.items.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </select>
              <button type="button" className="button button--quiet" onClick={() => setNewSupplier(true)} data-testid="new-supplier">{t('invoices.purchase.newSupplier')}</button>
            </div>
          )}
        </Field>
        <div className="row">
          <Field id="pur-number" label={t('invoices.purchase.number')} error={err('number')}>
            {(a) => <input {...a} className="input" value={number} onChange={(e) => { setNumber(e.target.value); setErrors((x) => dropErrors(x, ['number'])); }} />}
          </Field>
          <Field id="pur-issueDate" label={t('invoices.purchase.issueDate')} error={err('issueDate')}>
            {(a) => <DateInput a11y={a} value={issueDate} onChange={setIssueDate} />}
          </Field>
          {paidFrom === null ? (
            <Field id="pur-dueDate" label={t('invoices.purchase.dueDate')} error={err('dueDate')} optional>
              {(a) => <DateInput a11y={a} value={dueDate} onChange={setDueDate} />}
            </Field>
          ) : null}
        </div>
        <PurchasePayment paidFrom={paidFrom} moneyAccounts={moneyAccounts} error={err('paidFrom')} onChange={setPaidFrom} />
        <fieldset className="fieldset">
          <legend className="field__label">{t('invoices.purchase.lines')}</legend>
          <div className="table-scroll">
          <table className="inv-lines">
            <thead>
              <tr>
                <th scope="col">{t('invoices.edit.description')}</th>
                <th scope="col">{t('invoices.purchase.account')}</th>
                <th scope="col" className="num">{t('invoices.purchase.amount')}</th>
                {liable ? <th scope="col" className="num">{t('invoices.purchase.vat')}</th> : null}
                <th scope="col"><span className="visually-hidden">{t('invoices.edit.removeLine', { n: '' })}</span></th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => {
                const n = i + 1;
                const msgs = ['description', 'account', 'amount', 'vat'].map((k) => err(`lines.${i}.${k}`)).filter(Boolean);
                return (
                  <tr key={i}>
                    <td className="inv-lines__desc">
                      <input className="input" aria-label={`${t('invoices.edit.lineLabel', { n })}: ${t('invoices.edit.description')}`} value={l.description} onChange={(e) => setLine(i, { description: e.target.value })} />
                      {msgs.map((m, k) => <p key={k} className="field__error">{m}</p>)}
                    </td>
                    <td>
                      <select className="input" aria-label={`${t('invoices.edit.lineLabel', { n })}: ${t('invoices.purchase.account')}`} value={l.account} onChange={(e) => setLine(i, { account: e.target.value })}>
                        {costAccounts.map((a) => <option key={a.code} value={a.code}>{a.code} {a.name}</option>)}
                      </select>
                    </td>
                    <td className="inv-lines__price">
                      <AmountInput a11y={{ id: `pur-lines-${i}-amount` }} label={`${t('invoices.edit.lineLabel', { n })}: ${t('invoices.purchase.amount')} (${t(liable ? 'invoices.purchase.amountHintLiable' : 'invoices.purchase.amountHint')})`} value={l.amount} onChange={(v) => setLine(i, { amount: v })} />
                    </td>
                    {liable ? (
                      <td className="inv-lines__price">
                        <AmountInput a11y={{ id: `pur-lines-${i}-vat` }} label={`${t('invoices.edit.lineLabel', { n })}: ${t('invoices.purchase.vat')}`} value={l.vat} onChange={(v) => setLine(i, { vat: v })} />
                      </td>
                    ) : null}
                    <td>
                      {lines.length > 1 ? (
                        <button type="button" className="button button--quiet button--small" onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}>{t('invoices.edit.removeLine', { n })}</button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          </div>
          <button type="button" className="button" onClick={() => setLines((ls) => [...ls, { description: '', account: '4300', amount: '', vat: '' }])}>{t('invoices.edit.addLine')}</button>
        </fieldset>
        <Field id="pur-attachment" label={t('invoices.purchase.attachment')} error={err('attachment')} optional>
          {(a) => (
            <div>
              <FileChooser a11y={a} accept="application/pdf,image/png,image/jpeg" title={t('invoices.purchase.attachment')} onChosen={(files) => chooseFile(files[0])} />
              {existing.data?.attachment && !file && !removeFile ? (
                <p>
                  {t('invoices.purchase.attachmentKept', { name: existing.data.attachment.name })}{' '}
                  <button type="button" className="button button--quiet button--small" onClick={() => setRemoveFile(true)}>{t('invoices.purchase.attachmentRemove')}</button>
                </p>
              ) : null}
            </div>
          )}
        </Field>
        <Field id="pur-note" label={t('invoices.edit.note')} optional>
          {(a) => <textarea {...a} className="input" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => void save(false)}>{t('invoices.edit.saveDraft')}</button>
          <button type="submit" className="button button--primary" disabled={busy}>{t('invoices.purchase.saveAndBook')}</button>
        </div>
      </form>
      {/* Outside the form: a form inside a form would also submit (book) the purchase. */}
      {newSupplier ? (
        <ContactDialog
          kind="supplier"
          contact={null}
          onClose={() => setNewSupplier(false)}
          onSaved={(c) => {
            // Back on the same form with its lines; the new supplier is chosen.
            setNewSupplier(false);
            suppliers.saved(c);
            booksChanged();
            setContact(String(c.id));
            announce(t('invoices.edit.contactSaved', { name: c.name }));
          }}
        />
      ) : null}
    </div>
  );
}
