import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLesson, type Lesson } from './parse';
import { LANGS, type Lang } from './schema';

/**
 * Node-only helper (tests, CLI): read every `<dir>/<lang>/NN-<id>.md`. The renderer must not import
 * this file; it uses import.meta.glob + parseLessonModules instead.
 */

/** The default lesson folder, relative to the repository root. */
export const LESSONS_DIR = join(__dirname, '..', '..', 'renderer', 'lessons');

export interface LessonFile {
  lang: Lang;
  file: string;
  lesson: Lesson;
}

export function loadLessonFiles(dir: string = LESSONS_DIR): LessonFile[] {
  const out: LessonFile[] = [];
  for (const lang of LANGS) {
    let files: string[];
    try {
      files = readdirSync(join(dir, lang));
    } catch {
      continue;
    }
    for (const file of files.filter((f) => f.endsWith('.md')).sort()) {
      const path = join(dir, lang, file);
      out.push({ lang, file, lesson: parseLesson(readFileSync(path, 'utf8'), lang, path) });
    }
  }
  return out;
}

/** Lessons per language, sorted by order. */
export function loadLessonsFromDir(dir: string = LESSONS_DIR): Record<Lang, Lesson[]> {
  const out: Record<Lang, Lesson[]> = { nl: [], en: [] };
  for (const f of loadLessonFiles(dir)) out[f.lang].push(f.lesson);
  for (const lang of LANGS) out[lang].sort((a, b) => a.order - b.order);
  return out;
}
