import i18n from './i18n';
import en from '../../shared/i18n/errors/en.json';
import nl from '../../shared/i18n/errors/nl.json';
import { capital, type Phrase, type Said } from '../../shared/phrase';

// The service errors' texts (shared/phrase.ts said()): their own bundle, beside the server.* texts.
i18n.addResourceBundle('nl', 'translation', nl, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
// "{{what, capital}}" (shared/phrase.ts capital): a field's name said in lower case, starting a sentence.
i18n.services.formatter?.add('capital', (value: unknown) => (typeof value === 'string' ? capital(value) : String(value)));

/**
 * The schemas' own texts (shared/api/*.ts, zod) carry no phrases: they are fixed texts, so they are
 * found by their Dutch words (tests/unit/errorPhrases.test.ts keeps the list complete).
 */
const schemaTexts = new Map<string, Phrase[]>(Object.entries(nl.server.err.zod).map(([key, dutch]) => [dutch, [{ key: `err.zod.${key}` }] as Phrase[]]));

const isPhrase = (v: unknown): v is Phrase => typeof v === 'object' && v !== null && typeof (v as Phrase).key === 'string';

/** A phrase whose key (and the keys of the phrases in its values) the UI language knows. */
function known(p: Phrase): boolean {
  const values = Object.values(p.params ?? {});
  const flat = Object.fromEntries(Object.entries(p.params ?? {}).map(([k, v]) => [k, isPhrase(v) ? '' : v]));
  return i18n.exists(`server.${p.key}`, flat) && values.every((v) => !isPhrase(v) || known(v));
}

/** A month number in a phrase becomes the month's name in the UI language; a phrase in a value its text. */
function localParams(params: Phrase['params']): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) out[k] = isPhrase(v) ? i18n.t(`server.${v.key}`, localParams(v.params)) : v;
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
  const says = said.says && said.says.length > 0 ? said.says : schemaTexts.get(said.message);
  if (i18n.language === 'nl' || !says || says.length === 0) return said.message;
  // exists() with the params, so a key that only has plural forms (…_one/…_other) is found by its count.
  if (!says.every(known)) return said.message;
  return says.map((p) => i18n.t(`server.${p.key}`, localParams(p.params))).join(' ');
}

/** The phrases in an error's details (KassaError `details.says`), when they are well formed. */
export function phrasesOf(details: Record<string, unknown> | undefined): Phrase[] | undefined {
  const says = details?.says;
  if (!Array.isArray(says)) return undefined;
  return says.every((p) => typeof p === 'object' && p !== null && typeof (p as Phrase).key === 'string') ? (says as Phrase[]) : undefined;
}
