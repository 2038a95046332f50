/** Bank date notations to ISO YYYY-MM-DD, with a calendar check. Returns null when not a real date. */

export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "20260105" */
export function fromCompact(s: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s.trim());
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** "2026-01-05", also the date part of "2026-01-05T10:00:00+01:00". */
export function fromIso(s: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(s.trim());
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** "05-01-2026" (day first, as Dutch banks write it). */
export function fromDutch(s: string): string | null {
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(s.trim());
  return m ? isoDate(Number(m[3]), Number(m[2]), Number(m[1])) : null;
}

/** SWIFT "260105" (YYMMDD); years 00–79 are 20xx, 80–99 are 19xx. */
export function fromSwift(s: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const yy = Number(m[1]);
  return isoDate(yy < 80 ? 2000 + yy : 1900 + yy, Number(m[2]), Number(m[3]));
}

/**
 * The MT940 booking date "MMDD" next to a value date: same year, except across New Year
 * (value 31 Dec, booked 2 Jan, or the other way round).
 */
export function swiftEntryDate(valueIso: string, mmdd: string): string | null {
  const m = /^(\d{2})(\d{2})$/.exec(mmdd);
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const valueYear = Number(valueIso.slice(0, 4));
  const valueMonth = Number(valueIso.slice(5, 7));
  let year = valueYear;
  if (valueMonth === 12 && month === 1) year += 1;
  else if (valueMonth === 1 && month === 12) year -= 1;
  return isoDate(year, month, day);
}
