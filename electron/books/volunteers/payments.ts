import { KassaError } from '../../../shared/errors';
import { centsToString, parseAmount } from '../../../shared/money';
import { formatDateNl } from '../../../shared/dates';
import {
  AS_WAGES_CONFIRMATION,
  type VolunteerPayment,
  type VolunteerPaymentKind,
  type VolunteerPaymentStatus,
  type VolunteerPayResult,
} from '../../../shared/api/volunteers';
import type { Books } from '../../db/books';
import { accountForPosting, type AccountRef } from '../accounts';
import { appendAudit } from '../audit';
import { appendFact } from '../history/facts';
import { volunteerPaymentFactRef } from '../history/finalFacts';
import { nowIso } from '../clock';
import { entryRef, postEntry, reverseEntry } from '../entries';
import { openYearFor } from '../years';
import { personRow } from './persons';
import { readReceipt, storeReceipt, type ReceiptInput } from './receipts';
import { blockedError, runCheck, type CheckInput } from './check';
import { said } from '../../../shared/phrase';

/** The account a payment to be paid later is booked on (DESIGN.md section 6). */
export const PAYABLE_ACCOUNT = '1500';
export const FEE_ACCOUNT = '4000';
export const REIMBURSEMENT_ACCOUNT = '4010';

// ---------------------------------------------------------------------------------------------
// Reading payments
// ---------------------------------------------------------------------------------------------

interface PaymentRow {
  id: number;
  person_id: number;
  person_name: string;
  date: string;
  period_from: string | null;
  period_to: string | null;
  hours: string | null;
  amount_cents: number;
  kind: VolunteerPaymentKind;
  description: string;
  as_wages: number;
  wages_confirmation: string | null;
  pay_from: string;
  grant_id: number | null;
  budget_line_id: number | null;
  status: VolunteerPaymentStatus;
  entry_id: number;
  e_journal: string | null;
  e_year: number | null;
  e_number: number | null;
  paid_entry_id: number | null;
  p_journal: string | null;
  p_year: number | null;
  p_number: number | null;
  paid_date: string | null;
  cancel_entry_id: number | null;
  sepa_batch_id: number | null;
  attachment_id: number | null;
  created_at: string;
}

export const PAYMENT_SELECT = `SELECT v.id, v.person_id, pe.name AS person_name, v.date, v.period_from, v.period_to, v.hours,
    v.amount_cents, v.kind, v.description, v.as_wages, v.wages_confirmation, a.code AS pay_from, v.grant_id, v.budget_line_id,
    v.status, v.entry_id, jr.code AS e_journal, e.year AS e_year, e.number AS e_number,
    v.paid_entry_id, jp.code AS p_journal, pd.year AS p_year, pd.number AS p_number, v.paid_date, v.cancel_entry_id,
    v.sepa_batch_id, v.attachment_id, v.created_at
  FROM volunteer_payments v
  JOIN persons pe ON pe.id = v.person_id
  JOIN accounts a ON a.id = v.pay_from_account_id
  LEFT JOIN entries e ON e.id = v.entry_id LEFT JOIN journals jr ON jr.id = e.journal_id
  LEFT JOIN entries pd ON pd.id = v.paid_entry_id LEFT JOIN journals jp ON jp.id = pd.journal_id`;

function toPayment(r: PaymentRow): VolunteerPayment {
  return {
    id: r.id,
    person: r.person_id,
    personName: r.person_name,
    date: r.date,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    hours: r.hours,
    amount: centsToString(r.amount_cents),
    kind: r.kind,
    description: r.description,
    asWages: r.as_wages === 1,
    wagesConfirmation: r.wages_confirmation,
    payFrom: r.pay_from,
    grant: r.grant_id,
    budgetLine: r.budget_line_id,
    status: r.status,
    entryId: r.entry_id,
    entryRef: r.e_journal && r.e_year !== null ? entryRef(r.e_journal, r.e_year, r.e_number) : null,
    paidEntryId: r.paid_entry_id,
    paidEntryRef: r.p_journal && r.p_year !== null ? entryRef(r.p_journal, r.p_year, r.p_number) : null,
    paidDate: r.paid_date,
    cancelEntryId: r.cancel_entry_id,
    sepaBatch: r.sepa_batch_id,
    hasReceipt: r.attachment_id !== null,
    createdAt: r.created_at,
  };
}

export function getPayment(books: Books, id: number, field = 'id'): VolunteerPayment {
  const r = books.raw(`${PAYMENT_SELECT} WHERE v.id = ?`).get(id) as PaymentRow | undefined;
  if (!r) throw new KassaError('NOT_FOUND', said('err.vol.paymentNotFound', 'Betaling {{id}} bestaat niet.', { id }), { field });
  return toPayment(r);
}

