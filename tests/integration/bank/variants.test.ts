/**
 * Issue 15 through bank.import: every variant a Dutch bank really writes lands in the inbox with its
 * counterparty, a second import adds nothing, an overlapping download merges, corrupted files never
 * write, and the payer's reference (Kenmerk) is shown and matches an open invoice.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { BankImportResult, BankInbox } from '../../../shared/api/bank';
import { KassaError } from '../../../shared/errors';
import { corrupt, corruption } from '../../unit/bank/corrupt';
import { cleanupTempDirs, expectKassaError, tempDir } from '../helpers';
import { customer, issue } from '../invoices/helpers';
import { bankBooks, counts, fixture, ING, RABO, writeTemp } from './helpers';

afterAll(cleanupTempDirs);

/** file · IBAN of 1100 (null: 1100 has none and is chosen) · lines · lines with a counterparty account · year of the books */
const VARIANTS: [string, string | null, number, number, number][] = [
  ['mt940-knab.sta', 'NL07KNAB0255123456', 3, 2, 2026],
  ['mt940-ing-2010.sta', ING, 3, 0, 2010],
  ['mt940-asn.sta', 'NL44ASNB0708123456', 3, 2, 2026],
  ['mt940-sns.sta', 'NL64SNSB0937465012', 2, 2, 2026],
  ['mt940-commerzbank.sta', 'DE60500400000123456789', 2, 1, 2026],
  ['mt940-rabobank-2013.swi', RABO, 3, 2, 2013],
  ['mt940-triodos-2012.sta', 'NL49TRIO0390123456', 2, 2, 2012],
  ['ing-single-day.csv', ING, 3, 3, 2026],
  ['ing-english.csv', ING, 3, 2, 2026],
  ['ing-savings.csv', null, 3, 2, 2026],
  ['abnamro-runin.tab', 'NL91ABNA0417164300', 2, 2, 2026],
  ['knab.csv', 'NL07KNAB0255123456', 3, 3, 2026],
];

describe('every variant into the inbox', () => {
  it.each(VARIANTS)('%s', async (file, iban, lines, withCounterparty, year) => {
    const b = await bankBooks(iban, { year });
    const dir = tempDir();
    try {
      const account = iban === null ? { account: '1100' } : {};
      const r = await b.call<BankImportResult>('bank.import', { path: fixture(file), ...account });
      expect(r).toMatchObject({ transactions: lines, added: lines, skippedDuplicates: 0, account: { code: '1100' } });
      // no false warnings: nothing about balances that do not chain or add up
      expect(r.warnings.map((w) => w.message).join(' ')).not.toMatch(/saldo/i);
      const inbox = await b.call<BankInbox>('bank.inbox', {});
      expect(inbox.items).toHaveLength(lines);
      const withAccount = inbox.items.filter((t) => t.counterpartyIban !== null);
      expect(withAccount).toHaveLength(withCounterparty);
      // the savings export names no counterparty (its transfers go to the own payment account)
      if (file !== 'ing-savings.csv') expect(withAccount.every((t) => t.counterpartyName !== null)).toBe(true);

      // the same file again: refused as a duplicate, nothing written
      const before = counts(b);
      await expectKassaError(b.call('bank.import', { path: fixture(file), ...account }), 'DUPLICATE');
      expect(counts(b)).toEqual(before);
      // the same bookings in another download (other bytes): merged, nothing added
      const again = await b.call<BankImportResult>('bank.import', { path: writeTemp(dir, `again-${file}`, Buffer.concat([fs.readFileSync(fixture(file)), Buffer.from('\n')])), ...account });
      expect(again).toMatchObject({ added: 0, skippedDuplicates: lines });
    } finally {
      b.close();
    }
  });
});

describe('ING of a single day (newest first)', () => {
  it('records the right bank balances and asks for no booking that does not exist', async () => {
    const b = await bankBooks(ING);
    try {
      const r = await b.call<BankImportResult>('bank.import', { path: fixture('ing-single-day.csv') });
      expect(r.balanceCheck).toMatchObject({ opening: '1624.40', closing: '446.38', openingDate: '2026-02-11', closingDate: '2026-02-12' });
      // the only differences are the missing opening balance in the books, the same amount at both ends
      expect(r.balanceCheck.differences.map((d) => d.difference)).toEqual(['1624.40', '1624.40']);
      expect(r.warnings.filter((w) => /sluit niet aan|niet gelijk aan het eindsaldo/.test(w.message))).toEqual([]);
    } finally {
      b.close();
    }
  });
});

