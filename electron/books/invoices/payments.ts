import type { EntryRef, PaymentResult, Warning } from '../../../shared/api/invoiceTypes';
import { KassaError } from '../../../shared/errors';
import { centsToString, formatEuro, parseAmount } from '../../../shared/money';
import type { Books } from '../../db/books';
import { accountForPosting } from '../accounts';
import { appendAudit } from '../audit';
import { today } from '../clock';
import { getEntry, postEntry, reverseEntry } from '../entries';
import { contactRow } from './contacts';
import { PAYABLES, RECEIVABLES } from './finalise';
import { entryRefOf, invoiceLabel, invoiceRow, invoiceSaid, openOf, stateOf, type InvoiceRow } from './rows';
import { volunteerWarnings } from './warnings';
import { said } from '../../../shared/phrase';

/**
 * Payments settle final invoices. Two ways in:
 * - post: a new bank (or cash) entry, debit bank / credit 1300 for a receipt, debit 1400 / credit
 *   bank for paying a supplier (reversed for a refund), with the contact on the line;
 * - link: a bank entry that is already posted (e.g. from a bank import). When it already books the
 *   money on 1300 (1400) it is only linked. When it parked the money on 2000 Vraagposten, a memorial
 *   entry moves it from 2000 to 1300 (1400) and that is linked, together with the bank entry.
 * A payment never exceeds what is open. Payments are append-only; reversePayment undoes one.
 */

export const SUSPENSE = '2000';

interface Direction {
  /** The control account: 1300 for sales, 1400 for purchases. */
  control: string;
  /** Sign of the control-account line that reduces what is open (receipt: credit 1300 = negative). */
  controlSign: 1 | -1;
}

function direction(r: InvoiceRow, open: number): Direction {
  // Sales, open > 0: money comes in, 1300 is credited. Purchase, open > 0: we pay, 1400 is debited.
  const base = r.kind === 'sales' ? -1 : 1;
  return { control: r.kind === 'sales' ? RECEIVABLES : PAYABLES, controlSign: (open > 0 ? base : -base) as 1 | -1 };
}

function settleable(books: Books, invoice: number): InvoiceRow {
  const r = invoiceRow(books, invoice, 'invoice');
  if (r.status !== 'final') throw new KassaError('INVALID_INPUT', said('err.invoice.payDraft', 'Dit is nog een concept. Maak de factuur eerst definitief.'), { field: 'invoice' });
  if (r.credit_of !== null) {
    throw new KassaError('INVALID_INPUT', said('err.invoice.payCreditNote', '{{number}} is een creditfactuur. Registreer een terugbetaling bij factuur {{original}}.', { number: r.number, original: r.credit_of_number }), { field: 'invoice' });
  }
  return r;
}

/** How much of a bank entry is already used for invoices (by the sign that reduces open amounts). */
function usedFromBankEntry(books: Books, bankEntry: number): number {
  const r = books.raw('SELECT COALESCE(SUM(amount_cents), 0) AS n FROM invoice_payments WHERE bank_entry_id = ?').get(bankEntry) as { n: number };
  return r.n;
}

function result(books: Books, invoice: number, payment: number, entry: EntryRef, bankEntry: EntryRef | null, amount: number, warnings: Warning[]): PaymentResult {
  const r = invoiceRow(books, invoice);
  return { payment, entry, bankEntry, amount: centsToString(amount), open: centsToString(openOf(r)), state: stateOf(r), warnings };
}

export interface PaymentInput {
  invoice: number;
  bankEntry?: number | undefined;
  date?: string | undefined;
  account?: string | undefined;
  amount?: string | undefined;
  description?: string | undefined;
}

