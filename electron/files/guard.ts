import fs from 'node:fs';
import path from 'node:path';
import { KassaError } from '../../shared/errors';
import { openFiles } from '../db/openFiles';
import { BACKUP_FOLDER_MARK, BACKUP_ROOT_NAME } from '../backups/names';
import { joinSaid, said, type Said } from '../../shared/phrase';

/**
 * What no export, report or attachment may ever replace: the books themselves. Asked before the
 * temp file is made and again right before the rename, so a link swapped in between is caught too.
 *
 * Refused:
 * - any `*.kassa` and any `*.kassa-wal/-shm/-journal` (a copy of the books is still books; backups and
 *   restores write .kassa files through their own code, never through this writer);
 * - an administration open in this process, or its side files, by path, or by device and inode
 *   (a hard link, a symlink, another spelling of the same path);
 * - anything inside a backup folder: a folder named like the backup root, or one marked by the
 *   backup code (BACKUP_FOLDER_MARK), or any folder below those.
 */

const SIDES = ['', '-wal', '-shm', '-journal'];

function refuse(target: string, why: Said, field: string): never {
  throw new KassaError('PROTECTED_FILE', joinSaid(why, said('err.file.protected.chooseOther', 'Kies een andere naam of map. Er is niets geschreven.')), {
    field,
    details: { path: target },
  });
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}

function sameFile(a: fs.Stats, b: fs.Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

function samePath(a: string, b: string): boolean {
  return process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** The nearest existing folder of p, with links resolved; null when none can be resolved. */
function realFolder(p: string): string | null {
  let dir = p;
  for (;;) {
    try {
      return fs.realpathSync(dir);
    } catch {
      const up = path.dirname(dir);
      if (up === dir) return null;
      dir = up;
    }
  }
}

function isBackupFolder(dir: string): boolean {
  if (path.basename(dir).toLowerCase() === BACKUP_ROOT_NAME.toLowerCase()) return true;
  return fs.existsSync(path.join(dir, BACKUP_FOLDER_MARK));
}

function insideBackupFolder(folder: string): boolean {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (isBackupFolder(dir)) return true;
    if (path.dirname(dir) === dir) return false;
  }
}

/**
 * Throws PROTECTED_FILE (or INVALID_INPUT for a folder) when `target` must not be written. Returns the absolute path.
 * `protect`: more administrations to treat as open (the CLI writes its output after closing FILE).
 */
export function guardTarget(target: string, field = 'path', protect: readonly string[] = []): string {
  const abs = path.resolve(target);
  const base = path.basename(abs);
  if (/\.kassa(-wal|-shm|-journal)?$/i.test(base)) {
    refuse(abs, said('err.file.protected.kassa', '"{{name}}" is een administratiebestand van Kijk op de Kassa. Daar schrijft het programma nooit een export of rapport overheen.', { name: base }), field);
  }
  const open = [...openFiles(), ...protect.map((p) => path.resolve(p))];
  for (const books of open) {
    for (const side of SIDES) {
      if (samePath(abs, books + side)) refuse(abs, said('err.file.protected.openBooks', '"{{name}}" hoort bij de administratie die open is.', { name: base }), field);
    }
  }
  const st = statOrNull(abs);
  if (st?.isDirectory()) throw new KassaError('INVALID_INPUT', said('err.file.isFolderChooseName', '"{{name}}" is een map. Kies een bestandsnaam.', { name: base }), { field });
  if (st) {
    for (const books of open) {
      for (const side of SIDES) {
        const other = statOrNull(books + side);
        if (other && sameFile(st, other)) refuse(abs, said('err.file.protected.sameAsOpen', '"{{name}}" is hetzelfde bestand als de administratie die open is (of een koppeling ernaar).', { name: base }), field);
      }
    }
  }
  const folders = [path.dirname(abs), realFolder(path.dirname(abs))].filter((d): d is string => d !== null);
  if (folders.some(insideBackupFolder)) {
    refuse(abs, said('err.file.protected.backupFolder', '"{{path}}" is een map met back-ups. Daarin komen alleen back-ups, zodat het terugzetten altijd klopt.', { path: path.dirname(abs) }), field);
  }
  return abs;
}
