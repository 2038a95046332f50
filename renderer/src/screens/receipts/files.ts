import { detectReceiptKind, MAX_ATTACHMENT_BYTES } from '../../../../shared/rules/attachmentKind';

/** A file for the API's FileInput: its name and its bytes as base64. */
export interface PickedFile {
  name: string;
  data: string;
  size: number;
}

export type PickProblem = 'tooBig' | 'wrongType';

function base64Of(bytes: Uint8Array): string {
  // In chunks: String.fromCharCode(...20 MB) would overflow the call stack.
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Read a chosen or dropped file in the renderer. The same checks as the app's (size, kind from the
 * first bytes) run here first, so a wrong file is named at once; the app checks again.
 */
export async function pickReceipt(file: File): Promise<PickedFile | PickProblem> {
  if (file.size > MAX_ATTACHMENT_BYTES) return 'tooBig';
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!detectReceiptKind(bytes.subarray(0, 16))) return 'wrongType';
  return { name: file.name, data: base64Of(bytes), size: file.size };
}

/** Bytes of a stored receipt (base64) as a URL an <img> or a frame can show. */
export function receiptUrl(mime: string, base64: string): string {
  if (mime.startsWith('image/')) return `data:${mime};base64,${base64}`;
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  // PDFs go in a frame from a blob: URL (the CSP allows frames from blob: only).
  return URL.createObjectURL(new Blob([bytes], { type: mime }));
}
