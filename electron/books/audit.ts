import { createHash } from 'node:crypto';
import type { Books } from '../db/books';

/**
 * Append-only, hash-chained audit log: each row's hash covers the previous row's hash and its own
 * content, so removing or editing any row (even with a raw SQLite tool and the triggers dropped)
 * breaks the chain that `kassa verify` recomputes.
 */
export function auditHash(prevHash: string, at: string, action: string, entity: string | null, entityId: string | null, payload: string): string {
  return createHash('sha256').update([prevHash, at, action, entity ?? '', entityId ?? '', payload].join('\u001f')).digest('hex');
}

export function appendAudit(books: Books, action: string, entity: string | null, entityId: string | number | null, payload: unknown): void {
  const last = books.raw('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  const prev = last?.hash ?? '';
  const at = new Date().toISOString();
  const id = entityId === null ? null : String(entityId);
  const body = JSON.stringify(payload ?? null);
  const hash = auditHash(prev, at, action, entity, id, body);
  books.raw('INSERT INTO audit_log (at, action, entity, entity_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(at, action, entity, id, body, prev, hash);
}
