/**
 * Schema migrations (issue 10). tests/fixtures/schema/vN.kassa are files as the app made them when
 * it knew N migrations (made once by tests/fixtures/schema/make-fixtures.mjs and kept). Today's app
 * must open every one of them: migrate to the latest version after a byte copy, verify, keep every
 * row, and end with the same schema as a new file. A migration that fails puts the file back byte
 * for byte; a file from a newer app is refused untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { RestoreResult } from '../../shared/api/backups';
import type { AdminInfo, VerifyResult } from '../../shared/api/types';
import { dispatch } from '../../electron/api';
import { BACKUP_ROOT_NAME, backupFileName } from '../../electron/backups/names';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/db/migrations';
import { Session } from '../../electron/session';
import { cleanupTempDirs, expectKassaError, fingerprint, ROOT, sha256, tempDir, type Call } from './helpers';

afterAll(cleanupTempDirs);

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'schema');
const fixtureFile = (v: number) => path.join(FIXTURES, `v${v}.kassa`);
const versions = fs.readdirSync(FIXTURES)
  .map((n) => /^v(\d+)\.kassa$/.exec(n)?.[1])
  .filter((v): v is string => v !== undefined)
  .map(Number)
  .sort((a, b) => a - b);

function session(settingsDir: string): { s: Session; call: Call } {
  const s = new Session({ settingsDir });
  return { s, call: (m, i) => dispatch(s, m, i ?? {}) as Promise<never> };
}

/** Row count of every table (our own; Kysely's bookkeeping excluded). */
function tableCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
    return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

/** The schema as SQLite keeps it: every table, index, trigger and view with its SQL. */
function schemaOf(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY type, name`).all() as { type: string; name: string; tbl_name: string; sql: string | null }[])
      .map((r) => `${r.type} ${r.name} ON ${r.tbl_name}: ${(r.sql ?? '').replace(/\s+/g, ' ')}`);
  } finally {
    db.close();
  }
}

function copyFixture(v: number, dir: string, name = 'stichting.kassa'): string {
  const file = path.join(dir, name);
  fs.copyFileSync(fixtureFile(v), file);
  return file;
}

/** "type name" of what migration `v + 1` creates, found by running migrations on an in-memory database. */
async function objectsOfMigration(v: number): Promise<string[]> {
  const names = Object.keys(MIGRATIONS);
  const objects = async (upTo: number) => {
    const db = new Database(':memory:');
    try {
      const migrator = new Migrator({ db: new Kysely<unknown>({ dialect: new SqliteDialect({ database: db }) }), provider: { getMigrations: async () => MIGRATIONS } });
      const { error } = await migrator.migrateTo(names[upTo - 1]!);
      if (error) throw error;
      const created = db.prepare(`SELECT type || ' ' || name AS name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'`).all() as { name: string; sql: string | null }[];
      // Columns too: a migration may only add columns to existing tables.
      const columns = db.prepare(`SELECT 'column ' || m.name || '.' || p.name AS name, NULL AS sql FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`).all() as { name: string; sql: null }[];
      return new Map([...created, ...columns].map((r) => [r.name, r.sql]));
    } finally {
      db.close();
    }
  };
  const before = await objects(v);
  const after = await objects(v + 1);
  const added = [...after.keys()].filter((n) => !before.has(n));
  // Objects first; a column of a table the migration itself creates is no clash to plant.
  const tables = new Set(added.filter((n) => n.startsWith('table ')).map((n) => n.slice(6)));
  // A migration that only replaces objects (same name, new SQL) drops them first: 'replaced trigger x'.
  // A table whose SQL changed (a dropped column) is rewritten in place, not dropped: plant on the
  // replaced indexes and triggers first.
  const replaced = [...after].filter(([n, sql]) => before.has(n) && before.get(n) !== sql).map(([n]) => `replaced ${n}`)
    .sort((x, y) => Number(x.startsWith('replaced table ')) - Number(y.startsWith('replaced table ')));
  return [...added.filter((n) => !n.startsWith('column ')), ...added.filter((n) => n.startsWith('column ') && !tables.has(n.slice(7).split('.')[0]!)), ...replaced];
}

let freshSchema: string[] | null = null;
async function schemaOfNewFile(): Promise<string[]> {
  if (freshSchema) return freshSchema;
  const dir = tempDir('kassa-fresh-');
  const { s, call } = session(dir);
  await call('admin.create', { path: path.join(dir, 'nieuw.kassa'), name: 'Stichting Nieuw', year: 2026 });
  s.close();
  freshSchema = schemaOf(path.join(dir, 'nieuw.kassa'));
  return freshSchema;
}

