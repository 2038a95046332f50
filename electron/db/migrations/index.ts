import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_books';

/**
 * Every schema version the app knows, in order. A static list (no directory scan) so it works
 * the same from ts sources, compiled dist/ and a packaged asar. The file's PRAGMA user_version
 * is the number of migrations applied; a file with a higher number comes from a newer app.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_books': m0001,
};

export const SCHEMA_VERSION = Object.keys(MIGRATIONS).length;

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
