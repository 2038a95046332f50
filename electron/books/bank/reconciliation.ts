/**
 * Reconciliation (aansluiting): does the bank balance on each statement date equal the balance of
 * the bank account in the books? The bank side comes from the imported statements (stored in
 * `reconciliations`, one row per account and date); the book side is always recomputed from the
 * posted lines, because any entry on the bank account changes it. Differences are shown, never
 * hidden: the part still waiting in the inbox is named separately.
 *
 * For the year-end check (issue 7): `reconciliationStatus(books, year)`.
 */
import { formatDateNl } from '../../../shared/dates';
import { KassaError } from '../../../shared/errors';
import { centsToString, formatEuro } from '../../../shared/money';
import { said, Sentences, type Phrase, type Said } from '../../../shared/phrase';
import { addDifference } from '../../../shared/rules/bankDifference';
import type {
  BankAccountReconciliationStatus, BankReconciliation, BankReconciliationRow, BankReconciliationStatus, BankWarning,
} from '../../../shared/api/bank';
import type { Books } from '../../db/books';
import { exactAll, exactGet } from '../../db/exact';
import { nowIso } from '../clock';
import { accountRef, bankAccountByCode, bankAccounts } from './bankAccounts';
import { TX_SELECT, toTransactions, type TxRow } from './transactions';

/** YYYY-MM-DD of the day before. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function dayAfter(date: string): string {
  return shiftDays(date, 1);
}

/** The date `days` calendar days later (earlier when negative). */
export function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The opening entry (beginbalans, source 'opening') and its reversals. The opening entry is dated on
 * the first day of the first year but states the balance at the end of the day before: that is the
 * day a bank statement starting on the first day gives as its opening balance.
 */
const OPENING_ENTRIES = `SELECT id FROM entries WHERE source = 'opening'
  UNION ALL SELECT r.id FROM entries o JOIN entries r ON r.reversal_of = o.id WHERE o.source = 'opening'`;

/** Balance of an account in the books at the end of a day: posted lines only, summed in SQLite, read exactly. */
export function bookBalanceAt(books: Books, accountId: number, date: string): bigint {
  const r = exactGet<{ n: bigint }>(books.raw('SELECT COALESCE(SUM(amount_cents), 0) AS n FROM lines WHERE account_id = ? AND date <= ? AND posted = 1'), accountId, date)!;
  const opening = exactGet<{ n: bigint }>(
    books.raw(`SELECT COALESCE(SUM(amount_cents), 0) AS n FROM lines WHERE account_id = ? AND date = ? AND posted = 1 AND entry_id IN (${OPENING_ENTRIES})`),
    accountId, dayAfter(date),
  )!;
  return r.n + opening.n;
}

/** Posted lines per day, with the opening entry's lines moved to the day before their date. */
function dailyBookMoves(books: Books, accountId: number): { date: string; s: bigint }[] {
  const daily = exactAll<{ date: string; s: bigint }>(books.raw('SELECT date, SUM(amount_cents) AS s FROM lines WHERE account_id = ? AND posted = 1 GROUP BY date ORDER BY date'), accountId);
  const opening = exactAll<{ date: string; s: bigint }>(
    books.raw(`SELECT date, SUM(amount_cents) AS s FROM lines WHERE account_id = ? AND posted = 1 AND entry_id IN (${OPENING_ENTRIES}) GROUP BY date`),
    accountId,
  );
  if (opening.length === 0) return daily;
  const byDate = new Map(daily.map((d) => [d.date, d.s]));
  for (const o of opening) {
    byDate.set(o.date, (byDate.get(o.date) ?? 0n) - o.s);
    const before = dayBefore(o.date);
    byDate.set(before, (byDate.get(before) ?? 0n) + o.s);
  }
  return [...byDate.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([date, s]) => ({ date, s }));
}

/** Inbox lines (not booked, not ignored) of a bank account up to and including a date. */
export function inboxUpTo(books: Books, accountId: number, date: string): { count: number; cents: bigint } {
  const r = exactGet<{ n: bigint; s: bigint }>(
    books.raw(`SELECT COUNT(*) AS n, COALESCE(SUM(amount_cents), 0) AS s FROM bank_transactions WHERE status = 'inbox' AND account_id = ? AND date <= ?`),
    accountId, date,
  )!;
  return { count: Number(r.n), cents: r.s };
}

/**
 * Store what a statement says the balance was on a date. A second statement that says something
 * else about the same date does not overwrite the first: it becomes a warning.
 */
