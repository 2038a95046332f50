import i18n from './i18n';
import type { Phrase, Said } from '../../shared/phrase';

/** A month number in a phrase becomes the month's name in the UI language. */
function localParams(params: Phrase['params']): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  for (const key of ['month', 'otherMonth']) {
    const n = out[key];
    if (typeof n !== 'number') continue;
    const months = i18n.t('volunteers.monthLong', { returnObjects: true }) as unknown;
    if (Array.isArray(months) && typeof months[n - 1] === 'string') out[key] = months[n - 1] as string;
  }
  return out;
}

/**
 * The text of something the server said (check results, signals, errors), in the UI language.
 * Dutch shows the server's own text; another language builds it from the phrases, or falls back
 * to the Dutch text when a phrase is missing or its key unknown (never half of each).
 */
export function serverText(said: Said): string {
  const says = said.says;
  if (i18n.language === 'nl' || !says || says.length === 0) return said.message;
  // exists() with the params, so a key that only has plural forms (…_one/…_other) is found by its count.
  if (!says.every((p) => i18n.exists(`server.${p.key}`, p.params))) return said.message;
  return says.map((p) => i18n.t(`server.${p.key}`, localParams(p.params))).join(' ');
}

/** The phrases in an error's details (KassaError `details.says`), when they are well formed. */
export function phrasesOf(details: Record<string, unknown> | undefined): Phrase[] | undefined {
  const says = details?.says;
  if (!Array.isArray(says)) return undefined;
  return says.every((p) => typeof p === 'object' && p !== null && typeof (p as Phrase).key === 'string') ? (says as Phrase[]) : undefined;
}
