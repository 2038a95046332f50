import type { Invoice, InvoiceKind, InvoiceList, InvoicePayment, OpenItems } from '../../../shared/api/invoiceTypes';
import { KassaError } from '../../../shared/errors';
import { centsToString } from '../../../shared/money';
import { addDays } from '../../../shared/rules/invoiceDates';
import type { VatRate, VatReason } from '../../../shared/rules/invoiceModel';
import { invoiceReadiness } from '../../../shared/rules/invoiceReadiness';
import { ageOf, bucketTotals } from '../../../shared/rules/openItems';
import { vatStatement } from '../../../shared/rules/invoiceText';
import { calculateInvoice, vatRateLabel } from '../../../shared/rules/invoiceVat';
import type { Books } from '../../db/books';
import { today } from '../clock';
import { entryRef } from '../entries';
import { attachmentMeta } from './attachments';
import { contactRow } from './contacts';
import { DRAFT_NUMBER } from './drafts';
import { buyerOf, currentSeller, parseBuyer, parseSeller, sellerParty } from './parties';
import { invoiceRow, invoiceSelect, openOf, toSummary, type InvoiceRow } from './rows';
import { readConfig } from './settings';
import { said } from '../../../shared/phrase';

/** Reading invoices: the paged list, one whole invoice, and the open items with their age. */

export interface ListFilter {
  kind?: InvoiceKind | undefined;
  status?: 'draft' | 'final' | 'open' | 'paid' | 'overdue' | undefined;
  contact?: number | undefined;
  search?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

const like = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const OPEN_EXPR = `CASE WHEN status = 'final' AND credit_of IS NULL THEN gross_cents - paid_cents - credited_cents ELSE 0 END`;

/**
 * The narrow rows the list filters, sorts and sums over: no JSON snapshots, no joins beyond the
 * contact name when searching. Only the page's rows are then read in full.
 */
function narrowSelect(asOf?: string): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  let paidCond = '';
  let creditCond = '';
  if (asOf) {
    paidCond = 'AND p.date <= ?';
    creditCond = 'AND cn.issue_date <= ?';
    params.push(asOf, asOf);
  }
  const sql = `SELECT i.id, i.kind, i.status, i.number, i.credit_of, i.contact_id, i.issue_date, i.due_date, i.gross_cents,
      COALESCE((SELECT SUM(p.amount_cents) FROM invoice_payments p WHERE p.invoice_id = i.id ${paidCond}), 0) AS paid_cents,
      COALESCE((SELECT -SUM(cn.gross_cents) FROM invoices cn WHERE cn.credit_of = i.id AND cn.status = 'final' ${creditCond}), 0) AS credited_cents
    FROM invoices i`;
  return { sql, params };
}

