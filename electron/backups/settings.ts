import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { KassaError } from '../../shared/errors';
import { samePath } from '../app/settings';
import { writeError } from '../files/errors';
import { writeFileGuarded } from '../files/write';
import { said } from '../../shared/phrase';

/**
 * The backup folder chosen per administration, kept in the settings folder (never in the .kassa
 * file: a backup of the file must not point at itself, and the folder is a property of this
 * computer — a USB stick is E:\ here and /media/usb there). One small JSON file of its own, written
 * atomically, so it never races the other app settings.
 */

export const BACKUP_SETTINGS_FILE = 'backup-folders.json';

const Stored = z.object({
  folders: z.record(z.string().min(1).max(4096), z.string().min(1).max(4096)).catch({}),
});
type Stored = z.infer<typeof Stored>;

function file(settingsDir: string): string {
  return path.join(settingsDir, BACKUP_SETTINGS_FILE);
}

function read(settingsDir: string): Stored {
  try {
    const parsed = Stored.safeParse(JSON.parse(fs.readFileSync(file(settingsDir), 'utf8')));
    return parsed.success ? parsed.data : { folders: {} };
  } catch {
    return { folders: {} };
  }
}

function write(settingsDir: string, data: Stored): void {
  const target = file(settingsDir);
  try {
    fs.mkdirSync(settingsDir, { recursive: true });
    writeFileGuarded(target, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  } catch (e) {
    const err = writeError(e, target);
    if (err instanceof KassaError) throw err;
    throw new KassaError('WRITE_FAILED', said('err.backup.settingNotSaved', 'De instelling voor de back-upmap kon niet worden bewaard.'), { details: { cause: String((e as Error)?.message ?? e) } });
  }
}

/** The folder chosen for this administration, or null for the default. */
export function chosenBackupRoot(settingsDir: string, adminPath: string): string | null {
  const abs = path.resolve(adminPath);
  for (const [key, folder] of Object.entries(read(settingsDir).folders)) if (samePath(key, abs)) return folder;
  return null;
}

/** Remember (or with null: forget) the folder chosen for this administration. */
export function setChosenBackupRoot(settingsDir: string, adminPath: string, folder: string | null): void {
  const abs = path.resolve(adminPath);
  const data = read(settingsDir);
  const folders = Object.fromEntries(Object.entries(data.folders).filter(([key]) => !samePath(key, abs)));
  if (folder !== null) folders[abs] = path.resolve(folder);
  write(settingsDir, { folders });
}
