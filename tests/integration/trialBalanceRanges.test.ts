/**
 * A trial balance over any dates reads whole fiscal years from account_totals and the days around
 * them by index seeks per account (electron/books/rangeSums.ts). Checked against the plainest
 * possible sum over the lines themselves, on a 4-year demo file, for periods that start and end
 * inside years, on year edges, before the first and after the last year. Needs `npm run build:node`.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrialBalance } from '../../shared/api/types';
import { centsToString } from '../../shared/money';
import { assertDistBuilt, cleanupTempDirs, openBooksSession, runCli, tempDir, type TestBooks } from './helpers';

afterAll(cleanupTempDirs);

let b: TestBooks;
let file: string;
let first: number;

beforeAll(async () => {
  assertDistBuilt();
  file = path.join(tempDir(), 'ranges.kassa');
  const r = await runCli(['demo', file, '--transactions', '1500', '--years', '4', '--seed', '3'], { timeoutMs: 120_000 });
  expect(r.status).toBe(0);
  b = await openBooksSession(file);
  first = new Date().getFullYear() - 3;
}, 180_000);

afterAll(() => b?.close());

/** Debit and credit per account code over [from, to], straight from every posted line. */
function bruteForce(from: string | null, to: string | null): Map<string, [string, string]> {
  // The session holds the file's exclusive lock: ask its own connection.
  const db = b.session.books!.sqlite;
  {
    const rows = db
      .prepare(
        `SELECT a.code, SUM(CASE WHEN l.amount_cents > 0 THEN l.amount_cents ELSE 0 END) AS d, SUM(CASE WHEN l.amount_cents < 0 THEN -l.amount_cents ELSE 0 END) AS c
         FROM lines l JOIN accounts a ON a.id = l.account_id
         WHERE l.posted = 1 AND (? IS NULL OR l.date >= ?) AND (? IS NULL OR l.date <= ?) GROUP BY a.code`,
      )
      .safeIntegers(true)
      .all(from, from, to, to) as { code: string; d: bigint; c: bigint }[];
    return new Map(rows.filter((r) => r.d !== 0n || r.c !== 0n).map((r) => [r.code, [centsToString(r.d), centsToString(r.c)]]));
  }
}

describe('trial balance over any dates', () => {
  it('has the debits and credits of the lines dated in the period, for every kind of period', async () => {
    // The file holds years first … first+3 (calendar years).
    const y = (k: number, md: string) => `${first + k}-${md}`;
    const periods: [string | null, string | null][] = [
      [y(1, '03-15'), null], [y(0, '01-01'), null], [y(0, '06-30'), y(3, '01-01')], [y(1, '02-02'), y(1, '11-30')],
      [null, y(2, '05-05')], [y(-1, '12-31'), y(4, '01-01')], [y(1, '01-01'), y(2, '12-31')], [y(3, '12-31'), null],
      [y(5, '01-01'), null], [null, y(-1, '06-01')],
    ];
    let nonEmpty = 0;
    for (const [from, to] of periods) {
      const input = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
      const tb = await b.call<TrialBalance>('reports.trialBalance', input);
      const got = new Map(tb.accounts.filter((a) => a.kind === 'account' && (a.debit !== '0.00' || a.credit !== '0.00')).map((a) => [a.code, [a.debit, a.credit]]));
      const want = bruteForce(from, to);
      expect(got, JSON.stringify(input)).toEqual(want);
      if (want.size > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(7);
  });
});
