/**
 * What an uploaded file really is, read from its first bytes (magic bytes), never from its name:
 * only PDF, PNG, JPEG and (for receipts) WebP are kept in an administration; a phone's HEIC photo is
 * recognised so it can be converted to JPEG first. Pure, works on Buffer and Uint8Array, so the
 * renderer can refuse a wrong file before sending it.
 */

export type AttachmentMime = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/webp';

/** What a receipt may be when it arrives: a kept kind, or HEIC (converted to JPEG before it is kept). */
export type ReceiptKind = AttachmentMime | 'image/heic';

/** 20 MiB: the most an attachment may be. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const JPEG = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/** WebP: a RIFF container whose form type is "WEBP". */
function isWebp(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP';
}

/** HEIF brands of still images and sequences that phones write (ISO/IEC 23008-12). */
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);

/** HEIC/HEIF: an ISO base media file whose first box is "ftyp" with a HEIF major brand. */
function isHeic(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(bytes, 8, 12));
}

export function detectAttachmentMime(bytes: Uint8Array): AttachmentMime | null {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (isWebp(bytes)) return 'image/webp';
  return null;
}

/** A receipt's kind: what detectAttachmentMime knows, plus HEIC. */
export function detectReceiptKind(bytes: Uint8Array): ReceiptKind | null {
  return detectAttachmentMime(bytes) ?? (isHeic(bytes) ? 'image/heic' : null);
}

export const MIME_EXTENSION: Readonly<Record<AttachmentMime, string>> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};
