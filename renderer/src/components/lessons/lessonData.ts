/**
 * The lessons as the renderer sees them: every lesson file bundled by Vite, parsed once, with the
 * dated facts (volunteer-fee limits) filled in from the same shared rules the app enforces.
 */
import {
  FLOORS,
  fillLessonPlaceholders,
  parseLessonModules,
  type Floor,
  type Lang,
  type Lesson,
} from '../../../../shared/lessons';
import i18n from '../../i18n';
import { placeholderValues } from './lessonIndex';

const modules = import.meta.glob('../../../lessons/*/*.md', { query: '?raw', import: 'default', eager: true });

let cache: Record<Lang, Lesson[]> | null = null;

/**
 * The menu label of a screen in a language: the very key the menu shows (`nav.<id>`). Read when the
 * lessons are first needed, i.e. while rendering, after every feature has registered its texts.
 */
function screenLabel(lang: Lang): (id: string) => string {
  const t = i18n.getFixedT(lang);
  return (id) => t(`nav.${id}`);
}

/**
 * All lessons per language, sorted by order, placeholders filled for the current year and every
 * {{screen:<id>}} turned into the menu's name for that screen.
 */
export function allLessons(): Record<Lang, Lesson[]> {
  if (cache) return cache;
  const parsed = parseLessonModules(modules);
  const values = placeholderValues(new Date().getFullYear());
  cache = {
    nl: parsed.nl.map((l) => fillLessonPlaceholders(l, values, screenLabel('nl'))),
    en: parsed.en.map((l) => fillLessonPlaceholders(l, values, screenLabel('en'))),
  };
  return cache;
}

export function lessonLang(language: string): Lang {
  return language === 'en' ? 'en' : 'nl';
}

/** Lessons in the reader's language; a lesson missing in that language falls back to Dutch. */
export function lessonsFor(language: string): Lesson[] {
  const all = allLessons();
  const lang = lessonLang(language);
  if (lang === 'nl') return all.nl;
  const own = new Map(all[lang].map((l) => [l.id, l]));
  return all.nl.map((l) => own.get(l.id) ?? l);
}

export function lessonById(id: string, language: string): Lesson | undefined {
  return lessonsFor(language).find((l) => l.id === id);
}

export function lessonsByFloor(language: string): { floor: Floor; lessons: Lesson[] }[] {
  const list = lessonsFor(language);
  return FLOORS.map((floor) => ({ floor, lessons: list.filter((l) => l.floor === floor) }));
}

export { FLOORS };
export type { Floor, Lesson };
