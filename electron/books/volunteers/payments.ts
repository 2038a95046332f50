import { KassaError } from '../../../shared/errors';
import { centsToString, formatEuro, MAX_AMOUNT_CENTS, parseAmount } from '../../../shared/money';
import { formatDateNl } from '../../../shared/dates';
import {
  AS_WAGES_CONFIRMATION,
  type VolunteerCheck,
  type VolunteerIssue,
  type VolunteerPayment,
  type VolunteerPaymentKind,
  type VolunteerPaymentStatus,
  type VolunteerPayResult,
  type VolunteerTotals,
} from '../../../shared/api/volunteers';
import {
  checkVolunteerPayment,
  type CheckVolunteerPaymentResult,
  type Issue,
  type PastVolunteerPayment,
} from '../../../shared/rules/volunteerLimits';
import type { Books } from '../../db/books';
import { accountForPosting, type AccountRef } from '../accounts';
import { appendAudit } from '../audit';
import { appendFact } from '../history/facts';
import { volunteerPaymentFactRef } from '../history/finalFacts';
import { nowIso } from '../clock';
import { entryRef, postEntry, reverseEntry } from '../entries';
import { openYearFor } from '../years';
import { limitsFor } from './limits';
import { personRow } from './persons';
import { readReceipt, storeReceipt, type ReceiptInput } from './receipts';
import { said } from '../../../shared/phrase';

/** The account a payment to be paid later is booked on (DESIGN.md section 6). */
export const PAYABLE_ACCOUNT = '1500';
export const FEE_ACCOUNT = '4000';
export const REIMBURSEMENT_ACCOUNT = '4010';

// ---------------------------------------------------------------------------------------------
// Checking
// ---------------------------------------------------------------------------------------------

/** The pure rules speak of payment.* and person.*; the API's fields are flat. */
const FIELD_MAP: Record<string, string> = {
  'payment.amount': 'amount',
  'payment.hours': 'hours',
  'payment.date': 'date',
  'person.birthDate': 'person',
};

function toIssue(i: Issue): VolunteerIssue {
  const out: VolunteerIssue = { code: i.code, message: i.message };
  if (i.says) out.says = i.says;
  if (i.field !== undefined) out.field = FIELD_MAP[i.field] ?? i.field;
  return out;
}

function totalsOut(r: CheckVolunteerPaymentResult): VolunteerTotals {
  const t = r.totals;
  return {
    month: centsToString(t.monthCents),
    year: centsToString(t.yearCents),
    monthLeft: centsToString(t.monthLeftCents),
    yearLeft: centsToString(t.yearLeftCents),
    monthAfter: centsToString(t.monthAfterCents),
    yearAfter: centsToString(t.yearAfterCents),
  };
}

/** The person's other payments in the calendar year of `date` (cancelled ones do not count). */
function history(books: Books, personId: number, date: string): PastVolunteerPayment[] {
  const year = date.slice(0, 4);
  const rows = books
    .raw(
      `SELECT date, kind, amount_cents, as_wages FROM volunteer_payments
       WHERE person_id = ? AND date >= ? AND date <= ? AND status <> 'cancelled'`,
    )
    .all(personId, `${year}-01-01`, `${year}-12-31`) as { date: string; kind: VolunteerPaymentKind; amount_cents: number; as_wages: number }[];
  return rows.map((r) => ({ date: r.date, kind: r.kind, amountCents: r.amount_cents, asWages: r.as_wages === 1 }));
}

export interface CheckInput {
  person: number;
  date: string;
  kind: VolunteerPaymentKind;
  amount?: string | undefined;
  hours?: string | undefined;
  asWages?: boolean | undefined;
}

interface Checked {
  api: VolunteerCheck;
  raw: CheckVolunteerPaymentResult;
}

