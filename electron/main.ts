import fs from 'node:fs';
import path from 'node:path';
import {
  app, BrowserWindow, dialog, Menu, protocol, screen, session as electronSession, shell,
  type MenuItemConstructorOptions, type WebContents,
} from 'electron';
import type { MenuCommand, WindowBounds } from '../shared/api/app';
import { handle } from './api';
import { fileFromArgv } from './app/argv';
import { createAppSession } from './app/handlers';
import { appRoot, defaultSettingsDir } from './app/paths';
import { readSettings, samePath, updateSettings } from './app/settings';
import { createDialogs, KASSA_FILTERS, registerIpc, sendMenu } from './ipc';
import {
  APP_HOST, APP_ORIGIN, APP_SCHEME, CSP, SECURITY_HEADERS, isAllowedRequestUrl, onWillNavigate,
  permissionCheckHandler, permissionRequestHandler, webPreferences, windowOpenHandler,
} from './security';
import type { Session } from './session';
import { resolveStatic } from './static';

/**
 * Electron main process: one window per administration, a Dutch menu, the app:// protocol serving
 * the built renderer, and every security switch from electron/security.ts.
 */

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
]);

const root = appRoot();
const rendererDir = path.join(root, 'dist', 'renderer');
const preloadPath = path.join(__dirname, 'preload.js');
const settingsDir = defaultSettingsDir();
const isMac = process.platform === 'darwin';
/** Set by before-quit: a window's close waits for its final backup, which cancels that quit. */
let quitting = false;

/** Development runs on Electron's ABI need the better-sqlite3 copy built by scripts/start.mjs. */
function resolveNativeBinding(): string | undefined {
  if (app.isPackaged) return undefined; // electron-builder rebuilt node_modules/better-sqlite3 for Electron
  const file = path.join(root, '.electron-native', 'better_sqlite3.node');
  if (fs.existsSync(file)) return file;
  console.warn('Let op: .electron-native/better_sqlite3.node ontbreekt; start met "npm start" zodat die wordt gebouwd.');
  return undefined;
}
const nativeBinding = resolveNativeBinding();

interface AppWindow {
  win: BrowserWindow;
  session: Session;
}
const windows = new Map<number, AppWindow>();

function windowOf(sender: WebContents): AppWindow | undefined {
  return windows.get(sender.id);
}

function openPath(w: AppWindow): string | null {
  return w.session.books?.path ?? null;
}

function windowWithFile(file: string): AppWindow | undefined {
  const abs = path.resolve(file);
  for (const w of windows.values()) {
    const p = openPath(w);
    if (p && samePath(p, abs)) return w;
  }
  return undefined;
}

