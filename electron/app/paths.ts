import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const APP_DIR_NAME = 'kijk-op-de-kassa';
const PACKAGE_NAME = 'kijk-op-de-kassa';

let cachedRoot: string | undefined;

/**
 * The folder holding the app's package.json: the repository in development, the app.asar in a
 * packaged Electron app. Found by walking up from this file, so it works from electron/app/*.ts
 * (vitest) as well as from dist/electron/app/*.js.
 */
export function appRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    try {
      const parsed = JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: unknown };
      if (parsed.name === PACKAGE_NAME) return (cachedRoot = dir);
    } catch {
      /* not here: keep walking up */
    }
    const up = path.dirname(dir);
    if (up === dir) return (cachedRoot = process.cwd());
    dir = up;
  }
}

let cachedVersion: string | undefined;

export function appVersion(): string {
  if (cachedVersion) return cachedVersion;
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(appRoot(), 'package.json'), 'utf8')) as { version?: unknown };
    cachedVersion = typeof parsed.version === 'string' ? parsed.version : '0.0.0';
  } catch {
    cachedVersion = '0.0.0';
  }
  return cachedVersion;
}

/** Where settings and the practice administration live: the OS's per-user app-data folder. */
export function defaultSettingsDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.KASSA_SETTINGS_DIR) return path.resolve(env.KASSA_SETTINGS_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_DIR_NAME);
}

/** A folder to suggest for new administrations: Documents when it exists, else the home folder. */
export function defaultDocumentsDir(): string {
  const home = os.homedir();
  for (const name of ['Documents', 'Documenten']) {
    const dir = path.join(home, name);
    try {
      if (fs.statSync(dir).isDirectory()) return dir;
    } catch {
      /* try the next one */
    }
  }
  return home;
}

export const PRACTICE_FILE_NAME = 'oefenadministratie.kassa';

export function practicePath(settingsDir: string): string {
  return path.join(settingsDir, PRACTICE_FILE_NAME);
}
