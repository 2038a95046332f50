import Decimal from 'decimal.js';
import { centsToString, formatEuro, parseAmount } from '../../shared/money';
import { KassaError } from '../../shared/errors';
import type { Entry, EntryLine, EntryList } from '../../shared/api/types';
import type { Books } from '../db/books';
import { accountForPosting, type AccountRef } from './accounts';
import { appendAudit } from './audit';
import { checkLineAllocation } from './grants/allocation';
import { appendFact } from './history/facts';
import { entryFactRef } from './history/entryFact';
import { openYearFor } from './years';
import { receiptCounts } from './receipts/store';
import { RECEIPT_SOURCES } from '../../shared/rules/receipts';
import { said } from '../../shared/phrase';

export interface LineInput {
  account: string;
  debit?: string;
  credit?: string;
  description?: string;
  grant?: number;
  budgetLine?: number;
  person?: number;
  contact?: number;
}

export interface EntryInput {
  date: string;
  description: string;
  journal?: string;
  lines: LineInput[];
}

export interface PostOptions {
  /** Which part of the app wrote it: manual, money, invoice, import, volunteer, closing, demo. */
  source?: string;
  sourceRef?: string;
}

export interface Posted {
  id: number;
  number: number;
  ref: string;
}

interface ResolvedLine {
  account: AccountRef;
  cents: number;
  input: LineInput;
}

export function entryRef(journal: string, year: number, number: number | null): string | null {
  return number === null ? null : `${journal} ${year}-${String(number).padStart(4, '0')}`;
}

function resolveLines(books: Books, lines: LineInput[], requireAmounts: boolean, date: string): ResolvedLine[] {
  return lines.map((l, i) => {
    const field = `lines.${i}`;
    const account = accountForPosting(books, l.account, `${field}.account`);
    // Grants (issue 6): a line with a grant/budget line must fit that grant (period, status, the
    // grant's own budget line). Rules in shared/rules/grants.ts; reversals don't pass here on purpose.
    if (l.grant !== undefined || l.budgetLine !== undefined) checkLineAllocation(books, l, account, date, field);
    if ((l.debit === undefined) === (l.credit === undefined)) {
      if (!requireAmounts && l.debit === undefined) return { account, cents: 0, input: l };
      throw new KassaError('INVALID_INPUT', said('err.entry.debitOrCredit', 'Regel {{line}}: vul óf debet óf credit in.', { line: i + 1 }), { field: `${field}.debit` });
    }
    const cents = l.debit !== undefined ? parseAmount(l.debit, `${field}.debit`) : -parseAmount(l.credit, `${field}.credit`);
    return { account, cents, input: l };
  });
}

function checkBalanced(lines: ResolvedLine[]): void {
  let debit = 0;
  let credit = 0;
  for (const l of lines) {
    if (l.cents > 0) debit += l.cents;
    else credit -= l.cents;
  }
  if (lines.length < 2) throw new KassaError('UNBALANCED', said('err.entry.twoLines', 'Een boeking heeft minstens twee regels.'), { field: 'lines' });
  if (debit !== credit) {
    throw new KassaError(
      'UNBALANCED',
      said('err.entry.unbalanced', 'De boeking is niet in evenwicht. Debet is {{debit}}, credit is {{credit}}. Het verschil is {{difference}}.', { debit: formatEuro(debit), credit: formatEuro(credit), difference: formatEuro(Math.abs(debit - credit)) }),
      { field: 'lines', details: { debit: centsToString(debit), credit: centsToString(credit) } },
    );
  }
}

/*
 * The posting path (one call per entry, thousands in an import) runs fixed SQL through prepared
 * statements: building each query with kysely cost more than running it, and the fact chain's share
 * of a posting is paid from that (docs/design-notes.md, "Speed of the fact chain"). Errors still
 * reach the caller in Dutch: books.tx translates whatever a trigger raises.
 */
type JournalRow = { id: number; code: string };
const journalByCode = (books: Books, code: string) => books.raw('SELECT id, code FROM journals WHERE code = ?').get(code) as JournalRow | undefined;

