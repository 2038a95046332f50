import type { VerifyProblem } from '../../../shared/api/types';
import type { Books } from '../../db/books';
import {
  auditAnchor, BACKFILLED_KEY, canonicalJson, factHash, factKind, factKinds, HASH_TAG_BYTES, HEAD_KEY, labelOf, parseHead,
  shortHash, STARTED_KEY, ZERO_HASH, type FactKind,
} from './facts';
import './kinds';

/** A head as kept outside the file: `count:hash`, the hash in full or its first 12+ hex characters. */
export interface SinceHead {
  count: number;
  hash: string;
}

export function parseSince(text: string): SinceHead | null {
  const m = /^(\d+):([0-9a-fA-F]{12,64})$/.exec(text.trim());
  return m ? { count: Number(m[1]), hash: m[2]!.toLowerCase() } : null;
}

export interface HistoryReport {
  problems: VerifyProblem[];
  count: number;
  /** Full head hash as recomputed from the data (64 hex). */
  hash: string;
  started: string | null;
  backfilled: number;
}

/**
 * Reads one kind's facts from its bulk all() in a single pass. Facts come in posting order, the
 * kind's rows roughly in that order too: rows met before their fact wait in `pending` (drafts
 * posted late), so memory stays small; whatever is left at the end has no fact at all.
 */
class KindCursor {
  private readonly pending = new Map<string, string>();
  private readonly it: Iterator<[string, unknown]>;
  private done = false;

  constructor(books: Books, def: FactKind & { all(books: Books): Iterable<[string, unknown]> }) {
    this.it = def.all(books)[Symbol.iterator]();
  }

  take(ref: string): string | null {
    const p = this.pending.get(ref);
    if (p !== undefined) {
      this.pending.delete(ref);
      return p;
    }
    while (!this.done) {
      const n = this.it.next();
      if (n.done) {
        this.done = true;
        break;
      }
      const [r, body] = n.value;
      const json = canonicalJson(body);
      if (r === ref) return json;
      this.pending.set(r, json);
    }
    return null;
  }

  /** Refs the kind has that no fact took. */
  rest(): string[] {
    this.take('\u0000');
    return [...this.pending.keys()];
  }
}

interface FactRow {
  seq: number;
  kind: string | null;
  ref: string;
  audit: string | null;
  hash: Buffer;
}

const FACT_CHUNK = 20_000;

/**
 * Recompute the whole chain from the data and compare: each fact's hash tag, the head in meta, the
 * audit rows the facts anchor to, and that nothing final lacks a fact. Names the FIRST fact that
 * differs (after it every later hash differs too). With `since`, also proves that fact `count`
 * still has that hash, i.e. the history up to there is what it was when the head was written down.
 */
