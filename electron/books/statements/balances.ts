import { KassaError } from '../../../shared/errors';
import type { AccountType, Layout, MoneyKind } from '../../../shared/chart';
import type { Statement } from 'better-sqlite3';
import type { Books } from '../../db/books';
import { exactAll } from '../../db/exact';
import { lineSums } from '../rangeSums';
import { said } from '../../../shared/phrase';

/**
 * The figures the statements are made of, read with a handful of aggregate queries:
 * - whole fiscal years come from account_totals (kept by the posting trigger: a few rows per account),
 * - a date inside a year adds one range scan over the covering index lines_account(account_id, date, entry_id, amount_cents, posted),
 * - closing entries (and reversals of them) are found through the partial index entries_closing.
 * Money is summed as integers in SQLite and as BigInt here; never a float.
 *
 * Balances are signed: debit positive, credit negative (like reports.trialBalance).
 * No opening-balance entry is booked at year end: balance-sheet accounts simply carry on, because
 * every balance is cumulative over all years up to the date. The opening balance of a year is
 * derived (the balance at the day before it starts), e.g. for the XAF openingBalance element.
 */

export type Balances = Map<number, bigint>;

export interface AccountInfo {
  id: number;
  code: string;
  name: string;
  type: AccountType;
  lineRj640: string;
  lineRj650: string;
  kind: MoneyKind | null;
  iban: string | null;
  rgsCode: string | null;
  archived: boolean;
}

export interface YearRow {
  year: number;
  start: string;
  end: string;
  status: 'open' | 'closed';
}

export function accountsInfo(books: Books): AccountInfo[] {
  const rows = books
    .raw('SELECT id, code, name, type, line_rj640, line_rj650, kind, iban, rgs_code, archived FROM accounts ORDER BY code')
    .all() as { id: number; code: string; name: string; type: AccountType; line_rj640: string; line_rj650: string; kind: MoneyKind | null; iban: string | null; rgs_code: string | null; archived: number }[];
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, type: r.type, lineRj640: r.line_rj640, lineRj650: r.line_rj650, kind: r.kind, iban: r.iban,
    rgsCode: r.rgs_code, archived: r.archived === 1,
  }));
}

export function isProfitAndLossAccount(a: AccountInfo): boolean {
  return a.type === 'income' || a.type === 'expense';
}

export function mappedLine(a: AccountInfo, layout: Layout): string {
  return layout === 'rj650' ? a.lineRj650 : a.lineRj640;
}

export function organisationLayout(books: Books): Layout {
  const r = books.raw('SELECT layout FROM organisation WHERE id = 1').get() as { layout: Layout } | undefined;
  return r?.layout ?? 'rj640';
}

const YEAR_SQL = 'SELECT year, start_date AS start, end_date AS end, status FROM fiscal_years';

export function getYear(books: Books, year: number, field = 'year'): YearRow {
  const r = books.raw(`${YEAR_SQL} WHERE year = ?`).get(year) as YearRow | undefined;
  if (!r) throw new KassaError('NOT_FOUND', said('err.year.notInAdministration', 'Boekjaar {{year}} bestaat niet in deze administratie.', { year }), { field });
  return r;
}

export function findYear(books: Books, year: number): YearRow | undefined {
  return books.raw(`${YEAR_SQL} WHERE year = ?`).get(year) as YearRow | undefined;
}

export function yearOfDate(books: Books, date: string): YearRow | undefined {
  return books.raw(`${YEAR_SQL} WHERE start_date <= ? AND end_date >= ?`).get(date, date) as YearRow | undefined;
}

export function allYears(books: Books): YearRow[] {
  return books.raw(`${YEAR_SQL} ORDER BY year`).all() as YearRow[];
}

/** YYYY-MM-DD minus one day. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return new Date(d.getTime() - 86_400_000).toISOString().slice(0, 10);
}

/** Sums per account, read exactly (every integer of the row as BigInt). */
type SumRows = { account_id: bigint; s: bigint | null }[];
const exact = (st: Statement, ...params: unknown[]) => exactAll<SumRows[number]>(st, ...params);

function toMap(rows: SumRows): Balances {
  const m: Balances = new Map();
  for (const r of rows) {
    const v = r.s ?? 0n;
    if (v !== 0n) m.set(Number(r.account_id), v);
  }
  return m;
}

/** Balance of every account over the whole fiscal year (every posted entry, closing entries included). */
export function yearBalances(books: Books, year: number): Balances {
  return toMap(exact(books.raw('SELECT account_id, debit_cents - credit_cents AS s FROM account_totals WHERE year = ?'), year));
}

