import type { Language } from '../../shared/api/app';
import type { Phrase } from '../../shared/phrase';
import en from '../../shared/i18n/errors/en.json';

/**
 * A said text (shared/phrase.ts) in the app's language, for the few messages the main process shows
 * itself (a file that does not open from the Recent menu or a double-click). The same rule as the
 * renderer's serverText(): Dutch is the server's own text; English is built from the phrases with
 * the errors bundle (plain JSON, no i18next), and falls back to the whole Dutch text when one key
 * is unknown — never half of each.
 */
type Tree = { [k: string]: string | Tree };

function lookup(key: string, count: unknown): string | undefined {
  let node: string | Tree | undefined = (en as Tree).server;
  const parts = key.split('.');
  const last = parts.pop()!;
  for (const p of parts) node = typeof node === 'object' ? node[p] : undefined;
  if (typeof node !== 'object') return undefined;
  const plain = node[last];
  if (typeof plain === 'string') return plain;
  const plural = node[`${last}_${count === 1 ? 'one' : 'other'}`];
  return typeof count === 'number' && typeof plural === 'string' ? plural : undefined;
}

function render(p: Phrase): string | undefined {
  const template = lookup(p.key, p.params?.count);
  if (template === undefined) return undefined;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(p.params ?? {})) {
    const text = typeof v === 'object' ? render(v) : String(v);
    if (text === undefined) return undefined;
    values[k] = text;
  }
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

export function sayIn(language: Language, message: string, says: unknown): string {
  if (language === 'nl' || !Array.isArray(says) || says.length === 0) return message;
  const parts = (says as Phrase[]).map((p) => (typeof p === 'object' && p !== null && typeof p.key === 'string' ? render(p) : undefined));
  return parts.every((x) => x !== undefined) ? parts.join(' ') : message;
}
