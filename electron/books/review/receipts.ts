import type { Books } from '../../db/books';
import { hasTable } from '../statements/balances';

/**
 * Which cost entries have a receipt. One place for the review's checklist, its sample and the
 * coach's overview. Today a receipt is the file kept with a purchase invoice or a volunteer
 * payment that booked the entry, and (once migration 0011 of issue 18 is in the file) a receipt
 * linked to the entry itself.
 * A volunteer's fee for effort needs no receipt: the payment record (hours, period, the yearly
 * statement) is its evidence, so a fee entry counts as documented.
 */

/** SQL condition on entry `e`; receipts linked to the entry itself count once that table exists (issue 18, migration 0011). */
function receiptExists(books: Books): string {
  const linked = hasTable(books, 'entry_attachments') ? 'OR EXISTS (SELECT 1 FROM entry_attachments ea WHERE ea.entry_id = e.id)' : '';
  return `(
  EXISTS (SELECT 1 FROM invoices i WHERE i.entry_id = e.id AND i.attachment_id IS NOT NULL)
  OR EXISTS (SELECT 1 FROM volunteer_payments v WHERE v.entry_id = e.id AND (v.attachment_id IS NOT NULL OR v.kind = 'fee'))
  ${linked}
)`;
}

export function entryHasReceipt(books: Books, entryId: number): boolean {
  const r = books.raw(`SELECT ${receiptExists(books)} AS ok FROM entries e WHERE e.id = ?`).get(entryId) as { ok: number } | undefined;
  return r?.ok === 1;
}

/** The name of the receipt kept with an entry, or null. */
export function receiptOf(books: Books, entryId: number): { name: string } | null {
  const r = books
    .raw(
      `SELECT a.name FROM attachments a WHERE a.id IN (
         SELECT attachment_id FROM invoices WHERE entry_id = ? AND attachment_id IS NOT NULL
         UNION SELECT attachment_id FROM volunteer_payments WHERE entry_id = ? AND attachment_id IS NOT NULL
         ${hasTable(books, 'entry_attachments') ? 'UNION SELECT attachment_id FROM entry_attachments WHERE entry_id = ?' : ''})
       ORDER BY a.id LIMIT 1`,
    )
    .get(...(hasTable(books, 'entry_attachments') ? [entryId, entryId, entryId] : [entryId, entryId])) as { name: string } | undefined;
  return r ? { name: r.name } : null;
}

export interface CostWithoutReceipt {
  entryId: number;
  journal: string;
  year: number;
  number: number;
  date: string;
  description: string;
  /** What the entry put on expense accounts, in cents. */
  cents: number;
}

/**
 * Posted entries in a period that put at least `minCents` on expense accounts and have no receipt.
 * Closing entries and reversals are not costs of their own.
 */
export function costsWithoutReceipt(books: Books, p: { from: string; to: string; minCents: number; limit?: number }): CostWithoutReceipt[] {
  return books
    .raw(
      `SELECT e.id AS entryId, j.code AS journal, e.year, e.number, e.date, e.description, x.cents
       FROM (SELECT l.entry_id, SUM(l.amount_cents) AS cents FROM lines l JOIN accounts a ON a.id = l.account_id
             WHERE a.type = 'expense' AND l.posted = 1 AND l.amount_cents > 0 AND l.date BETWEEN ? AND ?
             GROUP BY l.entry_id) x
       JOIN entries e ON e.id = x.entry_id JOIN journals j ON j.id = e.journal_id
       WHERE x.cents >= ? AND e.source <> 'closing' AND e.reversal_of IS NULL
         AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.reversal_of = e.id AND r.status = 'posted')
         AND NOT ${receiptExists(books)}
       ORDER BY e.date, j.code, e.number LIMIT ?`,
    )
    .all(p.from, p.to, p.minCents, p.limit ?? 10_000) as CostWithoutReceipt[];
}
