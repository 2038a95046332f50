/**
 * The yearly trial balance with opening, debit, credit and closing (issue 16). The review's example:
 * a treasurer saw "Kas −68,51" for a year in which the real cash balance was + 526,25, because the
 * trial balance showed only that year's mutations. Balance-sheet accounts must open with their
 * balance at the start of the year (including earlier years' result not yet appropriated, on one
 * equity line), income and expenses at zero — with the previous year open and closed, for a period
 * starting inside a year, and the same numbers through the CLI (JSON and CSV).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BalanceSheet } from '../../shared/api/statements';
import type { TrialBalance, TrialBalanceRow } from '../../shared/api/types';
import { assertDistBuilt, cents, cleanupTempDirs, cliJson, makeBooks, openBooksSession, parseCsv, runCli, simpleEntry, type TestBooks } from './helpers';

afterAll(cleanupTempDirs);

const row = (tb: TrialBalance, code: string): TrialBalanceRow => {
  const r = tb.accounts.find((a) => a.code === code);
  if (!r) throw new Error(`${code} missing: ${tb.accounts.map((a) => a.code).join(', ')}`);
  return r;
};
const pick = (r: TrialBalanceRow) => [r.opening, r.debit, r.credit, r.closing];

let b: TestBooks;

beforeAll(async () => {
  b = await makeBooks({ year: 2025 });
  await b.call('entries.post', simpleEntry('2025-01-05', '1100', '8000', '1200.00', 'Gift'));
  await b.call('entries.post', simpleEntry('2025-01-06', '1000', '1100', '700.00', 'Kas gevuld'));
  await b.call('entries.post', simpleEntry('2025-03-01', '4200', '1000', '105.24', 'Activiteit'));
  await b.call('years.openNext');
  await b.call('entries.post', simpleEntry('2026-02-10', '4200', '1000', '68.51', 'Boodschappen buurtmaaltijd'));
  await b.call('entries.post', simpleEntry('2026-03-10', '4610', '1100', '9.50', 'Bankkosten'));
});

afterAll(() => b.close());

describe('trial balance of a year', () => {
  test('cash opens with its balance: 594,76 − 68,51 = 526,25, not −68,51', async () => {
    const tb = await b.call<TrialBalance>('reports.trialBalance', { year: 2026 });
    expect(pick(row(tb, '1000'))).toEqual(['594.76', '0.00', '68.51', '526.25']);
    expect(row(tb, '1000').balance).toBe('-68.51');
    expect(pick(row(tb, '1100'))).toEqual(['500.00', '0.00', '9.50', '490.50']);
    // Income and expenses open at zero; 2025's result (1200.00 − 105.24) opens on one equity line.
    expect(pick(row(tb, '4200'))).toEqual(['0.00', '68.51', '0.00', '68.51']);
    expect(tb.accounts.find((a) => a.code === '8000')).toBeUndefined();
    const earlier = tb.accounts.filter((a) => a.kind === 'earlierResult');
    expect(earlier.map(pick)).toEqual([['-1094.76', '0.00', '0.00', '-1094.76']]);
    expect(earlier[0]).toMatchObject({ type: 'equity', name: 'Resultaat eerdere boekjaren (nog niet bestemd)' });
    expect(tb.totals).toEqual({ opening: '0.00', debit: '78.01', credit: '78.01', closing: '0.00' });
  });

  test('closing equals the balance sheet: cash, and equity with the earlier result', async () => {
    const tb = await b.call<TrialBalance>('reports.trialBalance', { year: 2026 });
    const bs = await b.call<BalanceSheet>('reports.balanceSheet', { year: 2026 });
    const liquide = bs.activa.find((r) => r.key === 'liquide')!;
    expect(cents(liquide.current!)).toBe(cents(row(tb, '1000').closing) + cents(row(tb, '1100').closing));
    const earlierLine = bs.passiva.find((r) => r.key === 'resultaat_eerdere_jaren')!;
    expect(-cents(earlierLine.current!)).toBe(cents(tb.accounts.find((a) => a.kind === 'earlierResult')!.closing));
  });

  test('a period starting inside the year opens income and expenses with the year so far', async () => {
    const tb = await b.call<TrialBalance>('reports.trialBalance', { from: '2026-03-01', to: '2026-12-31' });
    expect(pick(row(tb, '1000'))).toEqual(['526.25', '0.00', '0.00', '526.25']);
    expect(pick(row(tb, '4200'))).toEqual(['68.51', '0.00', '0.00', '68.51']);
    expect(pick(row(tb, '4610'))).toEqual(['0.00', '9.50', '0.00', '9.50']);
    expect(tb.accounts.find((a) => a.kind === 'earlierResult')?.opening).toBe('-1094.76');
    expect(tb.totals.opening).toBe('0.00');
    expect(tb.totals.closing).toBe('0.00');
  });

  test('the first year and the whole books open at zero', async () => {
    for (const input of [{ year: 2025 }, {}, { date: '2026-02-28' }]) {
      const tb = await b.call<TrialBalance>('reports.trialBalance', input);
      for (const a of tb.accounts) expect([a.kind, a.opening, a.closing], `${JSON.stringify(input)} ${a.code}`).toEqual(['account', '0.00', a.balance]);
    }
  });

  test('after closing 2025 the result sits in the reserves: no earlier-result line, 0590 opens with it', async () => {
    const c = await makeBooks({ year: 2025 });
    try {
      await c.call('entries.post', simpleEntry('2025-01-05', '1100', '8000', '1200.00', 'Gift'));
      await c.call('entries.post', simpleEntry('2025-03-01', '4200', '1100', '105.24', 'Activiteit'));
      await c.call('years.openNext');
      await c.call('entries.post', simpleEntry('2026-02-10', '4200', '1100', '68.51'));
      await c.call('yearEnd.close', { year: 2025 });
      const tb = await c.call<TrialBalance>('reports.trialBalance', { year: 2026 });
      expect(tb.accounts.some((a) => a.kind === 'earlierResult')).toBe(false);
      expect(pick(row(tb, '0590'))).toEqual(['-1094.76', '0.00', '0.00', '-1094.76']);
      expect(pick(row(tb, '1100'))).toEqual(['1094.76', '0.00', '68.51', '1026.25']);
      expect(tb.totals).toEqual({ opening: '0.00', debit: '68.51', credit: '68.51', closing: '0.00' });
    } finally {
      c.close();
    }
  });
});

describe('kassa report trial-balance', () => {
  test('JSON and CSV carry opening and closing with the totals', async () => {
    assertDistBuilt();
    b.close();
    try {
      const json = cliJson<TrialBalance>(await runCli(['report', b.file, 'trial-balance', '--year', '2026']));
      expect(pick(row(json, '1000'))).toEqual(['594.76', '0.00', '68.51', '526.25']);
      const r = await runCli(['report', b.file, 'trial-balance', '--year', '2026', '--format', 'csv']);
      expect(r.status, r.stderr).toBe(0);
      const rows = parseCsv(r.stdout);
      expect(rows[0]).toEqual(['code', 'name', 'opening', 'debit', 'credit', 'closing', 'balance']);
      expect(rows.find((c) => c[0] === '1000')).toEqual(['1000', 'Kas', '594.76', '0.00', '68.51', '526.25', '-68.51']);
      expect(rows.find((c) => c[0] === 'RESULTAAT-EERDER')!.slice(2, 6)).toEqual(['-1094.76', '0.00', '0.00', '-1094.76']);
      expect(rows.at(-1)).toEqual(['', 'Totaal', '0.00', '78.01', '78.01', '0.00', '']);
    } finally {
      b = await openBooksSession(b.file);
    }
  });
});
