import { KassaError } from '../errors';
import { said, Sentences } from '../phrase';
import { parseYmd, type Ymd } from './volunteerDates';
import type { PastVolunteerPayment, VolunteerPaymentKind } from './volunteerTypes';

/** Counting a volunteer's payments toward the maxima: which count, and sums kept exact. */

export interface DatedPayment {
  ymd: Ymd;
  kind: VolunteerPaymentKind;
  amountCents: number;
  asWages: boolean;
}

export function toDated(p: PastVolunteerPayment, field: string): DatedPayment {
  const ymd = parseYmd(p.date);
  if (!ymd) throw new KassaError('INVALID_INPUT', said('err.vol.earlierDateInvalid', 'De datum "{{date}}" van een eerdere betaling klopt niet.', { date: String(p.date) }), { field: `${field}.date` });
  if (p.kind !== 'fee' && p.kind !== 'reimbursement') {
    throw new KassaError('INVALID_INPUT', said('err.vol.earlierKind', 'Een eerdere betaling heeft een onbekende soort "{{kind}}".', { kind: String(p.kind) }), { field: `${field}.kind` });
  }
  if (!Number.isSafeInteger(p.amountCents)) {
    throw new KassaError('INVALID_AMOUNT', said('err.vol.earlierCents', 'Een eerdere betaling heeft een bedrag dat geen heel aantal centen is.'), { field: `${field}.amountCents` });
  }
  return { ymd, kind: p.kind, amountCents: p.amountCents, asWages: p.asWages === true };
}

/**
 * Specified cost reimbursements count toward the maxima only when the person also gets a fee for
 * effort in the same calendar year. A fee that is deliberately paid as wages is not a volunteer fee,
 * so it does not make reimbursements count.
 */
export function hasVolunteerFee(payments: readonly DatedPayment[], year: number): boolean {
  return payments.some((p) => p.ymd.y === year && p.kind === 'fee' && !p.asWages && p.amountCents > 0);
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A person's total, added up exactly (BigInt), handed on as a number of cents. One person's
 * payments in one year pass 2^53 cents (about € 90 trillion) only with some 90,000 payments at the
 * € 999.999.999,99 cap of a line: then the app refuses with a clear message rather than show, or
 * check a limit against, a rounded figure.
 */
export function personCents(total: bigint, year: number): number {
  if (total <= SAFE && total >= -SAFE) return Number(total);
  const text = new Sentences()
    .add(
      `De betalingen aan één persoon in ${year} tellen op tot meer dan € 90.071.992.547.409,91. Zo'n groot bedrag kan de app niet precies optellen. Controleer de betalingen van deze persoon. Er is niets opgeslagen.`,
      'vol.totalTooLarge',
      { year },
    )
    .said();
  throw new KassaError('INVALID_AMOUNT', text.message, { details: { says: text.says } });
}

/** `part` as a whole percentage of `whole`, rounded down, in exact integers. */
export function percentOf(part: number, whole: number): number {
  return Number((BigInt(part) * 100n) / BigInt(whole));
}

/** part / whole >= 4 / 5, in exact integers (part * 5 may pass 2^53 where part does not). */
export function atLeast80(part: number, whole: number): boolean {
  return BigInt(part) * 5n >= BigInt(whole) * 4n;
}

export function countsToward(p: DatedPayment, reimbursementsCount: boolean): boolean {
  if (p.asWages) return false;
  return p.kind === 'fee' || reimbursementsCount;
}
