import type { Books } from '../../db/books';
import { canonicalJson, registerFactKind } from './facts';

/**
 * A posted entry with all its lines as a fact. Ref `JOURNAL/YEAR/NUMBER`; the canonical form names
 * the journal and every line's account by code and the reversed entry by its ref, so it does not
 * depend on row ids. The dimensions (contact, grant, budget line, person) are the ids of rows that
 * have no other fixed key (their names may be edited) and are never deleted once a line uses them.
 */
export interface EntryHead {
  journal: string;
  year: number;
  number: number;
  date: string;
  description: string;
  reversalOf: string | null;
}

export interface EntryFactLine {
  account: string;
  cents: number;
  description: string | null;
  contact: number | null;
  grant: number | null;
  budgetLine: number | null;
  person: number | null;
}

export function entryFactRef(journal: string, year: number, number: number): string {
  return `${journal}/${year}/${number}`;
}

/** The one builder of an entry's canonical body: the posting paths and verify all go through it. */
export function entryBody(h: EntryHead, lines: readonly EntryFactLine[]): unknown {
  return {
    journal: h.journal, year: h.year, number: h.number, date: h.date, description: h.description, reversalOf: h.reversalOf,
    lines: lines.map((l) => ({
      account: l.account, cents: l.cents, description: l.description, contact: l.contact, grant: l.grant, budgetLine: l.budgetLine, person: l.person,
    })),
  };
}

export function entryJson(h: EntryHead, lines: readonly EntryFactLine[]): string {
  return canonicalJson(entryBody(h, lines));
}

interface HeadRow {
  id: number; journal: string; year: number; number: number; date: string; description: string;
  rj: string | null; ry: number | null; rn: number | null;
}
interface LineRow {
  entry_id: number; account: string; cents: number; description: string | null;
  contact: number | null; grant: number | null; budget_line: number | null; person: number | null;
}

const HEAD_SELECT = `SELECT e.id, j.code AS journal, e.year, e.number, e.date, e.description, rj.code AS rj, r.year AS ry, r.number AS rn
  FROM entries e JOIN journals j ON j.id = e.journal_id
  LEFT JOIN entries r ON r.id = e.reversal_of LEFT JOIN journals rj ON rj.id = r.journal_id`;
const LINE_SELECT = `SELECT l.entry_id, a.code AS account, l.amount_cents AS cents, l.description, l.contact_id AS contact,
  l.grant_id AS "grant", l.budget_line_id AS budget_line, l.person_id AS person
  FROM lines l JOIN accounts a ON a.id = l.account_id`;

function head(r: HeadRow): EntryHead {
  return {
    journal: r.journal, year: r.year, number: r.number, date: r.date, description: r.description,
    reversalOf: r.rn === null ? null : entryFactRef(r.rj!, r.ry!, r.rn),
  };
}

function line(l: LineRow): EntryFactLine {
  return { account: l.account, cents: l.cents, description: l.description, contact: l.contact, grant: l.grant, budgetLine: l.budget_line, person: l.person };
}

function parseRef(ref: string): { journal: string; year: number; number: number } | null {
  const m = /^(.+)\/(\d{4})\/(\d+)$/.exec(ref);
  return m ? { journal: m[1]!, year: Number(m[2]), number: Number(m[3]) } : null;
}

function canonical(books: Books, ref: string): unknown | null {
  const k = parseRef(ref);
  if (!k) return null;
  const r = books.raw(`${HEAD_SELECT} WHERE j.code = ? AND e.year = ? AND e.number = ? AND e.status = 'posted'`).get(k.journal, k.year, k.number) as HeadRow | undefined;
  if (!r) return null;
  const lines = books.raw(`${LINE_SELECT} WHERE l.entry_id = ? ORDER BY l.id`).all(r.id) as LineRow[];
  return entryBody(head(r), lines.map(line));
}

const CHUNK = 4000;

/** Every posted entry in id order (the order postings normally get), a chunk of entries at a time. */
function* all(books: Books): Iterable<[string, unknown]> {
  const heads = books.raw(`${HEAD_SELECT} WHERE e.status = 'posted' AND e.id > ? ORDER BY e.id LIMIT ${CHUNK}`);
  const lines = books.raw(`${LINE_SELECT} WHERE l.entry_id BETWEEN ? AND ? ORDER BY l.entry_id, l.id`);
  let after = 0;
  for (;;) {
    const hs = heads.all(after) as HeadRow[];
    if (hs.length === 0) return;
    const byEntry = new Map<number, EntryFactLine[]>();
    for (const l of lines.all(hs[0]!.id, hs[hs.length - 1]!.id) as LineRow[]) {
      let list = byEntry.get(l.entry_id);
      if (!list) byEntry.set(l.entry_id, (list = []));
      list.push(line(l));
    }
    for (const h of hs) {
      const hd = head(h);
      yield [entryFactRef(hd.journal, hd.year, hd.number), entryBody(hd, byEntry.get(h.id) ?? [])];
    }
    after = hs[hs.length - 1]!.id;
  }
}

function* refs(books: Books): Iterable<string> {
  for (const [ref] of all(books)) yield ref;
}

export function entryLabel(ref: string): string {
  const k = parseRef(ref);
  return k ? `Boeking ${k.journal} ${k.year}-${String(k.number).padStart(4, '0')}` : `Boeking ${ref}`;
}

registerFactKind({ kind: 'entry', canonical, refs, all, label: entryLabel, finalVerb: 'boeken' });
