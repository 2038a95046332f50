import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RestoreResult } from '../../shared/api/backups';
import { KassaError } from '../../shared/errors';
import { adminInfo } from '../books/administration';
import { appendAudit } from '../books/audit';
import { writeError } from '../files/errors';
import { verifyBooks } from '../books/verify';
import type { Books } from '../db/books';
import { fsyncDir } from '../db/fileSet';
import { openBooks } from '../db/open';
import { samePath } from '../app/settings';
import type { Session } from '../session';
import { backupLocation, backupWriteError, createBackup, makeDir, markBackupFolder, verifyBackupFile, type BackupOptions } from './backups';
import { adminIdOf, storedAdminId } from './identity';
import { backupFileName } from './names';
import { joinSaid, said } from '../../shared/phrase';

/**
 * Put a backup back. The order is what makes it safe:
 * 1. check the backup (a copy of it opens and verifies), so a damaged copy is never restored;
 * 2. back up the current file first — restoring never overwrites without that copy;
 * 3. close the file, write the backup next to it under a temp name and rename it over the file
 *    (stale -wal/-shm removed first, so SQLite never replays an old journal onto the restored copy);
 * 4. open it again (migrating a copy from an older version) and verify; if that fails, the copy of
 *    step 2 goes back and the treasurer keeps what they had.
 */

function nativeOpts(opts: BackupOptions): { nativeBinding?: string } {
  return opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {};
}

/** Copy src over target atomically: temp file in target's folder, fsync, rename. */
function replaceFile(src: string, target: string): void {
  const tmp = `${target}.terugzetten.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.copyFileSync(src, tmp);
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    for (const side of ['-wal', '-shm', '-journal']) fs.rmSync(target + side, { force: true });
    fs.renameSync(tmp, target);
    fsyncDir(path.dirname(target));
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const err = writeError(e, target);
    if (err instanceof KassaError) throw err;
    throw new KassaError('WRITE_FAILED', said('err.backup.restoreWriteFailed', 'Het terugzetten is mislukt: {{path}} kon niet worden geschreven. Er is niets veranderd.', { path: path.basename(target) }), {
      details: { cause: String((e as Error)?.message ?? e) },
    });
  }
}

/**
 * A file that no longer opens (damaged, or from a newer version) is still copied byte for byte,
 * with its -wal, before it is replaced: whatever it holds may still be rescued by an expert.
 */
function rawSafetyCopy(opts: BackupOptions, target: string, now: Date): string {
  // The file does not open: its id cannot be read either, so the copy goes to the folder by name.
  const loc = backupLocation(opts.settingsDir, target, null);
  const folders = loc.custom ? [loc.folder] : [loc.folder, loc.fallbackFolder];
  let lastError: unknown = null;
  for (const folder of folders) {
    const dest = path.join(folder, backupFileName(path.basename(target, '.kassa'), now, 'before-restore'));
    const tmp = `${dest}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    try {
      makeDir(folder);
      markBackupFolder(folder);
      fs.copyFileSync(target, tmp);
      if (fs.existsSync(`${target}-wal`)) fs.copyFileSync(`${target}-wal`, `${dest}-wal`);
      fs.renameSync(tmp, dest);
      fsyncDir(folder);
      return dest;
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      lastError = e;
    }
  }
  throw backupWriteError(lastError, loc.folder);
}

async function safetyBackup(session: Session, target: string, opts: BackupOptions, now: Date): Promise<string | null> {
  const open = session.books;
  if (open && samePath(open.path, target)) {
    return (await createBackup(open, { ...opts, kind: 'before-restore', now })).path;
  }
  if (!fs.existsSync(target)) return null;
  let books: Books;
  try {
    books = await openBooks(target, nativeOpts(opts));
  } catch (e) {
    // Open elsewhere (another window or program): never pull the file away from under it.
    if (e instanceof KassaError && (e.code === 'FILE_LOCKED' || e.code === 'READ_ONLY' || e.code === 'FILE_NOT_FOUND')) throw e;
    // Something that is not an administration at all (a folder, another program's file) is never replaced.
    if (fs.statSync(target).isDirectory() || (e instanceof KassaError && e.code === 'NOT_A_KASSA_FILE' && !/\.kassa$/i.test(target))) {
      throw new KassaError('NOT_A_KASSA_FILE', said('err.backup.targetNotKassa', '"{{path}}" is geen administratie van Kijk op de Kassa. Er is niets teruggezet.', { path: path.basename(target) }), { field: 'file' });
    }
    return rawSafetyCopy(opts, target, now);
  }
  try {
    return (await createBackup(books, { ...opts, kind: 'before-restore', now })).path;
  } finally {
    books.close();
  }
}

