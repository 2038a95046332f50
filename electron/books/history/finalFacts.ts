import { sha256 } from './sha256';
import type { Books } from '../../db/books';
import { said } from '../../../shared/phrase';
import { entryLabel } from './entryFact';
import { registerFactKind } from './facts';

/**
 * The other final things as facts: a final invoice with its lines (and the bytes of its attachment),
 * a volunteer payment, a year close or reopen. Each is keyed by a business key, never a row id:
 * invoices and volunteer payments by the ref of the entry that booked them (`JOURNAL/YEAR/NUMBER`),
 * a year-end step by `YEAR/n` (the n-th close or reopen of that year). Their counts are small, so
 * they use canonical() per fact rather than a bulk all().
 */
const ENTRY_REF = (col: string) => `(SELECT j.code || '/' || e.year || '/' || e.number FROM entries e JOIN journals j ON j.id = e.journal_id WHERE e.id = ${col})`;
const ENTRY_BY_REF = `(SELECT e.id FROM entries e JOIN journals j ON j.id = e.journal_id WHERE j.code = ? AND e.year = ? AND e.number = ?)`;

/** An entry ref's parts for ENTRY_BY_REF (an index lookup, not a scan). */
function refParts(ref: string): [string, number, number] {
  const m = /^(.+)\/(\d{4})\/(\d+)$/.exec(ref);
  return m ? [m[1]!, Number(m[2]), Number(m[3])] : ['', 0, 0];
}

/** SHA-256 of the stored bytes themselves (not the stored sha256 column, which could be edited too). */
function attachmentDigest(books: Books, id: number | null): string | null {
  if (id === null) return null;
  const a = books.raw('SELECT data FROM attachments WHERE id = ?').get(id) as { data: Buffer } | undefined;
  return a ? sha256().update(a.data).digest('hex') : 'ontbreekt';
}

// --- invoices ---
interface InvoiceRow {
  id: number; kind: string; number: string | null; series: string | null; seq: number | null; contact_id: number; issue_date: string;
  supply_date: string | null; due_date: string | null; credit_of: string | null; buyer_reference: string | null; order_reference: string | null;
  note: string | null; vat_status: string; net_cents: number; vat_cents: number; gross_cents: number; attachment_id: number | null;
  seller_json: string | null; buyer_json: string | null;
}
interface InvoiceLineRow {
  position: number; description: string; quantity: string; unit_price_cents: number; vat_rate: string; vat_reason: string | null; net_cents: number; vat_cents: number;
  account: string; grant_id: number | null; budget_line_id: number | null;
}

registerFactKind({
  kind: 'invoice',
  label: (ref) => said('history.invoice', 'Factuur bij {{entry}}', { entry: entryLabel(ref, true) }),
  finalVerb: said('history.verb.finalise', 'definitief maken'),
  canonical(books, ref) {
    const r = books.raw(`SELECT i.*, ${ENTRY_REF('(SELECT entry_id FROM invoices o WHERE o.id = i.credit_of)')} AS credit_of
      FROM invoices i WHERE i.status = 'final' AND i.entry_id = ${ENTRY_BY_REF}`).get(...refParts(ref)) as InvoiceRow | undefined;
    if (!r) return null;
    const lines = books.raw(`SELECT l.position, l.description, l.quantity, l.unit_price_cents, l.vat_rate, l.vat_reason, l.net_cents, l.vat_cents, a.code AS account,
      l.grant_id, l.budget_line_id FROM invoice_lines l JOIN accounts a ON a.id = l.account_id WHERE l.invoice_id = ? ORDER BY l.position`).all(r.id) as InvoiceLineRow[];
    return {
      entry: ref, kind: r.kind, number: r.number, series: r.series, seq: r.seq, contact: r.contact_id, issueDate: r.issue_date,
      supplyDate: r.supply_date, dueDate: r.due_date, creditOf: r.credit_of, buyerReference: r.buyer_reference, orderReference: r.order_reference,
      note: r.note, vatStatus: r.vat_status, net: r.net_cents, vat: r.vat_cents, gross: r.gross_cents, attachment: attachmentDigest(books, r.attachment_id),
      seller: r.seller_json, buyer: r.buyer_json,
      lines: lines.map((l) => ({
        position: l.position, description: l.description, quantity: l.quantity, unitPrice: l.unit_price_cents, vatRate: l.vat_rate,
        net: l.net_cents, vat: l.vat_cents, account: l.account, grant: l.grant_id, budgetLine: l.budget_line_id,
        // Issue 16: the 0 % reason is part of the final invoice. Only present when set, so the facts
        // hashed before the column existed (and every line without a reason) keep their canonical form.
        ...(l.vat_reason !== null ? { vatReason: l.vat_reason } : {}),
      })),
    };
  },
  refs: (books) => (books.raw(`SELECT ${ENTRY_REF('i.entry_id')} AS ref FROM invoices i WHERE i.status = 'final' ORDER BY i.id`).all() as { ref: string }[]).map((r) => r.ref),
});

