import { createHash } from 'node:crypto';
import type { Books } from '../../db/books';

/**
 * The fact chain (DESIGN.md section 10). Everything that becomes final is a fact; on becoming final,
 * in the same transaction, it is appended to one chain:
 *
 *   hash = SHA-256(prev_hash ‖ kind ‖ ref ‖ audit anchor ‖ canonical JSON)
 *
 * The canonical JSON is re-derived from the tables by the kind's canonical(): codes not row ids,
 * integer cents, keys in the fixed order the kind builds them in. The audit anchor is the last
 * audit_log row (id and hash) at that moment, so the audit log up to there cannot be cut off or
 * recomputed either. `meta` keeps the head (`count:hash`); the facts table keeps, per fact, its
 * kind, ref, anchor (NULL = same as the fact before) and the first HASH_TAG_BYTES of its hash, which
 * only serve to name the first fact that differs: what proves is the full hash chain, recomputed
 * from the data and compared with the head in the file and with heads kept outside it.
 */
export interface FactKind {
  /** e.g. 'entry', 'invoice', 'attachment', 'review_remark'. */
  kind: string;
  /** Canonical form re-derived from the tables; null when the referenced thing no longer exists. */
  canonical(books: Books, ref: string): unknown | null;
  /** Every ref that should have a fact right now (verify finds things added behind the app's back). */
  refs(books: Books): Iterable<string>;
  /**
   * Optional bulk form of canonical(): every [ref, canonical] of the kind, roughly in the order they
   * became final. verify and the migration read a kind through it in one pass instead of a query per
   * fact; when given, it replaces refs() too. Must yield exactly what canonical() returns.
   */
  all?(books: Books): Iterable<[string, unknown]>;
  /** How verify names one fact in Dutch, e.g. "Boeking BANK 2026-0042". Default: kind and ref. */
  label?(ref: string): string;
  /** The verb of becoming final, for "… is na het boeken veranderd". Default: 'vastleggen'. */
  finalVerb?: string;
}

/** Bytes of each fact's hash kept in the facts table: enough to name the first fact that differs. */
export const HASH_TAG_BYTES = 4;
export const ZERO_HASH = '0'.repeat(64);
export const HEAD_KEY = 'history.head';
export const AUDIT_KEY = 'history.audit';
export const STARTED_KEY = 'history.started';
export const BACKFILLED_KEY = 'history.backfilled';

const kinds = new Map<string, FactKind>();

export function registerFactKind(def: FactKind): void {
  if (!/^[a-z][a-z0-9_]*$/.test(def.kind)) throw new Error(`fact kind "${def.kind}": lower case letters, digits and _ only`);
  kinds.set(def.kind, def);
}

export function factKind(kind: string): FactKind | undefined {
  return kinds.get(kind);
}

export function factKinds(): FactKind[] {
  return [...kinds.values()];
}

export function labelOf(def: FactKind | undefined, kind: string, ref: string): string {
  return def?.label ? def.label(ref) : `${kind} ${ref}`;
}

/** The canonical JSON text: the kind fixes the key order by building its objects in that order. */
export function canonicalJson(body: unknown): string {
  return JSON.stringify(body);
}

/** One link of the chain. prev is the previous full hash (32 bytes); the anchor '' when no audit row exists. */
export function factHash(prev: Buffer, kind: string, ref: string, anchor: string, json: string): Buffer {
  return createHash('sha256').update(prev).update(`\n${kind}\n${ref}\n${anchor}\n`).update(json).digest();
}

export function auditAnchor(row: { id: number; hash: string } | undefined): string {
  return row ? `${row.id}:${row.hash}` : '';
}

export interface ChainState {
  count: number;
  /** Full hash, 64 hex. */
  hash: string;
  /** Id of the audit row the last fact anchors to (0 = none). */
  auditId: number;
}

export function parseHead(value: string | undefined): { count: number; hash: string } | null {
  const m = value === undefined ? null : /^(\d+):([0-9a-f]{64})$/.exec(value);
  return m ? { count: Number(m[1]), hash: m[2]! } : null;
}

export function readState(books: Books): ChainState | null {
  const rows = books.raw(`SELECT key, value FROM meta WHERE key IN ('${HEAD_KEY}', '${AUDIT_KEY}')`).all() as { key: string; value: string }[];
  const head = parseHead(rows.find((r) => r.key === HEAD_KEY)?.value);
  if (!head) return null;
  return { ...head, auditId: Number(rows.find((r) => r.key === AUDIT_KEY)?.value ?? 0) };
}

