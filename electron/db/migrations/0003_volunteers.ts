import { Kysely, sql } from 'kysely';

/**
 * Volunteers (DESIGN.md section 5): persons, their fee and reimbursement payments, the treasurer's
 * own yearly limits, receipts and SEPA batches.
 *
 * A payment is tied to a posted entry (entry_id) the moment it is saved, so everything that entry
 * says (person, date, amount, kind, account) is frozen here too: only the payment's progress may
 * change (approved -> paid, or -> cancelled by a reversal). A receipt is a row of the shared
 * `attachments` table (migration 0002), linked once and then kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const DATE = `GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
  const statements = [
    `CREATE TABLE persons (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      birth_date TEXT CHECK (birth_date IS NULL OR birth_date ${DATE}),
      street TEXT,
      postcode TEXT,
      city TEXT,
      iban TEXT,
      email TEXT,
      benefit TEXT NOT NULL DEFAULT 'none' CHECK (benefit IN ('none','bijstand','uwv','other')),
      benefit_note TEXT,
      also_paid_or_invoices INTEGER NOT NULL DEFAULT 0 CHECK (also_paid_or_invoices IN (0,1)),
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0,1)),
      created_at TEXT NOT NULL
    ) STRICT`,

    `CREATE TABLE volunteer_sepa_batches (
      id INTEGER PRIMARY KEY,
      message_id TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      execution_date TEXT NOT NULL CHECK (execution_date ${DATE}),
      debtor_account_id INTEGER NOT NULL REFERENCES accounts(id),
      count INTEGER NOT NULL CHECK (count > 0),
      total_cents INTEGER NOT NULL CHECK (total_cents > 0),
      file_name TEXT NOT NULL,
      file_sha256 TEXT NOT NULL
    ) STRICT`,

    `CREATE TABLE volunteer_payments (
      id INTEGER PRIMARY KEY,
      person_id INTEGER NOT NULL REFERENCES persons(id),
      date TEXT NOT NULL CHECK (date ${DATE}),
      period_from TEXT CHECK (period_from IS NULL OR period_from ${DATE}),
      period_to TEXT CHECK (period_to IS NULL OR period_to ${DATE}),
      hours TEXT CHECK (hours IS NULL OR (hours GLOB '[0-9]*' AND hours NOT GLOB '*[^0-9.]*' AND CAST(hours AS REAL) > 0)),
      amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
      kind TEXT NOT NULL CHECK (kind IN ('fee','reimbursement')),
      description TEXT NOT NULL CHECK (length(trim(description)) > 0),
      as_wages INTEGER NOT NULL DEFAULT 0 CHECK (as_wages IN (0,1)),
      wages_confirmation TEXT,
      pay_from_account_id INTEGER NOT NULL REFERENCES accounts(id),
      entry_id INTEGER REFERENCES entries(id),
      grant_id INTEGER,
      budget_line_id INTEGER,
      attachment_id INTEGER REFERENCES attachments(id),
      status TEXT NOT NULL DEFAULT 'approved' CHECK (status IN ('approved','paid','cancelled')),
      paid_entry_id INTEGER REFERENCES entries(id),
      paid_date TEXT CHECK (paid_date IS NULL OR paid_date ${DATE}),
      sepa_batch_id INTEGER REFERENCES volunteer_sepa_batches(id),
      cancel_entry_id INTEGER REFERENCES entries(id),
      created_at TEXT NOT NULL,
      CHECK (period_from IS NULL OR period_to IS NULL OR period_from <= period_to),
      CHECK (as_wages = 0 OR length(trim(coalesce(wages_confirmation, ''))) > 0),
      CHECK (status <> 'paid' OR (paid_entry_id IS NOT NULL AND paid_date IS NOT NULL)),
      CHECK (status <> 'cancelled' OR cancel_entry_id IS NOT NULL)
    ) STRICT`,
    `CREATE INDEX volunteer_payments_person ON volunteer_payments(person_id, date)`,
    `CREATE INDEX volunteer_payments_date ON volunteer_payments(date, person_id)`,

    // Running totals per calendar month, person, kind, wages flag and status, kept by the triggers
    // below in the same transaction (like account_totals): the yearly overview aggregates a few
    // thousand of these rows instead of every payment. Payments are insert-only and frozen apart
    // from their status, so an insert and a status change are the only events to follow.
    `CREATE TABLE volunteer_month_totals (
      month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
      person_id INTEGER NOT NULL REFERENCES persons(id),
      kind TEXT NOT NULL,
      as_wages INTEGER NOT NULL,
      status TEXT NOT NULL,
      amount_cents INTEGER NOT NULL,
      count INTEGER NOT NULL CHECK (count >= 0),
      PRIMARY KEY (month, person_id, kind, as_wages, status)
    ) STRICT, WITHOUT ROWID`,
    `CREATE TRIGGER volunteer_month_totals_no_delete BEFORE DELETE ON volunteer_month_totals BEGIN SELECT RAISE(ABORT, 'POSTED_IMMUTABLE'); END`,
    `CREATE TRIGGER volunteer_payments_totals_insert AFTER INSERT ON volunteer_payments BEGIN
      INSERT INTO volunteer_month_totals (month, person_id, kind, as_wages, status, amount_cents, count)
        VALUES (substr(NEW.date, 1, 7), NEW.person_id, NEW.kind, NEW.as_wages, NEW.status, NEW.amount_cents, 1)
        ON CONFLICT (month, person_id, kind, as_wages, status)
        DO UPDATE SET amount_cents = amount_cents + excluded.amount_cents, count = count + 1;
    END`,
    `CREATE TRIGGER volunteer_payments_totals_status AFTER UPDATE OF status ON volunteer_payments
      WHEN NEW.status <> OLD.status BEGIN
      UPDATE volunteer_month_totals SET amount_cents = amount_cents - OLD.amount_cents, count = count - 1
        WHERE month = substr(OLD.date, 1, 7) AND person_id = OLD.person_id AND kind = OLD.kind
          AND as_wages = OLD.as_wages AND status = OLD.status;
      INSERT INTO volunteer_month_totals (month, person_id, kind, as_wages, status, amount_cents, count)
        VALUES (substr(NEW.date, 1, 7), NEW.person_id, NEW.kind, NEW.as_wages, NEW.status, NEW.amount_cents, 1)
        ON CONFLICT (month, person_id, kind, as_wages, status)
        DO UPDATE SET amount_cents = amount_cents + excluded.amount_cents, count = count + 1;
    END`,
    `CREATE INDEX volunteer_payments_batch ON volunteer_payments(sepa_batch_id) WHERE sepa_batch_id IS NOT NULL`,

    // The treasurer's own rows (settings); they override the built-in table of shared/rules.
    `CREATE TABLE volunteer_limits (
      year INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 9999),
      per_hour_adult_cents INTEGER NOT NULL CHECK (per_hour_adult_cents > 0),
      per_hour_young_cents INTEGER NOT NULL CHECK (per_hour_young_cents > 0 AND per_hour_young_cents <= per_hour_adult_cents),
      age_threshold INTEGER NOT NULL CHECK (age_threshold BETWEEN 0 AND 120),
      per_month_cents INTEGER NOT NULL CHECK (per_month_cents > 0),
      per_year_cents INTEGER NOT NULL CHECK (per_year_cents >= per_month_cents),
      source TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,

    // --- payments: frozen once saved; only their progress moves forward ---
    `CREATE TRIGGER volunteer_payments_insert_check BEFORE INSERT ON volunteer_payments BEGIN
      SELECT RAISE(ABORT, 'YEAR_CLOSED')
        WHERE (SELECT status FROM fiscal_years WHERE NEW.date BETWEEN start_date AND end_date) = 'closed';
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: a payment starts approved') WHERE NEW.status <> 'approved';
    END`,
    `CREATE TRIGGER volunteer_payments_frozen BEFORE UPDATE OF
      person_id, date, period_from, period_to, hours, amount_cents, kind, description, as_wages, wages_confirmation,
      pay_from_account_id, grant_id, budget_line_id, created_at ON volunteer_payments BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE');
    END`,
    `CREATE TRIGGER volunteer_payments_entry_once BEFORE UPDATE OF entry_id ON volunteer_payments
      WHEN OLD.entry_id IS NOT NULL BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE');
    END`,
    `CREATE TRIGGER volunteer_payments_receipt_once BEFORE UPDATE OF attachment_id ON volunteer_payments
      WHEN OLD.attachment_id IS NOT NULL BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE');
    END`,
    `CREATE TRIGGER attachments_keep_volunteer_receipts BEFORE DELETE ON attachments
      WHEN EXISTS (SELECT 1 FROM volunteer_payments WHERE attachment_id = OLD.id) BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: the receipt of a volunteer payment is kept');
    END`,
    `CREATE TRIGGER volunteer_payments_paid_once BEFORE UPDATE OF paid_entry_id, paid_date ON volunteer_payments
      WHEN OLD.paid_entry_id IS NOT NULL OR OLD.paid_date IS NOT NULL BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE');
    END`,
    `CREATE TRIGGER volunteer_payments_status BEFORE UPDATE OF status ON volunteer_payments
      WHEN NEW.status <> OLD.status BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE') WHERE OLD.status = 'cancelled' OR (OLD.status = 'paid' AND NEW.status = 'approved');
      SELECT RAISE(ABORT, 'YEAR_CLOSED') WHERE NEW.status = 'cancelled'
        AND (SELECT status FROM fiscal_years WHERE OLD.date BETWEEN start_date AND end_date) = 'closed';
    END`,
    `CREATE TRIGGER volunteer_payments_no_delete BEFORE DELETE ON volunteer_payments BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE');
    END`,

    `CREATE TRIGGER volunteer_sepa_batches_no_update BEFORE UPDATE ON volunteer_sepa_batches BEGIN SELECT RAISE(ABORT, 'POSTED_IMMUTABLE'); END`,
    `CREATE TRIGGER volunteer_sepa_batches_no_delete BEFORE DELETE ON volunteer_sepa_batches BEGIN SELECT RAISE(ABORT, 'POSTED_IMMUTABLE'); END`,

    // A person with payments or postings is archived, never deleted.
    `CREATE TRIGGER persons_no_delete BEFORE DELETE ON persons
      WHEN EXISTS (SELECT 1 FROM volunteer_payments WHERE person_id = OLD.id)
        OR EXISTS (SELECT 1 FROM lines WHERE person_id = OLD.id) BEGIN
      SELECT RAISE(ABORT, 'HAS_POSTINGS');
    END`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The books are never migrated down; restore the backup copy instead.');
}
