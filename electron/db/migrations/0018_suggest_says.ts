import { Kysely, sql } from 'kysely';

/**
 * Bank suggestion reasons in the UI language (issue 18): beside the Dutch reason the app now keeps
 * its phrases (shared/phrase.ts, JSON of `Phrase[]`), so an English inbox says why in English.
 * Existing rows keep NULL and show their Dutch text until their suggestion is next refreshed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`ALTER TABLE bank_transactions ADD COLUMN suggest_says TEXT`).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The books are never migrated down; restore the backup copy instead.');
}