function writeState(books: Books, s: ChainState): void {
  const up = books.raw('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  up.run(HEAD_KEY, `${s.count}:${s.hash}`);
  up.run(AUDIT_KEY, String(s.auditId));
}

function kindId(books: Books, kind: string): number {
  const row = books.raw('SELECT id FROM fact_kinds WHERE name = ?').get(kind) as { id: number } | undefined;
  if (row) return row.id;
  return Number(books.raw('INSERT INTO fact_kinds (name) VALUES (?)').run(kind).lastInsertRowid);
}

/**
 * Appends facts whose canonical JSON the caller already has (the bulk paths: demo load, migration),
 * keeping the chain state in memory and writing the head once at finish(). Use inside one books.tx().
 */
export class FactAppender {
  private state: ChainState;
  private prev: Buffer;
  private readonly insert;
  private readonly kindIds = new Map<string, number>();
  private anchor: { id: number; hash: string } | undefined;
  private anchorWritten: number;

  constructor(private readonly books: Books) {
    const s = readState(books);
    if (!s) throw new Error('history: the chain has not been started in this file');
    this.state = s;
    this.prev = Buffer.from(s.hash, 'hex');
    this.anchorWritten = s.auditId;
    this.insert = books.raw('INSERT INTO facts (seq, kind, ref, audit, hash) VALUES (?, ?, ?, ?, ?)');
    this.refreshAnchor();
  }

  /** Re-read the last audit row (call after writing audit rows in between). */
  refreshAnchor(): void {
    this.anchor = this.books.raw('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  }

  append(kind: string, ref: string, json: string): void {
    let id = this.kindIds.get(kind);
    if (id === undefined) {
      id = kindId(this.books, kind);
      this.kindIds.set(kind, id);
    }
    const auditId = this.anchor?.id ?? 0;
    const full = factHash(this.prev, kind, ref, auditAnchor(this.anchor), json);
    const seq = this.state.count + 1;
    // The anchor is stored only when it moved (in a bulk load every fact shares one), with a tag of
    // the audit row's hash so verify can tell a recomputed audit log from a changed fact.
    const audit = auditId === this.anchorWritten ? null : `${auditId}:${this.anchor ? this.anchor.hash.slice(0, 8) : ''}`;
    this.insert.run(seq, id, ref, audit, full.subarray(0, HASH_TAG_BYTES));
    this.anchorWritten = auditId;
    this.prev = full;
    this.state = { count: seq, hash: '', auditId };
  }

  finish(): ChainState {
    this.state.hash = this.prev.toString('hex');
    writeState(this.books, this.state);
    return this.state;
  }
}

/**
 * Call INSIDE the transaction that makes the thing final, after it is written (and after its
 * audit row, so the anchor covers it). Computes the canonical body with the kind's canonical() —
 * the same function verify uses — hashes, appends, and moves the head in meta.
 */
export function appendFact(books: Books, kind: string, ref: string): void {
  const def = kinds.get(kind);
  if (!def) throw new Error(`history: unknown fact kind "${kind}"`);
  const body = def.canonical(books, ref);
  if (body === null) throw new Error(`history: ${kind} ${ref} does not exist`);
  appendFactJson(books, kind, ref, canonicalJson(body));
}

/** appendFact for a caller that built the canonical JSON from data it already holds (tests prove it equal). */
export function appendFactJson(books: Books, kind: string, ref: string, json: string): void {
  const a = new FactAppender(books);
  a.append(kind, ref, json);
  a.finish();
}

/** The head of the chain, short form: count and the first 12 hex of the last hash. */
export function chainHead(books: Books): { count: number; hash: string } {
  const h = fullChainHead(books);
  return { count: h.count, hash: shortHash(h.hash) };
}

export function fullChainHead(books: Books): { count: number; hash: string } {
  const s = readState(books);
  return s ? { count: s.count, hash: s.hash } : { count: 0, hash: ZERO_HASH };
}

export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

/** `count:hash12`, the form printed on paper and accepted by `kassa verify --since`. */
export function formatHead(h: { count: number; hash: string }): string {
  return `${h.count}:${shortHash(h.hash)}`;
}
