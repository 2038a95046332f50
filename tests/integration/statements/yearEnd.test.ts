/**
 * Year-end: check, close (closing entry, lock, next year) and reopen (reason, reversal), and the
 * refusals, each of which must leave the books exactly as they were.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Books } from '../../../electron/db/books';
import type { BalanceSheet, IncomeStatement, YearEndCheck, YearEndClosed } from '../../../shared/api/statements';
import type { Entry, FiscalYear, TrialBalance } from '../../../shared/api/types';
import { cents, cleanupTempDirs, expectDutch, expectKassaError, makeBooks, simpleEntry, todayAfterYear } from '../helpers';
import { customer, makeInvoiceBooks, salesDraft, supplier } from '../invoices/helpers';
import { amountOf, demoBooks, FIRST_YEAR, LAST_YEAR } from './helpers';

afterAll(() => cleanupTempDirs());
// These tests close 2026, which is only possible once 2026 is over.
let restoreClock = () => {};
beforeAll(() => void (restoreClock = todayAfterYear(2026)));
afterAll(() => restoreClock());

/** What "nothing was written" means here: every table a close or reopen touches, counted. */
function counts(books: Books): Record<string, unknown> {
  const n = (sql: string) => (books.raw(sql).get() as { n: number }).n;
  return {
    entries: n('SELECT COUNT(*) AS n FROM entries'),
    lines: n('SELECT COUNT(*) AS n FROM lines'),
    audit: n('SELECT COUNT(*) AS n FROM audit_log'),
    yearEnd: n('SELECT COUNT(*) AS n FROM year_end_log'),
    years: books.raw('SELECT year, status, closed_at FROM fiscal_years ORDER BY year').all(),
    archived: n('SELECT COUNT(*) AS n FROM accounts WHERE archived = 1'),
  };
}

function balances(t: TrialBalance): Record<string, string> {
  return Object.fromEntries(t.accounts.filter((a) => cents(a.balance) !== 0n).map((a) => [a.code, a.balance]));
}

