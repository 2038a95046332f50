import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Budget, BudgetSuggestion, BudgetVsActual, Coverage, Grant, ProjectSummary } from '../../../shared/api/grants';
import { cleanupTempDirs, expectKassaError, makeBooks, simpleEntry, todayAfterYear, type TestBooks } from '../helpers';
import { counts, grantBooks, spend, type GrantBooks } from './setup';

const open: TestBooks[] = [];
afterEach(() => {
  for (const b of open.splice(0)) b.close();
});
afterAll(() => cleanupTempDirs());
// These tests close 2026, which is only possible once 2026 is over.
let restoreClock = () => {};
beforeAll(() => void (restoreClock = todayAfterYear(2026)));
afterAll(() => restoreClock());

async function books(): Promise<GrantBooks> {
  const b = await grantBooks();
  open.push(b);
  return b;
}

describe('budgets (begroting)', () => {
  it('lists every income and expense account, income first, and saves the year budget', async () => {
    const b = await books();
    const empty = await b.call<Budget>('budgets.get', { year: 2026 });
    expect(empty.yearStatus).toBe('open');
    expect(empty.lines.every((l) => l.amount === '0.00' && !l.set)).toBe(true);
    expect(empty.lines[0]!.type).toBe('income');
    expect(empty.lines.at(-1)!.type).toBe('expense');
    expect(empty.lines.some((l) => l.account === '1100')).toBe(false);

    const saved = await b.call<Budget>('budgets.set', {
      year: 2026,
      lines: [{ account: '8300', amount: '5000.00' }, { account: '8000', amount: '1200.50' }, { account: '4100', amount: '3650.00' }, { account: '4200', amount: '1825.00' }, { account: '4300', amount: '0.00' }],
    });
    expect(saved.totals).toEqual({ income: '6200.50', expense: '5475.00', result: '725.50' });
    expect(saved.lines.find((l) => l.account === '4300')).toMatchObject({ amount: '0.00', set: true });
    expect(saved.lines.find((l) => l.account === '4400')).toMatchObject({ amount: '0.00', set: false });
    // set replaces the whole budget of the year
    const again = await b.call<Budget>('budgets.set', { year: 2026, lines: [{ account: '4100', amount: '100.00' }] });
    expect(again.totals).toEqual({ income: '0.00', expense: '100.00', result: '-100.00' });
    // a budget can be made for a year that is not opened yet
    const next = await b.call<Budget>('budgets.set', { year: 2027, lines: [{ account: '4100', amount: '4000.00' }] });
    expect(next.yearStatus).toBe('none');
  });

  it('refuses negative amounts, balance-sheet accounts, unknown and double accounts, writing nothing', async () => {
    const b = await books();
    await b.call('budgets.set', { year: 2026, lines: [{ account: '4100', amount: '100.00' }] });
    const before = counts(b);
    const neg = await expectKassaError(b.call('budgets.set', { year: 2026, lines: [{ account: '4100', amount: '10.00' }, { account: '4200', amount: '-5.00' }] }), 'INVALID_AMOUNT');
    expect(neg.field).toBe('lines.1.amount');
    expect((await expectKassaError(b.call('budgets.set', { year: 2026, lines: [{ account: '1100', amount: '10.00' }] }), 'INVALID_INPUT')).field).toBe('lines.0.account');
    expect((await expectKassaError(b.call('budgets.set', { year: 2026, lines: [{ account: '9999', amount: '10.00' }] }), 'UNKNOWN_ACCOUNT')).field).toBe('lines.0.account');
    expect((await expectKassaError(b.call('budgets.set', { year: 2026, lines: [{ account: '4100', amount: '1.00' }, { account: '4100', amount: '2.00' }] }), 'DUPLICATE')).field).toBe('lines.1.account');
    expect(counts(b)).toEqual(before);
    expect((await b.call<Budget>('budgets.get', { year: 2026 })).totals.expense).toBe('100.00');
  });

  it('keeps the budget of a closed year as it was (code and trigger)', async () => {
    const b = await books();
    await b.call('budgets.set', { year: 2026, lines: [{ account: '4100', amount: '100.00' }] });
    await b.call('years.openNext');
    await b.call('years.close', { year: 2026 });
    const before = counts(b);
    await expectKassaError(b.call('budgets.set', { year: 2026, lines: [] }), 'YEAR_CLOSED');
    const db = b.session.books!;
    expect(() => db.raw('DELETE FROM budgets WHERE year = 2026').run()).toThrow(/YEAR_CLOSED/);
    expect(() => db.raw(`INSERT INTO budgets (year, account_id, amount_cents) VALUES (2026, (SELECT id FROM accounts WHERE code = '4200'), 1)`).run()).toThrow(/YEAR_CLOSED/);
    expect(() => db.raw(`INSERT INTO budgets (year, account_id, amount_cents) VALUES (2027, (SELECT id FROM accounts WHERE code = '1100'), 1)`).run()).toThrow(/BUDGET_ACCOUNT/);
    expect(counts(b)).toEqual(before);
    expect((await b.call<Budget>('budgets.get', { year: 2026 })).yearStatus).toBe('closed');
  });

  it('suggests last year’s actuals, rounded to whole euros, as the start of next year’s budget', async () => {
    const b = await makeBooks({ year: 2025 });
    open.push(b);
    await b.call('entries.post', simpleEntry('2025-03-01', '4100', '1100', '1234.49'));
    await b.call('entries.post', simpleEntry('2025-06-01', '4100', '1100', '100.02'));
    await b.call('entries.post', simpleEntry('2025-04-01', '1100', '8000', '250.50'));
    await b.call('entries.post', simpleEntry('2025-04-02', '1100', '1110', '999.00')); // no income or expense
    await b.call('years.openNext');
    const s = await b.call<BudgetSuggestion>('budgets.suggest', { year: 2026 });
    expect(s.previousYear).toBe(2025);
    expect(s.lines.map((l) => [l.account, l.previousActual, l.amount])).toEqual([['8000', '250.50', '251.00'], ['4100', '1334.51', '1335.00']]);
    expect(s.totals).toEqual({ income: '251.00', expense: '1335.00', result: '-1084.00' });
    const budget = await b.call<Budget>('budgets.get', { year: 2026 });
    expect(budget.lines.find((l) => l.account === '4100')!.previousActual).toBe('1334.51');
  });
});

