import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api';
import { Session } from '../../electron/session';
import { downloadFrom, checkA11y, goToScreen, requireRenderer, screenshot, startBrowserApp, tempDir, text } from './harness';

/**
 * Issue 5 end to end (browser mode): add a volunteer on bijstand, pay three times, hit the monthly
 * limit (the screen shows the block before saving, and saving is refused), look at the overview,
 * and print the yearly statement. axe on every screen; screenshots in tests/e2e/screenshots/.
 */

const RENDERER = requireRenderer();

const now = new Date();
const YEAR = now.getFullYear();
const TODAY_NL = `${String(now.getDate()).padStart(2, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${YEAR}`;

describe('volunteers UI (browser)', () => {
  let page: Page;
  let close: () => Promise<void>;
  const dir = tempDir('kassa-e2e-vol-');
  const file = path.join(dir, 'buurtkracht.kassa');
  const shot = (name: string) => screenshot(page, `volunteers-${name}`);

  beforeAll(async () => {
    const session = new Session();
    await dispatch(session, 'admin.create', { path: file, name: 'Stichting Buurtkracht', year: YEAR, iban: 'NL91ABNA0417164300', city: 'Rotterdam' });
    session.close();
    const app = await startBrowserApp({ file, rendererDir: RENDERER });
    page = app.page;
    close = () => app.close();
    page.setDefaultTimeout(15_000);
    await page.locator('nav a[data-screen="volunteers"]').waitFor();
  });

  afterAll(async () => {
    await close?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('adds a volunteer on bijstand', async () => {
    await goToScreen(page, 'volunteers');
    await expect.poll(() => text(page.locator('main h1'))).toBe('Vrijwilligers');
    await page.getByTestId('new-volunteer').click();
    await expect.poll(() => text(page.locator('main h1'))).toBe('Nieuwe vrijwilliger');
    await page.getByLabel('Naam', { exact: true }).fill('Fatima El Amrani');
    await page.getByLabel('Geboortedatum').fill('31-05-1980');
    await page.getByLabel('Straat en huisnummer').fill('Dorpsstraat 12');
    await page.getByLabel('Postcode').fill('3083 AB');
    await page.getByLabel('Plaats').fill('Rotterdam');
    await page.getByLabel('IBAN (rekeningnummer)').fill('NL02 ABNA 0123 4567 89');
    await page.getByLabel('Bijstand (gemeente)').check();
    await page.getByLabel('Notitie over de uitkering').fill('Gemeente Rotterdam');
    await checkA11y(page);
    await shot('01-person-form');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('#/volunteers');
    await expect.poll(() => text(page.getByTestId('volunteer-table'))).toContain('Fatima El Amrani');
    expect(await text(page.getByTestId('volunteer-table'))).toContain('Bijstand (gemeente)');
    await checkA11y(page);
    await shot('02-list');
  });

  async function pay(amount: string, description: string): Promise<void> {
    await page.getByLabel('Bedrag').fill(amount);
    await page.getByLabel('Waarvoor is het?').fill(description);
    await expect.poll(() => text(page.getByTestId('volunteer-check'))).toContain('Nog over in');
    await page.getByTestId('volunteer-pay-submit').click();
    await expect.poll(() => text(page.getByTestId('status-message'))).toContain(`Opgeslagen: € ${amount}`);
  }

  it('pays three times and shows the totals before saving', async () => {
    await page.getByRole('link', { name: 'Betalen: Fatima El Amrani' }).click();
    await expect.poll(() => text(page.locator('main h1'))).toBe('Vrijwilliger betalen');
    expect(await page.getByLabel('Datum van de betaling').inputValue()).toBe(TODAY_NL);
    const check = page.getByTestId('volunteer-check');
    await expect.poll(() => text(page.getByTestId('month-left'))).toBe('€ 220,00');
    // bijstand: the reminder to report every payment is shown before saving
    await expect.poll(() => text(check)).toContain('bijstandsuitkering');
    await checkA11y(page);
    await shot('03-pay-empty');

    await pay('100,00', 'Koken in het buurthuis');
    await expect.poll(() => text(page.getByTestId('month-left'))).toBe('€ 120,00');
    await pay('80,00', 'Huiswerkbegeleiding');
    await page.getByLabel('Onkostenvergoeding', { exact: true }).check();
    await page.getByLabel('Later betalen').check();
    await pay('30,00', 'Boodschappen kookmiddag');
    await expect.poll(() => text(page.getByTestId('month-left'))).toBe('€ 10,00');
    await shot('04-pay-three-done');
  });

  it('blocks a fourth payment over the monthly maximum, with the explanation', async () => {
    await page.getByLabel('Vergoeding voor inzet', { exact: true }).check();
    await page.getByLabel('Bedrag').fill('20,00');
    await page.getByLabel('Waarvoor is het?').fill('Extra middag');
    const blocked = page.getByTestId('volunteer-blocked');
    await expect.poll(() => text(blocked)).toContain('Deze betaling is te hoog voor');
    const msg = await text(blocked);
    expect(msg).toContain('€ 230,00');
    expect(msg).toContain('€ 220,00');
    expect(msg).toContain('Wat kunt u doen?');
    expect(msg).toContain('€ 10,00');
    await checkA11y(page);
    await shot('05-pay-blocked');
    await page.getByTestId('volunteer-pay-submit').click();
    // One message: the form points to the check beside it instead of repeating the red text.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('vpay-blocked');
    expect(await page.locator('#vpay-general').count()).toBe(0);
    expect(await page.locator('.vol-issue', { hasText: 'Deze betaling is te hoog' }).count()).toBe(1);
    await shot('06-pay-refused');
    // nothing was saved: the month still has € 10,00 left
    expect(await text(page.getByTestId('month-left'))).toBe('€ 10,00');
  });

  it('shows the overview with the warning colours', async () => {
    await goToScreen(page, 'volunteer-overview');
    const table = page.getByTestId('volunteer-overview-table');
    await expect.poll(() => text(table)).toContain('Fatima El Amrani');
    expect(await text(table)).toContain('€ 210,00');
    expect(await page.locator('td.vol-cell--warn80').count()).toBeGreaterThan(0);
    await checkA11y(page);
    await shot('07-overview');
  });

  it('pays the approved reimbursement with a SEPA payment file, then books it as paid', async () => {
    await goToScreen(page, 'volunteer-payout');
    const table = page.getByTestId('volunteer-payout-table');
    await expect.poll(() => text(table)).toContain('Boodschappen kookmiddag');
    await page.getByLabel('Kies alles').check();
    await checkA11y(page);
    const xml = await downloadFrom(page, () => page.getByRole('button', { name: 'Betaalbestand maken' }).click(), dir);
    await expect.poll(() => text(page.getByTestId('status-message'))).toContain('Het betaalbestand is gemaakt: 1 betaling van € 30,00');
    expect(fs.readFileSync(xml, 'utf8')).toContain('<InstdAmt Ccy="EUR">30.00</InstdAmt>');
    await shot('09-payout-file');
    await page.getByRole('button', { name: 'Boek als betaald' }).click();
    await expect.poll(() => text(page.getByTestId('status-message'))).toContain('Geboekt als betaald');
    await expect.poll(() => page.getByTestId('volunteer-payout-table').count()).toBe(0);
    await shot('10-payout-done');
  });

  it('shows the amounts per year in settings', async () => {
    await goToScreen(page, 'volunteer-limits');
    await expect.poll(() => text(page.getByTestId('volunteer-limits-table'))).toContain('€ 2.200,00');
    await checkA11y(page);
    await shot('11-limits');
  });

  it('prints the yearly statement', async () => {
    await goToScreen(page, 'volunteer-statements');
    await page.getByLabel('Eén vrijwilliger').check();
    await page.locator('#vst-person').selectOption({ label: 'Fatima El Amrani' });
    await checkA11y(page);
    const pdf = await downloadFrom(page, () => page.getByTestId('volunteer-statement-make').click(), dir);
    expect(path.basename(pdf)).toBe(`Jaaroverzicht vrijwilligersvergoeding ${YEAR} - Fatima El Amrani.pdf`);
    await expect.poll(() => text(page.getByTestId('volunteer-statement-files'))).toContain(path.basename(pdf));
    await shot('08-statement');
    const out = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
    for (const s of ['Fatima El Amrani', 'Koken in het buurthuis', 'Huiswerkbegeleiding', 'Boodschappen kookmiddag', '€ 100,00', '€ 80,00', '€ 30,00', '€ 220,00', 'bijstandsuitkering', 'Handtekening']) {
      expect(out).toContain(s);
    }
    expect(out).not.toContain('Extra middag');
  });
});
