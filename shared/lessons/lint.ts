import { amountToCents } from './checkTask';
import { exerciseTexts, type Lesson } from './parse';
import { findPlaceholders, isPlaceholderKey } from './placeholders';
import { QUIZ_MAX_QUESTIONS, QUIZ_MIN_QUESTIONS } from './quiz';
import { readability, WORDS_PER_MINUTE } from './readability';
import { findHandWrittenScreenLinks } from './screenRefs';
import { FLOORS, SCREEN_IDS } from './schema';

/**
 * Content rules for lessons, as readable problems (an empty list means the lesson is fine). The unit
 * tests run these over every lesson file; a lesson author can run them too.
 */

/** Dutch text at B1: Flesch–Douma at least this… */
export const MIN_FLESCH_DOUMA = 60;
/** …and sentences of at most this many words on average. */
export const MAX_AVG_SENTENCE_LENGTH = 15;
/** Reading time window in minutes at WORDS_PER_MINUTE. */
export const MIN_MINUTES = 3;
export const MAX_MINUTES = 6;

export { WORDS_PER_MINUTE };

export function lintLesson(lesson: Lesson): string[] {
  const problems: string[] = [];
  const where = `${lesson.lang}/${lesson.id}`;
  const stats = readability(lesson.body);

  if (lesson.lang === 'nl') {
    if (stats.fleschDouma < MIN_FLESCH_DOUMA) {
      problems.push(`${where}: Flesch–Douma ${stats.fleschDouma.toFixed(1)} is below ${MIN_FLESCH_DOUMA}`);
    }
    if (stats.averageSentenceLength > MAX_AVG_SENTENCE_LENGTH) {
      problems.push(`${where}: average sentence length ${stats.averageSentenceLength.toFixed(1)} words is above ${MAX_AVG_SENTENCE_LENGTH}`);
    }
  }
  if (stats.minutes < MIN_MINUTES || stats.minutes > MAX_MINUTES) {
    problems.push(`${where}: reading time ${stats.minutes.toFixed(1)} min (${stats.words} words) is outside ${MIN_MINUTES}–${MAX_MINUTES} min`);
  }
  if (Math.abs(lesson.minutes - stats.minutes) > 1) {
    problems.push(`${where}: front matter says ${lesson.minutes} min, the text reads in ${stats.minutes.toFixed(1)} min`);
  }

  const ex = lesson.exercise;
  if (ex.type === 'quiz') {
    if (ex.questions.length < QUIZ_MIN_QUESTIONS || ex.questions.length > QUIZ_MAX_QUESTIONS) {
      problems.push(`${where}: quiz has ${ex.questions.length} questions, expected ${QUIZ_MIN_QUESTIONS}–${QUIZ_MAX_QUESTIONS}`);
    }
    const ids = new Set<string>();
    for (const q of ex.questions) {
      if (ids.has(q.id)) problems.push(`${where}: quiz question id "${q.id}" is used twice`);
      ids.add(q.id);
      const correct = q.options.filter((o) => o.correct === true).length;
      if (correct !== 1) problems.push(`${where}: question "${q.id}" has ${correct} correct options, expected exactly 1`);
      if (q.options.length < 2) problems.push(`${where}: question "${q.id}" has fewer than 2 options`);
    }
  }

  const screens = SCREEN_IDS as readonly string[];
  for (const s of [...lesson.screens, ...lesson.screenLinks, ...(ex.type === 'task' && ex.screen ? [ex.screen] : [])]) {
    if (!screens.includes(s)) problems.push(`${where}: unknown screen id "${s}"`);
  }
  for (const s of findHandWrittenScreenLinks(lesson.body)) {
    problems.push(`${where}: write the link to "${s}" as {{screen:${s}}}, so it shows the menu's own name for the screen`);
  }
  if (!(FLOORS as readonly string[]).includes(lesson.floor)) problems.push(`${where}: unknown floor "${lesson.floor}"`);

  for (const key of findPlaceholders([lesson.body, lesson.title, lesson.summary ?? '', ...exerciseTexts(lesson)].join('\n'))) {
    if (!isPlaceholderKey(key)) problems.push(`${where}: unknown placeholder {{${key}}}`);
  }

  for (const block of lesson.blocks) {
    if (block.type !== 'entry') continue;
    let sum = 0;
    for (const l of block.figure.lines) sum += (amountToCents(l.debit) ?? 0) - (amountToCents(l.credit) ?? 0);
    if (sum !== 0) problems.push(`${where}: entry figure "${block.figure.description}" does not balance`);
  }
  return problems;
}

/** The shape of an exercise without its wording: what must be equal across languages. */
export function exerciseShape(lesson: Lesson): unknown {
  const ex = lesson.exercise;
  if (ex.type === 'task') return { type: 'task', screen: ex.screen ?? null, check: ex.check };
  return {
    type: 'quiz',
    questions: ex.questions.map((q) => ({ id: q.id, options: q.options.length, correct: q.options.map((o) => o.correct === true) })),
  };
}

/** Problems between the language versions of one lesson set (matched by order). */
export function lintLessonSets(sets: Record<string, Lesson[]>, reference = 'nl'): string[] {
  const problems: string[] = [];
  const ref = sets[reference] ?? [];
  const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const [lang, lessons] of Object.entries(sets)) {
    if (lang === reference) continue;
    if (lessons.length !== ref.length) problems.push(`${lang}: ${lessons.length} lessons, ${reference} has ${ref.length}`);
    for (const r of ref) {
      const other = lessons.find((l) => l.id === r.id);
      if (!other) {
        problems.push(`${lang}: lesson "${r.id}" is missing`);
        continue;
      }
      if (other.order !== r.order) problems.push(`${lang}/${r.id}: order ${other.order}, ${reference} has ${r.order}`);
      if (other.floor !== r.floor) problems.push(`${lang}/${r.id}: floor ${other.floor}, ${reference} has ${r.floor}`);
      if (!sameJson(other.screens, r.screens)) problems.push(`${lang}/${r.id}: screens differ from ${reference}`);
      if (!sameJson(exerciseShape(other), exerciseShape(r))) problems.push(`${lang}/${r.id}: exercise differs from ${reference}`);
      const figures = (l: Lesson) => l.blocks.filter((b) => b.type !== 'markdown').length;
      if (figures(other) !== figures(r)) problems.push(`${lang}/${r.id}: ${figures(other)} figures, ${reference} has ${figures(r)}`);
    }
    for (const l of lessons) {
      if (!ref.some((r) => r.id === l.id)) problems.push(`${lang}: lesson "${l.id}" has no ${reference} version`);
    }
  }
  return problems;
}

/** Problems in the learning path of one language: orders 1..N, unique ids, floors in path order. */
export function lintLearningPath(lessons: Lesson[]): string[] {
  const problems: string[] = [];
  const sorted = [...lessons].sort((a, b) => a.order - b.order);
  sorted.forEach((l, i) => {
    if (l.order !== i + 1) problems.push(`${l.lang}/${l.id}: order ${l.order}, expected ${i + 1}`);
    const prev = sorted[i - 1];
    if (prev && FLOORS.indexOf(l.floor) < FLOORS.indexOf(prev.floor)) {
      problems.push(`${l.lang}/${l.id}: floor ${l.floor} comes after ${prev.floor} in the path`);
    }
  });
  const ids = new Set<string>();
  for (const l of lessons) {
    if (ids.has(l.id)) problems.push(`${l.lang}: lesson id "${l.id}" is used twice`);
    ids.add(l.id);
  }
  return problems;
}
