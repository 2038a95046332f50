import { createHash } from 'node:crypto';
import { KassaError } from '../../../shared/errors';
import type { Receipt, ReceiptAdded, ReceiptFile } from '../../../shared/api/receipts';
import type { Books } from '../../db/books';
import { appendAudit } from '../audit';
import { nowIso } from '../clock';
import { entryRef } from '../entries';
import type { ReceiptBytes } from './read';
import { appendFact } from '../history/facts';
import { RECEIPT_FACT, receiptFactRef } from './fact';
import { said } from '../../../shared/phrase';

/**
 * Receipts live in the shared `attachments` table, stored once per content: the same photo added
 * twice (to one entry or to two) is one row. Links to entries are final (a separate table, so the
 * posted entry itself never changes); links to bank lines in the inbox move to the entry on booking.
 */

const META = 'SELECT id, name, mime, size, sha256 FROM attachments';

/** Store the bytes, or find the row that already holds exactly these bytes. */
export function storeReceipt(books: Books, file: ReceiptBytes): { id: number; reused: boolean } {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  // Same hash and same bytes: a hash alone is trusted by no one reading this code later.
  const same = books.raw('SELECT id, data FROM attachments WHERE sha256 = ? AND size = ?').all(sha256, file.bytes.length) as { id: number; data: Buffer }[];
  const hit = same.find((r) => Buffer.compare(Buffer.from(r.data), file.bytes) === 0);
  if (hit) return { id: hit.id, reused: true };
  const { lastInsertRowid: id } = books.run(
    books.db.insertInto('attachments').values({ name: file.name, mime: file.mime, size: file.bytes.length, sha256, data: file.bytes, created_at: nowIso() }),
  );
  return { id, reused: false };
}

export function receiptMeta(books: Books, id: number, field = 'id'): Receipt {
  const r = books.raw(`${META} WHERE id = ?`).get(id) as Receipt | undefined;
  if (!r) throw new KassaError('NOT_FOUND', said('err.receipt.notFound', 'Dit bonnetje bestaat niet (meer).'), { field });
  return r;
}

export function receiptFile(books: Books, id: number): ReceiptFile {
  const meta = receiptMeta(books, id);
  const r = books.raw('SELECT data FROM attachments WHERE id = ?').get(id) as { data: Buffer };
  return { ...meta, base64: Buffer.from(r.data).toString('base64') };
}

/** References of the posted entries that carry this receipt, except one. */
function entriesWith(books: Books, attachmentId: number, except: number | null): string[] {
  const rows = books
    .raw(`SELECT j.code, e.year, e.number FROM entry_attachments ea JOIN entries e ON e.id = ea.entry_id JOIN journals j ON j.id = e.journal_id
          WHERE ea.attachment_id = ? AND ea.entry_id IS NOT ? ORDER BY e.date, e.id`)
    .all(attachmentId, except) as { code: string; year: number; number: number }[];
  return rows.map((r) => entryRef(r.code, r.year, r.number)!);
}

function postedEntry(books: Books, id: number, field: string): { id: number; ref: string; journal: string; year: number; number: number } {
  const e = books
    .raw('SELECT e.status, j.code, e.year, e.number FROM entries e JOIN journals j ON j.id = e.journal_id WHERE e.id = ?')
    .get(id) as { status: string; code: string; year: number; number: number | null } | undefined;
  if (!e) throw new KassaError('NOT_FOUND', said('err.entry.notFound', 'Boeking {{id}} bestaat niet.', { id }), { field });
  if (e.status !== 'posted') {
    throw new KassaError('INVALID_INPUT', said('err.receipt.postFirst', 'Een bonnetje kan alleen bij een geboekte boeking. Boek het concept eerst.'), { field });
  }
  return { id, ref: entryRef(e.code, e.year, e.number)!, journal: e.code, year: e.year, number: e.number! };
}

/**
 * Link a stored receipt to a posted entry (inside the caller's transaction). Linking the same
 * receipt twice to one entry is a no-op, not an error.
 */
export function linkToEntry(books: Books, entryId: number, attachmentId: number, field = 'entry'): boolean {
  const entry = postedEntry(books, entryId, field);
  const r = books.raw('INSERT OR IGNORE INTO entry_attachments (entry_id, attachment_id, created_at) VALUES (?, ?, ?)').run(entryId, attachmentId, nowIso());
  if (r.changes === 0) return false;
  const meta = receiptMeta(books, attachmentId);
  appendAudit(books, 'receipts.link', 'entry', entryId, { ref: entry.ref, receipt: meta.sha256, name: meta.name });
  appendFact(books, RECEIPT_FACT, receiptFactRef(entry.journal, entry.year, entry.number, meta.sha256));
  return true;
}

/** Store and link receipts read beforehand (readReceipts), all in the caller's transaction. */
export function addToEntry(books: Books, entryId: number, files: readonly ReceiptBytes[]): ReceiptAdded[] {
  return files.map((f) => {
    const stored = storeReceipt(books, f);
    const alsoOn = entriesWith(books, stored.id, entryId);
    linkToEntry(books, entryId, stored.id);
    return { receipt: receiptMeta(books, stored.id), reused: stored.reused, converted: f.converted, alsoOn };
  });
}

export function addReceiptToEntry(books: Books, entryId: number, file: ReceiptBytes): ReceiptAdded {
  return books.tx(() => {
    postedEntry(books, entryId, 'entry');
    return addToEntry(books, entryId, [file])[0]!;
  });
}

export function entryReceipts(books: Books, entryId: number): Receipt[] {
  return books
    .raw(`SELECT a.id, a.name, a.mime, a.size, a.sha256 FROM entry_attachments ea JOIN attachments a ON a.id = ea.attachment_id
          WHERE ea.entry_id = ? ORDER BY ea.created_at, a.id`)
    .all(entryId) as Receipt[];
}

/** Receipt counts of a page of entries (one query). */
export function receiptCounts(books: Books, entryIds: readonly number[]): Map<number, number> {
  if (entryIds.length === 0) return new Map();
  const rows = books
    .raw('SELECT entry_id, COUNT(*) AS n FROM entry_attachments WHERE entry_id IN (SELECT value FROM json_each(?)) GROUP BY entry_id')
    .all(JSON.stringify(entryIds)) as { entry_id: number; n: number }[];
  return new Map(rows.map((r) => [r.entry_id, r.n]));
}
