import { sha256 } from './sha256';
import type { Books } from '../../db/books';
import { said, type Said } from '../../../shared/phrase';

/**
 * The fact chain (DESIGN.md section 10). Everything that becomes final is a fact; on becoming final,
 * in the same transaction, it is appended to one chain. Facts are appended in blocks: one call of
 * appendFact is a block of one fact, a bulk load (demo, the start of the chain in an old file) is one
 * block of many. Each block moves the head:
 *
 *   head = SHA-256(prev head ‖ audit anchor ‖ (kind ‖ ref ‖ canonical JSON)…)
 *
 * The canonical JSON is re-derived from the tables by the kind's canonical(): codes not row ids,
 * integer cents, keys in the fixed order the kind builds them in. The audit anchor is the last
 * audit_log row (id and hash) when the block starts, so the audit log up to there cannot be cut off
 * or recomputed unseen either. `meta` keeps the head (`count:hash`). The facts table keeps per fact
 * its kind, ref, a 16-bit tag of its text (only to name the first fact that differs) and, on the
 * first fact of a block, the anchor. What proves is the full hash chain, recomputed from the data
 * and compared with the head in the file and with heads kept outside it.
 */
export interface FactKind {
  /** e.g. 'entry', 'invoice', 'attachment', 'review_remark'. */
  kind: string;
  /**
   * Canonical form re-derived from the tables; null when the referenced thing no longer exists.
   * Its JSON.stringify is what gets hashed. A kind gives this or canonicalJson().
   */
  canonical?(books: Books, ref: string): unknown | null;
  /** The canonical JSON text itself, for a kind that writes it out faster than JSON.stringify. */
  canonicalJson?(books: Books, ref: string): string | null;
  /** Every ref that should have a fact right now (verify finds things added behind the app's back). */
  refs(books: Books): Iterable<string>;
  /**
   * Optional bulk form: every [ref, canonical JSON] of the kind, roughly in the order they became
   * final. verify and the migration read a kind through it in one pass instead of a query per fact;
   * when given, it replaces refs() too. Must yield exactly the text factJson() gives per ref.
   */
  allJson?(books: Books): Iterable<[string, string]>;
  /** How verify names one fact, said (Dutch text and phrase), e.g. "Boeking BANK 2026-0042". Default: kind and ref. */
  label?(ref: string): Said;
  /** The verb of becoming final, for "… is na het boeken veranderd". Default: 'vastleggen'. */
  finalVerb?: Said;
}

export const ZERO_HASH = '0'.repeat(64);
export const HEAD_KEY = 'history.head';
export const STARTED_KEY = 'history.started';
export const BACKFILLED_KEY = 'history.backfilled';

const kinds = new Map<string, FactKind>();

export function registerFactKind(def: FactKind): void {
  if (!/^[a-z][a-z0-9_]*$/.test(def.kind)) throw new Error(`fact kind "${def.kind}": lower case letters, digits and _ only`);
  if (!def.canonical === !def.canonicalJson) throw new Error(`fact kind "${def.kind}": give canonical() or canonicalJson(), one of them`);
  kinds.set(def.kind, def);
}

export function factKind(kind: string): FactKind | undefined {
  return kinds.get(kind);
}

export function factKinds(): FactKind[] {
  return [...kinds.values()];
}

export function labelOf(def: FactKind | undefined, kind: string, ref: string): Said {
  return def?.label ? def.label(ref) : said('history.kindRef', '{{kind}} {{ref}}', { kind, ref });
}

/** The canonical JSON text: the kind fixes the key order by building its objects in that order. */
export function canonicalJson(body: unknown): string {
  return JSON.stringify(body);
}

/** A fact's canonical JSON as re-derived from the tables now; null when the thing no longer exists. */
export function factJson(def: FactKind, books: Books, ref: string): string | null {
  if (def.canonicalJson) return def.canonicalJson(books, ref);
  const body = def.canonical!(books, ref);
  return body === null ? null : canonicalJson(body);
}

/** What one fact adds to its block's hash. */
export function factText(kind: string, ref: string, json: string): string {
  return `${kind}\n${ref}\n${json}\n`;
}

/** How a block's hash starts: the head before it and the audit anchor. */
export function blockStart(prevHead: string, anchor: string): string {
  return `${prevHead}\n${anchor}\n`;
}

export function auditAnchor(row: { id: number; hash: string } | undefined): string {
  return row ? `${row.id}:${row.hash}` : '';
}

/** 16-bit FNV-1a of a fact's text: cheap, and only used to point at the first fact that differs. */
export function factTag(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 16)) & 0xffff;
}

