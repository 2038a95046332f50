/**
 * A bank line whose payment is already in the books, entered by hand (through "Geld uitgeven",
 * a volunteer payment, a manual entry): the same bank or cash account, the same amount, a date at
 * most 7 days apart, and not yet linked to a bank line of that account. The inbox says so and
 * offers to link the line to that entry instead of booking it twice. Linking writes no entry;
 * putting a linked line back in the inbox only unlinks it (the entry was never the line's own).
 */
import { KassaError } from '../../../shared/errors';
import { formatDateNl } from '../../../shared/dates';
import type { BankHandMatch, BankTransaction } from '../../../shared/api/bank';
import type { Books } from '../../db/books';
import { appendAudit } from '../audit';
import { nowIso } from '../clock';
import { entryRef } from '../entries';
import { moveLineReceipts } from '../receipts/bankLines';
import { refreshReconciliations, shiftDays } from './reconciliation';
import { refreshSuggestions } from './suggest';
import { getTransaction, lineSaid, txRow } from './transactions';
import { said } from '../../../shared/phrase';

/** How far apart the bank's date and the date of the hand-made entry may be. */
export const MATCH_DAYS = 7;

interface MatchRow { id: number; date: string; description: string; journal: string; year: number; number: number | null }

// Entries that are themselves the result of a bank line, an opening or a closing are never "made by hand".
// INDEXED BY: the planner once took another index for the date range and then read every line of
// those two weeks from the table for its amount; lines_account holds the amount, so only a match is
// read (50 inbox lines of a busy bank account: ~78 -> ~15 ms). An index on (account_id, amount_cents,
// date) would make it one seek per line; not added here (a migration).
const CANDIDATES = `SELECT e.id, e.date, e.description, j.code AS journal, e.year, e.number
  FROM lines l INDEXED BY lines_account JOIN entries e ON e.id = l.entry_id JOIN journals j ON j.id = e.journal_id
  WHERE l.account_id = ? AND l.date BETWEEN ? AND ? AND l.amount_cents = ? AND l.posted = 1
    AND e.status = 'posted' AND e.reversal_of IS NULL AND e.source NOT IN ('opening', 'closing')
    AND NOT EXISTS (SELECT 1 FROM entries x WHERE x.reversal_of = e.id)
    AND NOT EXISTS (SELECT 1 FROM bank_transactions o WHERE o.entry_id = e.id AND o.account_id = l.account_id)`;

type Line = { account_id: number; amount_cents: number; date: string };

function candidates(books: Books, r: Line, entryId?: number): MatchRow[] {
  return books
    .raw(`${CANDIDATES} ${entryId !== undefined ? 'AND e.id = ?' : ''} ORDER BY abs(julianday(e.date) - julianday(?)), e.id LIMIT 1`)
    .all(r.account_id, shiftDays(r.date, -MATCH_DAYS), shiftDays(r.date, MATCH_DAYS), r.amount_cents, ...(entryId !== undefined ? [entryId] : []), r.date) as MatchRow[];
}

const toMatch = (m: MatchRow): BankHandMatch => ({ entry: m.id, ref: entryRef(m.journal, m.year, m.number) ?? '', date: m.date, description: m.description });

/** The nearest hand-made entry this inbox line seems to be, or null. */
export function findHandMatch(books: Books, r: Line): BankHandMatch | null {
  const m = candidates(books, r)[0];
  return m ? toMatch(m) : null;
}


/** bank.link: mark an inbox line done by linking it to the entry that already books it. */
export function linkTransaction(books: Books, input: { transaction: number; entry: number }): BankTransaction {
  return books.tx(() => {
    const r = txRow(books, input.transaction);
    if (r.status !== 'inbox') {
      throw new KassaError(r.status === 'booked' ? 'POSTED_IMMUTABLE' : 'INVALID_INPUT', said('err.bank.lineNotInInbox', '{{line}} staat niet meer in de inbox. Koppelen kan alleen bij een regel die nog niet geboekt is.', { line: lineSaid(r, true) }), { field: 'transaction' });
    }
    const entry = books.raw(`SELECT e.id, e.status FROM entries e WHERE e.id = ?`).get(input.entry) as { id: number; status: string } | undefined;
    if (!entry || entry.status !== 'posted') throw new KassaError('NOT_FOUND', said('err.bank.entryNotFoundOrDraft', 'Boeking {{entry}} bestaat niet of is nog een concept.', { entry: input.entry }), { field: 'entry' });
    const m = candidates(books, r, entry.id)[0];
    if (!m) {
      throw new KassaError(
        'INVALID_INPUT',
        said(
          'err.bank.linkNoMatch',
          'Deze boeking past niet bij {{line}}. Koppelen kan alleen met een boeking op rekening {{bank}} van hetzelfde bedrag, met een datum tussen {{from}} en {{to}}, die nog niet bij een bankregel hoort en niet is tegengeboekt.',
          { line: lineSaid(r), bank: r.bank_code, from: formatDateNl(shiftDays(r.date, -MATCH_DAYS)), to: formatDateNl(shiftDays(r.date, MATCH_DAYS)) },
        ),
        { field: 'entry' },
      );
    }
    // A booked line names the other side of its booking: the entry's largest line off this account.
    const other = books
      .raw('SELECT account_id FROM lines WHERE entry_id = ? AND account_id <> ? ORDER BY abs(amount_cents) DESC, id LIMIT 1')
      .get(m.id, r.account_id) as { account_id: number } | undefined;
    books
      .raw(`UPDATE bank_transactions SET status = 'booked', entry_id = ?, booked_at = ?, linked = 1, assign_account_id = coalesce(assign_account_id, ?) WHERE id = ?`)
      .run(m.id, nowIso(), other?.account_id ?? r.account_id, r.id);
    moveLineReceipts(books, r.id, m.id);
    refreshSuggestions(books);
    if (books.raw('SELECT 1 FROM reconciliations WHERE account_id = ? LIMIT 1').get(r.account_id)) refreshReconciliations(books, r.account_id);
    appendAudit(books, 'bank.link', 'bank_transaction', r.id, { entry: toMatch(m).ref });
    return getTransaction(books, r.id);
  });
}

/** Undo a link (bank.reopen of a linked line): the line returns to the inbox, the entry stays. */
export function unlinkTransaction(books: Books, r: { id: number; account_id: number; entry_id: number }): void {
  books.raw(`UPDATE bank_transactions SET status = 'inbox', entry_id = NULL, booked_at = NULL, linked = 0 WHERE id = ?`).run(r.id);
  refreshSuggestions(books, { ids: [r.id] });
  refreshReconciliations(books, r.account_id);
  appendAudit(books, 'bank.unlink', 'bank_transaction', r.id, { entry: r.entry_id });
}
