import type { AttachmentData, FileWritten, PdfData } from '../../../shared/api/invoiceTypes';
import { KassaError } from '../../../shared/errors';
import { centsToString, parseAmount } from '../../../shared/money';
import { addDays } from '../../../shared/rules/invoiceDates';
import type { BuyerParty, InvoiceData, VatReason } from '../../../shared/rules/invoiceModel';
import type { Books } from '../../db/books';
import { today } from '../clock';
import { attachmentBytes, attachmentMeta } from './attachments';
import { contactRow } from './contacts';
import { DRAFT_NUMBER, draftDocument, prepareDraft, type DraftIn } from './drafts';
import { writeFileGuarded } from '../../files/write';
import { buyerOf, currentSeller, parseBuyer, parseSeller, sellerParty, type SellerSnapshot } from './parties';
import { renderInvoicePdf, renderReminderPdf, type ReminderInvoice } from './pdf';
import { openItems, assertSales } from './queries';
import { invoiceRow, openOf } from './rows';
import { readConfig } from './settings';
import { invoiceToUbl } from './ubl';
import { said } from '../../../shared/phrase';

/**
 * Documents of stored invoices: the PDF (to a file, or as base64 for the live preview), the UBL
 * e-invoice, the payment reminder and stored attachments. A final invoice is always drawn from the
 * snapshot taken when it was finalised, so a reprint years later is the same document. Reading is
 * synchronous (one consistent view of the file); rendering and writing happen after.
 */

interface StoredDocument {
  invoice: InvoiceData;
  seller: SellerSnapshot;
  buyer: BuyerParty;
  draft: boolean;
  logo: Buffer | null;
  fileName: string;
}

function safeFilePart(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'factuur';
}

function storedDocument(books: Books, id: number): StoredDocument {
  const r = invoiceRow(books, id);
  assertSales(r);
  const lines = books
    .raw(`SELECT description, quantity, unit_price_cents, vat_rate, vat_reason FROM invoice_lines WHERE invoice_id = ? ORDER BY position`)
    .all(id) as { description: string; quantity: string; unit_price_cents: number; vat_rate: InvoiceData['lines'][number]['vatRate']; vat_reason: VatReason | null }[];
  const final = r.status === 'final';
  const config = readConfig(books);
  const seller = final && r.seller_json ? parseSeller(r.seller_json) : currentSeller(books);
  const buyer = final && r.buyer_json ? parseBuyer(r.buyer_json) : buyerOf(contactRow(books, r.contact_id));
  const credit = r.credit_of !== null;
  const invoice: InvoiceData = {
    number: r.number ?? DRAFT_NUMBER,
    issueDate: r.issue_date,
    supplyDate: r.supply_date,
    dueDate: credit ? r.issue_date : (r.due_date ?? addDays(r.issue_date, config.paymentDays)),
    credit,
    originalInvoiceNumber: r.credit_of_number,
    originalInvoiceDate: r.credit_of_date,
    buyerReference: r.buyer_reference,
    orderReference: r.order_reference,
    note: r.note,
    lines: lines.map((l) => ({ description: l.description, quantity: l.quantity, unitPriceCents: l.unit_price_cents, vatRate: l.vat_rate, vatReason: l.vat_reason })),
  };
  const logo = seller.logoId ? attachmentBytes(books, seller.logoId) : null;
  const kind = credit ? 'creditfactuur' : 'factuur';
  return { invoice, seller, buyer, draft: !final, logo, fileName: `${kind}-${safeFilePart(final ? r.number ?? String(id) : `concept-${id}`)}.pdf` };
}

async function renderStored(d: StoredDocument): Promise<Buffer> {
  try {
    return await renderInvoicePdf({ invoice: d.invoice, seller: sellerParty(d.seller), buyer: d.buyer, logo: d.logo, draft: d.draft });
  } catch (e) {
    // The payment QR code needs a valid IBAN even on a preview: say where to fill it in.
    if (e instanceof KassaError && (e.field === 'iban' || e.field === 'name')) {
      throw new KassaError(
        'INVALID_INPUT',
        e.field === 'iban'
          ? said('err.invoice.sellerIban', 'Vul eerst een geldig IBAN van de stichting in (bij Instellingen). Dat staat op de factuur en in de betaal-QR-code.')
          : e.said,
        { field: `seller.${e.field}` },
      );
    }
    throw e;
  }
}

/** invoices.pdf: write the PDF of an invoice (final or draft) to path, atomically. */
export async function invoicePdfFile(books: Books, id: number, target: string): Promise<FileWritten> {
  const d = storedDocument(books, id);
  const pdf = await renderStored(d);
  return writeFileGuarded(target, pdf);
}