export function listPayments(books: Books, f: { year: number; person?: number | undefined; status?: VolunteerPaymentStatus | undefined }): VolunteerPayment[] {
  const where = ['v.date >= ?', 'v.date <= ?'];
  const params: unknown[] = [`${f.year}-01-01`, `${f.year}-12-31`];
  if (f.person !== undefined) {
    personRow(books, f.person);
    where.push('v.person_id = ?');
    params.push(f.person);
  }
  if (f.status) {
    where.push('v.status = ?');
    params.push(f.status);
  }
  const rows = books.raw(`${PAYMENT_SELECT} WHERE ${where.join(' AND ')} ORDER BY v.date, v.id`).all(...params) as PaymentRow[];
  return rows.map(toPayment);
}

// ---------------------------------------------------------------------------------------------
// Paying
// ---------------------------------------------------------------------------------------------

export interface PayInput extends CheckInput {
  amount: string;
  periodFrom?: string | undefined;
  periodTo?: string | undefined;
  description: string;
  payFrom: string;
  grant?: number | undefined;
  budgetLine?: number | undefined;
  confirmWages?: string | undefined;
  receipt?: ReceiptInput | undefined;
}

/** A bank or cash account, checked for posting. */
export function moneyAccount(books: Books, code: string, field: string): AccountRef {
  const a = accountForPosting(books, code, field);
  if (a.kind === null) {
    throw new KassaError('INVALID_INPUT', said('err.vol.payFromMoney', 'Rekening {{code}} ({{name}}) is geen bank- of kasrekening. Kies de bank, de kas of "later betalen".', { code, name: a.name }), { field });
  }
  return a;
}

function payFromAccount(books: Books, payFrom: string): AccountRef {
  if (payFrom.toLowerCase() === 'payable') return accountForPosting(books, PAYABLE_ACCOUNT, 'payFrom');
  return moneyAccount(books, payFrom, 'payFrom');
}

const normalise = (s: string) => s.trim().replace(/\s+/g, ' ').replace(/[.!]$/, '').toLowerCase();

function checkWagesConfirmation(input: PayInput): string | null {
  if (!input.asWages) return null;
  if (!input.confirmWages || normalise(input.confirmWages) !== normalise(AS_WAGES_CONFIRMATION)) {
    throw new KassaError(
      'INVALID_INPUT',
      said('err.vol.confirmWages', 'U wilt dit als loon betalen. Dan is het geen vrijwilligersvergoeding, en moet de stichting loonbelasting betalen. Weet u dit zeker? Bevestig het dan met de tekst "{{confirmation}}".', { confirmation: AS_WAGES_CONFIRMATION }),
      { field: 'confirmWages' },
    );
  }
  return AS_WAGES_CONFIRMATION;
}

export function kindLabel(kind: VolunteerPaymentKind, asWages: boolean): string {
  if (asWages) return 'Loon (bewust als loon betaald)';
  return kind === 'fee' ? 'Vrijwilligersvergoeding' : 'Onkostenvergoeding';
}

/**
 * volunteers.pay: check the limits, then save the payment and its entry in one transaction:
 * debit 4000 (fee) or 4010 (reimbursement) with the person, credit the bank/cash account (paid at
 * once) or 1500 (approved, to be paid later, e.g. with a SEPA batch). A blocked payment writes nothing.
 */
export function payVolunteer(books: Books, input: PayInput): VolunteerPayResult {
  return books.tx(() => {
    const person = personRow(books, input.person);
    if (person.archived) {
      throw new KassaError('INVALID_INPUT', said('err.vol.personArchived', '{{name}} is gearchiveerd. Zet deze persoon eerst weer actief.', { name: person.name }), { field: 'person' });
    }
    openYearFor(books, input.date, 'date');
    const amountCents = parseAmount(input.amount, 'amount');
    const credit = payFromAccount(books, input.payFrom);
    const expense = accountForPosting(books, input.kind === 'fee' ? FEE_ACCOUNT : REIMBURSEMENT_ACCOUNT, 'kind');
    const confirmation = checkWagesConfirmation(input);
    const receipt = input.receipt ? readReceipt(input.receipt) : null;

    const { api: check } = runCheck(books, input);
    if (check.blocks.length > 0) throw blockedError(check);

    const attachmentId = receipt ? storeReceipt(books, receipt) : null;
    const asWages = input.asWages === true;
    const { lastInsertRowid: id } = books.run(
      books.db.insertInto('volunteer_payments').values({
        person_id: person.id,
        date: input.date,
        period_from: input.periodFrom ?? null,
        period_to: input.periodTo ?? null,
        hours: input.hours ?? null,
        amount_cents: amountCents,
        kind: input.kind,
        description: input.description.trim(),
        as_wages: asWages ? 1 : 0,
        wages_confirmation: confirmation,
        pay_from_account_id: credit.id,
        entry_id: null,
        grant_id: input.grant ?? null,
        budget_line_id: input.budgetLine ?? null,
        attachment_id: attachmentId,
        status: 'approved',
        paid_entry_id: null,
        paid_date: null,
        sepa_batch_id: null,
        cancel_entry_id: null,
        created_at: nowIso(),
      }),
    );

    const amount = centsToString(amountCents);
    const text = `${kindLabel(input.kind, asWages)} ${person.name}: ${input.description.trim()}`.slice(0, 500);
    const dims = {
      person: person.id,
      ...(input.grant !== undefined ? { grant: input.grant } : {}),
      ...(input.budgetLine !== undefined ? { budgetLine: input.budgetLine } : {}),
    };
    const entry = postEntry(
      books,
      {
        date: input.date,
        description: text,
        lines: [
          { account: expense.code, debit: amount, description: input.description.trim(), ...dims },
          { account: credit.code, credit: amount, description: person.name, person: person.id },
        ],
      },
      { source: 'volunteer', sourceRef: String(id) },
    );
    const paidNow = credit.kind !== null;
    books.run(
      books.db
        .updateTable('volunteer_payments')
        .set(paidNow ? { entry_id: entry.id, status: 'paid', paid_entry_id: entry.id, paid_date: input.date } : { entry_id: entry.id })
        .where('id', '=', id),
    );
    appendAudit(books, 'volunteers.pay', 'volunteer_payment', id, {
      ...input,
      receipt: receipt ? { name: receipt.name, mime: receipt.mime, size: receipt.data.length } : undefined,
      entry: entry.ref,
      warnings: check.warnings.map((w) => w.code),
    });
    appendFact(books, 'volunteer_payment', volunteerPaymentFactRef(books, id));
    return { payment: getPayment(books, id), entry, warnings: check.warnings, totals: check.totals };
  });
}

