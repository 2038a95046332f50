import { Kysely, sql } from 'kysely';

/**
 * A million postings back under 150 MB (the file-size target of the first round; the file had grown
 * to 179 MB since). Two changes, neither loses what the books prove:
 *
 * - One index per account instead of two. lines_account (the covering sums) and lines_ledger (the
 *   ledger's keyset pages, 0015) both began with (account_id, date); each cost ~25 MB on a million
 *   lines. lines_account now also holds entry_id, so it serves both: the sums read amount_cents and
 *   posted from it as before, and a ledger page seeks (account_id, date) and sorts only the lines
 *   of one day by entry and line (SQLite's "right part of ORDER BY"), which stay a handful. It keeps
 *   draft lines too, so "has this account any lines?" stays an index probe.
 * - entries.created_at goes. Nothing read it; the time an entry was saved and posted is in the audit
 *   log (entries.saveDraft / entries.post / entries.reverse rows, each with its time), which is
 *   chained and covered by `kassa verify`, where this column was neither. 24 bytes per entry, ~12 MB.
 *
 * DROP COLUMN rewrites the entries table; no trigger fires for that (it is not an UPDATE), and the
 * entry facts never included the column, so every hash stays as it was.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of [
    'DROP INDEX lines_ledger',
    'DROP INDEX lines_account',
    'CREATE INDEX lines_account ON lines(account_id, date, entry_id, amount_cents, posted)',
    'ALTER TABLE entries DROP COLUMN created_at',
  ]) {
    await sql.raw(s).execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('The books are never migrated down; restore the backup copy instead.');
}
