import { atLine, bankError } from './errors';
import { said } from '../../../shared/phrase';

/**
 * A one-pass XML reader for bank statements: checks that the document is well formed and builds
 * the same plain tree as fast-xml-parser did with the options camt053.ts used (local names without
 * namespace prefix, attributes as "@_name", text kept raw and trimmed, "#text" beside attributes or
 * children, listed tags always arrays). Written because validating and parsing a 10,000-entry camt
 * file with fast-xml-parser took about 5 s of the 2 s the import may take (issue 8 benchmark).
 *
 * Safety: DOCTYPE/ENTITY are refused before this runs (refuseUnsafeXml); here any other "<!"
 * declaration is an error, only the five predefined entities and character references are
 * accepted in text and attributes (decoded later by decodeXmlText), and a name such as "__proto__"
 * or "constructor" becomes an own property, never the prototype.
 */

type Tree = Record<string, unknown>;

interface Open {
  name: string;
  /** Raw name with prefix, for matching the end tag. */
  raw: string;
  node: Tree;
  hasContent: boolean;
  text: string;
}

const NAMED_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c >= 0xc0;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 0xb7;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function localName(raw: string): string {
  const i = raw.indexOf(':');
  return i < 0 ? raw : raw.slice(i + 1);
}

class XmlSyntax extends Error {
  constructor(readonly at: number, readonly detail: string) {
    super(detail);
  }
}

/** Every "&" in raw text must start a predefined entity or a valid character reference. */
function checkReferences(s: string, offset: number): void {
  let i = s.indexOf('&');
  while (i >= 0) {
    const end = s.indexOf(';', i + 1);
    if (end < 0 || end - i > 12) throw new XmlSyntax(offset + i, 'bare &');
    const ref = s.slice(i + 1, end);
    if (ref.charCodeAt(0) === 35) {
      const hex = ref.charCodeAt(1) === 120;
      const digits = ref.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) throw new XmlSyntax(offset + i, 'bad character reference');
      const code = parseInt(digits, hex ? 16 : 10);
      const ok = code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
      if (!ok) throw new XmlSyntax(offset + i, 'character reference to a forbidden character');
    } else if (!NAMED_ENTITIES.has(ref)) {
      throw new XmlSyntax(offset + i, 'undefined entity');
    }
    i = s.indexOf('&', end + 1);
  }
}

/** Set an own property; "__proto__" and friends become plain keys, never the prototype. */
function put(o: Tree, key: string, value: unknown): void {
  if (key === '__proto__' || key in Object.prototype) Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
  else o[key] = value;
}

function addChild(parent: Tree, name: string, value: unknown, arrayTags: ReadonlySet<string>): void {
  const prev = Object.prototype.hasOwnProperty.call(parent, name) ? parent[name] : undefined;
  if (prev === undefined) {
    put(parent, name, arrayTags.has(name) ? [value] : value);
  } else if (Array.isArray(prev)) {
    prev.push(value);
  } else {
    put(parent, name, [prev, value]);
  }
}

function finish(o: Open): unknown {
  const text = o.text.trim();
  if (!o.hasContent) return text;
  if (text !== '') o.node['#text'] = text;
  return o.node;
}

function lineAndColumn(text: string, at: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(at, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: end - lineStart + 1 };
}

