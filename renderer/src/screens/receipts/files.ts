import { bytesOf, readAsBase64 } from '../../fileBytes';
import { detectReceiptKind, MAX_ATTACHMENT_BYTES } from '../../../../shared/rules/attachmentKind';

/** A file for the API's FileInput: its name and its bytes as base64, or (desktop app) its path. */
export type PickedFile = { name: string; data: string; size: number } | { name: string; path: string };

/** The API's FileInput for a picked file. */
export function fileInputOf(f: PickedFile): { name: string; data: string } | { path: string; name: string } {
  return 'path' in f ? { path: f.path, name: f.name } : { name: f.name, data: f.data };
}

export type PickProblem = 'tooBig' | 'wrongType';

/**
 * Read a chosen or dropped file in the renderer. The same checks as the app's (size, kind from the
 * first bytes) run here first, so a wrong file is named at once; the app checks again.
 */
export async function pickReceipt(file: File): Promise<PickedFile | PickProblem> {
  if (file.size > MAX_ATTACHMENT_BYTES) return 'tooBig';
  if (!detectReceiptKind(new Uint8Array(await file.slice(0, 16).arrayBuffer()))) return 'wrongType';
  return { name: file.name, data: await readAsBase64(file), size: file.size };
}

/** Bytes of a stored receipt (base64) as a URL an <img> or a frame can show. */
export function receiptUrl(mime: string, base64: string): string {
  if (mime.startsWith('image/')) return `data:${mime};base64,${base64}`;
  // PDFs go in a frame from a blob: URL (the CSP allows frames from blob: only).
  return URL.createObjectURL(new Blob([bytesOf(base64)], { type: mime }));
}
