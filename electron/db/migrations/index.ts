import type { Migration, MigrationProvider } from 'kysely';
import { SCHEMA_VERSION } from '../schemaVersion';
import * as m0001 from './0001_books';
import * as m0002 from './0002_invoices';
import * as m0003 from './0003_volunteers';
import * as m0004 from './0004_grants';
import * as m0005 from './0005_statements';
import * as m0006 from './0006_bank';
import * as m0007 from './0007_history';
import * as m0008 from './0008_admin_id';
import * as m0009 from './0009_accountant';
import * as m0010 from './0010_statements_rj';
import * as m0011 from './0011_receipts';
import * as m0012 from './0012_review';
import * as m0013 from './0013_invoice_vat';
import * as m0014 from './0014_bank_link';
import * as m0015 from './0015_ledger_index';
import * as m0016 from './0016_posting_triggers';
import * as m0017 from './0017_paid_from';
import * as m0018 from './0018_suggest_says';
import * as m0019 from './0019_smaller_books';

/**
 * Every schema version the app knows, in order. A static list (no directory scan) so it works
 * the same from ts sources, compiled dist/ and a packaged asar. The file's PRAGMA user_version
 * is the number of migrations applied; a file with a higher number comes from a newer app.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_books': m0001,
  '0002_invoices': m0002,
  '0003_volunteers': m0003,
  '0004_grants': m0004,
  '0005_statements': m0005,
  '0006_bank': m0006,
  '0007_history': m0007,
  '0008_admin_id': m0008,
  '0009_accountant': m0009,
  '0010_statements_rj': m0010,
  '0011_receipts': m0011,
  '0012_review': m0012,
  '0013_invoice_vat': m0013,
  '0014_bank_link': m0014,
  '0015_ledger_index': m0015,
  '0016_posting_triggers': m0016,
  '0017_paid_from': m0017,
  '0018_suggest_says': m0018,
  '0019_smaller_books': m0019,
};

export { SCHEMA_VERSION };
// A migration added without raising schemaVersion.ts (or the reverse) fails every open and create.
if (Object.keys(MIGRATIONS).length !== SCHEMA_VERSION) {
  throw new Error(`schemaVersion.ts says ${SCHEMA_VERSION}, but there are ${Object.keys(MIGRATIONS).length} migrations`);
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
