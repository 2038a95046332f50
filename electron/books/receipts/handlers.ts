import type { Handler } from '../../handler';
import type { Books } from '../../db/books';
import type { Posted } from '../entries';
import { addReceiptToLine, lineReceipts, removeReceiptFromLine } from './bankLines';
import { readReceipt, readReceipts } from './read';
import { addReceiptToEntry, addToEntry, entryReceipts, receiptFile } from './store';
import type { FileInput } from '../../../shared/api/files';

type ReceiptMethods = 'receipts.add' | 'receipts.list' | 'receipts.file' | 'bank.receipts.add' | 'bank.receipts.list' | 'bank.receipts.remove';

// Files are read (and a HEIC photo converted) before the transaction: reading is async, the
// transaction synchronous, and a bad file must stop the action before anything is written.
export const receiptsHandlers: { [M in ReceiptMethods]: Handler<M> } = {
  'receipts.add': async ({ books }, input) => addReceiptToEntry(books, input.entry, await readReceipt(input.file)),
  'receipts.list': ({ books }, input) => entryReceipts(books, input.entry),
  'receipts.file': ({ books }, input) => receiptFile(books, input.id),
  'bank.receipts.add': async ({ books }, input) => addReceiptToLine(books, input.transaction, await readReceipt(input.file)),
  'bank.receipts.list': ({ books }, input) => lineReceipts(books, input.transaction),
  'bank.receipts.remove': ({ books }, input) => removeReceiptFromLine(books, input.transaction, input.id),
};

/** Post an entry and keep its receipts with it, in one transaction (the money forms). */
export async function postWithReceipts(books: Books, receipts: readonly FileInput[] | undefined, post: () => Posted): Promise<Posted> {
  const files = await readReceipts(receipts);
  return books.tx(() => {
    const posted = post();
    addToEntry(books, posted.id, files);
    return posted;
  });
}
