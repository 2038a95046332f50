import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSP, IPC_CALL_CHANNEL, IPC_MENU_CHANNEL, WEB_PREFERENCES } from '../../../electron/security';
import { startApp, type RunningShell } from '../../../electron/shell/start';
import { cleanupTempDirs, tempDir } from '../helpers';
import { fakeElectron, type FakeBrowserWindow, type FakeElectron } from './fakeElectron';
import { filtersFor } from '../../../renderer/src/filePicking';

/**
 * The Electron main process (electron/shell) driven through a fake `electron` module: the real
 * sessions, dispatcher and SQLite files behind it, only the Chromium/OS parts are fakes.
 */

const APP_URL = 'app://kassa/index.html';

interface Started {
  fake: FakeElectron;
  shell: RunningShell;
  dir: string;
  win: FakeBrowserWindow;
  call: (method: string, input?: unknown, from?: { url?: string; subframe?: boolean; win?: FakeBrowserWindow }) => Promise<{ result?: unknown; error?: { code: string; message: string } }>;
}

async function start(argv: string[] = []): Promise<Started> {
  const dir = tempDir('kassa-shell-');
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kassa</title>');
  const fake = fakeElectron();
  const shell = startApp(fake.module, {
    argv: ['electron', 'main.js', ...argv],
    cwd: dir,
    platform: 'linux',
    settingsDir: path.join(dir, 'settings'),
    rendererDir,
    preloadPath: '/app/dist/electron/preload.js',
  });
  fake.app.becomeReady();
  await shell.ready;
  const win = fake.windows[0]!;
  const call: Started['call'] = (method, input = {}, from = {}) =>
    fake.invoke(IPC_CALL_CHANNEL, { contents: (from.win ?? win).webContents, url: from.url ?? APP_URL, ...(from.subframe ? { subframe: true } : {}) }, method, input) as ReturnType<Started['call']>;
  return { fake, shell, dir, win, call };
}

/** Close every window the way a user does, and wait until each is really gone. */
async function closeAll(fake: FakeElectron): Promise<void> {
  for (const w of fake.windows) {
    if (w.destroyed) continue;
    const closed = new Promise<void>((resolve) => w.once('closed', () => resolve()));
    w.close();
    await closed;
  }
}

let current: Started | null = null;
beforeEach(() => {
  current = null;
});
afterEach(async () => {
  if (current) await closeAll(current.fake);
  cleanupTempDirs();
});

async function started(argv?: string[]): Promise<Started> {
  current = await start(argv);
  return current;
}

function createInput(file: string) {
  return { path: file, name: 'Stichting Het Plein', year: 2025 };
}

