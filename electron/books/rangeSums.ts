import type { Books } from '../db/books';

/**
 * Debit and credit per account over a date range, by one seek per account in the covering index
 * lines_account(account_id, date, entry_id, amount_cents, posted). One GROUP BY over the lines with a date
 * filter cannot seek (the index leads with the account) and read every line of the file: on 1M
 * postings a trial balance from a mid-year date scanned the index twice (~0.25 s CPU).
 */
export interface DebitCredit {
  debit: bigint;
  credit: bigint;
}

const FIRST = '0000-01-01';
const LAST = '9999-12-31';

/** Posted lines dated from `from` through `to` (inclusive; null: unbounded), per account id; empty accounts left out. */
export function lineSums(books: Books, from: string | null, to: string | null, into: Map<number, DebitCredit> = new Map()): Map<number, DebitCredit> {
  const lo = from ?? FIRST;
  const hi = to ?? LAST;
  if (lo > hi) return into;
  const ids = books.raw('SELECT id AS account_id FROM accounts ORDER BY id').all() as { account_id: number }[];
  // safeIntegers: sums can pass 2^53 cents. Its own SQL text, so no other caller shares the mode.
  const st = books
    .raw(
      `SELECT COALESCE(SUM(CASE WHEN amount_cents > 0 THEN amount_cents END), 0) AS debit,
              -COALESCE(SUM(CASE WHEN amount_cents < 0 THEN amount_cents END), 0) AS credit
       FROM lines WHERE account_id = ? AND date >= ? AND date <= ? AND posted = 1`,
    )
    .safeIntegers(true);
  for (const { account_id: id } of ids) {
    const r = st.get(id, lo, hi) as { debit: bigint; credit: bigint };
    if (r.debit === 0n && r.credit === 0n) continue;
    const t = into.get(id);
    if (t) {
      t.debit += r.debit;
      t.credit += r.credit;
    } else {
      into.set(id, { debit: r.debit, credit: r.credit });
    }
  }
  return into;
}

/** YYYY-MM-DD plus one day. */
function dayAfter(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** YYYY-MM-DD minus one day. */
function dayBefore(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * Posted lines from `from` through `to` per account: the fiscal years wholly inside the period from
 * account_totals (the posting trigger keeps them equal to their lines), the days around them from
 * the lines. `years` in date order.
 */
export function periodSums(books: Books, years: readonly { year: number; start: string; end: string }[], from: string | null, to: string | null): Map<number, DebitCredit> {
  const whole = years.filter((y) => (from === null || from <= y.start) && (to === null || y.end <= to));
  const first = whole[0];
  const last = whole[whole.length - 1];
  if (!first || !last) return lineSums(books, from, to);
  const sums = new Map<number, DebitCredit>();
  const totals = books
    .raw('SELECT account_id, SUM(debit_cents) AS debit, SUM(credit_cents) AS credit FROM account_totals WHERE year >= ? AND year <= ? GROUP BY account_id')
    .safeIntegers(true)
    .all(first.year, last.year) as { account_id: bigint; debit: bigint; credit: bigint }[];
  for (const t of totals) sums.set(Number(t.account_id), { debit: t.debit, credit: t.credit });
  lineSums(books, from, dayBefore(first.start), sums);
  for (let i = 1; i < whole.length; i++) lineSums(books, dayAfter(whole[i - 1]!.end), dayBefore(whole[i]!.start), sums);
  lineSums(books, dayAfter(last.end), to, sums);
  return sums;
}
