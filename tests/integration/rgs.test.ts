/**
 * RGS codes (issue 16): every default-chart account of a new administration has its code, the
 * treasurer or accountant can change or remove it (accounts.update), a code that is not an RGS code
 * is refused with a Dutch error and nothing written (API and CLI), and an older file gets the codes
 * through migration 0009_accountant without losing a code someone set by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import type { Account, VerifyResult } from '../../shared/api/types';
import { DEFAULT_CHART } from '../../shared/chart';
import { DEFAULT_RGS, RGS_CODE } from '../../shared/rgs';
import {
  assertDistBuilt, cleanupTempDirs, cliError, cliJson, expectKassaError, fingerprint, makeBooks, openBooksSession, ROOT, runCli, tempDir,
} from './helpers';

afterAll(cleanupTempDirs);

describe('the RGS mapping', () => {
  test('covers every default-chart account with a well-formed code', () => {
    for (const a of DEFAULT_CHART) {
      expect(DEFAULT_RGS[a.code], a.code).toBeDefined();
      expect(DEFAULT_RGS[a.code], a.code).toMatch(RGS_CODE);
      // B codes for balance-sheet accounts, W codes for income and expenses.
      expect(DEFAULT_RGS[a.code]![0], a.code).toBe(a.type === 'income' || a.type === 'expense' ? 'W' : 'B');
    }
    expect(Object.keys(DEFAULT_RGS).sort()).toEqual(DEFAULT_CHART.map((a) => a.code).sort());
  });

  test('the format check knows real codes and refuses look-alikes', () => {
    for (const ok of ['BLimKasKas', 'BEivOvrCor', 'WFbeRlmObr', 'BEivKa2Ond', 'WOvb', 'BIvaKouAkpBeg', 'BLimBanRba.NL91ABNA0417164300']) expect(ok).toMatch(RGS_CODE);
    for (const bad of ['', 'B', 'blimkaskas', 'BLIMKASKAS', 'XLimKas', 'BLimKa', 'BLim Kas', '1000', 'BLimKasKasKasKas']) expect(bad).not.toMatch(RGS_CODE);
  });
});

describe('accounts carry their RGS code', () => {
  test('a new administration has the codes, the VAT account too when VAT-liable', async () => {
    for (const vat of ['none', 'liable'] as const) {
      const b = await makeBooks({ year: 2026, vat });
      try {
        const list = await b.call<Account[]>('accounts.list');
        expect(list.length).toBeGreaterThan(30);
        for (const a of list) expect(a.rgsCode, a.code).toBe(DEFAULT_RGS[a.code]);
        expect(list.find((a) => a.code === '1700')?.rgsCode ?? null).toBe(vat === 'liable' ? 'BSchBepBtw' : null);
      } finally {
        b.close();
      }
    }
  });

  test('changed, refused when malformed (nothing written), and removed with null', async () => {
    const b = await makeBooks({ year: 2026 });
    try {
      const audit = () => (b.session.books!.sqlite as Database.Database).prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number };
      const before = audit().n;
      for (const bad of ['kas', 'BLimKasKasKasKas', 'B-Lim', '   ']) {
        const e = await expectKassaError(b.call('accounts.update', { code: '1000', rgsCode: bad }), 'INVALID_INPUT');
        expect(e.field).toBe('rgsCode');
        expect(e.message).toMatch(/RGS-code begint met B .* of W/);
      }
      await expectKassaError(b.call('accounts.create', { code: '4950', name: 'Drukwerk', type: 'expense', rgsCode: 'drukwerk' }), 'INVALID_INPUT');
      expect(audit().n).toBe(before);
      expect((await b.call<Account[]>('accounts.list')).find((a) => a.code === '4950')).toBeUndefined();
      expect((await b.call<Account>('accounts.update', { code: '1000', name: 'Kas' })).rgsCode).toBe('BLimKasKas');

      expect((await b.call<Account>('accounts.update', { code: '1000', rgsCode: ' BLimKasKlk ' })).rgsCode).toBe('BLimKasKlk');
      expect((await b.call<Account>('accounts.create', { code: '4950', name: 'Drukwerk', type: 'expense', rgsCode: 'WBedKanDrk' })).rgsCode).toBe('WBedKanDrk');
      expect((await b.call<Account>('accounts.update', { code: '1000', rgsCode: null })).rgsCode).toBeNull();
    } finally {
      b.close();
    }
  });

  test('kassa call accounts.update with a malformed code: exit 1, a Dutch message, the file unchanged', async () => {
    assertDistBuilt();
    const b = await makeBooks({ year: 2026 });
    b.close();
    const before = fingerprint(b.file);
    const r = await runCli(['call', b.file, 'accounts.update', '{"code":"1100","rgsCode":"bank"}', '--json']);
    expect(r.status).toBe(1);
    expect(cliError(r)).toMatchObject({ code: 'INVALID_INPUT', field: 'rgsCode' });
    expect(cliError(r).message).toMatch(/RGS-code/);
    expect(fingerprint(b.file)).toEqual(before);
    const ok = await runCli(['call', b.file, 'accounts.update', '{"code":"1100","rgsCode":"BLimBanDep"}']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(cliJson<Account>(ok).rgsCode).toBe('BLimBanDep');
  });
});

describe('migration 0009_accountant', () => {
  test('fills the codes of default-chart accounts in an older file, keeps hand-set codes and reused numbers', async () => {
    const dir = tempDir('kassa-rgs-mig-');
    const file = path.join(dir, 'oud.kassa');
    fs.copyFileSync(path.join(ROOT, 'tests', 'fixtures', 'schema', 'v6.kassa'), file);
    const db = new Database(file);
    const version = db.pragma('user_version', { simple: true }) as number;
    expect(version).toBeLessThan(7);
    expect((db.prepare('SELECT COUNT(*) AS n FROM accounts WHERE rgs_code IS NOT NULL').get() as { n: number }).n).toBe(0);
    db.prepare(`UPDATE accounts SET rgs_code = 'BLimKasKlk' WHERE code = '1000'`).run();
    // Account 4900 reused as an asset by its treasurer: not the default account any more.
    const reused = db.prepare(`UPDATE accounts SET type = 'asset' WHERE code = '4900' AND NOT EXISTS (SELECT 1 FROM lines l JOIN accounts a ON a.id = l.account_id WHERE a.code = '4900')`).run().changes;
    db.prepare(`INSERT INTO accounts (code, name, type, line_rj650, line_rj640, archived) VALUES ('4999', 'Eigen rekening', 'expense', 'beheer_administratie', 'lasten_overige', 0)`).run();
    db.close();

    const b = await openBooksSession(file);
    try {
      const list = await b.call<Account[]>('accounts.list', { includeArchived: true });
      const rgs = Object.fromEntries(list.map((a) => [a.code, a.rgsCode]));
      expect(rgs['1000']).toBe('BLimKasKlk');
      expect(rgs['1100']).toBe('BLimBanRba');
      expect(rgs['4100']).toBe('WBedHui');
      expect(rgs['8500']).toBe('WFbeRlmObr');
      expect(rgs['4999']).toBeNull();
      if (reused) expect(rgs['4900']).toBeNull();
      for (const a of list) if (!['1000', '4999', ...(reused ? ['4900'] : [])].includes(a.code) && DEFAULT_RGS[a.code]) expect(a.rgsCode, a.code).toBe(DEFAULT_RGS[a.code]);
      const v = await b.call<VerifyResult>('audit.verify');
      expect(v.ok, JSON.stringify(v)).toBe(true);
    } finally {
      b.close();
    }
  });
});