/** Explicit journal, else the book of the first bank or cash account on the entry, else the memorial. */
function resolveJournal(books: Books, code: string | undefined, lines: ResolvedLine[]): { id: number; code: string } {
  if (code) {
    const j = journalByCode(books, code);
    if (!j) throw new KassaError('NOT_FOUND', said('err.entry.unknownJournal', 'Dagboek {{code}} bestaat niet.', { code }), { field: 'journal' });
    return j;
  }
  const money = lines.find((l) => l.account.kind !== null);
  if (money) {
    const j = books.raw('SELECT id, code FROM journals WHERE account_id = ? ORDER BY id LIMIT 1').get(money.account.id) as JournalRow | undefined;
    if (j) return j;
  }
  const mem = journalByCode(books, 'MEM');
  if (!mem) throw new Error('journal MEM missing');
  return mem;
}

function insertEntry(
  books: Books,
  input: EntryInput,
  lines: ResolvedLine[],
  year: number,
  journalId: number,
  opts: PostOptions,
  reversalOf: number | null = null,
): number {
  const id = Number(
    books.raw(`INSERT INTO entries (journal_id, year, number, date, description, status, reversal_of, source, source_ref)
      VALUES (?, ?, NULL, ?, ?, 'draft', ?, ?, ?)`).run(journalId, year, input.date, input.description, reversalOf, opts.source ?? 'manual', opts.sourceRef ?? null).lastInsertRowid,
  );
  const ins = books.raw(
    `INSERT INTO lines (entry_id, account_id, amount_cents, date, posted, description, contact_id, grant_id, budget_line_id, person_id)
     VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?)`,
  );
  for (const l of lines) {
    if (l.cents === 0) continue;
    ins.run(id, l.account.id, l.cents, input.date, l.input.description ?? null, l.input.contact ?? null, l.input.grant ?? null, l.input.budgetLine ?? null, l.input.person ?? null);
  }
  return id;
}

/** Give a draft the next number of its journal and year and post it (the triggers re-check balance). */
function postExisting(books: Books, id: number): Posted & { factRef: string } {
  const e = books.raw('SELECT e.journal_id, e.year, j.code FROM entries e JOIN journals j ON j.id = e.journal_id WHERE e.id = ?').get(id) as
    { journal_id: number; year: number; code: string } | undefined;
  if (!e) throw new KassaError('NOT_FOUND', said('err.entry.notFound', 'Boeking {{id}} bestaat niet.', { id }));
  const next = books.raw('SELECT COALESCE(MAX(number), 0) + 1 AS n FROM entries WHERE journal_id = ? AND year = ? AND number IS NOT NULL').get(e.journal_id, e.year) as { n: number };
  books.raw(`UPDATE entries SET status = 'posted', number = ? WHERE id = ?`).run(next.n, id);
  return { id, number: next.n, ref: entryRef(e.code, e.year, next.n)!, factRef: entryFactRef(e.code, e.year, next.n) };
}

/** The posting's fact, after its audit row so the chain anchors that row too. */
function recordPosting(books: Books, p: Posted & { factRef: string }): Posted {
  appendFact(books, 'entry', p.factRef);
  return { id: p.id, number: p.number, ref: p.ref };
}

/** Validate and post a balanced entry in one transaction. Other services call this too. */
export function postEntry(books: Books, input: EntryInput, opts: PostOptions = {}): Posted {
  return books.tx(() => {
    const year = openYearFor(books, input.date);
    const lines = resolveLines(books, input.lines, true, input.date);
    checkBalanced(lines);
    const journal = resolveJournal(books, input.journal, lines);
    const id = insertEntry(books, input, lines, year, journal.id, opts);
    const posted = postExisting(books, id);
    appendAudit(books, 'entries.post', 'entry', id, { ref: posted.ref, ...input, source: opts.source ?? 'manual' });
    return recordPosting(books, posted);
  });
}

