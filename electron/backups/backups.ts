import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BackupCheck, BackupCreated, BackupFile, BackupKind } from '../../shared/api/backups';
import { KassaError } from '../../shared/errors';
import { rotateBackups } from '../../shared/rules/backupRotation';
import type { Books } from '../db/books';
import { translateDbError } from '../db/errors';
import { openBooks } from '../db/open';
import { verifyBooks } from '../books/verify';
import { adminFolderName, backupFileName, defaultBackupRoot, fallbackBackupRoot, parseBackupFileName } from './names';
import { chosenBackupRoot } from './settings';

/**
 * Making, listing, checking and rotating the backups of one administration. A backup is a copy
 * made with SQLite's online backup API (a consistent snapshot even while the file is open), written
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
  /** root/<administration>: where this administration's backups go. */
  folder: string;
  /** The folder in the settings folder used when the default one cannot be written. */
  fallbackFolder: string;
}

export function backupLocation(settingsDir: string, adminPath: string): BackupLocation {
  const abs = path.resolve(adminPath);
  const chosen = chosenBackupRoot(settingsDir, abs);
  const defaultRoot = defaultBackupRoot(abs);
  const root = chosen ?? defaultRoot;
  const sub = adminFolderName(abs);
  return { root, defaultRoot, custom: chosen !== null, folder: path.join(root, sub), fallbackFolder: path.join(fallbackBackupRoot(settingsDir), sub) };
}

