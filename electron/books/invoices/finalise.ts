import type { FinaliseResult, Warning } from '../../../shared/api/invoiceTypes';
import { chartRgs, DEFAULT_CHART } from '../../../shared/chart';
import { KassaError } from '../../../shared/errors';
import { centsToString, formatEuro } from '../../../shared/money';
import { addDays } from '../../../shared/rules/invoiceDates';
import { parseNumberFormat, renderNumber, seriesKey } from '../../../shared/rules/invoiceNumber';
import { assertNoProblems } from '../../../shared/rules/invoiceText';
import { invoiceReadiness } from '../../../shared/rules/invoiceReadiness';
import type { VatReason } from '../../../shared/rules/invoiceModel';
import { calculateInvoice, checkZeroRateReasons, vatRateLabel } from '../../../shared/rules/invoiceVat';
import type { Books } from '../../db/books';
import { accountForPosting } from '../accounts';
import { appendAudit } from '../audit';
import { appendFact } from '../history/facts';
import { invoiceFactRef } from '../history/finalFacts';
import { nowIso } from '../clock';
import { postEntry, type LineInput } from '../entries';
import { openYearFor } from '../years';
import { contactRow } from './contacts';
import { checkCreditRoom, checkGrant } from './drafts';
import { buyerOf, currentSeller, sellerParty } from './parties';
import { registerPayment } from './payments';
import { checkPaidFrom } from './paidFrom';
import { invoiceRow } from './rows';
import { readConfig } from './settings';
import { volunteerWarnings } from './warnings';
import { said } from '../../../shared/phrase';

/**
 * Finalising: the draft gets its number (sales: the next of its series), is booked through
 * postEntry (sales in VRK, purchases in INK) and becomes immutable, all in one SQLite transaction.
 * The file's exclusive lock and the dispatcher's queue mean no two finalisations can interleave; the
 * database's own finalise check (gapless seq, unique number) is the last line of defence.
 */

export const RECEIVABLES = '1300';
export const PAYABLES = '1400';
export const VAT_ACCOUNT = '1700';

/**
 * The VAT account exists only in VAT-liable administrations. One that became liable later gets it
 * here, from the default chart, the first time VAT is booked.
 */
export function ensureVatAccount(books: Books): void {
  const exists = books.first(books.db.selectFrom('accounts').select('id').where('code', '=', VAT_ACCOUNT));
  if (exists) return;
  const def = DEFAULT_CHART.find((a) => a.code === VAT_ACCOUNT)!;
  books.run(
    books.db.insertInto('accounts').values({
      code: def.code, name: def.name, type: def.type, line_rj650: def.rj650, line_rj640: def.rj640, kind: null, iban: null, rgs_code: chartRgs(def.code), archived: 0,
    }),
  );
  appendAudit(books, 'accounts.create', 'account', def.code, { code: def.code, name: def.name, reason: 'btw geboekt op een factuur' });
}

/** "+12.34" for debit, "-12.34" for credit: a posting line with the amount on the right side. */
function side(cents: number): { debit: string } | { credit: string } {
  return cents > 0 ? { debit: centsToString(cents) } : { credit: centsToString(-cents) };
}

interface LineRow {
  position: number; description: string; quantity: string; unit_price_cents: number; vat_rate: '21' | '9' | '0' | 'exempt' | 'none'; vat_reason: VatReason | null;
  net_cents: number; vat_cents: number; code: string; grant_id: number | null; budget_line_id: number | null;
}

function lineRows(books: Books, id: number): LineRow[] {
  return books
    .raw(
      `SELECT l.position, l.description, l.quantity, l.unit_price_cents, l.vat_rate, l.vat_reason, l.net_cents, l.vat_cents, a.code, l.grant_id, l.budget_line_id
       FROM invoice_lines l JOIN accounts a ON a.id = l.account_id WHERE l.invoice_id = ? ORDER BY l.position`,
    )
    .all(id) as LineRow[];
}

function dims(l: LineRow): Partial<LineInput> {
  return { ...(l.grant_id !== null ? { grant: l.grant_id } : {}), ...(l.budget_line_id !== null ? { budgetLine: l.budget_line_id } : {}) };
}

function checkLineAccounts(books: Books, lines: LineRow[]): void {
  lines.forEach((l, i) => {
    accountForPosting(books, l.code, `lines.${i}.account`);
    checkGrant(books, l.grant_id, l.budget_line_id, `lines.${i}`);
  });
}

