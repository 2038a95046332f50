import { Kysely, sql } from 'kysely';

/**
 * VAT and e-invoice rules (issue 16).
 *
 * - `invoice_lines.vat_reason`: why a line carries 0 % VAT — an intra-community supply (EN 16931
 *   category K), an export outside the EU (G) or another supply of tabel II Wet OB (Z). Only with
 *   rate '0'; the service requires it there for new invoices. Older final lines keep NULL (their
 *   facts in the history chain stay as they were hashed).
 * - `contacts.einvoice`: the customer wants e-invoices (UBL) although it has no OIN; such a customer,
 *   like one with an OIN, needs a buyer reference or order number on every invoice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `ALTER TABLE invoice_lines ADD COLUMN vat_reason TEXT
      CHECK (vat_reason IS NULL OR (vat_rate = '0' AND vat_reason IN ('intraCommunity','export','zeroRated')))`,
    `ALTER TABLE contacts ADD COLUMN einvoice INTEGER NOT NULL DEFAULT 0 CHECK (einvoice IN (0,1))`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The books are never migrated down; restore the backup copy instead.');
}