export function parseHead(value: string | undefined): { count: number; hash: string } | null {
  const m = value === undefined ? null : /^(\d+):([0-9a-f]{64})$/.exec(value);
  return m ? { count: Number(m[1]), hash: m[2]! } : null;
}

export function readState(books: Books): { count: number; hash: string } | null {
  const row = books.raw(`SELECT value FROM meta WHERE key = '${HEAD_KEY}'`).get() as { value: string } | undefined;
  return parseHead(row?.value);
}

function kindId(books: Books, kind: string): number {
  const row = books.raw('SELECT id FROM fact_kinds WHERE name = ?').get(kind) as { id: number } | undefined;
  if (row) return row.id;
  return Number(books.raw('INSERT INTO fact_kinds (name) VALUES (?)').run(kind).lastInsertRowid);
}

/**
 * One block of facts: append() each, then finish() writes the new head. The bulk paths (demo load,
 * start of the chain) hand it canonical JSON they built from data they already hold. Use inside the
 * transaction that makes the facts final.
 */
export class FactAppender {
  private count: number;
  private readonly before: { count: number; hash: string };
  private readonly sha = sha256();
  private readonly kindIds = new Map<string, number>();
  private anchorField: string | null;
  /** Rows waiting for the next multi-row INSERT: a bulk load writes them ROWS_PER_INSERT at a time. */
  private pending: (string | number | null)[] = [];

  constructor(private readonly books: Books) {
    // One statement for the head and the anchor: a posting opens a block of one fact every time.
    const st = books.raw(`SELECT (SELECT value FROM meta WHERE key = '${HEAD_KEY}') AS head, l.id, l.hash
      FROM (SELECT 1) LEFT JOIN (SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1) l`).get() as { head: string | null; id: number | null; hash: string | null };
    const s = parseHead(st.head ?? undefined);
    if (!s) throw new Error('history: the chain has not been started in this file');
    this.count = s.count;
    this.before = s;
    const a = st.id === null ? undefined : { id: st.id, hash: st.hash! };
    this.sha.update(blockStart(s.hash, auditAnchor(a)));
    // On the block's first fact: the anchor's id and a tag of its hash, so verify can tell a
    // recomputed audit log from a changed fact.
    this.anchorField = a ? `${a.id}:${a.hash.slice(0, 8)}` : '0:';
  }

  append(kind: string, ref: string, json: string): void {
    let id = this.kindIds.get(kind);
    if (id === undefined) {
      id = kindId(this.books, kind);
      this.kindIds.set(kind, id);
    }
    const text = factText(kind, ref, json);
    // Straight into the hash: measured faster than gathering texts into larger strings first (a
    // batch with one non-Latin-1 character is two-byte text, which Node turns into UTF-8 slowly).
    this.sha.update(text);
    this.pending.push(++this.count, id, ref, this.anchorField, factTag(text));
    this.anchorField = null;
    if (this.pending.length === ROWS_PER_INSERT * 5) this.flush();
  }

  private flush(): void {
    const rows = this.pending.length / 5;
    if (rows === 0) return;
    this.books.raw(`INSERT INTO facts (seq, kind, ref, audit, tag) VALUES ${rows === ROWS_PER_INSERT ? MANY : placeholders(rows)}`).run(...this.pending);
    this.pending = [];
  }

  finish(): { count: number; hash: string } {
    this.flush();
    if (this.count === this.before.count) return this.before; // an empty block leaves the head alone
    const head = { count: this.count, hash: this.sha.digest('hex') };
    writeHead(this.books, head);
    return head;
  }
}

/**
 * A million single-row INSERTs cost more in the calls than in SQLite; 100 rows (500 of SQLite's
 * 32766 parameters) per statement took that share of a bulk load away.
 */
const ROWS_PER_INSERT = 100;
const placeholders = (rows: number) => Array.from({ length: rows }, () => '(?, ?, ?, ?, ?)').join(', ');
const MANY = placeholders(ROWS_PER_INSERT);

function writeHead(b: Books, head: { count: number; hash: string }): void {
  b.raw('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(HEAD_KEY, `${head.count}:${head.hash}`);
}

/**
 * Call INSIDE the transaction that makes the thing final, after it is written (and after its
 * audit row, so the anchor covers it). Computes the canonical body with the kind's canonical() —
 * the same function verify uses — hashes, appends, and moves the head in meta.
 */
export function appendFact(books: Books, kind: string, ref: string): void {
  const def = kinds.get(kind);
  if (!def) throw new Error(`history: unknown fact kind "${kind}"`);
  const json = factJson(def, books, ref);
  if (json === null) throw new Error(`history: ${kind} ${ref} does not exist`);
  appendFactJson(books, kind, ref, json);
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
