import { KassaError } from '../../../shared/errors';
import type { Receipt, ReceiptAdded } from '../../../shared/api/receipts';
import type { Books } from '../../db/books';
import { appendAudit } from '../audit';
import { nowIso } from '../clock';
import { dropAttachmentIfUnused } from '../invoices/attachments';
import { linkToEntry, receiptMeta, storeReceipt } from './store';
import type { ReceiptBytes } from './read';
import { said } from '../../../shared/phrase';

/**
 * Receipts on a bank line before it is booked. The link stays with the line (the record of what
 * was added there); booking copies it to the entry, and a line that goes back to the inbox and is
 * booked again takes it to the new entry too.
 */

function inboxLine(books: Books, id: number): { id: number; status: string; entry_id: number | null } {
  const r = books.raw('SELECT id, status, entry_id FROM bank_transactions WHERE id = ?').get(id) as { id: number; status: string; entry_id: number | null } | undefined;
  if (!r) throw new KassaError('NOT_FOUND', said('err.bank.lineNotFoundId', 'Bankregel {{id}} bestaat niet.', { id }), { field: 'transaction' });
  return r;
}

export function addReceiptToLine(books: Books, transaction: number, file: ReceiptBytes): ReceiptAdded {
  return books.tx(() => {
    const line = inboxLine(books, transaction);
    const stored = storeReceipt(books, file);
    books.raw('INSERT OR IGNORE INTO bank_transaction_attachments (transaction_id, attachment_id, created_at) VALUES (?, ?, ?)').run(transaction, stored.id, nowIso());
    // Already booked: the entry gets it at once, like any receipt added afterwards.
    if (line.status === 'booked' && line.entry_id !== null) linkToEntry(books, line.entry_id, stored.id);
    appendAudit(books, 'bank.receipts.add', 'bank_transaction', transaction, { receipt: receiptMeta(books, stored.id).sha256 });
    return { receipt: receiptMeta(books, stored.id), reused: stored.reused, converted: file.converted, alsoOn: [] };
  });
}

export function lineReceipts(books: Books, transaction: number): Receipt[] {
  inboxLine(books, transaction);
  return books
    .raw(`SELECT a.id, a.name, a.mime, a.size, a.sha256 FROM bank_transaction_attachments x JOIN attachments a ON a.id = x.attachment_id
          WHERE x.transaction_id = ? ORDER BY x.created_at, a.id`)
    .all(transaction) as Receipt[];
}

/** Take a receipt off a line that is not booked yet (a booked one's receipt is part of its entry). */
export function removeReceiptFromLine(books: Books, transaction: number, attachmentId: number): { removed: boolean } {
  return books.tx(() => {
    const line = inboxLine(books, transaction);
    if (line.status === 'booked') {
      throw new KassaError('POSTED_IMMUTABLE', said('err.receipt.linePosted', 'Deze bankregel is al geboekt. Het bonnetje hoort nu bij de boeking en blijft bewaard.'), { field: 'transaction' });
    }
    const r = books.raw('DELETE FROM bank_transaction_attachments WHERE transaction_id = ? AND attachment_id = ?').run(transaction, attachmentId);
    if (r.changes === 0) return { removed: false };
    dropAttachmentIfUnused(books, attachmentId);
    appendAudit(books, 'bank.receipts.remove', 'bank_transaction', transaction, { attachment: attachmentId });
    return { removed: true };
  });
}

/** On booking: the line's receipts go with it to the entry (inside the confirm's transaction). */
export function moveLineReceipts(books: Books, transaction: number, entryId: number): void {
  const ids = books.raw('SELECT attachment_id AS id FROM bank_transaction_attachments WHERE transaction_id = ?').all(transaction) as { id: number }[];
  for (const { id } of ids) linkToEntry(books, entryId, id);
}
