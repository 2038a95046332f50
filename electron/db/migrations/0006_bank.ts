import { Kysely, sql } from 'kysely';

/**
 * Bank statements (issue 8): imported files, their transactions waiting in the inbox, the matching
 * rules and the reconciliation points (bank balance vs book balance per statement date).
 *
 * Invariants the database keeps whatever code writes to the file:
 * - a file is imported once (file_hash UNIQUE) and an import is never changed or removed;
 * - a transaction is stored once per bank account: by its fingerprint (date, amount, counterparty
 *   IBAN, description and its occurrence that day) and, when the bank gives one, by its reference;
 * - a transaction is booked only with a posted entry; a booked transaction only goes back to the
 *   inbox once that entry has been reversed (a correction is a reversal, as everywhere in the books);
 * - transactions are never deleted: the inbox is the record of what the bank said.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE bank_imports (
      id INTEGER PRIMARY KEY,
      file_hash TEXT NOT NULL UNIQUE CHECK (length(file_hash) = 64),
      file_name TEXT NOT NULL,
      format TEXT NOT NULL,
      account_id INTEGER NOT NULL REFERENCES accounts(id),
      statement_iban TEXT NOT NULL,
      statement_id TEXT,
      imported_at TEXT NOT NULL,
      date_from TEXT,
      date_to TEXT,
      opening_cents INTEGER,
      closing_cents INTEGER,
      book_opening_cents INTEGER NOT NULL,
      book_closing_cents INTEGER NOT NULL,
      transaction_count INTEGER NOT NULL CHECK (transaction_count >= 0),
      added_count INTEGER NOT NULL CHECK (added_count >= 0),
      duplicate_count INTEGER NOT NULL CHECK (duplicate_count >= 0),
      warnings TEXT NOT NULL DEFAULT '[]',
      CHECK (added_count + duplicate_count = transaction_count)
    ) STRICT`,
    `CREATE INDEX bank_imports_account ON bank_imports(account_id, date_to)`,
    `CREATE TRIGGER bank_imports_no_update BEFORE UPDATE ON bank_imports BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: an import is never changed');
    END`,
    `CREATE TRIGGER bank_imports_no_delete BEFORE DELETE ON bank_imports BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: an import is never removed');
    END`,

    `CREATE TABLE bank_rules (
      id INTEGER PRIMARY KEY,
      match_iban TEXT,
      match_text TEXT CHECK (match_text IS NULL OR length(trim(match_text)) > 0),
      direction TEXT CHECK (direction IS NULL OR direction IN ('in','out')),
      account_id INTEGER NOT NULL REFERENCES accounts(id),
      grant_id INTEGER,
      budget_line_id INTEGER,
      person_id INTEGER,
      description TEXT,
      priority INTEGER NOT NULL DEFAULT 0,
      created_from TEXT NOT NULL DEFAULT 'user',
      created_at TEXT NOT NULL,
      CHECK (match_iban IS NOT NULL OR match_text IS NOT NULL)
    ) STRICT`,

    `CREATE TABLE bank_transactions (
      id INTEGER PRIMARY KEY,
      import_id INTEGER NOT NULL REFERENCES bank_imports(id),
      account_id INTEGER NOT NULL REFERENCES accounts(id),
      -- source line in the file, for messages
      line INTEGER,
      date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      value_date TEXT,
      amount_cents INTEGER NOT NULL,
      counterparty_name TEXT,
      counterparty_iban TEXT,
      description TEXT NOT NULL,
      bank_ref TEXT,
      end_to_end_id TEXT,
      -- duplicate keys: content (+ occurrence that day) always; date + amount + bank reference when given
      fingerprint TEXT NOT NULL,
      ref_key TEXT,
      status TEXT NOT NULL DEFAULT 'inbox' CHECK (status IN ('inbox','booked','ignored')),
      entry_id INTEGER REFERENCES entries(id),
      booked_at TEXT,
      -- the treasurer's choice (the other side of the bank line)
      assign_account_id INTEGER REFERENCES accounts(id),
      assign_grant_id INTEGER,
      assign_budget_line_id INTEGER,
      assign_person_id INTEGER,
      assign_contact_id INTEGER,
      assign_invoice_id INTEGER,
      assign_description TEXT,
      -- what the app suggests, and why (Dutch, shown to the treasurer)
      suggest_account_id INTEGER REFERENCES accounts(id),
      suggest_grant_id INTEGER,
      suggest_budget_line_id INTEGER,
      suggest_person_id INTEGER,
      suggest_contact_id INTEGER,
      suggest_invoice_id INTEGER,
      suggest_kind TEXT CHECK (suggest_kind IS NULL OR suggest_kind IN ('invoice','rule','history','transfer')),
      suggest_rule_id INTEGER,
      suggest_reason TEXT,
      CHECK ((status = 'booked') = (entry_id IS NOT NULL)),
      CHECK (status <> 'booked' OR assign_account_id IS NOT NULL)
    ) STRICT`,
    `CREATE UNIQUE INDEX bank_transactions_fingerprint ON bank_transactions(account_id, fingerprint)`,
    `CREATE UNIQUE INDEX bank_transactions_ref ON bank_transactions(account_id, ref_key) WHERE ref_key IS NOT NULL`,
    `CREATE INDEX bank_transactions_inbox ON bank_transactions(status, account_id, date, id)`,
    `CREATE INDEX bank_transactions_account_date ON bank_transactions(account_id, date, amount_cents)`,
    `CREATE INDEX bank_transactions_iban ON bank_transactions(counterparty_iban, status) WHERE counterparty_iban IS NOT NULL`,
    `CREATE INDEX bank_transactions_entry ON bank_transactions(entry_id) WHERE entry_id IS NOT NULL`,
    `CREATE TRIGGER bank_transactions_no_delete BEFORE DELETE ON bank_transactions BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: a bank transaction is never removed');
    END`,
    // A booked line changes only back to the inbox, and only once its entry has been reversed.
    `CREATE TRIGGER bank_transactions_booked_immutable BEFORE UPDATE ON bank_transactions WHEN OLD.status = 'booked' BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: a booked bank transaction never changes')
        WHERE NEW.status <> 'inbox' OR NEW.entry_id IS NOT NULL
           OR NOT EXISTS (SELECT 1 FROM entries WHERE reversal_of = OLD.entry_id AND status = 'posted');
    END`,
    `CREATE TRIGGER bank_transactions_facts BEFORE UPDATE ON bank_transactions BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: what the bank said never changes')
        WHERE NEW.import_id IS NOT OLD.import_id OR NEW.account_id IS NOT OLD.account_id OR NEW.date IS NOT OLD.date
           OR NEW.amount_cents IS NOT OLD.amount_cents OR NEW.counterparty_iban IS NOT OLD.counterparty_iban
           OR NEW.description IS NOT OLD.description OR NEW.fingerprint IS NOT OLD.fingerprint OR NEW.ref_key IS NOT OLD.ref_key;
    END`,
    `CREATE TRIGGER bank_transactions_book_check BEFORE UPDATE OF status ON bank_transactions
      WHEN NEW.status = 'booked' BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: a transaction is booked with a posted entry')
        WHERE NOT EXISTS (SELECT 1 FROM entries WHERE id = NEW.entry_id AND status = 'posted');
    END`,
    `CREATE TRIGGER bank_transactions_insert_inbox BEFORE INSERT ON bank_transactions BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: a transaction starts in the inbox') WHERE NEW.status <> 'inbox';
    END`,

    // Bank balance per statement date (the opening balance of a statement is dated the day before
    // it starts), with the book balance and difference as last checked. The live figures are
    // recomputed by the app (reconciliationStatus); this table keeps what the bank said and when the
    // books last agreed.
    `CREATE TABLE reconciliations (
      id INTEGER PRIMARY KEY,
      account_id INTEGER NOT NULL REFERENCES accounts(id),
      statement_date TEXT NOT NULL CHECK (statement_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      bank_balance_cents INTEGER NOT NULL,
      book_balance_cents INTEGER NOT NULL,
      difference_cents INTEGER NOT NULL,
      import_id INTEGER NOT NULL REFERENCES bank_imports(id),
      checked_at TEXT NOT NULL,
      reconciled_at TEXT,
      UNIQUE (account_id, statement_date)
    ) STRICT`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The books are never migrated down; restore the backup copy instead.');
}
