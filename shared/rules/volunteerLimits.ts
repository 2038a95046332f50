import Decimal from 'decimal.js';
import { z } from 'zod';
import { KassaError } from '../errors';
import { formatEuro } from '../money';
import { joinSaid, said, Sentences, type Phrase, type Said } from '../phrase';
import { applicableYear, BUILT_IN_VOLUNTEER_LIMITS, type LimitsRow } from './volunteerLimitsData';

/**
 * Pure rules for the tax-free volunteer fee (vrijwilligersvergoeding), DESIGN.md section 5.
 *
 * Money is always integer euro cents (a JS number that is a safe integer); totals are added up in
 * BigInt and handed on only when they are exact (personCents). Anything that needs
 * division or multiplication with a non-integer (the hourly rate) goes through decimal.js and is
 * compared exactly. Messages are Dutch at language level B1; code and comments are English.
 * No I/O: the caller supplies the person, the payment, the person's other payments and the limits.
 */

export type { LimitsRow } from './volunteerLimitsData';
export { applicableYear, BUILT_IN_VOLUNTEER_LIMITS } from './volunteerLimitsData';

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Limits per year
// ---------------------------------------------------------------------------------------------

const centsField = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

// The refinements' texts with their phrases: the zod issue carries them in its params (issueSaid).
const YOUNG_ABOVE_ADULT = said('err.vol.limits.youngAboveAdult', 'Het maximum per uur voor jongeren mag niet hoger zijn dan voor volwassenen.');
const MONTH_ABOVE_YEAR = said('err.vol.limits.monthAboveYear', 'Het maximum per maand mag niet hoger zijn dan het maximum per jaar.');

/** A zod issue of limitsRowSchema as said text: its phrases when the refinement gave them, else only its Dutch. */
export function issueSaid(issue: z.core.$ZodIssue): Said {
  const says = 'params' in issue ? (issue.params as { says?: Phrase[] } | undefined)?.says : undefined;
  return says ? { message: issue.message, says } : { message: issue.message };
}

/** Schema for a limits row the treasurer enters in settings. */
export const limitsRowSchema = z
  .object({
    year: z.number().int().min(1900).max(9999),
    perHourAdultCents: centsField,
    perHourYoungCents: centsField,
    ageThreshold: z.number().int().min(0).max(120),
    perMonthCents: centsField,
    perYearCents: centsField,
    source: z.string(),
  })
  .refine((r) => r.perHourYoungCents <= r.perHourAdultCents, {
    message: YOUNG_ABOVE_ADULT.message,
    params: { says: YOUNG_ABOVE_ADULT.says },
    path: ['perHourYoungCents'],
  })
  .refine((r) => r.perMonthCents <= r.perYearCents, {
    message: MONTH_ABOVE_YEAR.message,
    params: { says: MONTH_ABOVE_YEAR.says },
    path: ['perMonthCents'],
  });

/**
 * The limits for a calendar year. Rows from `overrides` (the treasurer's settings) win over the
 * built-in table; among overrides the last row for a year wins. A year without any row falls back
 * to the latest known year before it, or to the earliest known year when it is before all rows.
 */
