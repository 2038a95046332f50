import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeError } from './errors';
import { guardTarget } from './guard';
import { fsyncDir } from '../db/fileSet';

/**
 * The one way the app writes a file the treasurer (or a setting) names: exports, reports, PDFs,
 * attachments, settings. Only the backup, restore and database code write on their own, and only
 * .kassa files (tests/unit/strayWrites.test.ts keeps it that way).
 *
 * 1. guardTarget: never the books, their side files, any .kassa or a backup folder;
 * 2. a temp file with a random name in the target's folder, created exclusively (O_CREAT|O_EXCL):
 *    a file or symlink already at that name makes the open fail instead of being followed;
 * 3. write, fsync, close; guard again; rename over the target; fsync the folder.
 * A failure at any step removes the temp file and leaves the target as it was.
 */

export interface WriteOptions {
  /** The input field the target came from, for the error (default 'path'). */
  field?: string;
  /** File mode of a new file (settings files: 0o600). */
  mode?: number;
  /** More administrations to keep safe, besides those open in this process. */
  protect?: readonly string[];
}

export interface Written {
  path: string;
  bytes: number;
}

function tempName(abs: string): string {
  // A short prefix of the target's name (a long name must not make the temp name too long).
  const stem = path.basename(abs).slice(0, 40);
  return path.join(path.dirname(abs), `.${stem}.${process.pid}.${crypto.randomBytes(8).toString('hex')}.tmp`);
}

function openTemp(abs: string, mode: number, field: string): Temp {
  for (let attempt = 0; ; attempt++) {
    const tmp = tempName(abs);
    try {
      return { fd: fs.openSync(tmp, 'wx', mode), tmp, closed: false };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 4) throw writeError(e, abs, field);
    }
  }
}

/** Undo a failed write: close and remove the temp file, leaving the target as it was. */
function abandon(t: Temp): void {
  if (!t.closed) {
    t.closed = true;
    try {
      fs.closeSync(t.fd);
    } catch {
      /* already closed */
    }
  }
  try {
    fs.rmSync(t.tmp, { force: true });
  } catch {
    /* the caller reports the real problem */
  }
}

interface Temp {
  fd: number;
  tmp: string;
  closed: boolean;
}

/** Flush the temp file, guard again and rename it into place. */
function commit(abs: string, t: Temp, field: string, protect: readonly string[]): Written {
  fs.fsyncSync(t.fd);
  t.closed = true;
  fs.closeSync(t.fd);
  // Checked again: the target may have been replaced by a link to the books since the first check.
  guardTarget(abs, field, protect);
  fs.renameSync(t.tmp, abs);
  fsyncDir(path.dirname(abs));
  return { path: abs, bytes: fs.statSync(abs).size };
}

/**
 * Write a file by handing `fill` a function that appends chunks (an hledger journal of a million
 * postings, written a megabyte at a time). Returns what fill returned, with the path and size.
 */
export function writeFileChunked<T>(target: string, fill: (write: (chunk: Buffer | string) => void) => T, opts: WriteOptions = {}): Written & { result: T } {
  const field = opts.field ?? 'path';
  const abs = guardTarget(target, field, opts.protect);
  const t = openTemp(abs, opts.mode ?? 0o666, field);
  try {
    const result = fill((chunk) => {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      for (let off = 0; off < buf.length;) off += fs.writeSync(t.fd, buf, off, buf.length - off);
    });
    return { ...commit(abs, t, field, opts.protect ?? []), result };
  } catch (e) {
    abandon(t);
    throw writeError(e, abs, field);
  }
}

/** Write a whole buffer or string (UTF-8). */
export function writeFileGuarded(target: string, data: Buffer | string, opts: WriteOptions = {}): Written {
  const { path: p, bytes } = writeFileChunked(target, (write) => write(data), opts);
  return { path: p, bytes };
}

/**
 * Stream into the temp file (exports too large to hold in memory) and rename when `write`
 * finishes. `write` gets a writable stream on the temp file and must end it.
 */
export async function streamFileGuarded(target: string, write: (stream: fs.WriteStream) => Promise<void>, opts: WriteOptions = {}): Promise<Written> {
  const field = opts.field ?? 'path';
  const abs = guardTarget(target, field, opts.protect);
  const t = openTemp(abs, opts.mode ?? 0o666, field);
  const stream = fs.createWriteStream('', { fd: t.fd, autoClose: false });
  let failure: unknown = null;
  stream.on('error', (e) => {
    failure ??= e;
  });
  try {
    await write(stream);
    if (!stream.writableFinished) await new Promise<void>((resolve, reject) => stream.once('finish', resolve).once('error', reject));
    if (failure) throw failure;
    return commit(abs, t, field, opts.protect ?? []);
  } catch (e) {
    abandon(t);
    throw writeError(e, abs, field);
  }
}