export function listInvoices(books: Books, f: ListFilter): InvoiceList {
  const now = today();
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.kind) { where.push('i.kind = ?'); params.push(f.kind); }
  if (f.contact !== undefined) { where.push('i.contact_id = ?'); params.push(f.contact); }
  if (f.from) { where.push('i.issue_date >= ?'); params.push(f.from); }
  if (f.to) { where.push('i.issue_date <= ?'); params.push(f.to); }
  if (f.status === 'draft') where.push(`i.status = 'draft'`);
  if (f.status === 'final') where.push(`i.status = 'final'`);
  if (f.status === 'open' || f.status === 'paid' || f.status === 'overdue') where.push(`i.status = 'final' AND i.credit_of IS NULL`);
  const s = f.search?.trim();
  if (s) {
    const l = like(s);
    where.push(`(i.number LIKE ? ESCAPE '\\' OR i.buyer_reference LIKE ? ESCAPE '\\' OR i.order_reference LIKE ? ESCAPE '\\' OR i.note LIKE ? ESCAPE '\\'
      OR i.contact_id IN (SELECT id FROM contacts WHERE name LIKE ? ESCAPE '\\'))`);
    params.push(l, l, l, l, l);
  }
  const q = narrowSelect();
  const inner = `${q.sql} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const outer: string[] = [];
  const outerParams: unknown[] = [];
  if (f.status === 'open') outer.push(`${OPEN_EXPR} <> 0`);
  if (f.status === 'paid') outer.push(`${OPEN_EXPR} = 0`);
  if (f.status === 'overdue') { outer.push(`${OPEN_EXPR} > 0 AND due_date < ?`); outerParams.push(now); }
  const outerSql = outer.length ? `WHERE ${outer.join(' AND ')}` : '';
  const allParams = [...q.params, ...params, ...outerParams];

  const agg = books.raw(`SELECT COUNT(*) AS n, COALESCE(SUM(gross_cents), 0) AS gross, COALESCE(SUM(${OPEN_EXPR}), 0) AS open FROM (${inner}) ${outerSql}`).get(...allParams) as {
    n: number; gross: number; open: number;
  };
  const ids = (books.raw(`SELECT id FROM (${inner}) ${outerSql} ORDER BY issue_date DESC, id DESC LIMIT ? OFFSET ?`).all(...allParams, f.limit ?? 100, f.offset ?? 0) as { id: number }[]).map(
    (r) => r.id,
  );
  const full = invoiceSelect();
  const rows = books.raw(`${full.sql} WHERE i.id IN (SELECT value FROM json_each(?))`).all(...full.params, JSON.stringify(ids)) as InvoiceRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    total: agg.n,
    items: ids.map((id) => toSummary(byId.get(id)!, now)),
    totals: { gross: centsToString(agg.gross), open: centsToString(agg.open) },
  };
}

interface LineRow {
  position: number; description: string; quantity: string; unit_price_cents: number; vat_rate: VatRate; vat_reason: VatReason | null; net_cents: number; vat_cents: number;
  code: string; name: string; grant_id: number | null; budget_line_id: number | null;
}

export function getInvoice(books: Books, id: number): Invoice {
  const r = invoiceRow(books, id);
  const now = today();
  const lineRows = books
    .raw(
      `SELECT l.position, l.description, l.quantity, l.unit_price_cents, l.vat_rate, l.vat_reason, l.net_cents, l.vat_cents, a.code, a.name, l.grant_id, l.budget_line_id
       FROM invoice_lines l JOIN accounts a ON a.id = l.account_id WHERE l.invoice_id = ? ORDER BY l.position`,
    )
    .all(id) as LineRow[];
  const final = r.status === 'final';
  const contact = contactRow(books, r.contact_id);
  const seller = final && r.kind === 'sales' && r.seller_json ? parseSeller(r.seller_json) : currentSeller(books);
  const buyer = final && r.kind === 'sales' && r.buyer_json ? parseBuyer(r.buyer_json) : buyerOf(contact);
  const vatStatus = final ? r.vat_status : seller.vatStatus;

  let breakdown: Invoice['breakdown'] = [];
  if (r.kind === 'sales' && lineRows.length > 0) {
    try {
      const calc = calculateInvoice(
        lineRows.map((l) => ({ description: l.description, quantity: l.quantity, unitPriceCents: l.unit_price_cents, vatRate: l.vat_rate, vatReason: l.vat_reason })),
        vatStatus,
        { credit: r.credit_of !== null },
      );
      breakdown = calc.breakdown.map((b) => ({ rate: b.rate, category: b.category, reason: b.reason, label: vatRateLabel(b.rate, b.reason), net: centsToString(b.netCents), vat: centsToString(b.vatCents) }));
    } catch {
      // A draft saved under another VAT status: finalising will say what to fix.
      breakdown = [];
    }
  } else if (r.kind === 'purchase' && r.vat_cents !== 0) {
    breakdown = [{ rate: 'none', category: 'S', reason: null, label: 'btw', net: centsToString(r.net_cents), vat: centsToString(r.vat_cents) }];
  }

  const payments = (
    books
      .raw(
        `SELECT p.id, p.date, p.amount_cents, p.method, p.entry_id, p.bank_entry_id, p.reversal_of,
           (SELECT r.id FROM invoice_payments r WHERE r.reversal_of = p.id) AS reversed_by,
           j.code AS j1, e.year AS y1, e.number AS n1, bj.code AS j2, be.year AS y2, be.number AS n2
         FROM invoice_payments p
         JOIN entries e ON e.id = p.entry_id JOIN journals j ON j.id = e.journal_id
         LEFT JOIN entries be ON be.id = p.bank_entry_id LEFT JOIN journals bj ON bj.id = be.journal_id
         WHERE p.invoice_id = ? ORDER BY p.date, p.id`,
      )
      .all(id) as {
      id: number; date: string; amount_cents: number; method: InvoicePayment['method']; entry_id: number; bank_entry_id: number | null;
      reversal_of: number | null; reversed_by: number | null; j1: string; y1: number; n1: number; j2: string | null; y2: number | null; n2: number | null;
    }[]
  ).map(
    (p): InvoicePayment => ({
      id: p.id, date: p.date, amount: centsToString(p.amount_cents), method: p.method,
      entry: { id: p.entry_id, ref: entryRef(p.j1, p.y1, p.n1) ?? '' },
      bankEntry: p.bank_entry_id !== null && p.j2 !== null && p.y2 !== null ? { id: p.bank_entry_id, ref: entryRef(p.j2, p.y2, p.n2) ?? '' } : null,
      reversalOf: p.reversal_of, reversedBy: p.reversed_by,
    }),
  );
  const creditNotes = (
    books.raw(`SELECT id, number, issue_date, gross_cents, status FROM invoices WHERE credit_of = ? ORDER BY issue_date, id`).all(id) as {
      id: number; number: string | null; issue_date: string; gross_cents: number; status: 'draft' | 'final';
    }[]
  ).map((c) => ({ id: c.id, number: c.number, issueDate: c.issue_date, gross: centsToString(c.gross_cents), status: c.status }));

  let problems: Invoice['problems'] = [];
  if (!final && r.kind === 'sales') {
    const config = readConfig(books);
    problems = invoiceReadiness({
      invoice: {
        number: DRAFT_NUMBER, issueDate: r.issue_date, supplyDate: r.supply_date, dueDate: r.due_date ?? addDays(r.issue_date, config.paymentDays),
        credit: r.credit_of !== null, originalInvoiceNumber: r.credit_of_number, originalInvoiceDate: r.credit_of_date,
        buyerReference: r.buyer_reference, orderReference: r.order_reference,
        lines: lineRows.map((l) => ({ description: l.description, quantity: l.quantity, unitPriceCents: l.unit_price_cents, vatRate: l.vat_rate, vatReason: l.vat_reason })),
      },
      seller: sellerParty(seller),
      buyer,
    });
  }

  return {
    ...toSummary(r, now),
    supplyDate: r.supply_date,
    buyerReference: r.buyer_reference,
    orderReference: r.order_reference,
    note: r.note,
    vatStatus,
    lines: lineRows.map((l) => ({
      position: l.position, description: l.description, quantity: l.quantity, unitPrice: centsToString(l.unit_price_cents), vatRate: l.vat_rate, vatReason: l.vat_reason,
      net: centsToString(l.net_cents), vat: centsToString(l.vat_cents), account: l.code, accountName: l.name, grant: l.grant_id, budgetLine: l.budget_line_id,
    })),
    breakdown,
    vatStatement: r.kind === 'sales' ? vatStatement(vatStatus, seller.vatStatements) : null,
    payments,
    creditNotes,
    attachment: r.attachment_id !== null ? attachmentMeta(books, r.attachment_id) : null,
    seller: sellerParty(seller),
    buyer,
    problems,
    finalisedAt: r.finalised_at,
  };
}

/** Open items on a date: final invoices dated on or before it, with what was paid and credited by then. */
export function openItems(books: Books, f: { date?: string | undefined; kind?: InvoiceKind | undefined; contact?: number | undefined }): OpenItems {
  const date = f.date ?? today();
  const kind = f.kind ?? 'sales';
  const q = narrowSelect(date);
  const params: unknown[] = [...q.params, kind, date];
  let where = `WHERE i.kind = ? AND i.status = 'final' AND i.credit_of IS NULL AND i.issue_date <= ?`;
  if (f.contact !== undefined) {
    where += ' AND i.contact_id = ?';
    params.push(f.contact);
  }
  const rows = books
    .raw(`SELECT o.*, c.name AS contact_name FROM (${q.sql} ${where}) o JOIN contacts c ON c.id = o.contact_id WHERE ${OPEN_EXPR} <> 0 ORDER BY o.issue_date, o.id`)
    .all(...params) as (InvoiceRow & { contact_name: string })[];
  const items = rows.map((r) => {
    const dueDate = r.due_date;
    const open = openOf(r);
    const aged = ageOf({ issueDate: r.issue_date, dueDate }, date);
    return {
      id: r.id, kind: r.kind, number: r.number, contact: { id: r.contact_id, name: r.contact_name }, issueDate: r.issue_date, dueDate,
      gross: centsToString(r.gross_cents), paid: centsToString(r.paid_cents), credited: centsToString(r.credited_cents), open: centsToString(open),
      openCents: open, ...aged,
    };
  });
  const buckets = bucketTotals(items.map((i) => ({ issueDate: i.issueDate, dueDate: i.dueDate, openCents: i.openCents, bucket: i.bucket }))).map((b) => ({
    bucket: b.bucket, label: b.label, count: b.count, open: centsToString(b.openCents),
  }));
  const total = items.reduce((s, i) => s + i.openCents, 0);
  return { date, kind, items: items.map(({ openCents: _o, ...rest }) => rest), buckets, total: centsToString(total) };
}

export function assertSales(r: InvoiceRow): void {
  if (r.kind !== 'sales') {
    throw new KassaError('INVALID_INPUT', said('err.invoice.noDocumentPurchase', 'Van een inkoopfactuur maakt u geen PDF of e-factuur: die komt van de leverancier. Bekijk de bijlage.'), { field: 'id' });
  }
}
