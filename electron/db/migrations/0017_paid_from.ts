import { Kysely, sql } from 'kysely';

/**
 * A purchase paid on the spot (issues 16/18): the kas or bank account it was paid from, kept on the
 * invoice itself, so a draft saved, closed and reopened still knows it was already paid, and
 * finalising books it paid with no due date. Only purchases carry it, and never with a due date:
 * nothing is due of what was paid at the till, so such an invoice can never be "te laat".
 * Existing rows keep NULL (a cash purchase booked before this still has no due date).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `ALTER TABLE invoices ADD COLUMN paid_from_account_id INTEGER REFERENCES accounts(id)
        CHECK (paid_from_account_id IS NULL OR (kind = 'purchase' AND due_date IS NULL))`,
    )
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The books are never migrated down; restore the backup copy instead.');
}
