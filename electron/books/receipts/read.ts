import { KassaError } from '../../../shared/errors';
import type { FileInput } from '../../../shared/api/files';
import { detectReceiptKind, MAX_ATTACHMENT_BYTES, MIME_EXTENSION, type AttachmentMime } from '../../../shared/rules/attachmentKind';
import { readFileBytes, tooLarge } from '../invoices/attachments';
import { said } from '../../../shared/phrase';

/** A receipt's bytes, checked and ready to store (a HEIC photo already converted to JPEG). */
export interface ReceiptBytes {
  name: string;
  mime: AttachmentMime;
  bytes: Buffer;
  converted: boolean;
}

function wrongKind(field: string): KassaError {
  return new KassaError('INVALID_INPUT', said('err.receipt.wrongKind', 'Dit bestand is geen foto (JPEG, PNG, WebP of HEIC) en geen PDF. Kies een foto of een PDF van het bonnetje.'), {
    field,
    details: { reason: 'wrong_type' },
  });
}

/** "IMG_0042.HEIC" -> "IMG_0042.jpg": the name says what is kept. */
function renamed(name: string, mime: AttachmentMime): string {
  const base = name.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'bonnetje';
  return `${base}.${MIME_EXTENSION[mime]}`;
}

/**
 * HEIC (what iPhones save) is converted to JPEG, because no browser engine Electron ships shows HEIC.
 * heic-convert (libheif compiled to WebAssembly) is loaded only when such a photo arrives.
 */
async function heicToJpeg(bytes: Buffer, field: string): Promise<Buffer> {
  const { default: convert } = await import('heic-convert');
  try {
    return Buffer.from(await convert({ buffer: bytes, format: 'JPEG', quality: 0.9 }));
  } catch {
    throw new KassaError('INVALID_INPUT', said('err.receipt.heicUnreadable', 'Deze HEIC-foto kan niet worden gelezen. Het bestand is misschien beschadigd. Maak de foto opnieuw of kies een JPEG.'), {
      field,
      details: { reason: 'heic_unreadable' },
    });
  }
}

/** Read and check a receipt: ≤ 20 MB, its kind read from the bytes (never from the name). */
export async function readReceipt(src: FileInput, field = 'file'): Promise<ReceiptBytes> {
  const { name, bytes } = readFileBytes(src, field, MAX_ATTACHMENT_BYTES);
  const kind = detectReceiptKind(bytes);
  if (!kind) throw wrongKind(field);
  const clean = name.slice(0, 200) || 'bonnetje';
  if (kind !== 'image/heic') return { name: clean, mime: kind, bytes, converted: false };
  const jpeg = await heicToJpeg(bytes, field);
  if (jpeg.length > MAX_ATTACHMENT_BYTES) throw tooLarge(jpeg.length, MAX_ATTACHMENT_BYTES, field);
  return { name: renamed(clean, 'image/jpeg'), mime: 'image/jpeg', bytes: jpeg, converted: true };
}

/** Read several receipts (a form's), all checked before anything is written. */
export async function readReceipts(list: readonly FileInput[] | undefined, field = 'receipts'): Promise<ReceiptBytes[]> {
  const out: ReceiptBytes[] = [];
  for (const [i, src] of (list ?? []).entries()) out.push(await readReceipt(src, `${field}.${i}`));
  return out;
}