describe('budgets.vsActual', () => {
  it('gives budget vs actual year to date per account and per statement line (RJ 640), with the pro-rata budget', async () => {
    const b = await books();
    await b.call('budgets.set', { year: 2026, lines: [{ account: '8300', amount: '7300.00' }, { account: '4200', amount: '3650.00' }, { account: '4300', amount: '365.00' }, { account: '4100', amount: '1000.00' }] });
    await b.call('money.received', { date: '2026-02-01', description: 'Fonds', amount: '2000.00', into: '1100', category: '8300' });
    await spend(b, '2026-03-01', '1000.00', '4200');
    await spend(b, '2026-03-31', '50.00', '4300');
    await spend(b, '2026-04-01', '999.00', '4200'); // after the date asked for
    const r = await b.call<BudgetVsActual>('budgets.vsActual', { year: 2026, to: '2026-03-31' });
    expect(r).toMatchObject({ year: 2026, from: '2026-01-01', to: '2026-03-31', layout: 'rj640' });
    const acc = (code: string) => r.accounts.find((a) => a.account === code)!;
    // 90 of 365 days
    expect(acc('4200')).toMatchObject({ budget: '3650.00', budgetToDate: '900.00', actual: '1000.00', difference: '-2650.00', percent: '27.3', line: 'lasten_activiteiten' });
    expect(acc('8300')).toMatchObject({ budget: '7300.00', budgetToDate: '1800.00', actual: '2000.00', percent: '27.3' });
    const line = (key: string) => r.lines.find((l) => l.key === key)!;
    expect(line('lasten_activiteiten')).toMatchObject({ name: 'Activiteiten en materialen', budget: '4015.00', actual: '1050.00', accounts: ['4200', '4300'] });
    expect(line('subsidiebaten')).toMatchObject({ type: 'income', budget: '7300.00', actual: '2000.00', accounts: ['8200', '8300'] });
    expect(r.lines.map((l) => l.key)).toEqual([
      'subsidiebaten', 'giften_fondsenwerving', 'baten_tegenprestatie', 'financiele_baten', 'overige_baten',
      'lasten_vrijwilligers', 'lasten_huisvesting', 'lasten_activiteiten', 'lasten_inhuur', 'lasten_fondsenwerving', 'lasten_kantoor',
      'lasten_afschrijvingen', 'lasten_overige', 'financiele_lasten',
    ]);
    expect(r.totals.income).toMatchObject({ budget: '7300.00', actual: '2000.00' });
    expect(r.totals.expense).toMatchObject({ budget: '5015.00', actual: '1050.00' });
    expect(r.totals.result).toEqual({ budget: '2285.00', budgetToDate: expect.any(String), actual: '950.00' });

    const year = await b.call<BudgetVsActual>('budgets.vsActual', { year: 2026 });
    expect(year.to).toBe('2026-12-31');
    expect(year.accounts.find((a) => a.account === '4200')).toMatchObject({ budgetToDate: '3650.00', actual: '1999.00' });
  });

  it('groups by the RJ 650 lines when the foundation chose that layout, and refuses bad periods', async () => {
    const b = await grantBooks({ layout: 'rj650' });
    open.push(b);
    await spend(b, '2026-03-01', '10.00', '4200');
    await spend(b, '2026-03-01', '20.00', '4610');
    const r = await b.call<BudgetVsActual>('budgets.vsActual', { year: 2026 });
    expect(r.layout).toBe('rj650');
    expect(r.lines.find((l) => l.key === 'besteed_doelstellingen')!.actual).toBe('10.00');
    expect(r.lines.find((l) => l.key === 'beheer_administratie')!.actual).toBe('20.00');
    await expectKassaError(b.call('budgets.vsActual', { year: 2031 }), 'NOT_FOUND');
    await expectKassaError(b.call('budgets.vsActual', { year: 2026, to: '2025-12-31' }), 'INVALID_INPUT');
  });
});