function finaliseSales(books: Books, id: number): FinaliseResult {
  const row = invoiceRow(books, id);
  const year = openYearFor(books, row.issue_date, 'issueDate');
  const config = readConfig(books);
  const contact = contactRow(books, row.contact_id);
  const seller = currentSeller(books);
  const buyer = buyerOf(contact);
  const lines = lineRows(books, id);
  checkLineAccounts(books, lines);
  const credit = row.credit_of !== null;

  // Recalculate with today's VAT status: a draft saved before the status changed must be corrected.
  const calc = calculateInvoice(
    lines.map((l) => ({ description: l.description, quantity: l.quantity, unitPriceCents: l.unit_price_cents, vatRate: l.vat_rate, vatReason: l.vat_reason })),
    seller.vatStatus,
    { credit },
  );
  checkZeroRateReasons(calc.lines, buyer);
  const gross = calc.totals.grossCents;
  if (gross === 0) throw new KassaError('INVALID_INPUT', said('err.invoice.zeroTotal', 'Het totaal van deze factuur is € 0,00. Een factuur zonder bedrag kan niet worden geboekt.'), { field: 'lines' });

  let original: { number: string | null; issue_date: string } | null = null;
  if (credit) {
    original = books.first(books.db.selectFrom('invoices').select(['number', 'issue_date']).where('id', '=', row.credit_of!)) ?? null;
    checkCreditRoom(books, row.credit_of!, gross, id);
  }

  const format = parseNumberFormat(config.numberFormat);
  const series = seriesKey(format, year);
  const seq = (books.raw(`SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM invoices WHERE kind = 'sales' AND series = ? AND seq IS NOT NULL`).get(series) as { n: number }).n;
  const number = renderNumber(format, year, seq);
  const clash = books.raw(`SELECT 1 FROM invoices WHERE kind = 'sales' AND number = ?`).get(number);
  if (clash) {
    throw new KassaError('CONFLICT', said('err.invoice.numberTaken', 'Het nummer {{number}} is al gebruikt door een andere nummering. Pas de nummering aan bij de factuurinstellingen.', { number }), { field: 'numberFormat' });
  }
  const dueDate = credit ? row.issue_date : (row.due_date ?? addDays(row.issue_date, config.paymentDays));

  const invoice = {
    number, issueDate: row.issue_date, supplyDate: row.supply_date, dueDate, credit,
    originalInvoiceNumber: original?.number ?? null, originalInvoiceDate: original?.issue_date ?? null,
    buyerReference: row.buyer_reference, orderReference: row.order_reference, note: row.note,
    lines: calc.lines,
  };
  // Everything that blocks it, listed at once (the draft showed the same list with where to fix it).
  assertNoProblems(invoiceReadiness({ invoice, seller: sellerParty(seller), buyer }), { listAll: true });

  const posting: LineInput[] = [{ account: RECEIVABLES, ...side(gross), contact: contact.id, description: `${credit ? 'Creditfactuur' : 'Factuur'} ${number}` }];
  calc.lines.forEach((l, i) => {
    if (l.netCents === 0) return;
    posting.push({ account: lines[i]!.code, ...side(-l.netCents), description: l.description.slice(0, 500), contact: contact.id, ...dims(lines[i]!) });
  });
  const vatRows = calc.breakdown.filter((b) => b.vatCents !== 0);
  if (vatRows.length > 0) ensureVatAccount(books);
  for (const b of vatRows) posting.push({ account: VAT_ACCOUNT, ...side(-b.vatCents), description: `Btw ${vatRateLabel(b.rate, b.reason)} over ${formatEuro(b.netCents)}`, contact: contact.id });

  const entry = postEntry(
    books,
    {
      date: row.issue_date,
      journal: 'VRK',
      description: `${credit ? `Creditfactuur ${number} bij factuur ${original?.number}` : `Factuur ${number}`} ${contact.name}`.slice(0, 500),
      lines: posting,
    },
    { source: 'invoice', sourceRef: String(id) },
  );

  books.run(
    books.db.updateTable('invoices').set({
      status: 'final', number, series, seq, number_format: format.format, due_date: dueDate, vat_status: seller.vatStatus,
      net_cents: calc.totals.netCents, vat_cents: calc.totals.vatCents, gross_cents: gross, entry_id: entry.id,
      seller_json: JSON.stringify(seller), buyer_json: JSON.stringify(buyer), finalised_at: nowIso(),
    }).where('id', '=', id),
  );
  appendAudit(books, 'invoices.finalise', 'invoice', id, { number, gross: centsToString(gross), entry: entry.ref, credit_of: row.credit_of });
  appendFact(books, 'invoice', invoiceFactRef(books, id));
  return { id, number, entry: { id: entry.id, ref: entry.ref }, gross: centsToString(gross), dueDate, warnings: [] };
}