describe('windows', () => {
  it('are isolated, sandboxed, without Node, with the preload and the app page', async () => {
    const { win } = await started();
    const prefs = win.options.webPreferences as Record<string, unknown>;
    // The shared settings (their values are checked in tests/unit/electronSecurity.test.ts), spelled out for the three that matter most.
    expect(prefs).toEqual({ ...WEB_PREFERENCES, preload: '/app/dist/electron/preload.js' });
    expect([prefs.contextIsolation, prefs.sandbox, prefs.nodeIntegration]).toEqual([true, true, false]);
    expect(win.url).toBe(APP_URL);
    expect(win.shown).toBe(true);
  });

  it('serve the page with the CSP and put the CSP on every response', async () => {
    const { fake } = await started();
    expect(fake.privilegedSchemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ secure: true, standard: true }) })]);
    const serve = fake.protocolHandlers.get('app')!;
    const page = await serve(new Request(APP_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(await page.text()).toContain('<title>Kassa</title>');
    // Outside the renderer folder, another host, or a POST: nothing.
    expect((await serve(new Request('app://kassa/..%2F..%2Fsettings/settings.json'))).status).toBe(404);
    expect((await serve(new Request('app://other/index.html'))).status).toBe(404);
    expect((await serve(new Request(APP_URL, { method: 'POST', body: 'x' }))).status).toBe(404);

    let headers: Record<string, string[]> = {};
    fake.headersReceived!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([CSP]);
  });

  it('refuse navigation, redirects, webviews and new windows; https links go to the own browser', async () => {
    const { fake, win } = await started();
    const wc = win.webContents;
    expect(wc.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(wc.fire('will-navigate', 'app://kassa/other.html')).toBe(true);
    expect(wc.fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(wc.fire('will-attach-webview', {}, {})).toBe(true);
    for (const url of ['https://www.belastingdienst.nl/', 'http://example.com/', 'app://kassa/index.html', 'javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@example.com/']) {
      expect(wc.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(fake.openedExternally).toEqual(['https://www.belastingdienst.nl/']);
    expect(fake.windows).toHaveLength(1);

    const cancelled = (url: string) => {
      let cancel: boolean | undefined;
      fake.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(cancelled('https://example.com/tracker.js')).toBe(true);
    expect(cancelled('ws://127.0.0.1:9000/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('app://kassa/assets/index.js')).toBe(false);
  });

  it('deny every permission request and check', async () => {
    const { fake, win } = await started();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let granted: boolean | undefined;
      fake.permissionRequestHandler!(win.webContents, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(fake.permissionCheckHandler!(win.webContents, permission, APP_URL, {})).toBe(false);
    }
  });
});

describe('IPC', () => {
  it('has exactly one channel, answered only for the own page in the main frame', async () => {
    const { fake, call } = await started();
    expect([...fake.ipcHandlers.keys()]).toEqual([IPC_CALL_CHANNEL]);
    expect(fake.ipcListeners).toEqual([]);

    expect((await call('app.capabilities')).result).toMatchObject({ mode: 'electron', dialogs: true });
    for (const from of [{ url: 'https://evil.example/' }, { url: 'file:///tmp/x.html' }, { url: 'app://other/index.html' }, { url: APP_URL, subframe: true }]) {
      const r = await call('app.capabilities', {}, from);
      expect(r.error?.message, JSON.stringify(from)).toBe('Dit verzoek komt niet van Kijk op de Kassa en is geweigerd.');
    }
  });

  it('validates the input and writes nothing for bad input', async () => {
    const { call, dir } = await started();
    const file = path.join(dir, 'plein.kassa');
    const bad = [
      ['admin.open', { path: 42 }],
      ['admin.open', 'plein.kassa'],
      ['admin.create', { ...createInput(file), year: 'volgend jaar' }],
      ['admin.create', { ...createInput(file), name: '' }],
      ['app.dialog.save', { filters: 'alles' }],
      ['app.settings.set', { language: 'xx' }],
    ] as const;
    for (const [method, input] of bad) {
      const r = await call(method, input);
      expect(r.error?.code, `${method} ${JSON.stringify(input)}`).toBe('INVALID_INPUT');
      expect(r.error?.message).toMatch(/\S/);
    }
    expect((await call('admin.drop_everything', {})).error?.code).toBe('UNKNOWN_METHOD');
    expect(fs.existsSync(file)).toBe(false);
    expect((await call('admin.create', createInput(file))).result).toMatchObject({ path: file });
  });
});

describe('one instance', () => {
  it('quits a second launch when another instance holds the lock', () => {
    const fake = fakeElectron();
    fake.app.lockGranted = false;
    const shell = startApp(fake.module, { argv: ['electron', 'main.js'], cwd: '/', platform: 'linux', settingsDir: '/nonexistent', rendererDir: '/nonexistent', preloadPath: '/p.js' });
    fake.app.becomeReady();
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.app.listenerCount('second-instance')).toBe(0);
    return shell.ready.then((ok) => {
      expect(ok).toBe(false);
      expect(fake.windows).toHaveLength(0);
      expect(fake.ipcHandlers.size).toBe(0);
    });
  });

  it('focuses the first window when a second launch comes in, and its file in the window that has it', async () => {
    const { fake, win, call, dir } = await started();
    const file = path.join(dir, 'plein.kassa');
    await call('admin.create', createInput(file));
    win.minimized = true;
    fake.focused = null;
    fake.app.emit('second-instance', {}, ['/usr/bin/kassa'], dir);
    expect(win.restoreCalls).toBe(1);
    expect(win.focusCalls).toBeGreaterThan(0);
    expect(fake.windows).toHaveLength(1);

    const before = win.focusCalls;
    fake.app.emit('second-instance', {}, ['/usr/bin/kassa', 'plein.kassa'], dir);
    await new Promise((r) => setTimeout(r, 20));
    expect(win.focusCalls).toBe(before + 1);
    expect(fake.windows).toHaveLength(1);
  });

  it('opens a file a second launch names in a new window when no window has it', async () => {
    const { fake, call, dir } = await started();
    const other = path.join(dir, 'buurt.kassa');
    await call('admin.create', createInput(other));
    await call('admin.close');
    await call('admin.create', createInput(path.join(dir, 'plein.kassa')));
    fake.app.emit('second-instance', {}, ['/usr/bin/kassa', other], dir);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.windows).toHaveLength(2);
    expect(fake.windows[1]!.title).toBe('buurt.kassa — Kijk op de Kassa');
  });
});

describe('files the renderer asks for', () => {
  it('go through the native open and save dialogs of its own window', async () => {
    const { fake, call, win, dir } = await started();
    const target = path.join(dir, 'jaarrekening-2025.pdf');
    fake.dialogAnswers.push(target);
    const saved = await call('app.dialog.save', { title: 'Jaarrekening opslaan', defaultPath: '/home/x/jaarrekening-2025.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    expect(saved.result).toBe(target);
    expect(fake.dialogCalls.at(-1)).toMatchObject({
      kind: 'save',
      parent: win,
      options: { title: 'Jaarrekening opslaan', defaultPath: '/home/x/jaarrekening-2025.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] },
    });
    expect((fake.dialogCalls.at(-1)!.options.properties as string[])).toContain('showOverwriteConfirmation');

    fake.dialogAnswers.push(path.join(dir, 'afschrift.xml'));
    const opened = await call('app.dialog.open', { title: 'Afschrift kiezen', filters: [{ name: 'CAMT', extensions: ['xml'] }] });
    expect(opened.result).toBe(path.join(dir, 'afschrift.xml'));
    expect(fake.dialogCalls.at(-1)).toMatchObject({ kind: 'open', parent: win, options: { title: 'Afschrift kiezen', properties: ['openFile'] } });

    // Cancelled: null, and nothing else happens.
    expect((await call('app.dialog.save', {})).result).toBeNull();
  });

  it('uploads: the path the open dialog gives is read by the main process (bank statement, receipt)', async () => {
    const { fake, call, win, dir } = await started();
    const year = new Date().getFullYear();
    expect((await call('admin.create', { ...createInput(path.join(dir, 'plein.kassa')), year, iban: 'NL36INGB0007654321' })).error).toBeUndefined();
    // The renderer asks with the filters of its file field (renderer/src/filePicking.ts).
    const statement = path.join(__dirname, '..', '..', 'fixtures', 'bank', 'camt053-001-02-ing.xml');
    fake.dialogAnswers.push(statement);
    const chosen = await call('app.dialog.open', { title: 'Bankafschrift', filters: filtersFor('.xml,.sta,.csv', { fits: 'Bestanden die passen', all: 'Alle bestanden' }) });
    expect(chosen.result).toBe(statement);
    expect(fake.dialogCalls.at(-1)).toMatchObject({ kind: 'open', parent: win, options: { filters: [{ extensions: ['xml', 'sta', 'csv'] }, { extensions: ['*'] }] } });
    const imported = await call('bank.import', { path: chosen.result });
    expect(imported.error).toBeUndefined();
    expect((imported.result as { added: number }).added).toBeGreaterThan(0);

    const photo = path.join(__dirname, '..', '..', 'fixtures', 'receipts', 'bon.webp');
    fake.dialogAnswers.push(photo);
    const receipt = await call('app.dialog.open', { title: 'Bon', filters: filtersFor('image/jpeg,image/webp,application/pdf', { fits: 'Bestanden die passen', all: 'Alle bestanden' }) });
    const spent = await call('money.spent', { date: `${year}-01-15`, description: 'Koffie', amount: '4.50', from: '1000', category: '4300', receipts: [{ path: receipt.result, name: 'bon.webp' }] });
    expect(spent.error).toBeUndefined();
    const list = await call('receipts.list', { entry: (spent.result as { id: number }).id });
    expect(list.result).toMatchObject([{ name: 'bon.webp', mime: 'image/webp' }]);
  });

  it('the menu\'s Openen… uses the native open dialog and opens the chosen file', async () => {
    const { fake, call, win, dir } = await started();
    const file = path.join(dir, 'plein.kassa');
    await call('admin.create', createInput(file));
    await call('admin.close');
    const bestand = (fake.menu as { label?: string; submenu?: { label?: string; click?: () => void }[] }[]).find((m) => m.label === 'Bestand')!;
    fake.dialogAnswers.push(file);
    bestand.submenu!.find((i) => i.label === 'Openen…')!.click!();
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.dialogCalls.at(-1)).toMatchObject({ kind: 'open', parent: win, options: { filters: expect.arrayContaining([expect.objectContaining({ extensions: ['kassa'] })]) } });
    expect((await call('admin.info')).result).toMatchObject({ path: file });
    expect(win.webContents.sent.at(-1)).toEqual({ channel: IPC_MENU_CHANNEL, args: [{ command: 'opened', path: file }] });
  });
});

describe('closing a window', () => {
  it('waits for the final backup and says so', async () => {
    const { fake, call, win, dir } = await started();
    const file = path.join(dir, 'plein.kassa');
    await call('admin.create', createInput(file));
    const first = ((await call('backups.list')).result as unknown[]).length;
    expect(first).toBe(1); // the backup made on opening
    expect((await call('org.update', { name: 'Stichting Het Plein', city: 'Utrecht' })).error).toBeUndefined();

    const closed = new Promise<void>((resolve) => win.once('closed', () => resolve()));
    win.close();
    expect(win.destroyed).toBe(false);
    expect(win.title).toBe('Back-up wordt gemaakt… — Kijk op de Kassa');
    expect(win.webContents.sent).toContainEqual({ channel: IPC_MENU_CHANNEL, args: [{ command: 'closing', reason: 'backup' }] });
    win.close(); // a second click while waiting changes nothing
    expect(win.destroyed).toBe(false);
    await closed;
    expect(win.destroyed).toBe(true);

    // The backup is there, and the file is closed (it opens again, in a fresh window).
    const copies = fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.kassa') && String(f) !== 'plein.kassa');
    expect(copies.length).toBe(first + 1);
    fake.app.emit('activate');
    await new Promise((r) => setTimeout(r, 100));
    const next = fake.windows[1]!;
    expect((await call('admin.open', { path: file }, { win: next })).result).toMatchObject({ path: file });
  });

  it('closes at once, without a message, when nothing is left to write', async () => {
    const { win } = await started();
    const closed = new Promise<void>((resolve) => win.once('closed', () => resolve()));
    win.close();
    expect(win.title).toBe('Kijk op de Kassa');
    await closed;
    expect(win.webContents.sent.filter((s) => s.channel === IPC_MENU_CHANNEL)).toEqual([]);
  });
});

describe('the main process speaks the app\'s language (issue 18)', () => {
  type Item = { label?: string; submenu?: Item[]; click?: () => void };
  const labels = (items: Item[]): string[] => items.flatMap((i) => [...(i.label ? [i.label] : []), ...labels(i.submenu ?? [])]);

  it('menu, dialogs, a file that does not open and the closing title follow the language setting', async () => {
    const { fake, call, win, dir } = await started();
    expect(labels(fake.menu as Item[])).toEqual(expect.arrayContaining(['Bestand', 'Openen…', 'Back-up maken', 'Nog geen administraties geopend']));
    expect((await call('app.settings.set', { language: 'en' })).error).toBeUndefined();
    // app.settings.set rebuilds the menu at once.
    const english = labels(fake.menu as Item[]);
    expect(english).toEqual(expect.arrayContaining(['File', 'Open…', 'Make a backup', 'No administrations opened yet', 'Edit', 'View', 'Help', 'Lessons']));
    expect(english.join(' ')).not.toMatch(/Bestand|Openen|Bewerken|Beeld|Lessen|Afsluiten/);

    // The menu's Open… with a file that is no administration: the native message box says why, in English.
    const junk = path.join(dir, 'boodschappen.kassa');
    fs.writeFileSync(junk, 'melk, brood');
    fake.dialogAnswers.push(junk);
    (fake.menu as Item[]).find((m) => m.label === 'File')!.submenu!.find((i) => i.label === 'Open…')!.click!();
    for (let i = 0; i < 100 && !fake.dialogCalls.some((c) => c.kind === 'message'); i++) await new Promise((r) => setTimeout(r, 50));
    const open = fake.dialogCalls.find((c) => c.kind === 'open')!;
    expect(open.options).toMatchObject({ title: 'Open administration', filters: [{ name: 'Kijk op de Kassa administration' }, { name: 'All files' }] });
    const box = fake.dialogCalls.find((c) => c.kind === 'message')!;
    expect(String(box.options.message)).not.toMatch(/\b(het|niet|bestand|geen|een)\b/i);
    expect(String(box.options.message)).toMatch(/\b(not|file)\b/i);

    // A call from elsewhere is refused with its phrases (the renderer shows them in English).
    const refused = await call('admin.info', {}, { url: 'https://example.org/' });
    expect(refused.error).toMatchObject({ code: 'INTERNAL', details: { says: [{ key: 'err.app.refused' }] } });

    // Closing with a backup due: the title bar in English.
    await call('admin.create', createInput(path.join(dir, 'plein.kassa')));
    expect((await call('org.update', { name: 'Stichting Het Plein', city: 'Utrecht' })).error).toBeUndefined();
    const closed = new Promise<void>((resolve) => win.once('closed', () => resolve()));
    win.close();
    expect(win.title).toBe('Making a backup… — Kijk op de Kassa');
    await closed;
  });
});