describe('close and reopen', () => {
  test('closing books the result into equity, locks the year; reopening undoes it exactly', async () => {
    const tb = await demoBooks();
    const year = FIRST_YEAR;
    const tbBefore = await tb.call<TrialBalance>('reports.trialBalance', { year });
    const allBefore = await tb.call<TrialBalance>('reports.trialBalance', {});
    const isBefore = await tb.call<IncomeStatement>('reports.incomeStatement', { year });
    const bsNextBefore = await tb.call<BalanceSheet>('reports.balanceSheet', { year: year + 1 });

    const check = await tb.call<YearEndCheck>('yearEnd.check', { year });
    expect(check.canClose).toBe(true);
    expect(check.result).toBe(isBefore.result.current);
    expect(check.defaultAppropriation).toEqual([{ account: '0590', name: 'Overige reserves', amount: isBefore.result.current }]);
    expect(check.problems.map((p) => p.code)).toContain('BANK_CHECK_SKIPPED');

    const closed = await tb.call<YearEndClosed>('yearEnd.close', { year });
    expect(closed.closingEntry).not.toBeNull();
    expect(closed.nextYear.year).toBe(year + 1);
    const entry = await tb.call<Entry>('entries.get', { id: closed.closingEntry!.id });
    expect(entry).toMatchObject({ source: 'closing', journal: 'MEM', date: `${year}-12-31`, status: 'posted' });
    const years = await tb.call<FiscalYear[]>('years.list', {});
    expect(years.find((y) => y.year === year)!.status).toBe('closed');

    // Income and expense accounts are zero for the year; the result sits in the other reserves.
    const tbClosed = await tb.call<TrialBalance>('reports.trialBalance', { year });
    for (const a of tbClosed.accounts) if (a.type === 'income' || a.type === 'expense') expect(a.balance, a.code).toBe('0.00');
    const bs = await tb.call<BalanceSheet>('reports.balanceSheet', { year });
    expect(bs.balanced).toBe(true);
    expect(bs.yearStatus).toBe('closed');
    expect(bs.passiva.map((r) => r.key)).not.toContain('resultaat_boekjaar');
    expect(amountOf(bs.passiva, 'overige_reserves')).toBe(cents(isBefore.result.current));
    // The income statement of a closed year still shows the year's figures, and the booked appropriation.
    const isClosed = await tb.call<IncomeStatement>('reports.incomeStatement', { year });
    expect(isClosed.rows).toEqual(isBefore.rows);
    expect(isClosed.appropriation.proposed).toBe(false);
    expect(amountOf(isClosed.appropriation.rows, 'bestemming_overige_reserves')).toBe(cents(isBefore.result.current));
    // The next year opens with the result inside its reserves: same equity, no undivided earlier result.
    const bsNext = await tb.call<BalanceSheet>('reports.balanceSheet', { year: year + 1 });
    expect(bsNext.passiva.map((r) => r.key)).not.toContain('resultaat_eerdere_jaren');
    expect(bsNext.totals).toEqual(bsNextBefore.totals);
    expect(amountOf(bsNext.passiva, 'totaal_reserves_en_fondsen')).toBe(amountOf(bsNextBefore.passiva, 'totaal_reserves_en_fondsen'));

    // Nothing more can be posted into the closed year.
    await expectKassaError(tb.call('entries.post', simpleEntry(`${year}-06-01`, '4200', '1000', '10.00')), 'YEAR_CLOSED');
    await expectKassaError(tb.call('yearEnd.close', { year }), 'YEAR_CLOSED');

    const reopened = await tb.call('yearEnd.reopen', { year, reason: 'Bon van de kookavond vergeten te boeken' });
    expect(reopened.reversal).not.toBeNull();
    const yearsAfter = await tb.call<FiscalYear[]>('years.list', {});
    expect(yearsAfter.find((y) => y.year === year)!.status).toBe('open');
    // Round trip: every account balance as before the close, for the year and over all years.
    expect(balances(await tb.call<TrialBalance>('reports.trialBalance', { year }))).toEqual(balances(tbBefore));
    expect(balances(await tb.call<TrialBalance>('reports.trialBalance', {}))).toEqual(balances(allBefore));
    const isAfter = await tb.call<IncomeStatement>('reports.incomeStatement', { year });
    expect(isAfter.rows).toEqual(isBefore.rows);
    expect(isAfter.appropriation.proposed).toBe(true);
    const after = await tb.call<YearEndCheck>('yearEnd.check', { year });
    expect(after.closing).toBeNull();
    expect(after.history.map((h) => h.action)).toEqual(['close', 'reopen']);
    expect(after.history[1]!.reason).toBe('Bon van de kookavond vergeten te boeken');
    const audit = tb.books.raw(`SELECT payload FROM audit_log WHERE action = 'yearEnd.reopen'`).all() as { payload: string }[];
    expect(JSON.parse(audit[0]!.payload).reason).toBe('Bon van de kookavond vergeten te boeken');

    // Posting works again; close again with the result split over the reserves.
    await tb.call('entries.post', simpleEntry(`${year}-06-01`, '4200', '1000', '10.00', 'Bon kookavond'));
    const result = cents((await tb.call<YearEndCheck>('yearEnd.check', { year })).result);
    const part = result / 4n;
    const fmt = (c: bigint) => `${c < 0n ? '-' : ''}${(c < 0n ? -c : c) / 100n}.${String((c < 0n ? -c : c) % 100n).padStart(2, '0')}`;
    const again = await tb.call<YearEndClosed>('yearEnd.close', {
      year,
      appropriation: [
        { account: '0500', amount: fmt(part) },
        { account: '0510', amount: fmt(part) },
        { account: '0520', amount: fmt(part) },
        { account: '0590', amount: fmt(result - 3n * part) },
      ],
    });
    expect(again.appropriation.map((a) => a.account)).toEqual(['0500', '0510', '0520', '0590']);
    const isAgain = await tb.call<IncomeStatement>('reports.incomeStatement', { year });
    expect(amountOf(isAgain.appropriation.rows, 'bestemming_continuiteitsreserve')).toBe(part);
    expect(amountOf(isAgain.appropriation.rows, 'bestemming_bestemmingsfondsen')).toBe(part);
    expect(cents(isAgain.appropriation.total)).toBe(result);
    const bsAgain = await tb.call<BalanceSheet>('reports.balanceSheet', { year });
    expect(bsAgain.balanced).toBe(true);
    expect(amountOf(bsAgain.passiva, 'bestemmingsfondsen')).toBe(part);
    const verify = await tb.call('audit.verify', {});
    expect(verify.ok, JSON.stringify(verify.problems)).toBe(true);
    tb.close();
  });

  test('closing the last year opens the next; years close in order; reopen in reverse order', async () => {
    const tb = await demoBooks({ transactions: 600 });
    const err = await expectKassaError(tb.call('yearEnd.close', { year: LAST_YEAR }), 'YEAR_NOT_READY');
    expect((err.details!.problems as { code: string }[]).map((p) => p.code)).toContain('PREVIOUS_YEAR_OPEN');
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) await tb.call('yearEnd.close', { year: y });
    const years = await tb.call<FiscalYear[]>('years.list', {});
    expect(years.map((y) => [y.year, y.status])).toEqual([
      [FIRST_YEAR, 'closed'], [FIRST_YEAR + 1, 'closed'], [LAST_YEAR, 'closed'], [LAST_YEAR + 1, 'open'],
    ]);
    // The new year starts with the closing balances (derived, no opening entry).
    const prevEnd = await tb.call<BalanceSheet>('reports.balanceSheet', { year: LAST_YEAR });
    const newYear = await tb.call<BalanceSheet>('reports.balanceSheet', { date: `${LAST_YEAR + 1}-01-01` });
    expect(newYear.totals.activa).toBe(prevEnd.totals.activa);
    expect(newYear.totals.previousActiva).toBe(prevEnd.totals.activa);
    await expectKassaError(tb.call('yearEnd.reopen', { year: FIRST_YEAR, reason: 'Correctie van de huur in maart' }), 'YEAR_CLOSED');
    await tb.call('yearEnd.reopen', { year: LAST_YEAR, reason: 'Correctie van de huur in maart' });
    await tb.call('yearEnd.reopen', { year: FIRST_YEAR + 1, reason: 'Correctie van de huur in maart' });
    tb.close();
  });

  test('a loss goes out of the reserves; archived accounts are still closed and stay archived', async () => {
    const tb = await makeBooks({ year: 2026 });
    await tb.call('entries.post', simpleEntry('2026-02-01', '1100', '8000', '30.00', 'Gift'));
    await tb.call('entries.post', simpleEntry('2026-03-01', '4620', '1100', '100.00', 'Verzekering'));
    await tb.call('accounts.archive', { code: '4620' });
    const check = await tb.call<YearEndCheck>('yearEnd.check', { year: 2026 });
    expect(check.result).toBe('-70.00');
    const closed = await tb.call<YearEndClosed>('yearEnd.close', { year: 2026 });
    expect(closed.appropriation).toEqual([{ account: '0590', name: 'Overige reserves', amount: '-70.00' }]);
    const entry = await tb.call<Entry>('entries.get', { id: closed.closingEntry!.id });
    expect(entry.lines.find((l) => l.account === '0590')!.debit).toBe('70.00');
    expect(entry.lines.find((l) => l.account === '4620')!.credit).toBe('100.00');
    const accounts = await tb.call<{ code: string; archived: boolean }[]>('accounts.list', { includeArchived: true });
    expect(accounts.find((a) => a.code === '4620')!.archived).toBe(true);
    const is = await tb.call<IncomeStatement>('reports.incomeStatement', { year: 2026 });
    expect(is.result.current).toBe('-70.00');
    expect(amountOf(is.appropriation.rows, 'bestemming_overige_reserves')).toBe(-7000n);
    tb.close();
  });

  test('a year without any booking closes without a closing entry', async () => {
    const tb = await makeBooks({ year: 2026 });
    const closed = await tb.call<YearEndClosed>('yearEnd.close', { year: 2026 });
    expect(closed.closingEntry).toBeNull();
    const reopened = await tb.call('yearEnd.reopen', { year: 2026, reason: 'Toch nog een bon gevonden' });
    expect(reopened.reversal).toBeNull();
    tb.close();
  });
});

