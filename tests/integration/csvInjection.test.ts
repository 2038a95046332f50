/**
 * Issue 17 (Medium): text from a bank line or an account name never becomes a formula in a CSV the
 * kascommissie opens in a spreadsheet. Amounts stay plain numbers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { BankInbox } from '../../shared/api/bank';
import { assertDistBuilt, cleanupTempDirs, parseCsv, runCli, tempDir } from './helpers';
import { bankBooks, camt, ING, writeTemp } from './bank/helpers';

afterAll(cleanupTempDirs);

const EVIL = '=HYPERLINK("http://x";"klik")';

describe('CSV reports', () => {
  it('a bank line named =HYPERLINK(…) comes out as text in kassa report csv; amounts stay numbers', async () => {
    assertDistBuilt();
    const b = await bankBooks(ING);
    const xml = camt({ from: '2026-03-01', to: '2026-03-02', opening: 0, lines: [{ date: '2026-03-01', cents: -1250, name: EVIL, iban: 'NL03INGB0004567890', text: '@SUM(1+1)' }] });
    await b.call('bank.import', { path: writeTemp(tempDir(), 'x.xml', xml) });
    const inbox = await b.call<BankInbox>('bank.inbox', {});
    await b.call('bank.assign', { transaction: inbox.items[0]!.id, account: '4200' });
    await b.call('bank.confirm', { transactions: 'all-assigned' });
    await b.call('accounts.create', { code: '4990', name: '+Overig', type: 'expense' });
    await b.call('entries.post', { date: '2026-03-03', description: '-min', lines: [{ account: '4990', debit: '2.00' }, { account: '1100', credit: '2.00' }] });
    b.close();

    const journal = await runCli(['report', b.file, 'journal', '--format', 'csv']);
    expect(journal.status, journal.stderr).toBe(0);
    const rows = parseCsv(journal.stdout);
    const cells = rows.flat();
    // No cell starts a formula; the bank line's name is there, as text.
    expect(cells.filter((c) => /^[=+@\t\r]/.test(c) || (/^-/.test(c) && !/^-\d+(\.\d+)?$/.test(c)))).toEqual([]);
    expect(cells.some((c) => c.startsWith(`'${EVIL}`))).toBe(true);
    expect(cells).toContain("'-min");
    // Amounts are untouched numbers.
    expect(cells).toContain('12.50');

    const ledger = await runCli(['report', b.file, 'general-ledger', '--account', '1100', '--format', 'csv']);
    expect(ledger.status, ledger.stderr).toBe(0);
    const ledgerCells = parseCsv(ledger.stdout).flat();
    expect(ledgerCells.some((c) => c.startsWith(`'${EVIL}`))).toBe(true);
    expect(ledgerCells).toContain('-14.50');

    const income = await runCli(['report', b.file, 'income-statement', '--year', '2026', '--format', 'csv']);
    expect(income.status, income.stderr).toBe(0);
    const incomeCells = parseCsv(income.stdout).flat();
    expect(incomeCells).toContain("'+Overig");
    expect(incomeCells.filter((c) => /^[=+@]/.test(c))).toEqual([]);
  });
});
