import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KassaError } from '../../shared/errors';
import { ensureHistory } from '../books/history/start';
import { Books } from './books';
import { translateDbError } from './errors';
import { fsyncDir, removeFileSet } from './fileSet';
import { migrate, placeWithoutReplacing } from './migrate';
import { connect, KASSA_APP_ID, lockAndTune, openBooks, type OpenOptions } from './open';
import { said } from '../../shared/phrase';

/**
 * A new administration is built under a temporary name in the target's folder and only takes its
 * real name when it is complete: schema, application_id, and everything `fill` adds (organisation,
 * chart of accounts, a practice year) are in it, checkpointed out of the WAL. A crash or kill at any
 * moment leaves either no file at the real name, or the whole new administration, never a half one
 * that blocks creating it again. Leftover temp files of a killed process are removed on the next
 * create in that folder.
 */

const TEMP_SUFFIX = '.nieuw';

function tempName(abs: string): string {
  return `${abs}.${process.pid}.${crypto.randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
}

/** Is a process with this id running (on this computer)? EPERM means it runs as someone else. */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Remove temp files of creates whose process is gone (killed, crashed). */
function removeStaleTemps(abs: string): void {
  const re = new RegExp(`^${escapeRe(path.basename(abs))}\\.(\\d+)\\.[0-9a-f]+${escapeRe(TEMP_SUFFIX)}(-wal|-shm|-journal)?$`);
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(abs));
  } catch {
    return;
  }
  for (const name of names) {
    const m = re.exec(name);
    if (m && !processAlive(Number(m[1]))) fs.rmSync(path.join(path.dirname(abs), name), { force: true });
  }
}

function createError(e: unknown, abs: string): unknown {
  const code = (e as NodeJS.ErrnoException)?.code;
  const name = path.basename(abs);
  if (code === 'EEXIST') return new KassaError('FILE_EXISTS', said('err.file.existsChooseName', 'Het bestand "{{name}}" bestaat al. Kies een andere naam.', { name }));
  if (code === 'ENOENT' || code === 'ENOTDIR') return new KassaError('FILE_NOT_FOUND', said('err.file.folderNotFoundQuoted', 'De map "{{path}}" bestaat niet.', { path: path.dirname(abs) }));
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new KassaError('READ_ONLY', said('err.file.createReadOnly', 'In de map "{{path}}" kan niet worden geschreven. Kies een andere map. Er is niets gemaakt.', { path: path.dirname(abs) }));
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') return new KassaError('DISK_FULL', said('err.file.createDiskFull', 'De schijf is vol. Er is niets gemaakt. Maak ruimte vrij en probeer het opnieuw.'));
  if (code === 'ENAMETOOLONG') return new KassaError('INVALID_INPUT', said('err.file.nameTooLong', 'De naam van het bestand of de map is te lang. Kies een kortere naam.'), { field: 'path' });
  return translateDbError(e);
}

/**
 * Create `file` as a new administration. `fill` runs on the new books before they get their name
 * (keep it to one transaction). Fails with FILE_EXISTS when the name is taken. Returns the books
 * opened at their real name.
 */
export async function createBooks(file: string, opts: OpenOptions, fill: (books: Books) => void): Promise<Books> {
  const abs = path.resolve(file);
  if (fs.existsSync(abs)) throw createError(Object.assign(new Error('exists'), { code: 'EEXIST' }), abs);
  removeStaleTemps(abs);
  const tmp = tempName(abs);
  try {
    // Exclusive create: a file or link planted at the temp name is never opened.
    fs.closeSync(fs.openSync(tmp, 'wx', 0o644));
  } catch (e) {
    throw createError(e, abs);
  }
  let books: Books | null = null;
  try {
    const sqlite = connect(tmp, opts, true);
    books = new Books(tmp, sqlite);
    lockAndTune(sqlite);
    await migrate(sqlite, { before: () => sqlite.pragma(`application_id = ${KASSA_APP_ID}`) });
    // The provable history starts before the first fact (the practice file's demo postings).
    ensureHistory(books);
    fill(books);
    // Everything into the file itself, so the file that gets the real name needs no WAL.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    books.close();
    books = null;
    placeWithoutReplacing(tmp, abs);
  } catch (e) {
    books?.close();
    removeFileSet(tmp);
    throw createError(e, abs);
  }
  removeFileSet(tmp);
  fsyncDir(path.dirname(abs));
  return openBooks(abs, opts);
}
