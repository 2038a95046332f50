import fs from 'node:fs';
import path from 'node:path';
import * as electron from 'electron';
import { appRoot, defaultSettingsDir } from './app/paths';
import { startApp } from './shell/start';

/**
 * The real entry point of the desktop app: hands the `electron` module to the shell
 * (electron/shell/start.ts), which tests drive with a fake one.
 */

/**
 * The parts of the `electron` module the shell uses, and the Electron types it names. Declared here,
 * in the one main-process file that imports 'electron' (DESIGN.md section 2), so electron/shell
 * imports nothing of it, not even types; electron/shell/types.ts passes these on.
 */
export type ElectronModule = Pick<
  typeof electron,
  'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'protocol' | 'screen' | 'session' | 'shell'
>;
export type BrowserWindow = electron.BrowserWindow;
export type WebContents = electron.WebContents;
export type MenuItemConstructorOptions = electron.MenuItemConstructorOptions;

const root = appRoot();

/** Development runs on Electron's ABI need the better-sqlite3 copy built by scripts/start.mjs. */
function resolveNativeBinding(): string | undefined {
  if (electron.app.isPackaged) return undefined; // electron-builder rebuilt node_modules/better-sqlite3 for Electron
  const file = path.join(root, '.electron-native', 'better_sqlite3.node');
  if (fs.existsSync(file)) return file;
  console.warn('Let op: .electron-native/better_sqlite3.node ontbreekt; start met "npm start" zodat die wordt gebouwd.');
  return undefined;
}
const nativeBinding = resolveNativeBinding();

startApp(electron, {
  argv: process.argv,
  cwd: process.cwd(),
  platform: process.platform,
  settingsDir: defaultSettingsDir(),
  rendererDir: path.join(root, 'dist', 'renderer'),
  preloadPath: path.join(__dirname, 'preload.js'),
  ...(nativeBinding ? { nativeBinding } : {}),
  // Tests (and coaches with a separate practice profile) point KASSA_SETTINGS_DIR elsewhere; keep
  // Chromium's profile and the single-instance lock with it so such runs never meet the real app.
  separateProfile: Boolean(process.env.KASSA_SETTINGS_DIR),
});
