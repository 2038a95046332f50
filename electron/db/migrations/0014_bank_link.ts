import { Kysely, sql } from 'kysely';

/**
 * Forms that never lose work (issue 18) and per-year allocation keys (issue 16).
 *
 * - `bank_transactions.linked`: 1 when a bank line was linked to an entry that was already in the
 *   books (made by hand) instead of being booked. Putting such a line back in the inbox only
 *   unlinks it: the hand-made entry stays as it is, so the booked-line trigger is recreated to
 *   allow that one way back without a reversal.
 * - `allocation_keys.from_year` and `allocation_key_years`: an account's key (RJ 650
 *   lastenverdeling) holds from a year on, until a later year's key. A row in
 *   `allocation_key_years` marks that a key was set for that year, also when it is empty (100 % on
 *   the account's own line). The keys already in a file become the keys of every year
 *   (from_year 0) until they are changed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `ALTER TABLE bank_transactions ADD COLUMN linked INTEGER NOT NULL DEFAULT 0 CHECK (linked IN (0,1))`,
    `DROP TRIGGER bank_transactions_booked_immutable`,
    // A booked line changes only back to the inbox: once its entry has been reversed, or, for a
    // line linked to an existing entry, by unlinking it (the entry itself is not the line's).
    `CREATE TRIGGER bank_transactions_booked_immutable BEFORE UPDATE ON bank_transactions WHEN OLD.status = 'booked' BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: a booked bank transaction never changes')
        WHERE NEW.status <> 'inbox' OR NEW.entry_id IS NOT NULL OR NEW.linked <> 0
           OR (OLD.linked = 0 AND NOT EXISTS (SELECT 1 FROM entries WHERE reversal_of = OLD.entry_id AND status = 'posted'));
    END`,
    `CREATE TRIGGER bank_transactions_link_check BEFORE UPDATE OF linked ON bank_transactions WHEN NEW.linked = 1 BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: only a line booked with a posted entry is linked')
        WHERE NEW.status <> 'booked' OR NOT EXISTS (SELECT 1 FROM entries WHERE id = NEW.entry_id AND status = 'posted');
    END`,
    `ALTER TABLE allocation_keys ADD COLUMN from_year INTEGER NOT NULL DEFAULT 0 CHECK (from_year >= 0 AND from_year <= 9999)`,
    `DROP INDEX allocation_keys_target`,
    `CREATE UNIQUE INDEX allocation_keys_target ON allocation_keys(account_id, from_year, target, coalesce(objective_id, 0))`,
    `CREATE TABLE allocation_key_years (
      account_id INTEGER NOT NULL REFERENCES accounts(id),
      from_year INTEGER NOT NULL CHECK (from_year >= 0 AND from_year <= 9999),
      PRIMARY KEY (account_id, from_year)
    ) STRICT`,
    `INSERT INTO allocation_key_years (account_id, from_year) SELECT DISTINCT account_id, 0 FROM allocation_keys`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The books are never migrated down; restore the backup copy instead.');
}
