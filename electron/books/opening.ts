import { KassaError } from '../../shared/errors';
import { centsToString, parseAmount } from '../../shared/money';
import { formatDateNl } from '../../shared/dates';
import type { OpeningBalance, OpeningItem, OpeningResult } from '../../shared/api/opening';
import type { Handler } from '../handler';
import type { Books } from '../db/books';
import { accountForPosting } from './accounts';
import { appendAudit } from './audit';
import { refreshReconciliations } from './bank/reconciliation';
import { entryRef, postEntry, reverseEntry, type LineInput } from './entries';
import { said } from '../../shared/phrase';

/**
 * The opening balance (beginbalans): one memorial entry (source 'opening') on the first day of the
 * first year. Its lines say what was on each bank and cash account, what others owed the stichting
 * (1300 Debiteuren) and what it owed (1400 Crediteuren); the difference is the stichting's own
 * capital and goes to an equity account, by default 0590 Overige reserves: a continuïteitsreserve
 * or bestemmingsreserve is a board decision the treasurer may not have, "overige reserves" is what
 * the money is without one. Changing it is a reversal of the old entry and a new one, in one
 * transaction; a database trigger allows only one opening entry that is not reversed.
 *
 * Its lines count as the balance at the end of the day before (see bank/reconciliation.ts), so a
 * bank statement that starts on the first day agrees with the books from that day on.
 */

export const RECEIVABLES = '1300';
export const PAYABLES = '1400';
export const DEFAULT_EQUITY = '0590';

interface ItemInput { contact?: number | undefined; description?: string | undefined; amount: string }
export interface OpeningInput {
  money: { account: string; amount: string }[];
  receivables: ItemInput[];
  payables: ItemInput[];
  equity?: string | undefined;
}

function firstYear(books: Books): { year: number; start: string; status: string } {
  const y = books.raw('SELECT year, start_date AS start, status FROM fiscal_years ORDER BY year LIMIT 1').get() as { year: number; start: string; status: string } | undefined;
  if (!y) throw new KassaError('NO_OPEN_YEAR', said('err.year.none', 'Deze administratie heeft nog geen boekjaar.'));
  return y;
}

/** The opening entry that counts now: posted, not reversed. */
function liveOpening(books: Books): { id: number; ref: string } | null {
  const r = books
    // INDEXED BY: for ORDER BY id DESC the planner preferred walking every entry backwards (~250 ms
    // on 100,000 entries without an opening entry, on the dashboard's path); the partial index holds
    // only the opening entries, so this is a handful of rows.
    .raw(`SELECT e.id, j.code, e.year, e.number FROM entries e INDEXED BY entries_opening JOIN journals j ON j.id = e.journal_id
          WHERE e.source = 'opening' AND e.status = 'posted' AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.reversal_of = e.id)
          ORDER BY e.id DESC LIMIT 1`)
    .get() as { id: number; code: string; year: number; number: number } | undefined;
  return r ? { id: r.id, ref: entryRef(r.code, r.year, r.number)! } : null;
}

function contactName(books: Books, id: number, field: string): string {
  const c = books.raw('SELECT name FROM contacts WHERE id = ?').get(id) as { name: string } | undefined;
  if (!c) throw new KassaError('NOT_FOUND', said('err.contact.customerOrSupplierNotFound', 'Deze klant of leverancier bestaat niet.'), { field });
  return c.name;
}

/** The entry's lines: debit money and receivables, credit payables, the rest to equity. Pure apart from lookups. */
function openingLines(books: Books, input: OpeningInput, equity: string): LineInput[] {
  const lines: LineInput[] = [];
  let total = 0;
  const signed = (account: string, cents: number, extra: Partial<LineInput> = {}) => {
    if (cents === 0) return;
    total += cents;
    lines.push({ account, ...(cents > 0 ? { debit: centsToString(cents) } : { credit: centsToString(-cents) }), ...extra });
  };
  const seen = new Set<string>();
  input.money.forEach((m, i) => {
    const field = `money.${i}.account`;
    const a = accountForPosting(books, m.account, field);
    if (a.kind === null) throw new KassaError('INVALID_INPUT', said('err.money.notMoneyAccount', 'Rekening {{code}} ({{name}}) is geen bank- of kasrekening.', { code: a.code, name: a.name }), { field });
    if (seen.has(a.code)) throw new KassaError('INVALID_INPUT', said('err.opening.accountTwice', 'Rekening {{code}} staat twee keer in de lijst.', { code: a.code }), { field });
    seen.add(a.code);
    signed(a.code, parseAmount(m.amount, `money.${i}.amount`, { allowNegative: true, allowZero: true }));
  });
  const items = (list: ItemInput[], account: string, sign: 1 | -1, what: string) =>
    list.forEach((it, i) => {
      const field = `${what}.${i}`;
      const name = it.contact !== undefined ? contactName(books, it.contact, `${field}.contact`) : null;
      const description = it.description?.trim() || name || undefined;
      signed(account, sign * parseAmount(it.amount, `${field}.amount`), {
        ...(it.contact !== undefined ? { contact: it.contact } : {}),
        ...(description ? { description } : {}),
      });
    });
  if (input.receivables.length > 0) accountForPosting(books, RECEIVABLES, 'receivables');
  if (input.payables.length > 0) accountForPosting(books, PAYABLES, 'payables');
  items(input.receivables, RECEIVABLES, 1, 'receivables');
  items(input.payables, PAYABLES, -1, 'payables');
  signed(equity, -total, { description: 'Eigen vermogen bij de start' });
  return lines;
}

