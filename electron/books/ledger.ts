import { centsToString } from '../../shared/money';
import { KassaError } from '../../shared/errors';
import type { AccountType } from '../../shared/chart';
import type { GeneralLedger, LedgerPage, LedgerRow } from '../../shared/api/types';
import type { Books } from '../db/books';
import { entryRef } from './entries';
import { resolvePeriod, type Period } from './reports';
import { yearOfDate } from './statements/balances';
import { said } from '../../shared/phrase';

/**
 * The general ledger (grootboek) of one account. Ledger order is (date, entry, line); a position in
 * it is a Key. Pages are read by keyset from lines_account(account_id, date, entry_id, …), so the
 * newest page of ten years is as quick as the oldest and any date is one index seek away; only the
 * lines of one day are put in entry and line order by a sort (migration 0019).
 * Every balance is summed as integers in SQLite and BigInt here, never as a float.
 */

interface Key { date: string; entryId: number; lineId: number }
interface LineRow { line_id: number; entry_id: number; date: string; amount_cents: number; description: string; journal: string; year: number; number: number }

/** Beyond any entry or line id: a key that sorts after every line of its date. */
const MAX_ID = 999_999_999_999_999;
const FIRST_DAY = '0000-01-01';
const LAST_DAY = '9999-12-31';

const cursorOf = (k: Key): string => `${k.date}~${k.entryId}~${k.lineId}`;
function parseCursor(c: string): Key {
  const [date, entryId, lineId] = c.split('~');
  return { date: date!, entryId: Number(entryId), lineId: Number(lineId) };
}
const keyOf = (r: LineRow): Key => ({ date: r.date, entryId: r.entry_id, lineId: r.line_id });

function findAccount(books: Books, code: string): { id: number; code: string; name: string; type: AccountType } {
  const acc = books.first(books.db.selectFrom('accounts').select(['id', 'code', 'name', 'type']).where('code', '=', code));
  if (!acc) throw new KassaError('UNKNOWN_ACCOUNT', said('err.account.unknown', 'Rekening {{code}} bestaat niet.', { code }), { field: 'account' });
  return acc;
}

function sum(books: Books, sql: string, ...params: unknown[]): bigint {
  return BigInt((books.raw(sql).safeIntegers(true).get(...params) as { s: bigint }).s);
}

/**
 * Balance of one account just before a position in ledger order: earlier fiscal years from
 * account_totals (one row per year), earlier days of the key's year over the covering index
 * lines_account, and the same day up to the key over the same index. So at most one year is scanned.
 */
function balanceBefore(books: Books, accountId: number, k: Key): bigint {
  const fy = yearOfDate(books, k.date);
  let s = 0n;
  if (fy) s += sum(books, 'SELECT COALESCE(SUM(debit_cents - credit_cents), 0) AS s FROM account_totals WHERE account_id = ? AND year < ?', accountId, fy.year);
  s += sum(
    books,
    'SELECT COALESCE(SUM(amount_cents), 0) AS s FROM lines WHERE account_id = ? AND posted = 1 AND date >= ? AND date < ?',
    accountId, fy?.start ?? FIRST_DAY, k.date,
  );
  s += sum(
    books,
    'SELECT COALESCE(SUM(amount_cents), 0) AS s FROM lines WHERE account_id = ? AND posted = 1 AND date = ? AND (entry_id, id) < (?, ?)',
    accountId, k.date, k.entryId, k.lineId,
  );
  return s;
}

const LINE_SELECT = `SELECT l.id AS line_id, l.entry_id, l.date, l.amount_cents, COALESCE(l.description, e.description) AS description,
  j.code AS journal, e.year, e.number
  FROM lines l JOIN entries e ON e.id = l.entry_id JOIN journals j ON j.id = e.journal_id`;

/** Rows in chronological order with the running balance after each, starting from `opening`. */
function withBalances(rows: LineRow[], opening: bigint): { rows: LedgerRow[]; closing: bigint; debit: bigint; credit: bigint } {
  let bal = opening;
  let debit = 0n;
  let credit = 0n;
  const out = rows.map((r): LedgerRow => {
    const c = BigInt(r.amount_cents);
    bal += c;
    if (c > 0n) debit += c;
    else credit -= c;
    return {
      entryId: r.entry_id, ref: entryRef(r.journal, r.year, r.number)!, date: r.date, description: r.description,
      debit: c > 0n ? centsToString(c) : null, credit: c < 0n ? centsToString(-c) : null, balance: centsToString(bal),
    };
  });
  return { rows: out, closing: bal, debit, credit };
}

/** The whole ledger of a period, oldest first (CLI, CSV, statements). */
export function generalLedger(books: Books, input: { account: string } & Period): GeneralLedger {
  const acc = findAccount(books, input.account);
  const { from, to } = resolvePeriod(books, input);
  const opening = from ? balanceBefore(books, acc.id, { date: from, entryId: 0, lineId: 0 }) : 0n;
  const rows = books
    .raw(`${LINE_SELECT} WHERE l.account_id = ? AND l.posted = 1 AND l.date >= ? AND l.date <= ? ORDER BY l.date, l.entry_id, l.id`)
    .all(acc.id, from ?? FIRST_DAY, to ?? LAST_DAY) as LineRow[];
  const r = withBalances(rows, opening);
  return {
    account: { code: acc.code, name: acc.name, type: acc.type },
    opening: centsToString(opening), rows: r.rows, closing: centsToString(r.closing),
    totals: { debit: centsToString(r.debit), credit: centsToString(r.credit) },
  };
}

