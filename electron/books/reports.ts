import { centsToString } from '../../shared/money';
import { KassaError } from '../../shared/errors';
import type { Dashboard, GeneralLedger, TrialBalance } from '../../shared/api/types';
import type { AccountType, MoneyKind } from '../../shared/chart';
import type { Books } from '../db/books';
import { entryRef } from './entries';

export interface Period {
  year?: number;
  from?: string;
  to?: string;
  /** Balance up to and including this date (trial balance at a date). */
  date?: string;
}

/** Turn a year and/or from/to/date into a date range on lines.date. No bounds = every posting. */
export function resolvePeriod(books: Books, p: Period): { from: string | null; to: string | null } {
  let from: string | null = p.from ?? null;
  let to: string | null = p.to ?? p.date ?? null;
  if (p.year !== undefined) {
    const fy = books.raw('SELECT start_date, end_date FROM fiscal_years WHERE year = ?').get(p.year) as { start_date: string; end_date: string } | undefined;
    if (!fy) throw new KassaError('NOT_FOUND', `Boekjaar ${p.year} bestaat niet in deze administratie.`, { field: 'year' });
    if (!from || from < fy.start_date) from = fy.start_date;
    if (!to || to > fy.end_date) to = fy.end_date;
  }
  return { from, to };
}

interface SumRow { code: string; name: string; type: AccountType; debit: bigint; credit: bigint }

/**
 * Trial balance (proefbalans): per account the sum of debits and of credits and the signed balance.
 * Money is summed as integers in SQLite and read as BigInt (safeIntegers), never as JS numbers:
 * totals can pass 2^53 cents even when every line is capped.
 */
export function trialBalance(books: Books, p: Period): TrialBalance {
  const { from, to } = resolvePeriod(books, p);
  const rows = wholeYears(books, p) ?? scanLines(books, from, to);
  let td = 0n;
  let tc = 0n;
  const accounts = rows.map((r) => {
    const d = BigInt(r.debit);
    const c = BigInt(r.credit);
    td += d;
    tc += c;
    return { code: r.code, name: r.name, type: r.type, debit: centsToString(d), credit: centsToString(c), balance: centsToString(d - c) };
  });
  return { accounts, totals: { debit: centsToString(td), credit: centsToString(tc) } };
}

/** A period of whole fiscal years (or everything) is read from account_totals: a few rows per account. */
function wholeYears(books: Books, p: Period): SumRow[] | null {
  if (p.from !== undefined || p.to !== undefined || p.date !== undefined) return null;
  const where = p.year !== undefined ? 'WHERE t.year = ?' : '';
  return books
    .raw(
      `SELECT a.code, a.name, a.type, SUM(t.debit_cents) AS debit, SUM(t.credit_cents) AS credit
       FROM account_totals t JOIN accounts a ON a.id = t.account_id ${where}
       GROUP BY t.account_id HAVING SUM(t.debit_cents) <> 0 OR SUM(t.credit_cents) <> 0 ORDER BY a.code`,
    )
    .safeIntegers(true)
    .all(...(p.year !== undefined ? [p.year] : [])) as SumRow[];
}

/** Any other period: one aggregate over the covering index lines(account_id, date, amount_cents, posted). */
function scanLines(books: Books, from: string | null, to: string | null): SumRow[] {
  const cond = ['l.posted = 1'];
  const params: string[] = [];
  if (from) { cond.push('l.date >= ?'); params.push(from); }
  if (to) { cond.push('l.date <= ?'); params.push(to); }
  return books
    .raw(
      `SELECT a.code, a.name, a.type, s.debit, s.credit FROM (
         SELECT l.account_id,
                COALESCE(SUM(CASE WHEN l.amount_cents > 0 THEN l.amount_cents END), 0) AS debit,
                -COALESCE(SUM(CASE WHEN l.amount_cents < 0 THEN l.amount_cents END), 0) AS credit
         FROM lines l WHERE ${cond.join(' AND ')} GROUP BY l.account_id
       ) s JOIN accounts a ON a.id = s.account_id ORDER BY a.code`,
    )
    .safeIntegers(true)
    .all(...params) as SumRow[];
}

