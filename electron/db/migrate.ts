import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { KassaError } from '../../shared/errors';
import { joinSaid, said } from '../../shared/phrase';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { sameBytes } from '../files/sameBytes';

/**
 * Schema migrations, all pending ones and the new user_version in ONE SQLite transaction. SQLite's
 * DDL is transactional, so a crash, a kill or a failing step leaves the file exactly at its old
 * version: never half a schema (kysely's Migrator runs each migration on its own, without a
 * transaction on SQLite, which is what let a kill leave "table grants already exists" forever).
 *
 * Kysely's own table `kysely_migration` is still written (same columns as its Migrator), so the
 * names of the applied migrations stay in the file: that, not their count, decides what is pending,
 * so branches that add migrations in between still line up.
 */

const TABLE = 'kysely_migration';

function appliedNames(sqlite: Database.Database, version: number): Set<string> {
  const exists = sqlite.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(TABLE);
  if (!exists) return new Set(Object.keys(MIGRATIONS).sort().slice(0, version));
  return new Set((sqlite.prepare(`SELECT name FROM ${TABLE}`).all() as { name: string }[]).map((r) => r.name));
}

/**
 * Bring the file to SCHEMA_VERSION. `before` runs first inside the same transaction (a new file's
 * application_id). Throws MIGRATION_FAILED (with `copy`, the pre-update copy, in the message) when
 * a step fails; the transaction is then rolled back and the file is as it was.
 */
export async function migrate(sqlite: Database.Database, opts: { copy?: string | null; before?: () => void } = {}): Promise<void> {
  const version = Number(sqlite.pragma('user_version', { simple: true }));
  const applied = appliedNames(sqlite, version);
  const pending = Object.keys(MIGRATIONS).sort().filter((n) => !applied.has(n));
  // A Kysely bound to this very connection: the migrations' statements run inside our transaction.
  // Never destroyed: destroying the dialect would close the connection.
  const kysely = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  let step = '';
  // Foreign keys off for the whole update (SQLite's documented way to rebuild a table; the pragma
  // cannot change inside a transaction) and every key checked before the commit.
  const fkWasOn = Number(sqlite.pragma('foreign_keys', { simple: true })) === 1;
  if (fkWasOn) sqlite.pragma('foreign_keys = OFF');
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    opts.before?.();
    sqlite.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (name varchar(255) NOT NULL PRIMARY KEY, timestamp varchar(255) NOT NULL)`);
    const record = sqlite.prepare(`INSERT INTO ${TABLE} (name, timestamp) VALUES (?, ?)`);
    for (const name of pending) {
      step = name;
      await MIGRATIONS[name]!.up(kysely);
      record.run(name, new Date().toISOString());
    }
    step = '';
    const broken = sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`foreign keys broken by the update: ${JSON.stringify(broken.slice(0, 3))}`);
    sqlite.pragma(`user_version = ${SCHEMA_VERSION}`);
    sqlite.exec('COMMIT');
  } catch (e) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    if (fkWasOn) sqlite.pragma('foreign_keys = ON');
    if (e instanceof KassaError) throw e;
    const failed = step
      ? said('err.db.update.failedAtStep', 'Het bijwerken van het bestand naar de nieuwe versie is mislukt (stap {{step}}). Er is niets veranderd: het bestand is nog precies zoals het was.', { step })
      : said('err.db.update.failed', 'Het bijwerken van het bestand naar de nieuwe versie is mislukt. Er is niets veranderd: het bestand is nog precies zoals het was.');
    const kept = opts.copy ? [said('err.db.update.copyKept', 'Een kopie van vóór het bijwerken staat in "{{name}}".', { name: path.basename(opts.copy) })] : [];
    throw new KassaError(
      'MIGRATION_FAILED',
      joinSaid(failed, ...kept, said('err.db.update.helpdesk', 'Neem contact op met de helpdesk.')),
      { details: { cause: String((e as Error)?.message ?? e), step } },
    );
  }
  if (fkWasOn) sqlite.pragma('foreign_keys = ON');
}

/** `file.v3.voor-update.bak`, then `file.v3.voor-update-2.bak`, …: a name that is free, or a copy that already holds these bytes. */
function copyName(file: string, version: number, n: number): string {
  return `${file}.v${version}.voor-update${n > 1 ? `-${n}` : ''}.bak`;
}

/**
 * Move tmp to dest, failing with EEXIST when dest exists. link() refuses an existing name, unlike
 * rename(); a file system without hard links (a FAT USB stick) gets a checked rename instead.
 */
export function placeWithoutReplacing(tmp: string, dest: string): void {
  try {
    fs.linkSync(tmp, dest);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
    if (fs.existsSync(dest)) throw Object.assign(new Error(`${dest} exists`), { code: 'EEXIST' });
    fs.renameSync(tmp, dest);
    return;
  }
  fs.rmSync(tmp, { force: true });
}

/**
 * A byte-for-byte copy of the file before it is migrated, next to it. An existing copy is never
 * overwritten (an earlier failed update may have left the only good copy): an identical one is
 * reused, otherwise the next free name is taken. The caller holds the exclusive lock and has moved
 * the WAL into the file (checkpoint), so the file's bytes are the whole administration.
 */
export function copyBeforeMigration(file: string, version: number): string {
  for (let n = 1; ; n++) {
    const dest = copyName(file, version, n);
    if (fs.existsSync(dest)) {
      if (sameBytes(file, dest)) return dest;
      continue;
    }
    const tmp = `${dest}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    try {
      fs.copyFileSync(file, tmp, fs.constants.COPYFILE_EXCL);
      const fd = fs.openSync(tmp, 'r+');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      placeWithoutReplacing(tmp, dest);
      return dest;
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw e;
    }
  }
}