/** Balance of every account over all fiscal years up to and including `year`. */
function balancesThroughYear(books: Books, year: number): Balances {
  return toMap(exact(books.raw('SELECT account_id, SUM(debit_cents - credit_cents) AS s FROM account_totals WHERE year <= ? GROUP BY account_id'), year));
}

/** Posted lines from `from` (null: the first) through `to`, per account: index seeks (rangeSums.ts). */
function scanLines(books: Books, from: string | null, to: string): Balances {
  const m: Balances = new Map();
  for (const [id, { debit, credit }] of lineSums(books, from, to)) if (debit !== credit) m.set(id, debit - credit);
  return m;
}

export function addInto(target: Balances, add: Balances, factor = 1n): Balances {
  for (const [k, v] of add) {
    const n = (target.get(k) ?? 0n) + v * factor;
    if (n === 0n) target.delete(k);
    else target.set(k, n);
  }
  return target;
}

/** Cumulative balance of every account at the end of `date` (all posted entries dated on or before it). */
export function balancesAt(books: Books, date: string): Balances {
  const fy = yearOfDate(books, date);
  if (fy) {
    if (date === fy.end) return balancesThroughYear(books, fy.year);
    return addInto(balancesThroughYear(books, fy.year - 1), scanLines(books, fy.start, date));
  }
  const years = allYears(books);
  const last = years[years.length - 1];
  if (!last || date < (years[0]?.start ?? '')) return new Map();
  if (date > last.end) return balancesThroughYear(books, last.year);
  return scanLines(books, null, date);
}

/** Entries of a year that are closing entries or reversals of one. */
export function closingEntryIds(books: Books, year: number): number[] {
  const closing = books.raw(`SELECT id FROM entries WHERE source = 'closing' AND year = ? AND status = 'posted'`).all(year) as { id: number }[];
  if (closing.length === 0) return [];
  const ids = closing.map((c) => c.id);
  const reversals = books
    .raw(`SELECT id FROM entries WHERE reversal_of IN (SELECT value FROM json_each(?)) AND status = 'posted'`)
    .all(JSON.stringify(ids)) as { id: number }[];
  return [...ids, ...reversals.map((r) => r.id)];
}

export function entriesBalances(books: Books, ids: number[]): Balances {
  if (ids.length === 0) return new Map();
  return toMap(exact(books.raw('SELECT account_id, SUM(amount_cents) AS s FROM lines WHERE entry_id IN (SELECT value FROM json_each(?)) GROUP BY account_id'), JSON.stringify(ids)));
}

/** The year's figures as the income statement shows them: closing entries and their reversals left out. */
export function operatingBalances(books: Books, year: number): Balances {
  return addInto(yearBalances(books, year), entriesBalances(books, closingEntryIds(books, year)), -1n);
}

/** The closing entry of a year that is still in force (not reversed by a reopen), if any. */
export function activeClosingEntry(books: Books, year: number): { id: number; journal: string; number: number; date: string } | undefined {
  return books
    .raw(
      `SELECT e.id, j.code AS journal, e.number, e.date FROM entries e JOIN journals j ON j.id = e.journal_id
       WHERE e.source = 'closing' AND e.year = ? AND e.status = 'posted'
         AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.reversal_of = e.id)
       ORDER BY e.id DESC LIMIT 1`,
    )
    .get(year) as { id: number; journal: string; number: number; date: string } | undefined;
}

export function hasTable(books: Books, name: string): boolean {
  return books.raw(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

export function tableColumns(books: Books, name: string): Set<string> {
  return new Set((books.raw(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[]).map((r) => r.name));
}

/**
 * The annual budget (begroting, table `budgets` of migration 0004) as signed balances: budget amounts
 * are positive in the account's natural direction, so income becomes a credit and expenses a debit.
 * Null when the table is missing or the year has no budget.
 */
export function budgetBalances(books: Books, year: number, accounts: AccountInfo[]): Balances | null {
  if (!hasTable(books, 'budgets')) return null;
  const cols = tableColumns(books, 'budgets');
  if (!cols.has('year') || !cols.has('account_id') || !cols.has('amount_cents')) return null;
  const rows = exact(books.raw('SELECT account_id, SUM(amount_cents) AS s FROM budgets WHERE year = ? GROUP BY account_id'), year);
  if (rows.length === 0) return null;
  const types = new Map(accounts.map((a) => [a.id, a.type]));
  const m: Balances = new Map();
  for (const r of rows) {
    const id = Number(r.account_id);
    const t = types.get(id);
    const v = r.s ?? 0n;
    if (v === 0n || !t) continue;
    m.set(id, t === 'income' || t === 'liability' || t === 'equity' ? -v : v);
  }
  return m;
}
