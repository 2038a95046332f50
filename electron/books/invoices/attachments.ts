import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AttachmentMeta } from '../../../shared/api/invoiceTypes';
import { KassaError } from '../../../shared/errors';
import { detectAttachmentMime, MAX_ATTACHMENT_BYTES, type AttachmentMime } from '../../../shared/rules/attachmentKind';
import type { Books } from '../../db/books';
import { nowIso } from '../clock';
import { said } from '../../../shared/phrase';

/**
 * Files kept inside the administration: a supplier's invoice (PDF, PNG or JPEG, at most 20 MB) and
 * the logo. The type is read from the file's first bytes, never from its name.
 */

export type AttachmentSource = { path: string; name?: string | undefined } | { name: string; data: string };

const MB = 1024 * 1024;

function formatMb(bytes: number): string {
  return (bytes / MB).toFixed(1).replace('.', ',');
}

export function tooLarge(size: number, max: number, field: string): KassaError {
  return new KassaError('INVALID_INPUT', said('err.file.tooBigMb', 'Het bestand is {{size}} MB. Dat is te groot: het mag hoogstens {{max}} MB zijn.', { size: formatMb(size), max: max / MB }), {
    field,
    details: { reason: 'too_large', size, max },
  });
}

function wrongType(field: string, allowed: readonly AttachmentMime[]): KassaError {
  const text = allowed.includes('application/pdf')
    ? said('err.file.notPdfOrImage', 'Dit bestand is geen PDF, PNG of JPEG (foto). Alleen zulke bestanden kunnen worden bewaard.')
    : said('err.file.notImage', 'Dit bestand is geen PNG- of JPEG-afbeelding. Alleen zulke bestanden kunnen worden bewaard.');
  return new KassaError('INVALID_INPUT', text, {
    field,
    details: { reason: 'wrong_type' },
  });
}

function decodeBase64(data: string): Buffer {
  // Accept a data URL as a browser's FileReader gives it.
  const comma = data.startsWith('data:') ? data.indexOf(',') : -1;
  return Buffer.from(comma >= 0 ? data.slice(comma + 1) : data, 'base64');
}

/** Read the bytes of a file the user gave (path or base64), refusing a missing, empty or too large one. */
export function readFileBytes(src: AttachmentSource, field: string, max: number): { name: string; bytes: Buffer } {
  let bytes: Buffer;
  let name: string;
  if ('path' in src) {
    const file = path.resolve(src.path);
    name = src.name?.trim() || path.basename(file);
    let size: number;
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) throw new KassaError('INVALID_INPUT', said('err.file.notAFile', '"{{path}}" is geen bestand.', { path: path.basename(file) }), { field });
      size = st.size;
    } catch (e) {
      if (e instanceof KassaError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new KassaError('FILE_NOT_FOUND', said('err.file.notFound', 'Het bestand "{{path}}" bestaat niet.', { path: path.basename(file) }), { field });
      if (code === 'EACCES' || code === 'EPERM') throw new KassaError('READ_ONLY', said('err.file.noAccess', 'U hebt geen toegang tot "{{path}}".', { path: path.basename(file) }), { field });
      throw e;
    }
    // Refuse a huge file before reading it into memory.
    if (size > max) throw tooLarge(size, max, field);
    bytes = fs.readFileSync(file);
  } else {
    name = src.name.trim();
    bytes = decodeBase64(src.data);
  }
  if (bytes.length === 0) throw new KassaError('INVALID_INPUT', said('err.file.empty', 'Het bestand is leeg.'), { field, details: { reason: 'empty' } });
  if (bytes.length > max) throw tooLarge(bytes.length, max, field);
  return { name, bytes };
}

/** Read and check the bytes of an attachment. Throws a Dutch INVALID_INPUT / FILE_NOT_FOUND. */
export function readAttachmentSource(
  src: AttachmentSource,
  opts: { field?: string; max?: number; allowed?: readonly AttachmentMime[] } = {},
): { name: string; mime: AttachmentMime; bytes: Buffer } {
  const field = opts.field ?? 'attachment';
  const allowed = opts.allowed ?? ['application/pdf', 'image/png', 'image/jpeg'];
  const { name, bytes } = readFileBytes(src, field, opts.max ?? MAX_ATTACHMENT_BYTES);
  const mime = detectAttachmentMime(bytes);
  if (!mime || !allowed.includes(mime)) throw wrongType(field, allowed);
  return { name: name.slice(0, 200) || 'bijlage', mime, bytes };
}

export function storeAttachment(books: Books, file: { name: string; mime: AttachmentMime; bytes: Buffer }): AttachmentMeta {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const { lastInsertRowid: id } = books.run(
    books.db.insertInto('attachments').values({ name: file.name, mime: file.mime, size: file.bytes.length, sha256, data: file.bytes, created_at: nowIso() }),
  );
  return { id, name: file.name, mime: file.mime, size: file.bytes.length, sha256 };
}

export function attachmentMeta(books: Books, id: number): AttachmentMeta | null {
  const r = books.first(books.db.selectFrom('attachments').select(['id', 'name', 'mime', 'size', 'sha256']).where('id', '=', id));
  return r ?? null;
}

export function attachmentBytes(books: Books, id: number): Buffer | null {
  const r = books.first(books.db.selectFrom('attachments').select('data').where('id', '=', id));
  return r ? Buffer.from(r.data) : null;
}

/**
 * Remove an attachment nothing refers to any more (a draft's replaced file, a receipt taken off a
 * bank line). Receipts are stored once per content, so one row may serve several owners.
 */
export function dropAttachmentIfUnused(books: Books, id: number | null): void {
  if (id === null) return;
  const used = books
    .raw(`SELECT 1 WHERE EXISTS (SELECT 1 FROM invoices WHERE attachment_id = @id)
      OR EXISTS (SELECT 1 FROM invoice_settings WHERE key = 'logo' AND value = CAST(@id AS TEXT))
      OR EXISTS (SELECT 1 FROM volunteer_payments WHERE attachment_id = @id)
      OR EXISTS (SELECT 1 FROM entry_attachments WHERE attachment_id = @id)
      OR EXISTS (SELECT 1 FROM bank_transaction_attachments WHERE attachment_id = @id)`)
    .get({ id });
  if (!used) books.raw('DELETE FROM attachments WHERE id = ?').run(id);
}