export function saveDraft(books: Books, input: EntryInput & { id?: number }): { id: number } {
  return books.tx(() => {
    const year = openYearFor(books, input.date);
    const lines = resolveLines(books, input.lines, false, input.date);
    const journal = resolveJournal(books, input.journal, lines);
    if (input.id !== undefined) {
      const old = books.first(books.db.selectFrom('entries').select(['status']).where('id', '=', input.id));
      if (!old) throw new KassaError('NOT_FOUND', said('err.entry.draftNotFound', 'Concept {{id}} bestaat niet.', { id: input.id }), { field: 'id' });
      if (old.status !== 'draft') throw new KassaError('POSTED_IMMUTABLE', said('err.entry.postedNoChange', 'Deze boeking is al geboekt en kan niet meer worden veranderd. Maak een tegenboeking.'));
      books.run(books.db.deleteFrom('lines').where('entry_id', '=', input.id));
      books.run(books.db.deleteFrom('entries').where('id', '=', input.id));
    }
    const id = insertEntry(books, input, lines, year, journal.id, { source: 'manual' });
    appendAudit(books, 'entries.saveDraft', 'entry', id, input);
    return { id };
  });
}

export function postDraft(books: Books, id: number): Posted {
  return books.tx(() => {
    const e = books.first(books.db.selectFrom('entries').select(['status', 'date']).where('id', '=', id));
    if (!e) throw new KassaError('NOT_FOUND', said('err.entry.draftNotFound', 'Concept {{id}} bestaat niet.', { id }), { field: 'id' });
    if (e.status !== 'draft') throw new KassaError('POSTED_IMMUTABLE', said('err.entry.alreadyPosted', 'Deze boeking is al geboekt.'));
    openYearFor(books, e.date);
    // An account archived after the draft was saved takes no new postings, drafts included.
    const archived = books.raw(
      'SELECT a.code, a.name FROM lines l JOIN accounts a ON a.id = l.account_id WHERE l.entry_id = ? AND a.archived = 1 ORDER BY l.id LIMIT 1',
    ).get(id) as { code: string; name: string } | undefined;
    if (archived) {
      throw new KassaError('ACCOUNT_ARCHIVED', said('err.account.archived', 'Rekening {{code}} ({{name}}) is gearchiveerd. Daarop kunt u niet meer boeken.', { code: archived.code, name: archived.name }), { field: 'lines' });
    }
    const rows = books.all(books.db.selectFrom('lines').select('amount_cents').where('entry_id', '=', id));
    checkBalanced(rows.map((r) => ({ cents: r.amount_cents }) as ResolvedLine));
    // The grant rules again: since the draft was saved the grant may have been rejected or archived.
    const allocated = books.raw(
      'SELECT l.grant_id, l.budget_line_id, a.type FROM lines l JOIN accounts a ON a.id = l.account_id WHERE l.entry_id = ? ORDER BY l.id',
    ).all(id) as { grant_id: number | null; budget_line_id: number | null; type: AccountRef['type'] }[];
    allocated.forEach((l, i) => {
      if (l.grant_id === null && l.budget_line_id === null) return;
      checkLineAllocation(books, { ...(l.grant_id !== null ? { grant: l.grant_id } : {}), ...(l.budget_line_id !== null ? { budgetLine: l.budget_line_id } : {}) }, { type: l.type }, e.date, `lines.${i}`);
    });
    const posted = postExisting(books, id);
    appendAudit(books, 'entries.postDraft', 'entry', id, { ref: posted.ref });
    return recordPosting(books, posted);
  });
}

export function deleteDraft(books: Books, id: number): { deleted: boolean } {
  return books.tx(() => {
    const e = books.first(books.db.selectFrom('entries').select(['status']).where('id', '=', id));
    if (!e) throw new KassaError('NOT_FOUND', said('err.entry.draftNotFound', 'Concept {{id}} bestaat niet.', { id }), { field: 'id' });
    if (e.status !== 'draft') throw new KassaError('POSTED_IMMUTABLE', said('err.entry.postedNoDelete', 'Een geboekte boeking kan niet worden verwijderd. Maak een tegenboeking.'));
    books.run(books.db.deleteFrom('lines').where('entry_id', '=', id));
    books.run(books.db.deleteFrom('entries').where('id', '=', id));
    appendAudit(books, 'entries.deleteDraft', 'entry', id, {});
    return { deleted: true };
  });
}