/** invoices.pdfData: the PDF as base64 for a live preview, of a stored invoice or of an unsaved draft. */
export async function invoicePdfData(books: Books, input: { id: number } | { draft: DraftIn }): Promise<PdfData> {
  let d: StoredDocument;
  if ('id' in input) {
    d = storedDocument(books, input.id);
  } else {
    if (input.draft.kind !== 'sales') {
      throw new KassaError('INVALID_INPUT', said('err.invoice.noPdfPurchase', 'Van een inkoopfactuur maakt u geen PDF: die komt van de leverancier. Bekijk de bijlage.'), { field: 'draft.kind' });
    }
    let creditOf: number | null = null;
    let original: { number: string | null; issueDate: string } | null = null;
    if (input.draft.id !== undefined) {
      const old = books.first(books.db.selectFrom('invoices').select(['credit_of']).where('id', '=', input.draft.id));
      creditOf = old?.credit_of ?? null;
      if (creditOf !== null) {
        const o = books.first(books.db.selectFrom('invoices').select(['number', 'issue_date']).where('id', '=', creditOf))!;
        original = { number: o.number, issueDate: o.issue_date };
      }
    }
    const p = prepareDraft(books, input.draft, { creditOf, checkContact: false });
    const seller = currentSeller(books);
    const config = readConfig(books);
    const invoice = draftDocument(p, DRAFT_NUMBER, original);
    invoice.dueDate = invoice.credit ? invoice.issueDate : (p.dueDate ?? addDays(p.issueDate, config.paymentDays));
    d = { invoice, seller, buyer: buyerOf(p.contact), draft: true, logo: seller.logoId ? attachmentBytes(books, seller.logoId) : null, fileName: 'factuur-concept.pdf' };
  }
  const pdf = await renderStored(d);
  return { base64: pdf.toString('base64'), fileName: d.fileName, mime: 'application/pdf' };
}

/** invoices.ubl: the UBL 2.1 (Peppol BIS 3.0) e-invoice of a final sales invoice, written atomically. */
export function invoiceUblFile(books: Books, id: number, target: string): FileWritten {
  const d = storedDocument(books, id);
  if (d.draft) throw new KassaError('INVALID_INPUT', said('err.invoice.eInvoiceFinalOnly', 'Een e-factuur kan alleen van een definitieve factuur. Maak de factuur eerst definitief.'), { field: 'id' });
  const xml = invoiceToUbl(d.invoice, sellerParty(d.seller), d.buyer);
  return writeFileGuarded(target, xml);
}

export interface ReminderInput {
  contact?: number | undefined;
  ids?: number[] | undefined;
  path: string;
  date?: string | undefined;
  level?: number | undefined;
  payWithinDays?: number | undefined;
  note?: string | null | undefined;
}

/** invoices.reminderPdf: a payment reminder for a customer's open invoices (or the chosen ones). */
export async function reminderPdfFile(books: Books, input: ReminderInput): Promise<FileWritten & { invoices: number; total: string }> {
  const date = input.date ?? today();
  let contactId = input.contact;
  let chosen: ReminderInvoice[];
  if (input.ids) {
    chosen = input.ids.map((id, i) => {
      const r = invoiceRow(books, id, `ids.${i}`);
      if (r.kind !== 'sales' || r.status !== 'final' || r.credit_of !== null) {
        throw new KassaError('INVALID_INPUT', said('err.invoice.notFinalSales', 'Factuur {{number}} is geen definitieve verkoopfactuur.', { number: r.number ?? id }), { field: `ids.${i}` });
      }
      if (contactId === undefined) contactId = r.contact_id;
      if (r.contact_id !== contactId) throw new KassaError('INVALID_INPUT', said('err.invoice.reminderOneCustomer', 'Een herinnering gaat naar één klant. Kies facturen van dezelfde klant.'), { field: `ids.${i}` });
      const open = openOf(r);
      if (open <= 0) throw new KassaError('INVALID_INPUT', said('err.invoice.alreadyPaid', 'Factuur {{number}} is al betaald.', { number: r.number }), { field: `ids.${i}` });
      return { number: r.number!, issueDate: r.issue_date, dueDate: r.due_date, openCents: open };
    });
  } else {
    const items = openItems(books, { date, kind: 'sales', contact: contactId });
    chosen = items.items
      .map((i) => ({ number: i.number ?? '', issueDate: i.issueDate, dueDate: i.dueDate, openCents: parseAmount(i.open, 'open', { allowNegative: true }) }))
      .filter((i) => i.openCents > 0);
  }
  const contact = contactRow(books, contactId!, 'contact');
  if (chosen.length === 0) throw new KassaError('INVALID_INPUT', said('err.invoice.noOpenInvoices', '{{name}} heeft geen openstaande facturen. Een herinnering is niet nodig.', { name: contact.name }), { field: 'contact' });
  const seller = currentSeller(books);
  const config = readConfig(books);
  const pdf = await renderReminderPdf({
    seller: sellerParty(seller),
    buyer: buyerOf(contact),
    date,
    invoices: chosen,
    payWithinDays: input.payWithinDays ?? config.reminderDays,
    level: input.level ?? 1,
    logo: seller.logoId ? attachmentBytes(books, seller.logoId) : null,
    note: input.note ?? null,
  });
  const written = writeFileGuarded(input.path, pdf);
  return { ...written, invoices: chosen.length, total: centsToString(chosen.reduce((s, i) => s + i.openCents, 0)) };
}

/** invoices.attachment: the stored file of a purchase invoice, as base64 or written to path. */
export function invoiceAttachment(books: Books, id: number, target?: string): AttachmentData {
  const r = invoiceRow(books, id);
  if (r.attachment_id === null) throw new KassaError('NOT_FOUND', said('err.invoice.noAttachment', 'Bij deze factuur is geen bijlage bewaard.'), { field: 'id' });
  const meta = attachmentMeta(books, r.attachment_id)!;
  const bytes = attachmentBytes(books, r.attachment_id)!;
  if (target) {
    const w = writeFileGuarded(target, bytes);
    return { ...meta, base64: null, path: w.path };
  }
  return { ...meta, base64: bytes.toString('base64'), path: null };
}