function runCheck(books: Books, input: CheckInput): Checked {
  const person = personRow(books, input.person);
  const year = Number(input.date.slice(0, 4));
  const { row, used } = limitsFor(books, year);
  const amountCents = input.amount === undefined ? 0 : parseAmount(input.amount, 'amount');
  const raw = checkVolunteerPayment({
    person: {
      ...(person.birth_date ? { birthDate: person.birth_date } : {}),
      benefit: person.benefit,
      alsoPaidOrInvoices: person.also_paid_or_invoices === 1,
    },
    payment: {
      date: input.date,
      kind: input.kind,
      amountCents,
      ...(input.hours !== undefined ? { hours: input.hours } : {}),
      ...(input.asWages ? { asWages: true } : {}),
    },
    history: history(books, person.id, input.date),
    limits: row,
  });
  // Without an amount the screen only wants the totals: "no amount yet" is not a problem to show.
  const blocks = (input.amount === undefined ? raw.blocks.filter((b) => b.code !== 'INVALID_AMOUNT') : raw.blocks).map(toIssue);
  const warnings = raw.warnings.map(toIssue);
  const api: VolunteerCheck = {
    status: blocks.length > 0 ? 'blocked' : warnings.length > 0 ? 'warn' : 'ok',
    blocks,
    warnings,
    totals: totalsOut(raw),
    maxAmount: centsToString(raw.maxAmountCents),
    hourlyRate: raw.hourlyRateCents === undefined ? null : centsToString(raw.hourlyRateCents),
    hourlyLimit: raw.hourlyLimitCents === undefined ? null : centsToString(raw.hourlyLimitCents),
    maxForHours: raw.maxForHoursCents === undefined ? null : centsToString(raw.maxForHoursCents),
    counted: raw.counted,
    reimbursementsCount: raw.reimbursementsCount,
    limits: used,
    person: { id: person.id, name: person.name, benefit: person.benefit, birthDate: person.birth_date },
  };
  return { api, raw };
}

/** volunteers.check: what the pay screen shows BEFORE saving. Writes nothing. */
export function checkPayment(books: Books, input: CheckInput): VolunteerCheck {
  return runCheck(books, input).api;
}

const INPUT_BLOCKS = new Set(['INVALID_DATE', 'INVALID_AMOUNT', 'INVALID_HOURS', 'INVALID_BIRTHDATE', 'BIRTHDATE_REQUIRED']);

/** A blocked check as the contract's error: input problems first, then the limits (LIMIT_EXCEEDED). */
function blockedError(c: VolunteerCheck): KassaError {
  const details = { blocks: c.blocks, warnings: c.warnings, totals: c.totals, maxAmount: c.maxAmount };
  const input = c.blocks.find((b) => INPUT_BLOCKS.has(b.code));
  if (input) {
    return new KassaError(input.code === 'INVALID_AMOUNT' ? 'INVALID_AMOUNT' : 'INVALID_INPUT', input.message, {
      field: input.field ?? 'amount',
      details: { ...details, reason: input.code, ...(input.says ? { says: input.says } : {}) },
    });
  }
  const limits = c.blocks.filter((b) => !INPUT_BLOCKS.has(b.code));
  return new KassaError('LIMIT_EXCEEDED', limits.map((b) => b.message).join('\n\n'), {
    field: limits[0]?.field ?? 'amount',
    details: { ...details, reason: limits[0]?.code, says: limits.flatMap((b) => b.says ?? []) },
  });
}

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

