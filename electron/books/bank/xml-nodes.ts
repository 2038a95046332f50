import { decodeXmlText } from './xml';

/** Small readers for the untyped tree fast-xml-parser returns. */

export type XmlNode = Record<string, unknown>;

export function node(x: unknown): XmlNode | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as XmlNode) : undefined;
}

export function list(x: unknown): XmlNode[] {
  if (Array.isArray(x)) return x.map(node).filter((n): n is XmlNode => n !== undefined);
  const n = node(x);
  return n ? [n] : [];
}

/** Text content of an element (plain string, or "#text" next to attributes), decoded and trimmed. */
export function text(x: unknown): string | undefined {
  if (typeof x === 'string') {
    const t = decodeXmlText(x).trim();
    return t === '' ? undefined : t;
  }
  if (Array.isArray(x)) return text(x[0]);
  const n = node(x);
  if (n && '#text' in n) return text(n['#text']);
  return undefined;
}

/** All texts of a repeatable element. */
export function texts(x: unknown): string[] {
  const arr = Array.isArray(x) ? x : x === undefined ? [] : [x];
  return arr.map(text).filter((t): t is string => t !== undefined);
}

export function attr(x: unknown, name: string): string | undefined {
  const n = node(x);
  const v = n?.[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
}

/** Follow a path of element names: path(stmt, 'Acct', 'Id', 'IBAN'). */
export function path(x: unknown, ...names: string[]): unknown {
  let cur: unknown = x;
  for (const name of names) {
    const n = node(Array.isArray(cur) ? cur[0] : cur);
    if (!n) return undefined;
    cur = n[name];
  }
  return cur;
}
