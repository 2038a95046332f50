import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { fillPlaceholders } from './placeholders';
import { fillScreenRefs, findHandWrittenScreenLinks, findScreenRefs, linkScreenRefs, type ScreenLabel } from './screenRefs';
import {
  entryFigureSchema,
  frontMatterSchema,
  LANGS,
  tAccountFigureSchema,
  type EntryFigure,
  type Lang,
  type LessonFrontMatter,
  type TAccountFigure,
} from './schema';

/**
 * Parsing a lesson file. Pure: no file system, so the same code runs in the renderer (files come
 * from Vite's `import.meta.glob('../lessons/*\/*.md', { query: '?raw', import: 'default', eager: true })`
 * and go through parseLessonModules) and in Node tests (see node.ts).
 *
 * A lesson file is Markdown with YAML front matter (fields: see schema.ts):
 *
 *     ---
 *     id: bank-statement
 *     ...
 *     ---
 *     # Title
 *     Text in Markdown: headings, paragraphs, lists, **bold**, > quotes, simple tables.
 *
 * App screens are named only as `{{screen:bank-import}}`: the renderer puts in the menu label of
 * that screen, as a link (see screenRefs.ts). Ids must be in SCREEN_IDS.
 *
 * Figures drawn by app components are fenced code blocks whose info string names the component and
 * whose body is YAML. They are cut out of the Markdown into their own blocks (see LessonBlock):
 *
 *     ```t-account
 *     account: '1100'              # 4-digit code
 *     name: Bank betaalrekening    # shown above the T
 *     debit:                       # left side: money coming in to this account
 *       - { text: Gift van een buurvrouw, amount: '50.00' }
 *     credit:                      # right side: money going out of this account
 *       - { text: Huur buurthuis, amount: '35.00' }
 *     ```
 *
 *     ```entry
 *     date: '2025-03-04'           # optional
 *     description: Bankkosten maart
 *     lines:                       # 2+ lines, each with either debit or credit; debits = credits
 *       - { account: '4610', name: Bankkosten, debit: '3.50' }
 *       - { account: '1100', name: Bank betaalrekening, credit: '3.50' }
 *     ```
 *
 * Amounts are decimal strings with a dot, as in the API; the component formats them in Dutch.
 * Any other fenced block stays part of the Markdown.
 */

export type LessonBlock =
  | { type: 'markdown'; markdown: string }
  | { type: 't-account'; figure: TAccountFigure }
  | { type: 'entry'; figure: EntryFigure };

export interface Lesson extends LessonFrontMatter {
  lang: Lang;
  /** Markdown body as written (front matter removed, figures still in place). */
  body: string;
  /** The body cut into Markdown parts and figures, in reading order. */
  blocks: LessonBlock[];
  /** Screen ids the reader's text refers to: `{{screen:<id>}}` anywhere, and hand-written `screen:` links. */
  screenLinks: string[];
  /** Where the lesson came from (file path), for error messages. */
  source?: string;
}

export class LessonParseError extends Error {
  constructor(
    message: string,
    readonly source?: string,
  ) {
    super(source ? `${source}: ${message}` : message);
    this.name = 'LessonParseError';
  }
}

/** Split `---\nyaml\n---\nbody` into its two parts. */
export function splitFrontMatter(raw: string, source?: string): { frontMatter: string; body: string } {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!m) throw new LessonParseError('the file must start with YAML front matter between two "---" lines', source);
  return { frontMatter: m[1] ?? '', body: text.slice(m[0].length) };
}

const FIGURE_SCHEMAS = {
  't-account': tAccountFigureSchema,
  entry: entryFigureSchema,
} as const;
type FigureKind = keyof typeof FIGURE_SCHEMAS;

function isFigureKind(s: string): s is FigureKind {
  return Object.prototype.hasOwnProperty.call(FIGURE_SCHEMAS, s);
}