function finalisePurchase(books: Books, id: number): FinaliseResult {
  const row = invoiceRow(books, id);
  // Paid on the spot, as saved with the draft; checked again (the account may be archived since).
  const paidFrom = row.paid_from_code !== null ? checkPaidFrom(books, { kind: 'purchase', dueDate: row.due_date }, row.paid_from_code).code : null;
  openYearFor(books, row.issue_date, 'issueDate');
  const config = readConfig(books);
  const contact = contactRow(books, row.contact_id);
  const lines = lineRows(books, id);
  checkLineAccounts(books, lines);
  const vatStatus = currentSeller(books).vatStatus;
  const vat = lines.reduce((s, l) => s + l.vat_cents, 0);
  const net = lines.reduce((s, l) => s + l.net_cents, 0);
  if (vat !== 0 && vatStatus !== 'liable') {
    throw new KassaError('INVALID_INPUT', said('err.invoice.noVatAnyMore', 'Deze stichting rekent geen btw meer, maar op de factuur staat btw die u zou terugkrijgen. Zet het hele bedrag inclusief btw op de regels.'), { field: 'lines' });
  }
  const gross = net + vat;
  // Paid on the spot: nothing is ever due, so no due date (and never "te laat").
  const dueDate = paidFrom !== null ? null : (row.due_date ?? addDays(row.issue_date, config.paymentDays));
  const posting: LineInput[] = lines.map((l) => ({ account: l.code, ...side(l.net_cents), description: l.description.slice(0, 500), contact: contact.id, ...dims(l) }));
  if (vat !== 0) {
    ensureVatAccount(books);
    posting.push({ account: VAT_ACCOUNT, ...side(vat), description: 'Btw op inkoop (voorbelasting)', contact: contact.id });
  }
  posting.push({ account: PAYABLES, ...side(-gross), contact: contact.id, description: `Inkoopfactuur ${row.number}` });
  const entry = postEntry(
    books,
    { date: row.issue_date, journal: 'INK', description: `Inkoopfactuur ${row.number} ${contact.name}`.slice(0, 500), lines: posting },
    { source: 'invoice', sourceRef: String(id) },
  );
  books.run(
    books.db.updateTable('invoices').set({
      status: 'final', due_date: dueDate, vat_status: vatStatus, net_cents: net, vat_cents: vat, gross_cents: gross, entry_id: entry.id,
      // For a purchase the supplier is the seller: keep how it was known on the day it was booked.
      seller_json: JSON.stringify(buyerOf(contact)), finalised_at: nowIso(),
    }).where('id', '=', id),
  );
  const warnings: Warning[] = volunteerWarnings(books, contact, row.issue_date);
  appendAudit(books, 'invoices.finalise', 'invoice', id, { number: row.number, gross: centsToString(gross), entry: entry.ref, warnings: warnings.map((w) => w.code) });
  appendFact(books, 'invoice', invoiceFactRef(books, id));
  if (paidFrom !== null && gross > 0) {
    // Same transaction: a cash purchase is never booked without its payment.
    registerPayment(books, { invoice: id, account: paidFrom, date: row.issue_date });
  }
  return { id, number: row.number ?? '', entry: { id: entry.id, ref: entry.ref }, gross: centsToString(gross), dueDate, warnings };
}

/** invoices.finalise: number, book and freeze a draft in one transaction. */
export function finaliseInvoice(books: Books, id: number): FinaliseResult {
  return books.tx(() => {
    const r = books.first(books.db.selectFrom('invoices').select(['status', 'kind', 'number']).where('id', '=', id));
    if (!r) throw new KassaError('NOT_FOUND', said('err.invoice.notFound', 'Factuur {{id}} bestaat niet.', { id }), { field: 'id' });
    if (r.status !== 'draft') throw new KassaError('POSTED_IMMUTABLE', said('err.invoice.alreadyFinal', 'Factuur {{number}} is al definitief. Er is niets veranderd.', { number: r.number ?? id }), { field: 'id' });
    return r.kind === 'sales' ? finaliseSales(books, id) : finalisePurchase(books, id);
  });
}