function focus(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

function updateTitle(w: AppWindow): void {
  if (w.win.isDestroyed()) return;
  const p = openPath(w);
  w.win.setTitle(p ? `${path.basename(p)} — Kijk op de Kassa` : 'Kijk op de Kassa');
  if (isMac) w.win.setRepresentedFilename(p ?? '');
}

function visibleOnSomeScreen(b: WindowBounds): boolean {
  if (b.x === undefined || b.y === undefined) return false;
  const { x, y } = b;
  return screen.getAllDisplays().some((d) => {
    const a = d.workArea;
    return x >= a.x - 50 && y >= a.y - 50 && x < a.x + a.width - 100 && y < a.y + a.height - 100;
  });
}

function saveBounds(win: BrowserWindow): void {
  const b = win.getNormalBounds();
  const bounds: WindowBounds = {
    x: Math.round(b.x), y: Math.round(b.y),
    width: Math.max(200, Math.round(b.width)), height: Math.max(200, Math.round(b.height)),
    maximized: win.isMaximized(),
  };
  try {
    updateSettings(settingsDir, { windowBounds: bounds });
  } catch {
    /* not worth bothering the treasurer about */
  }
}

async function showError(win: BrowserWindow | null, message: string): Promise<void> {
  const opts = { type: 'warning' as const, title: 'Kijk op de Kassa', message, buttons: ['OK'] };
  await (win && !win.isDestroyed() ? dialog.showMessageBox(win, opts) : dialog.showMessageBox(opts));
}

/** A new window, optionally with an administration opened in its session before the page loads. */
async function createWindow(file?: string): Promise<AppWindow> {
  const saved = readSettings(settingsDir).windowBounds;
  const first = windows.size === 0;
  const win = new BrowserWindow({
    width: saved?.width ?? 1200,
    height: saved?.height ?? 820,
    ...(first && saved && visibleOnSomeScreen(saved) ? { x: saved.x!, y: saved.y! } : {}),
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Kijk op de Kassa',
    backgroundColor: '#ffffff',
    // The protections are repeated literally after the shared settings (which already hold the same
    // values) so that static scanners such as Electronegativity can see them.
    webPreferences: { ...webPreferences(preloadPath), contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  const session = createAppSession({ mode: 'electron', settingsDir, dialogs: createDialogs(win), ...(nativeBinding ? { nativeBinding } : {}) });
  const w: AppWindow = { win, session };
  const id = win.webContents.id;
  windows.set(id, w);

  win.once('ready-to-show', () => {
    if (first && saved?.maximized) win.maximize();
    win.show();
  });
  // The window stays until the final automatic backup is written and the file is closed; then it
  // closes for real. A quit (Cmd+Q, the menu) is picked up again once the last window is gone.
  let finished = false;
  win.on('close', (event) => {
    saveBounds(win);
    if (finished) return;
    event.preventDefault();
    void session
      .serial(() => session.finish())
      .finally(() => {
        finished = true;
        if (!win.isDestroyed()) win.close();
      });
  });
  win.on('closed', () => {
    windows.delete(id);
    // Normally already closed by finish(); a window destroyed without 'close' still frees its file.
    void session.serial(() => session.close());
    rebuildMenu();
    // A quit that waited for this window's backup goes on (and waits for the next window's).
    if (quitting) app.quit();
  });

  let openError: string | null = null;
  if (file) {
    const r = await handle(session, 'admin.open', { path: file });
    if ('error' in r) openError = r.error.message;
  }
  updateTitle(w);
  rebuildMenu();
  await win.loadURL(`${APP_ORIGIN}/index.html`);
  if (openError) await showError(win, openError);
  return w;
}

/** Open a file: focus the window that has it, reuse an empty focused window, or open a new one. */
async function openFile(file: string): Promise<void> {
  const abs = path.resolve(file);
  const existing = windowWithFile(abs);
  if (existing) return focus(existing.win);
  const focused = BrowserWindow.getFocusedWindow();
  const target = focused ? windows.get(focused.webContents.id) : undefined;
  if (target && !openPath(target)) {
    const r = await handle(target.session, 'admin.open', { path: abs });
    if ('error' in r) return showError(target.win, r.error.message);
    updateTitle(target);
    rebuildMenu();
    sendMenu(target.win, { command: 'opened', path: abs });
    return focus(target.win);
  }
  await createWindow(abs);
}

async function openWithDialog(): Promise<void> {
  const parent = BrowserWindow.getFocusedWindow();
  const opts = { title: 'Administratie openen', filters: KASSA_FILTERS, properties: ['openFile' as const] };
  const r = await (parent ? dialog.showOpenDialog(parent, opts) : dialog.showOpenDialog(opts));
  const file = r.canceled ? undefined : r.filePaths[0];
  if (file) await openFile(file);
}

/** Send a command to the focused window (or a fresh one when none is open). */
async function sendToFocused(command: MenuCommand, wantsEmptyWindow = false): Promise<void> {
  const focused = BrowserWindow.getFocusedWindow() ?? [...windows.values()][0]?.win ?? null;
  const w = focused ? windows.get(focused.webContents.id) : undefined;
  const target = !w || (wantsEmptyWindow && openPath(w)) ? await createWindow() : w;
  sendMenu(target.win, command);
  focus(target.win);
}

function recentItems(): MenuItemConstructorOptions[] {
  const files = readSettings(settingsDir).recentFiles.filter((p) => fs.existsSync(p));
  if (files.length === 0) return [{ label: 'Nog geen administraties geopend', enabled: false }];
  return files.map((p) => ({ label: path.basename(p), toolTip: p, click: () => void openFile(p) }));
}

function buildMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'Bestand',
      submenu: [
        { label: 'Nieuw…', accelerator: 'CmdOrCtrl+N', click: () => void sendToFocused({ command: 'new' }, true) },
        { label: 'Openen…', accelerator: 'CmdOrCtrl+O', click: () => void openWithDialog() },
        { label: 'Recent', submenu: recentItems() },
        { type: 'separator' },
        { label: 'Back-up maken', accelerator: 'CmdOrCtrl+B', click: () => void sendToFocused({ command: 'backup' }) },
        { type: 'separator' },
        { label: 'Afsluiten', accelerator: 'CmdOrCtrl+Q', role: 'quit' },
      ],
    },
    {
      label: 'Bewerken',
      submenu: [
        { label: 'Ongedaan maken', role: 'undo' },
        { label: 'Opnieuw', role: 'redo' },
        { type: 'separator' },
        { label: 'Knippen', role: 'cut' },
        { label: 'Kopiëren', role: 'copy' },
        { label: 'Plakken', role: 'paste' },
        { label: 'Alles selecteren', role: 'selectAll' },
      ],
    },
    {
      label: 'Beeld',
      submenu: [
        { label: 'Groter', role: 'zoomIn' },
        { label: 'Kleiner', role: 'zoomOut' },
        { label: 'Normale grootte', role: 'resetZoom' },
        { type: 'separator' },
        { label: 'Volledig scherm', role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ type: 'separator' as const }, { label: 'Ontwikkelaarshulpmiddelen', role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: 'Help',
      submenu: [{ label: 'Lessen', accelerator: 'F1', click: () => void sendToFocused({ command: 'lessons' }) }],
    },
  ];
  return Menu.buildFromTemplate(template);
}

function rebuildMenu(): void {
  if (app.isReady()) Menu.setApplicationMenu(buildMenu());
}

/** Serve dist/renderer on app://kassa/ with the security headers; nothing outside that folder. */
function registerAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const headers = { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' };
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) return new Response(null, { status: 404, headers });
    const lookup = resolveStatic(rendererDir, url.pathname);
    if (lookup.kind !== 'file') {
      const notBuilt = url.pathname === '/' || url.pathname === '/index.html';
      const body = notBuilt ? 'De schermen van het programma zijn nog niet gebouwd. Voer eerst "npm run build" uit.' : 'Niet gevonden.';
      return new Response(body, { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    const data = await fs.promises.readFile(lookup.file);
    return new Response(new Uint8Array(data), { status: 200, headers: { ...headers, 'Content-Type': lookup.contentType } });
  });
}

function hardenSessions(): void {
  const ses = electronSession.defaultSession;
  ses.setPermissionRequestHandler(permissionRequestHandler);
  ses.setPermissionCheckHandler(permissionCheckHandler);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }));
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } }),
  );
}

