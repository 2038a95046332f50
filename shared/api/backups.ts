import { z } from 'zod';
import { method } from './define';
import type { Said } from '../phrase';
import type { AdminInfo, VerifyResult } from './types';

/**
 * Backups of an administration: made automatically (when the file is opened and after every 30
 * minutes with changes) and by hand ("Back-up maken"), kept as a rotating set (the last 10 plus the
 * newest of every month for 7 years), listed with a check of each copy, and restored — never without
 * first making a backup of the current file.
 *
 * The backup methods work on the open administration; backups.list, backups.restore and
 * backups.settings.* also take `file` so a treasurer whose file no longer opens (damaged) can still
 * see and restore its backups.
 */

/** Why a backup was made. */
export type BackupKind = 'auto' | 'manual' | 'before-restore';

export interface BackupCheck {
  ok: boolean;
  /** One each, in Dutch with its phrases (the screen shows them in the UI language); empty when ok. */
  problems: Said[];
}

export interface BackupFile {
  path: string;
  /** File name without the folder, for display. */
  name: string;
  /** When it was made: ISO timestamp in UTC ("2026-03-31T14:05:09.123Z"). */
  date: string;
  sizeBytes: number;
  kind: BackupKind;
}

export interface BackupListItem extends BackupFile {
  /** The result of opening a copy and checking it (verify: true), else null. */
  verify: BackupCheck | null;
  /** Its history head (`count:hash12`, issue 17), null for a copy from before the chain. */
  head: string | null;
}

export interface BackupCreated extends BackupFile {
  /** False when an identical backup already existed (automatic backups only): that one is returned. */
  created: boolean;
  /** Backups removed by the rotation rule. */
  removed: number;
}

export interface BackupSettings {
  /** The administration these settings are for. */
  file: string;
  /** Where its backups go: the per-administration folder inside `root`. */
  folder: string;
  /** The chosen folder (custom) or the default one next to the file. */
  root: string;
  defaultRoot: string;
  custom: boolean;
  /** The newest backup in the folder, if any. */
  lastBackup: { path: string; date: string } | null;
  /** Why the last automatic backup in this window failed (Dutch with its phrases), else null. */
  lastError: Said | null;
  /** Minutes between automatic backups while there are changes. */
  everyMinutes: number;
}

export interface RestoreResult {
  /** The administration that was restored (same path as before). */
  path: string;
  /** The backup that was put back. */
  restoredFrom: string;
  /** The backup of the file as it was just before restoring; null when there was no file. */
  safetyBackup: string | null;
  /** The check of the restored file, just before the restore was written into its audit log. */
  verify: VerifyResult;
  admin: AdminInfo;
}

const FilePath = z.string({ error: 'Kies een bestand.' }).min(1, { message: 'Kies een bestand.' }).max(4096, { message: 'Dit pad is te lang.' });

/** Absolute on Linux/macOS ("/media/usb") or Windows ("D:\\", "\\\\server\\share"). Works in the renderer too (no node:path). */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

const Folder = z
  .string({ error: 'Kies een map.' })
  .min(1, { message: 'Kies een map.' })
  .max(4096, { message: 'Dit pad is te lang.' })
  .refine((p) => !p.includes('\u0000'), { message: 'Deze map bestaat niet.' })
  .refine(isAbsolutePath, { message: 'Kies een volledige map, bijvoorbeeld D:\\Back-ups of /media/usb/back-ups.' });

export const backupsMethods = {
  'backups.create': method<BackupCreated>()(z.object({})),
  'backups.list': method<BackupListItem[]>()(
    z.object({ verify: z.boolean().optional(), file: FilePath.optional() }),
    { file: false },
  ),
  /** Check one backup (the screen checks its list one by one, newest first). */
  'backups.verify': method<BackupCheck>()(z.object({ path: FilePath }), { file: false }),
  'backups.restore': method<RestoreResult>()(
    z.object({ path: FilePath, file: FilePath.optional() }),
    { file: false },
  ),
  'backups.settings.get': method<BackupSettings>()(z.object({ file: FilePath.optional() }), { file: false }),
  'backups.settings.set': method<BackupSettings>()(
    z.object({ folder: Folder.nullable(), file: FilePath.optional() }),
    { file: false },
  ),
} as const;