export async function restoreBackup(session: Session, input: { path: string; file?: string | undefined }, opts: BackupOptions): Promise<RestoreResult> {
  const targetInput = input.file ?? session.books?.path;
  if (!targetInput) throw new KassaError('NO_FILE_OPEN', said('err.backup.openToRestore', 'Open eerst de administratie waarvan u een back-up wilt terugzetten.'));
  const target = path.resolve(targetInput);
  const source = path.resolve(input.path);
  if (samePath(source, target)) {
    throw new KassaError('INVALID_INPUT', said('err.backup.chooseBackupNotFile', 'Kies een back-up, niet de administratie zelf.'), { field: 'path' });
  }
  let st: fs.Stats;
  try {
    st = fs.statSync(source);
  } catch {
    throw new KassaError('FILE_NOT_FOUND', said('err.backup.backupNotFound', 'De back-up "{{path}}" is niet gevonden. Er is niets teruggezet.', { path: path.basename(source) }), { field: 'path' });
  }
  if (!st.isFile()) throw new KassaError('NOT_A_KASSA_FILE', said('err.backup.notABackup', '"{{path}}" is geen back-up van een administratie. Er is niets teruggezet.', { path: path.basename(source) }), { field: 'path' });

  // 1. The backup itself must be whole.
  const check = await verifyBackupFile(source, nativeOpts(opts));
  if (!check.ok) {
    const refusal = said('err.backup.damaged', 'Deze back-up is beschadigd of geen administratie van Kijk op de Kassa. Er is niets teruggezet.');
    const first = check.problems[0];
    throw new KassaError('CORRUPT_FILE', first ? joinSaid(refusal, first) : refusal, {
      field: 'path',
      details: { problems: check.problems.map((p) => p.message) },
    });
  }

  // Only a copy of this administration: never another one's that happens to share the file name.
  const copyId = storedAdminId(source, opts.nativeBinding);
  const open = session.books && samePath(session.books.path, target) ? session.books : null;
  const targetId = open ? adminIdOf(open) : fs.existsSync(target) ? storedAdminId(target, opts.nativeBinding) : null;
  if (copyId && targetId && copyId !== targetId) {
    throw new KassaError('INVALID_INPUT', said('err.backup.otherAdministration', 'Deze back-up hoort bij een andere administratie (met dezelfde bestandsnaam). Er is niets teruggezet. Kies een back-up van deze administratie.'), { field: 'path' });
  }

  // 2. Back up what is there now.
  const now = new Date();
  const safety = await safetyBackup(session, target, opts, now);

  // 3. Replace.
  const hadTargetOpen = session.books !== null && samePath(session.books.path, target);
  if (hadTargetOpen) session.close();
  try {
    replaceFile(source, target);
  } catch (e) {
    if (hadTargetOpen) session.books = await openBooks(target, nativeOpts(opts));
    throw e;
  }

  // 4. Open, verify, and log it in the restored books.
  let books: Books | null = null;
  try {
    books = await openBooks(target, nativeOpts(opts));
    const opened = books;
    const verify = await verifyBooks(opened);
    if (!verify.ok) {
      throw new KassaError('CORRUPT_FILE', said('err.backup.restoredBroken', 'De teruggezette back-up klopt niet. Het bestand van voor het terugzetten is teruggezet.'), {
        details: { problems: verify.problems.map((p) => p.message) },
      });
    }
    opened.tx(() => {
      // A copy from before admin ids got a new one when it was opened: it is still this administration.
      if (copyId === null && targetId) opened.raw(`INSERT OR REPLACE INTO meta (key, value) VALUES ('admin_id', ?)`).run(targetId);
      appendAudit(opened, 'backup.restore', 'file', null, {
        from: path.basename(source), backupDate: fs.statSync(source).mtime.toISOString(), safetyBackup: safety ? path.basename(safety) : null,
      });
    });
    if (session.books) session.close();
    session.books = opened;
    return { path: target, restoredFrom: source, safetyBackup: safety, verify, admin: adminInfo(opened) };
  } catch (e) {
    books?.close();
    if (safety) {
      replaceFile(safety, target);
      if (hadTargetOpen) session.books = await openBooks(target, nativeOpts(opts));
    }
    throw e;
  }
}
