import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { Books } from '../db/books';

/**
 * Which administration a file or backup copy belongs to: `meta.admin_id` (migration 0008_admin_id).
 * Backups are copies of the file, so they carry the id of the administration they were made of.
 * Copies made before the id existed have none (null).
 */

export function adminIdOf(books: Books): string | null {
  try {
    const row = books.raw(`SELECT value FROM meta WHERE key = 'admin_id'`).get() as { value: string } | undefined;
    return row?.value ?? null;
  } catch {
    return null;
  }
}

const cache = new Map<string, { mtimeMs: number; size: number; id: string | null }>();

/**
 * The id stored in a backup copy (or a closed administration), or null when it has none or cannot
 * be read. Opened read-write on purpose: a read-only connection leaves -wal/-shm files behind in
 * the backup folder; reading through a normal connection changes no byte of the copy. Cached per
 * path, size and modification time, so listing a folder reads each copy once.
 */
export function storedAdminId(file: string, nativeBinding?: string): string | null {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return null;
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.id;
  let id: string | null;
  try {
    const db = new Database(file, { fileMustExist: true, timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      const row = db.prepare(`SELECT value FROM meta WHERE key = 'admin_id'`).get() as { value: string } | undefined;
      id = row?.value ?? null;
    } finally {
      db.close();
    }
  } catch {
    id = null;
  }
  cache.set(file, { mtimeMs: st.mtimeMs, size: st.size, id });
  return id;
}

/** Short form of the id for folder names: 8 hex characters. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
