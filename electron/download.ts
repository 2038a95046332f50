import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOWNLOADS, isDownloadMethod } from '../shared/api/downloads';
import { handle } from './api';
import type { Session } from './session';

/**
 * The browser mode's downloads: run an export method into a private temporary place, then hand the
 * bytes to the door (electron/web.ts sends them as the browser's own download) and remove the place.
 * The export services write as they always do; the only thing added here is where.
 */

type Answer = Awaited<ReturnType<typeof handle>>;

export type DownloadOutcome =
  | { ok: true; name: string; contentType: string; bytes: Buffer; result: unknown }
  | { ok: false; answer: Answer };

const CONTENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xml': 'application/xml',
  '.xaf': 'application/xml',
  '.zip': 'application/zip',
  '.journal': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

export function contentTypeOf(name: string): string {
  return CONTENT_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/** A file name the browser suggests: no folders, no characters a file system refuses, not empty. */
export function safeDownloadName(name: unknown, fallback: string): string {
  const base = typeof name === 'string' ? name.split(/[\\/]/).pop()! : '';
  const clean = [...base]
    .map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 || '<>:"|?*'.includes(c) ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 150);
  return clean || fallback;
}

/**
 * The one place where the browser mode lets the server write for a download: a fresh folder made
 * with mkdtemp (a random name, created exclusively, so nothing planted there can be followed).
 */
export function downloadPlace(root: string = os.tmpdir()): string {
  return fs.mkdtempSync(path.join(root, 'kassa-download-'));
}

const refused = (message: string): Answer => ({ error: { code: 'INVALID_INPUT', message } });

/** A folder's files as one zip (volunteers.statementsPdf: one PDF per volunteer). */
async function zipFolder(dir: string): Promise<Buffer> {
  // jszip comes with exceljs; loaded only when a folder is downloaded.
  const JSZip = require('jszip') as typeof import('jszip');
  const zip = new JSZip();
  for (const name of fs.readdirSync(dir).sort()) zip.file(name, fs.readFileSync(path.join(dir, name)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The method's answer with the temporary folder taken out of every path in it. */
function withoutPlace(result: unknown, place: string): unknown {
  const needle = JSON.stringify(place + path.sep).slice(1, -1);
  return JSON.parse(JSON.stringify(result ?? null).split(needle).join(''));
}

export async function runDownload(session: Session, method: string, input: unknown, name: unknown, root?: string): Promise<DownloadOutcome> {
  if (!isDownloadMethod(method)) return { ok: false, answer: refused('Dit bestand kan niet worden gedownload.') };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, answer: refused('De gegevens voor dit bestand ontbreken.') };
  const target = DOWNLOADS[method];
  const fileName = safeDownloadName(name, target === 'dir' ? 'bestanden.zip' : 'bestand');
  const place = downloadPlace(root);
  try {
    // The browser never chooses a place on the server's disk: any path it sent is replaced.
    const where = path.join(place, target === 'dir' ? fileName.replace(/\.zip$/i, '') || 'bestanden' : fileName);
    if (target === 'dir') fs.mkdirSync(where);
    const answer = await handle(session, method, { ...(input as Record<string, unknown>), [target]: where });
    if ('error' in answer) return { ok: false, answer };
    const bytes = target === 'dir' ? await zipFolder(where) : fs.readFileSync(where);
    const shown = target === 'dir' && !/\.zip$/i.test(fileName) ? `${fileName}.zip` : fileName;
    return { ok: true, name: shown, contentType: contentTypeOf(shown), bytes, result: withoutPlace(answer.result, place) };
  } finally {
    fs.rmSync(place, { recursive: true, force: true });
  }
}
