import { Kysely, sql } from 'kysely';

/**
 * Provable history (DESIGN.md section 10): the fact chain. One row per fact, in the order things
 * became final; the head (count and last hash) lives in meta. The chain of a file made before this
 * migration is computed right after it by ensureHistory() (books/history/start.ts), in JavaScript,
 * because the hashes are the app's own SHA-256 over canonical JSON.
 *
 * - fact_kinds: the kind names ('entry', 'invoice', …), so each fact stores a small number;
 * - facts.audit: on the first fact of a block (one append, or one bulk load), `id:tag` of the last
 *   audit row then (the block's hash covers that row's full hash); NULL on the others;
 * - facts.tag: a 16-bit check of the fact's text, only to name the first fact that differs; what
 *   proves is the SHA-256 chain of blocks, recomputed from the data and ending in the head.
 * A million postings make a million rows, so a row is kept small (file size counts).
 * Both tables are append-only for the app's own code; verify does not rely on that.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE fact_kinds (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT`,
    `CREATE TABLE facts (
      seq INTEGER PRIMARY KEY,
      kind INTEGER NOT NULL,
      ref TEXT NOT NULL,
      audit TEXT,
      tag INTEGER NOT NULL
    ) STRICT`,
    `CREATE TRIGGER facts_no_update BEFORE UPDATE ON facts BEGIN SELECT RAISE(ABORT, 'HISTORY_APPEND_ONLY'); END`,
    `CREATE TRIGGER facts_no_delete BEFORE DELETE ON facts BEGIN SELECT RAISE(ABORT, 'HISTORY_APPEND_ONLY'); END`,
    `CREATE TRIGGER fact_kinds_no_update BEFORE UPDATE ON fact_kinds BEGIN SELECT RAISE(ABORT, 'HISTORY_APPEND_ONLY'); END`,
    `CREATE TRIGGER fact_kinds_no_delete BEFORE DELETE ON fact_kinds BEGIN SELECT RAISE(ABORT, 'HISTORY_APPEND_ONLY'); END`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The books are never migrated down; restore the backup copy instead.');
}
