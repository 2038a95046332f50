import type { ApiInput, MethodName } from './index';

/**
 * Methods that write a file the treasurer asked for (exports, PDFs). Each takes the target in one
 * input field: `path` (one file) or `dir` (a folder of files). In Electron the renderer gets that
 * target from the native save dialog; in the browser mode the server (electron/download.ts) fills
 * it with a private temporary place and sends the bytes back as the browser's own download (a
 * folder as one .zip). Nothing else may be downloaded: this list is the allow-list.
 */
export const DOWNLOADS = {
  'export.hledger': 'path',
  'export.xaf': 'path',
  'statements.pdf': 'path',
  'statements.xlsx': 'path',
  'invoices.pdf': 'path',
  'invoices.ubl': 'path',
  'invoices.attachment': 'path',
  'invoices.reminderPdf': 'path',
  'grants.budgetXlsx': 'path',
  'grants.verantwoordingXlsx': 'path',
  'volunteers.statementPdf': 'path',
  'volunteers.statementsPdf': 'dir',
  'volunteers.overviewXlsx': 'path',
  'volunteers.sepa': 'path',
  'review.reportPdf': 'path',
} as const satisfies Partial<Record<MethodName, 'path' | 'dir'>>;

export type DownloadMethod = keyof typeof DOWNLOADS;

/** The method's input without its target: the door adds that. */
export type DownloadInput<M extends DownloadMethod> = Omit<ApiInput<M>, (typeof DOWNLOADS)[M]>;

export function isDownloadMethod(name: string): name is DownloadMethod {
  return Object.prototype.hasOwnProperty.call(DOWNLOADS, name);
}

/** Header carrying the method's own answer (JSON, base64url) next to the file bytes. */
export const DOWNLOAD_RESULT_HEADER = 'X-Kassa-Result';
