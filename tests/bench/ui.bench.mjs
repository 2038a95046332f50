// Issue 3: in Chromium, the journal list of kassa demo books with 100,000 entries renders its first
// screen <= 500 ms after navigation; the app is interactive <= 2 s after `npm start` (browser mode).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../chromium.mjs';
import { kassa, outDir, median, startBrowserMode, verdict } from './lib.mjs';

const file = path.join(outDir, 'ui-100k.kassa');
rmSync(file, { force: true });
rmSync(`${file}-wal`, { force: true });
const gen = spawnSync(process.execPath, [kassa, 'demo', file, '--transactions', '100000', '--seed', '3'], { encoding: 'utf8' });
if (gen.status !== 0) throw new Error(gen.stderr);
console.log(`demo books: ${JSON.parse(gen.stdout).entries} entries`);

const browser = await launchChromium();
const settingsDir = mkdtempSync(path.join(os.tmpdir(), 'kassa-bench-ui-'));

const starts = [];
const firstScreens = [];
for (let i = 0; i < 3; i++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const { seconds, child, url } = await startBrowserMode(page, 'npm', ['start', '--silent', '--', file], settingsDir);
  starts.push(seconds);
  for (let j = 0; j < 3; j++) {
    await page.goto(`${url.replace(/\?token=.*/, '')}#/dashboard`);
    await page.locator('main').getByText('€').first().waitFor();
    const t0 = performance.now();
    await page.evaluate("location.hash = '#/journal'");
    await page.locator('[data-ready="true"] [data-testid="journal-row"]').first().waitFor({ timeout: 30_000 });
    firstScreens.push(performance.now() - t0);
  }
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
  await page.close();
}
await browser.close();
rmSync(settingsDir, { recursive: true, force: true });

const s = median(starts);
const f = median(firstScreens);
console.log(`  npm start -> interactive dashboard (median of 3): ${s.toFixed(2)} s (target <= 2 s) ${verdict(s <= 2)}`);
console.log(`  journal list first screen of 100,000 entries (median of 9): ${f.toFixed(0)} ms (target <= 500 ms) ${verdict(f <= 500)}`);
