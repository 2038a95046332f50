import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fileFromArgv } from '../../electron/app/argv';
import {
  CSP, IPC_CALL_CHANNEL, IPC_MENU_CHANNEL, SECURITY_HEADERS, WEB_PREFERENCES, isAllowedRequestUrl, isTrustedSenderUrl,
  onWillNavigate, permissionCheckHandler, permissionRequestHandler, webPreferences, windowOpenHandler,
} from '../../electron/security';

const root = path.resolve(__dirname, '..', '..');
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
const SHELL_FILES = ['electron/main.ts', ...fs.readdirSync(path.join(root, 'electron', 'shell')).map((f) => `electron/shell/${f}`)];

describe('BrowserWindow webPreferences', () => {
  it('isolates and sandboxes the renderer, without Node', () => {
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(Object.isFrozen(WEB_PREFERENCES)).toBe(true);
    expect(webPreferences('/app/preload.js')).toEqual({ ...WEB_PREFERENCES, preload: '/app/preload.js' });
  });
});

describe('Content Security Policy', () => {
  const directives = new Map(CSP.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

  it('allows only the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('has no unsafe keywords and no remote sources', () => {
    expect(CSP).not.toMatch(/unsafe-(inline|eval|hashes)|wasm-unsafe-eval/);
    expect(CSP).not.toMatch(/https?:|wss?:|\*/);
  });

  it('is sent with the other security headers', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CSP);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['X-Frame-Options']).toBe('DENY');
    expect(Object.keys(SECURITY_HEADERS).some((h) => h.toLowerCase().startsWith('access-control-'))).toBe(false);
  });
});

