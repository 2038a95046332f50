import type { Phrase } from '../phrase';
import type { LimitsRow } from './volunteerLimitsData';

/** The shapes the volunteer-fee rules take and give (volunteerLimits.ts and its parts). */

export type Benefit = 'none' | 'bijstand' | 'uwv' | 'other';
export type VolunteerPaymentKind = 'fee' | 'reimbursement';

export const VOLUNTEER_BLOCK_CODES = [
  'INVALID_DATE',
  'INVALID_AMOUNT',
  'INVALID_HOURS',
  'INVALID_BIRTHDATE',
  'BIRTHDATE_REQUIRED',
  'HOUR_LIMIT',
  'MONTH_LIMIT',
  'YEAR_LIMIT',
] as const;

export const VOLUNTEER_WARNING_CODES = [
  'AS_WAGES',
  'YEAR_80',
  'BENEFIT_REPORT',
  'BIJSTAND_UNDER_27',
  'BIJSTAND_AGE_UNKNOWN',
  'PAID_ELSEWHERE_SAME_ORG',
  'LIMITS_OTHER_YEAR',
] as const;

export type VolunteerIssueCode = (typeof VOLUNTEER_BLOCK_CODES)[number] | (typeof VOLUNTEER_WARNING_CODES)[number];

export interface Issue {
  code: VolunteerIssueCode;
  /** Dutch, B1: short sentences, says why and what to do. */
  message: string;
  /** The same text as phrases, for a UI in another language (shared/phrase.ts). */
  says?: Phrase[];
  /** Input field the issue is about (dot path), so the UI can show it beside that field. */
  field?: string;
}

export interface VolunteerPerson {
  /** YYYY-MM-DD; needed when paying per hour. */
  birthDate?: string;
  benefit: Benefit;
  /** The person also receives wages from, or sends invoices to, this organisation. */
  alsoPaidOrInvoices: boolean;
}

export interface VolunteerPayment {
  /** YYYY-MM-DD */
  date: string;
  kind: VolunteerPaymentKind;
  amountCents: number;
  /** Hours worked for this fee, decimal string with a dot ("2.5"). Only for kind 'fee'. */
  hours?: string;
  /** The treasurer explicitly confirmed paying this as (taxable) wages. */
  asWages?: boolean;
}

/** One of the person's other payments (never the payment being checked itself). */
export interface PastVolunteerPayment {
  date: string;
  kind: VolunteerPaymentKind;
  /** Integer cents; a negative amount is a correction of an earlier payment. */
  amountCents: number;
  asWages?: boolean;
}

export interface CheckVolunteerPaymentInput {
  person: VolunteerPerson;
  payment: VolunteerPayment;
  history: readonly PastVolunteerPayment[];
  /** The limits for the payment's year (see limitsForYear). */
  limits: LimitsRow;
}

export interface VolunteerTotals {
  /** Counted total in the payment's calendar month, without this payment. */
  monthCents: number;
  /** Counted total in the payment's calendar year, without this payment. */
  yearCents: number;
  /** Room left in the month before this payment (never below 0). */
  monthLeftCents: number;
  /** Room left in the year before this payment (never below 0). */
  yearLeftCents: number;
  /** Counted month total including this payment (if it counts). */
  monthAfterCents: number;
  /** Counted year total including this payment (if it counts). */
  yearAfterCents: number;
}

export interface CheckVolunteerPaymentResult {
  status: 'ok' | 'warn' | 'blocked';
  blocks: Issue[];
  warnings: Issue[];
  totals: VolunteerTotals;
  /**
   * fee / hours in cents, rounded UP to a whole cent for display (so a rate that is over the
   * limit by a fraction of a cent never shows as equal to it). The check itself is exact.
   */
  hourlyRateCents?: number;
  /** The hourly limit that applied (depends on the age on the payment date). */
  hourlyLimitCents?: number;
  /** Highest fee allowed for the given hours (hourly limit × hours, rounded down to a cent). */
  maxForHoursCents?: number;
  /** Largest amount that still fits this month and this year: min(monthLeft, yearLeft). */
  maxAmountCents: number;
  /** Whether this payment counts toward the volunteer totals. */
  counted: boolean;
  /** Whether specified cost reimbursements count this year (the person gets a fee this year). */
  reimbursementsCount: boolean;
}

export interface LimitsForYearResult {
  limits: LimitsRow;
  /** True when a row exists for exactly the requested year. */
  exact: boolean;
  /** When not exact: the year whose row is used instead (equals limits.year). */
  fallbackFrom?: number;
  requestedYear: number;
  /** True when the row comes from the treasurer's settings rather than the built-in table. */
  fromOverride: boolean;
  /** Dutch explanation when not exact. */
  message?: string;
  /** The same as phrases. */
  says?: Phrase[];
}

export interface MonthSummary {
  /** 1–12 */
  month: number;
  /** Fees for effort (not marked as wages). */
  feeCents: number;
  /** Specified cost reimbursements (not marked as wages), counted or not. */
  reimbursementCents: number;
  /** What counts toward the monthly maximum. */
  countedCents: number;
  /** Payments marked as wages (not counted). */
  asWagesCents: number;
  /** Room left under the monthly maximum (never below 0). */
  leftCents: number;
  /** Amount over the monthly maximum (0 when within). */
  overCents: number;
}

export interface YearSummary {
  year: number;
  limits: LimitsRow;
  reimbursementsCount: boolean;
  months: MonthSummary[];
  feeCents: number;
  reimbursementCents: number;
  /** What counts toward the yearly maximum. */
  totalCents: number;
  asWagesCents: number;
  leftCents: number;
  overCents: number;
  /** totalCents as a whole percentage of the yearly maximum, rounded down. */
  percentOfYear: number;
}