function parse(text: string, arrayTags: ReadonlySet<string>): Tree {
  const n = text.length;
  const doc: Tree = {};
  const stack: Open[] = [];
  let rootSeen = false;
  let i = 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const chunk = text.slice(i, textEnd);
      const top = stack[stack.length - 1];
      if (top) {
        checkReferences(chunk, i);
        top.text += chunk;
      } else if (chunk.trim() !== '') {
        throw new XmlSyntax(i + chunk.search(/\S/), 'text outside the root element');
      }
    }
    if (lt < 0) break;
    i = lt;
    const c1 = text.charCodeAt(i + 1);
    if (c1 === 33) {
      // <!-- comment -->, <![CDATA[ … ]]>; anything else (DOCTYPE was refused earlier) is an error
      if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i + 4);
        if (end < 0) throw new XmlSyntax(i, 'unclosed comment');
        i = end + 3;
        continue;
      }
      if (text.startsWith('<![CDATA[', i)) {
        const top = stack[stack.length - 1];
        if (!top) throw new XmlSyntax(i, 'CDATA outside the root element');
        const end = text.indexOf(']]>', i + 9);
        if (end < 0) throw new XmlSyntax(i, 'unclosed CDATA');
        // kept raw like other text, so escape what decodeXmlText would otherwise decode
        top.text += text.slice(i + 9, end).replace(/&/g, '&amp;').replace(/</g, '&lt;');
        i = end + 3;
        continue;
      }
      throw new XmlSyntax(i, 'declaration');
    }
    if (c1 === 63) {
      // <?xml … ?> and processing instructions are skipped; the declaration only at the start
      const end = text.indexOf('?>', i + 2);
      if (end < 0) throw new XmlSyntax(i, 'unclosed processing instruction');
      if (/^<\?xml[\s?]/i.test(text.slice(i, i + 6)) && text.slice(0, i).trim() !== '') throw new XmlSyntax(i, 'XML declaration not at the start');
      i = end + 2;
      continue;
    }
    if (c1 === 47) {
      // </name>
      let j = i + 2;
      while (j < n && isNameChar(text.charCodeAt(j))) j++;
      const raw = text.slice(i + 2, j);
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 62) throw new XmlSyntax(j, 'end tag not closed');
      const top = stack.pop();
      if (!top || top.raw !== raw) throw new XmlSyntax(i, 'end tag does not match');
      const value = finish(top);
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.hasContent = true;
        addChild(parent.node, top.name, value, arrayTags);
      } else {
        put(doc, top.name, value);
      }
      i = j + 1;
      continue;
    }
    // <name attr="v" …> or <name …/>
    if (!isNameStart(c1)) throw new XmlSyntax(i + 1, 'bad tag name');
    let j = i + 2;
    while (j < n && isNameChar(text.charCodeAt(j))) j++;
    const raw = text.slice(i + 1, j);
    if (stack.length === 0) {
      if (rootSeen) throw new XmlSyntax(i, 'second root element');
      rootSeen = true;
    }
    const open: Open = { name: localName(raw), raw, node: {}, hasContent: false, text: '' };
    let attrs: string[] | null = null;
    let selfClosing = false;
    for (;;) {
      const before = j;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const c = text.charCodeAt(j);
      if (c === 62) {
        j++;
        break;
      }
      if (c === 47) {
        if (text.charCodeAt(j + 1) !== 62) throw new XmlSyntax(j, 'bad self-closing tag');
        selfClosing = true;
        j += 2;
        break;
      }
      if (j >= n) throw new XmlSyntax(i, 'tag not closed');
      if (j === before || !isNameStart(c)) throw new XmlSyntax(j, 'bad attribute');
      const a0 = j;
      while (j < n && isNameChar(text.charCodeAt(j))) j++;
      const attr = text.slice(a0, j);
      if (attrs === null) attrs = [attr];
      else if (attrs.includes(attr)) throw new XmlSyntax(a0, 'duplicate attribute');
      else attrs.push(attr);
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 61) throw new XmlSyntax(j, 'attribute without value');
      j++;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const q = text.charCodeAt(j);
      if (q !== 34 && q !== 39) throw new XmlSyntax(j, 'attribute value not quoted');
      const close = text.indexOf(q === 34 ? '"' : "'", j + 1);
      if (close < 0) throw new XmlSyntax(j, 'attribute value not closed');
      const value = text.slice(j + 1, close);
      if (value.includes('<')) throw new XmlSyntax(j + 1 + value.indexOf('<'), '< in attribute value');
      checkReferences(value, j + 1);
      j = close + 1;
      if (attr === 'xmlns' || attr.startsWith('xmlns:')) continue;
      put(open.node, `@_${localName(attr)}`, value);
      open.hasContent = true;
    }
    if (selfClosing) {
      const value = finish(open);
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.hasContent = true;
        addChild(parent.node, open.name, value, arrayTags);
      } else {
        put(doc, open.name, value);
      }
    } else {
      stack.push(open);
    }
    i = j;
  }
  if (stack.length > 0) throw new XmlSyntax(n, `element ${stack[stack.length - 1]?.raw ?? ''} not closed`);
  if (!rootSeen) throw new XmlSyntax(n, 'no root element');
  return doc;
}

/**
 * Check and read an XML document in one pass. A problem is refused like the validator did: the
 * line and column where the document stops being well formed, in Dutch.
 */
export function readXmlTree(text: string, arrayTags: ReadonlySet<string>): Tree {
  try {
    return parse(text, arrayTags);
  } catch (err) {
    if (!(err instanceof XmlSyntax)) throw err;
    const { line, col } = lineAndColumn(text, err.at);
    throw bankError(
      said('err.bankFile.xml.brokenAt', '{{at}}het XML-bestand is hier niet goed opgebouwd (kolom {{col}}). Het bestand is waarschijnlijk niet compleet of beschadigd.', { at: atLine(line), col }),
      { reason: 'syntax', line, detail: err.detail },
    );
  }
}