/** A correction: a new entry with every line's sign flipped, linked to the original. */
export function reverseEntry(books: Books, input: { id: number; date?: string; description?: string }): Posted {
  return books.tx(() => {
    const orig = getEntry(books, input.id);
    if (orig.status !== 'posted') throw new KassaError('INVALID_INPUT', said('err.entry.draftJustEdit', 'Een concept kunt u gewoon aanpassen of verwijderen.'), { field: 'id' });
    if (orig.reversedBy !== null) throw new KassaError('ALREADY_REVERSED', said('err.entry.alreadyReversed', 'Boeking {{ref}} is al tegengeboekt.', { ref: orig.ref }), { field: 'id' });
    if (orig.reversalOf !== null) throw new KassaError('ALREADY_REVERSED', said('err.entry.isReversal', 'Boeking {{ref}} is zelf een tegenboeking. Boek het juiste bedrag opnieuw.', { ref: orig.ref }), { field: 'id' });
    const date = input.date ?? orig.date;
    const year = openYearFor(books, date);
    const entryInput: EntryInput = {
      date,
      description: input.description?.trim() || `Tegenboeking van ${orig.ref}: ${orig.description}`.slice(0, 500),
      journal: orig.journal,
      lines: orig.lines.map((l) => ({
        account: l.account,
        ...(l.debit !== null ? { credit: l.debit } : { debit: l.credit! }),
        ...(l.description ? { description: l.description } : {}),
        ...(l.grant !== null ? { grant: l.grant } : {}),
        ...(l.budgetLine !== null ? { budgetLine: l.budgetLine } : {}),
        ...(l.person !== null ? { person: l.person } : {}),
        ...(l.contact !== null ? { contact: l.contact } : {}),
      })),
    };
    // Archived accounts may still be reversed: undoing a mistake must always be possible.
    const lines: ResolvedLine[] = entryInput.lines.map((l) => {
      const a = books.first(books.db.selectFrom('accounts').select(['id', 'code', 'name', 'type', 'kind', 'archived']).where('code', '=', l.account))!;
      return { account: a, cents: l.debit !== undefined ? parseAmount(l.debit) : -parseAmount(l.credit), input: l };
    });
    const journal = resolveJournal(books, orig.journal, lines);
    const id = insertEntry(books, entryInput, lines, year, journal.id, { source: 'reversal', sourceRef: String(orig.id) }, orig.id);
    const posted = postExisting(books, id);
    appendAudit(books, 'entries.reverse', 'entry', id, { ref: posted.ref, reversalOf: orig.ref });
    return recordPosting(books, posted);
  });
}

interface EntryRow {
  id: number; journal: string; year: number; number: number | null; date: string; description: string;
  status: 'draft' | 'posted'; source: string; reversal_of: number | null; reversed_by: number | null;
}

interface LineRow {
  entry_id: number; code: string; name: string; amount_cents: number; description: string | null;
  grant_id: number | null; budget_line_id: number | null; person_id: number | null; contact_id: number | null;
}

const ENTRY_SELECT = `SELECT e.id, j.code AS journal, e.year, e.number, e.date, e.description, e.status, e.source, e.reversal_of,
  (SELECT r.id FROM entries r WHERE r.reversal_of = e.id) AS reversed_by
  FROM entries e JOIN journals j ON j.id = e.journal_id`;

function attachLines(books: Books, rows: EntryRow[]): Entry[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const lineRows = books
    .raw(
      `SELECT l.entry_id, a.code, a.name, l.amount_cents, l.description, l.grant_id, l.budget_line_id, l.person_id, l.contact_id
       FROM lines l JOIN accounts a ON a.id = l.account_id WHERE l.entry_id IN (SELECT value FROM json_each(?)) ORDER BY l.entry_id, l.id`,
    )
    .all(JSON.stringify(ids)) as LineRow[];
  const byEntry = new Map<number, EntryLine[]>();
  const totals = new Map<number, Decimal>();
  for (const l of lineRows) {
    const list = byEntry.get(l.entry_id) ?? [];
    list.push({
      account: l.code, accountName: l.name,
      debit: l.amount_cents > 0 ? centsToString(l.amount_cents) : null,
      credit: l.amount_cents < 0 ? centsToString(-l.amount_cents) : null,
      description: l.description, grant: l.grant_id, budgetLine: l.budget_line_id, person: l.person_id, contact: l.contact_id,
    });
    byEntry.set(l.entry_id, list);
    if (l.amount_cents > 0) totals.set(l.entry_id, (totals.get(l.entry_id) ?? new Decimal(0)).plus(l.amount_cents));
  }
  const receipts = receiptCounts(books, ids);
  return rows.map((r) => ({
    receipts: receipts.get(r.id) ?? 0,
    id: r.id, journal: r.journal, year: r.year, number: r.number, ref: entryRef(r.journal, r.year, r.number), date: r.date,
    description: r.description, status: r.status, source: r.source, reversalOf: r.reversal_of, reversedBy: r.reversed_by,
    total: centsToString(BigInt((totals.get(r.id) ?? new Decimal(0)).toFixed(0))), lines: byEntry.get(r.id) ?? [],
  }));
}

