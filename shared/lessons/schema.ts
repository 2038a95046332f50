import { z } from 'zod';

/**
 * Front matter of a lesson (the YAML between the two `---` lines at the top of a lesson file).
 *
 * ```yaml
 * id: bank-statement          # kebab-case, the same in every language; the file is NN-<id>.md
 * title: Een bankafschrift boeken
 * order: 5                    # position in the learning path, 1..N without gaps; NN in the file name
 * minutes: 4                  # reading time shown to the user: body words / 150, rounded up
 *                             # (lintLesson allows 1 minute of difference with the measured text)
 * floor: begane-grond         # kelder | begane-grond | eerste-verdieping (floors of the learning path)
 * screens: [bank-import, money-out]   # related app screens, see SCREEN_IDS
 * summary: One line for the lesson list (optional).
 * exercise: ...               # see below
 * ```
 *
 * The exercise lives in the front matter under `exercise:` (one file per lesson and language, so the
 * text and its exercise are translated together). Two kinds:
 *
 * ```yaml
 * exercise:                   # a quiz: 3–5 questions, each with 2+ options, exactly one correct
 *   type: quiz
 *   questions:
 *     - id: q1
 *       question: Hoe lang bewaart u bonnetjes?
 *       options:
 *         - text: 7 jaar
 *           correct: true
 *           feedback: Goed. ...
 *         - text: 1 jaar
 *           feedback: Nee. ...
 * ```
 *
 * ```yaml
 * exercise:                   # a practice task, done in the practice administration and checked by
 *   type: task                # the app with checkTask() (see checkTask.ts) on the entries posted
 *   screen: money-out         # since the task was opened
 *   instructions: Boek het bonnetje van ...
 *   hint: Kijk in het rekeningschema ... (optional)
 *   check: { kind: entryExists, account: '4300', amount: '23.95', side: debit, counterAccount: '1000' }
 * ```
 *
 * The structural rules that a lesson author can get wrong (exactly one correct option, 3–5
 * questions, …) are checked by lintLesson() with a readable message rather than here, so a broken
 * lesson still parses and the lint can say precisely what is wrong.
 */

/**
 * Screen ids the UI routes (all of them menu items); lessons may only refer to these, in `screens:`
 * and as `{{screen:<id>}}` in the text. Every one has a first-time tip (lessons.hint.<id>).
 */
export const SCREEN_IDS = [
  'dashboard',
  'money-in',
  'money-out',
  'transfer',
  'journal',
  'manual-entry',
  'ledger',
  'trial-balance',
  'accounts',
  'bank-import',
  'bank-inbox',
  'bank-reconcile',
  'bank-rules',
  'invoices',
  'purchases',
  'customers',
  'suppliers',
  'open-items',
  'invoice-settings',
  'volunteers',
  'volunteer-pay',
  'volunteer-overview',
  'volunteer-payout',
  'volunteer-statements',
  'volunteer-limits',
  'grants',
  'budget',
  'coverage',
  'statements',
  'cash-flow',
  'anbi',
  'year-end',
  'allocation',
  'settings',
  'backups',
  'review',
] as const;
export type ScreenId = (typeof SCREEN_IDS)[number];

/** Floors of the learning path (a house: basement, ground floor, first floor), in path order. */
export const FLOORS = ['kelder', 'begane-grond', 'eerste-verdieping'] as const;
export type Floor = (typeof FLOORS)[number];

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Account code as in the chart (DESIGN.md section 6): 4 digits. */
const accountCode = z.string().regex(/^\d{4}$/, 'een rekeningcode van 4 cijfers, bijvoorbeeld "4610"');
/** Money as the API carries it: a positive decimal string with a dot and at most 2 decimals. */
export const amountString = z
  .string()
  .regex(/^(0|[1-9]\d{0,12})(\.\d{1,2})?$/, 'een bedrag met een punt, bijvoorbeeld "3.50"');

export const quizOptionSchema = z.object({
  text: z.string().min(1),
  correct: z.boolean().optional(),
  feedback: z.string().min(1),
});

export const quizQuestionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  question: z.string().min(1),
  options: z.array(quizOptionSchema).min(2),
});

export const quizExerciseSchema = z.object({
  type: z.literal('quiz'),
  intro: z.string().optional(),
  questions: z.array(quizQuestionSchema).min(1),
});

/**
 * A declarative check the app runs against the practice administration.
 * entryExists: one posted entry in which `account` moves `amount` on `side`, and `counterAccount`
 * (when given) moves at least that amount on the other side.
 */
export const entryExistsCheckSchema = z.object({
  kind: z.literal('entryExists'),
  account: accountCode,
  amount: amountString,
  side: z.enum(['debit', 'credit']),
  counterAccount: accountCode.optional(),
});

export const taskCheckSchema = z.discriminatedUnion('kind', [entryExistsCheckSchema]);

export const taskExerciseSchema = z.object({
  type: z.literal('task'),
  screen: z.enum(SCREEN_IDS).optional(),
  instructions: z.string().min(1),
  hint: z.string().optional(),
  check: taskCheckSchema,
});

export const exerciseSchema = z.discriminatedUnion('type', [quizExerciseSchema, taskExerciseSchema]);

export const frontMatterSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case, bijvoorbeeld "bank-statement"'),
  title: z.string().min(1),
  order: z.number().int().min(1),
  minutes: z.number().int().min(1).max(30),
  floor: z.enum(FLOORS),
  screens: z.array(z.enum(SCREEN_IDS)).min(1),
  summary: z.string().optional(),
  exercise: exerciseSchema,
});

export type QuizOption = z.infer<typeof quizOptionSchema>;
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;
export type QuizExercise = z.infer<typeof quizExerciseSchema>;
export type TaskCheck = z.infer<typeof taskCheckSchema>;
export type EntryExistsCheck = z.infer<typeof entryExistsCheckSchema>;
export type TaskExercise = z.infer<typeof taskExerciseSchema>;
export type Exercise = z.infer<typeof exerciseSchema>;
export type LessonFrontMatter = z.infer<typeof frontMatterSchema>;

// ---- figure blocks (fenced code blocks with a YAML body; see parse.ts) ----

const figureLine = z.object({
  text: z.string().min(1),
  amount: amountString,
});

/** ```t-account: one ledger account drawn as a T, debit lines left and credit lines right. */
export const tAccountFigureSchema = z.object({
  account: accountCode,
  name: z.string().min(1),
  debit: z.array(figureLine).default([]),
  credit: z.array(figureLine).default([]),
});

const entryFigureLine = z
  .object({
    account: accountCode,
    name: z.string().optional(),
    debit: amountString.optional(),
    credit: amountString.optional(),
  })
  .refine((l) => (l.debit === undefined) !== (l.credit === undefined), 'elke regel heeft óf debit óf credit');

/** ```entry: one journal entry (boeking) as the app would show it. */
export const entryFigureSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  description: z.string().min(1),
  lines: z.array(entryFigureLine).min(2),
});

export type TAccountFigure = z.infer<typeof tAccountFigureSchema>;
export type EntryFigure = z.infer<typeof entryFigureSchema>;
