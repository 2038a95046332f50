import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { KassaError } from '../../shared/errors';
import { Books } from './books';
import { translateDbError } from './errors';
import { migrationProvider, SCHEMA_VERSION } from './migrations';
import { ensureHistory } from '../books/history/start';

/** PRAGMA application_id of every .kassa file: 'KASA' in ASCII. */
export const KASSA_APP_ID = 0x4b415341;
const SQLITE_MAGIC = 'SQLite format 3\u0000';

interface Header {
  userVersion: number;
  applicationId: number;
}

/**
 * Read the SQLite header with plain fs so a foreign, corrupt or newer file is refused before SQLite
 * ever opens it for writing: refusing must leave the file byte-for-byte as it was.
 */
function readHeader(file: string): Header {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new KassaError('FILE_NOT_FOUND', `Het bestand "${path.basename(file)}" bestaat niet.`);
    if (code === 'EACCES' || code === 'EPERM') throw new KassaError('READ_ONLY', `U hebt geen toegang tot "${path.basename(file)}".`);
    if (code === 'EISDIR') throw new KassaError('NOT_A_KASSA_FILE', `"${path.basename(file)}" is een map, geen administratiebestand.`);
    throw e;
  }
  try {
    // On Linux and macOS a directory opens fine for reading; only the read fails (EISDIR).
    if (fs.fstatSync(fd).isDirectory()) {
      throw new KassaError('NOT_A_KASSA_FILE', `"${path.basename(file)}" is een map, geen administratiebestand.`);
    }
    const buf = Buffer.alloc(100);
    const n = fs.readSync(fd, buf, 0, 100, 0);
    if (n < 100 || buf.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
      throw new KassaError('NOT_A_KASSA_FILE', `"${path.basename(file)}" is geen administratiebestand van Kijk op de Kassa.`);
    }
    return { userVersion: buf.readUInt32BE(60), applicationId: buf.readUInt32BE(68) };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The file and its folder must take writes (SQLite writes the -wal next to the file). Asked of the
 * file system up front: on a write-protected USB stick or a read-only mount SQLite itself only
 * reports a vague I/O error on its first lock.
 */
function checkWritable(file: string): void {
  for (const p of [file, path.dirname(file)]) {
    try {
      fs.accessSync(p, fs.constants.W_OK);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
        throw new KassaError('READ_ONLY', `"${path.basename(file)}" staat op een plek die alleen-lezen is, zoals een beveiligde USB-stick. Kopieer het bestand naar uw computer en open die kopie. Het bestand is niet veranderd.`);
      }
    }
  }
}

function checkHeader(file: string, h: Header): void {
  if (h.applicationId !== KASSA_APP_ID) {
    throw new KassaError('NOT_A_KASSA_FILE', `"${path.basename(file)}" is geen administratiebestand van Kijk op de Kassa.`);
  }
  if (h.userVersion > SCHEMA_VERSION) {
    throw new KassaError(
      'NEWER_VERSION',
      `Dit bestand is gemaakt met een nieuwere versie van Kijk op de Kassa. Werk het programma bij om het te openen. Het bestand is niet veranderd.`,
      { details: { fileVersion: h.userVersion, appVersion: SCHEMA_VERSION } },
    );
  }
}

export interface OpenOptions {
  /** Create a new file; fails with FILE_EXISTS when it is already there. */
  create?: boolean;
  /** Better-sqlite3 native binding for Electron's ABI (see DESIGN.md section 2). */
  nativeBinding?: string;
}

