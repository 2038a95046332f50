/**
 * The parts of the `electron` module the main process uses. The real entry point (electron/main.ts)
 * passes the real module; tests pass a fake, so the shell is tested without the binary. The types
 * come from main.ts, the only main-process file that imports 'electron' (type-only: nothing of
 * main.ts runs when the shell is loaded).
 */
export type { BrowserWindow, ElectronModule, MenuItemConstructorOptions, WebContents } from '../main';

export interface ShellOptions {
  /** process.argv of this launch (the file to open is taken from it). */
  argv: readonly string[];
  cwd: string;
  platform: NodeJS.Platform;
  /** settings.json, recent files, the practice administration. */
  settingsDir: string;
  /** The built renderer served on app://kassa/. */
  rendererDir: string;
  preloadPath: string;
  /** better-sqlite3 built for Electron's ABI (development runs); absent: the one in node_modules. */
  nativeBinding?: string;
  /** Tests and coaches with their own settings folder: keep Chromium's profile and the lock there too. */
  separateProfile?: boolean;
}
