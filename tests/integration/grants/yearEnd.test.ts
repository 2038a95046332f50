import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Grant, GrantReport, YearEndProposal } from '../../../shared/api/grants';
import type { TrialBalance } from '../../../shared/api/types';
import { cleanupTempDirs, expectDutch, expectKassaError, makeBooks, todayAfterYear, type TestBooks } from '../helpers';
import { counts, receive, spend } from './setup';

const open: TestBooks[] = [];
afterEach(() => {
  for (const b of open.splice(0)) b.close();
});
afterAll(() => cleanupTempDirs());
// These tests close 2026, which is only possible once 2026 is over.
let restoreClock = () => {};
beforeAll(() => void (restoreClock = todayAfterYear(2026)));
afterAll(() => restoreClock());

async function setup(mustReturnUnspent: boolean, endDate: string): Promise<{ b: TestBooks; grant: Grant; line: number }> {
  const b = await makeBooks({ year: 2026 });
  open.push(b);
  const fund = await b.call('funds.create', { name: 'Kansfonds', fundType: 'fund' });
  const grant = await b.call<Grant>('grants.create', {
    fund: fund.id, project: 'Buurtmoestuin', applied: '4000.00', awarded: '4000.00', startDate: '2026-03-01', endDate, mustReturnUnspent,
    budgetLines: [{ name: 'Zaden en gereedschap', amount: '4000.00', accounts: ['4300'] }],
  });
  return { b, grant, line: grant.budgetLines[0]!.id };
}

const lines = (p: YearEndProposal) => p.lines.map((l) => [l.account, l.debit, l.credit, l.grant]);

async function balance(b: TestBooks, code: string, year?: number): Promise<string> {
  const tb = await b.call<TrialBalance>('reports.trialBalance', year ? { year } : {});
  return tb.accounts.find((a) => a.code === code)?.balance ?? '0.00';
}