export function verifyChain(books: Books, since?: SinceHead): HistoryReport {
  const problems: VerifyProblem[] = [];
  const meta = new Map((books.raw(`SELECT key, value FROM meta WHERE key LIKE 'history.%'`).all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  const head = parseHead(meta.get(HEAD_KEY));
  const started = meta.get(STARTED_KEY) ?? null;
  const backfilled = Number(meta.get(BACKFILLED_KEY) ?? 0);
  if (!head) problems.push({ code: 'HISTORY_HEAD', message: 'De kop van de geschiedenis ontbreekt in het bestand: zij is buiten het programma om verwijderd.' });

  const cursors = new Map<string, KindCursor>();
  const seen = new Map<string, Set<string>>();
  const auditHash = books.raw('SELECT hash FROM audit_log WHERE id = ?');
  const facts = books.raw(`SELECT f.seq, k.name AS kind, f.ref, f.audit, f.hash FROM facts f LEFT JOIN fact_kinds k ON k.id = f.kind WHERE f.seq > ? ORDER BY f.seq LIMIT ${FACT_CHUNK}`);

  let prev: Buffer = Buffer.from(ZERO_HASH, 'hex');
  let anchor = '';
  let count = 0;
  let firstBad: VerifyProblem | null = null;
  let sinceHash: string | null = null;
  const fail = (p: VerifyProblem) => {
    firstBad ??= p;
  };

  for (let after = 0; ;) {
    const rows = facts.all(after) as FactRow[];
    if (rows.length === 0) break;
    for (const f of rows) {
      count++;
      if (f.seq !== count) {
        fail({ code: 'HISTORY_GAP', message: `Feit ${count} ontbreekt in de geschiedenis: de geschiedenis is buiten het programma om ingekort of veranderd.` });
        count = f.seq;
      }
      const def = f.kind === null ? undefined : factKind(f.kind);
      const kind = f.kind ?? '?';
      if (!def) {
        fail({ code: 'HISTORY_KIND', message: `Feit ${f.seq} is van een onbekende soort (${kind}).` });
        continue;
      }
      if (f.audit !== null) {
        const [id, tag = ''] = f.audit.split(':');
        const anchorId = Number(id);
        const a = anchorId === 0 ? undefined : (auditHash.get(anchorId) as { hash: string } | undefined);
        if (anchorId !== 0 && !a) {
          fail({ code: 'AUDIT_CUT', message: `Logboekregel ${anchorId} ontbreekt: het logboek is buiten het programma om ingekort of gewist (feit ${f.seq} verwijst ernaar).` });
        } else if (a && !a.hash.startsWith(tag)) {
          fail({ code: 'AUDIT_REWRITTEN', message: `Logboekregel ${anchorId} is buiten het programma om veranderd of het logboek is opnieuw berekend (feit ${f.seq} verwijst ernaar).` });
        }
        anchor = a ? auditAnchor({ id: anchorId, hash: a.hash }) : '';
      }
      let json: string | null;
      if (def.all) {
        let c = cursors.get(kind);
        if (!c) cursors.set(kind, (c = new KindCursor(books, def as FactKind & { all(b: Books): Iterable<[string, unknown]> })));
        json = c.take(f.ref);
      } else {
        let s = seen.get(kind);
        if (!s) seen.set(kind, (s = new Set()));
        s.add(f.ref);
        const body = def.canonical(books, f.ref);
        json = body === null ? null : canonicalJson(body);
      }
      const label = labelOf(def, kind, f.ref);
      if (json === null) {
        fail({ code: 'FACT_DELETED', message: `${label} is verwijderd, maar stond vast in de geschiedenis (feit ${f.seq}).` });
        continue;
      }
      const full = factHash(prev, kind, f.ref, anchor, json);
      if (!full.subarray(0, HASH_TAG_BYTES).equals(f.hash)) {
        fail({ code: 'FACT_CHANGED', message: `${label} is na het ${def.finalVerb ?? 'vastleggen'} veranderd (feit ${f.seq}).` });
      }
      prev = full;
      if (since && f.seq === since.count) sinceHash = full.toString('hex');
    }
    after = rows[rows.length - 1]!.seq;
  }
  if (firstBad) problems.push(firstBad);

  const hash = prev.toString('hex');
  if (head && !firstBad && (head.count !== count || head.hash !== hash)) {
    problems.push({ code: 'HISTORY_HEAD', message: `De geschiedenis klopt niet met haar kop in het bestand (${head.count} feiten): er zijn feiten buiten het programma om weggehaald, toegevoegd of veranderd.` });
  }

  // Anything final without a fact was added behind the app's back.
  for (const def of factKinds()) {
    let missing: string[];
    if (def.all) {
      missing = (cursors.get(def.kind) ?? new KindCursor(books, def as FactKind & { all(b: Books): Iterable<[string, unknown]> })).rest();
    } else {
      const s = seen.get(def.kind) ?? new Set<string>();
      missing = [];
      for (const r of def.refs(books)) if (!s.has(r)) missing.push(r);
    }
    for (const r of missing.slice(0, 20)) {
      problems.push({ code: 'FACT_UNRECORDED', message: `${labelOf(def, def.kind, r)} staat niet in de geschiedenis: buiten het programma om toegevoegd.` });
    }
  }

  if (since) problems.push(...checkSince(since, count, sinceHash));
  return { problems, count, hash, started, backfilled };
}

function checkSince(since: SinceHead, count: number, hashAt: string | null): VerifyProblem[] {
  if (since.count === 0) return [];
  if (since.count > count || hashAt === null) {
    return [{ code: 'HISTORY_CUT', message: `De geschiedenis is ingekort: feit ${since.count} van de opgeschreven kop bestaat niet meer (het bestand heeft nu ${count} feiten).` }];
  }
  if (!hashAt.startsWith(since.hash)) {
    return [{ code: 'HISTORY_REWRITTEN', message: `De geschiedenis is herschreven: feit ${since.count} heeft nu kop ${since.count}:${shortHash(hashAt)} in plaats van ${since.count}:${since.hash.slice(0, 12)}.` }];
  }
  return [];
}