function checkEquity(books: Books, code: string): void {
  const a = accountForPosting(books, code, 'equity');
  if (a.type !== 'equity') {
    throw new KassaError('INVALID_INPUT', said('err.opening.notReserve', 'Rekening {{code}} ({{name}}) is geen reserve of fonds. Kies een rekening voor het eigen vermogen, bijvoorbeeld 0590 Overige reserves.', { code: a.code, name: a.name }), { field: 'equity' });
  }
}

function checkChangeable(books: Books): { year: number; start: string } {
  const y = firstYear(books);
  if (y.status !== 'open') {
    throw new KassaError('YEAR_CLOSED', said('err.opening.yearClosed', 'Boekjaar {{year}} is afgesloten. De beginbalans kan daarna niet meer veranderen.', { year: y.year }), { field: 'money' });
  }
  return y;
}

/** Post (or replace) the opening entry. Nothing is written when any part is wrong. */
export function setOpening(books: Books, input: OpeningInput): OpeningResult {
  return books.tx(() => {
    const y = checkChangeable(books);
    const equity = input.equity ?? DEFAULT_EQUITY;
    checkEquity(books, equity);
    const lines = openingLines(books, input, equity);
    const old = liveOpening(books);
    if (old) reverseEntry(books, { id: old.id, date: y.start, description: `Tegenboeking van de beginbalans ${old.ref} (de beginbalans is veranderd)` });
    let entry: OpeningResult['entry'] = null;
    if (lines.length > 0) {
      const posted = postEntry(books, { date: y.start, description: `Beginbalans op ${formatDateNl(y.start)}`, journal: 'MEM', lines }, { source: 'opening' });
      entry = { id: posted.id, ref: posted.ref };
    }
    // Statements read before the change are checked again against the new opening balance.
    const banks = books.raw('SELECT DISTINCT account_id AS id FROM reconciliations').all() as { id: number }[];
    for (const b of banks) refreshReconciliations(books, b.id);
    appendAudit(books, 'opening.set', 'entry', entry?.id ?? null, { entry: entry?.ref ?? null, reversed: old?.ref ?? null });
    return { entry, reversed: old?.ref ?? null };
  });
}

interface LineRow { code: string; kind: string | null; type: string; cents: number; contact_id: number | null; contact: string | null; description: string | null }

/** The opening balance as it stands, with every bank and cash account (zero where none was given). */
export function getOpening(books: Books): OpeningBalance {
  const y = firstYear(books);
  const live = liveOpening(books);
  const rows = live
    ? (books
        .raw(`SELECT a.code, a.kind, a.type, l.amount_cents AS cents, l.contact_id, c.name AS contact, l.description
              FROM lines l JOIN accounts a ON a.id = l.account_id LEFT JOIN contacts c ON c.id = l.contact_id WHERE l.entry_id = ? ORDER BY l.id`)
        .all(live.id) as LineRow[])
    : [];
  const moneyAccounts = books
    .raw(`SELECT code, name, kind, iban, archived FROM accounts WHERE kind IS NOT NULL ORDER BY kind DESC, code`)
    .all() as { code: string; name: string; kind: 'bank' | 'cash'; iban: string | null; archived: number }[];
  const amountOf = (code: string) => rows.filter((r) => r.code === code).reduce((s, r) => s + r.cents, 0);
  const item = (r: LineRow, sign: 1 | -1): OpeningItem => ({
    contact: r.contact_id, contactName: r.contact, description: r.description, amount: centsToString(sign * r.cents),
  });
  const equityRow = rows.find((r) => r.type === 'equity');
  const equityChoices = books
    .raw(`SELECT code, name FROM accounts WHERE type = 'equity' AND archived = 0 ORDER BY code`)
    .all() as { code: string; name: string }[];
  return {
    year: y.year,
    date: y.start,
    canChange: y.status === 'open',
    entry: live,
    money: moneyAccounts
      .filter((a) => !a.archived || amountOf(a.code) !== 0)
      .map((a) => ({ account: a.code, name: a.name, kind: a.kind, iban: a.iban, amount: centsToString(amountOf(a.code)) })),
    receivables: rows.filter((r) => r.code === RECEIVABLES).map((r) => item(r, 1)),
    payables: rows.filter((r) => r.code === PAYABLES).map((r) => item(r, -1)),
    equity: equityRow?.code ?? DEFAULT_EQUITY,
    equityChoices,
    equityAmount: centsToString(-(equityRow ? rows.filter((r) => r.type === 'equity').reduce((s, r) => s + r.cents, 0) : 0)),
  };
}

export const openingHandlers: { 'opening.get': Handler<'opening.get'>; 'opening.set': Handler<'opening.set'> } = {
  'opening.get': ({ books }) => getOpening(books),
  'opening.set': ({ books }, input) => setOpening(books, input),
};