/** fs and SQLite errors of writing a backup, in Dutch. */
export function backupWriteError(e: unknown, folder: string): KassaError {
  if (e instanceof KassaError) return e;
  const errno = (e as NodeJS.ErrnoException)?.code ?? '';
  const db = translateDbError(e);
  const code = db instanceof KassaError ? db.code : null;
  const cause = { cause: String((e as Error)?.message ?? e) };
  if (errno === 'ENOSPC' || errno === 'EDQUOT' || code === 'DISK_FULL') {
    return new KassaError('DISK_FULL', `De back-up is niet gemaakt: de schijf is vol (${folder}). Uw administratie zelf is niet veranderd. Maak ruimte vrij of kies een andere back-upmap.`, { details: cause });
  }
  if (errno === 'EROFS' || errno === 'EACCES' || errno === 'EPERM' || code === 'READ_ONLY') {
    return new KassaError('READ_ONLY', `De back-up is niet gemaakt: in de map ${folder} kan niet worden geschreven. Uw administratie zelf is niet veranderd. Kies een andere back-upmap.`, { details: cause });
  }
  if (errno === 'ENOENT') {
    return new KassaError('FILE_NOT_FOUND', `De back-up is niet gemaakt: de map ${folder} bestaat niet (meer). Is de USB-stick of schijf aangesloten?`, { details: cause });
  }
  return new KassaError('WRITE_FAILED', `De back-up is niet gemaakt: er ging iets mis bij het schrijven in ${folder}. Uw administratie zelf is niet veranderd.`, { details: cause });
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

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function removeSet(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Make a rename durable (Linux/macOS); Windows cannot open a folder and does not need it. */
export function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
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

/** Every backup of this administration (its folder, plus the fallback folder), newest first. */
export function listBackupFiles(settingsDir: string, adminPath: string): BackupFile[] {
  const loc = backupLocation(settingsDir, adminPath);
  const folders = loc.custom ? [loc.folder] : [loc.folder, loc.fallbackFolder];
  return folders.flatMap(backupsIn).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

const STALE_TMP_MS = 60 * 60_000;

/** Apply the rotation rule to one folder; also clear temp files left by a crash. Returns how many backups were removed. */
export function rotateFolder(folder: string, now: Date): number {
  const all = backupsIn(folder);
  const { remove } = rotateBackups(all.map((b) => ({ id: b.path, at: b.date })), now);
  let removed = 0;
  for (const file of remove) {
    try {
      removeSet(file);
      removed++;
    } catch {
      /* a copy we cannot remove now is removed at the next rotation */
    }
  }
  try {
    for (const name of fs.readdirSync(folder)) {
      if (!/\.kassa\.\d+\.[0-9a-f]+\.tmp(-journal)?$/.test(name)) continue;
      const f = path.join(folder, name);
      if (now.getTime() - fs.statSync(f).mtimeMs > STALE_TMP_MS) fs.rmSync(f, { force: true });
    }
  } catch {
    /* best effort */
  }
  return removed;
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

/** Copy the open administration into `folder` under a temp name, then rename. */
async function writeBackup(books: Books, folder: string, kind: BackupKind, now: Date, dedupe: boolean, rotate = true): Promise<BackupCreated> {
  makeDir(folder);
  const { file, at } = uniqueName(folder, organisationName(books), now, kind);
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    await books.sqlite.backup(tmp);
    fsyncFile(tmp);
  } catch (e) {
    removeSet(tmp);
    throw backupWriteError(e, folder);
  }
  if (dedupe) {
    // Nothing changed since the newest backup: keep that one instead of pushing an older, different
    // copy out of the "last 10". Two backups of the same state are byte for byte the same.
    const newest = backupsIn(folder)[0];
    try {
      if (newest && newest.sizeBytes === fs.statSync(tmp).size && sha256(newest.path) === sha256(tmp)) {
        removeSet(tmp);
        return { ...newest, created: false, removed: 0 };
      }
    } catch {
      /* could not compare: keep the new one */
    }
  }
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    removeSet(tmp);
    throw backupWriteError(e, folder);
  }
  fsyncDir(folder);
  const removed = rotate ? rotateFolder(folder, now) : 0;
  return { path: file, name: path.basename(file), date: at.toISOString(), sizeBytes: fs.statSync(file).size, kind, created: true, removed };
}

/**
 * Back up the open administration into its backup folder and apply the rotation rule there.
 * A chosen folder must exist (a USB stick that is not plugged in is an error, not a reason to
 * create the folder on the local disk); the default folder next to the file is created, and when
 * that place cannot be written (a read-only medium) the backup goes to the settings folder.
 * `dedupe` (automatic backups) skips the copy when nothing changed since the newest backup.
 */
export async function createBackup(books: Books, opts: BackupOptions & { kind: BackupKind; now?: Date; dedupe?: boolean }): Promise<BackupCreated> {
  const now = opts.now ?? new Date();
  const loc = backupLocation(opts.settingsDir, books.path);
  if (loc.custom) {
    if (!isDirectory(loc.root)) {
      throw new KassaError('FILE_NOT_FOUND', `De back-upmap ${loc.root} is niet gevonden. Is de USB-stick of schijf aangesloten? U kunt ook een andere map kiezen.`);
    }
    return writeBackup(books, loc.folder, opts.kind, now, opts.dedupe ?? false);
  }
  try {
    return await writeBackup(books, loc.folder, opts.kind, now, opts.dedupe ?? false);
  } catch (e) {
    if (e instanceof KassaError && e.code === 'READ_ONLY') {
      return writeBackup(books, loc.fallbackFolder, opts.kind, now, opts.dedupe ?? false);
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
    throw new KassaError('FILE_NOT_FOUND', `De map ${folder} is niet gevonden. Is de USB-stick of schijf aangesloten? Kies anders een andere map.`, { field: 'to' });
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
      return { ok: v.ok, problems: v.problems.map((p) => p.message) };
    } finally {
      books.close();
    }
  } catch (e) {
    const err = translateDbError(e);
    const message = err instanceof KassaError
      ? err.message
      : (e as NodeJS.ErrnoException)?.code === 'ENOENT'
        ? 'Deze back-up is niet (meer) gevonden.'
        : 'Deze back-up kon niet worden gecontroleerd: het bestand is onleesbaar of beschadigd.';
    return { ok: false, problems: [message] };
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}
