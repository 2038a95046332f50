import { Kysely, sql } from 'kysely';

/**
 * Keyset paging of the general ledger (issue 18): one account's posted lines in ledger order
 * (date, entry, line). The index holds posted lines only, so a page is a short walk from any
 * position in either direction, with no sort and no OFFSET. The line id is the rowid and so is
 * part of every index entry already. lines_account stays for the covering sums.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw('CREATE INDEX lines_ledger ON lines(account_id, date, entry_id) WHERE posted = 1').execute(db);
}