describe('Kenmerk (the payer\'s reference)', () => {
  it('is shown in the inbox, found by search, and matches an open invoice whose number is only there', async () => {
    const b = await bankBooks(ING);
    const dir = tempDir();
    try {
      const c = await customer(b, { iban: 'NL97RABO0156789012' });
      const inv = await issue(b, c.id, { issueDate: '2026-02-02', supplyDate: '2026-02-02' });
      const amount = inv.gross.replace('.', ',');
      const csv = [
        '"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)";"Mutatiesoort";"Mededelingen";"Saldo na mutatie";"Tag"',
        `"20260212";"Wijkcentrum De Kroon";"${ING}";"NL97RABO0156789012";"OV";"Bij";"${amount}";"Overschrijving";"Naam: Wijkcentrum De Kroon Omschrijving: Workshop bewonersavond IBAN: NL97RABO0156789012 Kenmerk: ${inv.number} Valutadatum: 12-02-2026";"${amount}";""`,
      ].join('\r\n');
      const r = await b.call<BankImportResult>('bank.import', { path: writeTemp(dir, 'kenmerk.csv', csv) });
      expect(r.suggested).toBe(1);
      const inbox = await b.call<BankInbox>('bank.inbox', {});
      const line = inbox.items[0]!;
      expect(line).toMatchObject({ description: 'Workshop bewonersavond', reference: inv.number });
      expect(line.suggestion).toMatchObject({ kind: 'invoice', invoice: inv.id, account: '1300' });
      expect(line.suggestion?.reason).toMatch(/staat in het kenmerk\.$/);
      expect((await b.call<BankInbox>('bank.inbox', { search: inv.number! })).items).toHaveLength(1);
    } finally {
      b.close();
    }
  });
});

describe('refusals write nothing', () => {
  it('MT942, two savings accounts and a wrong forced format', async () => {
    const b = await bankBooks(ING);
    const dir = tempDir();
    try {
      await b.call('bank.import', { path: fixture('ing.csv') });
      const before = counts(b);
      expect((await expectKassaError(b.call('bank.import', { path: fixture('mt942-ing.sta') }), 'BAD_BANK_FILE')).message).toMatch(/^Dit is een MT942-bestand/);
      const two = fs.readFileSync(fixture('ing-savings.csv'), 'utf8').replace('"2026-03-02";"Overboeking naar betaalrekening NL36INGB0007654321";"K 444-12345"', '"2026-03-02";"Overboeking naar betaalrekening NL36INGB0007654321";"V 286-81505"');
      expect((await expectKassaError(b.call('bank.import', { path: writeTemp(dir, 'twee.csv', two), account: '1100' }), 'BAD_BANK_FILE')).message).toMatch(/meer dan één rekening/);
      expect((await expectKassaError(b.call('bank.import', { path: fixture('ing-single-day.csv'), format: 'csv-knab' }), 'BAD_BANK_FILE')).message).toMatch(/^Dit bestand lijkt niet op een bestand in het formaat CSV van Knab\./);
      expect(counts(b)).toEqual(before);
    } finally {
      b.close();
    }
  });

  it('corrupted variants: imported sanely or refused with nothing written', async () => {
    const dir = tempDir();
    let tried = 0;
    for (const [file, iban, , , year] of VARIANTS) {
      const b = await bankBooks(iban, { year });
      try {
        const src = fs.readFileSync(fixture(file));
        const samples = fc.sample(corruption, { numRuns: 8, seed: 15_000 + file.length });
        for (const [i, c] of samples.entries()) {
          const before = counts(b);
          const path = writeTemp(dir, `${i}-${file}`, corrupt(src, c));
          try {
            await b.call('bank.import', { path, ...(iban === null ? { account: '1100' } : {}) });
          } catch (err) {
            expect(err).toBeInstanceOf(KassaError);
            expect(counts(b)).toEqual(before);
          }
          tried++;
        }
      } finally {
        b.close();
      }
    }
    expect(tried).toBe(VARIANTS.length * 8);
  });
});