describe('warnings', () => {
  test('invoice drafts dated in the year are named, with their kind; finalised or deleted they are gone', async () => {
    const b = await makeInvoiceBooks({ year: 2026 });
    try {
      const c = await customer(b);
      const s = await supplier(b);
      const sales = await b.call<{ id: number }>('invoices.saveDraft', salesDraft(c.id));
      await b.call('invoices.saveDraft', salesDraft(c.id));
      const purchase = await b.call<{ id: number }>('invoices.saveDraft', {
        kind: 'purchase', contact: s.id, number: 'A-1', issueDate: '2026-05-01', lines: [{ description: 'Flyers', account: '4500', amount: '80.00' }],
      });
      await b.call('years.openNext');
      await b.call('invoices.saveDraft', salesDraft(c.id, { issueDate: '2027-01-04', supplyDate: null }));

      const find = async () => (await b.call<YearEndCheck>('yearEnd.check', { year: 2026 })).problems.find((p) => p.code === 'INVOICE_DRAFTS');
      const first = await find();
      expect(first).toMatchObject({ severity: 'warn', details: { sales: 2, purchase: 1 } });
      expect(first!.message).toBe(
        'Er staan nog 2 verkoopfacturen en 1 inkoopfactuur als concept met een datum in 2026. Na het afsluiten kunt u ze niet meer in 2026 boeken. Maak ze eerst definitief, of verwijder ze.',
      );
      expectDutch(first!.message);
      expect((await b.call<YearEndCheck>('yearEnd.check', { year: 2026 })).canClose).toBe(true);

      await b.call('invoices.finalise', { id: sales.id });
      await b.call('invoices.deleteDraft', { id: purchase.id });
      expect((await find())!.message).toMatch(/^Er staat nog 1 verkoopfactuur als concept met een datum in 2026\. .* Maak hem eerst definitief, of verwijder hem\.$/);
      const next = await b.call<YearEndCheck>('yearEnd.check', { year: 2027 });
      expect(next.problems.find((p) => p.code === 'INVOICE_DRAFTS')?.details).toEqual({ sales: 1, purchase: 0 });
    } finally {
      b.close();
    }
  });
});

