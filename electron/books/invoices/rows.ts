import type { Selectable } from 'kysely';
import type { EntryRef, InvoiceState, InvoiceSummary } from '../../../shared/api/invoiceTypes';
import { KassaError } from '../../../shared/errors';
import { centsToString } from '../../../shared/money';
import { daysBetween } from '../../../shared/rules/invoiceDates';
import { isOverdue } from '../../../shared/rules/openItems';
import type { Books } from '../../db/books';
import type { InvoicesTable } from '../../db/schema';
import { entryRef } from '../entries';
import { said, type Said } from '../../../shared/phrase';

/**
 * Reading invoices with what has happened to them: paid (sum of payments), credited (sum of final
 * credit notes) and open = gross − paid − credited, all computed in SQL from the append-only
 * payments and the credit notes, so nothing stored can drift from the facts.
 */

export interface InvoiceRow extends Selectable<InvoicesTable> {
  contact_name: string;
  credit_of_number: string | null;
  credit_of_date: string | null;
  entry_journal: string | null;
  entry_year: number | null;
  entry_number: number | null;
  paid_cents: number;
  credited_cents: number;
  /** The code of paid_from_account_id. */
  paid_from_code: string | null;
}

/**
 * The SELECT every invoice read starts from. With asOf, payments and credit notes after that date
 * are left out (open items on a past date). Returns the SQL and the parameters it needs first.
 */
export function invoiceSelect(asOf?: string): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  let paidCond = '';
  let creditCond = '';
  if (asOf) {
    paidCond = 'AND p.date <= ?';
    creditCond = 'AND cn.issue_date <= ?';
    params.push(asOf, asOf);
  }
  const sql = `SELECT i.*, c.name AS contact_name, o.number AS credit_of_number, o.issue_date AS credit_of_date,
      j.code AS entry_journal, e.year AS entry_year, e.number AS entry_number, pf.code AS paid_from_code,
      COALESCE((SELECT SUM(p.amount_cents) FROM invoice_payments p WHERE p.invoice_id = i.id ${paidCond}), 0) AS paid_cents,
      COALESCE((SELECT -SUM(cn.gross_cents) FROM invoices cn WHERE cn.credit_of = i.id AND cn.status = 'final' ${creditCond}), 0) AS credited_cents
    FROM invoices i
    JOIN contacts c ON c.id = i.contact_id
    LEFT JOIN invoices o ON o.id = i.credit_of
    LEFT JOIN entries e ON e.id = i.entry_id
    LEFT JOIN journals j ON j.id = e.journal_id
    LEFT JOIN accounts pf ON pf.id = i.paid_from_account_id`;
  return { sql, params };
}

export function invoiceRow(books: Books, id: number, field = 'id'): InvoiceRow {
  const q = invoiceSelect();
  const row = books.raw(`${q.sql} WHERE i.id = ?`).get(...q.params, id) as InvoiceRow | undefined;
  if (!row) throw new KassaError('NOT_FOUND', said('err.invoice.notFound', 'Factuur {{id}} bestaat niet.', { id }), { field });
  return row;
}

/** Open amount of a row: only final invoices that are not credit notes are ever open. */
export function openOf(r: Pick<InvoiceRow, 'status' | 'credit_of' | 'gross_cents' | 'paid_cents' | 'credited_cents'>): number {
  if (r.status !== 'final' || r.credit_of !== null) return 0;
  return r.gross_cents - r.paid_cents - r.credited_cents;
}

export function stateOf(r: Pick<InvoiceRow, 'status' | 'credit_of' | 'gross_cents' | 'paid_cents' | 'credited_cents'>): InvoiceState {
  if (r.status === 'draft') return 'draft';
  if (r.credit_of !== null) return 'creditNote';
  const open = openOf(r);
  if (open < 0) return 'refund';
  if (open === 0) return r.paid_cents !== 0 ? 'paid' : 'credited';
  return r.paid_cents !== 0 || r.credited_cents !== 0 ? 'partial' : 'open';
}

export function rowEntryRef(r: InvoiceRow): EntryRef | null {
  if (r.entry_id === null || r.entry_journal === null || r.entry_year === null) return null;
  return { id: r.entry_id, ref: entryRef(r.entry_journal, r.entry_year, r.entry_number) ?? '' };
}

export function entryRefOf(books: Books, id: number): EntryRef {
  const e = books.raw('SELECT e.id, j.code, e.year, e.number FROM entries e JOIN journals j ON j.id = e.journal_id WHERE e.id = ?').get(id) as
    | { id: number; code: string; year: number; number: number | null }
    | undefined;
  if (!e) throw new KassaError('NOT_FOUND', said('err.entry.notFound', 'Boeking {{id}} bestaat niet.', { id }));
  return { id: e.id, ref: entryRef(e.code, e.year, e.number) ?? `concept ${e.id}` };
}

export function toSummary(r: InvoiceRow, asOf: string): InvoiceSummary {
  const open = openOf(r);
  const overdue = isOverdue({ openCents: open, dueDate: r.due_date }, asOf);
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    state: stateOf(r),
    number: r.number,
    credit: r.credit_of !== null,
    creditOf: r.credit_of,
    creditOfNumber: r.credit_of_number,
    contact: { id: r.contact_id, name: r.contact_name },
    issueDate: r.issue_date,
    dueDate: r.due_date,
    paidFrom: r.paid_from_code,
    net: centsToString(r.net_cents),
    vat: centsToString(r.vat_cents),
    gross: centsToString(r.gross_cents),
    paid: centsToString(r.paid_cents),
    credited: centsToString(r.credited_cents),
    open: centsToString(open),
    overdue,
    daysOverdue: overdue && r.due_date ? daysBetween(r.due_date, asOf) : 0,
    entry: rowEntryRef(r),
    hasAttachment: r.attachment_id !== null,
  };
}

/** "factuur 2026-0001", "creditfactuur 2026-0002", "inkoopfactuur 123 van X", "concept 12". */
export function invoiceLabel(r: LabelRow): string {
  return invoiceSaid(r).message;
}

type LabelRow = Pick<InvoiceRow, 'kind' | 'number' | 'credit_of' | 'id' | 'status'> & { contact_name?: string };

/** The invoice's name as said text, for errors that name it; capital at a sentence's start. */
export function invoiceSaid(r: LabelRow, capital = false): Said {
  if (r.kind === 'purchase') {
    const number = r.number ?? r.id;
    if (r.contact_name) {
      const p = { number, name: r.contact_name };
      return capital ? said('err.invoice.labelPurchaseFromCap', 'Inkoopfactuur {{number}} van {{name}}', p) : said('err.invoice.labelPurchaseFrom', 'inkoopfactuur {{number}} van {{name}}', p);
    }
    return capital ? said('err.invoice.labelPurchaseCap', 'Inkoopfactuur {{number}}', { number }) : said('err.invoice.labelPurchase', 'inkoopfactuur {{number}}', { number });
  }
  if (r.status === 'draft' || r.number === null) {
    return capital ? said('err.invoice.labelDraftCap', 'Concept {{id}}', { id: r.id }) : said('err.invoice.labelDraft', 'concept {{id}}', { id: r.id });
  }
  const number = r.number;
  if (r.credit_of !== null) {
    return capital ? said('err.invoice.labelCreditCap', 'Creditfactuur {{number}}', { number }) : said('err.invoice.labelCredit', 'creditfactuur {{number}}', { number });
  }
  return capital ? said('err.invoice.labelSalesCap', 'Factuur {{number}}', { number }) : said('err.invoice.labelSales', 'factuur {{number}}', { number });
}
