/**
 * A tiny XML writer: enough for UBL, with proper escaping and no empty elements
 * (Peppol rule R008 forbids them, so an element without text or children is simply left out).
 */

export interface XmlElement {
  name: string;
  attrs?: Record<string, string | undefined>;
  text?: string;
  children?: XmlChild[];
}

/** Falsy children are skipped, so optional parts can be written inline with `cond && el(...)`. */
export type XmlChild = XmlElement | null | undefined | false;

// Characters XML 1.0 does not allow at all (C0 controls except tab, LF, CR; lone surrogates; FFFE/FFFF).
// eslint-disable-next-line no-control-regex
const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escape text for element content and attribute values; drops characters XML cannot carry. */
export function escapeXml(value: string): string {
  return value
    .replace(ILLEGAL_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Element with text content. Returns null for an empty or missing value. */
export function leaf(name: string, value: string | null | undefined, attrs?: Record<string, string | undefined>): XmlElement | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === '') return null;
  return attrs ? { name, attrs, text } : { name, text };
}

/** Element with child elements. Returns null when no child survives. */
export function node(name: string, children: XmlChild[], attrs?: Record<string, string | undefined>): XmlElement | null {
  const kept = children.filter((c): c is XmlElement => !!c);
  if (kept.length === 0) return null;
  return attrs ? { name, attrs, children: kept } : { name, children: kept };
}

function renderAttrs(attrs: Record<string, string | undefined> | undefined): string {
  if (!attrs) return '';
  let out = '';
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    out += ` ${k}="${escapeXml(v)}"`;
  }
  return out;
}

function render(el: XmlElement, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const open = `${el.name}${renderAttrs(el.attrs)}`;
  const kids = (el.children ?? []).filter((c): c is XmlElement => !!c);
  if (kids.length > 0) {
    out.push(`${pad}<${open}>`);
    for (const child of kids) render(child, depth + 1, out);
    out.push(`${pad}</${el.name}>`);
  } else {
    out.push(`${pad}<${open}>${escapeXml(el.text ?? '')}</${el.name}>`);
  }
}

/** Serialise a document with an XML declaration, two-space indent and a final newline. */
export function toXmlString(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  render(root, 0, out);
  return `${out.join('\n')}\n`;
}