const ADMIN_CHANGING = new Set(['admin.open', 'admin.create', 'admin.close', 'app.practice.open', 'app.practice.reset', 'app.settings.set']);

function start(): void {
  // Tests (and coaches with a separate practice profile) point KASSA_SETTINGS_DIR elsewhere; keep
  // Chromium's profile and the single-instance lock with it so such runs never meet the real app.
  if (process.env.KASSA_SETTINGS_DIR) app.setPath('userData', path.join(settingsDir, 'electron-profile'));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  if (process.platform === 'win32') app.setAppUserModelId('nl.kijkopdekassa.app');

  let pendingFile = fileFromArgv(process.argv.slice(app.isPackaged ? 1 : 2), process.cwd());

  app.on('second-instance', (_event, argv, cwd) => {
    const file = fileFromArgv(argv.slice(1), cwd);
    if (file) void openFile(file);
    else {
      const any = [...windows.values()][0];
      if (any) focus(any.win);
      else void createWindow();
    }
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (app.isReady()) void openFile(file);
    else pendingFile = file;
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', onWillNavigate);
    contents.on('will-redirect', onWillNavigate);
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler((details) => windowOpenHandler(details, (url) => void shell.openExternal(url)));
  });

  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });
  app.on('activate', () => {
    if (windows.size === 0) void createWindow();
  });

  void app.whenReady().then(async () => {
    hardenSessions();
    registerAppProtocol();
    registerIpc({
      sessionFor: (sender) => windowOf(sender)?.session,
      before: (sender, method, input) => {
        if (method !== 'admin.open' || typeof input !== 'object' || input === null) return undefined;
        const file = (input as { path?: unknown }).path;
        if (typeof file !== 'string' || file === '') return undefined;
        const other = windowWithFile(file);
        if (!other || other.win.webContents.id === sender.id) return undefined;
        focus(other.win);
        return { error: { code: 'FILE_LOCKED', message: 'Deze administratie is al geopend in een ander venster. Dat venster staat nu vooraan.' } };
      },
      after: (sender, method) => {
        const w = windowOf(sender);
        if (w) updateTitle(w);
        if (ADMIN_CHANGING.has(method)) rebuildMenu();
      },
    });
    rebuildMenu();
    const file = pendingFile;
    pendingFile = undefined;
    await createWindow(file);
  });
}

start();
