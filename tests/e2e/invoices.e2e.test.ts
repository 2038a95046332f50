/**
 * Invoices end to end in the real renderer (browser mode, system Chromium): create a customer,
 * write and finalise an invoice, save its PDF, register the payment from the bank and see the
 * invoice leave the open items. Screenshots in tests/e2e/screenshots/invoices-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api';
import { Session } from '../../electron/session';
import { downloadFrom, rendererBuilt, screenshot, startBrowserApp, tempDir, type BrowserApp } from './harness';

const ready = rendererBuilt();
if (!ready) console.log('dist/renderer/index.html not built: skipping the invoices e2e test (run npm run build)');

describe.skipIf(!ready)('invoices in the browser', () => {
  let dir: string;
  let file: string;
  let app: BrowserApp;

  beforeAll(async () => {
    dir = tempDir('kassa-e2e-invoices-');
    file = path.join(dir, 'buurtkracht.kassa');
    const s = new Session();
    await dispatch(s, 'admin.create', {
      path: file, name: 'Stichting Buurtkracht Oost', year: new Date().getFullYear(), kvk: '12345678', iban: 'NL91ABNA0417164300',
      street: 'Dorpsstraat 12a', postcode: '3512 AB', city: 'Utrecht',
    });
    s.close();
    app = await startBrowserApp({ file });
  });

  afterAll(async () => {
    await app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('customer -> invoice -> final -> PDF -> paid from the bank -> gone from the open items', async () => {
    const page = app.page;
    const goto = async (hash: string) => {
      await page.evaluate((h) => { window.location.hash = h; }, hash);
    };

    // 1. A new customer.
    await goto('#/customers');
    await page.getByTestId('new-contact').click();
    await page.getByTestId('contact-name').fill('Gemeente Voorbeeldstad');
    await page.getByTestId('contact-street').fill('Stadhuisplein 1');
    await page.getByTestId('contact-postcode').fill('1234 ZZ');
    await page.getByTestId('contact-city').fill('Voorbeeldstad');
    await screenshot(page, 'invoices-1-customer');
    await page.getByTestId('contact-save').click();
    await expect.poll(() => page.getByTestId('contacts-table').textContent()).toContain('Gemeente Voorbeeldstad');

    // 2. An invoice, with the live preview.
    await goto('#/invoice-edit');
    await page.getByTestId('invoice-customer').selectOption({ label: 'Gemeente Voorbeeldstad (Voorbeeldstad)' });
    await page.getByTestId('line-0-description').fill('Begeleiding bewonersavond');
    await page.getByTestId('line-0-quantity').fill('3,5');
    await page.getByLabel('Regel 1: Prijs per stuk').fill('42,50');
    await expect.poll(() => page.getByTestId('preview-total').textContent()).toContain('148,75');
    // The real PDF of the unsaved draft, made by the app and framed from a blob: URL.
    const pdfFrame = page.getByTestId('invoice-pdf-preview');
    await pdfFrame.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await pdfFrame.getAttribute('src')).toMatch(/^blob:/);
    // The frame shows a document the browser received as application/pdf.
    await expect.poll(() => page.frames().some((f) => f.url().startsWith('blob:'))).toBe(true);
    await screenshot(page, 'invoices-2-editor');
    await page.getByTestId('finalise').click();
    // The app asks first, in its own dialog (a native confirm would close when the preview redraws).
    const confirm = page.getByTestId('finalise-confirm');
    await expect.poll(() => confirm.textContent()).toContain('Factuur definitief maken?');
    await confirm.getByRole('button', { name: 'Definitief maken' }).click();

    // 3. The final invoice: number, then its PDF.
    await expect.poll(() => page.getByTestId('screen-invoice').textContent(), { timeout: 15_000 }).toContain(`Factuur ${new Date().getFullYear()}-0001`);
    // A final invoice's PDF is named by its number, and comes as the browser's own download.
    const pdfPath = await downloadFrom(page, () => page.getByTestId('save-pdf').click(), dir);
    expect(path.basename(pdfPath)).toBe(`factuur-${new Date().getFullYear()}-0001.pdf`);
    expect(fs.readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await screenshot(page, 'invoices-3-final');

    // 4. It is open; the payment comes in on the bank.
    await goto('#/open-items');
    await expect.poll(() => page.getByTestId('open-total').textContent()).toContain('148,75');
    await screenshot(page, 'invoices-4-open-items');
    await page.getByRole('link', { name: `${new Date().getFullYear()}-0001` }).click();
    await page.getByTestId('register-payment').click();
    await page.getByTestId('payment-submit').click();
    await expect.poll(() => page.getByTestId('invoice-open').textContent(), { timeout: 15_000 }).toContain('0,00');
    await screenshot(page, 'invoices-5-paid');

    // 5. Gone from the open items.
    await goto('#/open-items');
    await expect.poll(() => page.getByTestId('open-total').textContent()).toContain('0,00');
    await expect(page.getByTestId('open-empty').isVisible()).resolves.toBe(true);
    await screenshot(page, 'invoices-6-nothing-open');
    expect(app.consoleErrors).toEqual([]);
  });
});
