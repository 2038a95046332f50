/**
 * Issue 19, "Mijn stichtingen": the coach's overview reads every administration in a folder and
 * changes no file at all (sha256 of every file in the folder, side files included, before and
 * after), shows the one open elsewhere as "in gebruik", never migrates an older one, and sorts by
 * what needs attention.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Overview } from '../../../shared/api/overview';
import { dispatch } from '../../../electron/api';
import { Session } from '../../../electron/session';
import { cleanupTempDirs, cliJson, runCli, sha256, tempDir, assertDistBuilt } from '../helpers';
import { makeCoachFolder } from './coachFolder';

afterAll(cleanupTempDirs);

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).filter((n) => fs.statSync(path.join(dir, n)).isFile()).sort().map((n) => [n, sha256(path.join(dir, n))]));
}

describe('coach overview', () => {
  test('five administrations in different states; nothing on disk changes', async () => {
    const dir = tempDir('kassa-coach-');
    const folder = await makeCoachFolder(dir, tempDir('kassa-coach-settings-'));
    try {
      const before = snapshot(dir);
      expect(Object.keys(before)).toContain('Buurthuis De Linde.kassa-wal'); // the one open elsewhere
      const session = new Session({ settingsDir: folder.settingsDir });
      const o = (await dispatch(session, 'overview.scan', { folder: dir })) as Overview;
      expect(snapshot(dir)).toEqual(before);

      const by = (f: string) => o.rows.find((r) => r.path === f)!;
      expect(o.rows).toHaveLength(5);
      expect(by(folder.files.inUse)).toMatchObject({ state: 'in-use', name: null });
      expect(by(folder.files.inUse).stateMessage).toMatch(/in gebruik/i);
      expect(by(folder.files.older)).toMatchObject({ state: 'older', stateMessage: 'Oudere versie: open hem om bij te werken.' });
      const vol = by(folder.files.volunteers);
      expect(vol).toMatchObject({ state: 'ok', name: 'Stichting Huiswerkklas Noord', volunteersNearLimit: 1, verify: 'ok' });
      expect(vol.signals.map((s) => s.key)).toEqual(['volunteers']);
      const bank = by(folder.files.bank);
      expect(bank).toMatchObject({ state: 'ok', inboxCount: 8, daysSinceReconciliation: null });
      // The statement's balances are not in the books yet (nothing booked): bank and books differ.
      expect(bank.signals.map((s) => s.key)).toEqual(expect.arrayContaining(['bank-differs', 'inbox']));
      expect(bank.signals[0]!.key).toBe('bank-differs');
      const clean = by(folder.files.clean);
      expect(clean).toMatchObject({ state: 'ok', signals: [], attention: 0, daysSinceBackup: 0, inboxCount: 0, verify: 'ok', previousYearOpen: 0 });
      // Sorted by what needs attention: the bank and the volunteers first, the clean one and the unread ones last.
      expect(o.rows[0]!.path).toBe(folder.files.bank);
      expect(o.rows.map((r) => r.attention)).toEqual([...o.rows.map((r) => r.attention)].sort((a, b) => b - a));

      // The older file was not migrated: its header still says version 6.
      expect(fs.readFileSync(folder.files.older).readUInt32BE(60)).toBe(6);
    } finally {
      folder.holder.close();
    }
  });

  test('kassa overview DIR prints the same table as json and csv', async () => {
    assertDistBuilt();
    const dir = tempDir('kassa-coach-cli-');
    const settings = tempDir('kassa-coach-cli-settings-');
    const folder = await makeCoachFolder(dir, settings);
    folder.holder.close();
    const before = snapshot(dir);
    const env = { KASSA_SETTINGS_DIR: settings };
    const json = cliJson<Overview>(await runCli(['overview', dir, '--format', 'json'], { env }));
    expect(json.rows.map((r) => r.file).sort()).toEqual(Object.values(folder.files).map((f) => path.basename(f)).sort());
    const csv = await runCli(['overview', dir, '--format', 'csv'], { env });
    expect(csv.status).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toContain('bestand');
    expect(csv.stdout).toContain('oudere versie');
    expect(snapshot(dir)).toEqual(before);
  });
});