describe('schema fixtures', () => {
  it('exist for every earlier schema version', () => {
    // The current version's fixture is made too (it becomes "earlier" with the next migration);
    // run `npm run build:node && node tests/fixtures/schema/make-fixtures.mjs` after adding a migration.
    for (let v = 1; v < SCHEMA_VERSION; v++) expect(fs.existsSync(fixtureFile(v)), `tests/fixtures/schema/v${v}.kassa ontbreekt`).toBe(true);
    if (!versions.includes(SCHEMA_VERSION)) console.log(`Let op: tests/fixtures/schema/v${SCHEMA_VERSION}.kassa ontbreekt nog; maak hem met make-fixtures.mjs.`);
    expect(Math.max(...versions)).toBeLessThanOrEqual(SCHEMA_VERSION);
  });

  it('are what they say: the right header and version, in WAL mode, without side files', () => {
    for (const v of versions) {
      const bytes = fs.readFileSync(fixtureFile(v));
      expect(bytes.toString('latin1', 0, 16)).toBe('SQLite format 3\u0000');
      expect(bytes.readUInt32BE(60), `v${v} user_version`).toBe(v);
      expect(bytes.readUInt32BE(68), `v${v} application_id`).toBe(0x4b415341);
      expect([bytes[18], bytes[19]]).toEqual([2, 2]);
      expect(fs.existsSync(`${fixtureFile(v)}-wal`)).toBe(false);
    }
  });
});

const NEW_0010_ACCOUNTS = ['0200', '0600', '0700', '3000', '4150', '4700'];

function countCodes(file: string, codes: string[]): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM accounts WHERE code IN (SELECT value FROM json_each(?))').get(JSON.stringify(codes)) as { n: number }).n;
  } finally {
    db.close();
  }
}

describe.each(versions)('a file made by schema version %i', (v) => {
  it('opens, migrates to the latest version, verifies, keeps its data and leaves a byte copy from before', async () => {
    const dir = tempDir(`kassa-migrate-v${v}-`);
    const file = copyFixture(v, dir);
    const probe = copyFixture(v, dir, 'probe.kassa');
    const before = tableCounts(probe);
    const probeDb = new Database(probe, { readonly: true });
    const hadAdminId = probeDb.prepare(`SELECT 1 FROM meta WHERE key = 'admin_id'`).get() !== undefined;
    const hadHead = probeDb.prepare(`SELECT 1 FROM meta WHERE key = 'history.head'`).get() !== undefined;
    probeDb.close();
    // Migration 0010_statements_rj adds the new default accounts whose code is still free.
    const newAccounts = NEW_0010_ACCOUNTS.length - countCodes(probe, NEW_0010_ACCOUNTS);
    expect(before.entries).toBeGreaterThan(0);
    const original = sha256(file);

    const { s, call } = session(dir);
    const info = await call<AdminInfo>('admin.open', { path: file });
    expect(info.schemaVersion).toBe(SCHEMA_VERSION);
    expect(info.organisation.name).toBe('Stichting Buurtkracht Lombok');
    const verify = await call<VerifyResult>('audit.verify');
    expect(verify.problems).toEqual([]);
    expect(verify.ok).toBe(true);
    // The books still add up and the services read the migrated file.
    const tb = await call<{ totals: { debit: string; credit: string } }>('reports.trialBalance', {});
    expect(tb.totals.debit).toBe(tb.totals.credit);
    expect(Number(tb.totals.debit)).toBeGreaterThan(0);
    const posted = await call<{ total: number }>('entries.list', { status: 'posted' });
    expect(posted.total).toBe((s.books!.raw(`SELECT COUNT(*) AS n FROM entries WHERE status = 'posted'`).get() as { n: number }).n);
    // And it takes new work.
    await call('entries.post', { date: '2026-06-01', description: 'Na de update', lines: [{ account: '1100', debit: '1.00' }, { account: '8000', credit: '1.00' }] });
    s.close();

    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    check.close();
    const after = tableCounts(file);
    for (const [table, n] of Object.entries(before)) {
      // The one new posting adds an entry, two lines, an audit row and perhaps a totals row.
      if (table === 'account_totals') expect(after[table]! - n, 'rows in account_totals').toBeLessThanOrEqual(2);
      // meta: the history's head, start date and back-filled count (started on the first open of a file
      // without a head, migration 0007), and the admin id (0008)
      const added =
        table === 'entries' ? 1 : table === 'lines' ? 2 : table === 'audit_log' ? 1
          : table === 'meta' ? (hadHead ? 0 : 3) + (hadAdminId ? 0 : 1)
            : table === 'accounts' ? newAccounts : 0;
      // The chain (facts, fact_kinds) of a file without a head is started on open: it only grows.
      if (table === 'facts' || table === 'fact_kinds') expect(after[table]).toBeGreaterThanOrEqual(n);
      else if (table !== 'account_totals') expect(after[table], `rows in ${table}`).toBe(n + added);
      else expect(after[table]).toBeGreaterThanOrEqual(n);
    }
    // The same schema as a new file. When this fails, an existing migration was changed after its
    // fixture was made: files already out there never run that migration again, so the change must
    // go into a new migration. (Only before the first release may fixtures be remade instead:
    // `node tests/fixtures/schema/make-fixtures.mjs --force-from N`, N the changed migration.)
    const migrated = schemaOf(file);
    const fresh = await schemaOfNewFile();
    expect({ missingAfterMigration: fresh.filter((x) => !migrated.includes(x)), notInNewFiles: migrated.filter((x) => !fresh.includes(x)) })
      .toEqual({ missingAfterMigration: [], notInNewFiles: [] });

    const bak = `${file}.v${v}.voor-update.bak`;
    if (v < SCHEMA_VERSION) {
      expect(sha256(bak)).toBe(original);
    } else {
      expect(fs.existsSync(bak)).toBe(false);
    }
  });
});

