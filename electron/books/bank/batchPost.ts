/**
 * Posting many bank lines in one confirm. postEntry costs about 1 ms per entry (query building,
 * a savepoint, lookups per call); 10,000 lines must post within 3 s (issue 8 benchmark). This path
 * runs the SAME checks as postEntry, only with what does not change inside one transaction looked
 * up once:
 * - the fiscal year of each date through openYearFor (open, exists), cached per date;
 * - every account through accountForPosting (exists, not archived), cached per code;
 * - grant and budget line through checkLineAllocation, for every line that has one (not cached);
 * - amounts through parseAmount, balance and at least two lines as in postEntry;
 * - the journal by code, once;
 * and it writes the same rows the same way: a draft entry with its lines, then status 'posted' with
 * the next number of the journal and year, so the database triggers re-check balance, gapless
 * numbering, line dates and the open year for every entry; and one audit row per entry
 * ('entries.post', with the entry's ref and input) and one fact in the history chain, as postEntry writes.
 * It must run inside the caller's books.tx().
 */
import { KassaError } from '../../../shared/errors';
import { centsToString, formatEuro, parseAmount } from '../../../shared/money';
import type { Books } from '../../db/books';
import { accountForPosting, type AccountRef } from '../accounts';
import { appendAudit } from '../audit';
import { entryRef, type EntryInput, type Posted, type PostOptions } from '../entries';
import { checkLineAllocation } from '../grants/allocation';
import { entryFactRef, entryJson } from '../history/entryFact';
import { appendFactJson } from '../history/facts';
import { openYearFor } from '../years';
import { said } from '../../../shared/phrase';

export class EntryBatch {
  private readonly years = new Map<string, number>();
  private readonly accounts = new Map<string, AccountRef>();
  private readonly journals = new Map<string, number>();
  private readonly insertEntry;
  private readonly insertLine;
  private readonly postStmt;
  private readonly maxNumber;
  private readonly journalByCode;

  constructor(private readonly books: Books) {
    this.insertEntry = books.raw(
      `INSERT INTO entries (journal_id, year, number, date, description, status, reversal_of, source, source_ref)
       VALUES (?, ?, NULL, ?, ?, 'draft', NULL, ?, ?)`,
    );
    this.insertLine = books.raw(
      `INSERT INTO lines (entry_id, account_id, amount_cents, date, posted, description, contact_id, grant_id, budget_line_id, person_id)
       VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?)`,
    );
    this.postStmt = books.raw(`UPDATE entries SET status = 'posted', number = ? WHERE id = ?`);
    this.maxNumber = books.raw('SELECT COALESCE(MAX(number), 0) AS n FROM entries WHERE journal_id = ? AND year = ? AND number IS NOT NULL');
    this.journalByCode = books.raw('SELECT id FROM journals WHERE code = ?');
  }

  private year(date: string): number {
    let y = this.years.get(date);
    if (y === undefined) {
      y = openYearFor(this.books, date);
      this.years.set(date, y);
    }
    return y;
  }

  private account(code: string, field: string): AccountRef {
    let a = this.accounts.get(code);
    if (a === undefined) {
      a = accountForPosting(this.books, code, field);
      this.accounts.set(code, a);
    }
    return a;
  }

  private journal(code: string): number {
    let id = this.journals.get(code);
    if (id === undefined) {
      const j = this.journalByCode.get(code) as { id: number } | undefined;
      if (!j) throw new KassaError('NOT_FOUND', said('err.entry.unknownJournal', 'Dagboek {{code}} bestaat niet.', { code }), { field: 'journal' });
      id = j.id;
      this.journals.set(code, id);
    }
    return id;
  }

  /** One entry, as postEntry(books, input, opts) would post it. The journal must be given. */
  post(input: EntryInput & { journal: string }, opts: PostOptions): Posted {
    const year = this.year(input.date);
    let debit = 0;
    let credit = 0;
    const lines = input.lines.map((l, i) => {
      const field = `lines.${i}`;
      const account = this.account(l.account, `${field}.account`);
      if (l.grant !== undefined || l.budgetLine !== undefined) checkLineAllocation(this.books, l, account, input.date, field);
      if ((l.debit === undefined) === (l.credit === undefined)) {
        throw new KassaError('INVALID_INPUT', said('err.entry.debitOrCredit', 'Regel {{line}}: vul óf debet óf credit in.', { line: i + 1 }), { field: `${field}.debit` });
      }
      const cents = l.debit !== undefined ? parseAmount(l.debit, `${field}.debit`) : -parseAmount(l.credit, `${field}.credit`);
      if (cents > 0) debit += cents;
      else credit -= cents;
      return { account, cents, input: l };
    });
    if (lines.length < 2) throw new KassaError('UNBALANCED', said('err.entry.twoLines', 'Een boeking heeft minstens twee regels.'), { field: 'lines' });
    if (debit !== credit) {
      throw new KassaError(
        'UNBALANCED',
        said('err.entry.unbalanced', 'De boeking is niet in evenwicht. Debet is {{debit}}, credit is {{credit}}. Het verschil is {{difference}}.', { debit: formatEuro(debit), credit: formatEuro(credit), difference: formatEuro(Math.abs(debit - credit)) }),
        { field: 'lines', details: { debit: centsToString(debit), credit: centsToString(credit) } },
      );
    }
    const journalId = this.journal(input.journal);
    const id = Number(
      this.insertEntry.run(journalId, year, input.date, input.description, opts.source ?? 'manual', opts.sourceRef ?? null).lastInsertRowid,
    );
    for (const l of lines) {
      this.insertLine.run(
        id, l.account.id, l.cents, input.date, l.input.description ?? null, l.input.contact ?? null, l.input.grant ?? null,
        l.input.budgetLine ?? null, l.input.person ?? null,
      );
    }
    // Asked each time (one index lookup): other services may post in the same journal within this tx.
    const number = (this.maxNumber.get(journalId, year) as { n: number }).n + 1;
    this.postStmt.run(number, id);
    const ref = entryRef(input.journal, year, number) as string;
    appendAudit(this.books, 'entries.post', 'entry', id, { ref, ...input, source: opts.source ?? 'manual' });
    // The fact from what this call holds, not re-read: tests prove it equal to verify's canonical().
    appendFactJson(this.books, 'entry', entryFactRef(input.journal, year, number), entryJson(
      { journal: input.journal, year, number, date: input.date, description: input.description, reversalOf: null },
      lines.map((l) => ({
        account: l.account.code, cents: l.cents, description: l.input.description ?? null, contact: l.input.contact ?? null,
        grant: l.input.grant ?? null, budgetLine: l.input.budgetLine ?? null, person: l.input.person ?? null,
      })),
    ));
    return { id, number, ref };
  }
}
