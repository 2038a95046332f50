import fs from 'node:fs';
import path from 'node:path';
import { KassaError } from '../../../shared/errors';
import { writeError } from '../exportHledger';

/**
 * Exports are written next to their target as a temp file and renamed into place, so a failed or
 * interrupted export never leaves half a file: either the whole new file is there, or nothing changed.
 */

export function exportError(e: unknown, target: string): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOTDIR') return new KassaError('FILE_NOT_FOUND', `De map ${path.dirname(target)} bestaat niet.`, { field: 'path' });
  if (code === 'EISDIR') return new KassaError('INVALID_INPUT', `"${path.basename(target)}" is een map. Kies een bestandsnaam.`, { field: 'path' });
  const out = writeError(e, target);
  if (out instanceof KassaError && out.field === undefined) return new KassaError(out.code, out.message, { field: 'path', ...(out.details ? { details: out.details } : {}) });
  return out;
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    /* the temp file was never created (its folder does not exist) */
  }
}

function tempFor(target: string): string {
  return `${target}.${process.pid}.${Date.now().toString(36)}.tmp`;
}

function refuseDirectory(target: string): void {
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(target);
  } catch {
    return;
  }
  if (st.isDirectory()) throw new KassaError('INVALID_INPUT', `"${path.basename(target)}" is een map. Kies een bestandsnaam.`, { field: 'path' });
}

/** Write a whole buffer: temp file, fsync, rename. Returns the byte count. */
export function writeFileAtomic(out: string, data: Buffer | string): { path: string; bytes: number } {
  const target = path.resolve(out);
  refuseDirectory(target);
  const tmp = tempFor(target);
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, 'w');
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(tmp, target);
  } catch (e) {
    if (fd !== null) {
      try { fs.closeSync(fd); } catch { /* already closed */ }
    }
    removeQuietly(tmp);
    throw exportError(e, target);
  }
  return { path: target, bytes: fs.statSync(target).size };
}

/**
 * Stream into a temp file (for exports too large to hold in memory) and rename when `write`
 * finishes. `write` gets a writable stream on the temp file and must end it.
 */
export async function streamFileAtomic(out: string, write: (stream: fs.WriteStream) => Promise<void>): Promise<{ path: string; bytes: number }> {
  const target = path.resolve(out);
  refuseDirectory(target);
  const tmp = tempFor(target);
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'w');
  } catch (e) {
    throw exportError(e, target);
  }
  const stream = fs.createWriteStream('', { fd, autoClose: false });
  let failure: unknown = null;
  stream.on('error', (e) => {
    failure ??= e;
  });
  try {
    await write(stream);
    if (!stream.writableFinished) await new Promise<void>((resolve, reject) => stream.once('finish', resolve).once('error', reject));
    if (failure) throw failure;
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, target);
  } catch (e) {
    try { fs.closeSync(fd); } catch { /* already closed */ }
    removeQuietly(tmp);
    throw exportError(e, target);
  }
  return { path: target, bytes: fs.statSync(target).size };
}
