import { z } from 'zod';
import { AccountCode, AmountOrZero, IsoDate, SignedAmount, Year } from './common';
import { method } from './define';
import { FilePath } from './files';
import type { Phrase, Said } from '../phrase';
import { field, fillIn } from './fieldTexts';

/**
 * The kascommissie review (issue 19, DESIGN.md section 11): a read-only mode over one fiscal year
 * in which the committee works through a checklist computed from the books, marks a sample of
 * entries, asks the treasurer questions and ends with a report proposing to discharge the board.
 * Amounts are decimal strings with a dot; dates YYYY-MM-DD.
 */

export const VERDICTS = ['akkoord', 'vraag', 'niet_akkoord'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const CHECKLIST_KEYS = ['bank', 'cash', 'receipts', 'volunteers', 'grants', 'invoices', 'yearEnd', 'history'] as const;
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number];

/** What the app computed: ok, a problem, something a person must look at, or not applicable. */
export type Outcome = 'ok' | 'fail' | 'check' | 'na';

export const CONCLUSIONS = ['discharge', 'discharge_with_remarks', 'no_discharge'] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];

export interface ReviewMark {
  seq: number;
  verdict: Verdict;
  remark: string | null;
  author: string;
  at: string;
}

export interface Evidence {
  label: string;
  value: string;
  /** The label and value as phrases, for the UI language (absent when they are data only, like a name). */
  labelSays?: Phrase[];
  valueSays?: Phrase[];
  /** An entry reference ("BANK 2025-0042") or account code the evidence is about, when there is one. */
  ref?: string;
}

export interface ChecklistItem {
  key: ChecklistKey;
  title: string;
  outcome: Outcome;
  /** One or two Dutch sentences: what the app found. */
  summary: string;
  /** The same as phrases, for the UI language. */
  summarySays?: Phrase[];
  evidence: Evidence[];
  /** The screen where the evidence can be seen in full. */
  screen: string | null;
  mark: ReviewMark | null;
}

export interface SampleLine {
  account: string;
  accountName: string;
  debit: string | null;
  credit: string | null;
  description: string | null;
}

export interface SampleEntry {
  entryId: number;
  ref: string;
  date: string;
  description: string;
  /** The entry's size: the sum of its debit lines. */
  amount: string;
  reason: 'large' | 'random';
  lines: SampleLine[];
  receipt: { name: string } | null;
  mark: ReviewMark | null;
}

export interface Sample {
  year: number;
  seed: number;
  size: number;
  /** Entries of this amount or more are always in the sample. */
  large: string;
  /** Entries the random part was drawn from (posted, not large, not closing). */
  population: number;
  entries: SampleEntry[];
}

export interface ReviewQuestion {
  seq: number;
  /** What it is about: a checklist item's title, an entry reference, or null. */
  about: string | null;
  text: string;
  author: string;
  at: string;
  answer: { seq: number; text: string; author: string; at: string } | null;
}

export interface CashCount {
  seq: number;
  account: string;
  date: string;
  amount: string;
  author: string;
}

export interface ChainHead {
  count: number;
  hash: string;
}

export interface Checklist {
  year: number;
  yearStatus: 'open' | 'closed';
  threshold: string;
  items: ChecklistItem[];
  head: ChainHead | null;
}

export interface Review {
  id: number;
  /** "KC 2025-1": the year and the number of the review of that year. */
  code: string;
  year: number;
  status: 'active' | 'finished' | 'stopped';
  reviewDate: string;
  startedAt: string;
  finishedAt: string | null;
  reviewers: string[];
  threshold: string;
  conclusion: Conclusion | null;
  conclusionText: string | null;
  checklist: Checklist;
  sample: Sample;
  questions: ReviewQuestion[];
  cashCounts: CashCount[];
  paperBalances: { seq: number; account: string; amount: string; author: string }[];
}

export interface ReviewSummary {
  id: number;
  code: string;
  year: number;
  status: Review['status'];
  reviewDate: string;
  reviewers: string[];
  conclusion: Conclusion | null;
}

const Name = z.string().trim().min(1, { message: 'Vul een naam in.' }).max(100, { message: 'De naam is te lang (hoogstens 100 tekens).' });
const Text = (what: Said) => z.string().trim().min(1, { message: fillIn(what) }).max(2000, { message: 'De tekst is te lang (hoogstens 2000 tekens).' });
const Seed = z.number({ error: 'Het startgetal is een heel getal.' }).int({ message: 'Het startgetal is een heel getal.' }).min(0, { message: 'Het startgetal is 0 of meer.' }).max(4294967295, { message: 'Het startgetal is te groot.' });
const SampleSize = z.number({ error: 'Vul het aantal in.' }).int({ message: 'Het aantal is een heel getal.' }).min(0, { message: 'Het aantal is 0 of meer.' }).max(500, { message: 'Kies hoogstens 500 boekingen.' });

export const reviewMethods = {
  /** The checklist as computed from the books, without starting a review (CLI, preview). */
  'review.checklist': method<Checklist>()(z.object({ year: Year, threshold: AmountOrZero.optional() })),
  /** The sample as drawn from a seed, without starting a review (CLI, "draw it again"). */
  'review.sample': method<Sample>()(z.object({ year: Year, size: SampleSize.optional(), seed: Seed })),
  'review.list': method<ReviewSummary[]>()(z.object({})),
  /** The active review, or the given one. null when there is none. */
  'review.get': method<Review | null>()(z.object({ id: z.number().int().positive().optional() })),
  'review.start': method<Review>()(
    z.object({
      year: Year,
      reviewDate: IsoDate,
      reviewers: z.array(Name).min(1, { message: 'Vul minstens één naam in.' }).max(4, { message: 'Hoogstens vier leden.' }),
      threshold: AmountOrZero.optional(),
      sampleSize: SampleSize.optional(),
      seed: Seed.optional(),
    }),
  ),
  'review.mark': method<Review>()(
    z.object({
      on: z.enum(['checklist', 'sample'], { error: 'Kies een punt van de lijst of een boeking.' }),
      target: z.string().trim().min(1).max(100),
      verdict: z.enum(VERDICTS, { error: 'Kies akkoord, vraag of niet akkoord.' }),
      remark: z.string().trim().max(2000, { message: 'De opmerking is te lang (hoogstens 2000 tekens).' }).optional(),
      author: Name.optional(),
    }),
  ),
  'review.ask': method<Review>()(z.object({ text: Text(field.question), about: z.string().trim().max(100).optional(), author: Name.optional() })),
  'review.answer': method<Review>()(z.object({ question: z.number().int().positive(), text: Text(field.answer), author: Name.optional() })),
  'review.cashCount': method<Review>()(z.object({ account: AccountCode, date: IsoDate, amount: AmountOrZero, author: Name.optional() })),
  'review.paperBalance': method<Review>()(z.object({ account: AccountCode, amount: SignedAmount, author: Name.optional() })),
  'review.finish': method<Review>()(
    z.object({
      conclusion: z.enum(CONCLUSIONS, { error: 'Kies een conclusie.' }),
      text: z.string().trim().max(4000, { message: 'De tekst is te lang (hoogstens 4000 tekens).' }).optional(),
    }),
  ),
  'review.stop': method<Review>()(z.object({ reason: Text(field.stopReason) })),
  'review.reportPdf': method<{ path: string; bytes: number; pages: number }>()(z.object({ id: z.number().int().positive().optional(), path: FilePath })),
} as const;

export type ReviewMethodName = keyof typeof reviewMethods;
