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
  type PlaceholderKey,
} from '../../../../shared/lessons';
import { formatEuro } from '../../../../shared/money';
import { limitsForYear } from '../../../../shared/rules/volunteerLimits';
import i18n from '../../i18n';
import { helpFor } from './screenHelp';

const modules = import.meta.glob('../../../lessons/*/*.md', { query: '?raw', import: 'default', eager: true });

/** Placeholder values for a calendar year, formatted for the reader ("€ 220", "21"). */
export function placeholderValues(year: number): Record<PlaceholderKey, string> {
  const { limits } = limitsForYear(year);
  return {
    'limit.year': String(limits.year),
    'limit.perHourAdult': formatEuro(limits.perHourAdultCents),
    'limit.perHourYoung': formatEuro(limits.perHourYoungCents),
    'limit.ageThreshold': String(limits.ageThreshold),
    'limit.perMonth': formatEuro(limits.perMonthCents),
    'limit.perYear': formatEuro(limits.perYearCents),
  };
}

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

/** The lesson the tip and the "?" of this screen open (see screenHelp.ts), if any. */
export function lessonForScreen(screen: string, language: string): Lesson | undefined {
  const id = helpFor(screen).lesson;
  return id === null ? undefined : lessonById(id, language);
}

export { FLOORS };
export type { Floor, Lesson };
