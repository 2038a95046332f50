import type { CashCount, Conclusion, Review, ReviewMark, ReviewQuestion, ReviewSummary, SampleEntry, Verdict } from '../../../shared/api/review';
import { formatDateNl } from '../../../shared/dates';
import { KassaError } from '../../../shared/errors';
import { centsToString, parseAmount } from '../../../shared/money';
import { newSeed } from '../../../shared/rules/reviewSample';
import type { Books } from '../../db/books';
import { nowIso } from '../clock';
import { checkYear } from '../statements/yearEndCheck';
import { getYear } from '../statements/balances';
import { recordFact } from './chain';
import { computeChecklist } from './checklist';
import { DEFAULT_SAMPLE_SIZE, DEFAULT_THRESHOLD_CENTS, drawYearSample, LARGE_CENTS, sampleEntry } from './sample';
import { joinSaid, said } from '../../../shared/phrase';

/**
 * A kascommissie review (issue 19): started on a closed year (or one ready to close), worked
 * through while the books are read-only, finished with a conclusion. Every remark is a new row
 * (and a fact in the history chain); the newest remark on a target is its current mark.
 */

interface ReviewRow {
  id: number; year: number; number: number; review_date: string; started_at: string; threshold_cents: number; large_cents: number;
  sample_size: number; seed: number; status: Review['status']; finished_at: string | null; conclusion: Conclusion | null; conclusion_text: string | null;
}

interface RemarkRow {
  seq: number; kind: string; target: string; verdict: Verdict | null; text: string | null; amount_cents: number | null; date: string | null; author: string; at: string;
}

export const reviewCode = (year: number, number: number): string => `KC ${year}-${number}`;

export function activeReviewRow(books: Books): ReviewRow | undefined {
  return books.raw(`SELECT * FROM reviews WHERE status = 'active'`).get() as ReviewRow | undefined;
}

function reviewRow(books: Books, id: number | undefined): ReviewRow {
  const r = id === undefined ? activeReviewRow(books) : (books.raw('SELECT * FROM reviews WHERE id = ?').get(id) as ReviewRow | undefined);
  if (!r) {
    throw new KassaError('NOT_FOUND', id === undefined ? said('err.review.noneRunning', 'Er loopt nu geen controle door de kascommissie. Begin eerst een controle.') : said('err.review.notFound', 'Controle {{id}} bestaat niet.', { id }), { field: 'id' });
  }
  return r;
}

function activeRow(books: Books): ReviewRow {
  return reviewRow(books, undefined);
}

function reviewersOf(books: Books, id: number): string[] {
  return (books.raw('SELECT name FROM review_reviewers WHERE review_id = ? ORDER BY position').all(id) as { name: string }[]).map((r) => r.name);
}

function remarksOf(books: Books, id: number): RemarkRow[] {
  return books.raw('SELECT seq, kind, target, verdict, text, amount_cents, date, author, at FROM review_remarks WHERE review_id = ? ORDER BY seq').all(id) as RemarkRow[];
}

/** The newest mark per target of one kind (a later remark replaces an earlier one). */
function marksOf(remarks: RemarkRow[], kind: 'checklist' | 'sample'): Map<string, ReviewMark> {
  const m = new Map<string, ReviewMark>();
  for (const r of remarks) {
    if (r.kind === kind && r.verdict) m.set(r.target, { seq: r.seq, verdict: r.verdict, remark: r.text, author: r.author, at: r.at });
  }
  return m;
}

function latestAmounts(remarks: RemarkRow[], kind: 'cash_count' | 'paper_balance'): Map<string, { date: string; cents: number; seq: number; author: string }> {
  const m = new Map<string, { date: string; cents: number; seq: number; author: string }>();
  for (const r of remarks) if (r.kind === kind && r.amount_cents !== null) m.set(r.target, { date: r.date ?? '', cents: r.amount_cents, seq: r.seq, author: r.author });
  return m;
}

function questionsOf(remarks: RemarkRow[], titles: Map<string, string>): ReviewQuestion[] {
  const answers = new Map<string, RemarkRow>();
  for (const r of remarks) if (r.kind === 'answer') answers.set(r.target, r);
  // A question is asked on its own, or as a mark "vraag" with a remark; it stays asked when a later mark replaces it.
  const asked = remarks.filter((r) => r.kind === 'question' || ((r.kind === 'checklist' || r.kind === 'sample') && r.verdict === 'vraag' && r.text));
  return asked.map((r) => {
    const a = answers.get(String(r.seq));
    const about = r.target === '' ? null : (titles.get(r.target) ?? r.target);
    return {
      seq: r.seq, about, text: r.text ?? '', author: r.author, at: r.at,
      answer: a ? { seq: a.seq, text: a.text ?? '', author: a.author, at: a.at } : null,
    };
  });
}

