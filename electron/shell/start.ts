import path from 'node:path';
import { KassaError } from '../../shared/errors';
import { said } from '../../shared/phrase';
import type { IpcHooks } from '../ipc';
import { fileFromArgv } from '../app/argv';
import { registerIpc } from '../ipc';
import { buildMenuTemplate } from './menu';
import { guardWebContents, hardenSessions, registerAppProtocol, registerScheme } from './protect';
import type { ElectronModule, ShellOptions } from './types';
import { Windows } from './windows';

/**
 * The Electron main process, given the `electron` module (electron/main.ts passes the real one,
 * tests a fake): one window per administration, a Dutch menu, the app:// protocol serving the
 * built renderer, every security switch from electron/security.ts, and one instance at a time.
 */

const ADMIN_CHANGING = new Set(['admin.open', 'admin.create', 'admin.close', 'app.practice.open', 'app.practice.reset', 'app.settings.set']);

const ALREADY_OPEN: ReturnType<NonNullable<IpcHooks['before']>> = {
  error: new KassaError('FILE_LOCKED', said('err.app.openInOtherWindow', 'Deze administratie is al geopend in een ander venster. Dat venster staat nu vooraan.')).toJSON(),
};

export interface RunningShell {
  windows: Windows;
  /** Resolves when the first window has loaded (false: another instance had the lock; this one quits). */
  ready: Promise<boolean>;
}

export function startApp(electron: ElectronModule, options: ShellOptions): RunningShell {
  const { app, Menu } = electron;
  const windows = new Windows(electron, options);
  registerScheme(electron);

  if (options.separateProfile) app.setPath('userData', path.join(options.settingsDir, 'electron-profile'));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { windows, ready: Promise.resolve(false) };
  }
  if (options.platform === 'win32') app.setAppUserModelId('nl.kijkopdekassa.app');
  const isMac = options.platform === 'darwin';

  const rebuildMenu = (): void => {
    if (app.isReady()) Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(electron, windows, isMac)));
  };
  windows.onChange = rebuildMenu;

  let pendingFile = fileFromArgv(options.argv.slice(app.isPackaged ? 1 : 2), options.cwd);

  // A second launch (a double-clicked file, the start menu) hands its argv to this instance and quits.
  app.on('second-instance', (_event, argv, cwd) => {
    const file = fileFromArgv(argv.slice(1), cwd);
    if (file) void windows.openFile(file);
    else {
      const any = [...windows.all.values()][0];
      if (any) windows.focus(any.win);
      else void windows.create();
    }
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (app.isReady()) void windows.openFile(file);
    else pendingFile = file;
  });
  guardWebContents(electron);
  app.on('before-quit', () => {
    windows.quitting = true;
  });
  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });
  app.on('activate', () => {
    if (windows.all.size === 0) void windows.create();
  });

  const ready = app.whenReady().then(async () => {
    hardenSessions(electron);
    registerAppProtocol(electron, options.rendererDir);
    registerIpc(electron.ipcMain, {
      sessionFor: (sender) => windows.of(sender)?.session,
      before: (sender, method, input) => {
        if (method !== 'admin.open' || typeof input !== 'object' || input === null) return undefined;
        const file = (input as { path?: unknown }).path;
        if (typeof file !== 'string' || file === '') return undefined;
        const other = windows.withFile(file);
        if (!other || other.win.webContents.id === sender.id) return undefined;
        windows.focus(other.win);
        return ALREADY_OPEN;
      },
      after: (sender, method) => {
        const w = windows.of(sender);
        if (w) windows.updateTitle(w);
        if (ADMIN_CHANGING.has(method)) rebuildMenu();
      },
    });
    rebuildMenu();
    const file = pendingFile;
    pendingFile = undefined;
    await windows.create(file);
    return true;
  });
  return { windows, ready };
}
