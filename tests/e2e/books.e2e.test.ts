import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronBinaryPath, expectNewStatus, goToScreen, rendererBuilt, screenshot, startBrowserApp, startElectronApp, tempDir } from './harness';

/**
 * The books screens end to end: the wizard, money in and out, a transfer, a manual entry and its
 * reversal, the journal list, ledger, trial balance, chart of accounts and settings, a closed year,
 * the practice administration. axe runs on every screen; a screenshot of each lands in
 * tests/e2e/screenshots/.
 */

type Mode = 'browser' | 'electron';

const electronPath = electronBinaryPath();
const modes: Mode[] = ['browser'];
if (electronPath) modes.push('electron');
else console.log('[books.e2e] Electron run skipped: no Electron binary on disk (node_modules/electron/dist is missing; set ELECTRON_OVERRIDE_DIST_PATH to use one).');

if (!rendererBuilt()) throw new Error('dist/renderer is missing: run `npm run build:node && npm run build:renderer` first.');

const YEAR = new Date().getFullYear();
const axeSummary: string[] = [];

/** axe on the page as it is now; no serious or critical violations allowed. */
async function checkA11y(page: Page, name: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = result.violations.filter((v) => !bad.includes(v));
  axeSummary.push(
    `${name}: ${bad.length} serious/critical, ${minor.length} minor${minor.length ? ` (${minor.map((v) => `${v.id}/${v.impact}`).join(', ')})` : ''}, ${result.passes.length} rules passed`,
  );
  expect(bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}


/** Text of an element with non-breaking spaces (Intl puts one after the euro sign) made plain. */
async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ');
}

/** Every element matched is one line of text high (nothing wrapped onto a second line). */
async function expectSingleLines(page: Page, selector: string): Promise<void> {
  const wrapped = await page.evaluate((sel) => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      const range = document.createRange();
      range.selectNodeContents(el);
      const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.5;
      if (range.getBoundingClientRect().height > lineHeight * 1.5) out.push(el.textContent ?? '');
    }
    return out;
  }, selector);
  expect(await page.locator(selector).count()).toBeGreaterThan(0);
  expect(wrapped).toEqual([]);
}

async function heading(page: Page): Promise<string> {
  return text(page.locator('main h1').first());
}

async function statusText(page: Page): Promise<string> {
  return text(page.getByTestId('status-message'));
}

