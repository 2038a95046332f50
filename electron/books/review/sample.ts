import type { Sample, SampleEntry, SampleLine } from '../../../shared/api/review';
import { centsToString } from '../../../shared/money';
import { drawSample, type SampleCandidate } from '../../../shared/rules/reviewSample';
import type { Books } from '../../db/books';
import { entryRef } from '../entries';
import { getYear } from '../statements/balances';
import { receiptOf } from './receipts';

/** Entries of € 1,000 or more are always looked at (DESIGN.md section 11). */
export const LARGE_CENTS = 100_000;
export const DEFAULT_SAMPLE_SIZE = 25;
export const DEFAULT_THRESHOLD_CENTS = 5_000;

/** Posted entries of a year the sample is drawn from: no closing entries (the checklist has them). */
export function sampleCandidates(books: Books, year: number): SampleCandidate[] {
  getYear(books, year);
  return books
    .raw(
      `SELECT e.id, j.code AS journal, e.number, (SELECT COALESCE(SUM(amount_cents), 0) FROM lines l WHERE l.entry_id = e.id AND l.amount_cents > 0) AS cents
       FROM entries e JOIN journals j ON j.id = e.journal_id
       WHERE e.year = ? AND e.status = 'posted' AND e.source <> 'closing'`,
    )
    .all(year) as SampleCandidate[];
}

export function sampleEntry(books: Books, entryId: number, reason: SampleEntry['reason']): Omit<SampleEntry, 'mark'> {
  const e = books
    .raw(`SELECT e.id, j.code AS journal, e.year, e.number, e.date, e.description FROM entries e JOIN journals j ON j.id = e.journal_id WHERE e.id = ?`)
    .get(entryId) as { id: number; journal: string; year: number; number: number; date: string; description: string };
  const rows = books
    .raw(`SELECT a.code, a.name, l.amount_cents AS c, l.description FROM lines l JOIN accounts a ON a.id = l.account_id WHERE l.entry_id = ? ORDER BY l.id`)
    .all(entryId) as { code: string; name: string; c: number; description: string | null }[];
  const lines: SampleLine[] = rows.map((r) => ({
    account: r.code, accountName: r.name, debit: r.c > 0 ? centsToString(r.c) : null, credit: r.c < 0 ? centsToString(-r.c) : null, description: r.description,
  }));
  const total = rows.reduce((s, r) => s + (r.c > 0 ? r.c : 0), 0);
  return {
    entryId: e.id, ref: entryRef(e.journal, e.year, e.number)!, date: e.date, description: e.description, amount: centsToString(total),
    reason, lines, receipt: receiptOf(books, e.id),
  };
}

/** Draw the sample of a year from a seed: what `kassa review --seed S` prints and a review stores. */
export function drawYearSample(books: Books, year: number, size: number, seed: number): Omit<Sample, 'entries'> & { entries: Omit<SampleEntry, 'mark'>[] } {
  const d = drawSample(sampleCandidates(books, year), { size, seed, largeCents: LARGE_CENTS });
  return {
    year, seed, size, large: centsToString(LARGE_CENTS), population: d.population,
    entries: [...d.large.map((c) => sampleEntry(books, c.id, 'large')), ...d.random.map((c) => sampleEntry(books, c.id, 'random'))],
  };
}
