/**
 * Helpers for the statements tests: demo books on a real file, and exact cent arithmetic over the
 * statements' rows.
 */
import type { Books } from '../../../electron/db/books';
import { generateDemo } from '../../../electron/books/demo';
import type { BalanceSheet, StatementRow } from '../../../shared/api/statements';
import { cents, makeBooks, type TestBooks } from '../helpers';

export const FIRST_YEAR = 2022;
export const LAST_YEAR = 2024;

/** Demo books of three fiscal years (2022–2024), all open. */
export async function demoBooks(opts: { transactions?: number; seed?: number; extra?: Record<string, unknown> } = {}): Promise<TestBooks & { books: Books }> {
  const tb = await makeBooks({ year: FIRST_YEAR, ...(opts.extra ? { extra: opts.extra } : {}) });
  const books = tb.session.books!;
  generateDemo(books, { transactions: opts.transactions ?? 2400, seed: opts.seed ?? 7, years: LAST_YEAR - FIRST_YEAR + 1, endYear: LAST_YEAR });
  return { ...tb, books };
}

export function row(rows: StatementRow[], key: string): StatementRow {
  const r = rows.find((x) => x.key === key);
  if (!r) throw new Error(`row ${key} missing: ${rows.map((x) => x.key).join(', ')}`);
  return r;
}

export function amountOf(rows: StatementRow[], key: string, col: 'current' | 'previous' | 'budget' = 'current'): bigint {
  const v = row(rows, key)[col];
  if (v === null) throw new Error(`row ${key} has no ${col}`);
  return cents(v);
}

/** Equity as the balance sheet shows it: reserves and funds including any undivided result. */
export function equityOf(bs: BalanceSheet, col: 'current' | 'previous' = 'current'): bigint {
  return amountOf(bs.passiva, 'totaal_reserves_en_fondsen', col);
}

/** Every month end of a year plus a few odd dates. */
export function datesIn(year: number): string[] {
  const out: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const end = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
    out.push(end, `${year}-${String(m).padStart(2, '0')}-15`);
  }
  out.push(`${year}-01-01`);
  return out;
}
