import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KassaError } from '../../../shared/errors';
import type { Books } from '../../db/books';
import { nowIso } from '../clock';
import { said } from '../../../shared/phrase';

/**
 * Receipts of volunteer payments, stored as rows of the shared `attachments` table (migration 0002).
 * Only PDF, PNG and JPEG are accepted, recognised by their first bytes (not by the file name).
 */

export type ReceiptInput = { path: string } | { fileName: string; dataBase64: string };

export interface Receipt {
  name: string;
  mime: 'application/pdf' | 'image/png' | 'image/jpeg';
  data: Buffer;
}

/** The attachments table's own limit. */
export const MAX_RECEIPT_BYTES = 20 * 1024 * 1024;

function sniff(data: Buffer): Receipt['mime'] | null {
  if (data.length >= 5 && data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (data.length >= 8 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Read and check a receipt before anything is written. */
export function readReceipt(input: ReceiptInput, field = 'receipt'): Receipt {
  let name: string;
  let data: Buffer;
  if ('path' in input) {
    name = path.basename(input.path);
    try {
      const st = fs.statSync(input.path);
      if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      if (st.size > MAX_RECEIPT_BYTES) {
        throw new KassaError('INVALID_INPUT', said('err.vol.receiptTooBig', 'De bon is te groot (meer dan 20 MB). Maak een kleinere foto of scan.'), { field });
      }
      data = fs.readFileSync(input.path);
    } catch (e) {
      if (e instanceof KassaError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new KassaError('FILE_NOT_FOUND', said('err.vol.receiptFileMissing', 'Het bestand van de bon bestaat niet: {{name}}.', { name }), { field });
      if (code === 'EACCES' || code === 'EPERM') throw new KassaError('READ_ONLY', said('err.vol.receiptUnreadable', 'Het bestand van de bon kan niet worden gelezen: {{name}}.', { name }), { field });
      throw new KassaError('INVALID_INPUT', said('err.vol.receiptUnreadable', 'Het bestand van de bon kan niet worden gelezen: {{name}}.', { name }), { field });
    }
  } else {
    name = input.fileName.trim();
    const b64 = input.dataBase64.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) {
      throw new KassaError('INVALID_INPUT', said('err.vol.receiptDamaged', 'Het bestand van de bon is beschadigd. Kies het bestand opnieuw.'), { field });
    }
    data = Buffer.from(b64, 'base64');
    if (data.length > MAX_RECEIPT_BYTES) {
      throw new KassaError('INVALID_INPUT', said('err.vol.receiptTooBig', 'De bon is te groot (meer dan 20 MB). Maak een kleinere foto of scan.'), { field });
    }
  }
  if (data.length === 0) throw new KassaError('INVALID_INPUT', said('err.vol.receiptEmpty', 'Het bestand van de bon is leeg.'), { field });
  const mime = sniff(data);
  if (!mime) {
    throw new KassaError('INVALID_INPUT', said('err.vol.receiptKind', 'Een bon moet een PDF, een PNG of een JPG (foto) zijn. Kies een ander bestand.'), { field });
  }
  return { name: name.slice(0, 200) || 'bon', mime, data };
}

/** Store the receipt as an attachment; returns its id. */
export function storeReceipt(books: Books, r: Receipt): number {
  const sha256 = createHash('sha256').update(r.data).digest('hex');
  const { lastInsertRowid } = books.run(
    books.db.insertInto('attachments').values({ name: r.name, mime: r.mime, size: r.data.length, sha256, data: r.data, created_at: nowIso() }),
  );
  return lastInsertRowid;
}
