/**
 * Issue 16 leftover: allocation keys (RJ 650 lastenverdeling) per year. A key holds from its year
 * until a later year's key; the keys a file already had hold for every year; the income statement
 * of a year splits its costs with that year's keys; a closed year's key is fixed.
 */
import { afterAll, describe, expect, test } from 'vitest';
import type { Allocation } from '../../../shared/api/allocation';
import type { IncomeStatement } from '../../../shared/api/statements';
import { cleanupTempDirs, expectDutch, expectKassaError, makeBooks, simpleEntry, tableSnapshot, todayAfterYear } from '../helpers';

afterAll(cleanupTempDirs);

const amount = (is: IncomeStatement, key: string) => is.rows.find((r) => r.key === key)?.current ?? null;

describe('allocation keys per year', () => {
  test('the base key holds every year until a year has its own; statements use their year\'s key', async () => {
    const tb = await makeBooks({ year: 2026 });
    try {
      await tb.call('org.update', { layout: 'rj650' });
      await tb.call('years.openNext');
      await tb.call('entries.post', simpleEntry('2026-03-01', '4100', '1100', '100.00', 'Huur'));
      await tb.call('entries.post', simpleEntry('2027-03-01', '4100', '1100', '100.00', 'Huur'));
      // The key the file had before keys were per year: every year.
      await tb.call('allocation.setKeys', { account: '4100', shares: [{ target: 'werving', percent: '50' }, { target: 'beheer', percent: '50' }] });
      for (const year of [2026, 2027]) {
        const is = await tb.call<IncomeStatement>('reports.incomeStatement', { year });
        expect([amount(is, 'wervingskosten'), amount(is, 'beheer_administratie')]).toEqual(['50.00', '50.00']);
      }
      // From 2027 on, all of the rent is management.
      const a = await tb.call<Allocation>('allocation.setKeys', { account: '4100', year: 2027, shares: [{ target: 'beheer', percent: '100' }] });
      expect(a.year).toBe(2027);
      expect(a.accounts.find((x) => x.code === '4100')).toMatchObject({ fromYear: 2027, shares: [{ target: 'beheer', percent: '100.00' }] });
      expect((await tb.call<Allocation>('allocation.get', { year: 2026 })).accounts.find((x) => x.code === '4100')).toMatchObject({ fromYear: null, shares: [{ percent: '50.00' }, { percent: '50.00' }] });
      expect((await tb.call<Allocation>('allocation.get', { year: 2030 })).accounts.find((x) => x.code === '4100')!.fromYear).toBe(2027);
      const is26 = await tb.call<IncomeStatement>('reports.incomeStatement', { year: 2026 });
      const is27 = await tb.call<IncomeStatement>('reports.incomeStatement', { year: 2027 });
      expect([amount(is26, 'wervingskosten'), amount(is26, 'beheer_administratie')]).toEqual(['50.00', '50.00']);
      expect([amount(is27, 'wervingskosten'), amount(is27, 'beheer_administratie')]).toEqual(['0.00', '100.00']);
      // An empty key from a year on: back to 100 % on the account's own line from then.
      await tb.call('years.openNext');
      await tb.call('allocation.setKeys', { account: '4100', year: 2028, shares: [] });
      expect((await tb.call<Allocation>('allocation.get', { year: 2028 })).accounts.find((x) => x.code === '4100')).toMatchObject({ fromYear: 2028, shares: [] });

      // A closed year's key is fixed; an unknown year is refused; nothing written.
      const restore = todayAfterYear(2026);
      await tb.call('yearEnd.close', { year: 2026 });
      restore();
      const before = tableSnapshot(tb);
      const closed = await expectKassaError(tb.call('allocation.setKeys', { account: '4100', year: 2026, shares: [] }), 'YEAR_CLOSED');
      expectDutch(closed.message);
      await expectKassaError(tb.call('allocation.setKeys', { account: '4100', year: 2031, shares: [] }), 'NOT_FOUND');
      expect(tableSnapshot(tb)).toEqual(before);
    } finally {
      tb.close();
    }
  });
});