describe('navigation, new windows, permissions, requests', () => {
  it('blocks every navigation', () => {
    const event = { preventDefault: vi.fn() };
    onWillNavigate(event, 'https://example.com/');
    onWillNavigate(event, 'app://kassa/index.html');
    expect(event.preventDefault).toHaveBeenCalledTimes(2);
  });

  it('denies every new window; only https links go to the user\'s own browser', () => {
    const external = vi.fn();
    for (const url of ['https://www.belastingdienst.nl/', 'http://example.com/', 'file:///etc/passwd', 'app://kassa/x', 'javascript:alert(1)', 'https://user:pw@example.com/']) {
      expect(windowOpenHandler({ url }, external)).toEqual({ action: 'deny' });
    }
    expect(external.mock.calls).toEqual([['https://www.belastingdienst.nl/']]);
    expect(windowOpenHandler({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    const cb = vi.fn();
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) permissionRequestHandler({}, p, cb);
    expect(cb.mock.calls.every(([granted]) => granted === false)).toBe(true);
    expect(cb).toHaveBeenCalledTimes(5);
    expect(permissionCheckHandler()).toBe(false);
  });

  it('loads nothing from the network', () => {
    expect(isAllowedRequestUrl('app://kassa/index.html')).toBe(true);
    expect(isAllowedRequestUrl('app://kassa/assets/index-abc.js')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:3000/', 'ws://localhost/', 'file:///etc/passwd', 'app://other/index.html', 'ftp://x/', 'not a url']) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
  });

  it('trusts IPC only from the app page', () => {
    expect(isTrustedSenderUrl('app://kassa/index.html')).toBe(true);
    expect(isTrustedSenderUrl('https://kassa/index.html')).toBe(false);
    expect(isTrustedSenderUrl('file:///app/index.html')).toBe(false);
    expect(isTrustedSenderUrl(undefined)).toBe(false);
  });
});

describe('wiring in the Electron files', () => {
  // Behaviour is tested with a fake electron module in tests/integration/shell/shell.test.ts; these
  // checks keep the settings visible in the source for static scanners (Electronegativity).
  it('the shell (electron/shell) applies every setting', () => {
    const main = SHELL_FILES.map(read).join('\n');
    expect(main).toContain('webPreferences: { ...webPreferences(this.options.preloadPath), contextIsolation: true, sandbox: true, nodeIntegration: false }');
    expect(main).toContain('setPermissionRequestHandler(permissionRequestHandler)');
    expect(main).toContain('setPermissionCheckHandler(permissionCheckHandler)');
    expect(main).toContain("on('will-navigate', onWillNavigate)");
    expect(main).toContain('setWindowOpenHandler(');
    expect(main).toContain('onBeforeRequest(');
    expect(main).toContain('onHeadersReceived(');
    expect(main).toContain('requestSingleInstanceLock()');
    expect(main).toContain('registerSchemesAsPrivileged');
  });

  it('preload exposes only window.kassa.call and onMenu on the shared channels', () => {
    const preload = read('electron/preload.ts');
    expect(preload).toContain(`'${IPC_CALL_CHANNEL}'`);
    expect(preload).toContain(`'${IPC_MENU_CHANNEL}'`);
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toContain("exposeInMainWorld('kassa'");
    expect(preload).not.toMatch(/ipcRenderer\.(send|sendSync)\(|exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
    const ipc = read('electron/ipc.ts');
    expect(ipc).toContain('ipcMain.handle(IPC_CALL_CHANNEL');
    expect(ipc).toContain('isTrustedSenderUrl(');
  });

  it("only main.ts and preload.ts load 'electron'; the shell gets it injected (types only)", () => {
    const allowed = new Set(['electron/main.ts', 'electron/preload.ts']);
    const offenders: string[] = [];
    const walk = (rel: string) => {
      for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
        const child = `${rel}/${entry.name}`;
        if (entry.isDirectory()) walk(child);
        else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(entry.name) && !allowed.has(child)) {
          if (/(import\s+(?!type\b)[^;]*from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\))/.test(read(child))) offenders.push(child);
        }
      }
    };
    for (const dir of ['electron', 'shared', 'renderer']) if (fs.existsSync(path.join(root, dir))) walk(dir);
    expect(offenders).toEqual([]);
  });
});

describe('file from the command line', () => {
  it('takes the last .kassa argument and ignores Chromium switches', () => {
    expect(fileFromArgv(['/opt/app', '--no-sandbox', 'stichting.kassa'], '/home/jan')).toBe(path.resolve('/home/jan', 'stichting.kassa'));
    expect(fileFromArgv(['/opt/app', 'a.kassa', '/data/B.KASSA'], '/x')).toBe(path.resolve('/data/B.KASSA'));
    expect(fileFromArgv(['/opt/app', '--flag=x.kassa', 'main.js'], '/x')).toBeUndefined();
  });
});

/**
 * Issue 10: static checks of the Electron files, so a later edit cannot quietly switch a
 * protection off. They read the sources as text (the files import 'electron', which does not load
 * outside Electron) and fail with the offending file and pattern.
 */
describe('static checks of the Electron sources (issue 10)', () => {
  const electronFiles = (): string[] => {
    const out: string[] = [];
    const walk = (rel: string) => {
      for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
        const child = `${rel}/${entry.name}`;
        if (entry.isDirectory()) walk(child);
        else if (/\.(ts|tsx|js|mjs|cjs)$/.test(entry.name)) out.push(child);
      }
    };
    walk('electron');
    return out;
  };
  /** Source without comments, so a comment that mentions a setting does not count. */
  const code = (rel: string) => read(rel).replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

  it('every web contents denies navigation, redirects, webviews and new windows', () => {
    const main = code('electron/shell/protect.ts');
    const created = /app\.on\('web-contents-created',[\s\S]*?\n {2}\}\);/.exec(main)?.[0] ?? '';
    expect(created, 'web-contents-created handler').not.toBe('');
    expect(created).toContain("contents.on('will-navigate', onWillNavigate)");
    expect(created).toContain("contents.on('will-redirect', onWillNavigate)");
    expect(created).toMatch(/contents\.on\('will-attach-webview', \(e\) => e\.preventDefault\(\)\)/);
    expect(created).toMatch(/contents\.setWindowOpenHandler\(\(details\) => windowOpenHandler\(details,/);
    // The handlers themselves deny, whatever the URL.
    const event = { preventDefault: vi.fn() };
    for (const url of ['app://kassa/index.html', 'https://example.com', 'file:///etc/passwd', 'javascript:alert(1)', '']) onWillNavigate(event, url);
    expect(event.preventDefault).toHaveBeenCalledTimes(5);
    for (const url of ['app://kassa/index.html', 'https://example.com', 'about:blank', 'data:text/html,x']) expect(windowOpenHandler({ url }, () => undefined)).toEqual({ action: 'deny' });
  });

  it('the default session denies permissions and sends the CSP with every response', () => {
    const main = code('electron/shell/protect.ts');
    const harden = /function hardenSessions\(electron: ElectronModule\): void \{[\s\S]*?\n\}/.exec(main)?.[0] ?? '';
    expect(harden).toContain('electron.session.defaultSession');
    expect(harden).toContain('setPermissionRequestHandler(permissionRequestHandler)');
    expect(harden).toContain('setPermissionCheckHandler(permissionCheckHandler)');
    expect(harden).toMatch(/onHeadersReceived\([\s\S]*'Content-Security-Policy': \[CSP\]/);
    expect(harden).toMatch(/onBeforeRequest\([\s\S]*cancel: !isAllowedRequestUrl\(details\.url\)/);
    expect(code('electron/shell/start.ts')).toMatch(/hardenSessions\(electron\);[\s\S]*registerAppProtocol\(electron, options\.rendererDir\);[\s\S]*await windows\.create\(/);
    // Our own protocol answers with the security headers too (the CSP included).
    const protocolHandler = /function registerAppProtocol\(electron: ElectronModule, rendererDir: string\): void \{[\s\S]*?\n\}/.exec(main)?.[0] ?? '';
    expect(protocolHandler).toContain('...SECURITY_HEADERS');
    expect(protocolHandler).not.toMatch(/new Response\([^)]*\{\s*status: \d+\s*\}\)/);
    // No other session (partition) that would escape these handlers.
    for (const f of electronFiles()) expect(code(f), f).not.toMatch(/fromPartition\(|partition\s*:/);
  });

  it('every window uses the shared webPreferences, and nothing switches a protection off', () => {
    const files = electronFiles();
    const windows = files.flatMap((f) => [...code(f).matchAll(/new BrowserWindow\(\{[\s\S]*?\n {2,4}\}\);/g)].map((m) => ({ f, text: m[0] })));
    expect(windows.length).toBeGreaterThan(0);
    for (const w of windows) expect(w.text, w.f).toMatch(/webPreferences: \{ \.\.\.webPreferences\([\w.]+\), contextIsolation: true, sandbox: true, nodeIntegration: false \}/);
    const forbidden: [RegExp, string][] = [
      [/nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/, 'nodeIntegration on'],
      [/contextIsolation\s*:\s*false/, 'contextIsolation off'],
      [/sandbox\s*:\s*false/, 'sandbox off'],
      [/webSecurity\s*:\s*false/, 'webSecurity off'],
      [/allowRunningInsecureContent\s*:\s*true/, 'insecure content'],
      [/webviewTag\s*:\s*true/, 'webview tag'],
      [/experimentalFeatures\s*:\s*true|enableBlinkFeatures/, 'experimental Blink features'],
      [/enableRemoteModule|@electron\/remote/, 'remote module'],
      [/appendSwitch\(\s*['"](disable-web-security|ignore-certificate-errors|no-sandbox|allow-running-insecure-content)/, 'a Chromium switch that disables security'],
      [/loadURL\(\s*[`'"](https?|file):/, 'loading remote or file: content'],
      [/setPermissionRequestHandler\([^)]*=>\s*\w+\(true\)/, 'a permission granted'],
      [/\beval\(|new Function\(/, 'eval'],
    ];
    const offenders: string[] = [];
    for (const f of files) for (const [re, what] of forbidden) if (re.test(code(f))) offenders.push(`${f}: ${what}`);
    expect(offenders).toEqual([]);
    // shell.openExternal only behind windowOpenHandler's https check.
    const external = files.flatMap((f) => [...code(f).matchAll(/shell\.openExternal\(/g)].map(() => f));
    expect(external).toEqual(['electron/shell/protect.ts']);
    expect(code('electron/shell/protect.ts')).toMatch(/windowOpenHandler\(details, \(url\) => void electron\.shell\.openExternal\(url\)\)/);
  });

  it('preload exposes exactly kassa.call and kassa.onMenu, and nothing of ipcRenderer itself', () => {
    const preload = code('electron/preload.ts');
    const imports = [...preload.matchAll(/from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
    expect(imports).toEqual(['electron']);
    const start = preload.indexOf("exposeInMainWorld('kassa', {");
    expect(start).toBeGreaterThan(-1);
    // Walk the object literal and collect its top-level keys.
    let depth = 0;
    let i = preload.indexOf('{', start);
    const keys: string[] = [];
    let atKey = true;
    for (; i < preload.length; i++) {
      const ch = preload[i]!;
      if (ch === '{' || ch === '(' || ch === '[') depth++;
      else if (ch === '}' || ch === ')' || ch === ']') {
        depth--;
        if (depth === 0) break;
      } else if (depth === 1 && ch === ',') atKey = true;
      else if (depth === 1 && atKey && /[A-Za-z_$]/.test(ch)) {
        const m = /^[A-Za-z_$][\w$]*/.exec(preload.slice(i))!;
        keys.push(m[0]);
        i += m[0].length - 1;
        atKey = false;
      }
    }
    expect(keys).toEqual(['call', 'onMenu']);
    expect(preload).toContain(`ipcRenderer.invoke('${IPC_CALL_CHANNEL}', String(method), input)`);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*\b(ipcRenderer|process|require)\b\s*[,)]/);
    expect(preload).not.toMatch(/ipcRenderer\.(send|sendSync|sendTo|sendToHost|postMessage)\(/);
  });
});