export function registerPayment(books: Books, input: PaymentInput): PaymentResult {
  return books.tx(() => {
    const r = settleable(books, input.invoice);
    const open = openOf(r);
    const label = invoiceLabel(r);
    if (open === 0) throw new KassaError('INVALID_INPUT', said('err.invoice.fullyPaid', '{{invoice}} is al helemaal betaald. Er staat niets meer open.', { invoice: invoiceSaid(r, true) }), { field: 'invoice' });
    const dir = direction(r, open);
    const openAbs = Math.abs(open);
    const requested = input.amount !== undefined ? parseAmount(input.amount, 'amount') : null;
    if (requested !== null && requested > openAbs) {
      throw new KassaError('INVALID_INPUT', said('err.invoice.moreThanOpen', 'Dit is meer dan er van {{invoice}} nog openstaat ({{open}}). Vul hoogstens dat bedrag in.', { invoice: invoiceSaid(r), open: formatEuro(openAbs) }), {
        field: 'amount',
        details: { open: centsToString(openAbs) },
      });
    }
    const contact = contactRow(books, r.contact_id);
    const sign = open > 0 ? 1 : -1;
    const refund = open < 0;
    let paymentEntry: EntryRef;
    let bankRef: EntryRef | null = null;
    let amount: number;
    let date: string;
    let method: 'posted' | 'linked';

    if (input.bankEntry !== undefined) {
      if (input.account !== undefined || input.date !== undefined) {
        throw new KassaError('INVALID_INPUT', said('err.invoice.entryOrDate', 'Kies óf een bestaande bankboeking, óf vul datum en rekening in. Niet allebei.'), { field: 'bankEntry' });
      }
      const e = getEntry(books, input.bankEntry);
      if (e.status !== 'posted') throw new KassaError('INVALID_INPUT', said('err.invoice.bankEntryDraft', 'Deze bankboeking is nog een concept. Boek haar eerst.'), { field: 'bankEntry' });
      if (e.reversedBy !== null || e.reversalOf !== null) {
        throw new KassaError('INVALID_INPUT', said('err.invoice.entryReversed', 'Boeking {{ref}} is tegengeboekt of is zelf een tegenboeking. Kies de juiste bankboeking.', { ref: e.ref }), { field: 'bankEntry' });
      }
      const moneyCodes = new Set(
        (books.raw('SELECT code FROM accounts WHERE kind IS NOT NULL').all() as { code: string }[]).map((a) => a.code),
      );
      if (!e.lines.some((l) => moneyCodes.has(l.account))) {
        throw new KassaError('INVALID_INPUT', said('err.invoice.notMoneyEntry', 'Boeking {{ref}} is geen bank- of kasboeking.', { ref: e.ref }), { field: 'bankEntry' });
      }
      const signed = (l: { debit: string | null; credit: string | null }) => (l.debit !== null ? parseAmount(l.debit) : -parseAmount(l.credit!));
      const sumOn = (code: string) =>
        e.lines.filter((l) => l.account === code && (l.contact === null || l.contact === contact.id)).reduce((s, l) => s + signed(l), 0);
      const onControl = sumOn(dir.control) * dir.controlSign;
      // Money parked on Vraagposten sits on the same side as it would on the control account.
      const onSuspense = sumOn(SUSPENSE) * dir.controlSign;
      const used = usedFromBankEntry(books, e.id) * sign;
      date = e.date;
      bankRef = { id: e.id, ref: e.ref ?? '' };
      if (onControl > 0) {
        const room = onControl - used;
        if (room <= 0) throw new KassaError('INVALID_INPUT', said('err.invoice.entryFullyLinked', 'Het bedrag van boeking {{ref}} is al helemaal aan facturen gekoppeld.', { ref: e.ref }), { field: 'bankEntry' });
        amount = requested ?? Math.min(openAbs, room);
        if (amount > room) {
          throw new KassaError('INVALID_INPUT', said('err.invoice.entryRoomLeft', 'Van boeking {{ref}} is nog {{room}} niet gekoppeld. Vul hoogstens dat bedrag in.', { ref: e.ref, room: formatEuro(room) }), { field: 'amount' });
        }
        paymentEntry = bankRef;
        method = 'linked';
      } else if (onSuspense > 0) {
        const room = onSuspense - used;
        if (room <= 0) throw new KassaError('INVALID_INPUT', said('err.invoice.entryFullyLinked', 'Het bedrag van boeking {{ref}} is al helemaal aan facturen gekoppeld.', { ref: e.ref }), { field: 'bankEntry' });
        amount = requested ?? Math.min(openAbs, room);
        if (amount > room) {
          throw new KassaError('INVALID_INPUT', said('err.invoice.entryRoomLeft', 'Van boeking {{ref}} is nog {{room}} niet gekoppeld. Vul hoogstens dat bedrag in.', { ref: e.ref, room: formatEuro(room) }), { field: 'amount' });
        }
        // Move the money from Vraagposten to Debiteuren (Crediteuren): a memorial entry on the bank entry's date.
        const moveCents = amount * dir.controlSign;
        const posted = postEntry(
          books,
          {
            date: e.date,
            journal: 'MEM',
            description: `${capital(label)}: betaling uit ${e.ref} van Vraagposten overgeboekt`.slice(0, 500),
            lines: [
              { account: SUSPENSE, ...(moveCents > 0 ? { credit: centsToString(moveCents) } : { debit: centsToString(-moveCents) }) },
              { account: dir.control, ...(moveCents > 0 ? { debit: centsToString(moveCents) } : { credit: centsToString(-moveCents) }), contact: contact.id },
            ],
          },
          { source: 'invoice.payment', sourceRef: String(r.id) },
        );
        paymentEntry = { id: posted.id, ref: posted.ref };
        method = 'posted';
      } else {
        const controlName = dir.control === RECEIVABLES ? 'Debiteuren (1300)' : 'Crediteuren (1400)';
        throw new KassaError(
          'INVALID_INPUT',
          refund
            ? said('err.invoice.entryNotOnControlRefund', 'Boeking {{ref}} staat niet op {{control}} of Vraagposten (2000) in de richting van een terugbetaling. Registreer de betaling dan zonder bankboeking, of corrigeer eerst de bankboeking.', { ref: e.ref, control: controlName })
            : said('err.invoice.entryNotOnControl', 'Boeking {{ref}} staat niet op {{control}} of Vraagposten (2000). Registreer de betaling dan zonder bankboeking, of corrigeer eerst de bankboeking.', { ref: e.ref, control: controlName }),
          { field: 'bankEntry' },
        );
      }
    } else {
      date = input.date ?? today();
      const accountCode = input.account ?? '1100';
      const money = accountForPosting(books, accountCode, 'account');
      if (money.kind === null) {
        throw new KassaError('INVALID_INPUT', said('err.money.notMoneyAccountPay', 'Rekening {{code}} ({{name}}) is geen bank- of kasrekening. Kies waar het geld binnenkwam of vandaan ging.', { code: accountCode, name: money.name }), { field: 'account' });
      }
      if (date < r.issue_date) {
        throw new KassaError('INVALID_INPUT', said('err.invoice.paidBeforeIssue', 'De betaaldatum ligt vóór de factuurdatum. Controleer de datum.'), { field: 'date' });
      }
      amount = requested ?? openAbs;
      const controlCents = amount * dir.controlSign;
      const what = refund ? 'Terugbetaling' : r.kind === 'sales' ? 'Ontvangen' : 'Betaald';
      const posted = postEntry(
        books,
        {
          date,
          description: (input.description?.trim() || `${what}: ${label} ${r.kind === 'sales' ? contact.name : ''}`.trim()).slice(0, 500),
          lines: [
            { account: accountCode, ...(controlCents < 0 ? { debit: centsToString(-controlCents) } : { credit: centsToString(controlCents) }) },
            { account: dir.control, ...(controlCents > 0 ? { debit: centsToString(controlCents) } : { credit: centsToString(-controlCents) }), contact: contact.id },
          ],
        },
        { source: 'invoice.payment', sourceRef: String(r.id) },
      );
      paymentEntry = { id: posted.id, ref: posted.ref };
      method = 'posted';
    }

    const { lastInsertRowid: paymentId } = books.run(
      books.db.insertInto('invoice_payments').values({
        invoice_id: r.id, entry_id: paymentEntry.id, bank_entry_id: bankRef?.id ?? null, date, amount_cents: amount * sign, method,
        reversal_of: null, created_at: new Date().toISOString(),
      }),
    );
    const warnings = r.kind === 'purchase' ? volunteerWarnings(books, contact, date) : [];
    appendAudit(books, 'invoices.registerPayment', 'invoice', r.id, {
      payment: paymentId, amount: centsToString(amount * sign), date, method, entry: paymentEntry.ref, bankEntry: bankRef?.ref ?? null,
    });
    return result(books, r.id, paymentId, paymentEntry, bankRef, amount * sign, warnings);
  });
}

