import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BackupCheck, BackupCreated, BackupFile, BackupKind } from '../../shared/api/backups';
import { KassaError } from '../../shared/errors';
import { rotateBackups } from '../../shared/rules/backupRotation';
import type { Books } from '../db/books';
import { translateDbError } from '../db/errors';
import { fsyncDir, removeFileSet } from '../db/fileSet';
import { openBooks } from '../db/open';
import { verifyBooks } from '../books/verify';
import { BACKUP_FOLDER_MARK, adminFolderName, backupFileName, defaultBackupRoot, fallbackBackupRoot, parseBackupFileName } from './names';
import { adminIdOf, shortId, storedAdminId } from './identity';
import { chosenBackupRoot } from './settings';
import { processAlive } from '../db/create';
import { said } from '../../shared/phrase';
import { sameBytes } from '../files/sameBytes';

/**
 * Making, listing, checking and rotating the backups of one administration. A backup is a copy
 * of the file taken under the app's exclusive lock right after a checkpoint (copyDatabase), written
 * to a temp name and renamed, so a full disk or a pulled USB stick never leaves half a backup that
 * looks like a whole one.
 */

export interface BackupOptions {
  settingsDir: string;
  nativeBinding?: string;
}

export interface BackupLocation {
  /** The chosen folder, or the default one next to the file. */
  root: string;
  defaultRoot: string;
  custom: boolean;
  /** root/<file name> <short id>: where this administration's backups go. */
  folder: string;
  /** The folder in the settings folder used when the default one cannot be written. */
  fallbackFolder: string;
  /** Folders named by file name only (before admin ids): still read, for copies of this administration. */
  legacyFolders: string[];
  /** The administration's id (meta.admin_id), or null for a file that has none or cannot be read. */
  adminId: string | null;
}

/**
 * Where the backups of one administration go: a folder named by its file name and the short form
 * of its id, so two administrations with the same file name (in different folders, same backup
 * location) never share a folder. Without an id (a file that cannot be read) the old name is used.
 */
export function backupLocation(settingsDir: string, adminPath: string, adminId: string | null): BackupLocation {
  const abs = path.resolve(adminPath);
  const chosen = chosenBackupRoot(settingsDir, abs);
  const defaultRoot = defaultBackupRoot(abs);
  const root = chosen ?? defaultRoot;
  const legacy = adminFolderName(abs);
  const sub = adminId ? `${legacy} ${shortId(adminId)}` : legacy;
  const fallbackRoot = fallbackBackupRoot(settingsDir);
  return {
    root, defaultRoot, custom: chosen !== null, adminId,
    folder: path.join(root, sub),
    fallbackFolder: path.join(fallbackRoot, sub),
    legacyFolders: adminId ? [path.join(root, legacy), path.join(fallbackRoot, legacy)] : [],
  };
}

/** fs and SQLite errors of writing a backup, in Dutch. */
export function backupWriteError(e: unknown, folder: string): KassaError {
  if (e instanceof KassaError) return e;
  const errno = (e as NodeJS.ErrnoException)?.code ?? '';
  const db = translateDbError(e);
  const code = db instanceof KassaError ? db.code : null;
  const cause = { cause: String((e as Error)?.message ?? e) };
  if (errno === 'ENOSPC' || errno === 'EDQUOT' || code === 'DISK_FULL') {
    return new KassaError('DISK_FULL', said('err.backup.diskFull', 'De back-up is niet gemaakt: de schijf is vol ({{folder}}). Uw administratie zelf is niet veranderd. Maak ruimte vrij of kies een andere back-upmap.', { folder }), { details: cause });
  }
  if (errno === 'EROFS' || errno === 'EACCES' || errno === 'EPERM' || code === 'READ_ONLY') {
    return new KassaError('READ_ONLY', said('err.backup.readOnly', 'De back-up is niet gemaakt: in de map {{folder}} kan niet worden geschreven. Uw administratie zelf is niet veranderd. Kies een andere back-upmap.', { folder }), { details: cause });
  }
  if (errno === 'ENOENT') {
    return new KassaError('FILE_NOT_FOUND', said('err.backup.folderGone', 'De back-up is niet gemaakt: de map {{folder}} bestaat niet (meer). Is de USB-stick of schijf aangesloten?', { folder }), { details: cause });
  }
  return new KassaError('WRITE_FAILED', said('err.backup.writeFailed', 'De back-up is niet gemaakt: er ging iets mis bij het schrijven in {{folder}}. Uw administratie zelf is niet veranderd.', { folder }), { details: cause });
}

