import { Kysely, sql } from 'kysely';

/**
 * Financial statements and year-end (issue 7).
 *
 * - `year_end_log`: every close and reopen of a fiscal year, with the closing entry (or its
 *   reversal), the appropriation of the result and, for a reopen, the reason the treasurer gave.
 *   Append-only like the audit log: history of a year end is never rewritten.
 * - `anbi_checklist`: the treasurer's own ticks on the ANBI publication checklist per year (what the
 *   app cannot see for itself: the policy plan, the activity report, ...).
 * - `entries_closing`: a small partial index so the statements find the closing entries of a year
 *   (to leave them out of the income statement) without scanning every entry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE year_end_log (
      id INTEGER PRIMARY KEY,
      year INTEGER NOT NULL REFERENCES fiscal_years(year),
      action TEXT NOT NULL CHECK (action IN ('close','reopen')),
      at TEXT NOT NULL,
      entry_id INTEGER REFERENCES entries(id),
      appropriation TEXT,
      reason TEXT,
      CHECK (action <> 'reopen' OR length(trim(coalesce(reason, ''))) >= 10)
    ) STRICT`,
    `CREATE INDEX year_end_log_year ON year_end_log(year, id)`,
    `CREATE TRIGGER year_end_log_no_update BEFORE UPDATE ON year_end_log BEGIN SELECT RAISE(ABORT, 'AUDIT_APPEND_ONLY'); END`,
    `CREATE TRIGGER year_end_log_no_delete BEFORE DELETE ON year_end_log BEGIN SELECT RAISE(ABORT, 'AUDIT_APPEND_ONLY'); END`,

    `CREATE TABLE anbi_checklist (
      year INTEGER NOT NULL,
      item TEXT NOT NULL,
      done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0,1)),
      note TEXT,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (year, item)
    ) STRICT, WITHOUT ROWID`,

    `CREATE INDEX entries_closing ON entries(year) WHERE source = 'closing'`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The books are never migrated down; restore the backup copy instead.');
}
