import { KassaError } from '../../../shared/errors';
import { centsToString, parseAmount } from '../../../shared/money';
import type { VolunteerCheck, VolunteerIssue, VolunteerPaymentKind, VolunteerTotals } from '../../../shared/api/volunteers';
import {
  checkVolunteerPayment,
  type CheckVolunteerPaymentResult,
  type Issue,
  type PastVolunteerPayment,
} from '../../../shared/rules/volunteerLimits';
import type { Books } from '../../db/books';
import { limitsFor } from './limits';
import { personRow } from './persons';

/** The limit check of one volunteer payment against the person's other payments in the books. */

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

export function runCheck(books: Books, input: CheckInput): Checked {
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
export function blockedError(c: VolunteerCheck): KassaError {
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
