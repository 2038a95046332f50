import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocationProblem, incomeAccountFor, proRata, roundToEuro, spendLevel, spendWarning, yearEndDeltas, yearEndTargets,
  type GrantForAllocation,
} from '../../shared/rules/grants';

const grant: GrantForAllocation = { id: 7, project: 'Taalcafé', status: 'awarded', startDate: '2026-03-01', endDate: '2026-08-31', archived: false };

describe('allocationProblem', () => {
  const cases: [string, GrantForAllocation | null, Parameters<typeof allocationProblem>[1], boolean, string | null][] = [
    ['cost inside the period', grant, { accountType: 'expense', date: '2026-03-01' }, false, null],
    ['cost on the last day', grant, { accountType: 'expense', date: '2026-08-31' }, false, null],
    ['cost before the period', grant, { accountType: 'expense', date: '2026-02-28' }, false, 'GRANT_PERIOD'],
    ['cost after the period', grant, { accountType: 'expense', date: '2026-09-01' }, false, 'GRANT_PERIOD'],
    ['income before the period (an advance)', grant, { accountType: 'income', date: '2026-01-10' }, false, null],
    ['year-end move after the period', grant, { accountType: 'equity', date: '2026-12-31' }, false, null],
    ['unknown grant (other administration)', null, { accountType: 'expense', date: '2026-04-01' }, false, 'NOT_FOUND'],
    ['rejected grant', { ...grant, status: 'rejected' }, { accountType: 'expense', date: '2026-04-01' }, false, 'GRANT_REJECTED'],
    ['rejected grant, income', { ...grant, status: 'rejected' }, { accountType: 'income', date: '2026-04-01' }, false, 'GRANT_REJECTED'],
    ['archived grant', { ...grant, archived: true }, { accountType: 'expense', date: '2026-04-01' }, false, 'INVALID_INPUT'],
    ['budget line of this grant', grant, { accountType: 'expense', date: '2026-04-01', budgetLine: { grantId: 7 } }, true, null],
    ['budget line of another grant', grant, { accountType: 'expense', date: '2026-04-01', budgetLine: { grantId: 8 } }, true, 'BUDGET_LINE_MISMATCH'],
    ['budget line that does not exist', grant, { accountType: 'expense', date: '2026-04-01', budgetLine: { grantId: null } }, true, 'NOT_FOUND'],
    ['budget line on income', grant, { accountType: 'income', date: '2026-04-01', budgetLine: { grantId: 7 } }, true, 'INVALID_INPUT'],
    ['applied (not yet awarded) grant', { ...grant, status: 'applied' }, { accountType: 'expense', date: '2026-04-01' }, false, null],
  ];
  it.each(cases)('%s', (_name, g, line, given, code) => {
    const p = allocationProblem(g, line, given);
    expect(p?.code ?? null).toBe(code);
    if (p) {
      expect(p.message).toMatch(/[a-z]/);
      expect(p.message).not.toMatch(/\b(the|invalid|error|grant)\b/i);
    }
  });

  it('names the field the problem is about', () => {
    expect(allocationProblem(grant, { accountType: 'expense', date: '2026-04-01', budgetLine: { grantId: 8 } }, true)?.field).toBe('budgetLine');
    expect(allocationProblem(grant, { accountType: 'expense', date: '2027-04-01' }, false)?.field).toBe('grant');
  });
});

