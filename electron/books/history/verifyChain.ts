import { createHash, type Hash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { VerifyProblem } from '../../../shared/api/types';
import type { Books } from '../../db/books';
import { said } from '../../../shared/phrase';
import {
  auditAnchor, BACKFILLED_KEY, blockStart, factJson, factKind, factKinds, factTag, factText, HEAD_KEY, labelOf, parseHead,
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
 * Reads one kind's facts from its bulk allJson() in a single pass. Facts come in posting order, the
 * kind's rows roughly in that order too: rows met before their fact wait in `pending` (drafts
 * posted late), so memory stays small; whatever is left at the end has no fact at all.
 */
class KindCursor {
  private readonly pending = new Map<string, string>();
  private readonly it: Iterator<[string, string]>;
  private done = false;

  constructor(books: Books, def: BulkKind) {
    this.it = def.allJson(books)[Symbol.iterator]();
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
      const [r, json] = n.value;
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

type BulkKind = FactKind & { allJson(books: Books): Iterable<[string, string]> };

/** A facts row as read in raw mode: seq, kind id, ref, audit anchor, tag. */
type FactRow = [seq: number, kind: number, ref: string, audit: string | null, tag: number];

const FACT_CHUNK = 20_000;

/**
 * Recompute the whole chain from the data and compare: each fact's tag, each block's hash up to the
 * head in meta, the audit rows the blocks anchor to, and that nothing final lacks a fact. Names the
 * FIRST fact that differs. With `since`, also proves that the head after fact `count` still has
 * that hash, i.e. the history up to there is what it was when the head was written down.
 */
export function verifyChain(books: Books, since?: SinceHead): HistoryReport {
  const problems: VerifyProblem[] = [];
  const meta = new Map((books.raw(`SELECT key, value FROM meta WHERE key LIKE 'history.%'`).all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  const head = parseHead(meta.get(HEAD_KEY));
  const started = meta.get(STARTED_KEY) ?? null;
  const backfilled = Number(meta.get(BACKFILLED_KEY) ?? 0);
  if (!head) problems.push({ code: 'HISTORY_HEAD', ...said('verify.headMissing', 'De kop van de geschiedenis ontbreekt in het bestand: zij is buiten het programma om verwijderd.') });

  const cursors = new Map<string, KindCursor>();
  const seen = new Map<string, Set<string>>();
  const auditRow = books.raw('SELECT hash FROM audit_log WHERE id = ?');
  const kindNames = new Map(books.raw('SELECT id, name FROM fact_kinds').raw(true).all() as [number, string][]);
  const facts = books.raw(`SELECT seq, kind, ref, audit, tag FROM facts WHERE seq > ? ORDER BY seq LIMIT ${FACT_CHUNK}`).raw(true);

  let firstBad: VerifyProblem | null = null;
  const fail = (p: VerifyProblem) => {
    firstBad ??= p;
  };
  // The chain of blocks: `hash` is the head after the last closed block, `sha` the open block.
  let hash = ZERO_HASH;
  let sha: Hash | null = null;
  let count = 0;
  let sinceHash: string | null = since?.count === 0 ? ZERO_HASH : null;
  const closeBlock = () => {
    if (!sha) return;
    hash = sha.digest('hex');
    sha = null;
    if (since && since.count === count) sinceHash = hash;
  };

  for (let after = 0; ;) {
    const rows = facts.all(after) as FactRow[];
    if (rows.length === 0) break;
    for (const f of rows) {
      const [seq, kindId, ref, audit, tag] = f;
      if (audit !== null || !sha) {
        closeBlock();
        sha = createHash('sha256');
        sha.update(blockStart(hash, anchorOf(seq, audit, auditRow, fail)));
      }
      count++;
      if (seq !== count) {
        fail({ code: 'HISTORY_GAP', ...said('verify.historyGap', 'Feit {{fact}} ontbreekt in de geschiedenis: de geschiedenis is buiten het programma om ingekort of veranderd.', { fact: count }) });
        count = seq;
      }
      const name = kindNames.get(kindId);
      const def = name === undefined ? undefined : factKind(name);
      if (!def) {
        fail({ code: 'HISTORY_KIND', ...said('verify.unknownKind', 'Feit {{fact}} is van een onbekende soort ({{kind}}).', { fact: seq, kind: name ?? '?' }) });
        continue;
      }
      const kind = def.kind;
      let json: string | null;
      if (def.allJson) {
        let c = cursors.get(kind);
        if (!c) cursors.set(kind, (c = new KindCursor(books, def as BulkKind)));
        json = c.take(ref);
      } else {
        let s = seen.get(kind);
        if (!s) seen.set(kind, (s = new Set()));
        s.add(ref);
        json = factJson(def, books, ref);
      }
      if (json === null) {
        fail({ code: 'FACT_DELETED', ...said('verify.factDeleted', '{{what}} is verwijderd, maar stond vast in de geschiedenis (feit {{fact}}).', { what: labelOf(def, kind, ref), fact: seq }) });
        continue;
      }
      const text = factText(kind, ref, json);
      if (factTag(text) !== tag) {
        fail({
          code: 'FACT_CHANGED',
          ...said('verify.factChanged', '{{what}} is na het {{verb}} veranderd (feit {{fact}}).', {
            what: labelOf(def, kind, ref), verb: def.finalVerb ?? said('history.verb.record', 'vastleggen'), fact: seq,
          }),
        });
      }
      sha!.update(text);
    }
    after = rows[rows.length - 1]![0];
  }
  closeBlock();
  if (firstBad) problems.push(firstBad);

  if (head && !firstBad && (head.count !== count || head.hash !== hash)) {
    problems.push({ code: 'HISTORY_HEAD', ...said('verify.headMismatch', 'De geschiedenis klopt niet met haar kop in het bestand ({{facts}} feiten): er zijn feiten buiten het programma om weggehaald, toegevoegd of veranderd.', { facts: head.count }) });
  }

  // Anything final without a fact was added behind the app's back.
  for (const def of factKinds()) {
    let missing: string[];
    if (def.allJson) {
      missing = (cursors.get(def.kind) ?? new KindCursor(books, def as BulkKind)).rest();
    } else {
      const s = seen.get(def.kind) ?? new Set<string>();
      missing = [];
      for (const r of def.refs(books)) if (!s.has(r)) missing.push(r);
    }
    for (const r of missing.slice(0, 20)) {
      problems.push({ code: 'FACT_UNRECORDED', ...said('verify.factUnrecorded', '{{what}} staat niet in de geschiedenis: buiten het programma om toegevoegd.', { what: labelOf(def, def.kind, r) }) });
    }
  }

  if (since) problems.push(...checkSince(since, count, sinceHash));
  return { problems, count, hash, started, backfilled };
}

/** The audit anchor a block starts with, checked against the audit log as it is now. */
function anchorOf(seq: number, audit: string | null, auditRow: Statement, fail: (p: VerifyProblem) => void): string {
  const [idText, tag = ''] = (audit ?? '').split(':');
  const id = Number(idText);
  if (!id) return '';
  const a = auditRow.get(id) as { hash: string } | undefined;
  if (!a) {
    fail({ code: 'AUDIT_CUT', ...said('verify.auditCut', 'Logboekregel {{row}} ontbreekt: het logboek is buiten het programma om ingekort of gewist (feit {{fact}} verwijst ernaar).', { row: id, fact: seq }) });
    return '';
  }
  if (!a.hash.startsWith(tag)) {
    fail({ code: 'AUDIT_REWRITTEN', ...said('verify.auditRewritten', 'Logboekregel {{row}} is buiten het programma om veranderd of het logboek is opnieuw berekend (feit {{fact}} verwijst ernaar).', { row: id, fact: seq }) });
  }
  return auditAnchor({ id, hash: a.hash });
}

function checkSince(since: SinceHead, count: number, hashAt: string | null): VerifyProblem[] {
  if (since.count > count) {
    return [{ code: 'HISTORY_CUT', ...said('verify.historyCut', 'De geschiedenis is ingekort: feit {{fact}} van de opgeschreven kop bestaat niet meer (het bestand heeft nu {{facts}} feiten).', { fact: since.count, facts: count }) }];
  }
  if (hashAt === null || !hashAt.startsWith(since.hash)) {
    const now = hashAt === null ? said('verify.noHead', 'geen') : `${since.count}:${shortHash(hashAt)}`;
    return [{ code: 'HISTORY_REWRITTEN', ...said('verify.historyRewritten', 'De geschiedenis is herschreven: feit {{fact}} heeft nu kop {{now}} in plaats van {{was}}.', { fact: since.count, now, was: `${since.count}:${since.hash.slice(0, 12)}` }) }];
  }
  return [];
}
