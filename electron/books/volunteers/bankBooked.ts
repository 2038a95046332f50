import { KassaError } from '../../../shared/errors';
import { centsToString } from '../../../shared/money';
import type { VolunteerCheck, VolunteerPaymentKind } from '../../../shared/api/volunteers';
import type { Books } from '../../db/books';
import { appendAudit } from '../audit';
import { appendFact } from '../history/facts';
import { volunteerPaymentFactRef } from '../history/finalFacts';
import { nowIso } from '../clock';
import { personRow } from './persons';
import { blockedError, runCheck } from './check';
import { FEE_ACCOUNT, kindLabel, REIMBURSEMENT_ACCOUNT } from './payments';
import { said } from '../../../shared/phrase';

/** Payments made another way: a bank line booked on the fee or reimbursement account. */
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
