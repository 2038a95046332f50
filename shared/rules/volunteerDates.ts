import { KassaError } from '../errors';
import { said } from '../phrase';
import type { LimitsRow } from './volunteerLimitsData';

/** Dates, months and age for the volunteer-fee rules (the younger volunteers' hourly maximum goes by age). */

export interface Ymd {
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

export function parseYmd(s: unknown): Ymd | null {
  if (typeof s !== 'string') return null;
  const match = DATE_RE.exec(s);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function ageOnYmd(birth: Ymd, on: Ymd): number {
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

const MONTH_NAMES = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** The Dutch name of month 1–12, as the limit messages say it. */
export function monthName(m: number): string {
  return MONTH_NAMES[m - 1] ?? String(m);
}
