/**
 * Issue 8 end to end in the real renderer (browser mode, system Chromium): import a CAMT.053 file
 * through the file picker, make two rules, accept all suggestions, book them, match an open
 * invoice, assign one line by hand in the dialog, and see bank and books agree on the
 * reconciliation screen. axe on every screen; screenshots in tests/e2e/screenshots/bank-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api';
import { Session } from '../../electron/session';
import { camt, ING } from '../integration/bank/helpers';
import type { Call } from '../integration/helpers';
import { type BrowserApp, checkA11y, e2eRenderer, e2eRendererBuilt, plain, screenshot, startBrowserApp, tempDir } from './harness';

const RENDERER = e2eRenderer;
const ready = e2eRendererBuilt();
if (!ready) console.log('dist/renderer/index.html not built: skipping the bank e2e test (run npm run build)');

describe.skipIf(!ready)('bank statements in the browser', () => {
  let dir: string;
  let file: string;
  let statement: string;
  let app: BrowserApp;
  let invoiceNumber: string;
  let february: string;
  let march: string;

  beforeAll(async () => {
    dir = tempDir('kassa-e2e-bank-');
    file = path.join(dir, 'buurtkracht.kassa');
    const s = new Session();
    const call: Call = (m, i) => dispatch(s, m, i ?? {}) as Promise<never>;
    await call('admin.create', {
      path: file, name: 'Stichting Buurtkracht Oost', year: 2026, kvk: '12345678', iban: ING, street: 'Dorpsstraat 12a', postcode: '3512 AB', city: 'Utrecht',
    });
    // An open invoice that the statement pays, with its number in the description.
    const c = await call('contacts.create', { kind: 'customer', name: 'Wijkcentrum De Kroon', city: 'Utrecht', street: 'Kroonplein 1', postcode: '3511 AA' });
    const d = await call('invoices.saveDraft', {
      kind: 'sales', contact: c.id, issueDate: '2026-01-02', lines: [{ description: 'Coaching bewonersavond', quantity: '1', unitPrice: '150.00' }],
    });
    const f = await call('invoices.finalise', { id: d.id });
    invoiceNumber = f.number;
    // A grant with budget lines, for a February payment assigned to one of them by hand.
    const fund = await call('funds.create', { name: 'Oranje Fonds', fundType: 'fund' });
    await call('grants.create', {
      fund: fund.id, project: 'Taalcafé De Brug', status: 'awarded', applied: '1500.00', awarded: '1500.00', startDate: '2026-01-01', endDate: '2026-12-31',
      budgetLines: [{ name: 'Huur', amount: '1000.00', accounts: ['4100'] }, { name: 'Lesmateriaal', amount: '500.00', accounts: ['4300'] }],
    });
    // A volunteer who already got € 200 of the € 220 for March, paid from the cash box.
    const fatima = await call('persons.create', { name: 'Fatima El Amrani', birthDate: '1980-04-02' });
    await call('volunteers.pay', { person: fatima.id, date: '2026-03-05', amount: '200.00', kind: 'fee', description: 'Koken maart', payFrom: '1000' });
    s.close();
    statement = path.join(dir, 'afschrift-januari.xml');
    fs.writeFileSync(statement, camt({
      from: '2026-01-01', to: '2026-01-31', opening: 0, lines: [
        { date: '2026-01-05', cents: 2500, name: 'J. de Vries', iban: 'NL86INGB0002345678', text: 'Gift januari', ref: 'A1', e2e: 'GIFT-2026-01' },
        { date: '2026-01-08', cents: -45000, name: 'Woonstichting De Linie', iban: 'NL74RABO0398765432', text: 'Huur buurtruimte januari 2026', ref: 'A2' },
        { date: '2026-01-12', cents: 15000, name: 'Wijkcentrum De Kroon', iban: 'NL97RABO0156789012', text: `Factuur ${f.number} coaching`, ref: 'A3' },
        { date: '2026-01-31', cents: -1235, text: 'Kosten zakelijk betalingsverkeer januari 2026', ref: 'A4' },
      ],
    }));
    february = path.join(dir, 'afschrift-februari.xml');
    fs.writeFileSync(february, camt({
      from: '2026-02-01', to: '2026-02-28', opening: 2500 - 45000 + 15000 - 1235, lines: [
        { date: '2026-02-10', cents: -4590, name: 'Boekhandel Het Woord', iban: 'NL55ABNA0123456789', text: 'Woordenboeken taalcafe', ref: 'B1' },
      ],
    }));
    march = path.join(dir, 'afschrift-maart.xml');
    fs.writeFileSync(march, camt({
      from: '2026-03-01', to: '2026-03-31', opening: 2500 - 45000 + 15000 - 1235 - 4590, lines: [
        { date: '2026-03-06', cents: -4500, name: 'Praxis Utrecht', iban: 'NL20INGB0001234567', text: 'Verf muurschildering', ref: 'C1' },
        { date: '2026-03-20', cents: -5000, name: 'F. El Amrani', iban: 'NL03INGB0004567890', text: 'Vergoeding maart', ref: 'C2' },
      ],
    }));
    app = await startBrowserApp({ file, rendererDir: RENDERER });
  });

  afterAll(async () => {
    await app?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('import -> rules -> accept all -> book -> invoice paid -> one by hand -> reconciled', async () => {
    const page = app.page;
    const goto = async (hash: string) => {
      await page.evaluate((h) => { window.location.hash = h; }, hash);
    };

    // 1. Import the statement with the file picker.
    await goto('#/bank-import');
    await page.getByTestId('screen-bank-import').waitFor();
    await checkA11y(page);
    await page.getByTestId('bank-file').setInputFiles(statement);
    await page.getByTestId('bank-import-submit').click();
    await expect.poll(async () => plain(await page.getByTestId('bank-import-summary').textContent()), { timeout: 15_000 }).toBe(
      'Het bestand had 4 regels. 4 zijn nieuw. 0 waren al eerder ingelezen en zijn overgeslagen.',
    );
    // The invoice payment was recognised at once.
    expect(plain(await page.getByTestId('bank-import-result').textContent())).toContain('Voor 1 regel heeft de app een voorstel.');
    expect(plain(await page.getByTestId('bank-balance-check').textContent())).toContain('€ 0,00');
    await checkA11y(page);
    await screenshot(page, 'bank-1-imported');

    // The same file again is refused, in Dutch.
    await page.getByTestId('bank-import-submit').click();
    await expect.poll(async () => plain(await page.locator('.form-error').textContent()), { timeout: 15_000 }).toContain('Dit bestand is al ingelezen op');

    // 2. Two rules.
    await goto('#/bank-rules');
    await page.getByTestId('screen-bank-rules').waitFor();
    await page.getByLabel('Tegenrekening (IBAN)').fill('NL74 RABO 0398 7654 32');
    await page.getByLabel('Dan deze rekening').selectOption('4100');
    await page.getByTestId('rule-save').click();
    await expect.poll(async () => plain(await page.getByTestId('bank-rules-table').textContent())).toContain('tegenrekening NL74 RABO 0398 7654 32');
    await page.getByLabel('Omschrijving bevat').fill('kosten zakelijk');
    await page.getByLabel('Dan deze rekening').selectOption('4610');
    await page.getByTestId('rule-save').click();
    await expect.poll(async () => plain(await page.getByTestId('bank-rules-table').textContent())).toContain('omschrijving bevat "kosten zakelijk"');
    await checkA11y(page);
    await screenshot(page, 'bank-2-rules');

    // 3. The inbox: suggestions with their reason; accept all; book.
    await goto('#/bank-inbox');
    await page.getByTestId('screen-bank-inbox').waitFor();
    await expect.poll(async () => plain(await page.getByTestId('bank-inbox-table').textContent())).toContain('Regel: tegenrekening NL74 RABO 0398 7654 32 → 4100 Huur en ruimte.');
    expect(plain(await page.getByTestId('bank-inbox-table').textContent())).toContain(`factuur ${invoiceNumber}`);
    // the payer's reference (issue 15) is shown with the line
    expect(plain(await page.getByTestId('bank-reference').first().textContent())).toBe('Kenmerk: GIFT-2026-01');
    await checkA11y(page);
    await screenshot(page, 'bank-3-inbox-suggestions');
    await page.getByTestId('bank-accept-all').click();
    await expect.poll(async () => plain(await page.getByTestId('bank-confirm-all').textContent())).toBe('Gekozen regels boeken (3)');
    await page.getByTestId('bank-confirm-all').click();
    await expect.poll(async () => plain(await page.getByTestId('status-message').textContent()), { timeout: 15_000 }).toContain('3 regels geboekt.');
    await expect.poll(() => page.getByTestId('bank-row').count()).toBe(1);

    // 4. The gift by hand, in the dialog: choose the account, save and book.
    await page.getByTestId('bank-choose').click();
    const dialog = page.getByTestId('bank-assign-dialog');
    // The same plain-language categories as "Geld ontvangen" (income for money in).
    await dialog.locator('#assign-account-8000').check();
    await checkA11y(page);
    await screenshot(page, 'bank-4-assign-dialog');
    await dialog.getByTestId('assign-save-book').click();
    await expect.poll(async () => plain(await page.getByTestId('status-message').textContent()), { timeout: 15_000 }).toContain('Geboekt: BANK 2026-0004.');
    await expect.poll(() => page.getByTestId('bank-row').count()).toBe(0);
    await page.getByTestId('bank-tab-booked').click();
    await expect.poll(() => page.getByTestId('bank-row').count()).toBe(4);
    const booked = plain(await page.getByTestId('bank-inbox-table').textContent());
    expect(booked).toContain(`factuur ${invoiceNumber}`);
    expect(booked).toContain('Geboekt: BANK 2026-000');
    await screenshot(page, 'bank-5-booked');

    // 5. Bank and books agree.
    await goto('#/bank-reconcile');
    await page.getByTestId('screen-bank-reconcile').waitFor();
    await expect.poll(() => page.getByTestId('bank-rec-state').getAttribute('data-state')).toBe('reconciled');
    const rec = plain(await page.getByTestId('bank-rec-table').textContent());
    expect(rec).toContain('31-01-2026');
    expect(rec).toContain('€ -287,35');
    expect(rec).toContain('✓ Ja');
    await checkA11y(page);
    await screenshot(page, 'bank-6-reconciled');

    // 6. The invoice is paid.
    await goto('#/open-items');
    await expect.poll(async () => plain(await page.getByTestId('open-total').textContent()), { timeout: 15_000 }).toContain('0,00');
    expect(app.consoleErrors).toEqual([]);
  });

  it('a payment assigned by hand to a budget line of a grant counts in that grant', async () => {
    const page = app.page;
    await page.evaluate(() => { window.location.hash = '#/bank-import'; });
    await page.getByTestId('screen-bank-import').waitFor();
    await page.getByTestId('bank-file').setInputFiles(february);
    await page.getByTestId('bank-import-submit').click();
    await expect.poll(async () => plain(await page.getByTestId('bank-import-summary').textContent()), { timeout: 15_000 }).toContain('Het bestand had 1 regel.');

    await page.evaluate(() => { window.location.hash = '#/bank-inbox'; });
    await page.getByTestId('screen-bank-inbox').waitFor();
    await expect.poll(() => page.getByTestId('bank-row').count()).toBe(1);
    await page.getByTestId('bank-choose').click();
    const dialog = page.getByTestId('bank-assign-dialog');
    await dialog.locator('#assign-account-4300').check();
    const grant = dialog.getByLabel('Hoort dit bij een subsidie?');
    await expect.poll(() => grant.locator('optgroup').getAttribute('label')).toBe('Taalcafé De Brug (Oranje Fonds)');
    await grant.selectOption({ label: 'Lesmateriaal' });
    await checkA11y(page);
    await screenshot(page, 'bank-7-assign-grant');
    await dialog.getByTestId('assign-save-book').click();
    await expect.poll(async () => plain(await page.getByTestId('status-message').textContent()), { timeout: 15_000 }).toContain('Geboekt: BANK 2026-0005.');

    await page.evaluate(() => { window.location.hash = '#/grants'; });
    await page.getByRole('link', { name: 'Taalcafé De Brug' }).click();
    const row = page.getByTestId('grant-report-table').locator('tr[data-line="Lesmateriaal"]');
    await expect.poll(async () => plain(await row.textContent())).toContain('€ 45,90');
    expect(plain(await row.textContent())).toContain('9,1 %'); // 9.18 %: shown truncated, so a line is never shown as full before it is
    expect(app.consoleErrors).toEqual([]);
  });

  it('a line already booked by hand is linked, not booked twice; a volunteer fee over the limit is blocked', async () => {
    const page = app.page;
    // Paid in the shop by bank card and booked by hand through "Geld uitgeven".
    await page.evaluate(() => { window.location.hash = '#/money-out'; });
    await page.getByLabel('Wat is er gebeurd?').fill('Verf voor de muurschildering');
    await page.getByLabel('Datum', { exact: true }).fill('03-03-2026');
    await page.getByLabel('Bedrag in euro').fill('45,00');
    await page.getByRole('radio', { name: /Materialen/ }).check();
    await page.getByRole('button', { name: 'Geld uitgeven boeken' }).click();
    await expect.poll(async () => plain(await page.getByTestId('status-message').textContent()), { timeout: 15_000 }).toContain('BANK 2026-0006');

    await page.evaluate(() => { window.location.hash = '#/bank-import'; });
    await page.getByTestId('screen-bank-import').waitFor();
    await page.getByTestId('bank-file').setInputFiles(march);
    await page.getByTestId('bank-import-submit').click();
    await expect.poll(async () => plain(await page.getByTestId('bank-import-summary').textContent()), { timeout: 15_000 }).toContain('Het bestand had 2 regels.');

    await page.evaluate(() => { window.location.hash = '#/bank-inbox'; });
    await page.getByTestId('screen-bank-inbox').waitFor();
    await expect.poll(() => page.getByTestId('bank-row').count()).toBe(2);
    const shop = page.getByTestId('bank-row').filter({ hasText: 'Praxis Utrecht' });
    expect(plain(await shop.getByTestId('bank-match').textContent())).toContain('Dit lijkt al geboekt: BANK 2026-0006 van 03-03-2026 (Verf voor de muurschildering)');
    await checkA11y(page);
    await screenshot(page, 'bank-8-matches-hand-entry');
    await shop.getByTestId('bank-link').click();
    await expect.poll(async () => plain(await page.getByTestId('status-message').textContent()), { timeout: 15_000 }).toContain('Gekoppeld aan BANK 2026-0006. Er is niets nieuws geboekt.');
    await expect.poll(() => page.getByTestId('bank-row').count()).toBe(1);

    // The fee: € 50 on top of € 200 in March is over the € 220; the same message as "Vrijwilliger betalen".
    await page.getByTestId('bank-choose').click();
    const dialog = page.getByTestId('bank-assign-dialog');
    await dialog.locator('#assign-account-4000').check();
    await dialog.locator('#assign-person').selectOption({ label: 'Fatima El Amrani' });
    await dialog.getByTestId('assign-save-book').click();
    const error = dialog.locator('#assign-person-error');
    await expect.poll(async () => plain(await error.textContent()), { timeout: 15_000 }).toContain('Deze betaling is te hoog voor maart 2026');
    expect(plain(await error.textContent())).toContain('niet meer dan € 20,00');
    await checkA11y(page);
    await screenshot(page, 'bank-9-volunteer-fee-blocked');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    // Nothing was booked: the line is still in the inbox, the linked one is booked without a new entry.
    await expect.poll(() => page.getByTestId('bank-row').count()).toBe(1);
    await page.getByTestId('bank-tab-booked').click();
    await expect.poll(async () => plain(await page.getByTestId('bank-inbox-table').textContent())).toContain('Gekoppeld aan BANK 2026-0006 (was al geboekt)');
    expect(app.consoleErrors).toEqual([]);
  });
});