describe('coverage plan (dekkingsplan)', () => {
  it('shows which grants and other sources cover the project: applied vs awarded, and the gap', async () => {
    const b = await books();
    await b.call<Grant>('grants.create', { fund: b.fund.id, project: 'taalcafé de brug', applied: '2000.00', startDate: '2026-01-01', endDate: '2026-12-31' });
    const gemeente = await b.call('funds.create', { name: 'Gemeente', fundType: 'government' });
    await b.call<Grant>('grants.create', { fund: gemeente.id, project: 'Taalcafé De Brug', applied: '1000.00', status: 'rejected', startDate: '2026-01-01', endDate: '2026-12-31' });
    const c = await b.call<Coverage>('coverage.set', {
      project: 'Taalcafé De Brug',
      note: 'Taalcafé voor 40 buurtbewoners',
      costs: [{ name: 'Huur', amount: '1500.00' }, { name: 'Coaching', amount: '4000.00' }, { name: 'Materialen', amount: '2500.00' }],
      otherSources: [{ name: 'Eigen bijdrage deelnemers', amount: '300.00', confirmed: true }, { name: 'Sponsor bakker', amount: '700.00' }],
    });
    expect(c.costTotal).toBe('8000.00');
    expect(c.sources.map((s) => [s.kind, s.fund ?? s.name, s.status, s.applied, s.confirmed, s.pending])).toEqual([
      // grants by start date
      ['grant', 'Oranje Fonds', 'applied', '2000.00', '0.00', '2000.00'],
      ['grant', 'Gemeente', 'rejected', '1000.00', '0.00', '0.00'],
      ['grant', 'Oranje Fonds', 'awarded', '6000.00', '5000.00', '0.00'],
      ['other', 'Eigen bijdrage deelnemers', null, '300.00', '300.00', '0.00'],
      ['other', 'Sponsor bakker', null, '700.00', '0.00', '700.00'],
    ]);
    expect(c.totals).toEqual({ applied: '10000.00', confirmed: '5300.00', pending: '2700.00', gap: '2700.00', gapIfAllAwarded: '0.00' });
    expect(await b.call<Coverage>('coverage.get', { project: 'TAALCAFÉ DE BRUG'.replace('É', 'é') })).toEqual(c);
    const projects = await b.call<ProjectSummary[]>('coverage.projects');
    expect(projects).toEqual([{ project: 'Taalcafé De Brug', grants: 3, hasPlan: true, costTotal: '8000.00', confirmed: '5300.00' }]);
  });

  it('refuses negative costs, writing nothing; an unknown project is simply empty', async () => {
    const b = await books();
    const before = counts(b);
    const e = await expectKassaError(b.call('coverage.set', { project: 'Nieuw', costs: [{ name: 'Huur', amount: '-1.00' }] }), 'INVALID_AMOUNT');
    expect(e.field).toBe('costs.0.amount');
    expect(counts(b)).toEqual(before);
    expect(await b.call<Coverage>('coverage.get', { project: 'Bestaat niet' })).toMatchObject({ exists: false, costTotal: '0.00', sources: [] });
  });
});
