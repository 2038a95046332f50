/**
 * The bank import's only contact with invoices (issue 4), kept in this one file: which invoices are
 * open (to match a bank line on amount + number) and registering a confirmed bank entry as the
 * payment of an invoice. Both go through the invoices service, so its rules (never more than what
 * is open, append-only payments, the audit line) apply unchanged.
 */
import { KassaError } from '../../../shared/errors';
import { parseAmount } from '../../../shared/money';
import type { MatchInvoice } from '../../../shared/rules/bankMatch';
import type { Books } from '../../db/books';
import { PAYABLES, RECEIVABLES } from '../invoices/finalise';
import { registerPayment, reversePayment } from '../invoices/payments';
import { openItems } from '../invoices/queries';
import { invoiceLabel, invoiceRow, invoiceSaid, openOf } from '../invoices/rows';
import { said, type Said } from '../../../shared/phrase';

/** Far enough ahead that every final invoice counts, whatever today's date is. */
const ALL_DATES = '9999-12-31';

function hasInvoices(books: Books): boolean {
  return books.raw(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'invoice_payments'`).get() !== undefined;
}

/** Open sales and purchase invoices with a number, for matching. */
export function openInvoicesForMatching(books: Books): MatchInvoice[] {
  if (!hasInvoices(books)) return [];
  const out: MatchInvoice[] = [];
  for (const kind of ['sales', 'purchase'] as const) {
    for (const i of openItems(books, { date: ALL_DATES, kind }).items) {
      const open = parseAmount(i.open, 'open', { allowNegative: true, allowZero: true });
      if (i.number === null || open <= 0) continue;
      out.push({ id: i.id, kind, number: i.number, openCents: open, contact: i.contact.id, account: kind === 'sales' ? RECEIVABLES : PAYABLES });
    }
  }
  return out;
}

export interface InvoiceForLine {
  id: number;
  kind: 'sales' | 'purchase';
  number: string | null;
  label: string;
  /** The label as said text, for errors that name the invoice. */
  said: Said;
  contact: number;
  account: string;
  openCents: number;
}

/**
 * An invoice the treasurer links to a bank line: final, not a credit note, open the same way as the
 * money moves (a receipt pays a sales invoice, a payment out pays a purchase invoice), not more than
 * what is open. Refunds are registered on the invoice itself.
 */
export function invoiceForLine(books: Books, invoice: number, amountCents: number, field = 'invoice'): InvoiceForLine {
  if (!hasInvoices(books)) throw new KassaError('NOT_FOUND', said('err.invoice.noInvoices', 'Deze administratie heeft geen facturen.'), { field });
  const r = invoiceRow(books, invoice, field);
  const label = invoiceLabel(r);
  const it = invoiceSaid(r, true);
  if (r.status !== 'final') throw new KassaError('INVALID_INPUT', said('err.bank.invoiceDraft', '{{invoice}} is nog een concept. Maak de factuur eerst definitief.', { invoice: it }), { field });
  if (r.credit_of !== null) throw new KassaError('INVALID_INPUT', said('err.bank.invoiceIsCredit', '{{invoice}} is een creditfactuur. Koppel de betaling aan de factuur zelf.', { invoice: it }), { field });
  const open = openOf(r);
  const needIn = r.kind === 'sales';
  if (amountCents === 0 || (amountCents > 0) !== needIn) {
    throw new KassaError(
      'INVALID_INPUT',
      needIn
        ? said('err.bank.salesNeedsIn', '{{invoice}} is een verkoopfactuur: daarbij hoort geld dat binnenkomt. Deze regel is een betaling.', { invoice: it })
        : said('err.bank.purchaseNeedsOut', '{{invoice}} is een inkoopfactuur: daarbij hoort geld dat u betaalt. Deze regel is geld dat binnenkwam.', { invoice: it }),
      { field },
    );
  }
  if (open <= 0) throw new KassaError('INVALID_INPUT', said('err.bank.invoicePaid', '{{invoice}} is al betaald. Er staat niets meer open.', { invoice: it }), { field });
  if (Math.abs(amountCents) > open) {
    throw new KassaError('INVALID_INPUT', said('err.bank.moreThanOpen', 'Dit bedrag is meer dan er van {{invoice}} nog openstaat. Boek het verschil apart of kies een andere factuur.', { invoice: invoiceSaid(r) }), { field });
  }
  return { id: r.id, kind: r.kind, number: r.number, label, said: invoiceSaid(r), contact: r.contact_id, account: r.kind === 'sales' ? RECEIVABLES : PAYABLES, openCents: open };
}

/** The confirmed bank entry (bank against 1300/1400 with the contact) becomes the invoice's payment. */
export function registerInvoicePayment(books: Books, invoice: number, bankEntry: number): void {
  registerPayment(books, { invoice, bankEntry });
}

/** Undo the invoice payments a bank entry carries (before that entry is reversed). */
export function undoInvoicePayments(books: Books, entryId: number, date: string | undefined): void {
  if (!hasInvoices(books)) return;
  const payments = books
    .raw(`SELECT p.id FROM invoice_payments p WHERE (p.entry_id = ? OR p.bank_entry_id = ?) AND p.method <> 'reversal'
          AND NOT EXISTS (SELECT 1 FROM invoice_payments x WHERE x.reversal_of = p.id)`)
    .all(entryId, entryId) as { id: number }[];
  for (const p of payments) reversePayment(books, { payment: p.id, ...(date ? { date } : {}) });
}

