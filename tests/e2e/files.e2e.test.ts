import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api';
import { Session } from '../../electron/session';
import { camt, ING } from '../integration/bank/helpers';
import type { Call } from '../integration/helpers';
import { type BrowserApp, checkA11y, downloadFrom, e2eRenderer, e2eRendererBuilt, plain, screenshot, startBrowserApp, tempDir } from './harness';

/**
 * Issue 18, "files the way her computer does it", in the browser mode: the administration is
 * found in the usual folders (no typed path), an export arrives as the browser's own download, and
 * a bank statement goes in through the browser's file picker.
 */
describe.skipIf(!e2eRendererBuilt())('browser mode: files', () => {
  let dir: string;
  let home: string;
  let file: string;
  let statement: string;
  let app: BrowserApp;
  const oldHome = process.env.HOME;
  const shot = (name: string) => screenshot(app.page, `files-${name}`);

  beforeAll(async () => {
    dir = tempDir('kassa-e2e-files-');
    // The in-process server lists the usual folders of this (temporary) home.
    home = path.join(dir, 'home');
    fs.mkdirSync(path.join(home, 'Documenten', 'Stichting'), { recursive: true });
    fs.mkdirSync(path.join(home, 'Bureaublad'));
    process.env.HOME = home;
    file = path.join(home, 'Documenten', 'Stichting', 'buurtkracht.kassa');
    const s = new Session();
    const call: Call = (m, i) => dispatch(s, m, i ?? {}) as Promise<never>;
    await call('admin.create', { path: file, name: 'Stichting Buurtkracht', year: 2026, iban: ING, city: 'Utrecht' });
    await call('money.received', { date: '2026-01-05', amount: '25.00', category: '8000', into: '1100', description: 'Gift buurtbewoner' });
    s.close();
    statement = path.join(dir, 'afschrift-januari.xml');
    fs.writeFileSync(statement, camt({
      from: '2026-01-01', to: '2026-01-31', opening: 0, lines: [
        { date: '2026-01-08', cents: -45000, name: 'Woonstichting De Linie', iban: 'NL74RABO0398765432', text: 'Huur buurtruimte januari 2026', ref: 'A2' },
      ],
    }));
    app = await startBrowserApp({ rendererDir: e2eRenderer });
  });

  afterAll(async () => {
    await app?.close();
    process.env.HOME = oldHome;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens the administration from the usual folders, without typing a path', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Bestand openen' }).click();
    await page.getByRole('button', { name: 'Documenten' }).click();
    const folder = page.getByTestId('open-folder');
    await expect.poll(async () => plain(await folder.textContent())).toContain('Map Stichting');
    await folder.getByRole('button', { name: 'Map Stichting' }).click();
    await expect.poll(async () => plain(await folder.textContent())).toContain('buurtkracht.kassa');
    await checkA11y(page);
    await shot('1-open-from-folder');
    await folder.getByRole('button', { name: /buurtkracht\.kassa/ }).click();
    await page.locator('main[data-screen="dashboard"]').waitFor();
  });

  it('downloads the statements as Excel through the browser', async () => {
    const page = app.page;
    await page.evaluate(() => { window.location.hash = '#/year-end'; });
    await page.getByLabel('Boekjaar').selectOption('2026');
    const row = page.getByTestId('export-xlsx');
    await expect.poll(async () => plain(await row.textContent())).toContain('Het bestand komt bij de downloads van uw browser.');
    await checkA11y(page);
    const saved = await downloadFrom(page, () => row.getByRole('button', { name: 'Maak bestand' }).click(), dir);
    expect(path.basename(saved)).toBe('jaarrekening-2026.xlsx');
    await expect.poll(async () => plain(await page.getByTestId('status-message').textContent())).toContain('Gedownload: jaarrekening-2026.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    const cells: string[] = [];
    for (const ws of book.worksheets) ws.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    expect(cells.join(' ')).toContain('Stichting Buurtkracht');
    expect(cells.join(' ')).toContain('Gift buurtbewoner');
    await shot('2-download');
  });

  it('imports a bank statement through the browser\'s file picker', async () => {
    const page = app.page;
    await page.evaluate(() => { window.location.hash = '#/bank-import'; });
    await page.getByTestId('screen-bank-import').waitFor();
    await page.getByTestId('bank-file').setInputFiles(statement);
    await page.getByTestId('bank-import-submit').click();
    await expect.poll(async () => plain(await page.getByTestId('bank-import-summary').textContent()), { timeout: 15_000 }).toContain('Het bestand had 1 regel.');
    await checkA11y(page);
    await shot('3-upload');
    expect(app.consoleErrors).toEqual([]);
  });

  it('chooses the backup folder from the usual folders, without typing a path', async () => {
    const page = app.page;
    await page.evaluate(() => { window.location.hash = '#/backups'; });
    const browser = page.getByTestId('bk-folder-browser');
    await browser.getByRole('button', { name: 'Bureaublad' }).click();
    await expect.poll(async () => plain(await browser.textContent())).toContain(path.join(home, 'Bureaublad'));
    await browser.getByTestId('bk-folder-use').click();
    await expect.poll(async () => plain(await page.getByTestId('bk-folder-chosen').textContent())).toContain(path.join(home, 'Bureaublad'));
    await checkA11y(page);
    await shot('4-backup-folder');
    await page.getByRole('button', { name: 'Deze map gebruiken' }).click();
    await expect.poll(async () => plain(await page.getByTestId('status-message').textContent())).toContain(path.join(home, 'Bureaublad'));
    expect(app.consoleErrors).toEqual([]);
  });

  it('creates a new administration in a folder chosen from the usual folders', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Andere administratie' }).click();
    await page.getByRole('button', { name: 'Nieuwe administratie maken' }).click();
    await page.locator('#new-name').fill('Stichting Nieuwbouw');
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Volgende' }).click();
    const browser = page.getByTestId('new-folder-browser');
    await browser.getByRole('button', { name: 'Documenten' }).click();
    await browser.getByRole('button', { name: 'Stichting' }).click();
    // As a treasurer does: use the folder once it is the one shown (a click before that uses Documenten).
    await expect.poll(async () => plain(await browser.locator('.file-path').textContent())).toBe(path.join(home, 'Documenten', 'Stichting'));
    await browser.getByTestId('new-folder-use').click();
    const target = path.join(home, 'Documenten', 'Stichting', 'stichting-nieuwbouw.kassa');
    await expect.poll(async () => plain(await page.getByTestId('new-path-chosen').textContent())).toContain(target);
    await checkA11y(page);
    await shot('5-new-in-folder');
    await page.getByRole('button', { name: 'Administratie maken' }).click();
    // A new administration goes on to its opening balance.
    await page.locator('main[data-screen="opening"]').waitFor();
    expect(fs.existsSync(target)).toBe(true);
  });
});
