/**
 * The opening balance (issue 18): one opening entry, changed only by reversal + a new one in one
 * transaction, and a bank statement that starts on the first day agrees with it at once.
 */
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupTempDirs, expectKassaError, type TestBooks } from '../helpers';
import { bankBooks, camt, counts, ING, writeTemp } from '../bank/helpers';

const open: TestBooks[] = [];
afterEach(() => {
  for (const b of open.splice(0)) b.close();
  cleanupTempDirs();
});

async function books(): Promise<TestBooks> {
  const b = await bankBooks(ING);
  open.push(b);
  return b;
}

function db(b: TestBooks): Database.Database {
  return b.session.books!.sqlite as Database.Database;
}

describe('opening balance', () => {
  it('posts one MEM entry on the first day: money and receivables debit, payables credit, the rest to 0590', async () => {
    const b = await books();
    const customer = await b.call('contacts.create', { kind: 'customer', name: 'Wijkcentrum De Boog' });
    const r = await b.call('opening.set', {
      money: [{ account: '1100', amount: '1234.56' }, { account: '1000', amount: '85.20' }],
      receivables: [{ contact: customer.id, amount: '150.00' }],
      payables: [{ description: 'Drukkerij, factuur december', amount: '60.00' }],
    });
    expect(r.reversed).toBeNull();
    expect(r.entry.ref).toBe('MEM 2026-0001');
    const e = await b.call('entries.get', { id: r.entry.id });
    expect(e.source).toBe('opening');
    expect(e.date).toBe('2026-01-01');
    expect(e.lines.map((l: { account: string; debit: string | null; credit: string | null }) => [l.account, l.debit, l.credit])).toEqual([
      ['1100', '1234.56', null],
      ['1000', '85.20', null],
      ['1300', '150.00', null],
      ['1400', null, '60.00'],
      ['0590', null, '1409.76'],
    ]);
    expect(e.lines[2].contact).toBe(customer.id);
    const got = await b.call('opening.get');
    expect(got.entry.ref).toBe('MEM 2026-0001');
    expect(got.canChange).toBe(true);
    expect(got.money.find((m: { account: string }) => m.account === '1100').amount).toBe('1234.56');
    expect(got.receivables).toEqual([{ contact: customer.id, contactName: 'Wijkcentrum De Boog', description: 'Wijkcentrum De Boog', amount: '150.00' }]);
    expect(got.payables[0].amount).toBe('60.00');
    expect(got.equity).toBe('0590');
    expect(got.equityAmount).toBe('1409.76');
    const tb = await b.call('reports.trialBalance', { year: 2026 });
    expect(tb.totals.debit).toBe(tb.totals.credit);
  });

  it('changing it reverses the old entry and posts a new one, in one transaction', async () => {
    const b = await books();
    const first = await b.call('opening.set', { money: [{ account: '1100', amount: '500.00' }] });
    const second = await b.call('opening.set', { money: [{ account: '1100', amount: '750.00' }], equity: '0500' });
    expect(second.reversed).toBe(first.entry.ref);
    const old = await b.call('entries.get', { id: first.entry.id });
    expect(old.reversedBy).not.toBeNull();
    const reversal = await b.call('entries.get', { id: old.reversedBy });
    expect(reversal.date).toBe('2026-01-01');
    expect(reversal.lines.find((l: { account: string }) => l.account === '1100').credit).toBe('500.00');
    const tb = await b.call('reports.trialBalance', { year: 2026 });
    const bal = (code: string) => tb.accounts.find((a: { code: string }) => a.code === code)?.balance;
    expect(bal('1100')).toBe('750.00');
    expect(bal('0500')).toBe('-750.00');
    expect(bal('0590') ?? '0.00').toBe('0.00');
    expect((await b.call('opening.get')).equity).toBe('0500');

    // A refused change (an unknown account) writes nothing: the old entry is not reversed either.
    const before = counts(b);
    await expectKassaError(b.call('opening.set', { money: [{ account: '1100', amount: '800.00' }, { account: '9999', amount: '1.00' }] }), 'UNKNOWN_ACCOUNT');
    await expectKassaError(b.call('opening.set', { money: [{ account: '1100', amount: '800.00' }], equity: '4100' }), 'INVALID_INPUT');
    expect(counts(b)).toEqual(before);
    expect((await b.call('opening.get')).entry.ref).toBe(second.entry.ref);
  });

  it('the database itself refuses a second opening entry that is not reversed', async () => {
    const b = await books();
    await b.call('opening.set', { money: [{ account: '1100', amount: '10.00' }] });
    const d = db(b);
    d.prepare(`INSERT INTO entries (journal_id, year, number, date, description, status, source)
               VALUES ((SELECT id FROM journals WHERE code = 'MEM'), 2026, NULL, '2026-01-01', 'x', 'draft', 'opening')`).run();
    const id = (d.prepare('SELECT max(id) AS id FROM entries').get() as { id: number }).id;
    const acc = (c: string) => (d.prepare('SELECT id FROM accounts WHERE code = ?').get(c) as { id: number }).id;
    d.prepare(`INSERT INTO lines (entry_id, account_id, amount_cents, date, posted) VALUES (?, ?, 100, '2026-01-01', 0), (?, ?, -100, '2026-01-01', 0)`).run(id, acc('1000'), id, acc('0590'));
    expect(() => d.prepare(`UPDATE entries SET status = 'posted', number = 2 WHERE id = ?`).run(id)).toThrow(/opening/);
  });

  it('is refused once the first year is closed', async () => {
    const b = await books();
    await b.call('years.openNext');
    db(b).prepare(`UPDATE fiscal_years SET status = 'closed' WHERE year = 2026`).run();
    const before = counts(b);
    await expectKassaError(b.call('opening.set', { money: [{ account: '1100', amount: '10.00' }] }), 'YEAR_CLOSED');
    expect(counts(b)).toEqual(before);
    expect((await b.call('opening.get')).canChange).toBe(false);
  });

  it('a CAMT statement whose opening balance equals it agrees from day one, and the reconciliation too', async () => {
    const b = await books();
    await b.call('opening.set', { money: [{ account: '1100', amount: '2500.00' }] });
    const file = writeTemp(b.dir, 'jan.xml', camt({
      from: '2026-01-01', to: '2026-01-31', opening: 250000,
      lines: [{ date: '2026-01-05', cents: -4500, name: 'Albert Heijn', text: 'Koffie en thee' }],
    }));
    const imp = await b.call('bank.import', { path: file });
    expect(imp.balanceCheck.openingDate).toBe('2025-12-31');
    expect(imp.balanceCheck.bookOpening).toBe('2500.00');
    expect(imp.balanceCheck.differences).toEqual([]);
    const line = (await b.call('bank.inbox', { account: '1100' })).items[0];
    await b.call('bank.assign', { transaction: line.id, account: '4200' });
    await b.call('bank.confirm', { transactions: [line.id] });
    const rec = await b.call('bank.reconciliation', { account: '1100' });
    expect(rec.state).toBe('reconciled');
    expect(rec.rows.every((r: { difference: string }) => r.difference === '0.00')).toBe(true);

    // Changing the opening balance later: the stored statement points are checked again.
    await b.call('opening.set', { money: [{ account: '1100', amount: '2400.00' }] });
    const after = await b.call('bank.reconciliation', { account: '1100' });
    expect(after.state).toBe('differences');
    expect(after.rows.find((r: { date: string }) => r.date === '2025-12-31').difference).toBe('100.00');
  });

  it('without an opening balance the same statement shows the difference (the case this fixes)', async () => {
    const b = await books();
    const file = writeTemp(b.dir, 'jan.xml', camt({ from: '2026-01-01', to: '2026-01-31', opening: 250000, lines: [] }));
    const imp = await b.call('bank.import', { path: file });
    expect(imp.balanceCheck.differences.length).toBeGreaterThan(0);
  });

  it('the cash flow statement starts from the opening balance instead of counting it as money received', async () => {
    const b = await books();
    await b.call('opening.set', { money: [{ account: '1100', amount: '2500.00' }, { account: '1000', amount: '100.00' }], payables: [{ amount: '40.00' }] });
    await b.call('money.spent', { date: '2026-02-01', description: 'Koffie', amount: '10.00', from: '1000', category: '4200' });
    const cf = await b.call('reports.cashFlow', { year: 2026 });
    expect(cf.opening).toBe('2600.00');
    expect(cf.netChange).toBe('-10.00');
    expect(cf.closing).toBe('2590.00');
    expect(cf.matchesBalances).toBe(true);
    expect(cf.sections.find((x: { key: string }) => x.key === 'financiering').net).toBe('0.00');
  });
});
