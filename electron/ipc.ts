import type { BrowserWindow, Dialog, IpcMain, WebContents } from 'electron';
import type { MenuCommand } from '../shared/api/app';
import { handle } from './api';
import { IPC_CALL_CHANNEL, IPC_MENU_CHANNEL, isTrustedSenderUrl } from './security';
import type { AppDialogs, Session } from './session';
import { KassaError } from '../shared/errors';
import { said } from '../shared/phrase';
import { kassaFilters, type ShellTexts } from './shell/texts';

type Answer = Awaited<ReturnType<typeof handle>>;


/**
 * Native open/save dialogs for one window; app.dialog.open/save reach them through the Session.
 * Every file the renderer asks for in Electron goes through these (the renderer never types a path).
 */
export function createDialogs(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>, win: BrowserWindow, texts: () => ShellTexts): AppDialogs {
  return {
    async open(input) {
      const t = texts();
      const r = await dialog.showOpenDialog(win, {
        title: input.title ?? t.dialog.openTitle,
        ...(input.defaultPath ? { defaultPath: input.defaultPath } : {}),
        filters: input.filters ?? kassaFilters(t),
        properties: ['openFile'],
      });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async save(input) {
      const t = texts();
      const r = await dialog.showSaveDialog(win, {
        title: input.title ?? t.dialog.saveTitle,
        ...(input.defaultPath ? { defaultPath: input.defaultPath } : {}),
        filters: input.filters ?? kassaFilters(t),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  };
}

export interface IpcHooks {
  /** The Session of the window that sent the call. */
  sessionFor(sender: WebContents): Session | undefined;
  /** May answer a call itself (e.g. "already open in another window"); undefined lets it through. */
  before?(sender: WebContents, method: string, input: unknown): Answer | undefined;
  /** After every call: window title, Recent menu. */
  after?(sender: WebContents, method: string): void;
}

const REFUSED: Answer = { error: new KassaError('INTERNAL', said('err.app.refused', 'Dit verzoek komt niet van Kijk op de Kassa en is geweigerd.')).toJSON() };

/**
 * The one IPC channel. Only our own page (app://kassa, main frame) may call; the input is
 * validated against the shared zod contract inside dispatch(), like every other door.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, hooks: IpcHooks): void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, method: unknown, input: unknown): Promise<Answer> => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isTrustedSenderUrl(frame.url)) return REFUSED;
    const session = hooks.sessionFor(event.sender);
    if (!session) return REFUSED;
    const name = typeof method === 'string' ? method : String(method);
    const early = hooks.before?.(event.sender, name, input);
    if (early) return early;
    try {
      return await handle(session, name, input);
    } finally {
      hooks.after?.(event.sender, name);
    }
  });
}

/** Push a menu command to one window's renderer (window.kassa.onMenu). */
export function sendMenu(win: BrowserWindow, command: MenuCommand): void {
  if (!win.isDestroyed()) win.webContents.send(IPC_MENU_CHANNEL, command);
}
