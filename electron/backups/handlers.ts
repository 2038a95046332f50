import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupListItem, BackupSettings, backupsMethods } from '../../shared/api/backups';
import { KassaError } from '../../shared/errors';
import type { Handler } from '../handler';
import { defaultSettingsDir } from '../app/paths';
import { samePath } from '../app/settings';
import { writeError } from '../files/errors';
import type { Session } from '../session';
import { AUTO_BACKUP_EVERY_MS, autoBackupStatus } from './auto';
import { backupHead } from './head';
import { backupLocation, createBackup, listBackupFiles, verifyBackupFile, type BackupOptions } from './backups';
import { adminIdOf, storedAdminId } from './identity';
import { restoreBackup } from './restore';
import { setChosenBackupRoot } from './settings';
import { said } from '../../shared/phrase';

type BackupsMethodName = keyof typeof backupsMethods;

function options(session: Session): BackupOptions {
  return {
    settingsDir: session.options.settingsDir ?? defaultSettingsDir(),
    ...(session.options.nativeBinding ? { nativeBinding: session.options.nativeBinding } : {}),
  };
}

/** The administration a call is about: `file` when given, else the open one. */
function adminPath(session: Session, file: string | undefined): string {
  const p = file ?? session.books?.path;
  if (!p) throw new KassaError('NO_FILE_OPEN', said('err.backup.openOrChoose', 'Open eerst een administratie, of kies het bestand waarvan u de back-ups wilt zien.'));
  return path.resolve(p);
}

/** The id of the administration a call is about: from the open books, or read from the file. */
function idOf(session: Session, file: string): string | null {
  if (session.books && samePath(path.resolve(session.books.path), file)) return adminIdOf(session.books);
  return storedAdminId(file, session.options.nativeBinding);
}

function settingsFor(session: Session, file: string): BackupSettings {
  const id = idOf(session, file);
  const loc = backupLocation(options(session).settingsDir, file, id);
  const newest = listBackupFiles(options(session).settingsDir, file, id, session.options.nativeBinding)[0];
  const auto = session.books && samePath(path.resolve(session.books.path), file) ? autoBackupStatus(session) : null;
  return {
    file,
    folder: loc.folder,
    root: loc.root,
    defaultRoot: loc.defaultRoot,
    custom: loc.custom,
    lastBackup: newest ? { path: newest.path, date: newest.date } : null,
    lastError: auto?.lastError ?? null,
    everyMinutes: Math.round((auto?.everyMs ?? AUTO_BACKUP_EVERY_MS) / 60_000),
  };
}

/** A chosen folder must exist, be a folder, and take a file (probed with a small temp file). */
function checkFolder(folder: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(folder);
  } catch {
    throw new KassaError('FILE_NOT_FOUND', said('err.backup.folderMissing', 'De map {{folder}} is niet gevonden. Is de USB-stick of schijf aangesloten?', { folder }), { field: 'folder' });
  }
  if (!st.isDirectory()) throw new KassaError('INVALID_INPUT', said('err.file.notAFolderChoose', '{{folder}} is geen map. Kies een map.', { folder }), { field: 'folder' });
  const probe = path.join(folder, `.kassa-schrijftest-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  try {
    fs.writeFileSync(probe, 'Kijk op de Kassa', { flag: 'wx' });
  } catch (e) {
    const err = writeError(e, probe);
    if (err instanceof KassaError) {
      throw new KassaError(err.code, err.code === 'READ_ONLY'
        ? `In de map ${folder} kan niet worden geschreven. Kies een andere map voor de back-ups.`
        : err.code === 'DISK_FULL' ? `De schijf van ${folder} is vol. Kies een andere map voor de back-ups.` : err.message, { field: 'folder' });
    }
    throw new KassaError('WRITE_FAILED', said('err.backup.cannotWriteFolder', 'In de map {{folder}} kan geen back-up worden gezet. Kies een andere map.', { folder }), { field: 'folder' });
  } finally {
    fs.rmSync(probe, { force: true });
  }
}

/** Backups: contract name -> service call (spread into electron/api.ts). */
export const backupsHandlers: { [M in BackupsMethodName]: Handler<M> } = {
  'backups.create': ({ session, books }) => createBackup(books, { ...options(session), kind: 'manual' }),

  'backups.list': async ({ session }, input) => {
    const opts = options(session);
    const file = adminPath(session, input.file);
    const files = listBackupFiles(opts.settingsDir, file, idOf(session, file), opts.nativeBinding);
    const out: BackupListItem[] = [];
    for (const f of files) out.push({ ...f, head: backupHead(f.path, opts.nativeBinding), verify: input.verify ? await verifyBackupFile(f.path, opts) : null });
    return out;
  },

  'backups.verify': ({ session }, input) => verifyBackupFile(path.resolve(input.path), options(session)),

  'backups.restore': ({ session }, input) => restoreBackup(session, input, options(session)),

  'backups.settings.get': ({ session }, input) => settingsFor(session, adminPath(session, input.file)),

  'backups.settings.set': ({ session }, input) => {
    const file = adminPath(session, input.file);
    if (input.folder !== null) checkFolder(path.resolve(input.folder));
    setChosenBackupRoot(options(session).settingsDir, file, input.folder === null ? null : path.resolve(input.folder));
    return settingsFor(session, file);
  },
};
