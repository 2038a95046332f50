import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api';
import { generateDemo } from '../../electron/books/demo';
import { Session } from '../../electron/session';
import { makeCoachFolder, type CoachFolder } from '../integration/review/coachFolder';
import { checkA11y, downloadFrom, goToScreen, requireRenderer, screenshot, startBrowserApp, tempDir, text } from './harness';

/**
 * Issue 19 end to end (browser mode, Chromium): a kascommissie review of a closed year with a sample
 * of 25, two remarks, a question answered and the PDF report (checked with pdftotext); then the
 * coach's overview of a folder with five administrations in different states, opening one with a
 * click. Screenshots in tests/e2e/screenshots/review-*.png.
 */

const RENDERER = requireRenderer();
const YEAR = new Date().getFullYear();
const LAST = YEAR - 1;

describe('kascommissie review and coach overview (browser)', () => {
  let page: Page;
  let close: () => Promise<void>;
  let folder: CoachFolder;
  const dir = tempDir('kassa-e2e-review-');
  const coachDir = tempDir('kassa-e2e-coach-');
  const settingsDir = tempDir('kassa-e2e-review-settings-');
  const file = path.join(dir, 'buurtkracht.kassa');
  const shot = (name: string) => screenshot(page, `review-${name}`);

  beforeAll(async () => {
    const session = new Session();
    await dispatch(session, 'admin.create', { path: file, name: 'Stichting Buurtkracht', year: LAST });
    generateDemo(session.books!, { transactions: 600, seed: 5, years: 2, endYear: YEAR });
    await dispatch(session, 'yearEnd.close', { year: LAST });
    session.close();
    folder = await makeCoachFolder(coachDir, settingsDir);
    const app = await startBrowserApp({ file, rendererDir: RENDERER, settingsDir });
    page = app.page;
    close = () => app.close();
    page.setDefaultTimeout(15_000);
    await page.locator('nav a[data-screen="review"]').waitFor();
  }, 120_000);

  afterAll(async () => {
    await close?.();
    folder?.holder.close();
    for (const d of [dir, coachDir, settingsDir]) fs.rmSync(d, { recursive: true, force: true });
  });

  it('reviews a closed year: sample of 25, two remarks, a question answered, the report as PDF', async () => {
    await goToScreen(page, 'review');
    const start = page.getByTestId('review-start');
    await start.locator('#review-year').selectOption(String(LAST));
    await start.locator('#review-reviewer-0').fill('Anna de Vries');
    await start.locator('#review-reviewer-1').fill('Bram Jansen');
    await start.locator('#review-seed').fill('4242');
    await start.getByRole('button', { name: 'Controle beginnen' }).click();
    await page.getByTestId('review-banner').waitFor();
    await page.getByTestId('review-mode-banner').waitFor();
    expect(await text(page.getByTestId('review-mode-banner'))).toContain(`boekjaar ${LAST}`);
    await shot('checklist');
    await checkA11y(page);

    // Remark 1: the bank item, agreed with a note.
    const bank = page.getByTestId('mark-check-bank');
    await bank.locator('#check-bank-remark').fill('Afschrift van 31 december gezien.');
    await bank.getByRole('button', { name: 'Oordeel opslaan' }).click();
    await page.getByTestId('marked-bank').waitFor();

    // The sample: all large entries plus 25 drawn; remark 2 is a question on the first entry.
    const position = await text(page.getByTestId('sample-position'));
    const total = Number(/van (\d+)/.exec(position)![1]);
    expect(total).toBeGreaterThanOrEqual(25);
    expect(await text(page.getByTestId('review-sample'))).toContain('startgetal 4242');
    const ref = await page.getByTestId('sample-entry').getAttribute('data-ref');
    const mark = page.getByTestId('mark-sample');
    await mark.getByLabel('Vraag').check();
    await mark.locator('#sample-remark').fill('Waar is de bon van deze betaling?');
    await mark.getByRole('button', { name: 'Oordeel opslaan' }).click();
    const questions = page.getByTestId('review-questions');
    await questions.getByText('Waar is de bon van deze betaling?').waitFor();
    await shot('sample');

    // The treasurer answers in the app.
    await questions.locator('textarea[id^="review-answer-"]').fill('De bon zit in de map van maart.');
    await questions.getByRole('button', { name: 'Antwoord opslaan' }).click();
    await questions.getByTestId('answer').waitFor();

    // Conclusion, then the report.
    const finish = page.getByTestId('review-finish');
    await finish.getByLabel('In orde, met opmerkingen: decharge verlenen').check();
    await finish.locator('#review-conclusion-text').fill('Bewaar de bonnen per maand.');
    await finish.getByRole('button', { name: 'Controle afronden' }).click();
    const report = page.getByTestId('review-report');
    await report.waitFor();
    await expect.poll(() => page.getByTestId('review-mode-banner').count()).toBe(0);
    // Browser mode: the report arrives as the browser's own download.
    const pdf = await downloadFrom(page, () => report.getByRole('button', { name: 'Verslag maken (pdf)' }).click(), dir);
    expect(path.basename(pdf)).toMatch(/^Verslag kascommissie \d{4}/);
    await shot('report');

    const pdfText = execFileSync('pdftotext', [pdf, '-']).toString('utf8').replace(/\s+/g, ' ');
    expect(pdfText).toContain(`Verslag van de kascommissie over ${LAST}`);
    expect(pdfText).toContain('Anna de Vries en Bram Jansen');
    expect(pdfText).toContain('Oordeel van de kascommissie: akkoord. Afschrift van 31 december gezien.');
    expect(pdfText).toContain(`${ref}`);
    expect(pdfText).toContain('Waar is de bon van deze betaling?');
    expect(pdfText).toContain('Antwoord: De bon zit in de map van maart.');
    expect(pdfText).toContain('Startgetal van de steekproef: 4242');
    expect(pdfText).toContain('decharge te verlenen');
    expect(pdfText).toMatch(/Kop van de geschiedenis bij dit verslag: \d+:[0-9a-f]{12}/);
  });

  it('shows a folder of five administrations, most urgent first, and opens one with a click', async () => {
    await goToScreen(page, 'overview');
    await page.locator('#coach-folder').fill(coachDir);
    await page.getByRole('button', { name: 'Bekijken' }).click();
    const rows = page.getByTestId('coach-row');
    await expect.poll(() => rows.count()).toBe(5);
    const state = async (f: string) => page.locator(`[data-testid="coach-row"][data-file="${path.basename(f)}"]`).getAttribute('data-state');
    expect(await state(folder.files.inUse)).toBe('in-use');
    expect(await state(folder.files.older)).toBe('older');
    expect(await state(folder.files.volunteers)).toBe('ok');
    expect(await text(page.locator(`[data-testid="coach-row"][data-file="${path.basename(folder.files.older)}"]`))).toContain('Oudere versie: open hem om bij te werken.');
    expect(await text(page.locator(`[data-testid="coach-row"][data-file="${path.basename(folder.files.volunteers)}"]`))).toContain('80 %');
    expect(await rows.first().getAttribute('data-file')).toBe(path.basename(folder.files.bank));
    expect(await text(rows.last())).toMatch(/in gebruik|Niets bijzonders/i);
    await shot('overview');
    await checkA11y(page);

    await page.getByRole('button', { name: 'Open Stichting Vrouwennetwerk Zuid' }).click();
    await page.locator('main[data-screen="dashboard"]').waitFor();
    expect(await text(page.getByTestId('org-name'))).toBe('Stichting Vrouwennetwerk Zuid');
  });
});
