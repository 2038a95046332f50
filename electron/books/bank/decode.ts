import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { KassaError } from '../../../shared/errors';
import { bankError } from './errors';
import { said, type Said } from '../../../shared/phrase';

/** Statements of a small foundation are kilobytes; 50 MB leaves room for years of camt. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`.replace('.', ',');
}

/** The limit to use: the caller's when it is a positive number, else the default. */
export function byteLimit(maxBytes: number | undefined): number {
  return maxBytes !== undefined && Number.isFinite(maxBytes) && maxBytes > 0 ? maxBytes : DEFAULT_MAX_BYTES;
}

/** Refuse a file by its size alone, before anything is read or decoded. */
export function assertSizeWithinLimit(size: number, maxBytes: number = DEFAULT_MAX_BYTES): void {
  if (size > maxBytes) {
    throw bankError(
      said('err.bankFile.tooBig', 'Het bestand is te groot ({{size}}). Een bankafschrift mag hoogstens {{max}} zijn. Download een kortere periode bij de bank, bijvoorbeeld één maand.', { size: megabytes(size), max: megabytes(maxBytes) }),
      { reason: 'too-large', size, maxBytes },
    );
  }
  if (size === 0) {
    throw bankError(said('err.bankFile.empty', 'Het bestand is leeg. Download het afschrift opnieuw bij de bank.'), { reason: 'empty' });
  }
}

function notAFile(path: string): KassaError {
  return bankError(said('err.bankFile.notAFile', '"{{path}}" is geen gewoon bestand (maar bijvoorbeeld een map, een pijp of een apparaat). Kies het bankafschrift dat u van uw bank hebt gedownload.', { path }), { reason: 'not-text' });
}

/**
 * Read a bank file from disk, refusing it on its size first (fstat), so a huge file is never read.
 * Reads at most maxBytes + 1 bytes, in case the file grows while we read.
 */
export function readBankFile(path: string, opts: { maxBytes?: number } = {}): Buffer {
  const maxBytes = byteLimit(opts.maxBytes);
  let fd: number;
  try {
    // stat before open: opening a FIFO (named pipe) or a device waits for a writer that never
    // comes. O_NONBLOCK too, for a file swapped for a FIFO between the two calls.
    if (!statSync(path).isFile()) throw notAFile(path);
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    if (err instanceof KassaError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new KassaError('FILE_NOT_FOUND', said('err.file.notFound', 'Het bestand "{{path}}" bestaat niet.', { path }));
    throw bankError(said('err.bankFile.cannotOpen', 'Het bestand "{{path}}" kan niet geopend worden ({{code}}).', { path, code: code ?? '?' }), { reason: 'unexpected' });
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw notAFile(path);
    assertSizeWithinLimit(st.size, maxBytes);
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, total, buf.length - total, null);
      if (n === 0) break;
      total += n;
      if (total === buf.length) break;
    }
    assertSizeWithinLimit(total, maxBytes);
    return buf.subarray(0, total);
  } finally {
    closeSync(fd);
  }
}

/** Name a known binary document type, so the message can tell the user what to download instead. */
function binaryKind(bytes: Uint8Array): Said | null {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (head.startsWith('%PDF')) return said('err.bankFile.kind.pdf', 'een PDF-bestand');
  if (head.startsWith('PK\u0003\u0004')) return said('err.bankFile.kind.zip', 'een Excel- of zip-bestand');
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0')) return said('err.bankFile.kind.oldExcel', 'een oud Excel-bestand');
  return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Windows-1252 bytes 0x80–0x9F (the rest equals Latin-1). Written out because some Node versions
 * decode the label 'windows-1252' as plain Latin-1 and turn "–" or "€" into control characters.
 * The five unassigned bytes keep their C1 code point, as the WHATWG table does.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(start + CHUNK, bytes.length);
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number;
      codes.push(b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] as number) : b);
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

/**
 * Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, and Windows-1252 when the bytes are
 * not valid UTF-8 (older Dutch bank exports with ë/é). Refuses binary files with a helpful message.
 */
export function decodeBankBytes(bytes: Uint8Array): DecodedText {
  const kind = binaryKind(bytes);
  if (kind) {
    throw bankError(
      said('err.bankFile.binary', 'Dit is {{kind}}, geen bankafschrift om in te lezen. Download bij de bank een CAMT.053-, MT940- of CSV-bestand.', { kind }),
      { reason: 'not-text' },
    );
  }
  let decoded: DecodedText;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  } else {
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    try {
      decoded = { text: utf8.decode(body), encoding: 'utf-8' };
    } catch {
      decoded = { text: decodeWindows1252(body), encoding: 'windows-1252' };
    }
  }
  if (decoded.text.includes('\u0000')) {
    throw bankError(
      said('err.bankFile.notText', 'Dit bestand is geen tekstbestand en dus geen bankafschrift dat de app kan lezen. Download bij de bank een CAMT.053-, MT940- of CSV-bestand.'),
      { reason: 'not-text' },
    );
  }
  if (decoded.text.trim() === '') {
    throw bankError(said('err.bankFile.empty', 'Het bestand is leeg. Download het afschrift opnieuw bij de bank.'), { reason: 'empty' });
  }
  return decoded;
}
