/**
 * Totals above 2^53 cents (issue 17, Low): a line is capped at € 999.999.999,99, but a few thousand
 * such lines add up past what a JavaScript number holds to the cent. The statements, a grant's
 * figures and the bank balance must still be exact: SQLite sums in 64 bits and the app reads those
 * sums as BigInt. The totals are odd numbers of cents on purpose: above 2^53 a float only holds even
 * ones, so any float on the way would show.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { BalanceSheet, CashFlow, IncomeStatement, StatementRow } from '../../shared/api/statements';
import type { BankReconciliation, BankReconciliationStatus } from '../../shared/api/bank';
import type { Grant, GrantReport } from '../../shared/api/grants';
import { centsToString, MAX_AMOUNT_CENTS } from '../../shared/money';
import { cleanupTempDirs } from './helpers';
import { grantBooks } from './grants/setup';

afterAll(cleanupTempDirs);

const RECEIPTS = 100_000;
const COSTS = 95_000;

describe('totals above 2^53 cents', () => {
  it('statements, grant totals and the bank balance are exact to the cent', { timeout: 60_000 }, async () => {
    const b = await grantBooks();
    try {
      const books = b.session.books!;
      // ~390,000 lines at the cap: written the way the demo generator writes (draft, lines, then
      // posted under the same triggers, which keep account_totals), 100 lines an entry. postEntry
      // would take minutes for this many; what is tested here is reading the sums back.
      const id = (code: string) => (books.raw('SELECT id FROM accounts WHERE code = ?').get(code) as { id: number }).id;
      const journal = (books.raw(`SELECT id FROM journals WHERE code = 'MEM'`).get() as { id: number }).id;
      const insEntry = books.raw(`INSERT INTO entries (journal_id, year, number, date, description, status, source) VALUES (?, 2026, NULL, ?, ?, 'draft', 'demo')`);
      const insLine = books.raw('INSERT INTO lines (entry_id, account_id, amount_cents, date, posted, grant_id, budget_line_id) VALUES (?, ?, ?, ?, 0, ?, ?)');
      const post = books.raw(`UPDATE entries SET status = 'posted', number = (SELECT COALESCE(MAX(number), 0) + 1 FROM entries WHERE journal_id = ? AND year = 2026) WHERE id = ?`);
      type Side = [account: number, cents: number, grant: number | null, budgetLine: number | null];
      const book = (date: string, debit: Side, credit: Side, pairs: number) => {
        const e = Number(insEntry.run(journal, date, 'Groot bedrag').lastInsertRowid);
        for (let i = 0; i < pairs; i++) {
          insLine.run(e, debit[0], debit[1], date, debit[2], debit[3]);
          insLine.run(e, credit[0], -credit[1], date, credit[2], credit[3]);
        }
        post.run(journal, e);
      };
      const [bank, fonds, huur, loan] = [id('1100'), id('8300'), id('4100'), id('0700')];
      books.tx(() => {
        // Receipts of the grant into the bank: 100,000 lines at the cap and one cent.
        for (let i = 0; i < RECEIPTS / 50; i++) book('2026-03-02', [bank, MAX_AMOUNT_CENTS, null, null], [fonds, MAX_AMOUNT_CENTS, b.grant.id, null], 50);
        book('2026-03-03', [bank, 1, null, null], [fonds, 1, b.grant.id, null], 1);
        // Costs on the grant's rent line, paid with a loan: 95,000 lines at the cap and one cent.
        for (let i = 0; i < COSTS / 50; i++) book('2026-04-01', [huur, MAX_AMOUNT_CENTS, b.grant.id, b.huur], [loan, MAX_AMOUNT_CENTS, null, null], 50);
        book('2026-04-02', [huur, 1, b.grant.id, b.huur], [loan, 1, null, null], 1);
      });
      const received = BigInt(RECEIPTS) * BigInt(MAX_AMOUNT_CENTS) + 1n;
      const spent = BigInt(COSTS) * BigInt(MAX_AMOUNT_CENTS) + 1n;
      expect(received > BigInt(Number.MAX_SAFE_INTEGER) && spent > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
      expect(received % 2n).toBe(1n);
      const money = (c: bigint) => centsToString(c);
      expect(money(received)).toBe('99999999999000.01');
      expect(money(spent)).toBe('94999999999050.01');

      // Statements: the account lines, the result, the totals, the cash flow.
      const accountOf = (rows: StatementRow[], code: string) => rows.flatMap((r) => r.accounts ?? []).find((a) => a.code === code);
      const is = await b.call<IncomeStatement>('reports.incomeStatement', { year: 2026 });
      expect(accountOf(is.rows, '8300')?.current).toBe(money(received));
      expect(accountOf(is.rows, '4100')?.current).toBe(money(spent));
      expect(is.result.current).toBe(money(received - spent));
      const bs = await b.call<BalanceSheet>('reports.balanceSheet', { year: 2026 });
      expect(accountOf(bs.activa, '1100')?.current).toBe(money(received));
      expect(accountOf(bs.passiva, '0700')?.current).toBe(money(spent));
      expect(bs.totals.activa).toBe(money(received));
      expect(bs.balanced).toBe(true);
      const cf = await b.call<CashFlow>('reports.cashFlow', { year: 2026 });
      expect(cf.moneyAccounts.find((a) => a.code === '1100')?.closing).toBe(money(received));
      expect(cf.closing).toBe(money(received));

      // The grant: received, spent on the rent line, the list's figures.
      const report = await b.call<GrantReport>('grants.report', { grant: b.grant.id });
      expect(report.received).toBe(money(received));
      expect(report.totals.actual).toBe(money(spent));
      expect(report.lines.find((l) => l.id === b.huur)?.actual).toBe(money(spent));
      expect(report.unspent).toBe(money(received - spent));
      const list = await b.call<(Grant & { spent: string; received: string })[]>('grants.list', {});
      const mine = list.find((g) => g.id === b.grant.id)!;
      expect([mine.spent, mine.received]).toEqual([money(spent), money(received)]);

      // The bank: balance in the books today and at the end of the year.
      const rec = await b.call<BankReconciliation>('bank.reconciliation', { account: '1100' });
      expect(rec.bookBalanceToday).toBe(money(received));
      const status = await b.call<BankReconciliationStatus>('bank.reconciliationStatus', { year: 2026 });
      expect(status.accounts.find((a) => a.account.code === '1100')?.bookBalance).toBe(money(received));
    } finally {
      b.close();
    }
  });
});
