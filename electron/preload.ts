import { contextBridge, ipcRenderer } from 'electron';

/**
 * The renderer's whole view of the main process. Sandboxed preloads cannot require our own
 * modules, so the channel names are written out here (tests/unit/electronSecurity.test.ts checks
 * they match electron/security.ts).
 *
 * - call(method, input): every API method, through the one 'kassa:call' channel, answered with
 *   {result} or {error:{code,message,field?}}. Input is validated by zod in the main process.
 * - onMenu(cb): commands from the native menu (Nieuw, Back-up maken, Lessen, a file opened from
 *   Recent). They start in the main process, so they have to be pushed; polling an API method
 *   would add a timer to every window. Commands that arrive before the renderer subscribes are
 *   kept and delivered on subscribing. Only one subscriber; returns an unsubscribe function.
 */
type MenuListener = (command: unknown) => void;

let listener: MenuListener | null = null;
const pending: unknown[] = [];

ipcRenderer.on('kassa:menu', (_event, command: unknown) => {
  if (listener) listener(command);
  else if (pending.length < 20) pending.push(command);
});

contextBridge.exposeInMainWorld('kassa', {
  call: (method: string, input?: unknown): Promise<unknown> => ipcRenderer.invoke('kassa:call', String(method), input),
  onMenu: (cb: MenuListener): (() => void) => {
    if (typeof cb !== 'function') return () => undefined;
    listener = cb;
    for (const command of pending.splice(0)) cb(command);
    return () => {
      if (listener === cb) listener = null;
    };
  },
});
