/**
 * Issue 8, import: every fixture format through bank.import (the dispatcher, like every door), the
 * account check, duplicate files and overlapping statements, balance differences shown, and bad
 * input refused with a Dutch message and nothing written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BankImportResult, BankInbox } from '../../../shared/api/bank';
import { cleanupTempDirs, expectDutch, expectKassaError, simpleEntry, tempDir } from '../helpers';
import { ABN, bankBooks, bankState, camt, counts, FIXTURE_ACCOUNTS, fixture, ING, RABO, writeTemp } from './helpers';

afterAll(cleanupTempDirs);

describe('bank.import: every format', () => {
  it.each(FIXTURE_ACCOUNTS)('%s (%s) lands in the inbox of the account with IBAN %s', async (file, format, iban) => {
    const b = await bankBooks(iban);
    try {
      const r = await b.call<BankImportResult>('bank.import', { path: fixture(file) });
      expect(r.format).toBe(format);
      expect(r.account.code).toBe('1100');
      expect(r.statementIban).toBe(iban);
      expect(r.added).toBeGreaterThan(0);
      expect(r.added).toBe(r.transactions);
      expect(r.skippedDuplicates).toBe(0);
      const inbox = await b.call<BankInbox>('bank.inbox', { limit: 1000 });
      expect(inbox.total).toBe(r.added);
      expect(inbox.counts.inbox).toBe(r.added);
      // Nothing is in the books yet: the inbox is not the books.
      const tb = await b.call('reports.trialBalance', {});
      expect(tb.accounts).toEqual([]);
      // Sum of the inbox equals what the lines say; amounts are exact decimal strings.
      for (const t of inbox.items) expect(t.amount).toMatch(/^-?\d+\.\d{2}$/);
      if (r.balanceCheck.opening !== null && r.balanceCheck.closing !== null) {
        const open = Number(r.balanceCheck.opening.replace('.', ''));
        const close = Number(r.balanceCheck.closing.replace('.', ''));
        const sum = inbox.items.reduce((s, t) => s + Number(t.amount.replace('.', '')), 0);
        expect(open + sum).toBe(close);
      }
      const imports = await b.call('bank.imports', {});
      expect(imports).toHaveLength(1);
      expect(imports[0]).toMatchObject({ fileName: file, format, account: '1100', added: r.added });
    } finally {
      b.close();
    }
  });

  it('the format can be given; a wrong one is refused naming what is wrong', async () => {
    const b = await bankBooks(ING);
    try {
      const before = counts(b);
      const e = await expectKassaError(b.call('bank.import', { path: fixture('ing.csv'), format: 'mt940' }), 'BAD_BANK_FILE');
      expectDutch(e.message);
      expect(counts(b)).toEqual(before);
      const r = await b.call<BankImportResult>('bank.import', { path: fixture('ing.csv'), format: 'csv-ing' });
      expect(r.added).toBe(8);
    } finally {
      b.close();
    }
  });

  it('reads the file from base64 data (browser mode) just as from a path', async () => {
    const b = await bankBooks(RABO);
    try {
      const data = fs.readFileSync(fixture('rabobank-cp1252.csv')).toString('base64');
      const r = await b.call<BankImportResult>('bank.import', { data, fileName: 'CSV_A_20260204.csv' });
      expect(r).toMatchObject({ format: 'csv-rabobank', added: 5 });
      const inbox = await b.call<BankInbox>('bank.inbox', {});
      // Windows-1252 decoded: the ë of "initiërende" style names survives
      expect(inbox.items.some((t) => /[ëé–]/.test(`${t.description} ${t.counterpartyName ?? ''}`))).toBe(true);
      await expectKassaError(b.call('bank.import', { data: 'aGFsbG8=' }), 'INVALID_INPUT'); // no file name
    } finally {
      b.close();
    }
  });
});

describe('the statement must belong to a bank account of the administration', () => {
  it('a file of another account is refused; naming an account with another IBAN is refused too', async () => {
    const b = await bankBooks(ING);
    try {
      const before = counts(b);
      const e = await expectKassaError(b.call('bank.import', { path: fixture('camt053-001-04-rabobank.xml') }), 'INVALID_INPUT');
      expect(e.field).toBe('account');
      expect(e.message).toContain('NL81 RABO 0312 3456 78');
      const e2 = await expectKassaError(b.call('bank.import', { path: fixture('camt053-001-04-rabobank.xml'), account: '1100' }), 'INVALID_INPUT');
      expect(e2.message).toContain('NL36 INGB 0007 6543 21');
      await expectKassaError(b.call('bank.import', { path: fixture('camt053-001-04-rabobank.xml'), account: '4100' }), 'INVALID_INPUT');
      // a statement of 1100 cannot be put on 1110 (which has no IBAN yet) either
      const e3 = await expectKassaError(b.call('bank.import', { path: fixture('ing.csv'), account: '1110' }), 'INVALID_INPUT');
      expect(e3.message).toContain('Kies rekening 1100.');
      await expectKassaError(b.call('bank.import', { path: fixture('camt053-001-04-rabobank.xml'), account: '9999' }), 'UNKNOWN_ACCOUNT');
      expect(counts(b)).toEqual(before);
    } finally {
      b.close();
    }
  });

  it('the user picks a bank account without IBAN: the import goes there and the IBAN is stored', async () => {
    const b = await bankBooks(ING);
    try {
      const r = await b.call<BankImportResult>('bank.import', { path: fixture('camt053-001-04-rabobank.xml'), account: '1110' });
      expect(r.account).toMatchObject({ code: '1110', iban: RABO });
      expect(r.warnings.some((w) => w.message.includes('1110'))).toBe(true);
      const accounts = await b.call<{ code: string; iban: string | null }[]>('accounts.list', {});
      expect(accounts.find((a) => a.code === '1110')?.iban).toBe(RABO);
      // next time it is found by itself
      const r2 = await b.call<BankImportResult>('bank.import', { path: fixture('mt940-rabobank.swi') });
      expect(r2.account.code).toBe('1110');
    } finally {
      b.close();
    }
  });

  it('an old ABN AMRO account number (no IBAN) matches the IBAN it is part of', async () => {
    const b = await bankBooks(ABN);
    try {
      const r = await b.call<BankImportResult>('bank.import', { path: fixture('mt940-abnamro.sta') });
      expect(r.account.code).toBe('1100');
    } finally {
      b.close();
    }
  });
});

describe('no duplicates', () => {
  it('the same file twice is refused by its hash, with a Dutch message, writing nothing', async () => {
    const b = await bankBooks(ING);
    try {
      await b.call('bank.import', { path: fixture('camt053-001-02-ing.xml') });
      const before = counts(b);
      const e = await expectKassaError(b.call('bank.import', { path: fixture('camt053-001-02-ing.xml') }), 'DUPLICATE');
      expect(e.message).toMatch(/^Dit bestand is al ingelezen op \d{2}-\d{2}-\d{4} \("camt053-001-02-ing\.xml", 8 regels, rekening 1100\)\. Er is niets veranderd\.$/);
      // also as base64 under another name: same bytes, same hash
      const data = fs.readFileSync(fixture('camt053-001-02-ing.xml')).toString('base64');
      await expectKassaError(b.call('bank.import', { data, fileName: 'andere-naam.xml' }), 'DUPLICATE');
      expect(counts(b)).toEqual(before);
    } finally {
      b.close();
    }
  });

  it('an overlapping statement adds only the new lines', async () => {
    const b = await bankBooks(ING);
    const dir = tempDir();
    try {
      const jan = [
        { date: '2026-01-05', cents: 2500, name: 'J. de Vries', iban: 'NL86INGB0002345678', text: 'Gift januari', ref: 'R1' },
        { date: '2026-01-10', cents: -45000, name: 'Woonstichting De Linie', iban: 'NL74RABO0398765432', text: 'Huur januari', ref: 'R2' },
        // two equal gifts on one day are two lines, not one
        { date: '2026-01-15', cents: 1000, name: 'A. Jansen', iban: 'NL03INGB0004567890', text: 'Gift', ref: 'R3' },
        { date: '2026-01-15', cents: 1000, name: 'A. Jansen', iban: 'NL03INGB0004567890', text: 'Gift', ref: 'R4' },
      ];
      const feb = [
        { date: '2026-02-03', cents: -45000, name: 'Woonstichting De Linie', iban: 'NL74RABO0398765432', text: 'Huur februari', ref: 'R5' },
      ];
      const first = await b.call<BankImportResult>('bank.import', { path: writeTemp(dir, 'jan.xml', camt({ from: '2026-01-01', to: '2026-01-31', opening: 100000, lines: jan })) });
      expect(first.added).toBe(4);
      // Jan 10 – Feb 28: overlaps January from the 10th (the bank's references are the same lines)
      const overlap = camt({ from: '2026-01-10', to: '2026-02-28', opening: 102500, lines: [...jan.slice(1), ...feb] });
      const second = await b.call<BankImportResult>('bank.import', { path: writeTemp(dir, 'jan-feb.xml', overlap) });
      expect(second).toMatchObject({ transactions: 4, added: 1, skippedDuplicates: 3 });
      // The same period again as a CSV-like download without references: fingerprints still match
      const noRefs = camt({ from: '2026-01-01', to: '2026-02-28', opening: 100000, lines: [...jan, ...feb].map(({ ref: _r, ...l }) => l), id: 'other' });
      const third = await b.call<BankImportResult>('bank.import', { path: writeTemp(dir, 'all.xml', noRefs) });
      expect(third).toMatchObject({ transactions: 5, added: 0, skippedDuplicates: 5 });
      expect(third.warnings.map((w) => w.message).join(' ')).toContain('waren al eerder ingelezen');
      const inbox = await b.call<BankInbox>('bank.inbox', {});
      expect(inbox.total).toBe(5);
      expect(inbox.items.filter((t) => t.date === '2026-01-15')).toHaveLength(2);
    } finally {
      b.close();
    }
  });

  it('the same January from ING as camt.053, MT940 and CSV: the second and third format add nothing', async () => {
    for (const order of [['camt053-001-02-ing.xml', 'mt940-ing.sta', 'ing.csv'], ['ing.csv', 'mt940-ing.sta', 'camt053-001-02-ing.xml']]) {
      const b = await bankBooks(ING);
      try {
        const [first, second, third] = order.map((f) => fixture(f));
        expect(await b.call('bank.import', { path: first })).toMatchObject({ added: 8, skippedDuplicates: 0 });
        expect(await b.call('bank.import', { path: second })).toMatchObject({ added: 0, skippedDuplicates: 8 });
        expect(await b.call('bank.import', { path: third })).toMatchObject({ added: 0, skippedDuplicates: 8 });
        expect((await b.call<BankInbox>('bank.inbox', {})).total).toBe(8);
      } finally {
        b.close();
      }
    }
  });
});

describe('balances are checked against the books and differences shown', () => {
  it('a new administration: the opening balance is a difference until the beginning balance is booked', async () => {
    const b = await bankBooks(ING);
    try {
      const r = await b.call<BankImportResult>('bank.import', { path: fixture('camt053-001-02-ing.xml') });
      expect(r.balanceCheck).toMatchObject({
        opening: '1234.56', closing: '4302.21', openingDate: '2025-12-31', closingDate: '2026-01-31',
        bookOpening: '0.00', bookClosing: '0.00', inbox: '3067.65', expectedClosing: '3067.65',
      });
      expect(r.balanceCheck.differences.map((d) => [d.kind, d.difference])).toEqual([['opening', '1234.56'], ['closing', '1234.56']]);
      for (const d of r.balanceCheck.differences) expectDutch(d.message);
      expect(r.balanceCheck.differences[0]?.message.replace(/\s/g, ' ')).toContain('€ 1.234,56');
    } finally {
      b.close();
    }
  });

  it('with the beginning balance booked, opening and closing agree: no differences', async () => {
    const b = await bankBooks(ING, { year: 2025 });
    try {
      await b.call('entries.post', simpleEntry('2025-12-31', '1100', '0500', '1234.56', 'Beginsaldo bank'));
      await b.call('years.openNext');
      const r = await b.call<BankImportResult>('bank.import', { path: fixture('camt053-001-02-ing.xml') });
      expect(r.balanceCheck.bookOpening).toBe('1234.56');
      expect(r.balanceCheck.differences).toEqual([]);
    } finally {
      b.close();
    }
  });

  it('a statement whose lines do not add up is imported with the parser warning; a book difference is named', async () => {
    const b = await bankBooks(ING);
    const dir = tempDir();
    try {
      const xml = camt({ from: '2026-03-01', to: '2026-03-31', opening: 0, closing: 5000, lines: [{ date: '2026-03-02', cents: 4000, text: 'Gift', name: 'X' }] });
      const r = await b.call<BankImportResult>('bank.import', { path: writeTemp(dir, 'm.xml', xml) });
      expect(r.warnings.map((w) => w.message).join(' ')).toMatch(/niet gelijk aan het eindsaldo/);
      expect(r.balanceCheck.differences).toEqual([
        expect.objectContaining({ kind: 'closing', bank: '50.00', book: '40.00', difference: '10.00' }),
      ]);
    } finally {
      b.close();
    }
  });
});

describe('bad input: a clear Dutch error naming the line, nothing written', () => {
  const cases: [string, (dir: string) => string, string, RegExp][] = [
    ['truncated XML', (d) => writeTemp(d, 'cut.xml', fs.readFileSync(fixture('camt053-001-02-ing.xml'), 'utf8').slice(0, 3000)), 'BAD_BANK_FILE', /^Regel \d+: /],
    ['comma decimals in camt', (d) => writeTemp(d, 'comma.xml', fs.readFileSync(fixture('camt053-001-02-ing.xml'), 'utf8').replace('<Amt Ccy="EUR">2500.00</Amt>', '<Amt Ccy="EUR">2500,00</Amt>')), 'BAD_BANK_FILE', /^Boeking 2 \(regel 90\): het bedrag '2500,00' is geen geldig bedrag\.$/],
    ['a PDF', (d) => writeTemp(d, 'afschrift.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')), 'BAD_BANK_FILE', /PDF/],
    ['UTF-16 garbage', (d) => writeTemp(d, 'x.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hallo\u0000wereld', 'utf16le')])), 'BAD_BANK_FILE', /./],
    ['an empty file', (d) => writeTemp(d, 'leeg.csv', ''), 'BAD_BANK_FILE', /leeg/],
    ['a malformed MT940', (d) => writeTemp(d, 'x.sta', fs.readFileSync(fixture('mt940-ing.sta'), 'utf8').replace('C2500,00NTRF', 'C2500.00NTRF')), 'BAD_BANK_FILE', /^Regel 12: /],
    ['a file that does not exist', (d) => path.join(d, 'bestaat-niet.xml'), 'FILE_NOT_FOUND', /bestaat niet/],
  ];

  it.each(cases)('%s', async (_name, make, code, message) => {
    const b = await bankBooks(ING);
    const dir = tempDir();
    try {
      await b.call('bank.import', { path: fixture('ing.csv') });
      const before = counts(b);
      const state = bankState(b);
      const e = await expectKassaError(b.call('bank.import', { path: make(dir) }), code);
      expect(e.message).toMatch(message);
      expect(counts(b)).toEqual(before);
      expect(bankState(b)).toEqual(state);
    } finally {
      b.close();
    }
  });

  it('a 200 MB file is refused fast by its size, before it is read', async () => {
    const b = await bankBooks(ING);
    const dir = tempDir();
    try {
      const big = path.join(dir, 'groot.xml');
      const fd = fs.openSync(big, 'w');
      fs.ftruncateSync(fd, 200 * 1024 * 1024); // sparse: no 200 MB written to the disk
      fs.closeSync(fd);
      const before = counts(b);
      const t0 = Date.now();
      const e = await expectKassaError(b.call('bank.import', { path: big }), 'BAD_BANK_FILE');
      expect(Date.now() - t0).toBeLessThan(1000);
      expect(e.message).toMatch(/^Het bestand is te groot \(200 MB\)\./);
      expect(counts(b)).toEqual(before);
      // as base64 the schema refuses it before anything is decoded
      await expectKassaError(b.call('bank.import', { data: 'A'.repeat(75 * 1024 * 1024), fileName: 'groot.xml' }), 'INVALID_INPUT');
    } finally {
      b.close();
    }
  });

  it('lines in a closed year or outside every fiscal year are imported with a warning naming the line', async () => {
    const b = await bankBooks(ING, { year: 2027 });
    try {
      const r = await b.call<BankImportResult>('bank.import', { path: fixture('camt053-001-02-ing.xml') });
      expect(r.added).toBe(8);
      expect(r.warnings).toEqual([
        expect.objectContaining({ line: 49, message: expect.stringMatching(/^8 regels \(vanaf 05-01-2026, regel 49\) vallen niet in een boekjaar/) }),
      ]);
    } finally {
      b.close();
    }
  });
});