/** Undo a payment: its own entry is reversed; a linked bank entry is only unlinked. */
export function reversePayment(books: Books, input: { payment: number; date?: string | undefined }): PaymentResult {
  return books.tx(() => {
    const p = books.first(books.db.selectFrom('invoice_payments').selectAll().where('id', '=', input.payment));
    if (!p) throw new KassaError('NOT_FOUND', said('err.invoice.paymentNotFound', 'Betaling {{payment}} bestaat niet.', { payment: input.payment }), { field: 'payment' });
    if (p.method === 'reversal') throw new KassaError('INVALID_INPUT', said('err.invoice.paymentIsCorrection', 'Dit is zelf al een correctie van een betaling.'), { field: 'payment' });
    const done = books.first(books.db.selectFrom('invoice_payments').select('id').where('reversal_of', '=', p.id));
    if (done) throw new KassaError('ALREADY_REVERSED', said('err.invoice.paymentUndone', 'Deze betaling is al ongedaan gemaakt.'), { field: 'payment' });
    let entry: EntryRef;
    if (p.method === 'posted') {
      const rev = reverseEntry(books, { id: p.entry_id, ...(input.date ? { date: input.date } : {}) });
      entry = { id: rev.id, ref: rev.ref };
    } else {
      entry = entryRefOf(books, p.entry_id);
    }
    const { lastInsertRowid: id } = books.run(
      books.db.insertInto('invoice_payments').values({
        invoice_id: p.invoice_id, entry_id: entry.id, bank_entry_id: p.bank_entry_id, date: input.date ?? p.date, amount_cents: -p.amount_cents,
        method: 'reversal', reversal_of: p.id, created_at: new Date().toISOString(),
      }),
    );
    appendAudit(books, 'invoices.reversePayment', 'invoice', p.invoice_id, { payment: p.id, reversal: id, entry: entry.ref });
    return result(books, p.invoice_id, id, entry, p.bank_entry_id !== null ? entryRefOf(books, p.bank_entry_id) : null, -p.amount_cents, []);
  });
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
