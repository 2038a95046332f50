import { EventEmitter } from 'node:events';
import type { ElectronModule } from '../../../electron/shell/types';

/**
 * A stand-in for the `electron` module with the behaviour the main process relies on, recording
 * what the main process asked of it. Only what electron/shell uses is here: a call to anything
 * else fails the test with a TypeError, which is the point.
 */

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = h;
  }
  /** Emit an event that has preventDefault, as Electron does; true when something prevented it. */
  fire(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export interface FakeElectron {
  module: ElectronModule;
  app: FakeApp;
  windows: FakeBrowserWindow[];
  focused: FakeBrowserWindow | null;
  dialogCalls: { kind: 'open' | 'save' | 'message'; parent: FakeBrowserWindow | null; options: Record<string, unknown> }[];
  /** What the next open/save dialog answers (a path, or null for "cancelled"). */
  dialogAnswers: (string | null)[];
  ipcHandlers: Map<string, (event: unknown, ...args: unknown[]) => unknown>;
  ipcListeners: string[];
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  privilegedSchemes: unknown[];
  permissionRequestHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null;
  beforeRequest: ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | null;
  headersReceived: ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | null;
  openedExternally: string[];
  menu: unknown[] | null;
  /** Invoke an IPC handler as a renderer would, from the given contents and frame URL. */
  invoke(channel: string, from: { contents: FakeWebContents; url: string; subframe?: boolean }, ...args: unknown[]): Promise<unknown>;
}

export class FakeApp extends EventEmitter {
  isPackaged = false;
  lockGranted = true;
  quitCalls = 0;
  paths: Record<string, string> = {};
  private ready = false;
  private readyResolve!: () => void;
  private readonly readyPromise = new Promise<void>((r) => (this.readyResolve = r));
  requestSingleInstanceLock(): boolean {
    return this.lockGranted;
  }
  quit(): void {
    this.quitCalls++;
  }
  setPath(name: string, value: string): void {
    this.paths[name] = value;
  }
  setAppUserModelId(): void {}
  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  /** Electron becomes ready (the test decides when). */
  becomeReady(): void {
    this.ready = true;
    this.readyResolve();
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  title = '';
  url: string | null = null;
  destroyed = false;
  minimized = false;
  shown = false;
  focusCalls = 0;
  restoreCalls = 0;
  constructor(
    readonly options: Record<string, unknown>,
    private readonly fake: FakeElectron,
  ) {
    super();
    fake.windows.push(this);
    fake.focused = this;
    // Electron announces every new web contents on the app before the page loads.
    fake.app.emit('web-contents-created', {}, this.webContents);
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.restoreCalls++;
    this.minimized = false;
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focusCalls++;
    this.fake.focused = this;
  }
  maximize(): void {}
  isMaximized(): boolean {
    return false;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 10, y: 20, width: 1200, height: 820 };
  }
  setTitle(t: string): void {
    this.title = t;
  }
  setRepresentedFilename(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  async loadURL(url: string): Promise<void> {
    this.url = url;
    this.emit('ready-to-show');
  }
  /** As Electron: 'close' may be prevented; otherwise the window is destroyed and 'closed' follows. */
  close(): void {
    if (this.destroyed) return;
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroyed = true;
    if (this.fake.focused === this) this.fake.focused = null;
    this.emit('closed');
  }
}

export function fakeElectron(): FakeElectron {
  const fake = {
    app: new FakeApp(),
    windows: [],
    focused: null,
    dialogCalls: [],
    dialogAnswers: [],
    ipcHandlers: new Map(),
    ipcListeners: [],
    protocolHandlers: new Map(),
    privilegedSchemes: [],
    permissionRequestHandler: null,
    permissionCheckHandler: null,
    beforeRequest: null,
    headersReceived: null,
    openedExternally: [],
    menu: null,
  } as unknown as FakeElectron;

  const parentAndOptions = (a: unknown, b: unknown): [FakeBrowserWindow | null, Record<string, unknown>] =>
    a instanceof FakeBrowserWindow ? [a, (b ?? {}) as Record<string, unknown>] : [null, (a ?? {}) as Record<string, unknown>];

  const BrowserWindow = class extends FakeBrowserWindow {
    constructor(options: Record<string, unknown>) {
      super(options, fake);
    }
    static getFocusedWindow(): FakeBrowserWindow | null {
      return fake.focused;
    }
  };

  const module = {
    app: fake.app,
    BrowserWindow,
    dialog: {
      async showOpenDialog(a: unknown, b?: unknown) {
        const [parent, options] = parentAndOptions(a, b);
        fake.dialogCalls.push({ kind: 'open', parent, options });
        const answer = fake.dialogAnswers.shift() ?? null;
        return { canceled: answer === null, filePaths: answer === null ? [] : [answer] };
      },
      async showSaveDialog(a: unknown, b?: unknown) {
        const [parent, options] = parentAndOptions(a, b);
        fake.dialogCalls.push({ kind: 'save', parent, options });
        const answer = fake.dialogAnswers.shift() ?? null;
        return answer === null ? { canceled: true } : { canceled: false, filePath: answer };
      },
      async showMessageBox(a: unknown, b?: unknown) {
        const [parent, options] = parentAndOptions(a, b);
        fake.dialogCalls.push({ kind: 'message', parent, options });
        return { response: 0, checkboxChecked: false };
      },
    },
    ipcMain: {
      handle(channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) {
        if (fake.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        fake.ipcHandlers.set(channel, fn);
      },
      on(channel: string) {
        fake.ipcListeners.push(channel);
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => template,
      setApplicationMenu: (menu: unknown[] | null) => {
        fake.menu = menu;
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privilegedSchemes.push(...schemes),
      handle: (scheme: string, fn: (request: Request) => Promise<Response>) => fake.protocolHandlers.set(scheme, fn),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: FakeElectron['permissionRequestHandler']) => (fake.permissionRequestHandler = h),
        setPermissionCheckHandler: (h: FakeElectron['permissionCheckHandler']) => (fake.permissionCheckHandler = h),
        webRequest: {
          onBeforeRequest: (h: FakeElectron['beforeRequest']) => (fake.beforeRequest = h),
          onHeadersReceived: (h: FakeElectron['headersReceived']) => (fake.headersReceived = h),
        },
      },
    },
    shell: {
      openExternal: async (url: string) => {
        fake.openedExternally.push(url);
      },
    },
  };
  fake.module = module as unknown as ElectronModule;
  fake.invoke = async (channel, from, ...args) => {
    const h = fake.ipcHandlers.get(channel);
    if (!h) throw new Error(`no handler for ${channel}`);
    const frame = { url: from.url, parent: from.subframe ? {} : null };
    return h({ sender: from.contents, senderFrame: frame }, ...args);
  };
  return fake;
}
