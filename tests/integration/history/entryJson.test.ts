/**
 * An entry's canonical JSON is written by two builders: entryJson() in JavaScript (the posting
 * paths) and SQLite's json_object() (verify and the start of the chain). Chains written before
 * either existed came from JSON.stringify of an object. All three must give the same bytes, or an
 * honest file would fail verify: SQLite's string quoting is checked against JSON.stringify for every
 * character, and a posted entry with awkward text against the old object form.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { EntryBatch } from '../../../electron/books/bank/batchPost';
import { entryJson, PlainEntryJson } from '../../../electron/books/history/entryFact';
import { factJson, factKind } from '../../../electron/books/history/facts';
import { cleanupTempDirs, makeBooks } from '../helpers';

afterAll(cleanupTempDirs);

describe('the canonical JSON of an entry', () => {
  it('SQLite quotes every character as JSON.stringify does', async () => {
    const b = await makeBooks({ year: 2026 });
    try {
      const quote = b.session.books!.raw('SELECT json_quote(?) AS q').pluck();
      const differ: number[] = [];
      for (let c = 0; c <= 0xffff; c++) {
        if (c >= 0xd800 && c <= 0xdfff) continue; // lone surrogates cannot be stored as UTF-8 text
        const s = `a${String.fromCharCode(c)}b`;
        if (quote.get(s) !== JSON.stringify(s)) differ.push(c);
      }
      for (const s of ['😀', '\u{1F3E0} huis', '\\"', '']) if (quote.get(s) !== JSON.stringify(s)) differ.push(-1);
      expect(differ).toEqual([]);
    } finally {
      b.close();
    }
  });

  it('an entry with quotes, control characters and dimensions reads back as the text the posting hashed and the old object form', async () => {
    const b = await makeBooks({ year: 2026 });
    try {
      const books = b.session.books!;
      const description = 'Bank: "gift"\t\\ van Ayşe\n\u0001\u007f\u2028 😀';
      books.tx(() => new EntryBatch(books).post({
        date: '2026-05-01', description, journal: 'BANK',
        lines: [{ account: '1100', debit: '999999999.99', contact: 7, description: 'x\r\ny' }, { account: '8000', credit: '999999999.99', person: 3 }],
      }, { source: 'import' }));
      const lines = [
        { account: '1100', cents: 99999999999, description: 'x\r\ny', contact: 7, grant: null, budgetLine: null, person: null },
        { account: '8000', cents: -99999999999, description: null, contact: null, grant: null, budgetLine: null, person: 3 },
      ];
      const head = { journal: 'BANK', year: 2026, number: 1, date: '2026-05-01', description, reversalOf: null };
      const old = JSON.stringify({ ...head, lines });
      expect(entryJson(head, lines)).toBe(old);
      expect(factJson(factKind('entry')!, books, 'BANK/2026/1')).toBe(old);
      const bulk = [...factKind('entry')!.allJson!(books)];
      expect(bulk).toEqual([['BANK/2026/1', old]]);
      // The demo load's builder: the same text for lines without description or dimensions, also
      // the second time a text comes by (then from its cache).
      const plain = new PlainEntryJson();
      const plainLines = [{ ...lines[0]!, description: null, contact: null }, { ...lines[1]!, person: null }];
      for (let i = 0; i < 2; i++) {
        expect(plain.entry('BANK', 2026, 1, '2026-05-01', description, plainLines.map((l) => [l.account, l.cents] as const))).toBe(JSON.stringify({ ...head, lines: plainLines }));
      }
    } finally {
      b.close();
    }
  });
});
