import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api';
import { Session } from '../../electron/session';
import { downloadFrom, checkA11y, expectNewStatus, goToScreen, requireRenderer, screenshot, startBrowserApp, tempDir, text } from './harness';

/**
 * Issue 6 end to end (browser mode): create a fund and a grant with three budget lines, book costs
 * on two lines, see budget vs actual with the warning past 90 %, and save the verantwoording as
 * Excel. axe on every screen; screenshots in tests/e2e/screenshots/grants-*.png.
 */

const RENDERER = requireRenderer();

const YEAR = new Date().getFullYear();

describe('grants UI (browser)', () => {
  let page: Page;
  let close: () => Promise<void>;
  const dir = tempDir('kassa-e2e-grants-');
  const file = path.join(dir, 'buurtkracht.kassa');
  const shot = (name: string) => screenshot(page, `grants-${name}`);

  beforeAll(async () => {
    const session = new Session();
    await dispatch(session, 'admin.create', { path: file, name: 'Stichting Buurtkracht', year: YEAR, kvk: '12345678', city: 'Rotterdam' });
    session.close();
    const app = await startBrowserApp({ file, rendererDir: RENDERER });
    page = app.page;
    close = () => app.close();
    page.setDefaultTimeout(15_000);
    await page.locator('nav a[data-screen="grants"]').waitFor();
  });

  afterAll(async () => {
    await close?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('adds a fund', async () => {
    await page.locator('nav a[data-screen="grants"]').click();
    await expect.poll(() => text(page.locator('main h1'))).toBe('Fondsen en subsidies');
    const form = page.getByTestId('new-fund-form');
    await form.getByLabel('Naam van het fonds').fill('Oranje Fonds');
    await form.getByLabel('Soort fonds').selectOption('fund');
    await checkA11y(page);
    await form.getByRole('button', { name: 'Fonds toevoegen' }).click();
    await expect.poll(() => text(page.getByTestId('status-message'))).toContain('Fonds Oranje Fonds is toegevoegd.');
    await expect.poll(() => text(page.getByTestId('funds-list'))).toContain('Oranje Fonds');
    await shot('01-funds');
  });

  it('creates a grant with three budget lines', async () => {
    await page.getByTestId('new-grant').click();
    await expect.poll(() => text(page.locator('main h1'))).toBe('Nieuwe subsidie');
    await page.getByLabel('Fonds', { exact: true }).selectOption({ label: 'Oranje Fonds' });
    await page.getByLabel('Naam van het project').fill('Taalcafé De Brug');
    await page.getByLabel('Kenmerk van het fonds').fill('OF-2026-118');
    await page.getByLabel('Toegekend', { exact: true }).check();
    await page.getByLabel('Aangevraagd bedrag').fill('4.000,00');
    await page.getByLabel('Begindatum project').fill(`01-01-${YEAR}`);
    await page.getByLabel('Einddatum project').fill(`31-12-${YEAR}`);
    const lines = page.getByTestId('budget-lines');
    await page.getByTestId('add-line').click();
    await page.getByTestId('add-line').click();
    const rows: [string, string, string][] = [['Huur buurthuis', '1.000,00', '4100'], ['Materialen', '500,00', '4300'], ['Coaching', '2.500,00', '4400']];
    for (const [i, [name, amount, account]] of rows.entries()) {
      await lines.getByLabel(`Post ${i + 1}`, { exact: true }).fill(name);
      await lines.getByLabel(`Bedrag ${i + 1}`, { exact: true }).fill(amount);
      await lines.getByLabel(`Meestal op rekening ${i + 1}`, { exact: true }).selectOption(account);
    }
    await page.getByLabel('Naam van het project').click();
    await expect.poll(() => text(page.getByTestId('budget-total'))).toBe('€ 4.000,00');
    await checkA11y(page);
    await shot('02-grant-form');
    await page.getByTestId('save-grant').click();
    await expect.poll(() => text(page.locator('main h1'))).toBe('Subsidie: Taalcafé De Brug');
    await expect.poll(() => text(page.getByTestId('grant-report-table'))).toContain('Coaching');
  });

  async function bookCost(line: string, amount: string, description: string): Promise<void> {
    const form = page.getByTestId('book-cost');
    await form.getByLabel('Omschrijving').fill(description);
    await form.getByLabel('Bedrag').fill(amount);
    await form.getByLabel('Post van de begroting').selectOption({ label: line });
    await expectNewStatus(page, () => form.getByRole('button', { name: 'Kosten boeken' }).click(), /Geboekt als BANK \d{4}-\d{4}\./);
  }

  it('books costs against two lines and shows budget vs actual with the warning past 90 %', async () => {
    await bookCost('Huur buurthuis', '950,00', 'Huur buurthuis januari t/m oktober');
    await bookCost('Materialen', '125,50', 'Woordenboeken en schriften');
    const table = page.getByTestId('grant-report-table');
    await expect.poll(() => text(table)).toContain('€ 950,00');
    const huur = table.locator('tr[data-line="Huur buurthuis"]');
    expect(await text(huur)).toContain('95,0 %');
    expect(await text(huur)).toContain('Bijna op (90 % of meer)');
    await expect.poll(() => text(table.locator('tr[data-line="Materialen"]'))).toContain('25,1 %');
    expect(await text(table.locator('tr[data-line="Coaching"]'))).toContain('0,0 %');
    const warnings = page.getByTestId('grant-warnings');
    await expect.poll(() => text(warnings)).toContain('Let op: begrotingsregel "Huur buurthuis" is voor 95,0 % besteed. Er is nog € 50,00 over.');
    expect(await text(page.getByTestId('grant-spent'))).toBe('€ 1.075,50');
    const chart = page.getByTestId('grant-chart');
    expect(await chart.locator('g[data-line="Huur buurthuis"]').getAttribute('data-level')).toBe('near');
    expect(await text(page.getByTestId('grant-postings'))).toContain('Woordenboeken en schriften');
    await checkA11y(page);
    await shot('03-grant-budget-vs-actual');
  });

  it('saves the verantwoording as Excel', async () => {
    const saved = await downloadFrom(page, () => page.getByTestId('export-verantwoording').click(), dir);
    expect(path.basename(saved)).toMatch(/-verantwoording\.xlsx$/);
    await expect.poll(() => text(page.getByTestId('status-message'))).toContain(`Gedownload: ${path.basename(saved)}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Verantwoording', 'Boekingen']);
    const ws = wb.getWorksheet('Verantwoording')!;
    expect(ws.getCell('A1').value).toBe('Stichting Buurtkracht');
    let totalRow = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(1).value === 'Totaal') totalRow = n;
    });
    const total = ws.getCell(totalRow, 3).value as ExcelJS.CellFormulaValue;
    expect(total.formula).toMatch(/^SUM\(C\d+:C\d+\)$/);
    expect(total.result).toBe(1075.5);
    await shot('04-grant-exported');
  });

  it('shows the budget screen and the coverage plan', async () => {
    await page.locator('nav a[data-screen="budget"]').click();
    await expect.poll(() => text(page.locator('main h1'))).toBe('Begroting');
    await page.getByLabel('Begroot 4100 Huur en ruimte').fill('1.200,00');
    await page.getByTestId('budget-save').click();
    await expect.poll(() => text(page.getByTestId('status-message'))).toContain(`De begroting van ${YEAR} is opgeslagen.`);
    await expect.poll(() => text(page.getByTestId('vs-lines'))).toContain('Huisvesting');
    await checkA11y(page);
    await shot('05-budget');

    await page.locator('nav a[data-screen="coverage"]').click();
    await page.getByLabel('Project', { exact: true }).selectOption('Taalcafé De Brug');
    await expect.poll(() => text(page.getByTestId('coverage-grants'))).toContain('Oranje Fonds');
    await checkA11y(page);
    await shot('06-coverage');
  });

  it('a cost booked on the general "Geld uitgeven" screen counts for the budget line chosen there', async () => {
    await goToScreen(page, 'money-out');
    await page.getByLabel('Wat is er gebeurd?').fill('Coach voor de taalavond');
    await page.getByLabel('Bedrag in euro').fill('300');
    await page.getByRole('radio', { name: /Coaching en inhuur/ }).check();
    const grant = page.getByLabel('Hoort dit bij een subsidie?');
    expect(await grant.inputValue()).toBe('');
    expect(await grant.locator('optgroup').getAttribute('label')).toBe('Taalcafé De Brug (Oranje Fonds)');
    await grant.selectOption({ label: 'Coaching' });
    await expect.poll(() => text(page.getByTestId('booking-preview'))).toContain('Het bedrag telt mee bij de subsidie Taalcafé De Brug (Oranje Fonds), post Coaching.');
    await checkA11y(page);
    await shot('07-money-out-with-grant');
    await page.getByRole('button', { name: 'Geld uitgeven boeken' }).click();
    await expect.poll(() => text(page.getByTestId('status-message'))).toMatch(/Geboekt als BANK \d{4}-\d{4}: € 300,00 uitgegeven\./);
    expect(await grant.inputValue()).toBe('');

    await goToScreen(page, 'grants');
    await page.getByRole('link', { name: 'Taalcafé De Brug' }).click();
    const table = page.getByTestId('grant-report-table');
    await expect.poll(() => text(table.locator('tr[data-line="Coaching"]'))).toContain('12,0 %');
    expect(await text(table.locator('tr[data-line="Coaching"]'))).toContain('€ 300,00');
    expect(await text(page.getByTestId('grant-spent'))).toBe('€ 1.375,50');
    expect(await text(page.getByTestId('grant-postings'))).toContain('Coach voor de taalavond');
  });

  it('a line of a manual entry can go to a budget line too; money lines get no grant choice', async () => {
    await goToScreen(page, 'manual-entry');
    await page.getByLabel('Omschrijving', { exact: true }).fill('Schriften uit de kas');
    await page.getByLabel('Regel 1: rekening').selectOption('4300');
    await page.getByLabel('Regel 1: debet').fill('24,50');
    await page.getByLabel('Regel 2: rekening').selectOption('1000');
    await page.getByLabel('Regel 2: credit').fill('24,50');
    await page.getByLabel('Regel 1: hoort bij subsidie').selectOption({ label: 'Materialen' });
    expect(await page.getByLabel('Regel 2: hoort bij subsidie').count()).toBe(0);
    await checkA11y(page);
    await shot('08-manual-entry-with-grant');
    await page.getByRole('button', { name: 'Boeken', exact: true }).click();
    await expect.poll(() => text(page.getByTestId('status-message'))).toMatch(/Geboekt als KAS \d{4}-\d{4}/); // the cash line picks the cash book

    await goToScreen(page, 'grants');
    await page.getByRole('link', { name: 'Taalcafé De Brug' }).click();
    const row = page.getByTestId('grant-report-table').locator('tr[data-line="Materialen"]');
    await expect.poll(() => text(row)).toContain('€ 150,00'); // 125,50 from the grant screen + 24,50
  });
});
