import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_books';
import * as m0002 from './0002_invoices';
import * as m0003 from './0003_volunteers';
import * as m0004 from './0004_grants';
import * as m0005 from './0005_statements';
import * as m0006 from './0006_bank';
import * as m0007 from './0007_history';

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
};

export const SCHEMA_VERSION = Object.keys(MIGRATIONS).length;

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