describe.each(modes)('books UI (%s)', (mode) => {
  let page: Page;
  let close: () => Promise<void>;
  let consoleErrors: string[] = [];
  const dir = tempDir('kassa-e2e-books-');
  const file = path.join(dir, 'buurthuis-de-linde.kassa');
  const shot = (name: string) => screenshot(page, `${mode}-${name}`);

  beforeAll(async () => {
    const app = mode === 'browser' ? await startBrowserApp() : await startElectronApp();
    page = app.page;
    consoleErrors = app.consoleErrors;
    close = () => app.close();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await close?.();
    fs.rmSync(dir, { recursive: true, force: true });
    if (mode === modes[modes.length - 1]) console.log(`[books.e2e] axe results:\n  ${axeSummary.join('\n  ')}`);
  });

  it('welcomes the user and creates an administration through the wizard', async () => {
    await expect.poll(() => heading(page)).toBe('Welkom bij Kijk op de Kassa');
    await checkA11y(page, `${mode} welcome`);
    await shot('01-welcome');

    await page.getByRole('button', { name: 'Nieuwe administratie maken' }).click();
    // Step 1 refuses an empty name, in Dutch, beside the field.
    await page.getByRole('button', { name: 'Volgende' }).click();
    const nameError = page.locator('#new-name-error');
    await expect.poll(() => text(nameError)).toContain('Vul de naam van de stichting in.');
    expect(await page.locator('#new-name').getAttribute('aria-describedby')).toContain('new-name-error');
    await page.getByLabel('Naam van de stichting').fill('Stichting Buurthuis De Linde');
    await page.getByLabel('KvK-nummer').fill('12345678');
    await page.getByLabel('IBAN van de bankrekening').fill('NL91 ABNA 0417 1643 00');
    await checkA11y(page, `${mode} wizard step 1`);
    await shot('02-wizard-1-organisation');
    await page.getByRole('button', { name: 'Volgende' }).click();

    await expect.poll(() => page.getByRole('textbox', { name: 'Boekjaar' }).inputValue()).toBe(String(YEAR));
    await page.getByRole('button', { name: 'Volgende' }).click();

    await page.getByRole('radio', { name: 'Geen btw' }).check();
    await checkA11y(page, `${mode} wizard step 3 (btw)`);
    await shot('03-wizard-3-vat');
    await page.getByRole('button', { name: 'Volgende' }).click();

    // Browser mode: the folder is chosen from the usual folders; a typed path is the advanced way.
    const typed = page.locator('details.open-admin__typed > summary', { hasText: 'Zelf een pad typen (voor gevorderden)' }).filter({ visible: true });
    await page.getByRole('textbox', { name: 'Bestand' }).or(typed).first().waitFor();
    if (await typed.count()) await typed.click();
    await page.getByRole('textbox', { name: 'Bestand' }).fill(file);
    await checkA11y(page, `${mode} wizard step 4 (opslaan)`);
    await shot('04-wizard-4-save');
    await page.getByRole('button', { name: 'Administratie maken' }).click();

    // A new administration goes on to its opening balance; it can be done later.
    await expect.poll(() => heading(page)).toBe('Beginbalans');
    await page.getByRole('button', { name: 'Later invullen' }).click();
    await expect.poll(() => heading(page)).toBe('Overzicht');
    expect(await text(page.getByTestId('org-name'))).toBe('Stichting Buurthuis De Linde');
    expect(fs.existsSync(file)).toBe(true);
    expect(await page.getByTestId('practice-banner').count()).toBe(0);
  });

  it('shows the dashboard', async () => {
    await expect.poll(() => text(page.getByTestId('dashboard-money'))).toContain('Bank betaalrekening');
    await checkA11y(page, `${mode} dashboard (empty)`);
    await shot('05-dashboard-empty');
  });

  it('records money received, with the two-sided entry shown beside the form', async () => {
    await goToScreen(page, 'money-in');
    await expect.poll(() => heading(page)).toBe('Geld ontvangen');
    // Dutch client-side checks first: a wrong amount is explained beside the field.
    await page.getByLabel('Wat is er gebeurd?').fill('Gift van mevrouw Jansen');
    await page.getByLabel('Bedrag in euro').fill('twaalf');
    await page.getByRole('radio', { name: /Giften van particulieren/ }).check();
    await page.getByRole('button', { name: 'Geld ontvangen boeken' }).click();
    await expect.poll(() => text(page.locator('#mf-in-amount-error'))).toContain('Dit is geen goed bedrag');
    expect(await page.locator('#mf-in-amount').getAttribute('aria-describedby')).toContain('mf-in-amount-error');

    await page.getByLabel('Bedrag in euro').fill('1.250,50');
    await page.getByLabel('Bedrag in euro').blur();
    const preview = page.getByTestId('booking-preview');
    await expect.poll(() => text(preview)).toContain('€ 1.250,50');
    const rows = preview.locator('tbody tr');
    expect(await text(rows.nth(0))).toContain('1100');
    expect(await text(rows.nth(0).locator('td').nth(1))).toBe('€ 1.250,50'); // debit: bank
    expect(await text(rows.nth(1))).toContain('8000');
    expect(await text(rows.nth(1).locator('td').nth(2))).toBe('€ 1.250,50'); // credit: gift
    await checkA11y(page, `${mode} money-in (with error)`);
    await shot('06-money-in');

    await page.getByRole('button', { name: 'Geld ontvangen boeken' }).click();
    await expect.poll(() => statusText(page)).toMatch(/Geboekt als BANK \d{4}-0001/);
    expect(await page.getByLabel('Wat is er gebeurd?').inputValue()).toBe('');
  });

  it('records money spent', async () => {
    await goToScreen(page, 'money-out');
    await expect.poll(() => heading(page)).toBe('Geld uitgeven');
    await page.getByLabel('Wat is er gebeurd?').fill('Verf en kwasten voor de buurtmiddag');
    await page.getByLabel('Bedrag in euro').fill('23,95');
    await page.getByRole('radio', { name: /^Kas/ }).check();
    await page.getByRole('radio', { name: /^Materialen/ }).check();
    const preview = page.getByTestId('booking-preview');
    await expect.poll(() => text(preview.locator('tbody tr').nth(0))).toContain('4300');
    expect(await text(preview.locator('tbody tr').nth(1))).toContain('1000');
    await checkA11y(page, `${mode} money-out`);
    await shot('07-money-out');
    await page.getByRole('button', { name: 'Geld uitgeven boeken' }).click();
    await expect.poll(() => statusText(page)).toMatch(/Geboekt als KAS \d{4}-0001: € 23,95 uitgegeven/);
  });

  it('moves money between own accounts', async () => {
    await goToScreen(page, 'transfer');
    await expect.poll(() => heading(page)).toBe('Geld overboeken');
    await page.getByLabel('Wat is er gebeurd?').fill('Wisselgeld voor de kas');
    await page.getByLabel('Bedrag in euro').fill('100');
    await page.getByRole('group', { name: 'Waar ging het geld vandaan?' }).getByRole('radio', { name: /Bank betaalrekening/ }).check();
    await page.getByRole('group', { name: 'Waar ging het geld naartoe?' }).getByRole('radio', { name: /^Kas/ }).check();
    await checkA11y(page, `${mode} transfer`);
    await shot('08-transfer');
    await page.getByRole('button', { name: 'Overboeking boeken' }).click();
    await expect.poll(() => statusText(page)).toMatch(/Geboekt als KAS \d{4}-0002: € 100,00 overgeboekt/);
  });

  it('posts a balanced manual entry and refuses an unbalanced one', async () => {
    await goToScreen(page, 'manual-entry');
    await expect.poll(() => heading(page)).toBe('Zelf boeken met debet en credit');
    const post = page.getByRole('button', { name: 'Boeken', exact: true });

    await page.getByLabel('Omschrijving', { exact: true }).fill('Bankkosten januari');
    await page.getByLabel('Regel 1: rekening').selectOption('4610');
    await page.getByLabel('Regel 1: debet').fill('7,50');
    await page.getByLabel('Regel 2: rekening').selectOption('1100');
    await page.getByLabel('Regel 2: credit').fill('7,00');
    // Not balanced: the button stays disabled and the difference is explained.
    expect(await post.isDisabled()).toBe(true);
    await expect.poll(() => text(page.getByTestId('manual-balance'))).toContain('Nog niet in evenwicht: er mist € 0,50 bij credit.');
    expect(await text(page.getByTestId('manual-difference'))).toBe('€ 0,50');

    // Forced through anyway (the form submitted without the button): the books refuse, in Dutch.
    await page.locator('form#manual-entry').evaluate((f) => (f as HTMLFormElement).requestSubmit());
    const linesError = page.locator('#me-lines-error');
    await expect.poll(() => text(linesError)).toContain('De boeking is niet in evenwicht. Debet is € 7,50, credit is € 7,00.');
    expect(await page.getByTestId('manual-lines').getAttribute('aria-describedby')).toContain('me-lines-error');
    await checkA11y(page, `${mode} manual-entry (unbalanced)`);
    await shot('09-manual-entry-unbalanced');

    await page.getByLabel('Regel 2: credit').fill('7,50');
    await expect.poll(() => post.isDisabled()).toBe(false);
    expect(await text(page.getByTestId('manual-balance'))).toContain('In evenwicht');
    await shot('10-manual-entry-balanced');
    await post.click();
    await expect.poll(() => statusText(page)).toMatch(/Geboekt als BANK \d{4}-0002\./);
    expect(await page.getByLabel('Regel 1: debet').inputValue()).toBe('');
  });

  it('lists entries (virtualized), opens one and reverses it', async () => {
    await goToScreen(page, 'journal');
    const list = page.getByTestId('journal-list');
    await expect.poll(() => list.getAttribute('data-ready')).toBe('true');
    await expect.poll(() => page.getByTestId('journal-row').count()).toBe(4);
    expect(await text(page.getByTestId('journal-count'))).toBe('4 boekingen');
    await checkA11y(page, `${mode} journal`);
    await shot('11-journal');

    // Keyboard: the list is one tab stop; Enter opens the active (newest) entry.
    await list.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('entry-dialog');
    await expect.poll(() => text(dialog.getByTestId('entry-lines'))).toContain('Bankkosten');
    await checkA11y(page, `${mode} entry detail`);
    await shot('12-entry-detail');

    await dialog.getByRole('button', { name: 'Tegenboeken' }).click();
    await expect.poll(() => text(dialog)).toContain('debet wordt credit en credit wordt debet');
    await checkA11y(page, `${mode} reverse confirmation`);
    await shot('13-reverse-confirm');
    await dialog.getByRole('button', { name: 'Ja, tegenboeken' }).click();
    await expect.poll(() => statusText(page)).toMatch(/BANK \d{4}-0002 is tegengeboekt met BANK \d{4}-0003\./);
    await expect.poll(() => page.getByTestId('journal-row').count()).toBe(5);
    await expect.poll(() => text(list)).toContain('Tegengeboekt');

    // Filtering by text goes back to the server.
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('Gift');
    await expect.poll(() => text(page.getByTestId('journal-count'))).toBe('1 boeking');
    await page.getByRole('button', { name: 'Alles wissen' }).click();
    await expect.poll(() => text(page.getByTestId('journal-count'))).toBe('5 boekingen');
  });

  it('shows the general ledger of an account', async () => {
    await goToScreen(page, 'ledger');
    await page.getByLabel('Rekening', { exact: true }).selectOption('1100');
    const table = page.getByTestId('ledger-table');
    await expect.poll(() => text(table)).toContain('Gift van mevrouw Jansen');
    // 1250.50 in, 100 out to cash, 7.50 bank costs and its reversal: 1150.50.
    expect(await text(table.locator('tfoot td').last())).toBe('€ 1.150,50');
    await checkA11y(page, `${mode} ledger`);
    await shot('14-ledger');
  });

  it('shows a trial balance that is in balance', async () => {
    await goToScreen(page, 'trial-balance');
    const status = page.getByTestId('trial-balance-status');
    await expect.poll(() => status.getAttribute('data-balanced')).toBe('true');
    expect(await text(status)).toContain('In evenwicht');
    const debit = await text(page.getByTestId('trial-total-debit'));
    expect(debit).toBe(await text(page.getByTestId('trial-total-credit')));
    expect(debit).toBe('€ 1.389,45'); // 1250.50 + 23.95 + 100 + 7.50 + 7.50
    // Opening and closing balance per account, with their side (one year: nothing opens).
    const bank = page.getByTestId('trial-balance-table').locator('tbody tr', { hasText: '1100' });
    expect(await text(bank.getByTestId('trial-opening'))).toBe('€ 0,00');
    expect(await text(bank.getByTestId('trial-closing'))).toBe('€ 1.150,50 debet');
    await checkA11y(page, `${mode} trial balance`);
    await shot('15-trial-balance');
  });

  it('manages the chart of accounts', async () => {
    await goToScreen(page, 'accounts');
    await expect.poll(() => heading(page)).toBe('Rekeningschema');
    await page.getByRole('button', { name: 'Nieuwe rekening' }).click();
    await page.getByLabel('Nummer').fill('4250');
    await page.getByLabel('Naam', { exact: true }).fill('Buurtfeest');
    await checkA11y(page, `${mode} new account dialog`);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => statusText(page)).toContain('Rekening 4250 Buurtfeest is gemaakt.');
    // An account with postings is archived, never deleted.
    await expect.poll(() => page.getByRole('button', { name: 'Rekening 4250 Buurtfeest verwijderen' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Rekening 4300 Materialen archiveren' }).count()).toBe(1);
    // Every default account shows its RGS code; a new one has none until it is given one.
    expect(await text(page.getByTestId('accounts-asset').locator('tr', { hasText: '1000' }).getByTestId('account-rgs'))).toBe('BLimKasKas');
    const feest = page.getByTestId('accounts-expense').locator('tr', { hasText: '4250' });
    expect(await text(feest.getByTestId('account-rgs'))).toBe('geen');
    await page.getByRole('button', { name: 'Rekening 4250 Buurtfeest wijzigen' }).click();
    await page.getByLabel('RGS-code').fill('buurtfeest');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByText(/Een RGS-code begint met B/).count()).toBeGreaterThan(0);
    await page.getByLabel('RGS-code').fill('WBedAlk');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => statusText(page)).toContain('Rekening 4250 Buurtfeest is gewijzigd.');
    await expect.poll(() => text(feest.getByTestId('account-rgs'))).toBe('WBedAlk');
    await checkA11y(page, `${mode} accounts`);
    await shot('16-accounts');
  });

  it('keeps a manual entry as a draft and finishes it later', async () => {
    await goToScreen(page, 'manual-entry');
    await page.getByLabel('Omschrijving', { exact: true }).fill('Huur maart, nog niet betaald');
    await page.getByLabel('Regel 1: rekening').selectOption('4100');
    await page.getByLabel('Regel 1: debet').fill('150');
    await page.getByRole('button', { name: 'Bewaren als concept' }).click();
    await expect.poll(() => statusText(page)).toContain('Het concept is bewaard.');

    await goToScreen(page, 'journal');
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('Huur maart');
    await expect.poll(() => text(page.getByTestId('journal-count'))).toBe('1 boeking');
    await page.getByTestId('journal-row').first().click();
    await page.getByTestId('entry-dialog').getByRole('button', { name: 'Concept verder maken' }).click();
    await expect.poll(() => heading(page)).toBe('Concept verder maken');
    expect(await page.getByLabel('Regel 1: debet').inputValue()).toBe('150,00');
    await page.getByLabel('Regel 2: rekening').selectOption('1600');
    await page.getByLabel('Regel 2: credit').fill('150');
    await page.getByRole('button', { name: 'Boeken', exact: true }).click();
    await expect.poll(() => statusText(page)).toMatch(/Geboekt als MEM \d{4}-0001\./);
  });

  it('changes settings, opens the next year, and refuses to close the current year before its last day', async () => {
    await goToScreen(page, 'settings');
    await expect.poll(() => heading(page)).toBe('Instellingen');
    await checkA11y(page, `${mode} settings`);
    await shot('17-settings');

    // A KvK number typed by mistake can be removed again: emptied and saved, it stays empty.
    const kvk = page.getByLabel('KvK-nummer');
    expect(await kvk.inputValue()).toBe('12345678');
    await kvk.fill('');
    await page.getByRole('button', { name: 'Gegevens opslaan' }).click();
    await expect.poll(() => statusText(page)).toContain('De gegevens van de stichting zijn opgeslagen.');
    await goToScreen(page, 'dashboard');
    await goToScreen(page, 'settings');
    await expect.poll(() => page.getByLabel('KvK-nummer').inputValue()).toBe('');

    await page.getByRole('button', { name: `Boekjaar ${YEAR + 1} openen` }).click();
    await expect.poll(() => statusText(page)).toContain(`Boekjaar ${YEAR + 1} is geopend.`);
    // Closing goes through the year-end wizard, checks first. A year is closed only after its last
    // day (money can still come in until then): this administration's year is the current one, so
    // step 1 says so and the next step stays shut. The whole close is in statements.e2e (last year).
    await page.getByRole('link', { name: `Boekjaar ${YEAR} afsluiten` }).click();
    await page.locator('main[data-screen="year-end"]').waitFor();
    await expect.poll(() => page.getByLabel('Boekjaar').inputValue()).toBe(String(YEAR));
    await expect.poll(() => text(page.getByTestId('year-end-wizard'))).toContain('Stap 1: klopt alles?');
    await expect.poll(() => text(page.getByTestId('year-end-wizard'))).toContain(`Boekjaar ${YEAR} loopt nog tot en met 31-12-${YEAR}.`);
    expect(await text(page.getByTestId('year-end-wizard'))).toContain('Los eerst de punten met een rood uitroepteken op.');
    expect(await page.getByRole('button', { name: 'Volgende stap' }).isDisabled()).toBe(true);
    await checkA11y(page, `${mode} close year refused before its last day`);
    await shot('18-close-year-not-over');
  });

  it('switches the language to English and back', async () => {
    await goToScreen(page, 'settings');
    await page.getByLabel('Taal', { exact: true }).selectOption('en');
    await expect.poll(() => heading(page)).toBe('Settings');
    expect(await text(page.locator('nav a[data-screen="money-in"]'))).toBe('Money received');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await shot('20-settings-english');
    await page.getByLabel('Language', { exact: true }).selectOption('nl');
    await expect.poll(() => heading(page)).toBe('Instellingen');
  });

  it('opens the practice administration, clearly marked', async () => {
    await page.getByRole('button', { name: 'Andere administratie' }).click();
    await expect.poll(() => heading(page)).toBe('Welkom bij Kijk op de Kassa');
    // The file we just made is in the recent list.
    await expect.poll(() => text(page.getByRole('region', { name: 'Laatst geopend' }))).toContain('buurthuis-de-linde.kassa');
    await page.getByRole('button', { name: 'Oefenadministratie openen' }).click();
    const banner = page.getByTestId('practice-banner');
    await expect.poll(() => banner.count()).toBe(1);
    expect(await text(banner)).toContain('Oefenadministratie — dit zijn niet uw echte boeken');
    await checkA11y(page, `${mode} practice dashboard`);
    await shot('21-practice-dashboard');
    await goToScreen(page, 'money-out');
    expect(await banner.isVisible()).toBe(true);
  });

  it('pages the general ledger of a busy year: newest first, a month, any date (issue 18)', async () => {
    // The practice administration has two years of demo entries before this one.
    const last = YEAR - 1;
    await goToScreen(page, 'ledger');
    await page.getByLabel('Rekening', { exact: true }).selectOption('1100');
    await page.getByLabel('Boekjaar', { exact: true }).selectOption(String(last));
    const table = page.getByTestId('ledger-table');
    const dates = async () =>
      (await table.getByTestId('ledger-row').locator('td:first-child').allTextContents()).map((d) => d.split('-').reverse().join('-'));
    await expect.poll(async () => (await dates()).length).toBeGreaterThan(5);
    expect(await table.getAttribute('data-order')).toBe('newest');
    const newestFirst = await dates();
    expect(newestFirst).toEqual([...newestFirst].sort().reverse());
    expect(newestFirst[0]! >= `${last}-06-01`).toBe(true);

    // One month only.
    await page.getByLabel('Maand', { exact: true }).selectOption(`${last}-03-01`);
    await expect.poll(async () => (await dates()).every((d) => d.startsWith(`${last}-03`))).toBe(true);
    expect((await dates()).length).toBeGreaterThan(0);
    await shot('22-ledger-month');

    // The whole year again, from a date: lines on or before it, then the newer ones above it.
    await page.getByLabel('Maand', { exact: true }).selectOption('');
    await page.getByLabel('Ga naar datum', { exact: true }).fill(`15-05-${last}`);
    await expect.poll(async () => (await dates())[0]! <= `${last}-05-15`).toBe(true);
    const beforeDate = await dates();
    expect(beforeDate).toEqual([...beforeDate].sort().reverse());
    await page.getByTestId('ledger-newer').click();
    await expect.poll(async () => (await dates()).at(-1)! >= beforeDate[0]!).toBe(true);
    // Dates, numbers and amounts stay on one line.
    await expectSingleLines(page, '[data-testid="ledger-row"] td.nowrap');
    // A full page of 100 lines: the rows below the window follow the first paint (useStagedRows),
    // and the page's opening balance comes last, under the oldest line.
    await page.getByLabel('Ga naar datum', { exact: true }).fill('');
    await expect.poll(() => page.getByTestId('ledger-older').isEnabled()).toBe(true);
    await expect.poll(() => table.getByTestId('ledger-row').count()).toBe(100);
    expect(await table.locator('tbody tr').last().getAttribute('data-testid')).toBe('ledger-page-opening');
    await checkA11y(page, `${mode} ledger paged`);
    await shot('23-ledger-from-date');
  });

  it('lets the journal fill a 1366×768 window with one scrollbar, dates and numbers on one line (issue 18)', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await goToScreen(page, 'journal');
    const list = page.getByTestId('journal-list');
    await expect.poll(() => list.getAttribute('data-ready')).toBe('true');
    // A treasurer reads the screen's tip once and puts it away.
    const gotIt = page.getByRole('button', { name: 'Begrepen' });
    if (await gotIt.isVisible()) await gotIt.click();
    await expect.poll(() => gotIt.count()).toBe(0);
    const m = await page.evaluate(async () => {
      // The list refits in the frame after the tip has gone (ResizeObserver): measure after it.
      for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
      const el = document.querySelector('[data-testid="journal-list"]')!;
      const keys = document.getElementById('journal-keys')!;
      const main = document.querySelector('main')!;
      return {
        pageScrolls: document.documentElement.scrollHeight > window.innerHeight || main.scrollHeight > main.clientHeight,
        listScrolls: el.scrollHeight > el.clientHeight,
        listHeight: el.clientHeight,
        gapBelow: window.innerHeight - keys.getBoundingClientRect().bottom,
      };
    });
    await shot('24-journal-1366x768');
    expect(m.pageScrolls, 'the page itself must not scroll beside the list').toBe(false);
    expect(m.listScrolls).toBe(true);
    expect(m.listHeight).toBeGreaterThanOrEqual(4 * 56);
    expect(m.gapBelow).toBeLessThan(40);
    await expectSingleLines(page, '[data-testid="journal-row"] .vrow__date, [data-testid="journal-row"] .vrow__ref, [data-testid="journal-row"] .vrow__amount');
    await checkA11y(page, `${mode} journal 1366x768`);

    // Only the rows in and near the window are drawn (useFixedRows); the keys walk the whole list,
    // asking for each page of 100 entries as its rows come into view.
    const total = Number(await list.getAttribute('data-total'));
    expect(total).toBeGreaterThan(100);
    expect(await page.locator('[data-testid="journal-list"] [role="option"]').count()).toBeLessThan(60);
    await list.focus();
    await page.keyboard.press('End');
    const last = page.locator(`#jr-${total - 1}`);
    await expect.poll(() => last.getAttribute('data-testid')).toBe('journal-row');
    expect(await list.getAttribute('aria-activedescendant')).toBe(`jr-${total - 1}`);
    expect(await last.getAttribute('aria-posinset')).toBe(String(total));
    expect(await page.evaluate(() => document.querySelector('#jr-0'))).toBeNull();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => list.getAttribute('aria-activedescendant')).toBe(`jr-${total - 2}`);
    await page.keyboard.press('Home');
    await expect.poll(() => list.getAttribute('aria-activedescendant')).toBe('jr-0');
    expect(await list.evaluate((el) => el.scrollTop)).toBe(0);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => list.getAttribute('aria-activedescendant')).toBe('jr-1');
  });

  it('draws a screen seen before at once, and never a figure from before a change (issue 18)', async () => {
    const cents = (euro: string) => Number(euro.replace(/[^\d,-]/g, '').replace(',', ''));
    await goToScreen(page, 'trial-balance');
    const debit = page.getByTestId('trial-total-debit');
    await expect.poll(() => text(debit)).toMatch(/€/);
    const before = await text(debit);
    // Away and back: the kept answer is there in the screen's first render, no "Laden…" first.
    await goToScreen(page, 'dashboard');
    await goToScreen(page, 'trial-balance');
    expect(await text(debit)).toBe(before);

    // A change elsewhere, then back: the old total must not show, not even for one frame.
    await goToScreen(page, 'money-out');
    await page.getByLabel('Wat is er gebeurd?').fill('Koffie voor de vrijwilligers');
    await page.getByLabel('Bedrag in euro').fill('10,00');
    await page.getByRole('radio', { name: /^Kas/ }).check();
    await page.getByRole('radio', { name: /^Materialen/ }).check();
    await expectNewStatus(page, () => page.getByRole('button', { name: 'Geld uitgeven boeken' }).click(), /Geboekt als KAS/);
    await page.evaluate(() => {
      const w = window as unknown as { __totals: string[] };
      w.__totals = [];
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="trial-total-debit"]');
        if (el?.textContent && w.__totals[w.__totals.length - 1] !== el.textContent) w.__totals.push(el.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await goToScreen(page, 'trial-balance');
    await expect.poll(async () => cents(await text(debit))).toBe(cents(before) + 1000);
    const shown = await page.evaluate(() => (window as unknown as { __totals: string[] }).__totals);
    expect(shown.map((t) => t.replace(/\s+/g, ' ').trim())).not.toContain(before);
  });

  it('logged no errors in the page console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
