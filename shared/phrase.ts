/**
 * A sentence the server says, in a form the renderer can translate: a stable key and its values.
 * The server writes its text in Dutch (the CLI's and the books' language) and attaches the same
 * text as phrases; a renderer in another language shows `t('server.<key>', params)` per phrase and
 * falls back to the Dutch text when it does not know a key. Amounts and dates in `params` are
 * already formatted (the UI shows nl-NL numbers in every language); a `month` is its number 1–12.
 */
export interface Phrase {
  key: string;
  /** A value may itself be a phrase (a part said in the UI language too, like "the line of 3 March"). */
  params?: Record<string, PhraseValue>;
}

export type PhraseValue = string | number | Phrase;

/** A server text with its phrases (for results that carry texts, like checks and signals). */
export interface Said {
  message: string;
  says?: Phrase[];
}

export const phrase = (key: string, params?: Phrase['params']): Phrase => (params ? { key, params } : { key });

/** A value for said(): plain, or a part that is said itself (its Dutch goes in the text, its phrase in the params). */
export type SaidValue = string | number | null | undefined | Said;

/**
 * "{{what, capital}}": the value with its first letter in upper case, for a sentence that starts
 * with a part said in lower case elsewhere ("de straat" -> "De straat is te lang"). The renderer's
 * i18next has the same format (renderer/src/serverText.ts).
 */
export const capital = (text: string): string => (text ? `${text[0]!.toUpperCase()}${text.slice(1)}` : text);

const isSaid = (v: SaidValue): v is Said => typeof v === 'object' && v !== null;

/**
 * One Dutch text and its phrase from one template, so the two cannot drift apart: `{{name}}` in the
 * Dutch is filled from `params`, and the renderer's `server.<key>` text uses the same names. The
 * key's Dutch template is also in the renderer's errors bundle (tests/unit/errorPhrases.test.ts
 * checks they are equal), the English beside it.
 */
/** Texts said one after the other; phrases only when every part has them (never half of each). */
export function joinSaid(...parts: Said[]): Said {
  const message = parts.map((p) => p.message).join(' ');
  if (!parts.every((p) => p.says && p.says.length > 0)) return { message };
  return { message, says: parts.flatMap((p) => p.says ?? []) };
}

export function said(key: string, dutch: string, params?: Record<string, SaidValue>): Said {
  if (!params) return { message: dutch, says: [phrase(key)] };
  const message = dutch.replace(/\{\{(\w+)(?:, *(capital))?\}\}/g, (whole, name: string, format: string | undefined) => {
    if (!(name in params)) return whole;
    const v = params[name];
    // null and undefined print as a template literal would, so the Dutch text stays what it was.
    const text = isSaid(v) ? v.message : String(v);
    return format === 'capital' ? capital(text) : text;
  });
  const values: Record<string, PhraseValue> = {};
  for (const [name, v] of Object.entries(params)) {
    // A part said in one phrase travels as that phrase; a longer one only as its Dutch text.
    values[name] = isSaid(v) ? (v.says?.length === 1 ? v.says[0]! : v.message) : v === null || v === undefined ? String(v) : v;
  }
  return { message, says: [phrase(key, values)] };
}

/**
 * Builds a Dutch text and its phrases side by side, one sentence (or group of sentences) at a time,
 * so the two can never list different parts.
 */
export class Sentences {
  private readonly nl: string[] = [];
  private readonly phrases: Phrase[] = [];

  add(dutch: string, key: string, params?: Phrase['params']): this {
    this.nl.push(dutch);
    this.phrases.push(phrase(key, params));
    return this;
  }

  said(): Said {
    return { message: this.nl.join(' '), says: [...this.phrases] };
  }
}
