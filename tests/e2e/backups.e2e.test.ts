import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api';
import { Session } from '../../electron/session';
import { checkA11y, requireRenderer, screenshot, startBrowserApp, tempDir, text } from './harness';

/**
 * Issue 10 end to end (browser mode): the backup screen lists the automatic backup made on
 * opening, makes one by hand, answers the menu's "Back-up maken", and restores an older backup
 * after the confirmation — the books are then as they were. axe on the screen and the dialog.
 */

const RENDERER = requireRenderer();

const YEAR = new Date().getFullYear();

/** Call the API the way the page does (same token), for set-up and checks. */
async function api<T>(page: Page, method: string, input: unknown): Promise<T> {
  const r = await page.evaluate(async ([m, i]) => {
    const res = await fetch('/api', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kassa-Token': window.sessionStorage.getItem('kassa-token') ?? '' },
      body: JSON.stringify({ method: m, input: i }),
    });
    return res.json();
  }, [method, input] as const);
  if ((r as { error?: unknown }).error) throw new Error(JSON.stringify((r as { error: unknown }).error));
  return (r as { result: T }).result;
}

describe('backups UI (browser)', () => {
  let page: Page;
  let close: () => Promise<void>;
  let consoleErrors: string[];
  const dir = tempDir('kassa-e2e-backup-');
  const file = path.join(dir, 'buurtkracht.kassa');
  const rows = () => page.getByTestId('backups-table').locator('tbody tr');

  beforeAll(async () => {
    const session = new Session();
    await dispatch(session, 'admin.create', { path: file, name: 'Stichting Buurtkracht', year: YEAR });
    await dispatch(session, 'entries.post', {
      date: `${YEAR}-01-10`, description: 'Gift A', lines: [{ account: '1100', debit: '25.00' }, { account: '8000', credit: '25.00' }],
    });
    session.close();
    const app = await startBrowserApp({ file, rendererDir: RENDERER });
    page = app.page;
    consoleErrors = app.consoleErrors;
    close = () => app.close();
    page.setDefaultTimeout(20_000);
    await page.locator('nav a[data-screen="backups"]').waitFor();
  });

  afterAll(async () => {
    await close?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists the backup made on opening, checked', async () => {
    await page.locator('nav a[data-screen="backups"]').click();
    await expect.poll(() => text(page.locator('main h1'))).toBe('Back-ups');
    await expect.poll(() => rows().count()).toBe(1);
    await expect.poll(() => text(rows().first())).toContain('Automatisch');
    await expect.poll(() => text(rows().first())).toContain('In orde');
    expect(await text(page.locator('main'))).toContain('Back-ups Kijk op de Kassa');
    await checkA11y(page);
    await screenshot(page, 'backups-01-list');
  });

  it('makes a backup by hand, and on the menu command', async () => {
    await page.getByTestId('backup-make').click();
    await expect.poll(() => text(page.getByTestId('status-message'))).toContain('De back-up is gemaakt');
    await expect.poll(() => rows().count()).toBe(2);
    await expect.poll(() => text(rows().first())).toContain('Zelf gemaakt');
    // What App.tsx passes on from the native menu's "Back-up maken".
    await page.evaluate(() => window.dispatchEvent(new CustomEvent('kassa:menu', { detail: { command: 'backup' } })));
    await expect.poll(() => rows().count()).toBe(3);
  });

  it('restores an older backup after a clear confirmation', async () => {
    await api(page, 'entries.post', {
      date: `${YEAR}-01-11`, description: 'Gift B', lines: [{ account: '1100', debit: '40.00' }, { account: '8000', credit: '40.00' }],
    });
    // The oldest (the automatic one from opening) has Gift A only.
    await rows().last().getByRole('button', { name: /terugzetten/i }).click();
    const dialog = page.getByTestId('restore-dialog');
    await expect.poll(() => text(dialog)).toContain('Alles wat u daarna hebt ingevoerd');
    const yes = dialog.getByRole('button', { name: 'Ja, terugzetten' });
    expect(await yes.isDisabled()).toBe(true);
    await checkA11y(page);
    await screenshot(page, 'backups-02-confirm');
    await dialog.getByRole('checkbox').check();
    await yes.click();
    await expect.poll(() => text(page.getByTestId('status-message'))).toContain('is teruggezet en gecontroleerd');
    const list = await api<{ items: { description: string }[] }>(page, 'entries.list', {});
    expect(list.items.map((e) => e.description)).toEqual(['Gift A']);
    // The state from just before is kept as a backup of its own.
    await expect.poll(async () => (await text(page.getByTestId('backups-table'))).includes('Van vóór het terugzetten')).toBe(true);
    await screenshot(page, 'backups-03-restored');
    expect(consoleErrors).toEqual([]);
  });
});
