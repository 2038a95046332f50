/**
 * A sentence the server says, in a form the renderer can translate: a stable key and its values.
 * The server writes its text in Dutch (the CLI's and the books' language) and attaches the same
 * text as phrases; a renderer in another language shows `t('server.<key>', params)` per phrase and
 * falls back to the Dutch text when it does not know a key. Amounts and dates in `params` are
 * already formatted (the UI shows nl-NL numbers in every language); a `month` is its number 1–12.
 */
export interface Phrase {
  key: string;
  params?: Record<string, string | number>;
}

/** A server text with its phrases (for results that carry texts, like checks and signals). */
export interface Said {
  message: string;
  says?: Phrase[];
}

export const phrase = (key: string, params?: Phrase['params']): Phrase => (params ? { key, params } : { key });

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
