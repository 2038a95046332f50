/**
 * Property test: for random books, the trial balance (reports.trialBalance) equals an independent
 * model of the postings, and equals what hledger computes from export.hledger — per account, to
 * the cent — for all years, per fiscal year and up to a date. Needs hledger on the PATH
 * (Debian: apt-get install hledger).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, TrialBalance } from '../../shared/api/types';
import { cents, cleanupTempDirs, makeBooks, openBooksSession, parseCsv, tempDir, todayAfterYear, type TestBooks } from './helpers';

afterAll(cleanupTempDirs);

const YEARS = [2026, 2027] as const;

/** Accounts beyond the chart whose names could trip up a ledger-format parser. */
const TRICKY_ACCOUNTS = [
  { code: '4901', name: 'Kosten: diversen', type: 'expense' },
  { code: '4902', name: 'Kosten; “citaat” & #hash @ 2 * ! = 3', type: 'expense' },
  { code: '8901', name: 'Baten  met   spaties', type: 'income' },
  { code: '8902', name: 'Ééntje (met haakjes) [en zo] 12', type: 'income' },
  { code: '2010', name: 'Tab\there', type: 'asset' },
  { code: 'X-1.a', name: 'Rare code', type: 'liability' },
  { code: '0599', name: '-5 EUR', type: 'equity' },
] as const;

