import type { Books } from '../../db/books';
import { said } from '../../../shared/phrase';
import { registerFactKind } from '../history/facts';

/**
 * The kascommissie review in the fact chain (DESIGN.md sections 10 and 11). Three kinds, each built
 * only from what never changes once written, so verify re-derives the same bodies later:
 * - `review` (ref "KC 2025-1"): the year, day, members, amounts, seed and the entries of the sample;
 * - `review_remark` (ref "KC 2025-1 #3"): one remark, verdict, question, answer or count;
 * - `review_end` (ref "KC 2025-1"): how the review ended (finished with a conclusion, or stopped).
 * Entries are named by their fact ref (JOURNAL/YEAR/NUMBER), accounts by code: no row ids.
 */

interface ReviewRow {
  id: number; year: number; number: number; review_date: string; started_at: string; threshold_cents: number; large_cents: number;
  sample_size: number; seed: number; status: string; finished_at: string | null; conclusion: string | null; conclusion_text: string | null;
}

export const reviewRef = (year: number, number: number): string => `KC ${year}-${number}`;
export const remarkRef = (year: number, number: number, seq: number): string => `${reviewRef(year, number)} #${seq}`;

function parse(ref: string): { year: number; number: number; seq: number | null } | null {
  const m = /^KC (\d{4})-(\d+)(?: #(\d+))?$/.exec(ref);
  return m ? { year: Number(m[1]), number: Number(m[2]), seq: m[3] === undefined ? null : Number(m[3]) } : null;
}

function reviewOf(books: Books, ref: string): ReviewRow | undefined {
  const k = parse(ref);
  if (!k) return undefined;
  return books.raw('SELECT * FROM reviews WHERE year = ? AND number = ?').get(k.year, k.number) as ReviewRow | undefined;
}

function startBody(books: Books, r: ReviewRow): unknown {
  const reviewers = (books.raw('SELECT name FROM review_reviewers WHERE review_id = ? ORDER BY position').all(r.id) as { name: string }[]).map((x) => x.name);
  const sample = (books
    .raw(`SELECT j.code || '/' || e.year || '/' || e.number AS ref, s.reason FROM review_sample s JOIN entries e ON e.id = s.entry_id
          JOIN journals j ON j.id = e.journal_id WHERE s.review_id = ? ORDER BY s.position`)
    .all(r.id) as { ref: string; reason: string }[]).map((x) => [x.ref, x.reason]);
  return {
    year: r.year, number: r.number, reviewDate: r.review_date, startedAt: r.started_at, thresholdCents: r.threshold_cents,
    largeCents: r.large_cents, sampleSize: r.sample_size, seed: r.seed, reviewers, sample,
  };
}

registerFactKind({
  kind: 'review',
  canonical: (books, ref) => {
    const r = parse(ref)?.seq === null ? reviewOf(books, ref) : undefined;
    return r ? startBody(books, r) : null;
  },
  *refs(books) {
    for (const r of books.raw('SELECT year, number FROM reviews ORDER BY id').all() as { year: number; number: number }[]) yield reviewRef(r.year, r.number);
  },
  label: (ref) => said('history.review', 'Controle {{ref}}', { ref }),
  finalVerb: said('history.verb.begin', 'beginnen'),
});

registerFactKind({
  kind: 'review_remark',
  canonical: (books, ref) => {
    const k = parse(ref);
    const r = reviewOf(books, ref);
    if (!k || k.seq === null || !r) return null;
    const x = books
      .raw('SELECT kind, target, verdict, text, amount_cents, date, author, at FROM review_remarks WHERE review_id = ? AND seq = ?')
      .get(r.id, k.seq) as { kind: string; target: string; verdict: string | null; text: string | null; amount_cents: number | null; date: string | null; author: string; at: string } | undefined;
    if (!x) return null;
    return { review: reviewRef(r.year, r.number), seq: k.seq, kind: x.kind, target: x.target, verdict: x.verdict, text: x.text, cents: x.amount_cents, date: x.date, author: x.author, at: x.at };
  },
  *refs(books) {
    const rows = books.raw('SELECT r.year, r.number, m.seq FROM review_remarks m JOIN reviews r ON r.id = m.review_id ORDER BY m.id').all() as { year: number; number: number; seq: number }[];
    for (const x of rows) yield remarkRef(x.year, x.number, x.seq);
  },
  label: (ref) => said('history.reviewRemark', 'Opmerking {{ref}} van de kascommissie', { ref }),
  finalVerb: said('history.verb.record', 'vastleggen'),
});

registerFactKind({
  kind: 'review_end',
  canonical: (books, ref) => {
    const r = reviewOf(books, ref);
    if (!r || r.status === 'active') return null;
    return { status: r.status, finishedAt: r.finished_at, conclusion: r.conclusion, text: r.conclusion_text };
  },
  *refs(books) {
    for (const r of books.raw(`SELECT year, number FROM reviews WHERE status <> 'active' ORDER BY id`).all() as { year: number; number: number }[]) yield reviewRef(r.year, r.number);
  },
  label: (ref) => said('history.reviewEnd', 'Einde van controle {{ref}}', { ref }),
  finalVerb: said('history.verb.finish', 'afronden'),
});
