/**
 * Issue 18 end to end in the real renderer (browser mode, system Chromium):
 * - a new administration goes from the wizard to its opening balance; a CAMT statement whose
 *   opening balance equals it is imported and the balance check agrees at once;
 * - a cash expense with a phone photo (HEIC, chosen) and a WebP (dropped on the form), then seen
 *   beside the entry and full size; "Alle boekingen" lists entries without a receipt.
 * axe on every screen; screenshots in tests/e2e/screenshots/receipts-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { camt, ING } from '../integration/bank/helpers';
import { type BrowserApp, checkA11y, e2eRenderer, e2eRendererBuilt, goToScreen, plain, screenshot, startBrowserApp, tempDir, text } from './harness';

const ready = e2eRendererBuilt();
if (!ready) console.log('dist/renderer/index.html not built: skipping the receipts e2e test (run npm run build)');
const FIX = path.resolve(__dirname, '../fixtures/receipts');
const YEAR = new Date().getFullYear();

const heading = (page: Page) => text(page.locator('main h1').first());
const status = (page: Page) => text(page.getByTestId('status-message'));

describe.skipIf(!ready)('opening balance and receipts in the browser', () => {
  let dir: string;
  let file: string;
  let app: BrowserApp;

  beforeAll(async () => {
    dir = tempDir('kassa-e2e-receipts-');
    file = path.join(dir, 'de-linde.kassa');
    app = await startBrowserApp({ rendererDir: e2eRenderer });
    app.page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await app?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the wizard leads to the opening balance; a CAMT statement starting that day agrees with the books', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Nieuwe administratie maken' }).click();
    await page.getByLabel('Naam van de stichting').fill('Stichting Buurthuis De Linde');
    await page.getByLabel('IBAN van de bankrekening').fill(ING);
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByRole('button', { name: 'Volgende' }).click();
    // Browser mode: the folder is chosen from the usual folders; a typed path is the advanced way.
    const typed = page.locator('details.open-admin__typed > summary', { hasText: 'Zelf een pad typen (voor gevorderden)' }).filter({ visible: true });
    await page.getByRole('textbox', { name: 'Bestand' }).or(typed).first().waitFor();
    if (await typed.count()) await typed.click();
    await page.getByRole('textbox', { name: 'Bestand' }).fill(file);
    await page.getByRole('button', { name: 'Administratie maken' }).click();

    // The guided step: the opening balance, with where to find it.
    await expect.poll(() => heading(page)).toBe('Beginbalans');
    expect(await text(page.locator('main'))).toContain('Uw administratie is gemaakt.');
    await page.getByText('Waar vind ik dit?').click();
    expect(await text(page.locator('main'))).toContain('het bankafschrift van de laatste dag van het jaar ervoor');
    await page.getByLabel(/^Bank betaalrekening \(1100/).fill('2.500,00');
    await page.getByLabel(/^Kas \(1000/).fill('85,20');
    await page.getByTestId('op-receivables-add').click();
    await page.locator('#op-receivables-0-description').fill('Wijkcentrum, huur december');
    await page.locator('#op-receivables-0-amount').fill('150,00');
    await page.locator('#op-receivables-0-amount').blur();
    await expect.poll(() => text(page.getByTestId('opening-equity-amount'))).toBe('Naar de reserve: € 2.735,20');
    expect(await page.getByLabel('Reserve').inputValue()).toBe('0590');
    await checkA11y(page);
    await screenshot(page, 'receipts-1-opening-balance');
    await page.getByTestId('opening-save').click();
    await expect.poll(() => status(page)).toContain(`De beginbalans is geboekt als MEM ${YEAR}-0001.`);
    await page.getByRole('button', { name: 'Naar het overzicht' }).click();
    await expect.poll(() => heading(page)).toBe('Overzicht');
    await expect.poll(() => text(page.getByTestId('dashboard-money'))).toContain('€ 2.500,00');
    expect(await text(page.getByTestId('dashboard-opening'))).toContain(`De beginbalans staat in de boeken (MEM ${YEAR}-0001)`);
    await checkA11y(page);
    await screenshot(page, 'receipts-2-dashboard');

    // The journal shows it as the opening balance.
    await goToScreen(page, 'journal');
    await expect.poll(() => text(page.getByTestId('journal-list'))).toContain('Beginbalans');

    // A statement from the bank, starting on the first day with the same balance.
    const statement = path.join(dir, 'afschrift-januari.xml');
    fs.writeFileSync(statement, camt({
      iban: ING, from: `${YEAR}-01-01`, to: `${YEAR}-01-31`, opening: 250000,
      lines: [{ date: `${YEAR}-01-06`, cents: -4500, name: 'Albert Heijn', text: 'Koffie en thee inloop' }],
    }));
    await goToScreen(page, 'bank-import');
    await page.getByTestId('bank-file').setInputFiles(statement);
    await page.getByTestId('bank-import-submit').click();
    await page.getByTestId('bank-balance-check').waitFor();
    const check = plain(await page.getByTestId('bank-balance-check').textContent());
    expect(check).toContain(`31-12-${YEAR - 1}`);
    expect(check.match(/€ 2\.500,00/g)?.length).toBe(2); // bank and books, the same
    expect(await text(page.locator('main'))).toContain('Begin- en eindsaldo kloppen met de boeken.');
    await checkA11y(page);
    await screenshot(page, 'receipts-3-camt-agrees');
  });

  it('a cash expense with a phone photo and a dropped WebP, seen beside the entry and full size', async () => {
    const page = app.page;
    await goToScreen(page, 'money-out');
    await page.getByLabel('Wat is er gebeurd?').fill('Verf voor de buurtmiddag');
    await page.getByLabel('Bedrag in euro').fill('12,40');
    await page.getByRole('radio', { name: /^Kas/ }).check();
    await page.getByRole('radio', { name: /Activiteiten/ }).check();
    // Chosen with the file picker: an iPhone photo (HEIC).
    await page.locator('#mf-out-receipt').setInputFiles(path.join(FIX, 'bon.heic'));
    // Dropped on the form: a WebP.
    const webp = fs.readFileSync(path.join(FIX, 'bon.webp')).toString('base64');
    const dt = await page.evaluateHandle((b64) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'kassabon.webp', { type: 'image/webp' }));
      return data;
    }, webp);
    await page.locator('#money-out').dispatchEvent('drop', { dataTransfer: dt });
    await expect.poll(() => text(page.getByTestId('mf-out-receipt-chosen'))).toContain('kassabon.webp');
    expect(await text(page.getByTestId('mf-out-receipt-chosen'))).toContain('bon.heic');
    await checkA11y(page);
    await screenshot(page, 'receipts-4-money-out-with-photo');
    await page.getByRole('button', { name: 'Geld uitgeven boeken' }).click();
    await expect.poll(() => status(page)).toContain(`Geboekt als KAS ${YEAR}-0001`);
    expect(await page.getByTestId('mf-out-receipt-chosen').count()).toBe(0);

    // In "Alle boekingen": the entry with its paperclip; open it and see the photos beside it.
    await goToScreen(page, 'journal');
    const row = page.getByTestId('journal-row').filter({ hasText: 'Verf voor de buurtmiddag' });
    await expect.poll(() => text(row)).toContain('2 bonnetjes');
    await row.click();
    const dialog = page.getByTestId('entry-dialog');
    const list = dialog.getByTestId('receipt-list');
    await expect.poll(() => list.locator('img').count()).toBe(2);
    // The HEIC photo was converted to JPEG and the browser really decoded it.
    const img = list.getByRole('img', { name: 'Bonnetje bon.jpg' });
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(64);
    expect(await img.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    await checkA11y(page);
    await screenshot(page, 'receipts-5-entry-with-receipts');
    await dialog.getByRole('button', { name: 'bon.jpg groot bekijken' }).click();
    const full = page.getByTestId('receipt-full');
    await expect.poll(() => full.getByRole('img', { name: 'Bonnetje bon.jpg' }).evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(64);
    await checkA11y(page);
    await screenshot(page, 'receipts-6-full-size');
    await full.getByRole('button', { name: 'Sluiten' }).click();
    await dialog.getByRole('button', { name: 'Sluiten' }).click();

    // Entries without a receipt: the new one is not there, a bank line booked without one is.
    await goToScreen(page, 'bank-inbox');
    await page.getByTestId('bank-choose').click();
    const assign = page.getByTestId('bank-assign-dialog');
    // The same plain-language categories as "Geld uitgeven" (costs for money out).
    await assign.locator('#assign-account-4200').check();
    await assign.getByTestId('assign-save-book').click();
    await expect.poll(() => status(page)).toContain('Geboekt: BANK');
    await goToScreen(page, 'journal');
    await page.getByLabel('Alleen boekingen zonder bonnetje').check();
    await expect.poll(() => text(page.getByTestId('journal-count'))).toMatch(/^1 boeking/);
    expect(await text(page.getByTestId('journal-list'))).toContain('Koffie en thee inloop');
    await page.getByLabel('Boven het bedrag').fill('50,00');
    await expect.poll(() => text(page.getByTestId('journal-count'))).toMatch(/^0 boekingen|^Geen/);
    await checkA11y(page);
    await screenshot(page, 'receipts-7-journal-without-receipt');
    expect(app.consoleErrors).toEqual([]);
  });
});
