import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api';
import { Session } from '../../electron/session';
import { checkA11y, expectNewStatus, goToScreen, requireRenderer, screenshot, startBrowserApp, tempDir, text } from './harness';

/**
 * Issue 9 end to end (browser mode): the lessons page as a learning path, lesson 5 (bank
 * statement) with its figures, its task done in the practice administration through the UI
 * (bank costs € 3,50 via "Geld uitgeven") and checked to "Goed gedaan"; the "?" panel beside a
 * screen (Escape closes it, focus returns), first-time tips, axe and screenshots.
 */

const RENDERER = requireRenderer();

const YEAR = new Date().getFullYear();

describe('lessons UI (browser)', () => {
  let page: Page;
  let close: () => Promise<void>;
  const dir = tempDir('kassa-e2e-lessons-');
  const file = path.join(dir, 'buurtkracht.kassa');
  const shot = (name: string) => screenshot(page, `lessons-${name}`);

  beforeAll(async () => {
    const session = new Session();
    await dispatch(session, 'admin.create', { path: file, name: 'Stichting Buurtkracht', year: YEAR, iban: 'NL91ABNA0417164300', city: 'Rotterdam' });
    session.close();
    const app = await startBrowserApp({ file, rendererDir: RENDERER, viewport: { width: 1440, height: 900 } });
    page = app.page;
    close = () => app.close();
    page.setDefaultTimeout(20_000);
    await page.locator('nav a[data-screen="lessons"]').waitFor();
  });

  afterAll(async () => {
    await close?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows a first-time tip that can be dismissed', async () => {
    await goToScreen(page, 'dashboard');
    const hint = page.getByTestId('screen-hint');
    await expect.poll(() => text(hint)).toContain('Tip');
    await hint.getByRole('button', { name: 'Begrepen' }).click();
    await expect.poll(() => hint.count()).toBe(0);
    await goToScreen(page, 'journal');
    await goToScreen(page, 'dashboard');
    expect(await page.getByTestId('screen-hint').count()).toBe(0);
  });

  it('each screen shows its own tip and links the lesson about that screen (issue 18)', async () => {
    const cases = [
      ['purchases', 'Kreeg de stichting een rekening', 'Lees de les: Geld in, geld uit: bank, kas en bonnetjes'],
      ['statements', 'Hier ziet u de balans', 'Lees de les: Het jaar afsluiten: balans, baten en lasten, en de kascommissie'],
      ['year-end', 'Sluit het jaar pas af', 'Lees de les: Het jaar afsluiten: balans, baten en lasten, en de kascommissie'],
    ] as const;
    for (const [screen, tip, more] of cases) {
      await goToScreen(page, screen);
      const hint = page.getByTestId('screen-hint');
      await expect.poll(() => text(hint)).toContain(tip);
      expect(await hint.getByRole('button', { name: more }).count(), screen).toBe(1);
    }
  });

  it('opens the lessons page as a learning path in three floors', async () => {
    await goToScreen(page, 'lessons');
    await expect.poll(() => text(page.locator('main h1'))).toBe('Lessen');
    const floors = page.locator('main section.lessons__floor h2');
    expect(await floors.allTextContents()).toEqual(['Kelder: de basis', 'Begane grond: meedoen', 'Eerste verdieping: uw eigen plan']);
    expect(await page.locator('[data-lesson-link]').count()).toBe(13);
    expect(await text(page.getByTestId('lessons-progress'))).toContain('0 van de 13');
    await checkA11y(page);
    await shot('01-path');
  });

  it('follows lesson 5 (bank statement) with its entry figure', async () => {
    await page.locator('[data-lesson-link="bank-statement"]').click();
    await expect.poll(() => text(page.locator('main h1'))).toBe('Een bankafschrift boeken');
    const fig = page.getByTestId('entry-figure');
    expect(await text(fig)).toContain('4610');
    expect(await text(fig)).toContain('€ 3,50');
    // A screen link routes inside the app, never to a "screen:" URL.
    expect(await page.locator('main a[data-screen-link="bank-import"]').first().getAttribute('href')).toBe('#/bank-import');
    // The lesson names each screen with the menu's own label (issue 18).
    for (const screen of ['bank-import', 'bank-inbox', 'bank-reconcile']) {
      expect(await text(page.locator(`main a[data-screen-link="${screen}"]`).first()), screen).toBe(await text(page.locator(`nav a[data-screen="${screen}"]`)));
    }
    await checkA11y(page);
    await shot('02-lesson-5');
  });

  it('does the task in the practice administration and gets "goed" feedback', async () => {
    await page.getByRole('button', { name: 'Doe deze opdracht in de oefenadministratie' }).click();
    // The practice administration is open and marked; the task screen opens with the lesson beside it.
    await page.getByTestId('practice-banner').waitFor();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('bank-import');
    const panel = page.getByTestId('lesson-panel');
    await panel.waitFor();
    expect(await text(panel.locator('h2').first())).toBe('Een bankafschrift boeken');

    // Check before booking anything: nothing yet.
    await panel.getByRole('button', { name: 'Controleer' }).click();
    await expect.poll(() => text(panel.getByTestId('task-feedback'))).toContain('nog geen boeking');

    // A wrong amount first.
    await goToScreen(page, 'money-out');
    await expect.poll(() => text(page.locator('main h1'))).toBe('Geld uitgeven');
    await page.getByLabel('Wat is er gebeurd?').fill('Kosten betaalrekening');
    await page.getByLabel('Bedrag in euro').fill('5,30');
    await page.getByRole('group', { name: 'Waar ging het geld vandaan?' }).getByRole('radio', { name: /^Bank betaalrekening/ }).check();
    await page.getByRole('radio', { name: /^Bankkosten/ }).check();
    await expectNewStatus(page, () => page.getByRole('button', { name: 'Geld uitgeven boeken' }).click(), /Geboekt als/);
    await panel.getByRole('button', { name: 'Controleer' }).click();
    await expect.poll(() => text(panel.getByTestId('task-feedback'))).toContain('moet € 3,50 zijn');

    // Now the right one.
    await page.getByLabel('Wat is er gebeurd?').fill('Kosten betaalrekening');
    await page.getByLabel('Bedrag in euro').fill('3,50');
    await page.getByRole('group', { name: 'Waar ging het geld vandaan?' }).getByRole('radio', { name: /^Bank betaalrekening/ }).check();
    await page.getByRole('radio', { name: /^Bankkosten/ }).check();
    await expectNewStatus(page, () => page.getByRole('button', { name: 'Geld uitgeven boeken' }).click(), /Geboekt als/);
    await panel.getByRole('button', { name: 'Controleer' }).click();
    await expect.poll(() => text(panel.getByTestId('task-feedback'))).toContain('Goed gedaan');
    await checkA11y(page);
    await shot('03-lesson-beside-money-out');
  });

  it('the "?" panel closes with Escape and focus returns to the button', async () => {
    await page.getByTestId('lesson-panel-close').click();
    await expect.poll(() => page.getByTestId('lesson-panel').count()).toBe(0);
    await goToScreen(page, 'trial-balance');
    const help = page.getByTestId('help-button');
    await help.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('lesson-panel');
    await panel.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lesson-panel-title');
    // The screen beside it stays usable.
    expect(await page.locator('main h1').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('help-button');
  });

  it('marks lesson 5 done on the lessons page; tips can be switched off; practice can be reset', async () => {
    await goToScreen(page, 'lessons');
    await expect.poll(() => text(page.getByTestId('lesson-status-bank-statement'))).toBe('Klaar');
    expect(await text(page.getByTestId('lessons-progress'))).toContain('1 van de 13');

    await page.getByTestId('hints-toggle').uncheck();
    await goToScreen(page, 'money-in');
    expect(await page.getByTestId('screen-hint').count()).toBe(0);
    await goToScreen(page, 'lessons');
    await page.getByTestId('hints-toggle').check();
    await goToScreen(page, 'money-in');
    await page.getByTestId('screen-hint').waitFor();

    await goToScreen(page, 'lessons');
    await page.getByTestId('practice-reset').click();
    await page.getByRole('button', { name: 'Ja, begin opnieuw' }).click();
    await expect.poll(() => text(page.getByTestId('status-message'))).toContain('weer als nieuw');
    await page.getByTestId('practice-banner').waitFor();
    // Progress is kept in the app settings, not in the practice file.
    expect(await text(page.getByTestId('lesson-status-bank-statement'))).toBe('Klaar');
  });

  it('a quiz gives feedback per option and saves the score', async () => {
    await page.locator('[data-lesson-link="why-keep-books"]').click();
    const quiz = page.getByTestId('quiz');
    await quiz.waitFor();
    const groups = quiz.locator('fieldset');
    const n = await groups.count();
    for (let i = 0; i < n; i += 1) await groups.nth(i).getByRole('radio').first().check();
    await quiz.getByRole('button', { name: 'Controleer mijn antwoorden' }).click();
    await expect.poll(() => text(quiz.getByTestId('quiz-result'))).toMatch(/van \d+ goed|Alles goed/);
    expect(await quiz.locator('.quiz__feedback').count()).toBe(n);
    await checkA11y(page);
  });
});
