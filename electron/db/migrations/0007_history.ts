import { Kysely, sql } from 'kysely';

/**
 * Provable history (DESIGN.md section 10): the fact chain. One row per fact, in the order things
 * became final; the head (count and last hash) lives in meta. The chain of a file made before this
 * migration is computed right after it by ensureHistory() (books/history/start.ts), in JavaScript,
 * because the hashes are the app's own SHA-256 over canonical JSON.
 *
 * - fact_kinds: the kind names ('entry', 'invoice', …), so each fact stores a small number;
 * - facts.audit: NULL, or `id:tag` of the last audit row when the fact was appended and that row
 *   differs from the fact before's (the hash covers the row's full hash);
 * - facts.hash: the first 4 bytes of the fact's SHA-256, enough to name the first fact that differs;
 *   the full chain is recomputed from the data and ends in the head.
 * Both tables are append-only for the app's own code; verify does not rely on that.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE fact_kinds (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT`,
    `CREATE TABLE facts (
      seq INTEGER PRIMARY KEY,
      kind INTEGER NOT NULL REFERENCES fact_kinds(id),
      ref TEXT NOT NULL,
      audit TEXT,
      hash BLOB NOT NULL
    ) STRICT`,
    `CREATE TRIGGER facts_append BEFORE INSERT ON facts BEGIN
      SELECT RAISE(ABORT, 'HISTORY_APPEND_ONLY') WHERE NEW.seq <> COALESCE((SELECT MAX(seq) FROM facts), 0) + 1;
    END`,
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
