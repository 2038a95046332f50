import type { LimitsRow } from './volunteerLimitsData';
import { countsToward, hasVolunteerFee, percentOf, personCents, toDated } from './volunteerCounting';
import type { MonthSummary, PastVolunteerPayment, YearSummary } from './volunteerTypes';

/** A volunteer's year in months, for the overview screen and the yearly statement. */

/**
 * Per-month and yearly totals of one person's payments for the overview screen. Only payments in
 * `year` (default: limits.year) are used, so the caller may pass all of the person's payments.
 * Pass `year` when the limits are a fallback from another year.
 */
export function summariseYear(payments: readonly PastVolunteerPayment[], limits: LimitsRow, year: number = limits.year): YearSummary {
  const dated = payments.map((p, i) => toDated(p, `payments.${i}`)).filter((p) => p.ymd.y === year);
  const reimbursementsCount = hasVolunteerFee(dated, year);
  // Added up in BigInt per month and for the year; handed on as numbers only when exact (personCents).
  type Sums = { fee: bigint; reimbursement: bigint; counted: bigint; asWages: bigint };
  const zero = (): Sums => ({ fee: 0n, reimbursement: 0n, counted: 0n, asWages: 0n });
  const perMonth = Array.from({ length: 12 }, zero);
  const all = zero();
  for (const p of dated) {
    const sums = [perMonth[p.ymd.m - 1]!, all];
    const cents = BigInt(p.amountCents);
    for (const t of sums) {
      if (p.asWages) {
        t.asWages += cents;
        continue;
      }
      if (p.kind === 'fee') t.fee += cents;
      else t.reimbursement += cents;
      if (countsToward(p, reimbursementsCount)) t.counted += cents;
    }
  }
  const months: MonthSummary[] = perMonth.map((t, i) => ({ month: i + 1, ...summed(t, limits.perMonthCents, year) }));
  // The year calls its counted sum totalCents (the contract's name since the first round).
  const { countedCents: totalCents, ...yearSums } = summed(all, limits.perYearCents, year);
  return {
    year,
    limits,
    reimbursementsCount,
    months,
    ...yearSums,
    totalCents,
    percentOfYear: percentOf(Math.max(0, totalCents), limits.perYearCents),
  };
}

/** One period's sums as a person's cents, with what is left of and over its limit. */
function summed(t: { fee: bigint; reimbursement: bigint; counted: bigint; asWages: bigint }, limitCents: number, year: number) {
  const countedCents = personCents(t.counted, year);
  return {
    feeCents: personCents(t.fee, year),
    reimbursementCents: personCents(t.reimbursement, year),
    countedCents,
    asWagesCents: personCents(t.asWages, year),
    leftCents: Math.max(0, limitCents - countedCents),
    overCents: Math.max(0, countedCents - limitCents),
  };
}