export function invoiceFactRef(books: Books, invoiceId: number): string {
  return (books.raw(`SELECT ${ENTRY_REF('i.entry_id')} AS ref FROM invoices i WHERE i.id = ?`).get(invoiceId) as { ref: string }).ref;
}

// --- volunteer payments: what is frozen when the payment is saved (its progress may still change) ---
interface PaymentRow {
  person_id: number; date: string; period_from: string | null; period_to: string | null; hours: string | null; amount_cents: number; kind: string;
  description: string; as_wages: number; wages_confirmation: string | null; pay_from: string; grant_id: number | null; budget_line_id: number | null;
  created_at: string;
}

registerFactKind({
  kind: 'volunteer_payment',
  label: (ref) => said('history.volunteerPayment', 'Vrijwilligersbetaling bij {{entry}}', { entry: entryLabel(ref, true) }),
  canonical(books, ref) {
    const r = books.raw(`SELECT p.*, a.code AS pay_from FROM volunteer_payments p JOIN accounts a ON a.id = p.pay_from_account_id
      WHERE p.entry_id = ${ENTRY_BY_REF}`).get(...refParts(ref)) as PaymentRow | undefined;
    if (!r) return null;
    return {
      entry: ref, person: r.person_id, date: r.date, periodFrom: r.period_from, periodTo: r.period_to, hours: r.hours, amount: r.amount_cents,
      kind: r.kind, description: r.description, asWages: r.as_wages, wagesConfirmation: r.wages_confirmation, payFrom: r.pay_from,
      grant: r.grant_id, budgetLine: r.budget_line_id, createdAt: r.created_at,
    };
  },
  refs: (books) => (books.raw(`SELECT ${ENTRY_REF('p.entry_id')} AS ref FROM volunteer_payments p WHERE p.entry_id IS NOT NULL ORDER BY p.id`).all() as { ref: string }[]).map((r) => r.ref),
});

export function volunteerPaymentFactRef(books: Books, paymentId: number): string {
  return (books.raw(`SELECT ${ENTRY_REF('p.entry_id')} AS ref FROM volunteer_payments p WHERE p.id = ?`).get(paymentId) as { ref: string }).ref;
}

// --- year close and reopen ---
interface YearRow { year: number; action: string; at: string; entry: string | null; appropriation: string | null; reason: string | null }

function yearSteps(books: Books, year?: number): YearRow[] {
  return books.raw(`SELECT y.year, y.action, y.at, ${ENTRY_REF('y.entry_id')} AS entry, y.appropriation, y.reason FROM year_end_log y
    ${year === undefined ? '' : 'WHERE y.year = ?'} ORDER BY y.year, y.id`).all(...(year === undefined ? [] : [year])) as YearRow[];
}

registerFactKind({
  kind: 'year_end',
  label: (ref) => {
    const [year, n] = ref.split('/');
    return said('history.yearStep', 'Stap {{step}} van het afsluiten of heropenen van boekjaar {{year}}', { step: n, year });
  },
  canonical(books, ref) {
    const m = /^(\d{4})\/(\d+)$/.exec(ref);
    if (!m) return null;
    const r = yearSteps(books, Number(m[1]))[Number(m[2]) - 1];
    return r ? { year: r.year, action: r.action, at: r.at, entry: r.entry, appropriation: r.appropriation, reason: r.reason } : null;
  },
  refs(books) {
    const seen = new Map<number, number>();
    return yearSteps(books).map((r) => {
      const n = (seen.get(r.year) ?? 0) + 1;
      seen.set(r.year, n);
      return `${r.year}/${n}`;
    });
  },
});

/** The ref of the year-end step just written for `year`. */
export function lastYearStepRef(books: Books, year: number): string {
  return `${year}/${(books.raw('SELECT COUNT(*) AS n FROM year_end_log WHERE year = ?').get(year) as { n: number }).n}`;
}
