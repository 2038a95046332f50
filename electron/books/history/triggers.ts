import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import type { VerifyProblem } from '../../../shared/api/types';
import type { Books } from '../../db/books';
import { migrationProvider } from '../../db/migrations';
import { said } from '../../../shared/phrase';

/**
 * The triggers a file must have, taken from the migrations themselves: they are run once per process
 * on an empty in-memory database and its sqlite_master is the expectation. So the list can never
 * drift from the DDL, and every migration another change adds is covered without a copy here.
 * SQLite keeps a trigger's CREATE text as written, so "unchanged" is a plain text comparison.
 */
let expected: Promise<Map<string, string>> | null = null;

export function expectedTriggers(): Promise<Map<string, string>> {
  expected ??= build().catch((e: unknown) => {
    expected = null;
    throw e;
  });
  return expected;
}

async function build(): Promise<Map<string, string>> {
  const mem = new Database(':memory:');
  try {
    const kysely = new Kysely<unknown>({ dialect: new SqliteDialect({ database: mem }) });
    const { error } = await new Migrator({ db: kysely, provider: migrationProvider }).migrateToLatest();
    if (error) throw error;
    return triggersOf(mem);
  } finally {
    mem.close();
  }
}

function triggersOf(db: Database.Database): Map<string, string> {
  const rows = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string; sql: string }[];
  return new Map(rows.map((r) => [r.name, r.sql]));
}

export function checkTriggers(books: Books, want: Map<string, string>): VerifyProblem[] {
  const have = triggersOf(books.sqlite);
  const problems: VerifyProblem[] = [];
  for (const [name, sql] of want) {
    const got = have.get(name);
    if (got === undefined) problems.push({ code: 'TRIGGER_MISSING', ...said('verify.triggerMissing', 'De beveiliging "{{name}}" ontbreekt in het bestand: iemand heeft haar buiten het programma om verwijderd.', { name }) });
    else if (got !== sql) problems.push({ code: 'TRIGGER_CHANGED', ...said('verify.triggerChanged', 'De beveiliging "{{name}}" is buiten het programma om veranderd.', { name }) });
  }
  for (const name of have.keys()) {
    if (!want.has(name)) problems.push({ code: 'TRIGGER_UNKNOWN', ...said('verify.triggerUnknown', 'Het bestand bevat een onbekende beveiliging "{{name}}" die niet van dit programma is.', { name }) });
  }
  return problems;
}
