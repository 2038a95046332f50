/**
 * What an uploaded file really is, read from its first bytes (magic bytes), never from its name:
 * only PDF, PNG and JPEG are kept in an administration. Pure, works on Buffer and Uint8Array, so the
 * renderer can refuse a wrong file before sending it.
 */

export type AttachmentMime = 'application/pdf' | 'image/png' | 'image/jpeg';

/** 20 MiB: the most an attachment may be. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const JPEG = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

export function detectAttachmentMime(bytes: Uint8Array): AttachmentMime | null {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  return null;
}

export const MIME_EXTENSION: Readonly<Record<AttachmentMime, string>> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};