export function recordStatementBalance(books: Books, accountId: number, importId: number, date: string, cents: number): BankWarning | null {
  const old = books.raw('SELECT bank_balance_cents AS c FROM reconciliations WHERE account_id = ? AND statement_date = ?').get(accountId, date) as { c: number } | undefined;
  if (old) {
    if (old.c === cents) return null;
    return said('err.bankWarn.otherBalance', 'Volgens dit afschrift was het saldo op {{date}} {{amount}}, maar volgens een eerder afschrift {{earlier}}. Controleer bij de bank welk afschrift klopt.', {
      date: formatDateNl(date), amount: formatEuro(cents), earlier: formatEuro(old.c),
    });
  }
  books
    .raw(`INSERT INTO reconciliations (account_id, statement_date, bank_balance_cents, book_balance_cents, difference_cents, import_id, checked_at, reconciled_at)
          VALUES (?, ?, ?, 0, ?, ?, ?, NULL)`)
    .run(accountId, date, cents, cents, importId, nowIso());
  return null;
}

interface PointRow { id: number; statement_date: string; bank_balance_cents: number; import_id: number; reconciled_at: string | null }

interface LivePoint {
  row: PointRow;
  /** The statement's balance, as BigInt for the sums with the book side. */
  bank: bigint;
  book: bigint;
  unbooked: number;
  unbookedCents: bigint;
}

/** Every statement date of an account with the book balance and the inbox at that date, in one pass over the lines. */
function livePoints(books: Books, accountId: number): LivePoint[] {
  const points = books
    .raw('SELECT id, statement_date, bank_balance_cents, import_id, reconciled_at FROM reconciliations WHERE account_id = ? ORDER BY statement_date')
    .all(accountId) as PointRow[];
  if (points.length === 0) return [];
  const daily = dailyBookMoves(books, accountId);
  const inbox = exactAll<{ date: string; n: bigint; s: bigint }>(
    books.raw(`SELECT date, COUNT(*) AS n, SUM(amount_cents) AS s FROM bank_transactions WHERE status = 'inbox' AND account_id = ? GROUP BY date ORDER BY date`),
    accountId,
  );
  let di = 0;
  let ii = 0;
  let book = 0n;
  let unbooked = 0;
  let unbookedCents = 0n;
  return points.map((row) => {
    while (di < daily.length && daily[di]!.date <= row.statement_date) book += daily[di++]!.s;
    while (ii < inbox.length && inbox[ii]!.date <= row.statement_date) {
      const x = inbox[ii++]!;
      unbooked += Number(x.n);
      unbookedCents += x.s;
    }
    return { row, bank: BigInt(row.bank_balance_cents), book, unbooked, unbookedCents };
  });
}

/** Store the current book balance and difference per statement date (after an import, a confirm or a reopen). */
export function refreshReconciliations(books: Books, accountId: number): void {
  const now = nowIso();
  const upd = books.raw('UPDATE reconciliations SET book_balance_cents = ?, difference_cents = ?, checked_at = ?, reconciled_at = ? WHERE id = ?');
  for (const p of livePoints(books, accountId)) {
    const diff = p.bank - p.book;
    const ok = diff === 0n && p.unbooked === 0;
    upd.run(p.book, diff, now, ok ? (p.row.reconciled_at ?? now) : null, p.row.id);
  }
}

function rowOf(p: LivePoint): BankReconciliationRow {
  const diff = p.bank - p.book;
  return {
    date: p.row.statement_date, bankBalance: centsToString(p.bank), bookBalance: centsToString(p.book),
    difference: centsToString(diff), unbooked: p.unbooked, unbookedTotal: centsToString(p.unbookedCents),
    reconciled: diff === 0n && p.unbooked === 0, importId: p.row.import_id,
  };
}

/**
 * Explain a difference in B1 Dutch (with its phrases), naming the part that is still in the inbox.
 * The difference is said in words ("€ 150,00 minder op de bank dan in de boeken"), see bankDifference.ts.
 */
function differenceMessage(date: string, bank: bigint, book: bigint, unbooked: number, unbookedCents: bigint, s = new Sentences()): Said {
  const v = { date: formatDateNl(date), bank: formatEuro(bank), book: formatEuro(book) };
  s.add(`Op ${v.date} staat er volgens de bank ${v.bank} op de rekening en volgens de boeken ${v.book}.`, 'bank.balances', v);
  addDifference(s, bank, book);
  if (unbooked === 0) return s.add('Zoek de boeking die ontbreekt of niet klopt.', 'bank.findMissing').said();
  const rest = bank - book - unbookedCents;
  const inbox = { count: unbooked, total: formatEuro(unbookedCents) };
  s.add(`${unbooked === 1 ? 'Er staat nog 1 regel' : `Er staan nog ${unbooked} regels`} van samen ${inbox.total} in de inbox.`, unbooked === 1 ? 'bank.inboxOne' : 'bank.inboxMany', inbox);
  if (rest === 0n) return s.add('Boek die regels, dan klopt het.', 'bank.bookThose').said();
  const left = { amount: formatEuro(rest < 0n ? -rest : rest) };
  return s.add(`Ook daarna blijft er ${left.amount} verschil: zoek de boeking die ontbreekt of niet klopt.`, 'bank.restDifference', left).said();
}

