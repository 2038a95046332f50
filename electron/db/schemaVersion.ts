/**
 * The schema version of this app: the number of migrations in migrations/index.ts, which checks it
 * when it loads. Its own module so opening a file that needs no migration (every `kassa report`)
 * compares versions without loading the migrations.
 */
export const SCHEMA_VERSION = 19;