export async function getReview(books: Books, id?: number): Promise<Review | null> {
  const r = id === undefined ? activeReviewRow(books) : reviewRow(books, id);
  if (!r) return null;
  const remarks = remarksOf(books, r.id);
  const cash = latestAmounts(remarks, 'cash_count');
  const paper = latestAmounts(remarks, 'paper_balance');
  const computed = await computeChecklist(books, {
    year: r.year, thresholdCents: r.threshold_cents,
    cashCounts: new Map([...cash].map(([k, v]) => [k, { date: v.date, cents: v.cents }])),
    paperBalances: new Map([...paper].map(([k, v]) => [k, v.cents])),
  });
  const checklistMarks = marksOf(remarks, 'checklist');
  const sampleMarks = marksOf(remarks, 'sample');
  const sampleRows = books.raw('SELECT entry_id, reason FROM review_sample WHERE review_id = ? ORDER BY position').all(r.id) as { entry_id: number; reason: SampleEntry['reason'] }[];
  const entries: SampleEntry[] = sampleRows.map((s) => {
    const e = sampleEntry(books, s.entry_id, s.reason);
    return { ...e, mark: sampleMarks.get(e.ref) ?? null };
  });
  const titles = new Map(computed.items.map((i) => [i.key as string, i.title]));
  const population = books
    .raw(`SELECT COUNT(*) FROM entries WHERE year = ? AND status = 'posted' AND source <> 'closing' AND (SELECT COALESCE(SUM(amount_cents),0) FROM lines WHERE entry_id = entries.id AND amount_cents > 0) < ?`)
    .pluck().get(r.year, r.large_cents) as number;
  const cashCounts: CashCount[] = remarks.filter((x) => x.kind === 'cash_count').map((x) => ({ seq: x.seq, account: x.target, date: x.date ?? '', amount: centsToString(x.amount_cents ?? 0), author: x.author }));
  return {
    id: r.id, code: reviewCode(r.year, r.number), year: r.year, status: r.status, reviewDate: r.review_date, startedAt: r.started_at, finishedAt: r.finished_at,
    reviewers: reviewersOf(books, r.id), threshold: centsToString(r.threshold_cents), conclusion: r.conclusion, conclusionText: r.conclusion_text,
    checklist: { ...computed, threshold: centsToString(r.threshold_cents), items: computed.items.map((i) => ({ ...i, mark: checklistMarks.get(i.key) ?? null })) },
    sample: { year: r.year, seed: r.seed, size: r.sample_size, large: centsToString(r.large_cents), population, entries },
    questions: questionsOf(remarks, titles),
    cashCounts,
    paperBalances: [...paper].map(([account, v]) => ({ seq: v.seq, account, amount: centsToString(v.cents), author: v.author })),
  };
}

export function listReviews(books: Books): ReviewSummary[] {
  const rows = books.raw('SELECT * FROM reviews ORDER BY year DESC, number DESC').all() as ReviewRow[];
  return rows.map((r) => ({ id: r.id, code: reviewCode(r.year, r.number), year: r.year, status: r.status, reviewDate: r.review_date, reviewers: reviewersOf(books, r.id), conclusion: r.conclusion }));
}

export interface StartInput {
  year: number;
  reviewDate: string;
  reviewers: string[];
  threshold?: string | undefined;
  sampleSize?: number | undefined;
  seed?: number | undefined;
}

