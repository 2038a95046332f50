/**
 * Balance sheet, income statement, cash flow and the ANBI figures on realistic demo books, through
 * the dispatcher on a real SQLite file.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BalanceSheet, CashFlow, IncomeStatement, StatementRow } from '../../../shared/api/statements';
import type { TrialBalance } from '../../../shared/api/types';
import { cents, cleanupTempDirs, expectKassaError, simpleEntry, type TestBooks } from '../helpers';
import { amountOf, datesIn, demoBooks, equityOf, FIRST_YEAR, LAST_YEAR } from './helpers';

let tb: TestBooks;
const YEARS = [FIRST_YEAR, FIRST_YEAR + 1, LAST_YEAR];

beforeAll(async () => {
  tb = await demoBooks();
  // A few things the demo does not do: an asset, a receivable, a payable, a user-made account.
  await tb.call('entries.post', simpleEntry(`${LAST_YEAR}-03-01`, '0100', '1100', '1200.00', 'Naaimachines gekocht'));
  await tb.call('entries.post', simpleEntry(`${LAST_YEAR}-06-30`, '1310', '8300', '2500.00', 'Toegezegde bijdrage fonds'));
  await tb.call('entries.post', simpleEntry(`${LAST_YEAR}-11-30`, '4100', '1600', '450.00', 'Huur december nog te betalen'));
  await tb.call('accounts.create', { code: '8600', name: 'Verkoop tweedehands', type: 'income' });
  await tb.call('entries.post', simpleEntry(`${LAST_YEAR}-05-05`, '1000', '8600', '75.50', 'Rommelmarkt'));
});

afterAll(() => {
  tb.close();
  cleanupTempDirs();
});

function lineRows(rows: StatementRow[]): StatementRow[] {
  return rows.filter((r) => r.kind === 'line');
}

function expectNotesAddUp(rows: StatementRow[]): void {
  for (const r of lineRows(rows)) {
    if (r.accounts.length === 0) continue;
    for (const col of ['current', 'previous', 'budget'] as const) {
      if (r[col] === null) continue;
      const sum = r.accounts.reduce((t, a) => t + cents(a[col] ?? '0.00'), 0n);
      expect(sum, `${r.key} ${col}`).toBe(cents(r[col]!));
    }
  }
}

function expectSubtotalsAddUp(rows: StatementRow[]): void {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  for (const r of rows) {
    if (r.kind !== 'subtotal' && r.kind !== 'total') continue;
    for (const col of ['current', 'previous', 'budget'] as const) {
      if (r[col] === null) continue;
      let t = 0n;
      for (const k of r.plus ?? []) t += cents(byKey.get(k)![col]!);
      for (const k of r.minus ?? []) t -= cents(byKey.get(k)![col]!);
      expect(t, `${r.key} ${col}`).toBe(cents(r[col]!));
    }
  }
}

describe('balance sheet', () => {
  test('assets equal liabilities plus equity at every year end and every mid-year date', async () => {
    const dates = [`${FIRST_YEAR - 1}-12-31`, `${LAST_YEAR + 1}-02-01`, ...YEARS.flatMap(datesIn)];
    for (const date of dates) {
      const bs = await tb.call<BalanceSheet>('reports.balanceSheet', { date });
      expect(bs.balanced, date).toBe(true);
      expect(bs.totals.activa, date).toBe(bs.totals.passiva);
      expect(bs.totals.previousActiva, date).toBe(bs.totals.previousPassiva);
      expectNotesAddUp([...bs.activa, ...bs.passiva]);
      expectSubtotalsAddUp(bs.activa);
      expectSubtotalsAddUp(bs.passiva);
      // Independent check: total assets = the asset accounts of the trial balance at that date.
      const tbAt = await tb.call<TrialBalance>('reports.trialBalance', { date });
      const assets = tbAt.accounts.filter((a) => a.type === 'asset').reduce((t, a) => t + cents(a.balance), 0n);
      expect(cents(bs.totals.activa), date).toBe(assets);
    }
    for (const year of YEARS) {
      const bs = await tb.call<BalanceSheet>('reports.balanceSheet', { year });
      expect(bs.date).toBe(`${year}-12-31`);
      expect(bs.balanced).toBe(true);
      expect(bs.previousDate).toBe(year === FIRST_YEAR ? null : `${year - 1}-12-31`);
    }
  });

  test('the previous column is last year end as its own balance sheet shows it', async () => {
    const now = await tb.call<BalanceSheet>('reports.balanceSheet', { year: LAST_YEAR });
    const before = await tb.call<BalanceSheet>('reports.balanceSheet', { year: LAST_YEAR - 1 });
    for (const r of [...now.activa, ...now.passiva]) {
      if (r.kind === 'heading') continue;
      const b = [...before.activa, ...before.passiva].find((x) => x.key === r.key);
      if (!b) {
        expect(r.previous === null || cents(r.previous) === 0n, r.key).toBe(true);
        continue;
      }
      // The result of LAST_YEAR-1 was "this year's result" then, and is "an earlier year's" now.
      if (r.key === 'resultaat_boekjaar' || r.key === 'resultaat_eerdere_jaren') continue;
      expect(r.previous, r.key).toBe(b.current);
    }
  });

  test('the undivided result sits inside reserves and funds and the user-made account lands on a line', async () => {
    const bs = await tb.call<BalanceSheet>('reports.balanceSheet', { year: LAST_YEAR });
    const keys = bs.passiva.map((r) => r.key);
    expect(keys).toContain('resultaat_boekjaar');
    expect(keys).toContain('resultaat_eerdere_jaren');
    expect(bs.notes.length).toBeGreaterThan(0);
    const mva = bs.activa.find((r) => r.key === 'mva')!;
    expect(mva.current).toBe('1200.00');
    expect(mva.accounts.map((a) => a.code)).toEqual(['0100']);
    const is = await tb.call<IncomeStatement>('reports.incomeStatement', { year: LAST_YEAR });
    const overige = is.rows.find((r) => r.key === 'overige_baten')!;
    expect(overige.accounts.map((a) => a.code)).toContain('8600');
  });

  test('bad input: unknown year, year and date together, neither', async () => {
    await expectKassaError(tb.call('reports.balanceSheet', { year: 1999 }), 'NOT_FOUND');
    await expectKassaError(tb.call('reports.balanceSheet', { year: LAST_YEAR, date: `${LAST_YEAR}-01-01` }), 'INVALID_INPUT');
    await expectKassaError(tb.call('reports.balanceSheet', {}), 'INVALID_INPUT');
    await expectKassaError(tb.call('reports.balanceSheet', { date: '2024-02-30' }), 'INVALID_INPUT');
  });
});

describe('income statement', () => {
  test('the result equals the change in equity, every year', async () => {
    let previousEquity = 0n;
    for (const year of YEARS) {
      const is = await tb.call<IncomeStatement>('reports.incomeStatement', { year });
      const bs = await tb.call<BalanceSheet>('reports.balanceSheet', { year });
      const equity = equityOf(bs);
      expect(cents(is.result.current), String(year)).toBe(equity - previousEquity);
      expect(amountOf(is.rows, 'saldo')).toBe(cents(is.result.current));
      expectNotesAddUp(is.rows);
      expectSubtotalsAddUp(is.rows);
      // Saldo = minus the income and expense accounts of the trial balance.
      const t = await tb.call<TrialBalance>('reports.trialBalance', { year });
      const pl = t.accounts.filter((a) => a.type === 'income' || a.type === 'expense').reduce((s, a) => s + cents(a.balance), 0n);
      expect(cents(is.result.current)).toBe(-pl);
      // Proposed appropriation: everything to the other reserves.
      expect(is.appropriation.proposed).toBe(true);
      expect(cents(is.appropriation.total)).toBe(cents(is.result.current));
      previousEquity = equity;
    }
  });

  test('the previous column is last year as its own statement shows it', async () => {
    const now = await tb.call<IncomeStatement>('reports.incomeStatement', { year: LAST_YEAR });
    const before = await tb.call<IncomeStatement>('reports.incomeStatement', { year: LAST_YEAR - 1 });
    expect(now.previousYear).toBe(LAST_YEAR - 1);
    for (const r of now.rows) {
      if (r.kind === 'heading') continue;
      expect(r.previous, r.key).toBe(before.rows.find((b) => b.key === r.key)!.current);
    }
    const first = await tb.call<IncomeStatement>('reports.incomeStatement', { year: FIRST_YEAR });
    expect(first.previousYear).toBeNull();
    expect(first.rows.every((r) => r.previous === null)).toBe(true);
  });

  test('RJ 640 lists income by kind; RJ 650 by source with the same saldo', async () => {
    const rj640 = await tb.call<IncomeStatement>('reports.incomeStatement', { year: LAST_YEAR });
    expect(rj640.layout).toBe('rj640');
    expect(rj640.rows.map((r) => r.label)).toEqual(
      expect.arrayContaining(['Subsidiebaten', 'Giften en baten uit fondsenwerving', 'Sponsorbijdragen', 'Financiële baten', 'Overige baten', 'Som van de baten', 'Som van de lasten', 'Saldo van baten en lasten']),
    );
    await tb.call('org.update', { layout: 'rj650' });
    try {
      const rj650 = await tb.call<IncomeStatement>('reports.incomeStatement', { year: LAST_YEAR });
      expect(rj650.layout).toBe('rj650');
      expect(rj650.rows.map((r) => r.label)).toEqual(
        expect.arrayContaining([
          'Baten van particulieren', 'Baten van bedrijven', 'Baten van loterijorganisaties', 'Baten van subsidies van overheden',
          'Baten van andere organisaties zonder winststreven', 'Som van de geworven baten', 'Som van de baten', 'Besteed aan doelstellingen',
          'Wervingskosten', 'Kosten beheer en administratie', 'Saldo voor financiële baten en lasten', 'Financiële baten en lasten', 'Saldo van baten en lasten',
        ]),
      );
      expect(rj650.result).toEqual(rj640.result);
      expectSubtotalsAddUp(rj650.rows);
      expectNotesAddUp(rj650.rows);
      const bs = await tb.call<BalanceSheet>('reports.balanceSheet', { year: LAST_YEAR });
      expect(bs.layout).toBe('rj650');
      expect(bs.balanced).toBe(true);
    } finally {
      await tb.call('org.update', { layout: 'rj640' });
    }
  });

  test('the budget column comes from the annual budget', async () => {
    const without = await tb.call<IncomeStatement>('reports.incomeStatement', { year: FIRST_YEAR + 1 });
    expect(without.budgetAvailable).toBe(false);
    expect(without.rows.every((r) => r.budget === null)).toBe(true);
    await tb.call('budgets.set', {
      year: FIRST_YEAR + 1,
      lines: [
        { account: '8200', amount: '50000.00' },
        { account: '8000', amount: '20000.00' },
        { account: '4100', amount: '30000.00' },
        { account: '4000', amount: '12000.50' },
      ],
    });
    const is = await tb.call<IncomeStatement>('reports.incomeStatement', { year: FIRST_YEAR + 1 });
    expect(is.budgetAvailable).toBe(true);
    expect(is.columns.budget).toBe(`Begroting ${FIRST_YEAR + 1}`);
    expect(amountOf(is.rows, 'subsidiebaten', 'budget')).toBe(5_000_000n);
    expect(amountOf(is.rows, 'som_baten', 'budget')).toBe(7_000_000n);
    expect(amountOf(is.rows, 'som_lasten', 'budget')).toBe(4_200_050n);
    expect(is.result.budget).toBe('27999.50');
    expectSubtotalsAddUp(is.rows);
  });

  test('an unknown year is NOT_FOUND', async () => {
    await expectKassaError(tb.call('reports.incomeStatement', { year: 2001 }), 'NOT_FOUND');
    await expectKassaError(tb.call('reports.incomeStatement', {}), 'INVALID_INPUT');
  });
});

describe('cash flow', () => {
  test('starts at the opening and ends at the closing bank and cash balances', async () => {
    let previousClosing = 0n;
    for (const year of YEARS) {
      const cf = await tb.call<CashFlow>('reports.cashFlow', { year });
      const t = await tb.call<TrialBalance>('reports.trialBalance', { date: `${year}-12-31` });
      const money = t.accounts.filter((a) => ['1000', '1100', '1110'].includes(a.code)).reduce((s, a) => s + cents(a.balance), 0n);
      expect(cents(cf.closing), String(year)).toBe(money);
      expect(cf.matchesBalances).toBe(true);
      expect(cents(cf.opening)).toBe(previousClosing);
      expect(cents(cf.opening) + cents(cf.netChange)).toBe(cents(cf.closing));
      let net = 0n;
      for (const s of cf.sections) {
        const rowsNet = s.rows.reduce((x, r) => x + cents(r.net), 0n);
        expect(rowsNet).toBe(cents(s.net));
        for (const r of s.rows) {
          expect(cents(r.receipts) - cents(r.payments)).toBe(cents(r.net));
          expect(r.accounts.reduce((x, a) => x + cents(a.net), 0n)).toBe(cents(r.net));
        }
        net += cents(s.net);
      }
      expect(net).toBe(cents(cf.netChange));
      expect(cents(cf.internalTransfers)).toBeGreaterThan(0n); // the demo tops up the cash box from the bank
      previousClosing = cents(cf.closing);
    }
  });

  test('an investment is an investing activity', async () => {
    const cf = await tb.call<CashFlow>('reports.cashFlow', { year: LAST_YEAR });
    const inv = cf.sections.find((s) => s.key === 'investeringen')!;
    expect(inv.net).toBe('-1200.00');
  });
});

describe('ANBI', () => {
  test('not an ANBI: says so; an ANBI: figures, deadline, checklist', async () => {
    const not = await tb.call('reports.anbi', { year: LAST_YEAR });
    expect(not.anbi).toBe(false);
    expect(not.message).toMatch(/niet als ANBI/);
    await tb.call('org.update', { anbi: true, rsin: '002165879', email: 'penningmeester@example.nl' });
    const a = await tb.call('reports.anbi', { year: LAST_YEAR });
    expect(a.anbi).toBe(true);
    expect(a.variant).toBe('algemeen');
    expect(a.deadline).toBe(`${LAST_YEAR + 1}-06-30`);
    const labels = a.balance.map((f: { label: string }) => f.label);
    expect(labels).toEqual(expect.arrayContaining(['Immateriële vaste activa', 'Materiële vaste activa', 'Liquide middelen', 'Totaal activa', 'Kortlopende schulden', 'Totaal passiva']));
    const ta = a.balance.find((f: { key: string }) => f.key === 'totaal_activa');
    const tp = a.balance.find((f: { key: string }) => f.key === 'totaal_passiva');
    expect(ta.current).toBe(tp.current);
    expect(a.incomeStatement.find((f: { key: string }) => f.key === 'saldo')).toBeDefined();
    const items = new Map(a.checklist.map((i: { key: string }) => [i.key, i]));
    expect((items.get('rsin') as { done: boolean }).done).toBe(true);
    expect((items.get('contact') as { done: boolean }).done).toBe(true);
    expect((items.get('beleidsplan') as { done: boolean; source: string }).done).toBe(false);
    const ticked = await tb.call('anbi.setItem', { year: LAST_YEAR, item: 'beleidsplan', done: true, note: 'Op de website sinds maart' });
    expect(ticked.done).toBe(true);
    expect(ticked.note).toBe('Op de website sinds maart');
    await expectKassaError(tb.call('anbi.setItem', { year: LAST_YEAR, item: 'onzin', done: true }), 'INVALID_INPUT');
    await tb.call('org.update', { layout: 'rj650' });
    try {
      const f = await tb.call('reports.anbi', { year: LAST_YEAR });
      expect(f.variant).toBe('fondsenwervend');
      expect(f.incomeStatement.map((x: { label: string }) => x.label)).toContain('Som van de geworven baten');
      expect(typeof f.formRequired).toBe('boolean');
      expect(f.formRequiredReason).toMatch(/€ 50\.000/);
    } finally {
      await tb.call('org.update', { layout: 'rj640', anbi: false });
    }
  });
});