/**
 * mkdir -p with the real reason when it fails: Node's recursive mkdir reports ENOENT where the
 * file system said EROFS (a read-only medium), so the failing step is retried on its own.
 */
export function makeDir(folder: string): void {
  try {
    fs.mkdirSync(folder, { recursive: true });
    return;
  } catch (e) {
    let missing = folder;
    while (!fs.existsSync(path.dirname(missing)) && path.dirname(missing) !== missing) missing = path.dirname(missing);
    try {
      fs.mkdirSync(missing);
    } catch (e2) {
      throw backupWriteError(e2, folder);
    }
    throw backupWriteError(e, folder);
  }
}

/** Mark a folder as holding backups, so the guarded writer keeps exports out of it. */
export function markBackupFolder(folder: string): void {
  try {
    fs.writeFileSync(path.join(folder, BACKUP_FOLDER_MARK), 'Kijk op de Kassa: in deze map staan alleen back-ups.\n', { flag: 'wx' });
  } catch {
    /* already marked, or the backup itself will report why the folder cannot be written */
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The backups in one folder, newest first. Only files named like our backups count. */
export function backupsIn(folder: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const out: BackupFile[] = [];
  for (const name of names) {
    const parsed = parseBackupFileName(name);
    if (!parsed) continue;
    const file = path.join(folder, name);
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch {
      continue;
    }
    if (!st.isFile()) continue;
    out.push({ path: file, name, date: parsed.at, sizeBytes: st.size, kind: parsed.kind });
  }
  return out.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.name < b.name ? 1 : -1));
}

/** `<root>/<name> <8 hex>` folders beside `<root>/<name>`: the id folders of one file name. */
function idFoldersBeside(folder: string): string[] {
  const base = path.basename(folder);
  try {
    return fs.readdirSync(path.dirname(folder))
      .filter((n) => n.length === base.length + 9 && n.startsWith(`${base} `) && /^[0-9a-f]{8}$/.test(n.slice(base.length + 1)))
      .map((n) => path.join(path.dirname(folder), n));
  } catch {
    return [];
  }
}

/**
 * Every backup of this administration, newest first: its own folder, the fallback folder and the
 * old folders named by file name only, leaving out every copy that carries another administration's
 * id. Copies without a readable id (made before ids existed, or damaged) are listed, so they can
 * still be checked or restored, but never rotated away: they cannot be told apart.
 */
