import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api';
import { generateDemo } from '../../electron/books/demo';
import { adminFolderName, backupFileName, defaultBackupRoot } from '../../electron/backups/names';
import { Session } from '../../electron/session';
import { checkA11y, repoRoot, requireRenderer, screenshot, screenshotDir, startBrowserApp, tempDir } from './harness';
import { DUTCH_ALLOWED, DUTCH_WORDS, ENGLISH_ALLOWED, ENGLISH_WORDS, leftovers } from './languageWords';

/**
 * Issue 18, "one voice, one language": every screen of an administration with real data (a closed
 * year, bank lines, volunteers, a grant, invoices) is opened in English and must show no Dutch word
 * outside the data and the names kept on purpose; then the same walk in Dutch must show no English
 * word. One browser session. Screenshots in tests/e2e/screenshots/language-*.png.
 */

const RENDERER = requireRenderer();
const YEAR = new Date().getFullYear();
const LAST = YEAR - 1;

/** Screens reached with a parameter (not from the menu), filled in once the data exists. */
interface Extra {
  screen: string;
  hash: string;
}

async function makeAdministration(file: string): Promise<{ extras: Extra[]; data: string[] }> {
  const s = new Session();
  await dispatch(s, 'admin.create', {
    path: file, name: 'Stichting Buurtkracht Oost', year: LAST, kvk: '12345678', iban: 'NL36INGB0007654321',
    street: 'Dorpsstraat 12a', postcode: '3512 AB', city: 'Utrecht',
  });
  s.books!.sqlite.pragma('synchronous = OFF');
  generateDemo(s.books!, { transactions: 200, seed: 7, years: 2, endYear: YEAR });
  await dispatch(s, 'yearEnd.close', { year: LAST });
  await dispatch(s, 'bank.import', { path: path.join(repoRoot, 'tests', 'fixtures', 'bank', 'camt053-001-02-ing.xml') });
  // Rules, so the inbox shows suggestions with their reasons (said by the app, not data).
  await dispatch(s, 'bank.rules.create', { text: 'Kosten zakelijk', direction: 'out', account: '4610' });
  await dispatch(s, 'bank.rules.create', { iban: 'NL74 RABO 0398 7654 32', account: '4100' });
  const person = (await dispatch(s, 'persons.create', { name: 'Fatima El Amrani', birthDate: '1980-05-31', benefit: 'bijstand' })) as { id: number };
  for (let m = 1; m <= 3; m++) {
    await dispatch(s, 'volunteers.pay', { person: person.id, date: `${YEAR}-${String(m).padStart(2, '0')}-10`, amount: '150.00', kind: 'fee', description: `Taalles maand ${m}`, payFrom: '1000' });
  }
  const fund = (await dispatch(s, 'contacts.create', { kind: 'fund', name: 'Oranje Fonds', fundType: 'fund' })) as { id: number };
  const grant = (await dispatch(s, 'grants.create', {
    fund: fund.id, project: 'Taalcafé De Brug', applied: '4000.00', status: 'awarded', awarded: '4000.00', startDate: `${YEAR}-01-01`, endDate: `${YEAR}-12-31`,
    budgetLines: [{ name: 'Huur buurthuis', amount: '1000.00', accounts: ['4100'] }, { name: 'Materialen', amount: '3000.00' }],
  })) as { id: number };
  const customer = (await dispatch(s, 'contacts.create', { kind: 'customer', name: 'Wijkcentrum De Kroon', city: 'Utrecht', street: 'Kroonplein 1', postcode: '3511 AA' })) as { id: number };
  const draft = (await dispatch(s, 'invoices.saveDraft', {
    kind: 'sales', contact: customer.id, issueDate: `${YEAR}-02-14`, supplyDate: `${YEAR}-02-10`,
    lines: [{ description: 'Zaalhuur buurthuis', quantity: '1', unitPrice: '75.00' }],
  })) as { id: number };
  await dispatch(s, 'invoices.finalise', { id: draft.id });
  const supplier = (await dispatch(s, 'contacts.create', { kind: 'supplier', name: 'Drukkerij Van Dijk' })) as { id: number };
  await dispatch(s, 'invoices.saveDraft', {
    kind: 'purchase', contact: supplier.id, number: 'F-118', issueDate: `${YEAR}-03-10`, dueDate: `${YEAR}-04-09`,
    lines: [{ description: 'Flyers buurtfeest', account: '4300', amount: '120.00' }],
  });

  // Every text value of the data tables: names, descriptions, bank texts, account names. Not the
  // texts the app wrote there itself (a suggestion's reason, an import's warnings): the UI says those.
  const appTexts = new Set(['suggest_reason', 'suggest_says', 'warnings']);
  const data = new Set<string>();
  const tables = s.books!.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('meta', 'audit_log', 'facts', 'fact_kinds') AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  for (const { name } of tables) {
    for (const row of s.books!.sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
      for (const [k, v] of Object.entries(row)) if (!appTexts.has(k) && typeof v === 'string' && v.length >= 3 && !/^[\d\s.:TZ+-]*$/.test(v)) data.add(v);
    }
  }
  s.close();
  return {
    data: [...data],
    extras: [
      { screen: 'grant', hash: `#/grant?id=${grant.id}` },
      { screen: 'grant-edit', hash: `#/grant-edit?id=${grant.id}` },
      { screen: 'invoice', hash: `#/invoice?id=${draft.id}` },
      { screen: 'invoice-edit', hash: '#/invoice-edit' },
      { screen: 'purchase-edit', hash: '#/purchase-edit' },
      { screen: 'volunteer-person', hash: `#/volunteer-person?id=${person.id}` },
      { screen: 'volunteer-pay', hash: `#/volunteer-pay?person=${person.id}` },
      { screen: 'opening', hash: '#/opening' },
    ],
  };
}

