/**
 * What the shell knows of the lessons without loading them: id, order and title per language
 * (built by renderer/lessonIndexPlugin.ts from the lesson files), and the year's placeholder values.
 * The "?" button and the first-time tips use this; the lessons themselves (Markdown, YAML and
 * their parser) are in the lesson chunks (lessonData.ts).
 */
import index from 'virtual:lesson-index';
import { fillPlaceholders, type PlaceholderKey } from '../../../../shared/lessons/placeholders';
import { fillScreenRefs } from '../../../../shared/lessons/screenRefs';
import { formatEuro } from '../../../../shared/moneyText';
import { applicableYear, BUILT_IN_VOLUNTEER_LIMITS } from '../../../../shared/rules/volunteerLimitsData';
import i18n from '../../i18n';
import { helpFor } from './screenHelp';

export interface LessonHeading {
  id: string;
  order: number;
  title: string;
}

/**
 * Placeholder values for a calendar year, formatted for the reader ("€ 220", "21"): the built-in
 * limits, picked like shared/rules/volunteerLimits.ts limitsForYear does without overrides.
 */
export function placeholderValues(year: number): Record<PlaceholderKey, string> {
  const used = applicableYear(year, BUILT_IN_VOLUNTEER_LIMITS.map((r) => r.year));
  const limits = BUILT_IN_VOLUNTEER_LIMITS.find((r) => r.year === used)!;
  return {
    'limit.year': String(limits.year),
    'limit.perHourAdult': formatEuro(limits.perHourAdultCents),
    'limit.perHourYoung': formatEuro(limits.perHourYoungCents),
    'limit.ageThreshold': String(limits.ageThreshold),
    'limit.perMonth': formatEuro(limits.perMonthCents),
    'limit.perYear': formatEuro(limits.perYearCents),
  };
}

/** The lesson about a screen (screenHelp.ts) in the reader's language, Dutch when it has none. */
export function lessonHeadingForScreen(screen: string, language: string): LessonHeading | undefined {
  const id = helpFor(screen).lesson;
  if (id === null) return undefined;
  const lang = language === 'en' ? 'en' : 'nl';
  const found = index[lang].find((l) => l.id === id) ?? index.nl.find((l) => l.id === id);
  if (!found) return undefined;
  const t = i18n.getFixedT(lang);
  const title = fillScreenRefs(fillPlaceholders(found.title, placeholderValues(new Date().getFullYear())), (s) => t(`nav.${s}`));
  return { ...found, title };
}
