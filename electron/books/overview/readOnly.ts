import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { OverviewState } from '../../../shared/api/overview';
import { said, type Phrase, type Said } from '../../../shared/phrase';
import { Books } from '../../db/books';
import { KASSA_APP_ID } from '../../db/open';
import { SCHEMA_VERSION } from '../../db/migrations';

/**
 * Open an administration for the coach's overview without changing anything on disk (issue 19):
 * never migrate, never take the lock, never create a -wal or -shm next to it.
 * - The header (plain fs) tells a foreign, older or newer file: those are not opened at all.
 * - A file with a -wal beside it is open in the app (or was left by a crash). SQLite is asked for
 *   a read lock only: SQLITE_BUSY means "in gebruik" (the app holds its exclusive lock) and no
 *   file is created. A crash leftover is read by SQLite read-only; it then needs a -shm.
 * - Otherwise the file is complete on disk: its bytes are read once and opened in memory
 *   (read-only; the header's WAL flag is turned off in that copy only), and if a -wal appeared
 *   or the file changed while reading, it counts as in use.
 */

export type ReadOnlyResult =
  | { state: 'ok'; books: Books }
  | { state: Exclude<OverviewState, 'ok'>; message: string; says?: Phrase[] | undefined };

/** A state the coach reads in the overview: its Dutch text and phrases (shared/phrase.ts). */
const state = (s: Exclude<OverviewState, 'ok'>, text: Said): ReadOnlyResult => ({ state: s, message: text.message, says: text.says });

const SQLITE_MAGIC = 'SQLite format 3\u0000';

function header(file: string): { magic: string; userVersion: number; appId: number } | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const buf = Buffer.alloc(100);
    const n = fs.readSync(fd, buf, 0, 100, 0);
    if (n < 100) return { magic: '', userVersion: 0, appId: 0 };
    return { magic: buf.toString('latin1', 0, 16), userVersion: buf.readUInt32BE(60), appId: buf.readUInt32BE(68) };
  } finally {
    fs.closeSync(fd);
  }
}

const stamp = (file: string): string | null => {
  try {
    const s = fs.statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
};

export function openReadOnly(file: string): ReadOnlyResult {
  const name = path.basename(file);
  const wal = `${file}-wal`;
  const h = header(file);
  if (!h) return state('error', said('coachState.unreadable', '"{{name}}" kan niet worden gelezen.', { name }));
  if (h.magic !== SQLITE_MAGIC || h.appId !== KASSA_APP_ID) {
    // A file whose header is still in its -wal (never checkpointed) looks empty: it is in use.
    if (h.magic === SQLITE_MAGIC && h.appId === 0 && fs.existsSync(wal)) return state('in-use', said('coachState.inUse', 'In gebruik: de administratie is nu geopend.'));
    return state('not-kassa', said('coachState.notKassa', '"{{name}}" is geen administratie van Kijk op de Kassa.', { name }));
  }
  if (h.userVersion > SCHEMA_VERSION) return state('newer', said('coachState.newer', 'Nieuwere versie: werk het programma bij om deze administratie te openen.'));
  if (h.userVersion < SCHEMA_VERSION) return state('older', said('coachState.older', 'Oudere versie: open hem om bij te werken.'));

  if (fs.existsSync(wal)) {
    const sqlite = new Database(file, { readonly: true, fileMustExist: true, timeout: 0 });
    try {
      sqlite.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    } catch (e) {
      sqlite.close();
      const code = (e as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return state('in-use', said('coachState.inUseHere', 'In gebruik: de administratie is nu geopend, op deze of een andere computer.'));
      return code
        ? state('error', said('coachState.unreadableCode', '"{{name}}" kan niet worden gelezen ({{code}}).', { name, code }))
        : state('error', said('coachState.unreadableUnknown', '"{{name}}" kan niet worden gelezen (onbekende fout).', { name }));
    }
    return { state: 'ok', books: new Books(file, sqlite) };
  }

  const before = stamp(file);
  const bytes = fs.readFileSync(file);
  if (fs.existsSync(wal) || stamp(file) !== before) return state('in-use', said('coachState.justOpened', 'In gebruik: de administratie werd net geopend.'));
  // Our copy only: a WAL-mode header cannot be opened from memory, a rollback-mode one can.
  bytes[18] = 1;
  bytes[19] = 1;
  try {
    return { state: 'ok', books: new Books(file, new Database(bytes, { readonly: true })) };
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code
      ? state('error', said('coachState.unreadableCode', '"{{name}}" kan niet worden gelezen ({{code}}).', { name, code }))
      : state('error', said('coachState.damaged', '"{{name}}" kan niet worden gelezen (beschadigd).', { name }));
  }
}