describe('grants.yearEndProposal / yearEndConfirm', () => {
  it('moves the unspent part of a grant the foundation may keep to the bestemmingsfonds, and releases it when spent later', async () => {
    const { b, grant, line } = await setup(false, '2027-06-30');
    await receive(b, '2026-03-05', '3000.00', grant.id);
    await spend(b, '2026-05-01', '950.00', '4300', grant.id, line);
    const p = await b.call<YearEndProposal>('grants.yearEndProposal', { grant: grant.id, year: 2026 });
    expect(p).toMatchObject({ date: '2026-12-31', received: '3000.00', spent: '950.00', unspent: '2050.00', target: 'reserve', nothingToDo: false, periodEnded: false });
    expect(lines(p)).toEqual([['0590', '2050.00', null, false], ['0520', null, '2050.00', true]]);
    expectDutch(p.explanation);
    expect(p.explanation).toContain('bestemmingsfonds');

    const before = counts(b);
    const posted = await b.call('grants.yearEndConfirm', { grant: grant.id, year: 2026 });
    expect(posted.ref).toMatch(/^MEM 2026-\d{4}$/);
    const entry = await b.call('entries.get', { id: posted.id });
    expect(entry.source).toBe('grant.yearEnd');
    expect(entry.lines.map((l: { account: string; grant: number | null }) => [l.account, l.grant])).toEqual([['0590', null], ['0520', grant.id]]);
    expect(counts(b)).toMatchObject({ entries: before.entries! + 1, lines: before.lines! + 2 });
    expect(await balance(b, '0520')).toBe('-2050.00');
    // the report of the grant is about real money: the move changes neither spent nor received
    const r = await b.call<GrantReport>('grants.report', { grant: grant.id });
    expect(r).toMatchObject({ received: '3000.00', unspent: '2050.00' });
    expect(r.totals.actual).toBe('950.00');

    // confirmed once: nothing more to do for that year
    expect((await b.call<YearEndProposal>('grants.yearEndProposal', { grant: grant.id, year: 2026 })).nothingToDo).toBe(true);
    const again = counts(b);
    await expectKassaError(b.call('grants.yearEndConfirm', { grant: grant.id, year: 2026 }), 'INVALID_INPUT');
    expect(counts(b)).toEqual(again);

    // next year 1000 more is spent: that much comes out of the fund again
    await b.call('years.openNext');
    await spend(b, '2027-02-01', '1000.00', '4300', grant.id, line);
    const p2 = await b.call<YearEndProposal>('grants.yearEndProposal', { grant: grant.id, year: 2027 });
    expect(p2).toMatchObject({ unspent: '1050.00', current: { reserve: '2050.00' }, wanted: { reserve: '1050.00' } });
    expect(lines(p2)).toEqual([['0520', '1000.00', null, true], ['0590', null, '1000.00', false]]);
    await b.call('grants.yearEndConfirm', { grant: grant.id, year: 2027 });
    expect(await balance(b, '0520')).toBe('-1050.00');
  });

  it('treats unspent money that must be returned as received in advance while the grant runs and as a debt once it has ended', async () => {
    const { b, grant, line } = await setup(true, '2027-05-31');
    await receive(b, '2026-03-05', '4000.00', grant.id);
    await spend(b, '2026-06-01', '1500.00', '4300', grant.id, line);
    const p = await b.call<YearEndProposal>('grants.yearEndProposal', { grant: grant.id, year: 2026 });
    expect(p).toMatchObject({ target: 'deferred', periodEnded: false, unspent: '2500.00' });
    expect(lines(p)).toEqual([['8300', '2500.00', null, false], ['1410', null, '2500.00', true]]);
    expect(p.explanation).toContain('1410');
    await b.call('grants.yearEndConfirm', { grant: grant.id, year: 2026 });
    // income of 2026 is what was spent in 2026
    expect(await balance(b, '8300', 2026)).toBe('-1500.00');

    await b.call('years.openNext');
    await spend(b, '2027-03-01', '1000.00', '4300', grant.id, line);
    const p2 = await b.call<YearEndProposal>('grants.yearEndProposal', { grant: grant.id, year: 2027 });
    expect(p2).toMatchObject({ target: 'payable', periodEnded: true, unspent: '1500.00', current: { deferred: '2500.00', payable: '0.00' }, wanted: { deferred: '0.00', payable: '1500.00' } });
    expect(lines(p2)).toEqual([['1410', '2500.00', null, true], ['8300', null, '1000.00', false], ['1420', null, '1500.00', true]]);
    await b.call('grants.yearEndConfirm', { grant: grant.id, year: 2027 });
    expect(await balance(b, '1410')).toBe('0.00');
    expect(await balance(b, '1420')).toBe('-1500.00');
    expect(await balance(b, '8300', 2027)).toBe('-1000.00');

    // paying the money back does not make the proposal book it again
    await b.call('entries.post', { date: '2027-12-15', description: 'Terugbetaling aan Kansfonds', lines: [{ account: '1420', debit: '1500.00', grant: grant.id }, { account: '1100', credit: '1500.00' }] });
    expect((await b.call<YearEndProposal>('grants.yearEndProposal', { grant: grant.id, year: 2027 })).nothingToDo).toBe(true);
  });

  it('proposes again after the year-end entry was reversed, and refuses closed or unknown years writing nothing', async () => {
    const { b, grant, line } = await setup(false, '2026-12-31');
    await receive(b, '2026-03-05', '500.00', grant.id);
    await spend(b, '2026-04-01', '100.00', '4300', grant.id, line);
    const posted = await b.call('grants.yearEndConfirm', { grant: grant.id, year: 2026 });
    await b.call('entries.reverse', { id: posted.id });
    const p = await b.call<YearEndProposal>('grants.yearEndProposal', { grant: grant.id, year: 2026 });
    expect(lines(p)).toEqual([['0590', '400.00', null, false], ['0520', null, '400.00', true]]);
    await expectKassaError(b.call('grants.yearEndProposal', { grant: grant.id, year: 2030 }), 'NOT_FOUND');
    await expectKassaError(b.call('grants.yearEndProposal', { grant: 77, year: 2026 }), 'NOT_FOUND');
    await b.call('years.openNext');
    await b.call('years.close', { year: 2026 });
    const before = counts(b);
    await expectKassaError(b.call('grants.yearEndConfirm', { grant: grant.id, year: 2026 }), 'YEAR_CLOSED');
    expect(counts(b)).toEqual(before);
  });
});
