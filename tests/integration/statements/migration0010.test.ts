/**
 * Migration 0010_statements_rj on a real file of the previous schema (tests/fixtures/schema/v6.kassa):
 * the new default accounts arrive where their code is free, a treasurer's own account with the
 * same code is left alone, and the objectives and allocation keys work on the migrated file.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, test } from 'vitest';
import type { Allocation } from '../../../shared/api/allocation';
import type { BalanceSheet } from '../../../shared/api/statements';
import { cleanupTempDirs, openBooksSession, ROOT, tempDir } from '../helpers';

afterAll(() => cleanupTempDirs());

test('v6 file: new accounts added unless the code is taken; objectives and keys usable', async () => {
  const file = path.join(tempDir('kassa-m10-'), 'oud.kassa');
  fs.copyFileSync(path.join(ROOT, 'tests', 'fixtures', 'schema', 'v6.kassa'), file);
  const raw = new Database(file);
  expect(raw.pragma('user_version', { simple: true })).toBe(6);
  raw.prepare(`INSERT INTO accounts (code, name, type, line_rj650, line_rj640, archived) VALUES ('0700', 'Lening van de kerk', 'liability', 'kortlopende_schulden', 'kortlopende_schulden', 0)`).run();
  const before = raw.prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number };
  raw.close();

  const tb = await openBooksSession(file);
  try {
    const rows = tb.session.books!.raw(`SELECT code, name, type, line_rj640, line_rj650 FROM accounts WHERE code IN ('0200','0600','0700','3000','4150','4700') ORDER BY code`).all();
    expect(rows).toEqual([
      { code: '0200', name: 'Waarborgsommen', type: 'asset', line_rj640: 'financiele_vaste_activa', line_rj650: 'financiele_vaste_activa' },
      { code: '0600', name: 'Voorziening groot onderhoud', type: 'liability', line_rj640: 'voorzieningen', line_rj650: 'voorzieningen' },
      { code: '0700', name: 'Lening van de kerk', type: 'liability', line_rj640: 'kortlopende_schulden', line_rj650: 'kortlopende_schulden' },
      { code: '3000', name: 'Voorraad', type: 'asset', line_rj640: 'voorraden', line_rj650: 'voorraden' },
      { code: '4150', name: 'Dotatie voorziening groot onderhoud', type: 'expense', line_rj640: 'lasten_huisvesting', line_rj650: 'besteed_doelstellingen' },
      { code: '4700', name: 'Rente en kosten leningen', type: 'expense', line_rj640: 'financiele_lasten', line_rj650: 'financiele_baten_lasten' },
    ]);
    const after = tb.session.books!.raw('SELECT COUNT(*) AS n FROM accounts').get() as { n: number };
    expect(after.n).toBe(before.n + 5);
    const a = await tb.call<Allocation>('allocation.setObjectives', { objectives: [{ name: 'Ontmoeting' }] });
    expect(a.objectives.map((o) => o.name)).toEqual(['Ontmoeting']);
    const year = (tb.session.books!.raw('SELECT MAX(year) AS y FROM fiscal_years').get() as { y: number }).y;
    const bs = await tb.call<BalanceSheet>('reports.balanceSheet', { year });
    expect(bs.balanced).toBe(true);
  } finally {
    tb.close();
  }
});