/** A Said as the two API fields. */
const withSays = (x: Said): { message: string; says: Phrase[] } => ({ message: x.message, says: x.says ?? [] });

const say = (dutch: string, key: string, params?: Record<string, string | number>): Said => new Sentences().add(dutch, key, params).said();

/** The reconciliation view of one bank account. */
export function bankReconciliation(books: Books, code: string, limit = 200): BankReconciliation {
  const account = bankAccountByCode(books, code);
  const points = livePoints(books, account.id);
  const today = exactGet<{ n: bigint }>(books.raw('SELECT COALESCE(SUM(amount_cents), 0) AS n FROM lines WHERE account_id = ? AND posted = 1'), account.id)!;
  const inboxRows = books
    .raw(`${TX_SELECT} WHERE t.status = 'inbox' AND t.account_id = ? ORDER BY t.date, t.id LIMIT 500`)
    .all(account.id) as TxRow[];
  const inboxSum = exactGet<{ n: bigint; s: bigint }>(
    books.raw(`SELECT COUNT(*) AS n, COALESCE(SUM(amount_cents), 0) AS s FROM bank_transactions WHERE status = 'inbox' AND account_id = ?`),
    account.id,
  )!;
  const inboxAll = { n: Number(inboxSum.n), s: inboxSum.s };
  const last = points[points.length - 1];
  let state: BankReconciliation['state'];
  let message: Said;
  if (!last) {
    state = 'no-statement';
    message = say(`Voor rekening ${account.code} (${account.name}) is nog geen afschrift met saldo ingelezen. Lees een afschrift in om de boeken met de bank te vergelijken.`, 'bank.noStatement', { account: `${account.code} (${account.name})` });
  } else {
    const diff = last.bank - last.book;
    if (diff !== 0n && diff !== last.unbookedCents) {
      state = 'differences';
      message = differenceMessage(last.row.statement_date, last.bank, last.book, last.unbooked, last.unbookedCents);
    } else if (inboxAll.n > 0 || diff !== 0n) {
      state = 'inbox';
      message = diff === 0n
        ? say(`Op ${formatDateNl(last.row.statement_date)} kloppen bank en boeken. Er ${inboxAll.n === 1 ? 'staat nog 1 regel' : `staan nog ${inboxAll.n} regels`} in de inbox.`, 'bank.agreeInbox', { date: formatDateNl(last.row.statement_date), count: inboxAll.n })
        : differenceMessage(last.row.statement_date, last.bank, last.book, last.unbooked, last.unbookedCents);
    } else {
      state = 'reconciled';
      message = say(`Op ${formatDateNl(last.row.statement_date)} kloppen bank en boeken: ${formatEuro(last.book)}. Alle regels zijn verwerkt.`, 'bank.agreeAll', { date: formatDateNl(last.row.statement_date), amount: formatEuro(last.book) });
    }
  }
  return {
    account: accountRef(account),
    rows: points.slice(-limit).reverse().map(rowOf),
    bookBalanceToday: centsToString(today.n),
    lastStatement: last
      ? { date: last.row.statement_date, bankBalance: centsToString(last.bank), bookBalance: centsToString(last.book), difference: centsToString(last.bank - last.book) }
      : null,
    unreconciled: { count: inboxAll.n, total: centsToString(inboxAll.s), items: toTransactions(books, inboxRows) },
    state,
    message: message.message,
    says: message.says ?? [],
  };
}

/**
 * The bank balance at the end of a day, as the statements say: a statement date of exactly that
 * day, else a statement (with an opening balance) covering it, plus the bank lines up to that day.
 */
function bankBalanceOn(books: Books, accountId: number, date: string): bigint | null {
  const exact = books.raw('SELECT bank_balance_cents AS c FROM reconciliations WHERE account_id = ? AND statement_date = ?').get(accountId, date) as { c: number } | undefined;
  if (exact) return BigInt(exact.c);
  const cover = books
    .raw(`SELECT date_from, opening_cents FROM bank_imports WHERE account_id = ? AND opening_cents IS NOT NULL AND date_from IS NOT NULL
          AND date_from <= ? AND date_to >= ? ORDER BY id DESC LIMIT 1`)
    .get(accountId, dayAfter(date), date) as { date_from: string; opening_cents: number } | undefined;
  if (!cover) return null;
  const moved = exactGet<{ s: bigint }>(books.raw('SELECT COALESCE(SUM(amount_cents), 0) AS s FROM bank_transactions WHERE account_id = ? AND date >= ? AND date <= ?'), accountId, cover.date_from, date)!;
  return BigInt(cover.opening_cents) + moved.s;
}

