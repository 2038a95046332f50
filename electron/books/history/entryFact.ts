import type { Books } from '../../db/books';
import { said, type Said } from '../../../shared/phrase';
import { registerFactKind } from './facts';

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

/*
 * The canonical JSON is written out as text rather than by JSON.stringify of objects built for the
 * purpose: a million-entry load or verify spent a second on those objects alone. The text is the
 * very one JSON.stringify gave for the object {journal, year, number, date, description, reversalOf,
 * lines: [{account, cents, description, contact, grant, budgetLine, person}]} in that key order
 * (strings still go through JSON.stringify, integers print alike), so chains written by earlier
 * versions verify unchanged; tests/integration/history/entryJson.test.ts holds them side by side.
 */
const str = (s: string): string => JSON.stringify(s);
const strOrNull = (s: string | null): string => (s === null ? 'null' : JSON.stringify(s));
const intOrNull = (n: number | null): string => (n === null ? 'null' : `${n}`);

/** One line's canonical JSON. */
function lineJson(account: string, cents: number, description: string | null, contact: number | null, grant: number | null, budgetLine: number | null, person: number | null): string {
  return `{"account":${str(account)},"cents":${cents},"description":${strOrNull(description)},"contact":${intOrNull(contact)},"grant":${intOrNull(grant)},"budgetLine":${intOrNull(budgetLine)},"person":${intOrNull(person)}}`;
}

/** The entry's canonical JSON around its lines' JSON (joined by commas). */
function entryJsonOf(h: EntryHead, linesJson: string): string {
  return `{"journal":${str(h.journal)},"year":${h.year},"number":${h.number},"date":${str(h.date)},"description":${str(h.description)},"reversalOf":${strOrNull(h.reversalOf)},"lines":[${linesJson}]}`;
}

/** The one builder of an entry's canonical JSON: the posting paths and verify all go through it. */
export function entryJson(h: EntryHead, lines: readonly EntryFactLine[]): string {
  let body = '';
  for (const l of lines) body += (body === '' ? '' : ',') + lineJson(l.account, l.cents, l.description, l.contact, l.grant, l.budgetLine, l.person);
  return entryJsonOf(h, body);
}

/** What follows the cents of a line that has no description and no dimensions. */
const PLAIN_LINE_TAIL = ',"description":null,"contact":null,"grant":null,"budgetLine":null,"person":null}';

/**
 * entryJson for a bulk writer (the demo load) whose lines have no description and no dimensions: a
 * few hundred distinct texts (journals, dates, descriptions, accounts) are quoted once each instead
 * of per entry, and no line objects are made. Gives exactly entryJson's text (entryJson.test.ts).
 */
export class PlainEntryJson {
  private readonly quoted = new Map<string, string>();

  private q(s: string): string {
    let v = this.quoted.get(s);
    if (v === undefined) {
      v = JSON.stringify(s);
      // Bounded: a caller with ever new texts still gets the right text, just no saving.
      if (this.quoted.size < 50_000) this.quoted.set(s, v);
    }
    return v;
  }

  /** `lines` as [account code, signed cents]. */
  entry(journal: string, year: number, number: number, date: string, description: string, lines: readonly (readonly [string, number])[]): string {
    let body = '';
    for (const [account, cents] of lines) body += `${body === '' ? '' : ','}{"account":${this.q(account)},"cents":${cents}${PLAIN_LINE_TAIL}`;
    return `{"journal":${this.q(journal)},"year":${year},"number":${number},"date":${this.q(date)},"description":${this.q(description)},"reversalOf":null,"lines":[${body}]}`;
  }
}

/*
 * Reading back, SQLite writes the same text itself (json_object keeps the key order given; its
 * string quoting equals JSON.stringify's, tests/integration/history/entryJson.test.ts checks every
 * character): a million entries come out as one string each instead of a dozen values to turn into
 * text in JavaScript, which took verify twice as long. A reversal names the reversed entry's ref, or
 * null while that has no number, as before.
 */
const REF = (e: string, j: string) => `${j}.code || '/' || ${e}.year || '/' || ${e}.number`;
const ENTRY_JSON = `SELECT e.id, ${REF('e', 'j')} AS ref, json_object(
    'journal', j.code, 'year', e.year, 'number', e.number, 'date', e.date, 'description', e.description,
    'reversalOf', (SELECT ${REF('r', 'rj')} FROM entries r JOIN journals rj ON rj.id = r.journal_id WHERE r.id = e.reversal_of),
    'lines', (SELECT json_group_array(json_object(
        'account', a.code, 'cents', l.amount_cents, 'description', l.description, 'contact', l.contact_id, 'grant', l.grant_id,
        'budgetLine', l.budget_line_id, 'person', l.person_id) ORDER BY l.id)
      FROM lines l JOIN accounts a ON a.id = l.account_id WHERE l.entry_id = e.id)) AS json
  FROM entries e JOIN journals j ON j.id = e.journal_id WHERE e.status = 'posted'`;
type JsonRow = [id: number, ref: string, json: string];

function parseRef(ref: string): { journal: string; year: number; number: number } | null {
  const m = /^(.+)\/(\d{4})\/(\d+)$/.exec(ref);
  return m ? { journal: m[1]!, year: Number(m[2]), number: Number(m[3]) } : null;
}

function canonicalJson(books: Books, ref: string): string | null {
  const k = parseRef(ref);
  if (!k) return null;
  const r = books.raw(`${ENTRY_JSON} AND j.code = ? AND e.year = ? AND e.number = ?`).raw(true).get(k.journal, k.year, k.number) as JsonRow | undefined;
  return r ? r[2] : null;
}

const CHUNK = 4000;

/** Every posted entry in id order (the order postings normally get), a chunk of entries at a time. */
function* allJson(books: Books): Iterable<[string, string]> {
  const chunk = books.raw(`${ENTRY_JSON} AND e.id > ? ORDER BY e.id LIMIT ${CHUNK}`).raw(true);
  for (let after = 0; ;) {
    const rows = chunk.all(after) as JsonRow[];
    if (rows.length === 0) return;
    for (const r of rows) yield [r[1], r[2]];
    after = rows[rows.length - 1]![0];
  }
}

function* refs(books: Books): Iterable<string> {
  for (const [ref] of allJson(books)) yield ref;
}

/** "Boeking KAS 2026-0001", or in lower case inside a sentence ("Factuur bij boeking …"). */
export function entryLabel(ref: string, lower = false): Said {
  const k = parseRef(ref);
  const name = k ? `${k.journal} ${k.year}-${String(k.number).padStart(4, '0')}` : ref;
  return lower ? said('history.entryLower', 'boeking {{entry}}', { entry: name }) : said('history.entry', 'Boeking {{entry}}', { entry: name });
}

registerFactKind({ kind: 'entry', canonicalJson, refs, allJson, label: (ref) => entryLabel(ref), finalVerb: said('history.verb.post', 'boeken') });