describe('a failing migration', () => {
  const older = versions.filter((v) => v < SCHEMA_VERSION);

  it.each(older)('from version %i leaves the file byte for byte as it was, with MIGRATION_FAILED', async (v) => {
    const dir = tempDir(`kassa-migfail-v${v}-`);
    const file = copyFixture(v, dir);
    // Realistic damage: something (an old tool, a half-finished update) already created an object
    // the next migration creates, so its CREATE fails halfway through the upgrade.
    const clash = (await objectsOfMigration(v))[0];
    expect(clash, `migration ${v + 1} creates nothing`).toBeDefined();
    const [type, name, replacedName] = clash!.split(' ') as [string, string, string | undefined];
    const raw = new Database(file);
    // Triggers have a name space of their own; tables, indexes and views share one.
    if (type === 'replaced') {
      // …or removed an object the next migration replaces, so its DROP fails.
      raw.exec(`DROP ${name.toUpperCase()} "${replacedName!}"`);
    } else if (type === 'column') {
      const [table, column] = name.split('.') as [string, string];
      raw.exec(`ALTER TABLE "${table}" ADD COLUMN "${column}" TEXT`);
    } else {
      raw.exec(type === 'trigger' ? `CREATE TRIGGER "${name}" AFTER INSERT ON meta BEGIN SELECT 1; END` : `CREATE TABLE "${name}" (id INTEGER PRIMARY KEY, note TEXT)`);
    }
    raw.close();
    const before = fingerprint(file);
    expect(before.wal).toBe(false);

    const { call } = session(dir);
    const err = await expectKassaError(call('admin.open', { path: file }), 'MIGRATION_FAILED');
    // All migrations run in one transaction: the failure leaves the file as it was, and says so.
    expect(err.message).toContain('Er is niets veranderd');
    expect(err.message).toContain(`${path.basename(file)}.v${v}.voor-update.bak`);
    expect(fingerprint(file)).toEqual(before);
    expect(sha256(`${file}.v${v}.voor-update.bak`)).toBe(before.sha);
    // Still the old version, still not locked: it opens again (and fails the same way, harmlessly).
    await expectKassaError(call('admin.open', { path: file }), 'MIGRATION_FAILED');
    expect(fingerprint(file)).toEqual(before);
  });
});

describe('a file from a newer version of the app', () => {
  it('is refused untouched with NEWER_VERSION', async () => {
    const dir = tempDir('kassa-newer-');
    const file = copyFixture(Math.max(...versions), dir);
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = fingerprint(file);
    const { s, call } = session(dir);
    const err = await expectKassaError(call('admin.open', { path: file }), 'NEWER_VERSION');
    expect(err.details).toMatchObject({ fileVersion: SCHEMA_VERSION + 1, appVersion: SCHEMA_VERSION });
    expect(fingerprint(file)).toEqual(before);
    expect(fs.readdirSync(dir)).toEqual(['stichting.kassa']);
    expect(s.books).toBeNull();
  });
});

describe('restoring a backup made by an older version', () => {
  it('migrates the restored copy and keeps its data', async () => {
    const dir = tempDir('kassa-oldbackup-');
    const { s, call } = session(path.join(dir, 'instellingen'));
    const file = path.join(dir, 'stichting.kassa');
    await call('admin.create', { path: file, name: 'Stichting Buurtkracht Lombok', year: 2026 });
    const folder = path.join(dir, BACKUP_ROOT_NAME, 'stichting');
    fs.mkdirSync(folder, { recursive: true });
    const old = path.join(folder, backupFileName('Stichting Buurtkracht Lombok', new Date('2026-02-01T10:00:00Z'), 'auto'));
    fs.copyFileSync(fixtureFile(1), old);
    const r = await call<RestoreResult>('backups.restore', { path: old });
    expect(r.verify.ok).toBe(true);
    expect(r.admin.schemaVersion).toBe(SCHEMA_VERSION);
    expect((await call<{ total: number }>('entries.list', { status: 'posted' })).total).toBe(7);
    // The backup itself stays as it was.
    expect(sha256(old)).toBe(sha256(fixtureFile(1)));
    s.close();
  });
});
