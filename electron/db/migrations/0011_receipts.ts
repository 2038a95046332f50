import { Kysely, sql } from 'kysely';

/**
 * Receipts with every entry and the opening balance (issue 18).
 *
 * - `attachments` also takes WebP photos (phones and browsers make them; every browser shows them).
 *   SQLite cannot change a CHECK constraint in place, so the table is rebuilt (SQLite's documented
 *   12-step procedure) with its indexes and triggers copied from the schema as they are, whichever
 *   migration made them. An index on sha256 makes storing a file twice find the first copy.
 * - `entry_attachments`: a receipt linked to an entry. A separate table, so a posted entry itself
 *   never changes. A link is final: never updated or removed, and only to a posted entry.
 * - `bank_transaction_attachments`: a receipt added to a bank line in the inbox, before it is
 *   booked. Booking the line copies the link to the entry; until then it may be removed.
 * - The opening entry (source 'opening'): at most one that is not reversed, so changing it is
 *   always "reverse the old one, then post the new one" (the app does both in one transaction).
 */
async function rebuildAttachments(db: Kysely<unknown>): Promise<void> {
  const keep = await sql<{ sql: string }>`SELECT sql FROM sqlite_schema
    WHERE tbl_name = 'attachments' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name`.execute(db);
  const steps = [
    `CREATE TABLE attachments_new (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      mime TEXT NOT NULL CHECK (mime IN ('application/pdf','image/png','image/jpeg','image/webp')),
      size INTEGER NOT NULL CHECK (size > 0 AND size <= 20971520),
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      data BLOB NOT NULL CHECK (length(data) = size),
      created_at TEXT NOT NULL
    ) STRICT`,
    `INSERT INTO attachments_new (id, name, mime, size, sha256, data, created_at)
      SELECT id, name, mime, size, sha256, data, created_at FROM attachments`,
    `DROP TABLE attachments`,
    `ALTER TABLE attachments_new RENAME TO attachments`,
    ...keep.rows.map((r) => r.sql),
    `CREATE INDEX attachments_sha256 ON attachments(sha256)`,
  ];
  // Foreign keys are off while the parent table is swapped: migrate() runs every migration in one
  // transaction with them off (they cannot be switched inside a transaction) and checks them all
  // before it commits. The legacy rename leaves the other tables' triggers alone while it is gone.
  await sql.raw('PRAGMA legacy_alter_table = ON').execute(db);
  try {
    for (const s of steps) await sql.raw(s).execute(db);
    const broken = await sql`PRAGMA foreign_key_check`.execute(db);
    if (broken.rows.length > 0) throw new Error('attachments rebuild broke a foreign key');
  } finally {
    await sql.raw('PRAGMA legacy_alter_table = OFF').execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await rebuildAttachments(db);
  const statements = [
    `CREATE TABLE entry_attachments (
      entry_id INTEGER NOT NULL REFERENCES entries(id),
      attachment_id INTEGER NOT NULL REFERENCES attachments(id),
      created_at TEXT NOT NULL,
      PRIMARY KEY (entry_id, attachment_id)
    ) STRICT, WITHOUT ROWID`,
    `CREATE INDEX entry_attachments_attachment ON entry_attachments(attachment_id)`,
    `CREATE TRIGGER entry_attachments_posted BEFORE INSERT ON entry_attachments
      WHEN NOT EXISTS (SELECT 1 FROM entries WHERE id = NEW.entry_id AND status = 'posted') BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: a receipt is linked to a posted entry only');
    END`,
    `CREATE TRIGGER entry_attachments_no_update BEFORE UPDATE ON entry_attachments BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: a receipt link never changes');
    END`,
    `CREATE TRIGGER entry_attachments_no_delete BEFORE DELETE ON entry_attachments BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: a receipt link is kept');
    END`,
    `CREATE TRIGGER attachments_keep_entry_receipts BEFORE DELETE ON attachments
      WHEN EXISTS (SELECT 1 FROM entry_attachments WHERE attachment_id = OLD.id) BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: the receipt of an entry is kept');
    END`,

    `CREATE TABLE bank_transaction_attachments (
      transaction_id INTEGER NOT NULL REFERENCES bank_transactions(id),
      attachment_id INTEGER NOT NULL REFERENCES attachments(id),
      created_at TEXT NOT NULL,
      PRIMARY KEY (transaction_id, attachment_id)
    ) STRICT, WITHOUT ROWID`,
    `CREATE INDEX bank_transaction_attachments_attachment ON bank_transaction_attachments(attachment_id)`,
    `CREATE TRIGGER attachments_keep_bank_receipts BEFORE DELETE ON attachments
      WHEN EXISTS (SELECT 1 FROM bank_transaction_attachments WHERE attachment_id = OLD.id) BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: the receipt of a bank line is kept');
    END`,

    `CREATE INDEX entries_opening ON entries(year) WHERE source = 'opening'`,
    `CREATE TRIGGER entries_one_opening BEFORE UPDATE OF status ON entries
      WHEN NEW.source = 'opening' AND NEW.status = 'posted' AND EXISTS (
        SELECT 1 FROM entries o WHERE o.source = 'opening' AND o.status = 'posted' AND o.id <> NEW.id
          AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.reversal_of = o.id)) BEGIN
      SELECT RAISE(ABORT, 'POSTED_IMMUTABLE: reverse the opening entry before posting a new one');
    END`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The books are never migrated down; restore the backup copy instead.');
}
