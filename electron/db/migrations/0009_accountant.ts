import { Kysely, sql } from 'kysely';
import { DEFAULT_CHART } from '../../../shared/chart';
import { DEFAULT_RGS } from '../../../shared/rgs';

/**
 * Output an accountant signs off (issue 16): every account of the default chart gets its RGS code
 * (shared/rgs.ts), so an XAF of an older administration carries them as well.
 *
 * Only accounts that still are what the default chart made them (same code and same type) and have
 * no code yet are filled: a code the treasurer or the accountant set is never overwritten, and an
 * account number reused for something else keeps its empty code.
 *
 * `lines_contact` lets the XAF find the contacts on a year's lines (its customersSuppliers) without
 * reading every line; partial, so lines without a contact (most of them) cost nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw('CREATE INDEX lines_contact ON lines(contact_id) WHERE contact_id IS NOT NULL').execute(db);
  for (const a of DEFAULT_CHART) {
    const rgs = DEFAULT_RGS[a.code];
    if (!rgs) continue;
    await sql`UPDATE accounts SET rgs_code = ${rgs}
              WHERE code = ${a.code} AND type = ${a.type} AND (rgs_code IS NULL OR trim(rgs_code) = '')`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('The books are never migrated down; restore the backup copy instead.');
}