export function generalLedger(books: Books, input: { account: string } & Period): GeneralLedger {
  const acc = books.first(books.db.selectFrom('accounts').select(['id', 'code', 'name', 'type']).where('code', '=', input.account));
  if (!acc) throw new KassaError('UNKNOWN_ACCOUNT', `Rekening ${input.account} bestaat niet.`, { field: 'account' });
  const { from, to } = resolvePeriod(books, input);
  const opening = from
    ? BigInt((books.raw('SELECT COALESCE(SUM(amount_cents), 0) AS s FROM lines WHERE account_id = ? AND posted = 1 AND date < ?').safeIntegers(true).get(acc.id, from) as { s: bigint }).s)
    : 0n;
  const cond = ['l.account_id = ?', 'l.posted = 1'];
  const params: unknown[] = [acc.id];
  if (from) { cond.push('l.date >= ?'); params.push(from); }
  if (to) { cond.push('l.date <= ?'); params.push(to); }
  const rows = books
    .raw(
      `SELECT e.id, j.code AS journal, e.year, e.number, e.date, COALESCE(l.description, e.description) AS description, l.amount_cents
       FROM lines l JOIN entries e ON e.id = l.entry_id JOIN journals j ON j.id = e.journal_id
       WHERE ${cond.join(' AND ')} ORDER BY l.date, e.id, l.id`,
    )
    .all(...params) as { id: number; journal: string; year: number; number: number; date: string; description: string; amount_cents: number }[];
  let bal = opening;
  let td = 0n;
  let tc = 0n;
  const out = rows.map((r) => {
    const c = BigInt(r.amount_cents);
    bal += c;
    if (c > 0n) td += c;
    else tc -= c;
    return {
      entryId: r.id, ref: entryRef(r.journal, r.year, r.number)!, date: r.date, description: r.description,
      debit: c > 0n ? centsToString(c) : null, credit: c < 0n ? centsToString(-c) : null, balance: centsToString(bal),
    };
  });
  return {
    account: { code: acc.code, name: acc.name, type: acc.type },
    opening: centsToString(opening), rows: out, closing: centsToString(bal),
    totals: { debit: centsToString(td), credit: centsToString(tc) },
  };
}

/** Bank and cash balances now, income and expenses of the year, and the result so far. */
export function dashboard(books: Books, input: { year?: number }): Dashboard {
  const year = input.year ?? (books.raw(`SELECT year FROM fiscal_years WHERE status = 'open' ORDER BY year DESC LIMIT 1`).get() as { year: number } | undefined)?.year ?? null;
  const money = books
    .raw(
      `SELECT a.code, a.name, a.kind, (SELECT COALESCE(SUM(amount_cents), 0) FROM lines l WHERE l.account_id = a.id AND l.posted = 1) AS bal
       FROM accounts a WHERE a.kind IS NOT NULL AND a.archived = 0 ORDER BY a.code`,
    )
    .safeIntegers(true)
    .all() as { code: string; name: string; kind: MoneyKind; bal: bigint }[];
  let income = 0n;
  let expenses = 0n;
  if (year !== null) {
    const sums = books
      .raw(
        `SELECT a.type, COALESCE(SUM(l.amount_cents), 0) AS s FROM lines l JOIN accounts a ON a.id = l.account_id
         JOIN fiscal_years f ON f.year = ? WHERE l.posted = 1 AND l.date BETWEEN f.start_date AND f.end_date
         AND a.type IN ('income','expense') GROUP BY a.type`,
      )
      .safeIntegers(true)
      .all(year) as { type: string; s: bigint }[];
    for (const s of sums) {
      if (s.type === 'income') income = -BigInt(s.s);
      else expenses = BigInt(s.s);
    }
  }
  return {
    year,
    money: money.map((m) => ({ code: m.code, name: m.name, kind: m.kind, balance: centsToString(BigInt(m.bal)) })),
    income: centsToString(income),
    expenses: centsToString(expenses),
    result: centsToString(income - expenses),
  };
}