export function listBackupFiles(settingsDir: string, adminPath: string, adminId: string | null, nativeBinding?: string): BackupFile[] {
  const loc = backupLocation(settingsDir, adminPath, adminId);
  const own = loc.custom ? [loc.folder] : [loc.folder, loc.fallbackFolder];
  const legacy = loc.custom ? loc.legacyFolders.slice(0, 1) : loc.legacyFolders;
  // A file whose id cannot be read (damaged beyond opening) may be rescued from any copy of its
  // file name: every id folder of that name is offered, and the treasurer chooses.
  const anyId = adminId === null ? [loc.folder, ...(loc.custom ? [] : [loc.fallbackFolder])].flatMap(idFoldersBeside) : [];
  const out: BackupFile[] = [];
  for (const folder of [...new Set([...own, ...legacy, ...anyId])]) {
    for (const b of backupsIn(folder)) {
      const id = adminId === null ? null : storedAdminId(b.path, nativeBinding);
      if (id === null || id === adminId) out.push(b);
    }
  }
  return out.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

const STALE_TMP_MS = 60 * 60_000;

/** A temp file of a backup whose process is gone (killed, crashed), or older than an hour. */
function staleTemp(file: string, name: string, now: Date): boolean {
  const m = /\.kassa\.(\d+)\.[0-9a-f]+\.tmp(-journal|-wal|-shm)?$/.exec(name);
  if (!m) return false;
  if (!processAlive(Number(m[1]))) return true;
  // A live process with that id may be a later one that reused it: the hour still applies.
  return now.getTime() - fs.statSync(file).mtimeMs > STALE_TMP_MS;
}

/**
 * Apply the rotation rule to the copies of one administration (`adminId`) in a folder; also clear
 * temp files left by a killed backup. Returns how many backups were removed.
 */
export function rotateFolder(folder: string, now: Date, adminId: string | null = null): number {
  const all = backupsIn(folder).filter((b) => adminId === null || storedAdminId(b.path) === adminId);
  const { remove } = rotateBackups(all.map((b) => ({ id: b.path, at: b.date })), now);
  let removed = 0;
  for (const file of remove) {
    try {
      removeFileSet(file);
      removed++;
    } catch {
      /* a copy we cannot remove now is removed at the next rotation */
    }
  }
  clearStaleTemps(folder, now);
  return removed;
}

export function clearStaleTemps(folder: string, now: Date): void {
  try {
    for (const name of fs.readdirSync(folder)) {
      const f = path.join(folder, name);
      if (staleTemp(f, name, now)) fs.rmSync(f, { force: true });
    }
  } catch {
    /* best effort */
  }
}

function organisationName(books: Books): string {
  try {
    const row = books.raw('SELECT name FROM organisation WHERE id = 1').get() as { name: string } | undefined;
    return row?.name ?? path.basename(books.path, '.kassa');
  } catch {
    return path.basename(books.path, '.kassa');
  }
}

function uniqueName(folder: string, orgName: string, at: Date, kind: BackupKind): { file: string; at: Date } {
  let t = at.getTime();
  for (;;) {
    const d = new Date(t);
    const file = path.join(folder, backupFileName(orgName, d, kind));
    if (!fs.existsSync(file)) return { file, at: d };
    t += 1;
  }
}

/**
 * Copy the open administration to `tmp`. The connection holds the file's exclusive lock and no
 * write can run between the checkpoint and the copy (both synchronous), so once the WAL is folded
 * into the file its bytes are the whole administration: the kernel copies them (a fraction of the
 * CPU of the online backup API, which took ~1 s for a 40 MB file), and two copies of the same
 * state are the same bytes. Should the checkpoint not complete, the online backup API is used.
 */
async function copyDatabase(books: Books, tmp: string): Promise<void> {
  const [done] = books.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  if (done && done.busy === 0 && done.log <= 0) {
    fs.copyFileSync(books.path, tmp, fs.constants.COPYFILE_EXCL);
    return;
  }
  await books.sqlite.backup(tmp);
}

/** Work on a fresh copy before it is kept (the opening check, auto.ts); it flushes the copy itself. Throws to discard it. */
export type CopyCheck = (tmp: string) => Promise<void>;

/** Copy the open administration into `folder` under a temp name, then rename. */
async function writeBackup(books: Books, folder: string, kind: BackupKind, now: Date, dedupe: boolean, rotate = true, check?: CopyCheck): Promise<BackupCreated> {
  makeDir(folder);
  // A folder the user named (`kassa backup --to`) stays theirs: only our own folders are marked.
  if (rotate) markBackupFolder(folder);
  // Temp files of a killed backup are cleared before this one adds its own.
  if (rotate) clearStaleTemps(folder, now);
  const { file, at } = uniqueName(folder, organisationName(books), now, kind);
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    await copyDatabase(books, tmp);
  } catch (e) {
    removeFileSet(tmp);
    throw backupWriteError(e, folder);
  }
  if (check) {
    try {
      await check(tmp);
    } catch (e) {
      removeFileSet(tmp);
      throw e;
    }
  } else {
    try {
      fsyncFile(tmp);
    } catch (e) {
      removeFileSet(tmp);
      throw backupWriteError(e, folder);
    }
  }
  if (dedupe) {
    // Nothing changed since the newest backup: keep that one instead of pushing an older, different
    // copy out of the "last 10". Two backups of the same state are byte for byte the same.
    const newest = backupsIn(folder)[0];
    try {
      if (newest && newest.sizeBytes === fs.statSync(tmp).size && sameBytes(newest.path, tmp)) {
        removeFileSet(tmp);
        return { ...newest, created: false, removed: 0 };
      }
    } catch {
      /* could not compare: keep the new one */
    }
  }
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    removeFileSet(tmp);
    throw backupWriteError(e, folder);
  }
  fsyncDir(folder);
  const removed = rotate ? rotateFolder(folder, now, adminIdOf(books)) : 0;
  return { path: file, name: path.basename(file), date: at.toISOString(), sizeBytes: fs.statSync(file).size, kind, created: true, removed };
}