describe('refusals write nothing', () => {
  test('drafts, suspense, bad appropriation, closing twice, bad reopen', async () => {
    const tb = await demoBooks({ transactions: 600 });
    const year = FIRST_YEAR;

    // A draft in the year.
    const draft = await tb.call('entries.saveDraft', simpleEntry(`${year}-05-01`, '4300', '1000', '12.00', 'Nog uitzoeken'));
    let before = counts(tb.books);
    let err = await expectKassaError(tb.call('yearEnd.close', { year }), 'YEAR_NOT_READY');
    expect(err.field).toBe('year');
    expect(err.message).toMatch(/concept/);
    expect(counts(tb.books)).toEqual(before);
    await tb.call('entries.deleteDraft', { id: draft.id });

    // Something left on the suspense account.
    const suspense = await tb.call('entries.post', simpleEntry(`${year}-07-01`, '2000', '1100', '40.00', 'Onbekende afschrijving'));
    before = counts(tb.books);
    err = await expectKassaError(tb.call('yearEnd.close', { year }), 'YEAR_NOT_READY');
    expect(err.message).toMatch(/2000/);
    const check = await tb.call<YearEndCheck>('yearEnd.check', { year });
    expect(check.canClose).toBe(false);
    expect(check.problems.find((p) => p.code === 'SUSPENSE_NOT_EMPTY')!.severity).toBe('block');
    expect(counts(tb.books)).toEqual(before);
    await tb.call('entries.reverse', { id: suspense.id });

    // Appropriation that does not add up, goes to a non-equity account, or names nothing real.
    const result = (await tb.call<YearEndCheck>('yearEnd.check', { year })).result;
    before = counts(tb.books);
    err = await expectKassaError(tb.call('yearEnd.close', { year, appropriation: [{ account: '0590', amount: '1.00' }] }), 'INVALID_INPUT');
    expect(err.field).toBe('appropriation');
    err = await expectKassaError(tb.call('yearEnd.close', { year, appropriation: [{ account: '1100', amount: result }] }), 'INVALID_INPUT');
    expect(err.field).toBe('appropriation.0.account');
    await expectKassaError(tb.call('yearEnd.close', { year, appropriation: [{ account: '0999', amount: result }] }), 'UNKNOWN_ACCOUNT');
    await expectKassaError(tb.call('yearEnd.close', { year, appropriation: [{ account: '0590', amount: '12,50' }] }), 'INVALID_AMOUNT');
    await expectKassaError(tb.call('yearEnd.close', { year: 2030 }), 'NOT_FOUND');
    expect(counts(tb.books)).toEqual(before);

    // Reopen: too short a reason, a year that is open.
    await tb.call('yearEnd.close', { year });
    before = counts(tb.books);
    err = await expectKassaError(tb.call('yearEnd.reopen', { year, reason: 'fout' }), 'INVALID_INPUT');
    expect(err.field).toBe('reason');
    await expectKassaError(tb.call('yearEnd.reopen', { year, reason: '          ' }), 'INVALID_INPUT');
    await expectKassaError(tb.call('yearEnd.reopen', { year: year + 1, reason: 'Dit jaar is nog helemaal open' }), 'INVALID_INPUT');
    await expectKassaError(tb.call('yearEnd.close', { year }), 'YEAR_CLOSED');
    await expectKassaError(tb.call('entries.post', simpleEntry(`${year}-12-31`, '4200', '1000', '1.00')), 'YEAR_CLOSED');
    expect(counts(tb.books)).toEqual(before);
    tb.close();
  });

  test('bank statements: inbox transactions block, a matching statement passes', async () => {
    const tb = await makeBooks({ year: 2026 });
    await tb.call('entries.post', simpleEntry('2026-03-01', '1100', '8000', '250.00', 'Gift'));
    const raw = tb.session.books!.sqlite;
    const bank = (raw.prepare(`SELECT id FROM accounts WHERE code = '1100'`).get() as { id: number }).id;
    const imp = raw
      .prepare(
        `INSERT INTO bank_imports (file_hash, file_name, format, account_id, statement_iban, imported_at, date_from, date_to, opening_cents, closing_cents,
           book_opening_cents, book_closing_cents, transaction_count, added_count, duplicate_count)
         VALUES (?, 'afschrift.xml', 'camt053', ?, 'NL91ABNA0417164300', '2027-01-05T10:00:00Z', '2026-01-01', '2026-12-31', 0, 25000, 0, 25000, 1, 1, 0)`,
      )
      .run('a'.repeat(64), bank);
    raw
      .prepare(
        `INSERT INTO bank_transactions (import_id, account_id, date, amount_cents, description, fingerprint, status)
         VALUES (?, ?, '2026-11-02', -1500, 'Bankkosten', 'fp1', 'inbox')`,
      )
      .run(imp.lastInsertRowid, bank);
    let check = await tb.call<YearEndCheck>('yearEnd.check', { year: 2026 });
    expect(check.problems.find((p) => p.code === 'BANK_NOT_RECONCILED' && p.severity === 'block')).toBeDefined();
    await expectKassaError(tb.call('yearEnd.close', { year: 2026 }), 'YEAR_NOT_READY');
    raw.prepare(`UPDATE bank_transactions SET status = 'ignored'`).run();
    check = await tb.call<YearEndCheck>('yearEnd.check', { year: 2026 });
    expect(check.problems.filter((p) => p.code.startsWith('BANK'))).toEqual([]);
    // A statement balance that differs from the books blocks too.
    await tb.call('entries.post', simpleEntry('2026-12-30', '4610', '1100', '1.50', 'Bankkosten december'));
    check = await tb.call<YearEndCheck>('yearEnd.check', { year: 2026 });
    const diff = check.problems.find((p) => p.code === 'BANK_NOT_RECONCILED')!;
    expect(diff.severity).toBe('block');
    expect(diff.message).toMatch(/verschil/);
    tb.close();
  });
});
