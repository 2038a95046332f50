import path from 'node:path';
import type { BackupKind } from '../../shared/api/backups';

/**
 * Where backups live and what they are called.
 *
 *   <root>/<file name without .kassa>/<organisation name> <timestamp>[ <kind>].kassa
 *
 * root is "Back-ups Kijk op de Kassa" next to the administration, or a folder the treasurer chose
 * (a USB stick, a synced folder). The sub-folder per administration file keeps the backups of two
 * administrations apart, even when both foundations carry the same name, so the rotation of one
 * never removes a copy of the other. The timestamp is ISO 8601 in UTC with '-' instead of ':' and
 * '.', which Windows does not allow in file names.
 */

export const BACKUP_ROOT_NAME = 'Back-ups Kijk op de Kassa';
/** Under the settings folder: used when the folder next to the file cannot be written (a read-only medium). */
export const FALLBACK_ROOT_NAME = 'Back-ups';
/**
 * A small file the backup code puts in every folder it keeps backups in, so the guarded writer
 * (electron/files/guard.ts) knows the folder is off limits for exports wherever the root is.
 */
export const BACKUP_FOLDER_MARK = '.kijk-op-de-kassa-backups';

const KIND_SUFFIX: Record<BackupKind, string> = { auto: '', manual: ' handmatig', 'before-restore': ' voor-terugzetten' };
const STAMP = String.raw`(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z`;
const NAME_RE = new RegExp(String.raw`^(.*) ${STAMP}( handmatig| voor-terugzetten)?\.kassa$`);

/** A name safe on Windows, macOS and Linux file systems: no separators, reserved or control characters. */
export function safeFileName(name: string, fallback = 'Administratie', max = 60): string {
  const cleaned = [...name]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch === '\u007f' || '\\/:*?"<>|'.includes(ch) ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  // Cut by code point, never through a surrogate pair (an emoji in the name).
  const short = [...cleaned].slice(0, max).join('')
    .replace(/[. ]+$/, '')
    .replace(/^[. ]+/, '');
  return short || fallback;
}

/** 2026-03-31T14:05:09.123Z -> "2026-03-31T14-05-09-123Z". */
export function stampOf(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

export function backupFileName(orgName: string, date: Date, kind: BackupKind): string {
  return `${safeFileName(orgName)} ${stampOf(date)}${KIND_SUFFIX[kind]}.kassa`;
}

export interface ParsedBackupName {
  /** ISO timestamp in UTC. */
  at: string;
  kind: BackupKind;
}

/** The timestamp and kind of a backup's file name, or null for any other file. */
export function parseBackupFileName(name: string): ParsedBackupName | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  const at = `${m[2]}T${m[3]}:${m[4]}:${m[5]}.${m[6]}Z`;
  const kind: BackupKind = m[7] === ' handmatig' ? 'manual' : m[7] === ' voor-terugzetten' ? 'before-restore' : 'auto';
  return { at, kind };
}

/** The sub-folder of one administration: its file name without the extension. */
export function adminFolderName(file: string): string {
  const base = path.basename(file).replace(/\.kassa$/i, '');
  return safeFileName(base, 'administratie', 80);
}

export function defaultBackupRoot(file: string): string {
  return path.join(path.dirname(path.resolve(file)), BACKUP_ROOT_NAME);
}

export function fallbackBackupRoot(settingsDir: string): string {
  return path.join(settingsDir, FALLBACK_ROOT_NAME);
}
