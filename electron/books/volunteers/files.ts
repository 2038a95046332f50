import fs from 'node:fs';
import path from 'node:path';
import { KassaError } from '../../../shared/errors';
import { writeError } from '../exportHledger';

/**
 * Write a whole file or nothing: to a temp file beside the target, fsync, rename. An unwritable
 * place becomes READ_ONLY / DISK_FULL / FILE_NOT_FOUND with a Dutch message.
 */
export function writeFileAtomic(target: string, data: Buffer | string): string {
  const abs = path.resolve(target);
  if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) {
    throw new KassaError('INVALID_INPUT', `"${abs}" is een map. Kies een bestandsnaam.`, { field: 'path' });
  }
  const tmp = `${abs}.${process.pid}.${Date.now()}.tmp`;
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, 'w');
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(tmp, abs);
  } catch (e) {
    if (fd !== null) {
      try { fs.closeSync(fd); } catch { /* already closed */ }
    }
    fs.rmSync(tmp, { force: true });
    throw writeError(e, abs);
  }
  return abs;
}

/** A folder that must exist, for batch output. */
export function existingDir(dir: string, field = 'dir'): string {
  const abs = path.resolve(dir);
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    throw new KassaError('FILE_NOT_FOUND', `De map ${abs} bestaat niet. Kies een bestaande map.`, { field });
  }
  if (!st.isDirectory()) throw new KassaError('INVALID_INPUT', `"${abs}" is geen map. Kies een map.`, { field });
  return abs;
}

/** A file name that every system accepts: no path characters or control characters. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const s = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  return s.slice(0, 150) || 'bestand';
}