export function getEntry(books: Books, id: number): Entry {
  const row = books.raw(`${ENTRY_SELECT} WHERE e.id = ?`).get(id) as EntryRow | undefined;
  if (!row) throw new KassaError('NOT_FOUND', said('err.entry.notFound', 'Boeking {{id}} bestaat niet.', { id }), { field: 'id' });
  return attachLines(books, [row])[0]!;
}

export interface ListFilter {
  year?: number;
  from?: string;
  to?: string;
  account?: string;
  journal?: string;
  search?: string;
  status?: 'draft' | 'posted';
  /** Only posted entries that should carry a receipt, have none, and total more than this. */
  withoutReceiptAbove?: string;
  limit?: number;
  offset?: number;
}

export function listEntries(books: Books, f: ListFilter): EntryList {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.year !== undefined) { where.push('e.year = ?'); params.push(f.year); }
  if (f.from) { where.push('e.date >= ?'); params.push(f.from); }
  if (f.to) { where.push('e.date <= ?'); params.push(f.to); }
  if (f.journal) { where.push('j.code = ?'); params.push(f.journal); }
  if (f.status) { where.push('e.status = ?'); params.push(f.status); }
  if (f.withoutReceiptAbove !== undefined) {
    // Reversed entries and reversals need no proof; see shared/rules/receipts.ts for the sources.
    where.push(`e.status = 'posted' AND e.source IN (SELECT value FROM json_each(?)) AND e.reversal_of IS NULL
      AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.reversal_of = e.id)
      AND NOT EXISTS (SELECT 1 FROM entry_attachments ea WHERE ea.entry_id = e.id)
      AND NOT EXISTS (SELECT 1 FROM invoice_payments ip WHERE ip.entry_id = e.id)
      AND (SELECT SUM(amount_cents) FROM lines l WHERE l.entry_id = e.id AND l.amount_cents > 0) > ?`);
    params.push(JSON.stringify(RECEIPT_SOURCES), parseAmount(f.withoutReceiptAbove, 'withoutReceiptAbove', { allowZero: true }));
  }
  if (f.account) {
    where.push('EXISTS (SELECT 1 FROM lines l JOIN accounts a ON a.id = l.account_id WHERE l.entry_id = e.id AND a.code = ?)');
    params.push(f.account);
  }
  if (f.search?.trim()) {
    const s = f.search.trim();
    // Search the description, or the reference such as "BANK 2026-0012".
    where.push(`(e.description LIKE ? ESCAPE '\\' OR (j.code || ' ' || e.year || '-' || substr('0000' || e.number, -4)) LIKE ? ESCAPE '\\')`);
    const like = `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(like, like);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // Every entry has its journal (NOT NULL, foreign key), so the join only matters when the filter
  // names the journal; without it the count is read from an index (~10 ms -> ~0.1 ms on 100,000).
  const usesJournal = Boolean(f.journal) || Boolean(f.search?.trim());
  const total = (books.raw(`SELECT COUNT(*) AS n FROM entries e ${usesJournal ? 'JOIN journals j ON j.id = e.journal_id' : ''} ${whereSql}`).get(...params) as { n: number }).n;
  const rows = books
    .raw(`${ENTRY_SELECT} ${whereSql} ORDER BY e.date DESC, e.id DESC LIMIT ? OFFSET ?`)
    .all(...params, f.limit ?? 100, f.offset ?? 0) as EntryRow[];
  return { total, items: attachLines(books, rows) };
}