/**
 * Are all bank accounts reconciled at the end of a fiscal year? Per bank account: the bank balance
 * on the last day of the year (from the statements) must equal the book balance, and no bank line
 * up to that day may wait in the inbox. An account without statements, postings or balance in
 * that year is 'unused' and counts as reconciled; one with postings but no statement does not.
 */
export function reconciliationStatus(books: Books, year: number): BankReconciliationStatus {
  const fy = books.raw('SELECT start_date, end_date FROM fiscal_years WHERE year = ?').get(year) as { start_date: string; end_date: string } | undefined;
  if (!fy) throw new KassaError('NOT_FOUND', said('err.year.notInAdministration', 'Boekjaar {{year}} bestaat niet in deze administratie.', { year }), { field: 'year' });
  const end = fy.end_date;
  const accounts: BankAccountReconciliationStatus[] = bankAccounts(books).map((a) => {
    const book = bookBalanceAt(books, a.id, end);
    const inbox = inboxUpTo(books, a.id, end);
    const imports = books.raw('SELECT COUNT(*) AS n, MAX(date_to) AS last FROM bank_imports WHERE account_id = ?').get(a.id) as { n: number; last: string | null };
    const postings = books.raw('SELECT 1 FROM lines WHERE account_id = ? AND date BETWEEN ? AND ? AND posted = 1 LIMIT 1').get(a.id, fy.start_date, end) !== undefined;
    const name = `${a.code} (${a.name})`;
    const base = { account: accountRef(a), bookBalance: centsToString(book), inboxCount: inbox.count };
    if (imports.n === 0) {
      if (!postings && book === 0n) {
        return { ...base, state: 'unused', reconciled: true, date: null, bankBalance: null, difference: null, ...withSays(say(`Rekening ${name} is in ${year} niet gebruikt.`, 'bank.unused', { account: name, year })) };
      }
      return {
        ...base, state: 'no-statement', reconciled: false, date: null, bankBalance: null, difference: null,
        ...withSays(say(`Voor rekening ${name} is geen bankafschrift ingelezen. Lees het afschrift tot en met ${formatDateNl(end)} in om te controleren of de boeken kloppen.`, 'bank.noStatementYear', { account: name, date: formatDateNl(end) })),
      };
    }
    const bank = bankBalanceOn(books, a.id, end);
    if (bank === null) {
      return {
        ...base, state: 'not-covered', reconciled: false, date: null, bankBalance: null, difference: null,
        ...withSays(imports.last !== null && imports.last < end
          ? say(`De afschriften van rekening ${name} lopen tot ${formatDateNl(imports.last)}. Lees ook de afschriften tot en met ${formatDateNl(end)} in.`, 'bank.statementsUntil', { account: name, last: formatDateNl(imports.last), date: formatDateNl(end) })
          : say(`Voor rekening ${name} is het banksaldo op ${formatDateNl(end)} niet bekend. Lees een afschrift met begin- en eindsaldo in dat tot en met ${formatDateNl(end)} loopt.`, 'bank.balanceUnknown', { account: name, date: formatDateNl(end) })),
      };
    }
    const diff = bank - book;
    const shown = { date: end, bankBalance: centsToString(bank), difference: centsToString(diff) };
    if (diff !== 0n && diff !== inbox.cents) {
      const s = new Sentences().add(`Rekening ${name}:`, 'bank.accountLabel', { account: name });
      return { ...base, ...shown, state: 'differences', reconciled: false, ...withSays(differenceMessage(end, bank, book, inbox.count, inbox.cents, s)) };
    }
    if (inbox.count > 0 || diff !== 0n) {
      return {
        ...base, ...shown, state: 'inbox', reconciled: false,
        ...withSays(say(`Rekening ${name}: ${inbox.count === 1 ? 'er staat nog 1 regel' : `er staan nog ${inbox.count} regels`} tot en met ${formatDateNl(end)} in de inbox. Boek of negeer ze eerst.`, 'bank.inboxUntil', { account: name, count: inbox.count, date: formatDateNl(end) })),
      };
    }
    return { ...base, ...shown, state: 'reconciled', reconciled: true, ...withSays(say(`Rekening ${name} klopt op ${formatDateNl(end)}: ${formatEuro(bank)}.`, 'bank.accountAgrees', { account: name, date: formatDateNl(end), amount: formatEuro(bank) })) };
  });
  return { year, endDate: end, reconciled: accounts.every((a) => a.reconciled), accounts };
}
