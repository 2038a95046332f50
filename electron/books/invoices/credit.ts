import Decimal from 'decimal.js';
import type { z } from 'zod';
import type { SalesLineInput } from '../../../shared/api/invoices';
import type { CreditResult } from '../../../shared/api/invoiceTypes';
import { KassaError } from '../../../shared/errors';
import { centsToString } from '../../../shared/money';
import { formatDateNl } from '../../../shared/rules/invoiceDates';
import type { Books } from '../../db/books';
import { appendAudit } from '../audit';
import { today } from '../clock';
import { checkCreditRoom, prepareDraft, writeDraft } from './drafts';
import { finaliseInvoice } from './finalise';
import { said } from '../../../shared/phrase';

/**
 * Credit notes (creditfacturen): an invoice of its own with its own number from the same series,
 * negative amounts, naming the invoice it corrects. It never credits more than is left of the
 * original. Left without lines it credits the whole original.
 */

type LineIn = z.output<typeof SalesLineInput>;

export function creditInvoice(
  books: Books,
  input: { id: number; date?: string | undefined; lines?: LineIn[] | undefined; note?: string | null | undefined; finalise?: boolean | undefined },
): CreditResult {
  return books.tx(() => {
    const o = books.first(books.db.selectFrom('invoices').selectAll().where('id', '=', input.id));
    if (!o) throw new KassaError('NOT_FOUND', said('err.invoice.notFound', 'Factuur {{id}} bestaat niet.', { id: input.id }), { field: 'id' });
    if (o.kind !== 'sales') throw new KassaError('INVALID_INPUT', said('err.invoice.creditOnlySales', 'Alleen een verkoopfactuur kunt u hier crediteren.'), { field: 'id' });
    if (o.status !== 'final') throw new KassaError('INVALID_INPUT', said('err.invoice.creditDraft', 'Dit is nog een concept. Pas het concept aan of verwijder het; crediteren is niet nodig.'), { field: 'id' });
    if (o.credit_of !== null) throw new KassaError('INVALID_INPUT', said('err.invoice.creditOfCredit', '{{number}} is zelf een creditfactuur. Die kunt u niet crediteren.', { number: o.number }), { field: 'id' });
    const date = input.date ?? today();
    if (date < o.issue_date) {
      throw new KassaError('INVALID_INPUT', said('err.invoice.creditBeforeInvoice', 'De creditfactuur kan niet eerder zijn dan factuur {{number}} ({{issueDate}}).', { number: o.number, issueDate: formatDateNl(o.issue_date) }), { field: 'date' });
    }
    const lines: LineIn[] =
      input.lines ??
      (books
        .raw(
          `SELECT l.description, l.quantity, l.unit_price_cents, l.vat_rate, l.vat_reason, a.code, l.grant_id, l.budget_line_id
           FROM invoice_lines l JOIN accounts a ON a.id = l.account_id WHERE l.invoice_id = ? ORDER BY l.position`,
        )
        .all(o.id) as { description: string; quantity: string; unit_price_cents: number; vat_rate: LineIn['vatRate']; vat_reason: LineIn['vatReason']; code: string; grant_id: number | null; budget_line_id: number | null }[]
      ).map((l) => ({
        description: l.description,
        quantity: new Decimal(l.quantity).negated().toFixed(),
        unitPrice: centsToString(l.unit_price_cents),
        vatRate: l.vat_rate,
        vatReason: l.vat_reason,
        account: l.code,
        ...(l.grant_id !== null ? { grant: l.grant_id } : {}),
        ...(l.budget_line_id !== null ? { budgetLine: l.budget_line_id } : {}),
      }));
    const draft = {
      kind: 'sales' as const,
      contact: o.contact_id,
      issueDate: date,
      dueDate: null,
      supplyDate: null,
      buyerReference: o.buyer_reference,
      orderReference: o.order_reference,
      note: input.note ?? null,
      lines,
    };
    // A credit note goes to the original's customer even when that contact was archived since.
    const p = prepareDraft(books, draft, { creditOf: o.id, checkContact: false });
    checkCreditRoom(books, o.id, p.grossCents, null);
    const id = writeDraft(books, p, {});
    appendAudit(books, 'invoices.credit', 'invoice', id, { creditOf: o.number, date, gross: centsToString(p.grossCents), full: input.lines === undefined });
    if (input.finalise === false) return { id, status: 'draft', number: null, entry: null, gross: centsToString(p.grossCents), warnings: [] };
    const f = finaliseInvoice(books, id);
    return { id, status: 'final', number: f.number, entry: f.entry, gross: f.gross, warnings: f.warnings };
  });
}
