import type { Hash } from 'node:crypto';

/**
 * A sha256 hasher, node:crypto loaded at the first hash: the fact kinds are registered wherever books
 * open, and a read-only `kassa report` never hashes (loading node:crypto cost it several ms).
 */
export function sha256(): Hash {
  return (require('node:crypto') as typeof import('node:crypto')).createHash('sha256');
}