// ---------------------------------------------------------------------------------------------
// Corrections, receipts
// ---------------------------------------------------------------------------------------------

/**
 * volunteers.cancel: a payment booked by mistake is reversed (never deleted). The reversal is
 * dated in the payment's own calendar year, so the volunteer's yearly totals and the books agree.
 * A payment that was paid out later (1500 -> bank) cannot simply be cancelled: the money has left.
 */
export function cancelPayment(books: Books, input: { id: number; date?: string | undefined }): VolunteerPayment {
  return books.tx(() => {
    const p = getPayment(books, input.id);
    if (p.status === 'cancelled') throw new KassaError('ALREADY_REVERSED', said('err.vol.alreadyCancelled', 'Deze betaling is al geannuleerd.'), { field: 'id' });
    if (p.paidEntryId !== null && p.paidEntryId !== p.entryId) {
      throw new KassaError(
        'INVALID_INPUT',
        said('err.vol.alreadyPaidOut', 'Deze vergoeding is al uitbetaald op {{date}}. Annuleren kan dan niet meer. Betaalt de vrijwilliger het geld terug? Boek dat dan als ontvangst.', { date: formatDateNl(p.paidDate ?? p.date) }),
        { field: 'id' },
      );
    }
    const date = input.date ?? p.date;
    if (date.slice(0, 4) !== p.date.slice(0, 4) || date < p.date) {
      throw new KassaError(
        'INVALID_INPUT',
        said('err.vol.reversalDate', 'Kies voor de tegenboeking een datum in {{year}}, op of na {{date}}. Dan kloppen de jaartotalen van de vrijwilliger.', { year: p.date.slice(0, 4), date: formatDateNl(p.date) }),
        { field: 'date' },
      );
    }
    const rev = reverseEntry(books, { id: p.entryId, date, description: `Geannuleerd: ${kindLabel(p.kind, p.asWages)} ${p.personName}: ${p.description}`.slice(0, 500) });
    books.run(books.db.updateTable('volunteer_payments').set({ status: 'cancelled', cancel_entry_id: rev.id }).where('id', '=', p.id));
    appendAudit(books, 'volunteers.cancel', 'volunteer_payment', p.id, { reversal: rev.ref, date });
    return getPayment(books, p.id);
  });
}

export function attachReceipt(books: Books, input: { payment: number; receipt: ReceiptInput }): VolunteerPayment {
  return books.tx(() => {
    const p = getPayment(books, input.payment, 'payment');
    if (p.hasReceipt) throw new KassaError('CONFLICT', said('err.vol.receiptKept', 'Bij deze betaling is al een bon bewaard.'), { field: 'payment' });
    const r = readReceipt(input.receipt);
    const attachmentId = storeReceipt(books, r);
    books.run(books.db.updateTable('volunteer_payments').set({ attachment_id: attachmentId }).where('id', '=', p.id));
    appendAudit(books, 'volunteers.attachReceipt', 'volunteer_payment', p.id, { name: r.name, mime: r.mime, size: r.data.length });
    return getPayment(books, p.id);
  });
}

export function getReceipt(books: Books, paymentId: number): { fileName: string; mime: string; dataBase64: string } {
  const r = books
    .raw('SELECT a.name, a.mime, a.data FROM volunteer_payments v JOIN attachments a ON a.id = v.attachment_id WHERE v.id = ?')
    .get(paymentId) as { name: string; mime: string; data: Buffer } | undefined;
  if (!r) {
    getPayment(books, paymentId, 'payment');
    throw new KassaError('NOT_FOUND', said('err.vol.noReceipt', 'Bij deze betaling is geen bon bewaard.'), { field: 'payment' });
  }
  return { fileName: r.name, mime: r.mime, dataBase64: r.data.toString('base64') };
}
