import fs from 'node:fs';
import Database from 'better-sqlite3';
import { formatHead, HEAD_KEY, parseHead } from '../books/history/facts';

/**
 * The history head (`count:hash12`) a backup carries, for its line in the listing: written down or
 * mailed, it later proves that the books were not rewritten (`kassa verify --since`). Read-only, and
 * the side files SQLite makes for a read-only WAL connection are removed again, so the backup folder
 * holds only what the backups themselves wrote. Null for a copy from before the chain or unreadable.
 */
export function backupHead(file: string, nativeBinding?: string): string | null {
  const side = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
    const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(HEAD_KEY) as { value: string } | undefined;
    const head = parseHead(row?.value);
    return head ? formatHead(head) : null;
  } catch {
    return null;
  } finally {
    db?.close();
    for (const f of side) fs.rmSync(f, { force: true });
  }
}
