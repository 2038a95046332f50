import type { Statement } from 'better-sqlite3';

/**
 * Money sums read exactly. SQLite adds integer cents in 64 bits, but better-sqlite3 hands an
 * integer to JavaScript as a float by default, which rounds above 2^53 cents (about € 90 trillion;
 * a few thousand lines at the € 999.999.999,99 cap of a line). With safeIntegers every integer of
 * the row arrives as BigInt, so ids read this way need Number() again; format through centsToString.
 *
 * The statement keeps the mode: a books.raw() statement is shared by its SQL text, so SQL read
 * through these helpers must always be read through them.
 */
export function exactAll<T>(st: Statement, ...params: unknown[]): T[] {
  return st.safeIntegers(true).all(...params) as T[];
}

export function exactGet<T>(st: Statement, ...params: unknown[]): T | undefined {
  return st.safeIntegers(true).get(...params) as T | undefined;
}
