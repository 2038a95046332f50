import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api';
import { Session } from '../../electron/session';
import { launchChromium } from '../chromium.mjs';
import { chromiumPath, electronBinaryPath, rendererBuilt, rendererDir, screenshot, startBrowserApp, startElectronApp, tempDir } from './harness';

const electron = electronBinaryPath();
if (!electron) console.log('Electron binary not present: skipping Electron e2e');
if (!rendererBuilt()) console.log('dist/renderer/index.html not built: skipping the renderer smoke test (run npm run build)');

describe('browser mode, with a stand-in page', () => {
  // A minimal page in place of the real renderer: proves Chromium, the CSP, module scripts and
  // the tokened API work together, whatever state the real screens are in.
  let dir: string;

  beforeAll(() => {
    dir = tempDir('kassa-e2e-standin-');
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(
      path.join(dir, 'index.html'),
      '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Stand-in</title><script type="module" crossorigin src="./assets/app.js"></script></head><body><p id="out">…</p></body></html>',
    );
    fs.writeFileSync(
      path.join(dir, 'assets', 'app.js'),
      `const token = new URLSearchParams(location.search).get('token');
const res = await fetch('/api', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Kassa-Token': token }, body: JSON.stringify({ method: 'app.capabilities', input: {} }) });
const body = await res.json();
document.getElementById('out').textContent = body.result.mode;
`,
    );
    fs.writeFileSync(path.join(dir, 'inline.html'), '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Inline</title></head><body><script>window.inlineRan = true;</script></body></html>');
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads the page and calls the API without console errors', async () => {
    const app = await startBrowserApp({ rendererDir: dir });
    try {
      await expect.poll(() => app.page.textContent('#out'), { timeout: 15_000 }).toBe('browser');
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('shows a Dutch refusal without the token, and an inline script is blocked by the CSP', async () => {
    const app = await startBrowserApp({ rendererDir: dir });
    try {
      const page = await app.browser.newPage();
      const res = await page.goto(`http://127.0.0.1:${app.server.port}/`);
      expect(res?.status()).toBe(403);
      expect(await page.textContent('h1')).toBe('Geen toegang');
      const inline = await page.goto(`http://127.0.0.1:${app.server.port}/inline.html`);
      expect(inline?.status()).toBe(200);
      expect(inline?.headers()['content-security-policy']).toContain("script-src 'self'");
      expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
      await page.close();
    } finally {
      await app.close();
    }
  });
});

describe.skipIf(!rendererBuilt())('browser mode, with the built renderer', () => {
  it('serves index.html and Chromium loads it without console errors', async () => {
    const app = await startBrowserApp();
    try {
      await app.page.waitForLoadState('networkidle');
      await expect.poll(() => app.page.evaluate(() => document.getElementById('root')?.childElementCount ?? 0), { timeout: 20_000 }).toBeGreaterThan(0);
      // The renderer takes the token out of the address bar; a reload still works (cookie + sessionStorage).
      await app.page.reload({ waitUntil: 'networkidle' });
      expect(await app.page.title()).toContain('Kijk op de Kassa');
      await screenshot(app.page, 'smoke-browser');
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('fetches every screen chunk ahead after the dashboard, as JavaScript under the CSP; lazy screens draw and take focus', async () => {
    // Issue 18, code-split renderer (renderer/src/screenTable.ts): the server must serve the extra
    // chunks with a script MIME type, and the idle prefetch must reach every one of them.
    const dir = tempDir('kassa-e2e-chunks-');
    const file = path.join(dir, 'chunks.kassa');
    const session = new Session();
    await dispatch(session, 'admin.create', { path: file, name: 'Stichting Chunks', year: 2026 });
    session.close();
    const chunks = fs.readdirSync(path.join(rendererDir, 'assets')).filter((f) => f.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(5);
    const app = await startBrowserApp({ file });
    const served = new Map<string, string>();
    app.page.on('response', (r) => {
      const name = new URL(r.url()).pathname.replace(/^\/assets\//, '');
      if (chunks.includes(name)) served.set(name, `${r.status()} ${r.headers()['content-type'] ?? ''}`);
    });
    try {
      await app.page.reload({ waitUntil: 'load' });
      await app.page.locator('main[data-screen="dashboard"] h1').waitFor();
      await expect.poll(() => served.size, { timeout: 30_000 }).toBe(chunks.length);
      for (const [name, answer] of served) expect(answer, name).toBe('200 text/javascript; charset=utf-8');
      // Keyboard focus still goes to the new screen's h1 after a menu click…
      await app.page.locator('nav a[data-screen="journal"]').focus();
      await app.page.keyboard.press('Enter');
      await app.page.locator('main[data-screen="journal"] h1').waitFor();
      await expect.poll(() => app.page.evaluate(() => document.activeElement?.closest('main')?.dataset.screen + ' ' + document.activeElement?.tagName)).toBe('journal H1');
      // …and when a fresh page opens straight on a lazy screen, before any prefetch, once its chunk is in.
      await app.page.goto(`${new URL(app.url).origin}/#/trial-balance`);
      await app.page.locator('main[data-screen="trial-balance"] h1').waitFor();
      await expect.poll(() => app.page.evaluate(() => document.activeElement?.closest('main')?.dataset.screen + ' ' + document.activeElement?.tagName)).toBe('trial-balance H1');
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Chromium', () => {
  it('is installed where the harness looks', async () => {
    expect(fs.existsSync(chromiumPath()), `Chromium missing at ${chromiumPath()}: apt-get install -y chromium or set CHROMIUM_PATH`).toBe(true);
    const browser = await launchChromium();
    expect(browser.version()).toMatch(/^\d+\./);
    await browser.close();
  });

  it("starts without its own omnibox renderer and keeps Playwright's switched-off features", async () => {
    // Each window's omnibox popup renderer cost ~1 s of CPU per app start (tests/chromium.mjs).
    const browser = await launchChromium({ args: ['--enable-automation'] });
    try {
      const page = await browser.newPage();
      await page.goto('about:blank');
      const cdp = await browser.newBrowserCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets');
      expect(targetInfos.map((t) => t.url).filter((u) => u.startsWith('chrome://'))).toEqual([]);
      const { arguments: argv } = await cdp.send('Browser.getBrowserCommandLine');
      // Chromium keeps only the last --disable-features: it must still hold Playwright's own list.
      const off = argv.filter((a) => a.startsWith('--disable-features=')).pop()?.split('=')[1]?.split(',');
      expect(off).toEqual(expect.arrayContaining(['PaintHolding', 'WebUIOmniboxPopup', 'PreloadTopChromeWebUI']));
    } finally {
      await browser.close();
    }
  });
});

describe.skipIf(!electron)('Electron', () => {
  it('opens a window with the renderer, sandboxed, without console errors', async () => {
    const app = await startElectronApp();
    try {
      expect(app.page.url()).toMatch(/^app:\/\/kassa\//);
      const hasNode = await app.page.evaluate(() => typeof (globalThis as { require?: unknown }).require !== 'undefined' || typeof (globalThis as { process?: unknown }).process !== 'undefined');
      expect(hasNode).toBe(false);
      const mode = await app.page.evaluate(async () => {
        const w = window as unknown as { kassa: { call(m: string, i: unknown): Promise<{ result?: { mode?: string } }> } };
        return (await w.kassa.call('app.capabilities', {})).result?.mode;
      });
      expect(mode).toBe('electron');
      await screenshot(app.page, 'smoke-electron');
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
