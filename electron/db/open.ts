import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { KassaError } from '../../shared/errors';
import { Books } from './books';
import { translateDbError } from './errors';
import { SCHEMA_VERSION } from './schemaVersion';
import { readState } from '../books/history/facts';
// Every fact kind registered wherever books open (appendFact needs them); small, raw-SQL modules.
import '../books/history/kinds';
import { said } from '../../shared/phrase';

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
    if (code === 'ENOENT') throw new KassaError('FILE_NOT_FOUND', said('err.file.notFound', 'Het bestand "{{path}}" bestaat niet.', { path: path.basename(file) }));
    if (code === 'EACCES' || code === 'EPERM') throw new KassaError('READ_ONLY', said('err.file.noAccess', 'U hebt geen toegang tot "{{path}}".', { path: path.basename(file) }));
    if (code === 'EISDIR') throw new KassaError('NOT_A_KASSA_FILE', said('err.file.isFolder', '"{{path}}" is een map, geen administratiebestand.', { path: path.basename(file) }));
    throw e;
  }
  try {
    // On Linux and macOS a directory opens fine for reading; only the read fails (EISDIR).
    if (fs.fstatSync(fd).isDirectory()) {
      throw new KassaError('NOT_A_KASSA_FILE', said('err.file.isFolder', '"{{path}}" is een map, geen administratiebestand.', { path: path.basename(file) }));
    }
    const buf = Buffer.alloc(100);
    const n = fs.readSync(fd, buf, 0, 100, 0);
    if (n < 100 || buf.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
      throw new KassaError('NOT_A_KASSA_FILE', said('err.file.notKassa', '"{{path}}" is geen administratiebestand van Kijk op de Kassa.', { path: path.basename(file) }));
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
        throw new KassaError('READ_ONLY', said('err.file.openReadOnly', '"{{path}}" staat op een plek die alleen-lezen is, zoals een beveiligde USB-stick. Kopieer het bestand naar uw computer en open die kopie. Het bestand is niet veranderd.', { path: path.basename(file) }));
      }
    }
  }
}

function checkHeader(file: string, h: Header): void {
  if (h.applicationId !== KASSA_APP_ID) {
    throw new KassaError('NOT_A_KASSA_FILE', said('err.file.notKassa', '"{{path}}" is geen administratiebestand van Kijk op de Kassa.', { path: path.basename(file) }));
  }
  if (h.userVersion === 0) {
    // Our mark but no schema: another program's file that copied our application_id, or a file
    // half made by an old version. Migrating it in place would mix our tables into it: refuse.
    throw new KassaError('NOT_A_KASSA_FILE', said('err.file.looksLikeKassa', '"{{path}}" lijkt op een bestand van Kijk op de Kassa, maar is geen administratie. Het programma opent het niet, en het bestand is niet veranderd.', { path: path.basename(file) }));
  }
  if (h.userVersion > SCHEMA_VERSION) {
    throw new KassaError(
      'NEWER_VERSION',
      said('err.file.newerVersion', 'Dit bestand is gemaakt met een nieuwere versie van Kijk op de Kassa. Werk het programma bij om het te openen. Het bestand is niet veranderd.'),
      { details: { fileVersion: h.userVersion, appVersion: SCHEMA_VERSION } },
    );
  }
}

export interface OpenOptions {
  /** Better-sqlite3 native binding for Electron's ABI (see DESIGN.md section 2). */
  nativeBinding?: string;
}

export function connect(file: string, opts: OpenOptions, create = false): Database.Database {
  try {
    return new Database(file, {
      fileMustExist: !create,
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
export function lockAndTune(sqlite: Database.Database): void {
  sqlite.pragma('locking_mode = EXCLUSIVE');
  const mode = sqlite.pragma('journal_mode', { simple: true });
  if (mode !== 'wal') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Statement journals in memory. Inside a transaction every statement that fires our triggers
  // keeps a journal of the pages it changes; once one outgrew 64 KiB SQLite moved it to a temp file
  // for the rest of the transaction, and from then on each later statement wrote its pages there
  // through system calls: a 40,000-line entry or the demo load spent half its CPU on it. Temp
  // tables and large sorts live in memory too; the app makes no temp tables and sorts on indexes.
  sqlite.pragma('temp_store = MEMORY');
  sqlite.exec('BEGIN EXCLUSIVE; COMMIT;');
}

/** Open (and if needed migrate) an existing administration, taking the exclusive lock. */
export async function openBooks(file: string, opts: OpenOptions = {}): Promise<Books> {
  const abs = path.resolve(file);
  const header = readHeader(abs);
  // A file whose first commit still sits in its WAL (the app died before a checkpoint) has an
  // empty header on disk; SQLite itself will tell, once we hold the lock (checked again below).
  const headerInWal = header.applicationId === 0 && header.userVersion === 0 && fs.existsSync(`${abs}-wal`);
  if (!headerInWal) checkHeader(abs, header);
  checkWritable(abs);

  const sqlite = connect(abs, opts);
  try {
    try {
      lockAndTune(sqlite);
    } catch (e) {
      throw translateDbError(e);
    }
    // The header read above may predate a WAL left by a crash; ask SQLite again now we hold the lock.
    checkHeader(abs, { userVersion: Number(sqlite.pragma('user_version', { simple: true })), applicationId: Number(sqlite.pragma('application_id', { simple: true })) });
    const version = Number(sqlite.pragma('user_version', { simple: true }));
    // The migrations and the start of the history chain load only when a file needs them.
    if (version < SCHEMA_VERSION) {
      const { copyBeforeMigration, migrate } = await import('./migrate.js');
      const copy = preUpdateCopy(sqlite, abs, version, copyBeforeMigration);
      try {
        await migrate(sqlite, { copy });
        (await import('../books/history/start.js')).ensureHistory(new Books(abs, sqlite));
      } catch (e) {
        throw translateDbError(e);
      }
      // Put the new header (user_version) into the main file now, so a copy of the file or a
      // crash before the next checkpoint never shows the old version with the new tables in a WAL.
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    }
    const books = new Books(abs, sqlite);
    // A kill between the migration and the start of the chain leaves a file without a head: start it now.
    if (!readState(books)) (await import('../books/history/start.js')).ensureHistory(books);
    return books;
  } catch (e) {
    if (sqlite.open) sqlite.close();
    throw e;
  }
}

function preUpdateCopy(sqlite: Database.Database, file: string, version: number, copyBeforeMigration: (file: string, version: number) => string): string {
  // The checkpoint moves whatever a crash left in the WAL into the file; we hold the exclusive
  // lock, so nothing else writes meanwhile and the file's bytes are the whole administration.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  try {
    return copyBeforeMigration(file, version);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const full = code === 'ENOSPC' || code === 'EDQUOT';
    const ro = code === 'EROFS' || code === 'EACCES' || code === 'EPERM';
    const why = full
      ? said('err.db.update.whyDiskFull', 'de schijf is vol')
      : ro
        ? said('err.db.update.whyReadOnly', 'de map is alleen-lezen')
        : said('err.db.update.whyNotWritten', 'de kopie kon niet worden geschreven');
    throw new KassaError(full ? 'DISK_FULL' : ro ? 'READ_ONLY' : 'WRITE_FAILED',
      said('err.db.update.copyFailed', 'Het bestand moet worden bijgewerkt, maar eerst wordt er een kopie van gemaakt en dat lukt niet: {{why}}. Het bestand is niet veranderd.', { why }),
      { details: { cause: String((e as Error)?.message ?? e) } });
  }
}
