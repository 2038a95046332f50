import { z } from 'zod';
import type { AttachmentMime } from '../rules/attachmentKind';
import { Id } from './common';
import { method } from './define';
import { tooManyReceipts } from './fieldTexts';
import { FileInput } from './files';

/** A receipt (bonnetje): a photo or PDF kept in the administration, stored once per content. */
export interface Receipt {
  id: number;
  name: string;
  mime: AttachmentMime;
  size: number;
  sha256: string;
}

export interface ReceiptAdded {
  receipt: Receipt;
  /** The same bytes were already in the file: the stored copy is used again. */
  reused: boolean;
  /** A HEIC photo was converted to JPEG so every screen can show it. */
  converted: boolean;
  /** Other entries (references such as "KAS 2026-0003") that already carry this same receipt. */
  alsoOn: string[];
}

export interface ReceiptFile extends Receipt {
  base64: string;
}

/** At most this many receipts in one "Geld uitgeven"/"Geld ontvangen". */
export const MAX_RECEIPTS_PER_FORM = 10;

export const ReceiptFiles = z
  .array(FileInput)
  .max(MAX_RECEIPTS_PER_FORM, { message: tooManyReceipts(MAX_RECEIPTS_PER_FORM) });

export const receiptsMethods = {
  /** Add a receipt to a posted entry: a separate link, the entry itself never changes. */
  'receipts.add': method<ReceiptAdded>()(z.object({ entry: Id, file: FileInput })),
  'receipts.list': method<Receipt[]>()(z.object({ entry: Id })),
  /** The bytes of a receipt, to show it. */
  'receipts.file': method<ReceiptFile>()(z.object({ id: Id })),
  /** Receipts of a bank line in the inbox; booking the line moves them to its entry. */
  'bank.receipts.add': method<ReceiptAdded>()(z.object({ transaction: Id, file: FileInput })),
  'bank.receipts.list': method<Receipt[]>()(z.object({ transaction: Id })),
  'bank.receipts.remove': method<{ removed: boolean }>()(z.object({ transaction: Id, id: Id })),
} as const;