describe('spendLevel', () => {
  it('warns from 90 %, at 100 % and above', () => {
    expect(spendLevel(100000n, 89999n)).toEqual({ percent: '89.9', level: 'ok' });
    expect(spendLevel(100000n, 90000n)).toEqual({ percent: '90.0', level: 'near' });
    expect(spendLevel(100000n, 99999n)).toEqual({ percent: '99.9', level: 'near' });
    expect(spendLevel(100000n, 100000n)).toEqual({ percent: '100.0', level: 'full' });
    expect(spendLevel(100000n, 100001n)).toEqual({ percent: '100.0', level: 'over' });
    expect(spendLevel(0n, 0n)).toEqual({ percent: null, level: 'ok' });
    expect(spendLevel(0n, 1n)).toEqual({ percent: null, level: 'over' });
    expect(spendLevel(1000n, -250n)).toEqual({ percent: '-25.0', level: 'ok' });
  });

  it('level is monotonic in the amount spent and agrees with the 90 % line', () => {
    const rank = { ok: 0, near: 1, full: 2, over: 3 } as const;
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 6n }), (budget, a, extra) => {
        const x = spendLevel(budget, a);
        const y = spendLevel(budget, a + extra);
        expect(rank[y.level]).toBeGreaterThanOrEqual(rank[x.level]);
        expect(x.level === 'ok').toBe(a * 10n < budget * 9n);
      }),
    );
  });

  it('writes a Dutch warning', () => {
    expect(spendWarning({ line: 'Huur' }, spendLevel(1000n, 950n), '€ 0,50', '')?.message).toBe('Let op: begrotingsregel "Huur" is voor 95,0 % besteed. Er is nog € 0,50 over.');
    expect(spendWarning('grant', spendLevel(1000n, 1200n), '', '€ 2,00')?.message).toMatch(/^De begroting van deze subsidie is overschreden met € 2,00/);
    expect(spendWarning({ line: 'x' }, spendLevel(1000n, 10n), '', '')).toBeNull();
  });
});

describe('year end of a grant', () => {
  it('keeps unspent money in the bestemmingsfonds, or owes it when it must go back', () => {
    expect(yearEndTargets(5000n, false, true)).toEqual({ reserve: 5000n, deferred: 0n, payable: 0n });
    expect(yearEndTargets(5000n, true, false)).toEqual({ reserve: 0n, deferred: 5000n, payable: 0n });
    expect(yearEndTargets(5000n, true, true)).toEqual({ reserve: 0n, deferred: 0n, payable: 5000n });
    expect(yearEndTargets(-300n, false, true)).toEqual({ reserve: 0n, deferred: 0n, payable: 0n });
  });

  it('books only the difference with what earlier years moved, and the moves balance out', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), fc.boolean(), fc.boolean(),
        fc.record({ reserve: fc.bigInt({ min: 0n, max: 10n ** 9n }), deferred: fc.bigInt({ min: 0n, max: 10n ** 9n }), payable: fc.bigInt({ min: 0n, max: 10n ** 9n }) }),
        (unspent, mustReturn, ended, current) => {
          const t = yearEndTargets(unspent, mustReturn, ended);
          const d = yearEndDeltas(t, current);
          expect(current.reserve + d.reserve).toBe(t.reserve);
          expect(current.deferred + d.deferred).toBe(t.deferred);
          expect(current.payable + d.payable).toBe(t.payable);
          expect(t.reserve + t.deferred + t.payable).toBe(unspent > 0n ? unspent : 0n);
        },
      ),
    );
  });
});

describe('budget helpers', () => {
  it('pro-rata stays within 0 and the year amount and is exact at the ends', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 1, max: 366 }), fc.integer({ min: 365, max: 366 }), (amount, days, year) => {
        const p = proRata(amount, days, year);
        expect(p >= 0n && p <= amount).toBe(true);
        expect(proRata(amount, year, year)).toBe(amount);
        expect(proRata(amount, 0, year)).toBe(0n);
      }),
    );
    expect(proRata(36500n, 1, 365)).toBe(100n);
    expect(proRata(100n, 1, 3)).toBe(33n);
    expect(proRata(100n, 2, 3)).toBe(67n);
  });

  it('rounds a suggestion to whole euros, half up', () => {
    expect(roundToEuro(123449n)).toBe(123400n);
    expect(roundToEuro(123450n)).toBe(123500n);
    expect(roundToEuro(0n)).toBe(0n);
  });

  it('books a grant on the usual income account of its funder', () => {
    expect(incomeAccountFor('government')).toBe('8200');
    expect(incomeAccountFor('fund')).toBe('8300');
    expect(incomeAccountFor('lottery')).toBe('8150');
    expect(incomeAccountFor('company')).toBe('8100');
    expect(incomeAccountFor('private')).toBe('8000');
    expect(incomeAccountFor(null)).toBe('8300');
  });
});