export function limitsForYear(year: number, overrides: readonly LimitsRow[] = []): LimitsForYearResult {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new KassaError('INVALID_INPUT', said('err.vol.invalidYear', '"{{year}}" is geen geldig jaar.', { year: String(year) }), { field: 'year' });
  }
  const byYear = new Map<number, { row: LimitsRow; fromOverride: boolean }>();
  for (const row of BUILT_IN_VOLUNTEER_LIMITS) byYear.set(row.year, { row: { ...row }, fromOverride: false });
  overrides.forEach((row, i) => {
    const parsed = limitsRowSchema.safeParse(row);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const wrong = said('err.vol.limits.settingsWrong', 'De bedragen voor de vrijwilligersvergoeding in de instellingen kloppen niet (regel {{row}}).', { row: i + 1 });
      const fix = said('err.vol.limits.fixInSettings', 'Pas ze aan bij Instellingen.');
      throw new KassaError(
        'INVALID_INPUT',
        first ? joinSaid(wrong, issueSaid(first), fix) : joinSaid(wrong, fix),
        { field: `overrides.${i}${first && first.path.length > 0 ? `.${first.path.join('.')}` : ''}` },
      );
    }
    byYear.set(row.year, { row: { ...parsed.data }, fromOverride: true });
  });

  const exact = byYear.get(year);
  if (exact) return { limits: exact.row, exact: true, requestedYear: year, fromOverride: exact.fromOverride };

  const usedYear = applicableYear(year, [...byYear.keys()]);
  const used = byYear.get(usedYear)!;
  const { message, says } =
    usedYear < year
      ? said('volLimits.fallbackEarlier', 'Voor {{year}} kent de app nog geen bedragen. De app gebruikt daarom de bedragen van {{used}}. Kijk op belastingdienst.nl of er nieuwe bedragen zijn. Vul die dan in bij Instellingen.', { year, used: usedYear })
      : said('volLimits.fallbackOldest', 'Voor {{year}} kent de app geen bedragen. De app gebruikt daarom de bedragen van {{used}}. Dat is het oudste jaar dat de app kent. De bedragen voor {{year}} kunnen anders zijn. U kunt ze invullen bij Instellingen.', { year, used: usedYear });
  return { limits: used.row, exact: false, fallbackFrom: usedYear, requestedYear: year, fromOverride: used.fromOverride, message, ...(says ? { says } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Dates and age
// ---------------------------------------------------------------------------------------------

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function parseYmd(s: unknown): Ymd | null {
  if (typeof s !== 'string') return null;
  const match = DATE_RE.exec(s);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

function ageOnYmd(birth: Ymd, on: Ymd): number {
  // Someone born on 29 February has no birthday in a non-leap year. We then count 1 March as the
  // birthday (the day after 28 February), which is the usual reading in Dutch law for reaching an age.
  let bm = birth.m;
  let bd = birth.d;
  if (bm === 2 && bd === 29 && !isLeapYear(on.y)) {
    bm = 3;
    bd = 1;
  }
  let age = on.y - birth.y;
  if (on.m < bm || (on.m === bm && on.d < bd)) age -= 1;
  return age;
}

/**
 * Age in whole years on `date` (both YYYY-MM-DD). The birthday itself counts as the new age.
 * For someone born on 29 February, the birthday in a non-leap year is 1 March.
 */
export function ageOn(birthDate: string, date: string): number {
  const birth = parseYmd(birthDate);
  if (!birth) throw new KassaError('INVALID_INPUT', said('err.vol.birthDateInvalid', 'De geboortedatum "{{birthDate}}" klopt niet. Gebruik de vorm jjjj-mm-dd.', { birthDate: String(birthDate) }), { field: 'birthDate' });
  const on = parseYmd(date);
  if (!on) throw new KassaError('INVALID_INPUT', said('err.vol.dateInvalid', 'De datum "{{date}}" klopt niet. Gebruik de vorm jjjj-mm-dd.', { date: String(date) }), { field: 'date' });
  if (compareYmd(birth, on) > 0) {
    throw new KassaError('INVALID_INPUT', said('err.vol.birthAfterDate', 'De geboortedatum ligt na de datum. Controleer de geboortedatum.'), { field: 'birthDate' });
  }
  return ageOnYmd(birth, on);
}

/** The hourly limit in cents for the person's age on `date`: the adult rate when age ≥ threshold. */
export function hourlyLimitFor(limits: LimitsRow, birthDate: string, date: string): number {
  return ageOn(birthDate, date) >= limits.ageThreshold ? limits.perHourAdultCents : limits.perHourYoungCents;
}

// ---------------------------------------------------------------------------------------------
// Counting
// ---------------------------------------------------------------------------------------------

const MONTH_NAMES = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

function monthName(m: number): string {
  return MONTH_NAMES[m - 1] ?? String(m);
}

interface DatedPayment {
  ymd: Ymd;
  kind: VolunteerPaymentKind;
  amountCents: number;
  asWages: boolean;
}

function toDated(p: PastVolunteerPayment, field: string): DatedPayment {
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
function hasVolunteerFee(payments: readonly DatedPayment[], year: number): boolean {
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
function percentOf(part: number, whole: number): number {
  return Number((BigInt(part) * 100n) / BigInt(whole));
}

/** part / whole >= 4 / 5, in exact integers (part * 5 may pass 2^53 where part does not). */
function atLeast80(part: number, whole: number): boolean {
  return BigInt(part) * 5n >= BigInt(whole) * 4n;
}

function countsToward(p: DatedPayment, reimbursementsCount: boolean): boolean {
  if (p.asWages) return false;
  return p.kind === 'fee' || reimbursementsCount;
}

// ---------------------------------------------------------------------------------------------
// Checking one payment
// ---------------------------------------------------------------------------------------------

const HOURS_RE = /^\d{1,5}(\.\d{1,4})?$/;

function hoursNl(hours: Decimal): string {
  return hours.toString().replace('.', ',');
}

function minCents(a: number, b: number): number {
  return a < b ? a : b;
}

const AS_WAGES_ADVICE = 'Of betaal het bewust als loon. Dat moet u dan apart bevestigen.';
const REIMBURSEMENT_NOTE =
  'Onkostenvergoedingen tellen hier mee, omdat deze persoon dit jaar ook een vrijwilligersvergoeding krijgt.';
const OTHER_ORGS_NOTE =
  'Werkt deze persoon ook als vrijwilliger bij een andere organisatie? Dan tellen de vergoedingen samen. Vraag dat na.';

/**
 * The other month of the same year in which this amount would fit (the nearest later month first),
 * or null when no month would allow it (too high for any month, or for what is left of the year).
 */
function otherMonthThatFits(
  month: number, amountCents: number, history: readonly DatedPayment[], limits: LimitsRow, yearLeftCents: number, reimbursementsCount: boolean,
): number | null {
  if (amountCents > limits.perMonthCents || amountCents > yearLeftCents) return null;
  const perMonth = new Array<bigint>(13).fill(0n);
  for (const p of history) if (countsToward(p, reimbursementsCount)) perMonth[p.ymd.m]! += BigInt(p.amountCents);
  const order = [...Array.from({ length: 12 - month }, (_, i) => month + 1 + i), ...Array.from({ length: month - 1 }, (_, i) => month - 1 - i)];
  return order.find((m) => perMonth[m]! + BigInt(amountCents) <= BigInt(limits.perMonthCents)) ?? null;
}

/**
 * One short message for a payment over the monthly and/or yearly maximum: what is wrong, the most
 * that can still be paid this month and this year, another month only when one would allow it.
 */
function limitMessage(x: {
  date: Ymd; limits: LimitsRow; totals: VolunteerTotals; maxAmountCents: number; overMonth: boolean; overYear: boolean; amountCents: number;
  reimbursementInvolved: boolean; history: readonly DatedPayment[]; reimbursementsCount: boolean;
}): Said {
  const { date, limits, totals } = x;
  const month = monthName(date.m);
  const v = {
    month: date.m, year: date.y, perMonth: formatEuro(limits.perMonthCents), perYear: formatEuro(limits.perYearCents),
    monthAfter: formatEuro(totals.monthAfterCents), yearAfter: formatEuro(totals.yearAfterCents),
    max: formatEuro(x.maxAmountCents), left: formatEuro(totals.yearLeftCents),
  };
  const text = new Sentences();
  if (x.overMonth && x.overYear) {
    text.add(`Deze betaling is te hoog voor ${month} en voor heel ${date.y}. Het maximum is ${v.perMonth} per maand en ${v.perYear} per jaar.`, 'vol.bothTooHigh', v);
  } else if (x.overMonth) {
    text.add(`Deze betaling is te hoog voor ${month} ${date.y}. Deze persoon krijgt in ${month} dan ${v.monthAfter}. Het maximum is ${v.perMonth} per maand.`, 'vol.monthTooHigh', v);
  } else {
    text.add(`Deze betaling is te hoog voor het jaar ${date.y}. Deze persoon krijgt in ${date.y} dan ${v.yearAfter}. Het maximum is ${v.perYear} per jaar.`, 'vol.yearTooHigh', v);
  }
  if (x.reimbursementInvolved) text.add(REIMBURSEMENT_NOTE, 'vol.reimbursementNote');
  if (x.maxAmountCents > 0) text.add(`Wat kunt u doen? Betaal in ${month} niet meer dan ${v.max}.`, 'vol.monthAdviceMax', v);
  else text.add(`Wat kunt u doen? In ${month} kan er niets meer bij.`, 'vol.monthAdviceNothing', v);
  if (totals.yearLeftCents === 0) text.add(`In ${date.y} kan er niets meer bij.`, 'vol.yearAdviceNothing', v);
  else if (totals.yearLeftCents !== x.maxAmountCents) text.add(`In heel ${date.y} kan nog ${v.left}.`, 'vol.yearAdviceLeft', v);
  const other = otherMonthThatFits(date.m, x.amountCents, x.history, limits, totals.yearLeftCents, x.reimbursementsCount);
  if (other !== null) text.add(`Of betaal het in een andere maand, bijvoorbeeld ${monthName(other)}.`, 'vol.otherMonth', { otherMonth: other });
  text.add('Boven het maximum wordt de hele vergoeding loon.', 'vol.aboveIsWages');
  return text.said();
}

/**
 * Check one volunteer payment before it is saved. Blocks stop the payment; warnings need the
 * treasurer's attention. `history` holds the person's other payments (any year; only the
 * payment's calendar month and year are used) and must not contain the payment itself.
 */
export function checkVolunteerPayment(input: CheckVolunteerPaymentInput): CheckVolunteerPaymentResult {
  const { person, payment, limits } = input;
  const blocks: Issue[] = [];
  const warnings: Issue[] = [];
  const asWages = payment.asWages === true;

  // --- input checks -------------------------------------------------------------------------
  const date = parseYmd(payment.date);
  if (!date) {
    blocks.push({
      code: 'INVALID_DATE',
      ...said('err.vol.check.dateInvalid', 'De datum van de betaling klopt niet. Gebruik de vorm jjjj-mm-dd, bijvoorbeeld 2026-03-15.'),
      field: 'payment.date',
    });
  }

  let amountOk = false;
  if (!Number.isSafeInteger(payment.amountCents)) {
    blocks.push({
      code: 'INVALID_AMOUNT',
      ...said('err.vol.check.amountInvalid', 'Het bedrag klopt niet. Vul een bedrag in euro en cent in, bijvoorbeeld 25,50.'),
      field: 'payment.amount',
    });
  } else if (payment.amountCents <= 0) {
    blocks.push({
      code: 'INVALID_AMOUNT',
      ...said('err.vol.check.amountNotPositive', 'Het bedrag moet hoger zijn dan € 0,00. Vul het bedrag in dat u betaalt.'),
      field: 'payment.amount',
    });
  } else {
    amountOk = true;
  }

  let hours: Decimal | undefined;
  if (payment.hours !== undefined) {
    const h = typeof payment.hours === 'string' ? payment.hours.trim() : '';
    if (payment.kind !== 'fee') {
      blocks.push({
        code: 'INVALID_HOURS',
        ...said('err.vol.check.hoursNotFee', 'Uren horen alleen bij een vergoeding voor inzet. Bij een onkostenvergoeding laat u de uren leeg.'),
        field: 'payment.hours',
      });
    } else if (!HOURS_RE.test(h) || new Decimal(h).lte(0)) {
      blocks.push({
        code: 'INVALID_HOURS',
        ...said('err.vol.check.hoursInvalid', 'Het aantal uren klopt niet. Vul een getal hoger dan 0 in. Gebruik een punt voor een deel van een uur, bijvoorbeeld 2.5.'),
        field: 'payment.hours',
      });
    } else {
      hours = new Decimal(h);
    }
  }

  let birth: Ymd | undefined;
  if (person.birthDate !== undefined && person.birthDate !== '') {
    const b = parseYmd(person.birthDate);
    if (!b) {
      blocks.push({
        code: 'INVALID_BIRTHDATE',
        ...said('err.vol.check.birthDateInvalid', 'De geboortedatum klopt niet. Gebruik de vorm jjjj-mm-dd, bijvoorbeeld 1990-05-31.'),
        field: 'person.birthDate',
      });
    } else if (date && compareYmd(b, date) > 0) {
      blocks.push({
        code: 'INVALID_BIRTHDATE',
        ...said('err.vol.check.birthAfterPayment', 'De geboortedatum ligt na de datum van de betaling. Controleer de geboortedatum.'),
        field: 'person.birthDate',
      });
    } else {
      birth = b;
    }
  }

  const emptyTotals: VolunteerTotals = {
    monthCents: 0,
    yearCents: 0,
    monthLeftCents: limits.perMonthCents,
    yearLeftCents: limits.perYearCents,
    monthAfterCents: 0,
    yearAfterCents: 0,
  };
  if (!date) {
    return {
      status: 'blocked',
      blocks,
      warnings,
      totals: emptyTotals,
      maxAmountCents: minCents(limits.perMonthCents, limits.perYearCents),
      counted: false,
      reimbursementsCount: false,
    };
  }

  // --- totals ---------------------------------------------------------------------------------
  const history = input.history.map((p, i) => toDated(p, `history.${i}`));
  const sameYear = history.filter((p) => p.ymd.y === date.y);
  const current: DatedPayment = { ymd: date, kind: payment.kind, amountCents: amountOk ? payment.amountCents : 0, asWages };
  const reimbursementsCount = hasVolunteerFee([...sameYear, current], date.y);

  // Added up in BigInt: the sums and the limit checks on them stay exact (personCents).
  let yearSum = 0n;
  let monthSum = 0n;
  let monthReimbursementCents = 0n;
  let yearReimbursementCents = 0n;
  for (const p of sameYear) {
    if (!countsToward(p, reimbursementsCount)) continue;
    const cents = BigInt(p.amountCents);
    yearSum += cents;
    if (p.kind === 'reimbursement') yearReimbursementCents += cents;
    if (p.ymd.m === date.m) {
      monthSum += cents;
      if (p.kind === 'reimbursement') monthReimbursementCents += cents;
    }
  }
  const counted = amountOk && countsToward(current, reimbursementsCount);
  const add = counted ? BigInt(current.amountCents) : 0n;
  const monthCents = personCents(monthSum, date.y);
  const yearCents = personCents(yearSum, date.y);
  const totals: VolunteerTotals = {
    monthCents,
    yearCents,
    monthLeftCents: Math.max(0, limits.perMonthCents - monthCents),
    yearLeftCents: Math.max(0, limits.perYearCents - yearCents),
    monthAfterCents: personCents(monthSum + add, date.y),
    yearAfterCents: personCents(yearSum + add, date.y),
  };
  const maxAmountCents = minCents(totals.monthLeftCents, totals.yearLeftCents);
  const reimbursementInvolved = reimbursementsCount && (payment.kind === 'reimbursement' || monthReimbursementCents > 0n || yearReimbursementCents > 0n);

  // --- hourly limit -------------------------------------------------------------------------
  let hourlyRateCents: number | undefined;
  let hourlyLimitCents: number | undefined;
  let maxForHoursCents: number | undefined;
  if (hours && amountOk && payment.kind === 'fee') {
    hourlyRateCents = new Decimal(payment.amountCents).div(hours).toDecimalPlaces(0, Decimal.ROUND_UP).toNumber();
    if (birth) {
      const age = ageOnYmd(birth, date);
      const adult = age >= limits.ageThreshold;
      hourlyLimitCents = adult ? limits.perHourAdultCents : limits.perHourYoungCents;
      maxForHoursCents = new Decimal(hourlyLimitCents).times(hours).toDecimalPlaces(0, Decimal.ROUND_DOWN).toNumber();
      // Exact comparison: amount > limit × hours, both sides as exact decimals.
      const over = new Decimal(payment.amountCents).gt(new Decimal(hourlyLimitCents).times(hours));
      if (over && !asWages) {
        const group = adult ? `van ${limits.ageThreshold} jaar of ouder` : `jonger dan ${limits.ageThreshold} jaar`;
        const v = { amount: formatEuro(payment.amountCents), hours: hoursNl(hours), limit: formatEuro(hourlyLimitCents), age: limits.ageThreshold, year: limits.year, max: formatEuro(maxForHoursCents) };
        const text = new Sentences()
          .add(`De vergoeding per uur is te hoog. U betaalt ${v.amount} voor ${v.hours} uur. Dat is meer dan ${v.limit} per uur.`, 'vol.hourTooHigh', v)
          .add(`Voor iemand ${group} is dat het maximum in ${limits.year}.`, adult ? 'vol.hourMaxAdult' : 'vol.hourMaxYoung', v)
          .add('Boven dat maximum is de vergoeding loon.', 'vol.hourAboveIsWages')
          .add(`Wat kunt u doen? Betaal voor ${v.hours} uur niet meer dan ${v.max}.`, 'vol.hourAdvice', v)
          .add(AS_WAGES_ADVICE, 'vol.asWagesAdvice')
          .said();
        blocks.push({ code: 'HOUR_LIMIT', ...text, field: 'payment.amount' });
      }
    } else if (!asWages && (person.birthDate === undefined || person.birthDate === '')) {
      const text = new Sentences()
        .add(
          'Vul eerst de geboortedatum van deze persoon in. Het maximum per uur hangt af van de leeftijd. ' +
            'Zonder geboortedatum kan de app niet controleren of de vergoeding per uur te hoog is.',
          'vol.birthDateRequired',
        )
        .said();
      blocks.push({ code: 'BIRTHDATE_REQUIRED', ...text, field: 'person.birthDate' });
    }
  }

  // --- monthly and yearly limits --------------------------------------------------------------
  if (counted) {
    const overMonth = totals.monthAfterCents > limits.perMonthCents;
    const overYear = totals.yearAfterCents > limits.perYearCents;
    if (overMonth || overYear) {
      // One message for both maxima: the same advice twice in red only hides what is possible.
      blocks.push({
        code: overMonth ? 'MONTH_LIMIT' : 'YEAR_LIMIT',
        ...limitMessage({ date, limits, totals, maxAmountCents, overMonth, overYear, amountCents: current.amountCents, reimbursementInvolved, history: sameYear, reimbursementsCount }),
        field: 'payment.amount',
      });
    }
    // 80 % of the yearly maximum, in integer arithmetic: after / max >= 4 / 5. Not beside a block:
    // "with this payment" would describe a payment that cannot be made.
    if (!overMonth && !overYear && atLeast80(totals.yearAfterCents, limits.perYearCents)) {
      const percent = percentOf(totals.yearAfterCents, limits.perYearCents);
      const v = { year: date.y, after: formatEuro(totals.yearAfterCents), percent, perYear: formatEuro(limits.perYearCents), left: formatEuro(limits.perYearCents - totals.yearAfterCents) };
      const text = new Sentences()
        .add(
          `Deze persoon krijgt in ${date.y} met deze betaling samen ${v.after}. Dat is ${percent}% van het maximum van ${v.perYear} per jaar. Er blijft nog ${v.left} over voor dit jaar.`,
          'vol.year80',
          v,
        )
        .add(OTHER_ORGS_NOTE, 'vol.otherOrgs')
        .said();
      warnings.push({ code: 'YEAR_80', ...text });
    }
  }

  // --- warnings -------------------------------------------------------------------------------
  if (asWages) {
    warnings.push({
      code: 'AS_WAGES',
      says: [{ key: 'vol.asWages' }],
      message:
        'U betaalt dit bewust als loon. Dan is het geen vrijwilligersvergoeding. ' +
        'De stichting moet loonbelasting inhouden en aangifte doen bij de Belastingdienst. ' +
        'Dit bedrag telt niet mee voor het maximum van de vrijwilligersvergoeding. ' +
        'Let op: krijgt deze persoon voor hetzelfde werk ook een vrijwilligersvergoeding? Dan is dat ook loon. Vraag bij twijfel advies.',
    });
  }

  if (limits.year !== date.y) {
    warnings.push({
      code: 'LIMITS_OTHER_YEAR',
      says: [{ key: 'vol.limitsOtherYear', params: { year: date.y, used: limits.year } }],
      message:
        `Voor ${date.y} kent de app nog geen bedragen. De controle gebruikt de bedragen van ${limits.year}. ` +
        `Kijk op belastingdienst.nl of er nieuwe bedragen zijn. Vul die dan in bij Instellingen.`,
    });
  }

  if (person.benefit !== 'none') {
    const who =
      person.benefit === 'bijstand'
        ? { has: 'een bijstandsuitkering', to: 'de gemeente' }
        : person.benefit === 'uwv'
          ? { has: 'een uitkering van het UWV', to: 'het UWV' }
          : { has: 'een uitkering', to: 'de instantie die de uitkering betaalt' };
    warnings.push({
      code: 'BENEFIT_REPORT',
      says: [{ key: `vol.benefitReport.${person.benefit}` }],
      message:
        `Deze persoon heeft ${who.has}. De persoon moet elke betaling doorgeven aan ${who.to}. ` +
        `Dat moet ook als de vergoeding onbelast is. Wijs de persoon hierop.`,
    });
  }

  if (person.benefit === 'bijstand' && (payment.kind === 'fee' || counted)) {
    if (birth) {
      if (ageOnYmd(birth, date) < 27) {
        warnings.push({
          code: 'BIJSTAND_UNDER_27',
          says: [{ key: 'vol.bijstandUnder27' }],
          message:
            'Deze persoon is jonger dan 27 jaar en heeft bijstand. Voor jongeren onder 27 jaar gelden strengere regels. ' +
            'De gemeente mag de vergoeding dan van de uitkering aftrekken. Laat de persoon dit eerst navragen bij de gemeente.',
        });
      }
    } else if (person.birthDate === undefined || person.birthDate === '') {
      warnings.push({
        code: 'BIJSTAND_AGE_UNKNOWN',
        says: [{ key: 'vol.bijstandAgeUnknown' }],
        message:
          'Deze persoon heeft bijstand, maar de geboortedatum is niet bekend. ' +
          'Is de persoon jonger dan 27 jaar? Dan mag de gemeente de vergoeding van de uitkering aftrekken. ' +
          'Vul de geboortedatum in. Of laat de persoon het navragen bij de gemeente.',
      });
    }
  }

  if (person.alsoPaidOrInvoices) {
    warnings.push({
      code: 'PAID_ELSEWHERE_SAME_ORG',
      says: [{ key: 'vol.paidElsewhere' }],
      message:
        'Deze persoon krijgt van de stichting ook loon, of stuurt facturen. ' +
        'Voor hetzelfde werk mag de stichting dan geen vrijwilligersvergoeding geven. ' +
        'Gaat deze betaling over ander werk? Dan mag het wel. Is het hetzelfde werk? Betaal het dan als loon of via een factuur.',
    });
  }

  const result: CheckVolunteerPaymentResult = {
    status: blocks.length > 0 ? 'blocked' : warnings.length > 0 ? 'warn' : 'ok',
    blocks,
    warnings,
    totals,
    maxAmountCents,
    counted,
    reimbursementsCount,
  };
  if (hourlyRateCents !== undefined) result.hourlyRateCents = hourlyRateCents;
  if (hourlyLimitCents !== undefined) result.hourlyLimitCents = hourlyLimitCents;
  if (maxForHoursCents !== undefined) result.maxForHoursCents = maxForHoursCents;
  return result;
}

// ---------------------------------------------------------------------------------------------
// Year overview
// ---------------------------------------------------------------------------------------------

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
