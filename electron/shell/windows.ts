import fs from 'node:fs';
import path from 'node:path';
import type { MenuCommand, WindowBounds } from '../../shared/api/app';
import { handle } from '../api';
import { createAppSession } from '../app/handlers';
import { readSettings, samePath, updateSettings } from '../app/settings';
import { finalBackupDue } from '../backups/auto';
import { createDialogs, sendMenu } from '../ipc';
import { APP_ORIGIN, webPreferences } from '../security';
import type { Session } from '../session';
import { sayIn } from './say';
import { kassaFilters, shellLanguage, shellTexts, type ShellTexts } from './texts';
import type { BrowserWindow, ElectronModule, ShellOptions, WebContents } from './types';

export interface AppWindow {
  win: BrowserWindow;
  session: Session;
}

/**
 * The windows of the Electron door: one per administration, each with its own Session. Knows how
 * to open a file in the right window and how a window closes without losing work.
 */
export class Windows {
  readonly all = new Map<number, AppWindow>();
  /** Set by before-quit: a window's close waits for its final backup, which cancels that quit. */
  quitting = false;
  /** Called whenever the set of windows or their files changed (the Recent menu). */
  onChange: () => void = () => undefined;

  constructor(
    private readonly electron: ElectronModule,
    private readonly options: ShellOptions,
  ) {}

  /** The main process's own texts in the app's language (electron/shell/texts.ts). */
  texts(): ShellTexts {
    return shellTexts(this.options.settingsDir);
  }

  of(sender: WebContents): AppWindow | undefined {
    return this.all.get(sender.id);
  }

  withFile(file: string): AppWindow | undefined {
    const abs = path.resolve(file);
    for (const w of this.all.values()) {
      const p = openPath(w);
      if (p && samePath(p, abs)) return w;
    }
    return undefined;
  }

  focus(win: BrowserWindow): void {
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }

  updateTitle(w: AppWindow): void {
    if (w.win.isDestroyed()) return;
    const p = openPath(w);
    w.win.setTitle(p ? `${path.basename(p)} — Kijk op de Kassa` : 'Kijk op de Kassa');
    if (this.options.platform === 'darwin') w.win.setRepresentedFilename(p ?? '');
  }

  /** A refusal from the books (Dutch with its phrases) in a native message box, in the app's language. */
  async showError(win: BrowserWindow | null, error: { message: string; details?: Record<string, unknown> }): Promise<void> {
    const message = sayIn(shellLanguage(this.options.settingsDir), error.message, error.details?.says);
    const opts = { type: 'warning' as const, title: 'Kijk op de Kassa', message, buttons: ['OK'] };
    const { dialog } = this.electron;
    await (win && !win.isDestroyed() ? dialog.showMessageBox(win, opts) : dialog.showMessageBox(opts));
  }

  private visibleOnSomeScreen(b: WindowBounds): boolean {
    if (b.x === undefined || b.y === undefined) return false;
    const { x, y } = b;
    return this.electron.screen.getAllDisplays().some((d) => {
      const a = d.workArea;
      return x >= a.x - 50 && y >= a.y - 50 && x < a.x + a.width - 100 && y < a.y + a.height - 100;
    });
  }

  private saveBounds(win: BrowserWindow): void {
    const b = win.getNormalBounds();
    const bounds: WindowBounds = {
      x: Math.round(b.x), y: Math.round(b.y),
      width: Math.max(200, Math.round(b.width)), height: Math.max(200, Math.round(b.height)),
      maximized: win.isMaximized(),
    };
    try {
      updateSettings(this.options.settingsDir, { windowBounds: bounds });
    } catch {
      /* not worth bothering the treasurer about */
    }
  }

