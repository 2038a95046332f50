import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { DEFAULT_SETTINGS, MAX_RECENT, StoredSettings, type AppSettings, type SettingsPatch } from '../../shared/api/app';
import { KassaError } from '../../shared/errors';
import { writeFileGuarded } from '../files/write';
import { said } from '../../shared/phrase';

export const SETTINGS_FILE_NAME = 'settings.json';

export function settingsFile(dir: string): string {
  return path.join(dir, SETTINGS_FILE_NAME);
}

function defaults(): AppSettings {
  return structuredClone(DEFAULT_SETTINGS);
}

/** The stored settings, or the defaults when there is no (readable) settings file yet. */
export function readSettings(dir: string): AppSettings {
  let text: string;
  try {
    text = fs.readFileSync(settingsFile(dir), 'utf8');
  } catch {
    return defaults();
  }
  try {
    const parsed = StoredSettings.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : defaults();
  } catch {
    return defaults();
  }
}

/**
 * Write the whole settings file atomically: a temp file in the same folder, flushed to disk, then
 * renamed over the old one. A crash leaves either the old or the new file, never half of one.
 */
export function writeSettings(dir: string, settings: AppSettings): void {
  const file = settingsFile(dir);
  try {
    fs.mkdirSync(dir, { recursive: true });
    writeFileGuarded(file, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  } catch (e) {
    const full = (e as NodeJS.ErrnoException).code === 'ENOSPC' || (e instanceof KassaError && e.code === 'DISK_FULL');
    throw new KassaError(full ? 'DISK_FULL' : 'WRITE_FAILED', said('err.app.settingsNotSaved', 'De instellingen konden niet worden bewaard. Controleer of er ruimte op de schijf is.'), {
      details: { cause: String((e as Error)?.message ?? e) },
    });
  }
}

export function applyPatch(current: AppSettings, patch: z.output<typeof SettingsPatch>): AppSettings {
  const next: AppSettings = { ...current };
  if (patch.language !== undefined) next.language = patch.language;
  if (patch.hintsEnabled !== undefined) next.hintsEnabled = patch.hintsEnabled;
  if (patch.lessonProgress !== undefined) next.lessonProgress = { ...current.lessonProgress, ...patch.lessonProgress };
  if (patch.recentFiles !== undefined) next.recentFiles = dedupe(patch.recentFiles.map((p) => path.resolve(p))).slice(0, MAX_RECENT);
  if (patch.windowBounds !== undefined) next.windowBounds = patch.windowBounds;
  return next;
}

export function updateSettings(dir: string, patch: z.output<typeof SettingsPatch>): AppSettings {
  const next = applyPatch(readSettings(dir), patch);
  writeSettings(dir, next);
  return next;
}

function samePath(a: string, b: string): boolean {
  return process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function dedupe(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) if (!out.some((q) => samePath(p, q))) out.push(p);
  return out;
}

/** Put a file at the top of the recent list (most recent first, at most MAX_RECENT). */
export function addRecent(dir: string, file: string): AppSettings {
  const abs = path.resolve(file);
  const current = readSettings(dir);
  const next = { ...current, recentFiles: dedupe([abs, ...current.recentFiles]).slice(0, MAX_RECENT) };
  writeSettings(dir, next);
  return next;
}

export { samePath };
