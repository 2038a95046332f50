/**
 * The fact chain (issue 17, DESIGN.md section 10) on real files: every way an entry gets posted
 * appends one fact, the canonical JSON the fast paths build from what they hold is the one verify
 * re-derives from the tables, the head moves, a migrated old file gets its chain and says from when,
 * and a head kept outside the file proves the history up to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../../shared/api/types';
import { EntryBatch } from '../../../electron/books/bank/batchPost';
import { generateDemo } from '../../../electron/books/demo';
import { entryJson } from '../../../electron/books/history/entryFact';
import { appendFact, chainHead, factJson, factKind, fullChainHead } from '../../../electron/books/history/facts';
import { cleanupTempDirs, expectDutch, makeBooks, openBooksSession, ROOT, simpleEntry, tempDir } from '../helpers';

afterAll(cleanupTempDirs);

const factCount = (b: { session: { books: unknown } }) => {
  const books = b.session.books as import('../../../electron/db/books').Books;
  return (books.raw('SELECT COUNT(*) AS n FROM facts').get() as { n: number }).n;
};

describe('the fact chain', () => {
  it('a new file starts an empty chain from the beginning; every posting path adds one fact and verify re-derives the same head', async () => {
    const b = await makeBooks({ year: 2026 });
    try {
      let v = await b.call<VerifyResult>('audit.verify');
      expect(v.ok, JSON.stringify(v.problems)).toBe(true);
      expect(v.history.count).toBe(0);
      expect(v.history.backfilled).toBe(0);
      expect(v.history.note).toMatch(/^Geschiedenis controleerbaar vanaf het begin/);

      const p1 = await b.call<{ id: number; ref: string }>('entries.post', simpleEntry('2026-02-01', '1100', '8000', '10.00', 'Gift'));
      const d = await b.call<{ id: number }>('entries.saveDraft', simpleEntry('2026-02-02', '4200', '1000', '3.25', 'Boodschappen'));
      expect(factCount(b)).toBe(1); // a draft is not final
      await b.call('entries.postDraft', { id: d.id });
      await b.call('entries.reverse', { id: p1.id });
      expect(factCount(b)).toBe(3);

      const books = b.session.books!;
      const batchRef = books.tx(() => new EntryBatch(books).post({
        date: '2026-03-01', description: 'Bank: huur', journal: 'BANK',
        lines: [{ account: '4100', debit: '450.00', description: 'maart', contact: 3, person: 2 }, { account: '1100', credit: '450.00' }],
      }, { source: 'import' }).ref);
      expect(batchRef).toBe('BANK 2026-0003');
      expect(factCount(b)).toBe(4);
      generateDemo(books, { transactions: 120, seed: 3, years: 1, endYear: 2026 });
      expect(factCount(b)).toBe(124);

      const head = fullChainHead(books);
      expect(head.count).toBe(124);
      expect(chainHead(books)).toEqual({ count: 124, hash: head.hash.slice(0, 12) });
      v = await b.call<VerifyResult>('audit.verify');
      expect(v.ok, JSON.stringify(v.problems)).toBe(true);
      // The head in meta was written from the JSON the posting paths built (the bank batch and the
      // demo from data they held); verify recomputed every hash from the tables: the full 256-bit
      // heads are equal only if every canonical text was.
      expect(v.history.hash).toBe(head.hash);
      expect(v.history.head).toBe(`124:${head.hash.slice(0, 12)}`);
    } finally {
      b.close();
    }
  });

  it('the fast path\'s canonical JSON equals canonical() from the tables, byte for byte', async () => {
    const b = await makeBooks({ year: 2026 });
    try {
      const books = b.session.books!;
      const input = {
        date: '2026-04-01', description: 'Bank: "gift" met ß en é', journal: 'BANK',
        lines: [{ account: '1100', debit: '12.34', contact: 7 }, { account: '8000', credit: '12.34', description: 'regel', person: 4 }],
      };
      books.tx(() => new EntryBatch(books).post(input, { source: 'import' }));
      const fromTables = factJson(factKind('entry')!, books, 'BANK/2026/1');
      const fast = entryJson(
        { journal: 'BANK', year: 2026, number: 1, date: '2026-04-01', description: input.description, reversalOf: null },
        [
          { account: '1100', cents: 1234, description: null, contact: 7, grant: null, budgetLine: null, person: null },
          { account: '8000', cents: -1234, description: 'regel', contact: null, grant: null, budgetLine: null, person: 4 },
        ],
      );
      expect(fromTables).toBe(fast);
      // codes, not ids; integer cents; fixed key order
      expect(fromTables).toBe('{"journal":"BANK","year":2026,"number":1,"date":"2026-04-01","description":"Bank: \\"gift\\" met ß en é","reversalOf":null,'
        + '"lines":[{"account":"1100","cents":1234,"description":null,"contact":7,"grant":null,"budgetLine":null,"person":null},'
        + '{"account":"8000","cents":-1234,"description":"regel","contact":null,"grant":null,"budgetLine":null,"person":4}]}');
      expect(factJson(factKind('entry')!, books, 'BANK/2026/2')).toBeNull();
    } finally {
      b.close();
    }
  });

  it('appendFact refuses an unknown kind or a thing that does not exist, and writes nothing', async () => {
    const b = await makeBooks({ year: 2026 });
    try {
      const books = b.session.books!;
      expect(() => books.tx(() => appendFact(books, 'nope', 'x'))).toThrow(/unknown fact kind/);
      expect(() => books.tx(() => appendFact(books, 'entry', 'BANK/2026/9'))).toThrow(/does not exist/);
      expect(fullChainHead(books).count).toBe(0);
    } finally {
      b.close();
    }
  });

  it('a head kept outside the file proves the history up to it; more postings after it are fine', async () => {
    const b = await makeBooks({ year: 2026 });
    try {
      for (let i = 1; i <= 3; i++) await b.call('entries.post', simpleEntry(`2026-01-0${i}`, '1100', '8000', `${i}.00`));
      const head = (await b.call<VerifyResult>('audit.verify')).history.head;
      for (let i = 4; i <= 6; i++) await b.call('entries.post', simpleEntry(`2026-01-0${i}`, '1100', '8000', `${i}.00`));
      const v = await b.call<VerifyResult>('audit.verify', { since: head });
      expect(v.ok, JSON.stringify(v.problems)).toBe(true);
      expect(v.history.count).toBe(6);
      // a head the file never had
      const wrong = await b.call<VerifyResult>('audit.verify', { since: `3:${'0'.repeat(12)}` });
      expect(wrong.ok).toBe(false);
      expect(wrong.problems.map((p) => p.code)).toEqual(['HISTORY_REWRITTEN']);
      expectDutch(wrong.problems[0]!.message);
      const ahead = await b.call<VerifyResult>('audit.verify', { since: `9:${head.split(':')[1]}` });
      expect(ahead.problems.map((p) => p.code)).toEqual(['HISTORY_CUT']);
      expectDutch(ahead.problems[0]!.message);
    } finally {
      b.close();
    }
  });
});

describe('a file from before the chain (schema v6)', () => {
  it('gets its chain once on opening, verifies, and says from when', async () => {
    const file = path.join(tempDir(), 'oud.kassa');
    fs.copyFileSync(path.join(ROOT, 'tests/fixtures/schema/v6.kassa'), file);
    const t = await openBooksSession(file);
    try {
      const books = t.session.books!;
      const posted = (books.raw(`SELECT COUNT(*) AS n FROM entries WHERE status = 'posted'`).get() as { n: number }).n;
      expect(posted).toBeGreaterThan(0);
      const v = await t.call<VerifyResult>('audit.verify');
      expect(v.ok, JSON.stringify(v.problems)).toBe(true);
      expect(v.history.backfilled).toBeGreaterThanOrEqual(posted);
      expect(v.history.count).toBe(v.history.backfilled);
      expect(v.history.note).toMatch(/^Geschiedenis controleerbaar vanaf \d{1,2} \p{L}+ \d{4}: de \d+ feiten van daarvoor zijn toen eenmalig vastgelegd\.$/u);
      expect(v.history.started).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    } finally {
      t.close();
    }
    // opening again does not compute it a second time
    const again = await openBooksSession(file);
    try {
      const v = await again.call<VerifyResult>('audit.verify');
      expect(v.ok).toBe(true);
      expect(v.history.count).toBe(v.history.backfilled);
    } finally {
      again.close();
    }
  });
});
