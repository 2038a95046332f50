import fs from 'node:fs';
import path from 'node:path';
import { KassaError } from '../../../shared/errors';
import { writeError } from '../exportHledger';

/**
 * Write a whole file or nothing: the bytes go to a temp file beside the target, are flushed to disk
 * and then renamed over it, so a crash or a full disk never leaves half a PDF behind.
 */
export function writeFileAtomic(target: string, data: Buffer | string): { path: string; bytes: number } {
  const abs = path.resolve(target);
  try {
    if (fs.statSync(abs).isDirectory()) {
      throw new KassaError('INVALID_INPUT', `"${abs}" is een map. Kies een bestandsnaam.`, { field: 'path' });
    }
  } catch (e) {
    if (e instanceof KassaError) throw e;
    // not there yet: fine
  }
  const tmp = `${abs}.${process.pid}.${Date.now()}.tmp`;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, 'w');
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(tmp, abs);
  } catch (e) {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already closed */
      }
    }
    fs.rmSync(tmp, { force: true });
    const err = writeError(e, abs);
    if (err instanceof KassaError) throw new KassaError(err.code, err.message, { field: 'path' });
    throw err;
  }
  return { path: abs, bytes: bytes.length };
}
