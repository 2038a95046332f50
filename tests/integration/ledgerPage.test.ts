/**
 * The general ledger screen's pages (issue 18): newest first by default, a month or any period,
 * keyset paging from any date in both directions, and a running balance that is right on every
 * page because each page carries the balance just before its oldest line. Checked against the
 * whole ledger of the same period, and the query plan against the index it is built for.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GeneralLedger, LedgerPage, LedgerRow } from '../../shared/api/types';
import { cleanupTempDirs, expectKassaError, makeBooks, simpleEntry, type TestBooks } from './helpers';

afterAll(cleanupTempDirs);

let b: TestBooks;
const strip = (r: LedgerRow) => [r.entryId, r.date, r.debit, r.credit, r.balance];

beforeAll(async () => {
  b = await makeBooks({ year: 2025 });
  // Two years; several entries on one day, and one entry with two lines on the bank account.
  for (let m = 1; m <= 12; m++) {
    const d = `2025-${String(m).padStart(2, '0')}-10`;
    await b.call('entries.post', simpleEntry(d, '1100', '8000', `${100 + m}.00`, `Gift ${m}`));
    await b.call('entries.post', simpleEntry(d, '4200', '1100', `${m}.25`, `Kosten ${m}`));
  }
  await b.call('entries.post', {
    date: '2025-06-10', description: 'Twee regels op de bank',
    lines: [{ account: '1100', debit: '10.00' }, { account: '1100', debit: '5.00' }, { account: '8000', credit: '15.00' }],
  });
  await b.call('years.openNext');
  for (let m = 1; m <= 3; m++) await b.call('entries.post', simpleEntry(`2026-0${m}-02`, '1100', '8000', '50.00', `Gift 2026-${m}`));
});

afterAll(() => b.close());

async function walk(input: Record<string, unknown>, dir: 'older' | 'newer'): Promise<LedgerPage[]> {
  const pages: LedgerPage[] = [];
  let p = await b.call<LedgerPage>('reports.ledgerPage', input);
  pages.push(p);
  while (p.page[dir]) {
    p = await b.call<LedgerPage>('reports.ledgerPage', { ...input, [dir]: p.page[dir] });
    pages.push(p);
    if (pages.length > 50) throw new Error('paging does not end');
  }
  return pages;
}

describe('ledger pages', () => {
  test('newest first by default; walking older pages gives the whole year, balances included', async () => {
    const full = await b.call<GeneralLedger>('reports.generalLedger', { account: '1100', year: 2025 });
    const pages = await walk({ account: '1100', year: 2025, limit: 4 }, 'older');
    expect(pages[0]!.order).toBe('newest');
    expect(pages.flatMap((p) => p.rows).map(strip)).toEqual([...full.rows].reverse().map(strip));
    expect(pages.length).toBe(Math.ceil(full.rows.length / 4));
    for (const p of pages) {
      expect([p.opening, p.closing, p.totals, p.count]).toEqual([full.opening, full.closing, full.totals, full.rows.length]);
      // The newest row's balance is the page's closing; the page opening is what the oldest row started from.
      expect(p.rows[0]!.balance).toBe(p.page.closing);
    }
    expect(pages[0]!.page.newer).toBeNull();
    expect(pages[pages.length - 1]!.page.older).toBeNull();
    expect(pages[pages.length - 1]!.page.opening).toBe(full.opening);
  });

  test('oldest first and back again: the same lines, the same balances', async () => {
    const full = await b.call<GeneralLedger>('reports.generalLedger', { account: '1100' });
    const up = await walk({ account: '1100', order: 'oldest', limit: 5 }, 'newer');
    expect(up.flatMap((p) => p.rows).map(strip)).toEqual(full.rows.map(strip));
    const last = up[up.length - 1]!;
    const back = await b.call<LedgerPage>('reports.ledgerPage', { account: '1100', order: 'oldest', limit: 5, older: last.page.older! });
    expect(back.rows.map(strip)).toEqual(up[up.length - 2]!.rows.map(strip));
  });

  test('a month, and a start at any date in the second year (opening carried over)', async () => {
    const june = await b.call<LedgerPage>('reports.ledgerPage', { account: '1100', from: '2025-06-01', to: '2025-06-30' });
    // 101+...+105 in, 1.25+...+5.25 out before June: 515 − 16.25 = 498.75.
    expect(june.opening).toBe('498.75');
    expect(june.rows.map((r) => [r.debit, r.credit, r.balance])).toEqual([
      ['5.00', null, '613.50'],
      ['10.00', null, '608.50'],
      [null, '6.25', '598.50'],
      ['106.00', null, '604.75'],
    ]);
    expect([june.count, june.page.opening, june.page.older, june.page.newer]).toEqual([4, '498.75', null, null]);

    const all = await b.call<GeneralLedger>('reports.generalLedger', { account: '1100' });
    const at = await b.call<LedgerPage>('reports.ledgerPage', { account: '1100', at: '2025-09-30', limit: 3 });
    const upTo = all.rows.filter((r) => r.date <= '2025-09-30');
    expect(at.rows.map(strip)).toEqual(upTo.slice(-3).reverse().map(strip));
    expect(at.page.newer).not.toBeNull();
    const newer = await b.call<LedgerPage>('reports.ledgerPage', { account: '1100', newer: at.page.newer!, limit: 3 });
    expect(newer.rows.map(strip)).toEqual(all.rows.slice(upTo.length, upTo.length + 3).reverse().map(strip));

    const y2026 = await b.call<LedgerPage>('reports.ledgerPage', { account: '1100', year: 2026, order: 'oldest', at: '2026-02-01' });
    expect(y2026.rows.map((r) => r.date)).toEqual(['2026-02-02', '2026-03-02']);
    const before = all.rows.filter((r) => r.date < '2026-02-01');
    expect(y2026.page.opening).toBe(before[before.length - 1]!.balance);
    expect(y2026.opening).toBe(all.rows.filter((r) => r.date < '2026-01-01').pop()!.balance);
  });

  test('a start outside the lines gives an empty page that points back to them', async () => {
    const early = await b.call<LedgerPage>('reports.ledgerPage', { account: '1100', year: 2025, at: '2025-01-01' });
    expect([early.rows.length, early.page.older, early.page.opening]).toEqual([0, null, '0.00']);
    const next = await b.call<LedgerPage>('reports.ledgerPage', { account: '1100', year: 2025, newer: early.page.newer! });
    expect(next.rows[next.rows.length - 1]!.date).toBe('2025-01-10');
  });

  test('the page query seeks lines_account and sorts at most the lines of one day', () => {
    const plan = b.session.books!
      .raw(`EXPLAIN QUERY PLAN SELECT l.id FROM lines l JOIN entries e ON e.id = l.entry_id
            WHERE l.account_id = 1 AND l.posted = 1 AND l.date >= '2025-01-01' AND l.date <= '2025-12-31'
            AND (l.date, l.entry_id, l.id) < ('2025-06-01', 1, 1) ORDER BY l.date DESC, l.entry_id DESC, l.id DESC LIMIT 200`)
      .all() as { detail: string }[];
    const text = plan.map((p) => p.detail).join('\n');
    // One index per account serves sums and pages (migration 0019): the seek is by account and date,
    // the order of one day's lines by entry and line id is a small sort, never one of the whole period.
    expect(text).toMatch(/USING (COVERING )?INDEX lines_account \(account_id=\? AND date>\? AND date<\?\)/);
    expect(text).not.toContain('TEMP B-TREE FOR ORDER BY');
  });

  test('bad input is refused in Dutch', async () => {
    await expectKassaError(b.call('reports.ledgerPage', { account: '7777' }), 'UNKNOWN_ACCOUNT');
    await expectKassaError(b.call('reports.ledgerPage', { account: '1100', older: 'gisteren' }), 'INVALID_INPUT');
    await expectKassaError(b.call('reports.ledgerPage', { account: '1100', at: '2025-01-01', older: '2025-01-01~1~1' }), 'INVALID_INPUT');
    await expectKassaError(b.call('reports.ledgerPage', { account: '1100', year: 1999 }), 'NOT_FOUND');
  });
});
