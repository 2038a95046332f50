/**
 * hledger's own statements on the app's hledger export (issue 16): every account is declared with
 * its type (A/C/L/E/R/X), so `hledger bse`, `is` and `cf` work on the file as it is, and their
 * totals equal the app's balance sheet, income statement and change in cash — over three years,
 * one of them closed with a closing entry, the others still open. Needs hledger on the PATH.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BalanceSheet, IncomeStatement } from '../../../shared/api/statements';
import { cents, cleanupTempDirs, parseCsv, tempDir, type TestBooks } from '../helpers';
import { amountOf, demoBooks, FIRST_YEAR, LAST_YEAR } from './helpers';

let tb: TestBooks;
let journal: string;

beforeAll(async () => {
  tb = await demoBooks({ transactions: 1500, seed: 3 });
  await tb.call('yearEnd.close', { year: FIRST_YEAR });
  journal = path.join(tempDir('kassa-hledger-'), 'stichting.journal');
  await tb.call('export.hledger', { path: journal });
});

afterAll(() => {
  tb.close();
  cleanupTempDirs();
});

/** "1234.56 EUR" / "-0.05 EUR" / "" -> exact cents. */
function hCents(cell: string | undefined): bigint {
  const s = (cell ?? '').trim();
  if (s === '' || s === '0') return 0n;
  const m = /^(-?)(\d+)\.(\d{2}) EUR$/.exec(s);
  if (!m) throw new Error(`unexpected hledger amount: ${JSON.stringify(cell)}`);
  const v = BigInt(m[2]!) * 100n + BigInt(m[3]!);
  return m[1] ? -v : v;
}

/** A hledger compound report as CSV: the total of each section, the accounts listed, and Net. */
function report(cmd: string, args: string[]): { sections: Map<string, bigint>; accounts: Map<string, string[]>; net: bigint } {
  const r = spawnSync('hledger', ['-f', journal, cmd, '-O', 'csv', '--flat', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`hledger ${cmd} failed: ${r.stderr}`);
  const rows = parseCsv(r.stdout);
  const sections = new Map<string, bigint>();
  const accounts = new Map<string, string[]>();
  let current = '';
  let net = 0n;
  for (const row of rows.slice(2)) {
    const [name = '', amount] = row;
    if (name === 'total') sections.set(current, hCents(amount));
    else if (name === 'Net:') net = hCents(amount);
    else if (amount === '' || amount === undefined) {
      current = name;
      accounts.set(current, []);
    } else accounts.get(current)!.push(name);
  }
  return { sections, accounts, net };
}

const next = (year: number) => `${year + 1}-01-01`;

describe('hledger bse / is / cf on the export equal the app', () => {
  test('hledger is installed', () => {
    expect(spawnSync('hledger', ['--version']).status, 'install hledger (Debian: apt-get install hledger)').toBe(0);
  });

  test('the export declares every account with its type', async () => {
    const text = fs.readFileSync(journal, 'utf8');
    const accounts = await tb.call<{ code: string; type: string; kind: string | null }[]>('accounts.list', { includeArchived: true });
    const expected: Record<string, string> = { asset: 'A', liability: 'L', equity: 'E', income: 'R', expense: 'X' };
    for (const a of accounts) {
      const m = new RegExp(`^account ${a.code} .*  ; type: ([ACLERX])$`, 'm').exec(text);
      expect(m, `declaration of ${a.code}`).not.toBeNull();
      expect(m![1], a.code).toBe(a.kind ? 'C' : expected[a.type]);
    }
  });

  for (const year of [FIRST_YEAR, FIRST_YEAR + 1, LAST_YEAR]) {
    test(`balance sheet at the end of ${year}: assets, liabilities + equity + unappropriated result`, async () => {
      const bs = await tb.call<BalanceSheet>('reports.balanceSheet', { year });
      const bse = report('bse', ['-e', next(year)]);
      expect(bse.accounts.get('Assets')!.length, 'hledger lists the asset accounts').toBeGreaterThan(0);
      expect(bse.sections.get('Assets'), 'total assets').toBe(cents(bs.totals.activa));
      // hledger shows the income and expenses not yet closed into equity as its Net; the app shows
      // them inside reserves and funds. Together they are the passiva.
      const open = report('is', ['-e', next(year)]).net;
      expect((bse.sections.get('Liabilities') ?? 0n) + (bse.sections.get('Equity') ?? 0n) + open, 'liabilities + equity + result').toBe(cents(bs.totals.passiva));
      expect(bse.net, 'hledger Net = the result not yet appropriated').toBe(open);
    });
  }

  test('income statement of an open year: hledger is Net = the app\'s saldo van baten en lasten', async () => {
    const is = await tb.call<IncomeStatement>('reports.incomeStatement', { year: LAST_YEAR });
    const h = report('is', ['-b', `${LAST_YEAR}-01-01`, '-e', next(LAST_YEAR)]);
    expect(h.accounts.get('Revenues')!.length).toBeGreaterThan(0);
    expect(h.accounts.get('Expenses')!.length).toBeGreaterThan(0);
    expect(h.net).toBe(cents(is.result.current));
  });

  test('cash flow: hledger cf follows the bank and cash accounts; its total is the change in liquide middelen', async () => {
    const bs = await tb.call<BalanceSheet>('reports.balanceSheet', { year: LAST_YEAR });
    const cf = report('cf', ['-b', `${LAST_YEAR}-01-01`, '-e', next(LAST_YEAR)]);
    const cash = [...cf.accounts.values()].flat().map((n) => n.split(' ')[0]);
    expect(cash.length).toBeGreaterThan(0);
    for (const code of cash) expect(['1000', '1100', '1110']).toContain(code);
    expect([...cf.sections.values()].reduce((a, b) => a + b, 0n)).toBe(amountOf(bs.activa, 'liquide') - amountOf(bs.activa, 'liquide', 'previous'));
  });
});