function hledgerVersion(): string | null {
  const r = spawnSync('hledger', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Exact cents -> API string, written independently of shared/money.ts. */
function str(c: bigint): string {
  const neg = c < 0n;
  const a = neg ? -c : c;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

function isoDate(year: number, dayOfYear: number): string {
  return new Date(Date.UTC(year, 0, 1) + dayOfYear * 86_400_000).toISOString().slice(0, 10);
}

function nextDay(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}


/** hledger amount cell -> exact cents: "1234.56 EUR", "-0.05 EUR", "0". Never through floats. */
function hledgerCents(cell: string): bigint {
  const s = cell.trim();
  if (s === '0' || s === '') return 0n;
  const m = /^(-?)(\d+)\.(\d{2}) EUR$/.exec(s);
  if (!m) throw new Error(`unexpected hledger amount: ${JSON.stringify(cell)}`);
  const v = BigInt(m[2]!) * 100n + BigInt(m[3]!);
  return m[1] ? -v : v;
}

interface HledgerBalances {
  /** account code -> balance per column (one column, or one per year with -Y) */
  byCode: Map<string, bigint[]>;
  names: Map<string, string>;
  header: string[];
}

function hledgerBal(journal: string, args: string[]): HledgerBalances {
  const r = spawnSync('hledger', ['-f', journal, 'bal', '-O', 'csv', '--flat', '--no-total', '-E', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`hledger failed (${r.status}): ${r.stderr}\n--- journal ---\n${fs.readFileSync(journal, 'utf8').slice(0, 4000)}`);
  const rows = parseCsv(r.stdout);
  const header = rows[0]!;
  expect(header[0]).toBe('account');
  const byCode = new Map<string, bigint[]>();
  const names = new Map<string, string>();
  for (const row of rows.slice(1)) {
    const name = row[0]!;
    const code = name.split(' ')[0]!;
    expect(byCode.has(code), `hledger shows account code ${code} twice: ${name} / ${names.get(code)}`).toBe(false);
    byCode.set(code, row.slice(1).map(hledgerCents));
    names.set(code, name);
  }
  return { byCode, names, header };
}

// ------------------------------------------------------------------------------------------------
// The model: what the trial balance must be, computed from the generated postings alone.
// ------------------------------------------------------------------------------------------------
interface GenEntry {
  year: number;
  day: number;
  accounts: number[];
  amounts: bigint[];
  draft: boolean;
  description: string;
}

interface Posting { code: string; date: string; cents: bigint }

function modelTb(postings: Posting[], filter: (p: Posting) => boolean): Map<string, { d: bigint; c: bigint }> {
  const m = new Map<string, { d: bigint; c: bigint }>();
  for (const p of postings) {
    if (!filter(p)) continue;
    const t = m.get(p.code) ?? { d: 0n, c: 0n };
    if (p.cents > 0n) t.d += p.cents;
    else t.c -= p.cents;
    m.set(p.code, t);
  }
  return m;
}

interface Opening { accounts: Map<string, bigint>; earlier: bigint }
const NO_OPENING: Opening = { accounts: new Map(), earlier: 0n };

/** What a period starting on `start` (a fiscal year's first day) opens with: balance-sheet accounts carry over, income and expenses of earlier years go to one line. */
function modelOpening(postings: Posting[], start: string, types: Map<string, string>): Opening {
  const o: Opening = { accounts: new Map(), earlier: 0n };
  for (const p of postings) {
    if (p.date >= start) continue;
    const t = types.get(p.code)!;
    if (t === 'income' || t === 'expense') o.earlier += p.cents;
    else o.accounts.set(p.code, (o.accounts.get(p.code) ?? 0n) + p.cents);
  }
  return o;
}

function expectTbEqualsModel(tb: TrialBalance, model: Map<string, { d: bigint; c: bigint }>, what: string, opening: Opening = NO_OPENING): void {
  const got = new Map(tb.accounts.filter((a) => a.kind === 'account').map((a) => [a.code, a]));
  const codes = new Set([...model.keys(), ...[...opening.accounts].filter(([, v]) => v !== 0n).map(([k]) => k)]);
  expect([...got.keys()].sort(), `${what}: accounts`).toEqual([...codes].sort());
  let td = 0n;
  let tc = 0n;
  for (const code of codes) {
    const { d, c } = model.get(code) ?? { d: 0n, c: 0n };
    const o = opening.accounts.get(code) ?? 0n;
    const a = got.get(code)!;
    expect([a.opening, a.debit, a.credit, a.balance, a.closing], `${what}: ${code}`).toEqual([str(o), str(d), str(c), str(d - c), str(o + d - c)]);
    td += d;
    tc += c;
  }
  const earlier = tb.accounts.filter((a) => a.kind === 'earlierResult');
  expect(earlier.map((a) => a.opening), `${what}: earlier years' result`).toEqual(opening.earlier === 0n ? [] : [str(opening.earlier)]);
  expect(tb.totals, `${what}: totals`).toEqual({ opening: '0.00', debit: str(td), credit: str(tc), closing: '0.00' });
  expect(tb.totals.debit, `${what}: debit = credit`).toBe(tb.totals.credit);
}

/** hledger's balance per code equals the trial balance's balance (accounts absent on one side are 0). */
function expectTbEqualsHledger(tb: TrialBalance, h: HledgerBalances, column: number, what: string): void {
  const codes = new Set([...tb.accounts.map((a) => a.code), ...h.byCode.keys()]);
  let sum = 0n;
  for (const code of codes) {
    const ours = tb.accounts.find((a) => a.code === code);
    const theirs = h.byCode.get(code)?.[column] ?? 0n;
    expect(theirs, `${what}: hledger vs trial balance for ${code} (${h.names.get(code) ?? ours?.name})`).toBe(ours ? cents(ours.balance) : 0n);
    sum += theirs;
  }
  expect(sum, `${what}: hledger balances sum to zero`).toBe(0n);
}

// ------------------------------------------------------------------------------------------------
const amountArb = fc.oneof(
  fc.bigInt({ min: 1n, max: 999n }),
  fc.bigInt({ min: 1n, max: 1_000_000_000n }),
  fc.constantFrom(1n, 5n, 99n, 100n, 999_999_999n, 1_000_000_000n),
);
const signedArb = fc.tuple(amountArb, fc.boolean()).map(([a, neg]) => (neg ? -a : a));
const descriptionArb = fc.oneof(
  fc.constantFrom('Gift', 'Huur; ruimte', 'Betaling | factuur 12', '(haakjes) en [blokken]', 'Regel\neen\r\ntwee', '  spaties  ', 'Euro € 12,50', '* ster', '; alleen commentaar'),
  fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0),
);
const entryArb: fc.Arbitrary<GenEntry> = fc.record({
  year: fc.constantFrom(...YEARS),
  day: fc.integer({ min: 0, max: 364 }),
  accounts: fc.array(fc.nat(), { minLength: 2, maxLength: 5 }),
  amounts: fc.array(signedArb, { minLength: 4, maxLength: 4 }),
  draft: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
  description: descriptionArb,
});
const booksArb = fc.record({
  entries: fc.array(entryArb, { minLength: 1, maxLength: 25 }),
  cutYear: fc.constantFrom(...YEARS),
  cutDay: fc.integer({ min: 0, max: 364 }),
  closeFirstYear: fc.boolean(),
});

/** Lines for one generated entry: n−1 free amounts and one that balances them (never zero). */
function linesOf(e: GenEntry, codes: string[]): { code: string; cents: bigint }[] {
  const n = e.accounts.length;
  const free = e.amounts.slice(0, n - 1);
  let sum = free.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    free[0] = free[0]! + (free[0]! > 0n ? 1n : -1n);
    sum = free.reduce((a, b) => a + b, 0n);
  }
  const all = [...free, -sum];
  return all.map((c, i) => ({ code: codes[e.accounts[i]! % codes.length]!, cents: c }));
}

describe('trial balance = model = hledger (property)', () => {
  /** Made once: two open years and the tricky accounts. Each run works on a fresh copy. */
  let template: string;

  beforeAll(async () => {
    if (!hledgerVersion()) {
      throw new Error('hledger is not installed; install it (Debian: apt-get install -y hledger) to run this test.');
    }
    const t = await makeBooks({ year: 2026, fileName: 'template.kassa' });
    await t.call('years.openNext');
    for (const a of TRICKY_ACCOUNTS) await t.call('accounts.create', a);
    t.close();
    template = t.file;
  });

  async function freshBooks(): Promise<TestBooks> {
    const file = path.join(tempDir('kassa-prop-'), 'prop.kassa');
    fs.copyFileSync(template, file);
    return openBooksSession(file);
  }

  it('holds for random books over two fiscal years', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(booksArb, async (g) => {
        runs++;
        const b = await freshBooks();
        try {
          const chart = await b.call<Account[]>('accounts.list');
          const codes = chart.map((a) => a.code);
          const types = new Map(chart.map((a) => [a.code, a.type as string]));

          const posted: Posting[] = [];
          for (const e of g.entries) {
            const date = isoDate(e.year, e.day);
            const lines = linesOf(e, codes);
            const input = {
              date, description: e.description,
              lines: lines.map((l) => (l.cents > 0n ? { account: l.code, debit: str(l.cents) } : { account: l.code, credit: str(-l.cents) })),
            };
            if (e.draft) {
              await b.call('entries.saveDraft', input);
            } else {
              await b.call('entries.post', input);
              for (const l of lines) posted.push({ code: l.code, date, cents: l.cents });
            }
          }
          if (g.closeFirstYear && g.entries.every((e) => !(e.draft && e.year === 2026))) {
            const restore = todayAfterYear(2026);
            await b.call('years.close', { year: 2026 }).finally(restore);
          }

          const cut = isoDate(g.cutYear, g.cutDay);
          const tbAll = await b.call<TrialBalance>('reports.trialBalance');
          const tbYears = await Promise.all(YEARS.map((year) => b.call<TrialBalance>('reports.trialBalance', { year })));
          const tbCut = await b.call<TrialBalance>('reports.trialBalance', { date: cut });

          // 1. the engine against the model
          expectTbEqualsModel(tbAll, modelTb(posted, () => true), 'all');
          YEARS.forEach((year, i) =>
            expectTbEqualsModel(tbYears[i]!, modelTb(posted, (p) => p.date.startsWith(`${year}-`)), String(year), modelOpening(posted, `${year}-01-01`, types)),
          );
          expectTbEqualsModel(tbCut, modelTb(posted, (p) => p.date <= cut), `up to ${cut}`);

          // 2. the engine against hledger on the export
          const journal = path.join(b.dir, 'all.journal');
          const exp = await b.call<{ entries: number }>('export.hledger', { path: journal });
          expect(exp.entries).toBe(g.entries.filter((e) => !e.draft).length);
          // one hledger run: a column per year plus the row total (= all years)
          const all = hledgerBal(journal, ['-Y', '-T', '-b', '2026-01-01', '-e', '2028-01-01']);
          expect(all.header.slice(1)).toEqual(['2026', '2027', 'total']);
          YEARS.forEach((year, i) => expectTbEqualsHledger(tbYears[i]!, all, i, `hledger ${year}`));
          expectTbEqualsHledger(tbAll, all, 2, 'hledger all');
          expectTbEqualsHledger(tbCut, hledgerBal(journal, ['-e', nextDay(cut)]), 0, `hledger up to ${cut}`);

          // 3. the exporter's own year filter
          const y = g.cutYear;
          const yearJournal = path.join(b.dir, `${y}.journal`);
          await b.call('export.hledger', { path: yearJournal, year: y });
          expectTbEqualsHledger(tbYears[YEARS.indexOf(y)]!, hledgerBal(yearJournal, []), 0, `hledger export --year ${y}`);

          // 4. hledger keeps each account's name (code first, then the name as the app shows it)
          for (const [code, name] of all.names) expect(name.startsWith(`${code} `), name).toBe(true);
        } finally {
          b.close();
          fs.rmSync(b.dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 30, endOnFailure: true },
    );
    expect(runs).toBeGreaterThanOrEqual(30);
  });

  it('an export with the largest amounts and many lines still balances in hledger', async () => {
    const b = await makeBooks({ year: 2026 });
    try {
      const big = '999999999.99';
      await b.call('entries.post', { date: '2026-06-30', description: 'Groot', lines: [{ account: '0100', debit: big }, { account: '0590', credit: big }] });
      const lines = Array.from({ length: 200 }, (_, i) => ({ account: i % 2 ? '4200' : '4300', debit: str(BigInt(i + 1)) }));
      const total = lines.reduce((s, l) => s + cents(l.debit), 0n);
      await b.call('entries.post', { date: '2026-07-01', description: 'Veel regels', lines: [...lines, { account: '1100', credit: str(total) }] });
      const journal = path.join(tempDir(), 'groot.journal');
      await b.call('export.hledger', { path: journal });
      const tb = await b.call<TrialBalance>('reports.trialBalance');
      const h = hledgerBal(journal, []);
      expectTbEqualsHledger(tb, h, 0, 'big');
      expect(h.byCode.get('0100')).toEqual([99_999_999_999n]);
    } finally {
      b.close();
    }
  });
});
