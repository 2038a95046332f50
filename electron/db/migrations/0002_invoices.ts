import { Kysely, sql } from 'kysely';

/**
 * Contacts (shared by invoices, grants and the bank), sales and purchase invoices with their lines,
 * stored attachments (supplier invoices, the logo) and the payments that settle invoices.
 *
 * Invariants the database keeps whatever code writes to the file:
 * - an invoice is inserted as a draft and only becomes final through the finalise check: it then has
 *   a posted entry, at least one line and, for a sales invoice or credit note, the next number of
 *   its series (gapless: seq = highest final seq of the series + 1; numbers unique);
 * - a final invoice and its lines are never updated or deleted (a correction is a credit note);
 * - a supplier's invoice number is registered once per supplier;
 * - attachments never change; one that a final invoice refers to is never deleted;
 * - payments are append-only and only settle final invoices.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE contacts (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('customer','supplier','fund','other')),
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      contact_name TEXT,
      street TEXT,
      postcode TEXT,
      city TEXT,
      country TEXT NOT NULL DEFAULT 'NL' CHECK (length(country) = 2),
      email TEXT,
      phone TEXT,
      kvk TEXT CHECK (kvk IS NULL OR kvk GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
      vat_number TEXT,
      iban TEXT,
      oin TEXT CHECK (oin IS NULL OR (length(oin) = 20 AND oin NOT GLOB '*[^0-9]*')),
      order_reference TEXT,
      fund_type TEXT CHECK (fund_type IS NULL OR fund_type IN ('government','fund','lottery','company','private')),
      note TEXT,
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0,1)),
      created_at TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX contacts_kind_name ON contacts(kind, name COLLATE NOCASE)`,
    `CREATE INDEX contacts_iban ON contacts(iban) WHERE iban IS NOT NULL`,

    // Content-addressed files kept inside the administration (a supplier's PDF, a scanned receipt,
    // the logo). Never changed; the sha256 lets an auditor check a copy.
    `CREATE TABLE attachments (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      mime TEXT NOT NULL CHECK (mime IN ('application/pdf','image/png','image/jpeg')),
      size INTEGER NOT NULL CHECK (size > 0 AND size <= 20971520),
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      data BLOB NOT NULL CHECK (length(data) = size),
      created_at TEXT NOT NULL
    ) STRICT`,
    `CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: an attachment never changes');
    END`,

    `CREATE TABLE invoice_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`,

    `CREATE TABLE invoices (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('sales','purchase')),
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','final')),
      -- sales: assigned on finalising ("2026-0001"); purchase: the supplier's own number
      number TEXT,
      -- sales: the series the number belongs to (the number format with the year filled in) and the
      -- place in it; gapless per series
      series TEXT,
      seq INTEGER CHECK (seq IS NULL OR seq > 0),
      number_format TEXT,
      contact_id INTEGER NOT NULL REFERENCES contacts(id),
      issue_date TEXT NOT NULL CHECK (issue_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      supply_date TEXT,
      due_date TEXT,
      credit_of INTEGER REFERENCES invoices(id),
      buyer_reference TEXT,
      order_reference TEXT,
      note TEXT,
      vat_status TEXT NOT NULL CHECK (vat_status IN ('none','exempt','kor','liable')),
      net_cents INTEGER NOT NULL DEFAULT 0,
      vat_cents INTEGER NOT NULL DEFAULT 0,
      gross_cents INTEGER NOT NULL DEFAULT 0,
      entry_id INTEGER REFERENCES entries(id),
      attachment_id INTEGER REFERENCES attachments(id),
      -- the parties exactly as printed when the invoice was finalised (JSON), so a reprint years
      -- later shows the addresses of that day
      seller_json TEXT,
      buyer_json TEXT,
      created_at TEXT NOT NULL,
      finalised_at TEXT,
      CHECK ((status = 'final') = (entry_id IS NOT NULL)),
      CHECK (kind = 'purchase' OR status = 'final' OR (number IS NULL AND seq IS NULL)),
      CHECK (kind = 'sales' OR (credit_of IS NULL AND seq IS NULL)),
      CHECK (kind = 'purchase' OR status = 'draft' OR (number IS NOT NULL AND series IS NOT NULL AND seq IS NOT NULL))
    ) STRICT`,
    `CREATE UNIQUE INDEX invoices_sales_number ON invoices(number) WHERE kind = 'sales' AND number IS NOT NULL`,
    `CREATE UNIQUE INDEX invoices_sales_seq ON invoices(series, seq) WHERE kind = 'sales' AND seq IS NOT NULL`,
    `CREATE UNIQUE INDEX invoices_purchase_number ON invoices(contact_id, upper(trim(number))) WHERE kind = 'purchase' AND number IS NOT NULL`,
    `CREATE INDEX invoices_list ON invoices(kind, issue_date, id)`,
    `CREATE INDEX invoices_contact ON invoices(contact_id, kind)`,
    `CREATE INDEX invoices_credit_of ON invoices(credit_of) WHERE credit_of IS NOT NULL`,
    `CREATE UNIQUE INDEX invoices_entry ON invoices(entry_id) WHERE entry_id IS NOT NULL`,
    `CREATE INDEX invoices_attachment ON invoices(attachment_id) WHERE attachment_id IS NOT NULL`,
    `CREATE INDEX invoices_date ON invoices(issue_date, id)`,

    `CREATE TRIGGER invoices_insert_draft BEFORE INSERT ON invoices BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: an invoice is inserted as draft and then finalised') WHERE NEW.status <> 'draft';
    END`,
    `CREATE TRIGGER invoices_final_immutable BEFORE UPDATE ON invoices WHEN OLD.status = 'final' BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: a final invoice never changes');
    END`,
    `CREATE TRIGGER invoices_final_undeletable BEFORE DELETE ON invoices WHEN OLD.status = 'final' BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: a final invoice is never deleted');
    END`,
    `CREATE TRIGGER invoices_finalise_check BEFORE UPDATE OF status ON invoices
      WHEN OLD.status = 'draft' AND NEW.status = 'final' BEGIN
      SELECT RAISE(ABORT, 'INVOICE_NOT_BOOKED')
        WHERE NOT EXISTS (SELECT 1 FROM entries WHERE id = NEW.entry_id AND status = 'posted');
      SELECT RAISE(ABORT, 'INVOICE_NO_LINES') WHERE NOT EXISTS (SELECT 1 FROM invoice_lines WHERE invoice_id = NEW.id);
      -- only final sales invoices have a seq (drafts have none), so this reads invoices_sales_seq
      SELECT RAISE(ABORT, 'NOT_GAPLESS')
        WHERE NEW.kind = 'sales' AND NEW.seq <> (SELECT COALESCE(MAX(seq), 0) + 1 FROM invoices
                                                 WHERE kind = 'sales' AND series = NEW.series AND seq IS NOT NULL);
      SELECT RAISE(ABORT, 'INVOICE_CREDIT_OF')
        WHERE NEW.credit_of IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM invoices o WHERE o.id = NEW.credit_of AND o.kind = 'sales' AND o.status = 'final'
            AND o.credit_of IS NULL AND o.contact_id = NEW.contact_id);
    END`,

    `CREATE TABLE invoice_lines (
      id INTEGER PRIMARY KEY,
      invoice_id INTEGER NOT NULL REFERENCES invoices(id),
      position INTEGER NOT NULL,
      description TEXT NOT NULL,
      -- decimal string with a dot ("1.5"); negative on a credit note
      quantity TEXT NOT NULL,
      unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
      vat_rate TEXT NOT NULL CHECK (vat_rate IN ('21','9','0','exempt','none')),
      net_cents INTEGER NOT NULL,
      -- purchase lines: the VAT on the supplier's invoice (sales VAT is computed per rate)
      vat_cents INTEGER NOT NULL DEFAULT 0,
      account_id INTEGER NOT NULL REFERENCES accounts(id),
      grant_id INTEGER,
      budget_line_id INTEGER,
      UNIQUE (invoice_id, position)
    ) STRICT`,
    `CREATE TRIGGER invoice_lines_insert_final BEFORE INSERT ON invoice_lines
      WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'final' BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: a final invoice never changes');
    END`,
    `CREATE TRIGGER invoice_lines_update_final BEFORE UPDATE ON invoice_lines
      WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'final'
        OR (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'final' BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: a final invoice never changes');
    END`,
    `CREATE TRIGGER invoice_lines_delete_final BEFORE DELETE ON invoice_lines
      WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'final' BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: a final invoice never changes');
    END`,

    `CREATE TRIGGER attachments_no_delete_final BEFORE DELETE ON attachments
      WHEN EXISTS (SELECT 1 FROM invoices WHERE attachment_id = OLD.id AND status = 'final') BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: the attachment of a final invoice is kept');
    END`,

    // A payment moves money against an invoice: amount_cents > 0 reduces what is open (a receipt on a
    // sales invoice, a payment of a purchase invoice); < 0 is a refund. entry_id is the posted entry
    // that moves 1300/1400; bank_entry_id the bank entry it came from when that differs.
    `CREATE TABLE invoice_payments (
      id INTEGER PRIMARY KEY,
      invoice_id INTEGER NOT NULL REFERENCES invoices(id),
      entry_id INTEGER NOT NULL REFERENCES entries(id),
      bank_entry_id INTEGER REFERENCES entries(id),
      date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      amount_cents INTEGER NOT NULL CHECK (amount_cents <> 0),
      -- how: 'posted' (this payment posted its own bank entry), 'linked' (an existing bank entry on
      -- 1300/1400), 'reversal' (undoes payment reversal_of)
      method TEXT NOT NULL CHECK (method IN ('posted','linked','reversal')),
      reversal_of INTEGER REFERENCES invoice_payments(id),
      created_at TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX invoice_payments_invoice ON invoice_payments(invoice_id, date)`,
    `CREATE INDEX invoice_payments_entry ON invoice_payments(entry_id)`,
    `CREATE UNIQUE INDEX invoice_payments_reversal ON invoice_payments(reversal_of) WHERE reversal_of IS NOT NULL`,
    `CREATE TRIGGER invoice_payments_insert_check BEFORE INSERT ON invoice_payments BEGIN
      SELECT RAISE(ABORT, 'INVOICE_NOT_FINAL') WHERE (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'final';
      SELECT RAISE(ABORT, 'INVOICE_NOT_BOOKED') WHERE NOT EXISTS (SELECT 1 FROM entries WHERE id = NEW.entry_id AND status = 'posted');
    END`,
    `CREATE TRIGGER invoice_payments_no_update BEFORE UPDATE ON invoice_payments BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: payments are append-only');
    END`,
    `CREATE TRIGGER invoice_payments_no_delete BEFORE DELETE ON invoice_payments BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: payments are append-only');
    END`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The books are never migrated down; restore the backup copy instead.');
}