  /** A new window, optionally with an administration opened in its session before the page loads. */
  async create(file?: string): Promise<AppWindow> {
    const { BrowserWindow } = this.electron;
    const { settingsDir, nativeBinding } = this.options;
    const saved = readSettings(settingsDir).windowBounds;
    const first = this.all.size === 0;
    const win = new BrowserWindow({
      width: saved?.width ?? 1200,
      height: saved?.height ?? 820,
      ...(first && saved && this.visibleOnSomeScreen(saved) ? { x: saved.x!, y: saved.y! } : {}),
      minWidth: 720,
      minHeight: 520,
      show: false,
      title: 'Kijk op de Kassa',
      backgroundColor: '#ffffff',
      // The protections are repeated literally after the shared settings (which already hold the same
      // values) so that static scanners such as Electronegativity can see them.
      webPreferences: { ...webPreferences(this.options.preloadPath), contextIsolation: true, sandbox: true, nodeIntegration: false },
    });
    const session = createAppSession({
      mode: 'electron',
      settingsDir,
      dialogs: createDialogs(this.electron.dialog, win, () => this.texts()),
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    const w: AppWindow = { win, session };
    const id = win.webContents.id;
    this.all.set(id, w);

    win.once('ready-to-show', () => {
      if (first && saved?.maximized) win.maximize();
      win.show();
    });
    this.closeSafely(w);
    win.on('closed', () => {
      this.all.delete(id);
      // Normally already closed by finish(); a window destroyed without 'close' still frees its file.
      void session.serial(() => session.close());
      this.onChange();
      // A quit that waited for this window's backup goes on (and waits for the next window's).
      if (this.quitting) this.electron.app.quit();
    });

    let openError: { message: string; details?: Record<string, unknown> } | null = null;
    if (file) {
      const r = await handle(session, 'admin.open', { path: file });
      if ('error' in r) openError = r.error;
    }
    this.updateTitle(w);
    this.onChange();
    await win.loadURL(`${APP_ORIGIN}/index.html`);
    if (openError) await this.showError(win, openError);
    return w;
  }

  /**
   * The window stays until the work still queued in its session is done and the final automatic
   * backup is written, then it closes for real; meanwhile the title bar and the page say why. A quit
   * (Cmd+Q, the menu) is picked up again once the last window is gone.
   */
  private closeSafely({ win, session }: AppWindow): void {
    let finished = false;
    let closing = false;
    win.on('close', (event) => {
      if (finished) return;
      event.preventDefault();
      if (closing) return;
      closing = true;
      this.saveBounds(win);
      const reason = finalBackupDue(session) ? 'backup' : session.pending > 0 ? 'work' : null;
      if (reason) {
        win.setTitle(`${this.texts().closing[reason]} — Kijk op de Kassa`);
        sendMenu(win, { command: 'closing', reason });
      }
      void session
        .serial(() => session.finish())
        .finally(() => {
          finished = true;
          if (!win.isDestroyed()) win.close();
        });
    });
  }

  /** Open a file: focus the window that has it, reuse an empty focused window, or open a new one. */
  async openFile(file: string): Promise<void> {
    const abs = path.resolve(file);
    const existing = this.withFile(abs);
    if (existing) return this.focus(existing.win);
    const focused = this.electron.BrowserWindow.getFocusedWindow();
    const target = focused ? this.all.get(focused.webContents.id) : undefined;
    if (target && !openPath(target)) {
      const r = await handle(target.session, 'admin.open', { path: abs });
      if ('error' in r) return this.showError(target.win, r.error);
      this.updateTitle(target);
      this.onChange();
      sendMenu(target.win, { command: 'opened', path: abs });
      return this.focus(target.win);
    }
    await this.create(abs);
  }

  async openWithDialog(): Promise<void> {
    const { BrowserWindow, dialog } = this.electron;
    const parent = BrowserWindow.getFocusedWindow();
    const t = this.texts();
    const opts = { title: t.dialog.openTitle, filters: kassaFilters(t), properties: ['openFile' as const] };
    const r = await (parent ? dialog.showOpenDialog(parent, opts) : dialog.showOpenDialog(opts));
    const file = r.canceled ? undefined : r.filePaths[0];
    if (file) await this.openFile(file);
  }

  /** Send a command to the focused window (or a fresh one when none is open). */
  async sendToFocused(command: MenuCommand, wantsEmptyWindow = false): Promise<void> {
    const focused = this.electron.BrowserWindow.getFocusedWindow() ?? [...this.all.values()][0]?.win ?? null;
    const w = focused ? this.all.get(focused.webContents.id) : undefined;
    const target = !w || (wantsEmptyWindow && openPath(w)) ? await this.create() : w;
    sendMenu(target.win, command);
    this.focus(target.win);
  }

  /** Files that still exist among the recent ones, for the Recent menu. */
  recentFiles(): string[] {
    return readSettings(this.options.settingsDir).recentFiles.filter((p) => fs.existsSync(p));
  }
}

export function openPath(w: AppWindow): string | null {
  return w.session.books?.path ?? null;
}