function kindLabel(kind: VolunteerPaymentKind, asWages: boolean): string {
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

// ---------------------------------------------------------------------------------------------
// Paying out approved payments (1500 -> bank)
// ---------------------------------------------------------------------------------------------

interface PayableRow {
  id: number;
  person_id: number;
  person_name: string;
  date: string;
  amount_cents: number;
  description: string;
  status: VolunteerPaymentStatus;
  pay_from: string;
  sepa_batch_id: number | null;
}

/** The approved payments, in the order given, each checked payable (1500) and not yet paid. */
export function payableRows(books: Books, ids: number[], field = 'paymentIds'): PayableRow[] {
  const seen = new Set<number>();
  const st = books.raw(
    `SELECT v.id, v.person_id, pe.name AS person_name, v.date, v.amount_cents, v.description, v.status, a.code AS pay_from, v.sepa_batch_id
     FROM volunteer_payments v JOIN persons pe ON pe.id = v.person_id JOIN accounts a ON a.id = v.pay_from_account_id WHERE v.id = ?`,
  );
  return ids.map((id, i) => {
    const f = `${field}.${i}`;
    if (seen.has(id)) throw new KassaError('INVALID_INPUT', said('err.vol.paymentTwice', 'Betaling {{id}} staat twee keer in de lijst.', { id }), { field: f });
    seen.add(id);
    const r = st.get(id) as PayableRow | undefined;
    if (!r) throw new KassaError('NOT_FOUND', said('err.vol.paymentNotFound', 'Betaling {{id}} bestaat niet.', { id }), { field: f });
    if (r.status === 'paid') {
      throw new KassaError('CONFLICT', said('err.vol.alreadyPaid', 'De vergoeding van {{person}} van {{date}} is al betaald.', { person: r.person_name, date: formatDateNl(r.date) }), { field: f });
    }
    if (r.status === 'cancelled') {
      throw new KassaError('INVALID_INPUT', said('err.vol.feeCancelled', 'De vergoeding van {{person}} van {{date}} is geannuleerd.', { person: r.person_name, date: formatDateNl(r.date) }), { field: f });
    }
    return r;
  });
}

/**
 * Book the payout of approved payments as ONE entry, like the bank shows a batch as one debit:
 * debit 1500 per payment (with the person), credit the bank or cash account with the total.
 */
export function bookPayout(
  books: Books,
  rows: PayableRow[],
  input: { date: string; account: string; description: string; sourceRef: string; accountField: string; dateField: string },
) {
  openYearFor(books, input.date, input.dateField);
  const bank = moneyAccount(books, input.account, input.accountField);
  const payable = accountForPosting(books, PAYABLE_ACCOUNT, input.accountField);
  let total = 0n;
  for (const r of rows) {
    if (r.date > input.date) {
      throw new KassaError(
        'INVALID_INPUT',
        said('err.vol.paidBeforeFee', 'De betaaldatum {{date}} ligt voor de datum van de vergoeding van {{person}} ({{feeDate}}). Kies een latere datum.', { date: formatDateNl(input.date), person: r.person_name, feeDate: formatDateNl(r.date) }),
        { field: input.dateField },
      );
    }
    total += BigInt(r.amount_cents);
  }
  // The bank side is one line: more than a line can hold is refused here, added up exactly.
  if (total > BigInt(MAX_AMOUNT_CENTS)) {
    throw new KassaError(
      'INVALID_AMOUNT',
      said('err.vol.payoutTooBig', 'Samen is dit {{total}}. Dat is meer dan € 999.999.999,99, het hoogste bedrag op één regel. Betaal de vergoedingen in delen. Er is niets opgeslagen.', { total: formatEuro(total) }),
      { field: input.accountField },
    );
  }
  const entry = postEntry(
    books,
    {
      date: input.date,
      description: input.description,
      lines: [
        ...rows.map((r) => ({ account: payable.code, debit: centsToString(r.amount_cents), description: `${r.person_name}: ${r.description}`.slice(0, 500), person: r.person_id })),
        { account: bank.code, credit: centsToString(total), description: `${rows.length} vrijwilliger(s), samen ${formatEuro(total)}` },
      ],
    },
    { source: 'volunteer', sourceRef: input.sourceRef },
  );
  const upd = books.raw(`UPDATE volunteer_payments SET status = 'paid', paid_entry_id = ?, paid_date = ? WHERE id = ?`);
  for (const r of rows) upd.run(entry.id, input.date, r.id);
  return { entry, total };
}

export function markPaid(
  books: Books,
  input: { paymentIds?: number[] | undefined; batch?: number | undefined; date: string; account: string },
): { entry: { id: number; number: number; ref: string }; count: number; total: string } {
  return books.tx(() => {
    let ids = input.paymentIds;
    let description = `Uitbetaling vrijwilligersvergoedingen (${ids?.length ?? 0})`;
    let sourceRef = 'payout';
    if (input.batch !== undefined) {
      const b = books.first(books.db.selectFrom('volunteer_sepa_batches').select(['id', 'message_id']).where('id', '=', input.batch));
      if (!b) throw new KassaError('NOT_FOUND', said('err.vol.batchNotFound', 'Betaalbestand {{batch}} bestaat niet.', { batch: input.batch }), { field: 'batch' });
      ids = (books.raw(`SELECT id FROM volunteer_payments WHERE sepa_batch_id = ? AND status = 'approved' ORDER BY id`).all(b.id) as { id: number }[]).map((r) => r.id);
      if (ids.length === 0) throw new KassaError('CONFLICT', said('err.vol.batchAllPaid', 'Alle betalingen uit dit betaalbestand zijn al als betaald geboekt.'), { field: 'batch' });
      description = `Uitbetaling vrijwilligers, betaalbestand ${b.message_id}`;
      sourceRef = `sepa:${b.id}`;
    }
    const rows = payableRows(books, ids ?? []);
    const { entry, total } = bookPayout(books, rows, { date: input.date, account: input.account, description, sourceRef, accountField: 'account', dateField: 'date' });
    appendAudit(books, 'volunteers.markPaid', 'volunteer_payment', null, { ids: rows.map((r) => r.id), batch: input.batch ?? null, entry: entry.ref, date: input.date });
    return { entry, count: rows.length, total: centsToString(total) };
  });
}

// ---------------------------------------------------------------------------------------------
// Payments made another way: a bank line booked on the fee or reimbursement account
// ---------------------------------------------------------------------------------------------

/** The kind of volunteer payment an expense account books, or null for any other account. */
export function volunteerKindOf(accountCode: string): VolunteerPaymentKind | null {
  if (accountCode === FEE_ACCOUNT) return 'fee';
  if (accountCode === REIMBURSEMENT_ACCOUNT) return 'reimbursement';
  return null;
}

/**
 * The same limit check as volunteers.pay for a payment booked elsewhere (a bank line): an archived
 * person or a payment over a maximum is refused with the same Dutch message (LIMIT_EXCEEDED).
 */
export function assertVolunteerPaymentAllowed(
  books: Books,
  input: { person: number; date: string; kind: VolunteerPaymentKind; amountCents: number },
  field = 'person',
): VolunteerCheck {
  const person = personRow(books, input.person, field);
  if (person.archived) {
    throw new KassaError('INVALID_INPUT', said('err.vol.personArchived', '{{name}} is gearchiveerd. Zet deze persoon eerst weer actief.', { name: person.name }), { field });
  }
  const { api } = runCheck(books, { person: person.id, date: input.date, kind: input.kind, amount: centsToString(input.amountCents) });
  if (api.blocks.length > 0) {
    const e = blockedError(api);
    throw new KassaError(e.code, e.message, { field, ...(e.details ? { details: e.details } : {}) });
  }
  return api;
}

/**
 * Register a payment that a bank line booked (entry already posted, money already paid): it counts
 * toward the person's maxima from now on and is a fact in the history chain, like volunteers.pay.
 */
export function registerBookedVolunteerPayment(
  books: Books,
  x: { person: number; date: string; kind: VolunteerPaymentKind; amountCents: number; description: string; payFromId: number; entryId: number; source: string },
): number {
  const { lastInsertRowid: id } = books.run(
    books.db.insertInto('volunteer_payments').values({
      person_id: x.person, date: x.date, period_from: null, period_to: null, hours: null, amount_cents: x.amountCents, kind: x.kind,
      description: x.description.trim().slice(0, 300) || kindLabel(x.kind, false), as_wages: 0, wages_confirmation: null,
      pay_from_account_id: x.payFromId, entry_id: null, grant_id: null, budget_line_id: null, attachment_id: null, status: 'approved',
      paid_entry_id: null, paid_date: null, sepa_batch_id: null, cancel_entry_id: null, created_at: nowIso(),
    }),
  );
  books.run(
    books.db.updateTable('volunteer_payments').set({ entry_id: x.entryId, status: 'paid', paid_entry_id: x.entryId, paid_date: x.date }).where('id', '=', Number(id)),
  );
  appendAudit(books, 'volunteers.pay', 'volunteer_payment', Number(id), { person: x.person, date: x.date, kind: x.kind, amount: centsToString(x.amountCents), source: x.source });
  appendFact(books, 'volunteer_payment', volunteerPaymentFactRef(books, Number(id)));
  return Number(id);
}

/** A reversed entry that booked volunteer payments (a bank line put back): those payments no longer count. */
export function cancelPaymentsOfEntry(books: Books, entryId: number, reversalId: number): void {
  books.raw(`UPDATE volunteer_payments SET status = 'cancelled', cancel_entry_id = ? WHERE entry_id = ? AND status <> 'cancelled'`).run(reversalId, entryId);
}