/** The visible text of the page, plus what assistive technology reads (aria-label, placeholder, title). */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attrs = [...document.querySelectorAll('[aria-label],[placeholder],[title]')]
      .map((el) => [el.getAttribute('aria-label'), el.getAttribute('placeholder'), el.getAttribute('title')].filter(Boolean).join(' \n '));
    return `${document.body.innerText}\n${attrs.join('\n')}`;
  });
}

/** Wait until the screen has drawn its data: nothing busy and the text stable for a moment. */
async function settle(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(60);
    const busy = await page.locator('[aria-busy="true"]').count();
    const now = await page.evaluate(() => document.body.innerText);
    if (!busy && now === last) return;
    last = now;
  }
}

describe('one language per UI (browser)', () => {
  let page: Page;
  let close: () => Promise<void>;
  let extras: Extra[] = [];
  let data: string[] = [];
  const dir = tempDir('kassa-e2e-language-');
  const file = path.join(dir, 'buurtkracht.kassa');

  beforeAll(async () => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    ({ extras, data } = await makeAdministration(file));
    // Beside it in the folder, for the coach's overview: a file of an older version and one that is no administration.
    fs.copyFileSync(path.join(repoRoot, 'tests', 'fixtures', 'schema', 'v13.kassa'), path.join(dir, 'oud-jaar.kassa'));
    fs.writeFileSync(path.join(dir, 'notities.kassa'), 'geen administratie');
    // A backup whose safeguard was removed: the backups screen checks it and shows what verify found.
    const backups = path.join(defaultBackupRoot(file), adminFolderName(file));
    fs.mkdirSync(backups, { recursive: true });
    const broken = path.join(backups, backupFileName('Stichting Buurtkracht Oost', new Date(Date.UTC(LAST, 5, 1, 12)), 'manual'));
    fs.copyFileSync(file, broken);
    const db = new Database(broken);
    db.exec('DROP TRIGGER entries_posted_immutable');
    db.close();
    data.push('oud-jaar.kassa', 'notities.kassa', 'buurtkracht.kassa');
    const app = await startBrowserApp({ file, rendererDir: RENDERER });
    page = app.page;
    close = () => app.close();
    page.setDefaultTimeout(15_000);
    await page.locator('nav a[data-screen="dashboard"]').waitFor();
  }, 120_000);

  afterAll(async () => {
    await close?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function walk(lang: 'en' | 'nl'): Promise<string[]> {
    const screens = await page.locator('nav a[data-screen]').evaluateAll((as) => as.map((a) => a.getAttribute('data-screen')!));
    const targets = [...screens.map((screen) => ({ screen, hash: `#/${screen}` })), ...extras];
    const found: string[] = [];
    for (const { screen, hash } of targets) {
      await page.evaluate((h) => { window.location.hash = h; }, hash);
      await page.locator(`main[data-screen="${screen}"]`).waitFor();
      await settle(page);
      const words = lang === 'en' ? DUTCH_WORDS : ENGLISH_WORDS;
      const allowed = lang === 'en' ? DUTCH_ALLOWED : ENGLISH_ALLOWED;
      for (const l of leftovers(await visibleText(page), words, allowed, data)) found.push(`${screen}: "${l.word}" in …${l.context}…`);
      // The window only (a full-page shot of every screen doubles the walk's time).
      if (lang === 'en') await page.screenshot({ path: path.join(screenshotDir, `language-en-${screen}.png`) });
    }
    return [...new Set(found)];
  }

  /** The coach's overview of the folder (issue 19): its states and signals in the UI language. */
  async function coachOverview(lang: 'en' | 'nl'): Promise<string[]> {
    await page.evaluate(() => { window.location.hash = '#/overview'; });
    await page.locator('main[data-screen="overview"]').waitFor();
    // The folder of the open administration is filled in; scanning it reads the three files.
    await page.locator('#coach-folder').press('Enter');
    await expect.poll(() => page.getByTestId('coach-row').count()).toBe(3);
    await settle(page);
    const text = await visibleText(page);
    const words = lang === 'en' ? DUTCH_WORDS : ENGLISH_WORDS;
    const allowed = lang === 'en' ? DUTCH_ALLOWED : ENGLISH_ALLOWED;
    if (lang === 'en') await page.screenshot({ path: path.join(screenshotDir, 'language-en-coach-overview.png') });
    return leftovers(text, words, allowed, data).map((l) => `coach overview: "${l.word}" in …${l.context}…`);
  }

  it('shows no Dutch on any screen in English', async () => {
    await page.evaluate(() => { window.location.hash = '#/settings'; });
    await page.locator('#set-language').selectOption('en');
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    expect(await walk('en')).toEqual([]);
    expect(await coachOverview('en')).toEqual([]);
    expect(await page.locator('[data-testid="coach-row"][data-state="older"]').innerText()).toContain('Older version: open it to update it.');
    // What the walk read was really there: the inbox's reasons, the damaged backup's problem, the statement's rows.
    await page.evaluate(() => { window.location.hash = '#/bank-inbox'; });
    await expect.poll(() => page.getByTestId('bank-suggest-reason').allInnerTexts()).toEqual(expect.arrayContaining([
      'Rule: description contains "Kosten zakelijk", money paid → 4610 Bankkosten.', 'Rule: counter account NL74 RABO 0398 7654 32 → 4100 Huur en ruimte.',
    ]));
    await page.evaluate(() => { window.location.hash = '#/backups'; });
    await expect.poll(() => page.getByTestId('backup-problem').first().textContent(), { timeout: 20_000 })
      .toBe('The safeguard "entries_posted_immutable" is missing from the file: someone removed it outside the app.');
    await page.evaluate(() => { window.location.hash = '#/statements'; });
    await page.locator('main[data-screen="statements"]').waitFor();
    await settle(page);
    expect(await visibleText(page)).toMatch(/Total assets/);

    // The volunteer limit messages, the most important ones: over the monthly maximum.
    await page.evaluate((h) => { window.location.hash = h; }, extras.find((e) => e.screen === 'volunteer-pay')!.hash);
    await page.locator('#vpay-amount').fill('400,00');
    const blocked = page.getByTestId('volunteer-blocked');
    await expect.poll(() => blocked.textContent()).toContain('This payment is too high for');
    const said = `${await blocked.innerText()}\n${await page.getByTestId('volunteer-warnings').innerText()}`;
    expect(leftovers(said, DUTCH_WORDS, DUTCH_ALLOWED, data)).toEqual([]);
    await screenshot(page, 'language-en-volunteer-limit');

    // The kascommissie's checklist of the closed year: its evidence lines in English too.
    await page.evaluate(() => { window.location.hash = '#/review'; });
    const start = page.getByTestId('review-start');
    await start.locator('#review-reviewer-0').fill('Anouk Smit');
    await start.locator('button[type="submit"]').click();
    await page.getByTestId('review-banner').waitFor();
    const evidence = page.locator('article[data-testid^="check-"] .review-evidence');
    await evidence.evaluateAll((ds) => ds.forEach((d) => { (d as HTMLDetailsElement).open = true; }));
    const lines = (await evidence.locator('li').allInnerTexts()).join('\n');
    expect(lines).toContain('Closing entry: ');
    expect(lines).toMatch(/Head of the history: \d+:/);
    expect(leftovers(lines, DUTCH_WORDS, DUTCH_ALLOWED, data)).toEqual([]);
    // The window only, at the year end's evidence (the whole page lists every cost without a receipt).
    await page.getByTestId('check-yearEnd').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshotDir, 'language-en-review-checklist.png') });
    // A refusal the schema says with a field's name (shared/api/fieldTexts.ts): an empty question.
    const ask = page.getByTestId('review-questions').locator('form').last();
    await ask.locator('button[type="submit"]').click();
    await expect.poll(() => page.locator('#review-ask-error').textContent()).toContain('Fill in the question.');
    // Finished, so the books are writable again for what follows.
    await page.getByTestId('review-finish').locator('button[type="submit"]').click();
    await page.getByTestId('review-report').waitFor();
  }, 120_000);

  it('keeps the form whole beside the lesson panel at 1366×768', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.evaluate(() => { window.location.hash = '#/money-out'; });
    await page.locator('main[data-screen="money-out"]').waitFor();
    await page.getByTestId('help-button').click();
    await page.getByTestId('lesson-panel').waitFor();
    // Lines of text in an element: the distinct tops of its text's line boxes.
    const lines = (selector: string) =>
      page.locator(selector).evaluateAll((els) =>
        els.map((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          return { text: (el.textContent ?? '').trim(), lines: tops.size };
        }),
      );
    const button = await lines('main form button[type="submit"]');
    expect(button.length).toBe(1);
    expect(button[0]!.lines).toBe(1);
    const labels = await lines('main form label');
    expect(labels.length).toBeGreaterThan(3);
    // A label may wrap once at most; a squeezed form breaks them word by word.
    expect(labels.filter((l) => l.lines > 2)).toEqual([]);
    const formWidth = await page.locator('main form').first().evaluate((f) => f.getBoundingClientRect().width);
    // Beside the panel, the old two-column layout left the form about 20rem; stacked it keeps 30rem or more.
    expect(formWidth).toBeGreaterThan(480);
    await checkA11y(page);
    await screenshot(page, 'language-lesson-panel-1366');
    await page.getByTestId('lesson-panel-close').click();
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 60_000);

  it('shows no English on any screen in Dutch', async () => {
    await page.evaluate(() => { window.location.hash = '#/settings'; });
    await page.locator('#set-language').selectOption('nl');
    await page.locator('html[lang="nl"]').waitFor({ state: 'attached' });
    expect(await walk('nl')).toEqual([]);
    expect(await coachOverview('nl')).toEqual([]);
  }, 120_000);
});