export interface LedgerPageInput extends Period {
  account: string;
  order?: 'newest' | 'oldest';
  at?: string;
  older?: string;
  newer?: string;
  limit?: number;
}

/** Debit and credit totals and the number of lines of one account in a period (covering index lines_account). */
function periodSums(books: Books, accountId: number, from: string, to: string): { debit: bigint; credit: bigint; count: number } {
  const r = books
    .raw(
      `SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN amount_cents > 0 THEN amount_cents END), 0) AS d,
              -COALESCE(SUM(CASE WHEN amount_cents < 0 THEN amount_cents END), 0) AS c
       FROM lines WHERE account_id = ? AND posted = 1 AND date >= ? AND date <= ?`,
    )
    .safeIntegers(true)
    .get(accountId, from, to) as { n: bigint; d: bigint; c: bigint };
  return { debit: BigInt(r.d), credit: BigInt(r.c), count: Number(r.n) };
}

/**
 * One page of the ledger: `limit` lines before (newest first) or after (oldest first) a start key,
 * inside the period. The start is the period's end or start, a date (`at`), or the edge of the page
 * shown before (`older`/`newer`).
 */
export function ledgerPage(books: Books, input: LedgerPageInput): LedgerPage {
  const acc = findAccount(books, input.account);
  const period = resolvePeriod(books, input);
  const from = period.from ?? FIRST_DAY;
  const to = period.to ?? LAST_DAY;
  const order = input.order ?? 'newest';
  const limit = input.limit ?? 200;

  /** The period's dates, narrowed to the side of `k` that a walk down (or up) reads. */
  const toward = (isDown: boolean, k: Key): [string, string] => (isDown ? [from, k.date < to ? k.date : to] : [k.date > from ? k.date : from, to]);

  // Walk down (to older lines) below a key, or up (to newer lines) above one.
  let down: boolean;
  let start: Key;
  if (input.older !== undefined) [down, start] = [true, parseCursor(input.older)];
  else if (input.newer !== undefined) [down, start] = [false, parseCursor(input.newer)];
  else if (order === 'newest') [down, start] = [true, { date: input.at ?? to, entryId: MAX_ID, lineId: MAX_ID }];
  else [down, start] = [false, { date: input.at ?? from, entryId: 0, lineId: 0 }];

  const inPeriod = 'l.account_id = ? AND l.posted = 1 AND l.date >= ? AND l.date <= ?';
  // The key's date also bounds the date range: SQLite seeks the index by date alone and otherwise
  // takes the period's edge as the start, walking years of lines to reach a key in the middle.
  const fetched = books
    .raw(
      `${LINE_SELECT} WHERE ${inPeriod} AND (l.date, l.entry_id, l.id) ${down ? '<' : '>'} (?, ?, ?)
       ORDER BY l.date ${down ? 'DESC' : 'ASC'}, l.entry_id ${down ? 'DESC' : 'ASC'}, l.id ${down ? 'DESC' : 'ASC'} LIMIT ?`,
    )
    .all(acc.id, ...toward(down, start), start.date, start.entryId, start.lineId, limit) as LineRow[];
  const chrono = down ? fetched.reverse() : fetched;

  const opening = period.from ? balanceBefore(books, acc.id, { date: from, entryId: 0, lineId: 0 }) : 0n;
  const sums = periodSums(books, acc.id, from, to);
  const closing = opening + sums.debit - sums.credit;

  const exists = (k: Key, below: boolean): boolean =>
    books.raw(`SELECT 1 FROM lines l WHERE ${inPeriod} AND (l.date, l.entry_id, l.id) ${below ? '<' : '>'} (?, ?, ?) LIMIT 1`)
      .get(acc.id, ...toward(below, k), k.date, k.entryId, k.lineId) !== undefined;

  const first = chrono[0];
  const last = chrono[chrono.length - 1];
  // An empty page: nothing on this side of the start, so everything of the period is on the other.
  const pageOpening = first ? balanceBefore(books, acc.id, keyOf(first)) : down ? opening : closing;
  const r = withBalances(chrono, pageOpening);
  const older = first ? (exists(keyOf(first), true) ? cursorOf(keyOf(first)) : null) : !down && exists(start, true) ? cursorOf(start) : null;
  const newer = last ? (exists(keyOf(last), false) ? cursorOf(keyOf(last)) : null) : down && exists(start, false) ? cursorOf(start) : null;

  return {
    account: { code: acc.code, name: acc.name, type: acc.type },
    opening: centsToString(opening), closing: centsToString(closing),
    totals: { debit: centsToString(sums.debit), credit: centsToString(sums.credit) },
    count: sums.count,
    order,
    rows: order === 'newest' ? r.rows.reverse() : r.rows,
    page: { opening: centsToString(pageOpening), closing: centsToString(r.closing), older, newer },
  };
}