/**
 * Back up the open administration into its backup folder and apply the rotation rule there.
 * A chosen folder must exist (a USB stick that is not plugged in is an error, not a reason to
 * create the folder on the local disk); the default folder next to the file is created, and when
 * that place cannot be written (a read-only medium) the backup goes to the settings folder.
 * `dedupe` (automatic backups) skips the copy when nothing changed since the newest backup.
 */
export async function createBackup(books: Books, opts: BackupOptions & { kind: BackupKind; now?: Date; dedupe?: boolean; check?: CopyCheck }): Promise<BackupCreated> {
  const now = opts.now ?? new Date();
  const loc = backupLocation(opts.settingsDir, books.path, adminIdOf(books));
  if (loc.custom) {
    if (!isDirectory(loc.root)) {
      throw new KassaError('FILE_NOT_FOUND', said('err.backup.rootNotFound', 'De back-upmap {{root}} is niet gevonden. Is de USB-stick of schijf aangesloten? U kunt ook een andere map kiezen.', { root: loc.root }));
    }
    return writeBackup(books, loc.folder, opts.kind, now, opts.dedupe ?? false, true, opts.check);
  }
  try {
    return await writeBackup(books, loc.folder, opts.kind, now, opts.dedupe ?? false, true, opts.check);
  } catch (e) {
    if (e instanceof KassaError && e.code === 'READ_ONLY') {
      return writeBackup(books, loc.fallbackFolder, opts.kind, now, opts.dedupe ?? false, true, opts.check);
    }
    throw e;
  }
}

/**
 * `kassa backup FILE --to DIR`: the same copy as "Back-up maken" (online backup API, temp name,
 * fsync, rename; named like the app's manual backups) into a folder the user names. The folder must
 * exist, and nothing in it is rotated away: it is the user's.
 */
export async function backupIntoFolder(books: Books, folder: string, now = new Date()): Promise<BackupCreated> {
  if (!isDirectory(folder)) {
    throw new KassaError('FILE_NOT_FOUND', said('err.backup.folderNotFound', 'De map {{folder}} is niet gevonden. Is de USB-stick of schijf aangesloten? Kies anders een andere map.', { folder }), { field: 'to' });
  }
  return writeBackup(books, folder, 'manual', now, false, false);
}

/**
 * Check a backup without touching it: copy it to a temp folder, open the copy the way the app
 * would (which also migrates a copy made by an older version) and run the integrity check on it.
 */
export async function verifyBackupFile(file: string, opts: { nativeBinding?: string } = {}): Promise<BackupCheck> {
  let dir: string | null = null;
  try {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-controle-'));
    const copy = path.join(dir, 'controle.kassa');
    fs.copyFileSync(file, copy);
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    const books = await openBooks(copy, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
    try {
      const v = await verifyBooks(books);
      return { ok: v.ok, problems: v.problems.map((p) => ({ message: p.message, says: p.says })) };
    } finally {
      books.close();
    }
  } catch (e) {
    const err = translateDbError(e);
    const problem = err instanceof KassaError
      ? err.said
      : (e as NodeJS.ErrnoException)?.code === 'ENOENT'
        ? said('err.backup.checkGone', 'Deze back-up is niet (meer) gevonden.')
        : said('err.backup.checkUnreadable', 'Deze back-up kon niet worden gecontroleerd: het bestand is onleesbaar of beschadigd.');
    return { ok: false, problems: [problem] };
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}
