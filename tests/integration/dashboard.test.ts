/**
 * The dashboard's figures (reports.dashboard) come from the per-year account totals: they must be
 * what the posted lines say — money accounts over all years, income and expenses of the year asked
 * (by default the newest open one) — with drafts left out and a reversal counted.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../shared/api/types';
import { cleanupTempDirs, makeBooks, simpleEntry } from './helpers';

afterAll(cleanupTempDirs);

describe('reports.dashboard', () => {
  it('sums money accounts over every year and income and expenses of one year', async () => {
    const b = await makeBooks({ year: 2026 });
    try {
      await b.call('entries.post', simpleEntry('2026-02-01', '1100', '8000', '1000.00'));
      await b.call('entries.post', simpleEntry('2026-03-01', '4100', '1100', '250.50'));
      await b.call('entries.post', simpleEntry('2026-03-02', '1000', '1100', '40.00'));
      const wrong = (await b.call('entries.post', simpleEntry('2026-03-03', '4100', '1000', '10.00'))) as { id: number };
      await b.call('entries.reverse', { id: wrong.id, date: '2026-03-04' });
      await b.call('entries.saveDraft', { date: '2026-04-05', description: 'Concept', lines: [{ account: '4100', debit: '99.00' }, { account: '1100', credit: '99.00' }] });
      await b.call('years.openNext');
      await b.call('entries.post', simpleEntry('2027-01-10', '1100', '8000', '5.25'));

      const d2027 = (await b.call('reports.dashboard', {})) as Dashboard;
      expect(d2027.year).toBe(2027);
      const money = Object.fromEntries(d2027.money.map((m) => [m.code, m.balance]));
      expect(money['1100']).toBe('714.75'); // 1000 - 250.50 - 40 + 5.25; the draft not
      expect(money['1000']).toBe('40.00'); // +40, -10 reversed
      expect(d2027).toMatchObject({ income: '5.25', expenses: '0.00', result: '5.25' });

      expect(await b.call('reports.dashboard', { year: 2026 })).toMatchObject({ year: 2026, income: '1000.00', expenses: '250.50', result: '749.50' });
    } finally {
      b.close();
    }
  });
});
