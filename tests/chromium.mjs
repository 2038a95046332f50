// Chromium for the end-to-end tests and the benches, launched one way. Plain JavaScript so the
// benches (run by plain Node) and the TypeScript tests share it; types in chromium.d.mts.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** Without the background-networking switches Chromium keeps calling home on a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Chromium's own window UI, switched off. Since about version 150 every new browser window (and
 * Playwright makes one per browser context) starts a renderer of its own for the omnibox popup
 * (chrome://omnibox-popup.top-chrome, the "AI mode" box): in a trace of one app start on this
 * 2-core machine it used 1.0 s of CPU beside the app's 0.7 s, and the browser process another
 * 0.3 s for it. A treasurer's start meets none of it (Electron has no omnibox; the browser mode
 * opens a tab in a window she already has), so tests and benches measured Chromium, not the app.
 */
export const OWN_UI_FEATURES_OFF = ['PreloadTopChromeWebUI', 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup'];

export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

function playwrightVersion() {
  return JSON.parse(fs.readFileSync(new URL('../node_modules/playwright-core/package.json', import.meta.url), 'utf8')).version;
}

/**
 * The features Playwright itself switches off. Chromium keeps only the last --disable-features on
 * its command line, so ours must repeat Playwright's list (PaintHolding and others) or undo it.
 * Playwright does not export the list: read it once from a probe browser (CDP needs
 * --enable-automation to tell its command line) and keep it in the temp folder per Playwright
 * version and Chromium binary, so each test process does not pay a second launch. Null when the
 * probe cannot tell.
 */
async function playwrightFeaturesOff(executablePath) {
  let stamp = '';
  try {
    stamp = String(fs.statSync(executablePath).mtimeMs);
  } catch {
    /* launch below reports a missing Chromium */
  }
  const key = createHash('sha256').update(`${playwrightVersion()}\0${executablePath}\0${stamp}`).digest('hex').slice(0, 16);
  const cache = path.join(os.tmpdir(), `kassa-playwright-features-${key}.json`);
  try {
    const list = JSON.parse(fs.readFileSync(cache, 'utf8'));
    if (Array.isArray(list) && list.every((f) => typeof f === 'string')) return list;
  } catch {
    /* not cached yet */
  }
  const probe = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, '--enable-automation'] });
  let list;
  try {
    const cdp = await probe.newBrowserCDPSession();
    const { arguments: argv } = await cdp.send('Browser.getBrowserCommandLine');
    const flag = argv.filter((a) => a.startsWith('--disable-features=')).pop();
    // No such switch: Playwright switches nothing off, ours is the whole list.
    list = flag ? flag.slice('--disable-features='.length).split(',').filter(Boolean) : [];
  } catch {
    // A Chromium that does not tell its command line: launch it as Playwright does, unchanged.
    return null;
  } finally {
    await probe.close();
  }
  // Written aside and renamed: two test processes may do this at once.
  const tmp = `${cache}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(list));
  fs.renameSync(tmp, cache);
  return list;
}

/** Playwright's chromium.launch with our switches; options.args come after them. */
export async function launchChromium(options = {}) {
  const executablePath = options.executablePath ?? chromiumPath();
  const playwrights = await playwrightFeaturesOff(executablePath);
  // Without Playwright's own list, ours would undo it: then Chromium as Playwright launches it.
  const off = playwrights ? [`--disable-features=${[...new Set([...playwrights, ...OWN_UI_FEATURES_OFF])].join(',')}`] : [];
  return chromium.launch({ ...options, executablePath, args: [...CHROMIUM_ARGS, ...off, ...(options.args ?? [])] });
}
