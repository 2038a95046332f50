import { Kysely, sql } from 'kysely';

/**
 * The books: organisation, accounts, years, journals, entries, lines and the audit log.
 * The invariants that must hold whatever code writes to the file live here as triggers:
 * posted entries balance, posted rows never change, closed years take no writes,
 * numbers are gapless per journal and year, and the audit log is append-only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`,

    `CREATE TABLE organisation (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      kvk TEXT CHECK (kvk IS NULL OR kvk GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
      rsin TEXT CHECK (rsin IS NULL OR length(rsin) = 9),
      iban TEXT,
      street TEXT, postcode TEXT, city TEXT, email TEXT, phone TEXT, website TEXT,
      vat_status TEXT NOT NULL DEFAULT 'none' CHECK (vat_status IN ('none','exempt','kor','liable')),
      vat_number TEXT,
      anbi INTEGER NOT NULL DEFAULT 0 CHECK (anbi IN (0,1)),
      layout TEXT NOT NULL DEFAULT 'rj640' CHECK (layout IN ('rj640','rj650')),
      fiscal_year_start_month INTEGER NOT NULL DEFAULT 1 CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
      settings TEXT NOT NULL DEFAULT '{}'
    ) STRICT`,

    `CREATE TABLE accounts (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 12),
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      type TEXT NOT NULL CHECK (type IN ('asset','liability','equity','income','expense')),
      line_rj650 TEXT NOT NULL,
      line_rj640 TEXT NOT NULL,
      rgs_code TEXT,
      kind TEXT CHECK (kind IS NULL OR kind IN ('bank','cash')),
      iban TEXT,
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0,1))
    ) STRICT`,

    `CREATE TABLE fiscal_years (
      year INTEGER PRIMARY KEY,
      start_date TEXT NOT NULL,
      end_date TEXT NOT NULL CHECK (end_date > start_date),
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
      closed_at TEXT
    ) STRICT`,

    `CREATE TABLE journals (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      account_id INTEGER REFERENCES accounts(id)
    ) STRICT`,

    `CREATE TABLE entries (
      id INTEGER PRIMARY KEY,
      journal_id INTEGER NOT NULL REFERENCES journals(id),
      year INTEGER NOT NULL REFERENCES fiscal_years(year),
      number INTEGER,
      date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      description TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','posted')),
      reversal_of INTEGER REFERENCES entries(id),
      source TEXT NOT NULL DEFAULT 'manual',
      source_ref TEXT,
      created_at TEXT NOT NULL,
      CHECK ((status = 'posted') = (number IS NOT NULL))
    ) STRICT`,
    `CREATE UNIQUE INDEX entries_number ON entries(journal_id, year, number) WHERE number IS NOT NULL`,
    `CREATE INDEX entries_date ON entries(date)`,
    `CREATE UNIQUE INDEX entries_reversal ON entries(reversal_of) WHERE reversal_of IS NOT NULL`,

    // date and posted are copies of the entry's, kept on the line so reports aggregate one covering
    // index without a join; the triggers below keep them honest.
    `CREATE TABLE lines (
      id INTEGER PRIMARY KEY,
      entry_id INTEGER NOT NULL REFERENCES entries(id),
      account_id INTEGER NOT NULL REFERENCES accounts(id),
      amount_cents INTEGER NOT NULL CHECK (amount_cents <> 0),
      date TEXT NOT NULL,
      posted INTEGER NOT NULL DEFAULT 0 CHECK (posted IN (0,1)),
      description TEXT,
      contact_id INTEGER,
      grant_id INTEGER,
      budget_line_id INTEGER,
      person_id INTEGER
    ) STRICT`,
    `CREATE INDEX lines_entry ON lines(entry_id)`,

    // Running debit/credit totals per account and fiscal year, kept by the posting trigger in the same
    // transaction, so the trial balance of a year or of all years is read from a few hundred rows
    // instead of a million postings. kassa verify re-derives them from the lines.
    `CREATE TABLE account_totals (
      account_id INTEGER NOT NULL REFERENCES accounts(id),
      year INTEGER NOT NULL,
      debit_cents INTEGER NOT NULL,
      credit_cents INTEGER NOT NULL,
      PRIMARY KEY (account_id, year)
    ) STRICT, WITHOUT ROWID`,
    `CREATE TRIGGER account_totals_no_delete BEFORE DELETE ON account_totals BEGIN SELECT RAISE(ABORT, 'POSTED_IMMUTABLE'); END`,
    // posted comes last: posting flips it, and a leading posted column would move every index entry.
    `CREATE INDEX lines_account ON lines(account_id, date, amount_cents, posted)`,
    `CREATE INDEX lines_grant ON lines(grant_id, budget_line_id) WHERE grant_id IS NOT NULL`,

    // --- entries ---
    `CREATE TRIGGER entries_insert_check BEFORE INSERT ON entries BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: an entry is inserted as draft and then posted') WHERE NEW.status <> 'draft';
      SELECT RAISE(ABORT, 'YEAR_CLOSED') WHERE (SELECT status FROM fiscal_years WHERE year = NEW.year) <> 'open';
      SELECT RAISE(ABORT, 'NO_OPEN_YEAR: date outside its fiscal year')
        WHERE NOT EXISTS (SELECT 1 FROM fiscal_years WHERE year = NEW.year AND NEW.date BETWEEN start_date AND end_date);
    END`,
    `CREATE TRIGGER entries_posted_immutable BEFORE UPDATE ON entries WHEN OLD.status = 'posted' BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE');
    END`,
    `CREATE TRIGGER entries_posted_undeletable BEFORE DELETE ON entries WHEN OLD.status = 'posted' BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE');
    END`,
    `CREATE TRIGGER entries_draft_update_check BEFORE UPDATE ON entries WHEN OLD.status = 'draft' BEGIN
      SELECT RAISE(ABORT, 'YEAR_CLOSED') WHERE (SELECT status FROM fiscal_years WHERE year = NEW.year) <> 'open'
        OR (SELECT status FROM fiscal_years WHERE year = OLD.year) <> 'open';
      SELECT RAISE(ABORT, 'NO_OPEN_YEAR: date outside its fiscal year')
        WHERE NOT EXISTS (SELECT 1 FROM fiscal_years WHERE year = NEW.year AND NEW.date BETWEEN start_date AND end_date);
    END`,
    `CREATE TRIGGER entries_post_check BEFORE UPDATE OF status ON entries WHEN OLD.status = 'draft' AND NEW.status = 'posted' BEGIN
      SELECT RAISE(ABORT, 'UNBALANCED') WHERE (SELECT COUNT(*) FROM lines WHERE entry_id = NEW.id) < 2
        OR (SELECT SUM(amount_cents) FROM lines WHERE entry_id = NEW.id) <> 0;
      SELECT RAISE(ABORT, 'NOT_GAPLESS')
        WHERE NEW.number <> (SELECT COALESCE(MAX(number), 0) + 1 FROM entries
                             WHERE journal_id = NEW.journal_id AND year = NEW.year AND number IS NOT NULL);
      SELECT RAISE(ABORT, 'LINE_MISMATCH') WHERE EXISTS (SELECT 1 FROM lines WHERE entry_id = NEW.id AND date <> NEW.date);
    END`,
    `CREATE TRIGGER entries_post_lines AFTER UPDATE OF status ON entries WHEN OLD.status = 'draft' AND NEW.status = 'posted' BEGIN
      UPDATE lines SET posted = 1 WHERE entry_id = NEW.id;
      INSERT INTO account_totals (account_id, year, debit_cents, credit_cents)
        SELECT account_id, NEW.year, SUM(MAX(amount_cents, 0)), -SUM(MIN(amount_cents, 0)) FROM lines WHERE entry_id = NEW.id GROUP BY account_id
        ON CONFLICT (account_id, year) DO UPDATE SET debit_cents = debit_cents + excluded.debit_cents, credit_cents = credit_cents + excluded.credit_cents;
    END`,
    `CREATE TRIGGER entries_draft_date AFTER UPDATE OF date ON entries WHEN NEW.status = 'draft' BEGIN
      UPDATE lines SET date = NEW.date WHERE entry_id = NEW.id;
    END`,

    // --- lines ---
    `CREATE TRIGGER lines_insert_check BEFORE INSERT ON lines BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE') WHERE NEW.posted <> 0
        OR (SELECT status FROM entries WHERE id = NEW.entry_id) <> 'draft';
      SELECT RAISE(ABORT, 'LINE_MISMATCH') WHERE NEW.date <> (SELECT date FROM entries WHERE id = NEW.entry_id);
      SELECT RAISE(ABORT, 'YEAR_CLOSED')
        WHERE (SELECT f.status FROM entries e JOIN fiscal_years f ON f.year = e.year WHERE e.id = NEW.entry_id) <> 'open';
    END`,
    // Split by WHEN so the hot path (posting flips posted 0 -> 1) runs one cheap check.
    `CREATE TRIGGER lines_update_posted BEFORE UPDATE ON lines WHEN OLD.posted = 1 BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE');
    END`,
    `CREATE TRIGGER lines_update_posting BEFORE UPDATE ON lines WHEN OLD.posted = 0 AND NEW.posted = 1 BEGIN
      -- the only way to posted = 1 is through posting the entry (entries_post_lines)
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE')
        WHERE NEW.amount_cents <> OLD.amount_cents OR NEW.account_id <> OLD.account_id OR NEW.entry_id <> OLD.entry_id
           OR NEW.date <> OLD.date OR (SELECT status FROM entries WHERE id = NEW.entry_id) <> 'posted';
    END`,
    `CREATE TRIGGER lines_update_draft BEFORE UPDATE ON lines WHEN OLD.posted = 0 AND NEW.posted = 0 BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE') WHERE (SELECT status FROM entries WHERE id = NEW.entry_id) <> 'draft';
      SELECT RAISE(ABORT, 'LINE_MISMATCH') WHERE NEW.date <> (SELECT date FROM entries WHERE id = NEW.entry_id);
    END`,
    `CREATE TRIGGER lines_delete_check BEFORE DELETE ON lines WHEN OLD.posted = 1 BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE');
    END`,

    // --- years ---
    `CREATE TRIGGER fiscal_years_no_delete BEFORE DELETE ON fiscal_years
      WHEN EXISTS (SELECT 1 FROM entries WHERE year = OLD.year) BEGIN
      SELECT RAISE(ABORT, 'HAS_POSTINGS');
    END`,
    `CREATE TRIGGER fiscal_years_closed_dates BEFORE UPDATE OF start_date, end_date ON fiscal_years
      WHEN OLD.status = 'closed' BEGIN
      SELECT RAISE(ABORT, 'YEAR_CLOSED');
    END`,

    // --- accounts with postings are never deleted, only archived ---
    `CREATE TRIGGER accounts_no_delete BEFORE DELETE ON accounts
      WHEN EXISTS (SELECT 1 FROM lines WHERE account_id = OLD.id) BEGIN
      SELECT RAISE(ABORT, 'HAS_POSTINGS');
    END`,

    // --- audit log: append-only, hash-chained (the hash is computed by the app) ---
    `CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      action TEXT NOT NULL,
      entity TEXT,
      entity_id TEXT,
      payload TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL UNIQUE
    ) STRICT`,
    `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'AUDIT_APPEND_ONLY'); END`,
    `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'AUDIT_APPEND_ONLY'); END`,
    `CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log BEGIN
      SELECT RAISE(ABORT, 'AUDIT_CHAIN')
        WHERE NEW.prev_hash <> COALESCE((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '');
    END`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The books are never migrated down; restore the backup copy instead.');
}
