import { centsToString } from '../../shared/cents';
import { KassaError } from '../../shared/errors';
import type { Dashboard, TrialBalance, TrialBalanceRow } from '../../shared/api/types';
import { EARLIER_RESULT } from '../../shared/rgs';
import type { AccountType, MoneyKind } from '../../shared/chart';
import type { Books } from '../db/books';
import { allYears, balancesAt, dayBefore, yearOfDate } from './statements/balances';
import { periodSums } from './rangeSums';
import { said } from '../../shared/phrase';

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
    if (!fy) throw new KassaError('NOT_FOUND', said('err.year.notInAdministration', 'Boekjaar {{year}} bestaat niet in deze administratie.', { year: p.year }), { field: 'year' });
    if (!from || from < fy.start_date) from = fy.start_date;
    if (!to || to > fy.end_date) to = fy.end_date;
  }
  return { from, to };
}

interface SumRow { account_id: number; debit: bigint; credit: bigint }
interface AccountRow { id: number; code: string; name: string; type: AccountType }

/**
 * Trial balance (proefbalans): per account the balance at the start of the period, the sum of
 * debits and of credits in it, and the balance at its end. Balance-sheet accounts open with their
 * balance carried over from every earlier posting; income and expense accounts open at zero at the
 * start of a fiscal year (a period starting inside a year opens them with that year's postings so
 * far). Their totals of earlier years not yet appropriated by a closing entry open on one equity
 * line (EARLIER_RESULT), as the balance sheet shows it, so the opening column balances.
 * Money is summed as integers in SQLite and BigInt, never in JS floats.
 */
export function trialBalance(books: Books, p: Period): TrialBalance {
  const { from, to } = resolvePeriod(books, p);
  const whole = wholeYears(books, p);
  const sums: Map<number, { debit: bigint; credit: bigint }> = whole
    ? new Map(whole.map((r) => [Number(r.account_id), { debit: BigInt(r.debit), credit: BigInt(r.credit) }]))
    : periodSums(books, allYears(books), from, to);
  const opening = from ? openingBalances(books, from) : { accounts: new Map<number, bigint>(), earlier: 0n };
  const accounts = books.raw('SELECT id, code, name, type FROM accounts ORDER BY code').all() as AccountRow[];
  const t = { opening: 0n, debit: 0n, credit: 0n, closing: 0n };
  const rows: TrialBalanceRow[] = [];
  const add = (a: Omit<AccountRow, 'id'>, kind: TrialBalanceRow['kind'], o: bigint, d: bigint, c: bigint): void => {
    t.opening += o;
    t.debit += d;
    t.credit += c;
    t.closing += o + d - c;
    rows.push({
      code: a.code, name: a.name, type: a.type, kind,
      opening: centsToString(o), debit: centsToString(d), credit: centsToString(c), balance: centsToString(d - c), closing: centsToString(o + d - c),
    });
  };
  let lastEquity = -1;
  for (const a of accounts) {
    const s = sums.get(a.id);
    const o = opening.accounts.get(a.id) ?? 0n;
    const d = BigInt(s?.debit ?? 0);
    const c = BigInt(s?.credit ?? 0);
    if (o === 0n && d === 0n && c === 0n) continue;
    add(a, 'account', o, d, c);
    if (a.type === 'equity') lastEquity = rows.length - 1;
  }
  if (opening.earlier !== 0n) {
    add({ code: EARLIER_RESULT.code, name: EARLIER_RESULT.name, type: 'equity' }, 'earlierResult', opening.earlier, 0n, 0n);
    // Shown with the reserves, right after the last equity account, as on the balance sheet.
    rows.splice(lastEquity + 1, 0, rows.pop()!);
  }
  const str = (v: bigint) => centsToString(v);
  return { accounts: rows, totals: { opening: str(t.opening), debit: str(t.debit), credit: str(t.credit), closing: str(t.closing) } };
}

/**
 * Opening balances on the day `from` starts: per account, and the earlier years' result (the
 * income and expense balances from before the fiscal year of `from`, signed like a balance: a
 * surplus is a credit). Whole years read account_totals only.
 */
export function openingBalances(books: Books, from: string): { accounts: Map<number, bigint>; earlier: bigint } {
  const all = balancesAt(books, dayBefore(from));
  const fy = yearOfDate(books, from);
  const beforeYear = !fy || fy.start === from ? all : balancesAt(books, dayBefore(fy.start));
  const profitAndLoss = new Set(
    (books.raw(`SELECT id FROM accounts WHERE type IN ('income', 'expense')`).all() as { id: number }[]).map((r) => r.id),
  );
  const accounts = new Map<number, bigint>();
  let earlier = 0n;
  for (const [id, v] of all) if (!profitAndLoss.has(id)) accounts.set(id, v);
  for (const id of profitAndLoss) {
    const before = beforeYear.get(id) ?? 0n;
    earlier += before;
    const inYear = (all.get(id) ?? 0n) - before;
    if (inYear !== 0n) accounts.set(id, inYear);
  }
  return { accounts, earlier };
}

/** A period of whole fiscal years (or everything) is read from account_totals: a few rows per account. */
function wholeYears(books: Books, p: Period): SumRow[] | null {
  if (p.from !== undefined || p.to !== undefined || p.date !== undefined) return null;
  const where = p.year !== undefined ? 'WHERE year = ?' : '';
  return books
    .raw(`SELECT account_id, SUM(debit_cents) AS debit, SUM(credit_cents) AS credit FROM account_totals ${where} GROUP BY account_id`)
    // BigInt: totals can pass 2^53 cents even when every line is capped.
    .safeIntegers(true)
    .all(...(p.year !== undefined ? [p.year] : [])) as SumRow[];
}

/** Bank and cash balances now, income and expenses of the year, and the result so far. */
/**
 * The dashboard's figures from account_totals (kept per account and fiscal year by the posting
 * trigger): a few rows instead of every posting of the bank accounts and of the year, which took
 * ~40 ms on 100k entries at every start. A posted entry's lines lie within its fiscal year (triggers
 * NO_OPEN_YEAR and LINE_MISMATCH), so the year's totals are the lines dated in that year.
 */
export function dashboard(books: Books, input: { year?: number }): Dashboard {
  const year = input.year ?? (books.raw(`SELECT year FROM fiscal_years WHERE status = 'open' ORDER BY year DESC LIMIT 1`).get() as { year: number } | undefined)?.year ?? null;
  const money = books
    .raw(
      `SELECT a.code, a.name, a.kind,
              (SELECT COALESCE(SUM(t.debit_cents - t.credit_cents), 0) FROM account_totals t WHERE t.account_id = a.id) AS bal
       FROM accounts a WHERE a.kind IS NOT NULL AND a.archived = 0 ORDER BY a.code`,
    )
    .safeIntegers(true)
    .all() as { code: string; name: string; kind: MoneyKind; bal: bigint }[];
  let income = 0n;
  let expenses = 0n;
  if (year !== null) {
    const sums = books
      .raw(
        `SELECT a.type, COALESCE(SUM(t.debit_cents - t.credit_cents), 0) AS s FROM account_totals t JOIN accounts a ON a.id = t.account_id
         WHERE t.year = ? AND a.type IN ('income','expense') GROUP BY a.type`,
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
