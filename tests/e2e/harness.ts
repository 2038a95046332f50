import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { _electron, type Browser, type ElectronApplication, type Locator, type Page, type Route } from 'playwright-core';
import { expect } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/web';
import { launchChromium } from '../chromium.mjs';

/**
 * Shared set-up for the end-to-end tests: the real app in browser mode (in-process server + the
 * system Chromium) or, where its binary exists, in Electron.
 */

export const repoRoot = path.resolve(__dirname, '..', '..');

export { chromiumPath } from '../chromium.mjs';

function readPathTxt(pkgDir: string): string | null {
  try {
    return fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/**
 * The Electron executable when it is really on disk, else null (same rule as scripts/start.mjs).
 * Never require('electron') for this: that package downloads its binary on first use.
 */
export function electronBinaryPath(): string | null {
  const pkgDir = path.join(repoRoot, 'node_modules', 'electron');
  const rel = readPathTxt(pkgDir);
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? path.join(override, rel ?? 'electron') : rel ? path.join(pkgDir, 'dist', rel) : null;
  return candidate && fs.existsSync(candidate) ? candidate : null;
}

export const rendererDir = path.join(repoRoot, 'dist', 'renderer');

export function rendererBuilt(): boolean {
  return fs.existsSync(path.join(rendererDir, 'index.html'));
}

/** The renderer the tests serve: dist/renderer, or KASSA_E2E_RENDERER_DIR (one built elsewhere, while dist/ is being rebuilt). */
export const e2eRenderer = process.env.KASSA_E2E_RENDERER_DIR || rendererDir;

export function e2eRendererBuilt(): boolean {
  return fs.existsSync(path.join(e2eRenderer, 'index.html'));
}

/** e2eRenderer, or a clear error when it has not been built. */
export function requireRenderer(): string {
  if (!e2eRendererBuilt()) throw new Error('dist/renderer is missing: run `npm run build:node && npm run build:renderer` first.');
  return e2eRenderer;
}

/** Text with the non-breaking spaces (Intl puts one after the euro sign) made plain. */
export const plain = (s: string | null): string => (s ?? '').replace(/\u00a0/g, ' ');

export async function text(locator: Locator): Promise<string> {
  return plain(await locator.textContent());
}

/**
 * Do `action` and wait for its own status message: the message of the step before may still stand
 * (two bookings in a row both say "Geboekt als …"), so the text must change and then match.
 */
export async function expectNewStatus(page: Page, action: () => Promise<unknown>, pattern: RegExp): Promise<void> {
  const status = page.getByTestId('status-message');
  const before = await text(status);
  await action();
  await expect.poll(async () => {
    const now = await text(status);
    return now !== before && pattern.test(now);
  }).toBe(true);
}

/**
 * Hold back the page's calls of one API method (a slow answer) until `release`, which lets them
 * through and removes the hold once every held call went on (a call let through after the route is
 * gone would fail with "Route is already handled"). Calling `release` again does nothing more.
 */
export async function holdApiCalls(page: Page, method: string): Promise<{ release: () => Promise<void> }> {
  let open = () => {};
  const opened = new Promise<void>((r) => {
    open = r;
  });
  const handled: Promise<void>[] = [];
  const hold = (route: Route): Promise<void> => {
    const done = (async () => {
      if (route.request().postData()?.includes(JSON.stringify(method))) await opened;
      await route.continue();
    })();
    handled.push(done);
    return done;
  };
  await page.route('**/api', hold);
  return {
    release: async () => {
      open();
      await Promise.all(handled);
      await page.unroute('**/api', hold);
    },
  };
}

/** axe on the page as it is now: no serious or critical violations. */
export async function checkA11y(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

export function tempDir(prefix = 'kassa-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Console errors and uncaught page errors, collected from the moment the page opened. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err?.stack ?? err)));
  return errors;
}

export interface AppOptions {
  /** Open this administration at start. */
  file?: string;
  /** Settings folder; default a fresh temp folder, removed on close. */
  settingsDir?: string;
  viewport?: { width: number; height: number };
}

export interface BrowserApp {
  page: Page;
  browser: Browser;
  server: WebServer;
  url: string;
  settingsDir: string;
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function startBrowserApp(opts: AppOptions & { rendererDir?: string } = {}): Promise<BrowserApp> {
  const ownSettings = !opts.settingsDir;
  const settingsDir = opts.settingsDir ?? tempDir('kassa-e2e-settings-');
  const server = await startWebServer({ settingsDir, rendererDir: opts.rendererDir ?? rendererDir, ...(opts.file ? { file: opts.file } : {}) });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'nl-NL', viewport: opts.viewport ?? { width: 1280, height: 800 } });
    const page = await context.newPage();
    const consoleErrors = collectErrors(page);
    await page.goto(server.url, { waitUntil: 'load' });
    const b = browser;
    return {
      page,
      browser: b,
      server,
      url: server.url,
      settingsDir,
      consoleErrors,
      async close() {
        await b.close().catch(() => undefined);
        await server.close();
        if (ownSettings) fs.rmSync(settingsDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await browser?.close().catch(() => undefined);
    await server.close();
    if (ownSettings) fs.rmSync(settingsDir, { recursive: true, force: true });
    throw e;
  }
}

export interface ElectronApp {
  app: ElectronApplication;
  page: Page;
  settingsDir: string;
  consoleErrors: string[];
  close(): Promise<void>;
}

/** Launch the built app (dist/electron/main.js) in Electron. Only where electronBinaryPath() is set. */
export async function startElectronApp(opts: AppOptions = {}): Promise<ElectronApp> {
  const executablePath = electronBinaryPath();
  if (!executablePath) throw new Error('Electron binary not present');
  const ownSettings = !opts.settingsDir;
  const settingsDir = opts.settingsDir ?? tempDir('kassa-e2e-settings-');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  env.KASSA_SETTINGS_DIR = settingsDir;
  // Chromium refuses to start its sandbox as root (containers, CI); the renderer stays sandboxed otherwise.
  const chromiumSwitches = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await _electron.launch({
    executablePath,
    args: [...chromiumSwitches, path.join(repoRoot, 'dist', 'electron', 'main.js'), ...(opts.file ? [opts.file] : [])],
    cwd: repoRoot,
    env,
  });
  try {
    const page = await app.firstWindow();
    const consoleErrors = collectErrors(page);
    if (opts.viewport) await page.setViewportSize(opts.viewport);
    await page.waitForLoadState('load');
    return {
      app,
      page,
      settingsDir,
      consoleErrors,
      async close() {
        await app.close().catch(() => undefined);
        if (ownSettings) fs.rmSync(settingsDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await app.close().catch(() => undefined);
    if (ownSettings) fs.rmSync(settingsDir, { recursive: true, force: true });
    throw e;
  }
}

export const screenshotDir = path.join(repoRoot, 'tests', 'e2e', 'screenshots');

/** Save a full-page screenshot as tests/e2e/screenshots/NAME.png (git-ignored); returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'screenshot';
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${safe}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Go to a screen through the side menu. The hash changes before React has drawn the new screen, so
 * this waits until <main> names the screen it shows.
 */
export async function goToScreen(page: Page, screen: string): Promise<void> {
  await page.locator(`nav a[data-screen="${screen}"]`).click();
  await page.locator(`main[data-screen="${screen}"]`).waitFor();
  // Most screens are in chunks of their own (renderer/src/screenTable.ts): wait until the screen
  // itself is drawn, not just the shell's "Laden…" in its place (rendered in the same commit as
  // main[data-screen], so this cannot pass too early).
  await page.locator('main [data-testid="screen-loading"]').waitFor({ state: 'detached' });
}

/**
 * Click something that starts a browser-mode download and keep the file the browser received in
 * `dir` under the name the app suggested. Returns its path.
 */
export async function downloadFrom(page: Page, click: () => Promise<void>, dir: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}