export async function startReview(books: Books, input: StartInput): Promise<Review> {
  const id = books.tx(() => {
    const active = activeReviewRow(books);
    if (active) throw new KassaError('REVIEW_ACTIVE', said('err.review.alreadyActive', 'De kascommissie controleert al boekjaar {{year}}. Rond die controle eerst af.', { year: active.year }));
    const fy = getYear(books, input.year);
    if (fy.status === 'open') {
      const blocks = checkYear(books, { year: fy.year }).problems.filter((p) => p.severity === 'block');
      if (blocks.length > 0) {
        const head = said('err.review.yearNotReady', 'Boekjaar {{year}} is nog niet klaar om af te sluiten. De kascommissie controleert een afgesloten jaar, of een jaar dat klaar is om af te sluiten.', { year: fy.year });
        throw new KassaError('YEAR_NOT_READY', joinSaid(head, ...blocks), { field: 'year' });
      }
    }
    if (input.reviewDate < fy.end) {
      throw new KassaError('INVALID_INPUT', said('err.review.afterYearEnd', 'De controle kan pas na het einde van het boekjaar ({{end}}).', { end: formatDateNl(fy.end) }), { field: 'reviewDate' });
    }
    const threshold = input.threshold !== undefined ? parseAmount(input.threshold, 'threshold', { allowZero: true }) : DEFAULT_THRESHOLD_CENTS;
    const size = input.sampleSize ?? DEFAULT_SAMPLE_SIZE;
    const seed = input.seed ?? newSeed();
    const number = (books.raw('SELECT COALESCE(MAX(number), 0) + 1 FROM reviews WHERE year = ?').pluck().get(fy.year) as number);
    const at = nowIso();
    const rid = Number(books
      .raw(`INSERT INTO reviews (year, number, review_date, started_at, threshold_cents, large_cents, sample_size, seed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(fy.year, number, input.reviewDate, at, threshold, LARGE_CENTS, size, seed).lastInsertRowid);
    input.reviewers.forEach((name, i) => books.raw('INSERT INTO review_reviewers (review_id, position, name) VALUES (?, ?, ?)').run(rid, i + 1, name.trim()));
    const drawn = drawYearSample(books, fy.year, size, seed);
    drawn.entries.forEach((e, i) => books.raw('INSERT INTO review_sample (review_id, position, entry_id, reason) VALUES (?, ?, ?, ?)').run(rid, i + 1, e.entryId, e.reason));
    recordFact(books, 'review', reviewCode(fy.year, number));
    return rid;
  });
  return (await getReview(books, id))!;
}

interface RemarkInput {
  kind: RemarkRow['kind'];
  target: string;
  verdict?: Verdict | null;
  text?: string | null | undefined;
  cents?: number | null;
  date?: string | null;
  author: string;
}

function addRemark(books: Books, r: ReviewRow, x: RemarkInput): number {
  const seq = (books.raw('SELECT COALESCE(MAX(seq), 0) + 1 FROM review_remarks WHERE review_id = ?').pluck().get(r.id) as number);
  books
    .raw('INSERT INTO review_remarks (review_id, seq, kind, target, verdict, text, amount_cents, date, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(r.id, seq, x.kind, x.target, x.verdict ?? null, x.text ?? null, x.cents ?? null, x.date ?? null, x.author, nowIso());
  recordFact(books, 'review_remark', `${reviewCode(r.year, r.number)} #${seq}`);
  return seq;
}

function firstReviewer(books: Books, r: ReviewRow): string {
  return reviewersOf(books, r.id)[0] ?? 'Kascommissie';
}

export async function markReview(books: Books, input: { on: 'checklist' | 'sample'; target: string; verdict: Verdict; remark?: string | undefined; author?: string | undefined }): Promise<Review> {
  books.tx(() => {
    const r = activeRow(books);
    if (input.on === 'checklist') {
      const keys = ['bank', 'cash', 'receipts', 'volunteers', 'grants', 'invoices', 'yearEnd', 'history'];
      if (!keys.includes(input.target)) throw new KassaError('INVALID_INPUT', said('err.review.notAnItem', '"{{target}}" is geen punt van de lijst.', { target: input.target }), { field: 'target' });
    } else {
      const inSample = books
        .raw(`SELECT 1 FROM review_sample s JOIN entries e ON e.id = s.entry_id JOIN journals j ON j.id = e.journal_id
              WHERE s.review_id = ? AND j.code || ' ' || e.year || '-' || printf('%04d', e.number) = ?`)
        .get(r.id, input.target);
      if (!inSample) throw new KassaError('NOT_FOUND', said('err.review.notInSample', 'Boeking {{target}} zit niet in de steekproef.', { target: input.target }), { field: 'target' });
    }
    if (input.verdict !== 'akkoord' && !input.remark) {
      throw new KassaError('INVALID_INPUT', input.verdict === 'vraag' ? said('err.review.writeQuestion', 'Schrijf de vraag op.') : said('err.review.writeWrong', 'Schrijf op wat er niet klopt.'), { field: 'remark' });
    }
    addRemark(books, r, { kind: input.on, target: input.target, verdict: input.verdict, text: input.remark ?? null, author: input.author ?? firstReviewer(books, r) });
  });
  return (await getReview(books))!;
}

export async function askQuestion(books: Books, input: { text: string; about?: string | undefined; author?: string | undefined }): Promise<Review> {
  books.tx(() => {
    const r = activeRow(books);
    addRemark(books, r, { kind: 'question', target: input.about ?? '', text: input.text, author: input.author ?? firstReviewer(books, r) });
  });
  return (await getReview(books))!;
}

export async function answerQuestion(books: Books, input: { question: number; text: string; author?: string | undefined }): Promise<Review> {
  books.tx(() => {
    const r = activeRow(books);
    const q = books.raw(`SELECT kind, verdict FROM review_remarks WHERE review_id = ? AND seq = ?`).get(r.id, input.question) as { kind: string; verdict: Verdict | null } | undefined;
    if (!q || !(q.kind === 'question' || q.verdict === 'vraag')) throw new KassaError('NOT_FOUND', said('err.review.questionNotFound', 'Vraag {{question}} bestaat niet.', { question: input.question }), { field: 'question' });
    addRemark(books, r, { kind: 'answer', target: String(input.question), text: input.text, author: input.author ?? 'Penningmeester' });
  });
  return (await getReview(books))!;
}

function moneyAccount(books: Books, code: string, kind: 'cash' | 'bank'): void {
  const a = books.raw('SELECT kind FROM accounts WHERE code = ?').get(code) as { kind: string | null } | undefined;
  if (!a) throw new KassaError('UNKNOWN_ACCOUNT', said('err.account.unknown', 'Rekening {{code}} bestaat niet.', { code }), { field: 'account' });
  if (a.kind !== kind) throw new KassaError('INVALID_INPUT', kind === 'cash' ? said('err.review.notCash', 'Rekening {{code}} is geen kas.', { code }) : said('err.review.notBank', 'Rekening {{code}} is geen bankrekening.', { code }), { field: 'account' });
}

export async function recordCashCount(books: Books, input: { account: string; date: string; amount: string; author?: string | undefined }): Promise<Review> {
  books.tx(() => {
    const r = activeRow(books);
    moneyAccount(books, input.account, 'cash');
    const fy = getYear(books, r.year);
    if (input.date < fy.start || input.date > r.review_date) {
      throw new KassaError('INVALID_INPUT', said('err.review.countDate', 'Vul de datum in waarop het geld is geteld: in of na {{year}}, en niet na de dag van de controle.', { year: fy.year }), { field: 'date' });
    }
    const cents = parseAmount(input.amount, 'amount', { allowZero: true });
    addRemark(books, r, { kind: 'cash_count', target: input.account, cents, date: input.date, author: input.author ?? 'Penningmeester' });
  });
  return (await getReview(books))!;
}

export async function recordPaperBalance(books: Books, input: { account: string; amount: string; author?: string | undefined }): Promise<Review> {
  books.tx(() => {
    const r = activeRow(books);
    moneyAccount(books, input.account, 'bank');
    const cents = parseAmount(input.amount, 'amount', { allowZero: true, allowNegative: true });
    addRemark(books, r, { kind: 'paper_balance', target: input.account, cents, date: getYear(books, r.year).end, author: input.author ?? firstReviewer(books, r) });
  });
  return (await getReview(books))!;
}

export async function finishReview(books: Books, input: { conclusion: Conclusion; text?: string | undefined }): Promise<Review> {
  // Calls are serialised per session, so nothing can add a question between this read and the tx.
  const open = questionsOf(remarksOf(books, activeRow(books).id), new Map()).filter((q) => !q.answer);
  const id = books.tx(() => {
    const r = activeRow(books);
    if (open.length > 0) {
      throw new KassaError('INVALID_INPUT', open.length === 1
        ? said('err.review.oneQuestionOpen', 'Er staat nog 1 vraag open voor de penningmeester. Laat die eerst beantwoorden.')
        : said('err.review.questionsOpen', 'Er staan nog {{count}} vragen open voor de penningmeester. Laat die eerst beantwoorden.', { count: open.length }), { field: 'conclusion' });
    }
    books.raw(`UPDATE reviews SET status = 'finished', finished_at = ?, conclusion = ?, conclusion_text = ? WHERE id = ?`).run(nowIso(), input.conclusion, input.text ?? null, r.id);
    recordFact(books, 'review_end', reviewCode(r.year, r.number));
    return r.id;
  });
  return (await getReview(books, id))!;
}

export async function stopReview(books: Books, input: { reason: string }): Promise<Review> {
  const id = books.tx(() => {
    const r = activeRow(books);
    books.raw(`UPDATE reviews SET status = 'stopped', finished_at = ?, conclusion_text = ? WHERE id = ?`).run(nowIso(), input.reason, r.id);
    recordFact(books, 'review_end', reviewCode(r.year, r.number));
    return r.id;
  });
  return (await getReview(books, id))!;
}