function connect(file: string, opts: OpenOptions): Database.Database {
  try {
    return new Database(file, {
      fileMustExist: !opts.create,
      // Fail fast: a second window must hear "already open" at once, not hang.
      timeout: 0,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
  } catch (e) {
    throw translateDbError(e);
  }
}

/**
 * Take the exclusive lock for the life of the connection. With locking_mode=EXCLUSIVE SQLite keeps
 * the OS lock after the first write transaction, and the OS drops it when the process dies, so a
 * crashed app never leaves a file locked (no lock files).
 */
function lockAndTune(sqlite: Database.Database): void {
  sqlite.pragma('locking_mode = EXCLUSIVE');
  const mode = sqlite.pragma('journal_mode', { simple: true });
  if (mode !== 'wal') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.exec('BEGIN EXCLUSIVE; COMMIT;');
}

async function migrate(sqlite: Database.Database): Promise<void> {
  const kysely = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db: kysely, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new KassaError('MIGRATION_FAILED', `Het bijwerken van het bestand is mislukt${failed ? ` (${failed.migrationName})` : ''}. Het bestand is teruggezet zoals het was.`, {
      details: { cause: String((error as Error)?.message ?? error) },
    });
  }
  sqlite.pragma(`user_version = ${SCHEMA_VERSION}`);
}

/** Open (and if needed migrate) an existing administration, taking the exclusive lock. */
export async function openBooks(file: string, opts: OpenOptions = {}): Promise<Books> {
  const abs = path.resolve(file);
  if (opts.create) {
    if (fs.existsSync(abs)) throw new KassaError('FILE_EXISTS', `Het bestand "${path.basename(abs)}" bestaat al. Kies een andere naam.`);
    const dir = path.dirname(abs);
    if (!fs.existsSync(dir)) throw new KassaError('FILE_NOT_FOUND', `De map "${dir}" bestaat niet.`);
  } else {
    const header = readHeader(abs);
    // A file whose first commit still sits in its WAL (the app died before a checkpoint) has an
    // empty header on disk; SQLite itself will tell, once we hold the lock (checked again below).
    const headerInWal = header.applicationId === 0 && header.userVersion === 0 && fs.existsSync(`${abs}-wal`);
    if (!headerInWal) checkHeader(abs, header);
    checkWritable(abs);
  }

  const sqlite = connect(abs, opts);
  try {
    try {
      lockAndTune(sqlite);
    } catch (e) {
      throw translateDbError(e);
    }
    if (opts.create) {
      sqlite.pragma(`application_id = ${KASSA_APP_ID}`);
    } else {
      // The header read above may predate a WAL left by a crash; ask SQLite again now we hold the lock.
      checkHeader(abs, { userVersion: Number(sqlite.pragma('user_version', { simple: true })), applicationId: Number(sqlite.pragma('application_id', { simple: true })) });
    }
    const version = Number(sqlite.pragma('user_version', { simple: true }));
    if (version < SCHEMA_VERSION) {
      const backup = version > 0 ? await backupBeforeMigration(sqlite, abs, version) : null;
      try {
        await migrate(sqlite);
        ensureHistory(new Books(abs, sqlite));
      } catch (e) {
        if (backup) restoreAfterFailedMigration(sqlite, abs, backup);
        throw translateDbError(e);
      }
      // Put the new header (application_id, user_version) into the main file now, so a copy of the
      // file or a crash before the next checkpoint never shows an unmarked SQLite file.
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    }
    const books = new Books(abs, sqlite);
    // A kill between the migration and the start of the chain leaves a file without a head: start it now.
    ensureHistory(books);
    return books;
  } catch (e) {
    if (sqlite.open) sqlite.close();
    if (opts.create) removeQuietly(abs);
    throw e;
  }
}

async function backupBeforeMigration(sqlite: Database.Database, file: string, version: number): Promise<string> {
  const dest = `${file}.v${version}.voor-update.bak`;
  // A byte-for-byte copy, not the backup API (which rewrites header counters): a failed migration
  // must put back exactly the file that was there. The checkpoint first moves whatever a crash left
  // in the WAL into the file; we hold the exclusive lock, so nothing else writes meanwhile.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  try {
    copyDurably(file, dest);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOSPC' ? 'de schijf is vol' : code === 'EROFS' || code === 'EACCES' || code === 'EPERM' ? 'de map is alleen-lezen' : 'de kopie kon niet worden geschreven';
    throw new KassaError(code === 'ENOSPC' ? 'DISK_FULL' : code === 'EROFS' || code === 'EACCES' || code === 'EPERM' ? 'READ_ONLY' : 'WRITE_FAILED',
      `Het bestand moet worden bijgewerkt, maar eerst wordt er een kopie van gemaakt en dat lukt niet: ${why}. Het bestand is niet veranderd.`,
      { details: { cause: String((e as Error)?.message ?? e) } });
  }
  return dest;
}

function restoreAfterFailedMigration(sqlite: Database.Database, file: string, backup: string): void {
  if (sqlite.open) sqlite.close();
  for (const suffix of ['-wal', '-shm']) removeQuietly(file + suffix);
  copyDurably(backup, file);
}

/** Copy to a temp name, flush, rename: a crash leaves the old file or the whole new one. */
function copyDurably(src: string, dest: string): void {
  const tmp = `${dest}.${process.pid}.tmp`;
  try {
    fs.copyFileSync(src, tmp);
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, dest);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

function removeQuietly(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      /* best effort: the caller already reports the real problem */
    }
  }
}
