import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api';
import { generateDemo } from '../../electron/books/demo';
import { Session } from '../../electron/session';
import type { BalanceSheet, IncomeStatement } from '../../shared/api/statements';
import { formatEuro } from '../../shared/money';
import { downloadFrom, checkA11y, plain, requireRenderer, screenshot, startBrowserApp, tempDir, text } from './harness';

/**
 * Issue 7 end to end (browser mode): the statements with their three columns and the drill-down from
 * a line to its accounts and postings, the cash flow, the ANBI page, then closing a year in the
 * wizard, seeing the next year open with last year's balances, making the PDF pack, and reopening
 * with a reason. axe on every screen; screenshots in tests/e2e/screenshots/statements-*.png.
 */

const RENDERER = requireRenderer();

const YEAR = new Date().getFullYear();
const LAST = YEAR - 1;
const euro = (amount: string) => plain(formatEuro(BigInt(amount.replace('.', ''))));

describe('statements and year-end UI (browser)', () => {
  let page: Page;
  let close: () => Promise<void>;
  let consoleErrors: string[];
  const dir = tempDir('kassa-e2e-statements-');
  const file = path.join(dir, 'buurtkracht.kassa');
  const shot = (name: string) => screenshot(page, `statements-${name}`);
  let lastYear: { bs: BalanceSheet; is: IncomeStatement };

  beforeAll(async () => {
    const session = new Session();
    await dispatch(session, 'admin.create', { path: file, name: 'Stichting Buurtkracht', year: LAST, kvk: '12345678', city: 'Rotterdam', street: 'Kerkstraat 4' });
    generateDemo(session.books!, { transactions: 900, seed: 5, years: 2, endYear: YEAR });
    await dispatch(session, 'budgets.set', { year: YEAR, lines: [{ account: '8200', amount: '60000.00' }, { account: '4100', amount: '30000.00' }] });
    lastYear = {
      bs: (await dispatch(session, 'reports.balanceSheet', { year: LAST })) as BalanceSheet,
      is: (await dispatch(session, 'reports.incomeStatement', { year: LAST })) as IncomeStatement,
    };
    session.close();
    const app = await startBrowserApp({ file, rendererDir: RENDERER });
    page = app.page;
    consoleErrors = app.consoleErrors;
    close = () => app.close();
    page.setDefaultTimeout(15_000);
    await page.locator('nav a[data-screen="statements"]').waitFor();
  });

  afterAll(async () => {
    await close?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the balance sheet; a line opens to its accounts and an account to its postings', async () => {
    await page.locator('nav a[data-screen="statements"]').click();
    await expect.poll(() => text(page.locator('main h1'))).toBe('Balans en baten en lasten');
    await page.getByLabel('Boekjaar').selectOption(String(LAST));
    const check = page.getByTestId('balance-check');
    await expect.poll(() => check.getAttribute('data-balanced')).toBe('true');
    // poll: right after choosing the year the check may still show the year that was open before
    await expect.poll(() => text(check)).toContain(`De balans klopt: bezittingen = eigen vermogen + schulden (${euro(lastYear.bs.totals.activa)}).`);
    const activa = page.getByTestId('balance-activa');
    expect(await text(activa.locator('tr[data-key="totaal_activa"]'))).toContain(euro(lastYear.bs.totals.activa));
    await activa.getByRole('button', { name: 'Toon de rekeningen onder Liquide middelen' }).click();
    await expect.poll(() => text(activa)).toContain('1100 Bank betaalrekening');
    await activa.getByRole('button', { name: 'Toon de boekingen van rekening 1100' }).click();
    const postings = page.getByTestId('postings-1100');
    await expect.poll(() => text(postings)).toContain('Eindsaldo');
    expect(await text(postings)).toMatch(/BANK \d{4}-\d{4}/);
    await checkA11y(page);
    await shot('01-balance');
  });

  it('shows the income statement with this year, budget and last year', async () => {
    await page.getByRole('tab', { name: 'Staat van baten en lasten' }).click();
    await page.getByLabel('Boekjaar').selectOption(String(YEAR));
    const table = page.getByTestId('income-statement');
    await expect.poll(() => text(table.locator('thead'))).toContain(`Begroting ${YEAR}`);
    const head = await text(table.locator('thead'));
    expect(head).toContain(String(LAST));
    expect(await text(table.locator('tr[data-key="som_baten"]'))).toContain('€ 60.000,00');
    for (const label of ['Subsidiebaten', 'Giften en baten uit fondsenwerving', 'Som van de baten', 'Vrijwilligers', 'Som van de lasten']) expect(await text(table)).toContain(label);
    expect(await text(table.locator('tr[data-key="saldo"]'))).toContain(euro(lastYear.is.result.current));
    expect(await text(page.getByTestId('income-appropriation'))).toContain('Overige reserves');
    await checkA11y(page);
    await shot('02-income-statement');
  });

  it('shows the cash flow ending at the bank and cash balances', async () => {
    await page.locator('nav a[data-screen="cash-flow"]').click();
    await expect.poll(() => text(page.locator('main h1'))).toBe('Kasstroomoverzicht');
    await page.getByLabel('Boekjaar').selectOption(String(LAST));
    await expect.poll(() => text(page.getByTestId('cash-flow'))).toContain('Kasstroom uit operationele activiteiten');
    const liquid = lastYear.bs.activa.find((r) => r.key === 'liquide')!.current!;
    await expect.poll(() => text(page.getByTestId('cash-flow-closing'))).toContain(euro(liquid));
    await checkA11y(page);
    await shot('03-cash-flow');
  });

  it('shows the ANBI page (not an ANBI yet)', async () => {
    await page.locator('nav a[data-screen="anbi"]').click();
    await expect.poll(() => text(page.getByTestId('screen-anbi'))).toContain('niet als ANBI');
    await checkA11y(page);
  });

  it('closes last year in the wizard', async () => {
    await page.locator('nav a[data-screen="year-end"]').click();
    await expect.poll(() => text(page.locator('main h1'))).toBe('Boekjaar afsluiten');
    await expect.poll(() => page.getByLabel('Boekjaar').inputValue()).toBe(String(LAST));
    await expect.poll(() => text(page.getByTestId('year-end-wizard'))).toContain('Stap 1: klopt alles?');
    await checkA11y(page);
    await shot('04-year-end-check');
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await expect.poll(() => text(page.getByTestId('appropriation-remaining'))).toBe('Het hele saldo is verdeeld.');
    await page.getByLabel('Bedrag naar 0590 Overige reserves').fill('');
    await expect.poll(() => text(page.getByTestId('appropriation-remaining'))).toContain('Nog te verdelen');
    expect(await page.getByRole('button', { name: 'Volgende stap' }).isDisabled()).toBe(true);
    await page.getByLabel('Bedrag naar 0590 Overige reserves').fill(plain(formatEuro(BigInt(lastYear.is.result.current.replace('.', '')))).replace('€ ', ''));
    await expect.poll(() => text(page.getByTestId('appropriation-remaining'))).toBe('Het hele saldo is verdeeld.');
    await checkA11y(page);
    await shot('05-year-end-appropriation');
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByLabel(`Ik heb de cijfers gecontroleerd en wil ${LAST} afsluiten.`).check();
    await shot('06-year-end-confirm');
    await page.getByRole('button', { name: `Sluit ${LAST} af` }).click();
    await expect.poll(() => text(page.getByTestId('status-message'))).toMatch(new RegExp(`Boekjaar ${LAST} is afgesloten\\. De afsluitboeking is MEM ${LAST}-\\d{4}\\.`));
    await expect.poll(() => text(page.getByTestId('year-end-closed'))).toContain(`Boekjaar ${LAST} is afgesloten.`);
    await checkA11y(page);
    await shot('07-year-end-closed');
  });

  it('refuses posting into the closed year, beside the date', async () => {
    await page.locator('nav a[data-screen="money-in"]').click();
    await page.getByLabel('Datum').fill(`15-03-${LAST}`);
    await page.getByLabel('Wat is er gebeurd?').fill('Late gift');
    await page.getByLabel('Bedrag in euro').fill('10');
    await page.getByRole('radio', { name: /Giften van particulieren/ }).check();
    await page.getByRole('button', { name: 'Geld ontvangen boeken' }).click();
    const dateError = page.locator('#mf-in-date-error');
    await expect.poll(() => text(dateError)).toContain(`Boekjaar ${LAST} is afgesloten. U kunt niet meer boeken op 15-03-${LAST}.`);
    expect(await page.locator('#mf-in-date').getAttribute('aria-describedby')).toContain('mf-in-date-error');
    expect(await page.locator('#mf-in-date').getAttribute('aria-invalid')).toBe('true');
    await checkA11y(page);
    await shot('07b-year-closed-error');
  });

  it('the next year opens with last year-end balances, the result now in the reserves', async () => {
    await page.locator('nav a[data-screen="statements"]').click();
    await page.getByRole('tab', { name: 'Balans' }).click();
    await page.getByLabel('Boekjaar').selectOption(String(YEAR));
    const passiva = page.getByTestId('balance-passiva');
    await expect.poll(() => text(passiva)).toContain('Overige reserves');
    const reserves = await text(passiva.locator('tr[data-key="overige_reserves"]'));
    expect(reserves).toContain(euro(lastYear.is.result.current)); // the previous column: after appropriation
    expect(await text(passiva)).not.toContain('Resultaat eerdere boekjaren');
    // The bank's opening balance in the new year is last year's closing balance.
    const activa = page.getByTestId('balance-activa');
    await activa.getByRole('button', { name: 'Toon de rekeningen onder Liquide middelen' }).click();
    await activa.getByRole('button', { name: 'Toon de boekingen van rekening 1100' }).click();
    const bankEnd = lastYear.bs.activa.find((r) => r.key === 'liquide')!.accounts.find((a) => a.code === '1100')!.current;
    await expect.poll(() => text(page.getByTestId('postings-1100').locator('tbody tr').first())).toContain(`Beginsaldo${euro(bankEnd)}`);
    await shot('08-next-year-opening');
  });

  it('makes the PDF pack for the audit committee', async () => {
    await page.locator('nav a[data-screen="year-end"]').click();
    await page.getByLabel('Boekjaar').selectOption(String(LAST));
    const form = page.getByTestId('export-pdf');
    const pdf = await downloadFrom(page, () => form.getByRole('button', { name: 'Maak bestand' }).click(), dir);
    expect(path.basename(pdf)).toBe(`jaarrekening-${LAST}.pdf`);
    await expect.poll(() => text(page.getByTestId('status-message'))).toContain(`Gedownload: jaarrekening-${LAST}.pdf`);
    const r = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Jaarrekening ${LAST}`);
    expect(r.stdout).toContain('Verklaring van de kascommissie');
    expect(r.stdout).not.toContain('CONCEPT');
    await shot('09-exports');
  });

  it('reopens the year only with a reason', async () => {
    await page.getByRole('button', { name: `Heropen ${LAST}` }).click();
    await expect.poll(() => text(page.getByTestId('year-end-closed'))).toContain('minstens 10 tekens');
    await page.getByLabel('Waarom heropent u het jaar?').fill('Bon van de kookavond vergeten te boeken');
    await page.getByRole('button', { name: `Heropen ${LAST}` }).click();
    await expect.poll(() => text(page.getByTestId('status-message'))).toContain(`Boekjaar ${LAST} is weer open.`);
    await expect.poll(() => text(page.getByTestId('year-end-wizard'))).toContain('Stap 1');
    await shot('10-reopened');
    expect(consoleErrors).toEqual([]);
  });
});
