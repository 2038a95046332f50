import fs from 'node:fs';
import path from 'node:path';
import { KassaError } from '../../../shared/errors';
import { said } from '../../../shared/phrase';

/** A folder that must exist, for batch output. */
export function existingDir(dir: string, field = 'dir'): string {
  const abs = path.resolve(dir);
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    throw new KassaError('FILE_NOT_FOUND', said('err.file.folderNotFoundChoose', 'De map {{folder}} bestaat niet. Kies een bestaande map.', { folder: abs }), { field });
  }
  if (!st.isDirectory()) throw new KassaError('INVALID_INPUT', said('err.file.notAFolderQuotedChoose', '"{{folder}}" is geen map. Kies een map.', { folder: abs }), { field });
  return abs;
}

/** A file name that every system accepts: no path characters or control characters. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const s = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  return s.slice(0, 150) || 'bestand';
}