/** Cut the body into Markdown parts and figure blocks. */
export function splitBlocks(body: string, source?: string): LessonBlock[] {
  const blocks: LessonBlock[] = [];
  const lines = body.split('\n');
  let markdown: string[] = [];
  const pushMarkdown = () => {
    const md = markdown.join('\n').trim();
    if (md !== '') blocks.push({ type: 'markdown', markdown: md });
    markdown = [];
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const open = /^(`{3,}|~{3,})\s*([A-Za-z0-9_-]*)\s*$/.exec(line);
    if (!open) {
      markdown.push(line);
      continue;
    }
    const fence = open[1] ?? '```';
    const kind = open[2] ?? '';
    let end = i + 1;
    while (end < lines.length && (lines[end] ?? '').trim() !== fence) end += 1;
    if (end >= lines.length) throw new LessonParseError(`fenced block "${kind}" opened on line ${i + 1} is never closed`, source);
    if (!isFigureKind(kind)) {
      markdown.push(...lines.slice(i, end + 1));
      i = end;
      continue;
    }
    pushMarkdown();
    let data: unknown;
    try {
      data = parseYaml(lines.slice(i + 1, end).join('\n'));
    } catch (e) {
      throw new LessonParseError(`figure "${kind}" on line ${i + 1}: invalid YAML (${(e as Error).message})`, source);
    }
    const parsed = FIGURE_SCHEMAS[kind].safeParse(data);
    if (!parsed.success) {
      throw new LessonParseError(`figure "${kind}" on line ${i + 1}: ${z.prettifyError(parsed.error)}`, source);
    }
    if (kind === 't-account') blocks.push({ type: 't-account', figure: parsed.data as TAccountFigure });
    else blocks.push({ type: 'entry', figure: parsed.data as EntryFigure });
    i = end;
  }
  pushMarkdown();
  return blocks;
}

/** Parse one lesson file. Throws LessonParseError with the reason when the file is malformed. */
export function parseLesson(raw: string, lang: Lang, source?: string): Lesson {
  const { frontMatter, body } = splitFrontMatter(raw, source);
  let data: unknown;
  try {
    data = parseYaml(frontMatter);
  } catch (e) {
    throw new LessonParseError(`invalid YAML in front matter (${(e as Error).message})`, source);
  }
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) throw new LessonParseError(`invalid front matter:\n${z.prettifyError(parsed.error)}`, source);
  const texts = [parsed.data.title, parsed.data.summary ?? '', body, ...exerciseTexts(parsed.data)].join('\n');
  const screenLinks = [...new Set([...findScreenRefs(texts), ...findHandWrittenScreenLinks(body)])];
  const lesson: Lesson = {
    ...parsed.data,
    lang,
    body: body.trim(),
    blocks: splitBlocks(body, source),
    screenLinks,
  };
  if (source !== undefined) lesson.source = source;
  return lesson;
}

/** Language and file name from a path like `../lessons/nl/05-bank-statement.md`. */
export function lessonPathInfo(path: string): { lang: Lang; file: string } | null {
  const m = /(?:^|[\\/])([a-z]{2})[\\/]([^\\/]+\.md)$/.exec(path);
  if (!m) return null;
  const lang = m[1] as Lang;
  if (!(LANGS as readonly string[]).includes(lang)) return null;
  return { lang, file: m[2] ?? '' };
}

/**
 * Parse the result of Vite's eager `import.meta.glob` (values are the raw text, or a module with the
 * text as default export) into lessons per language, sorted by order.
 */
export function parseLessonModules(modules: Record<string, unknown>): Record<Lang, Lesson[]> {
  const out: Record<Lang, Lesson[]> = { nl: [], en: [] };
  for (const [path, mod] of Object.entries(modules)) {
    const info = lessonPathInfo(path);
    if (!info) continue;
    const raw = typeof mod === 'string' ? mod : (mod as { default?: unknown } | null)?.default;
    if (typeof raw !== 'string') throw new LessonParseError('expected the raw file text (use ?raw)', path);
    out[info.lang].push(parseLesson(raw, info.lang, path));
  }
  for (const lang of LANGS) out[lang].sort((a, b) => a.order - b.order);
  return out;
}

/** All text of the exercise a reader sees (for placeholder checks). */
export function exerciseTexts(lesson: Pick<Lesson, 'exercise'>): string[] {
  const ex = lesson.exercise;
  if (ex.type === 'task') return [ex.instructions, ex.hint ?? ''];
  return [ex.intro ?? '', ...ex.questions.flatMap((q) => [q.question, ...q.options.flatMap((o) => [o.text, o.feedback])])];
}

/**
 * The lesson with every placeholder filled in, in all texts a reader sees: title, summary, body,
 * Markdown blocks and the exercise. Use this in the renderer rather than filling the body alone.
 * With `screenLabel`, every `{{screen:<id>}}` becomes that screen's menu label: a link in the
 * Markdown, plain text elsewhere. Without it the references stay as written.
 */
export function fillLessonPlaceholders(lesson: Lesson, values: Record<string, string>, screenLabel?: ScreenLabel): Lesson {
  const f = (text: string) => {
    const filled = fillPlaceholders(text, values);
    return screenLabel ? fillScreenRefs(filled, screenLabel) : filled;
  };
  const md = (markdown: string) => {
    const filled = fillPlaceholders(markdown, values);
    return screenLabel ? linkScreenRefs(filled, screenLabel) : filled;
  };
  const ex = lesson.exercise;
  const exercise: Lesson['exercise'] =
    ex.type === 'task'
      ? { ...ex, instructions: f(ex.instructions), ...(ex.hint !== undefined ? { hint: f(ex.hint) } : {}) }
      : {
          ...ex,
          ...(ex.intro !== undefined ? { intro: f(ex.intro) } : {}),
          questions: ex.questions.map((q) => ({
            ...q,
            question: f(q.question),
            options: q.options.map((o) => ({ ...o, text: f(o.text), feedback: f(o.feedback) })),
          })),
        };
  return {
    ...lesson,
    title: f(lesson.title),
    ...(lesson.summary !== undefined ? { summary: f(lesson.summary) } : {}),
    body: md(lesson.body),
    blocks: lesson.blocks.map((b) => (b.type === 'markdown' ? { type: 'markdown', markdown: md(b.markdown) } : b)),
    exercise,
  };
}
