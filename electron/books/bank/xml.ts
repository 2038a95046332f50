import type * as FastXml from 'fast-xml-parser';

/** Loaded at the first bank file, not at start-up: every report and CLI run would pay for it (issue 18). */
const fastXml = (): typeof FastXml => require('fast-xml-parser') as typeof FastXml;
import { atLine, bankError } from './errors';
import { said } from '../../../shared/phrase';

/**
 * Safe XML reading for bank files. A DOCTYPE or ENTITY declaration is refused outright (no
 * external entities, no entity expansion); the parser runs with entity processing off, and only
 * the five predefined entities and numeric character references are decoded afterwards, by hand.
 */

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function refuseUnsafeXml(text: string): void {
  const m = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (m) {
    const line = lineOf(text, m.index);
    throw bankError(
      said('err.bankFile.xml.declaration', '{{at}}dit XML-bestand bevat een {{kind}}-verklaring. Een bankafschrift heeft die nooit; om veiligheidsredenen leest de app dit bestand niet.', { at: atLine(line), kind: m[1]?.toUpperCase() }),
      { reason: 'unsafe-xml', line },
    );
  }
}

/** Check that the XML is well formed; the message names the line where it goes wrong. */
export function assertWellFormed(text: string): void {
  const result = fastXml().XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (result !== true) {
    const line = result.err.line;
    throw bankError(
      typeof result.err.col === 'number'
        ? said('err.bankFile.xml.brokenAt', '{{at}}het XML-bestand is hier niet goed opgebouwd (kolom {{col}}). Het bestand is waarschijnlijk niet compleet of beschadigd.', { at: atLine(line), col: result.err.col })
        : said('err.bankFile.xml.broken', '{{at}}het XML-bestand is hier niet goed opgebouwd. Het bestand is waarschijnlijk niet compleet of beschadigd.', { at: atLine(line) }),
      { reason: 'syntax', line, detail: result.err.msg },
    );
  }
}

export function parseXml(text: string, arrayTags: ReadonlySet<string>): unknown {
  const parser = new (fastXml().XMLParser)({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    trimValues: true,
    jPath: false,
    isArray: (tagName: string) => arrayTags.has(tagName),
  });
  try {
    return parser.parse(text);
  } catch (err) {
    throw bankError(said('err.bankFile.xml.unreadable', 'Het XML-bestand kan niet gelezen worden. Het bestand is misschien beschadigd.'), {
      reason: 'syntax',
      detail: err instanceof Error ? err.message : String(err),
    });
  }
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decode the predefined entities and character references in one pass; nothing is expanded twice. */
export function decodeXmlText(s: string): string {
  return s.replace(/&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g, (all, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name !== undefined) return NAMED[name] ?? all;
    const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
    if (!Number.isInteger(code) || code < 1 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return all;
    return String.fromCodePoint(code);
  });
}

/** Source lines where each occurrence of an element starts, in document order. */
export function elementLines(text: string, name: string): number[] {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}[\\s>/]`, 'g');
  const out: number[] = [];
  let line = 1;
  let pos = 0;
  for (const m of text.matchAll(re)) {
    const idx = m.index ?? 0;
    for (let i = pos; i < idx; i++) if (text.charCodeAt(i) === 10) line++;
    pos = idx;
    out.push(line);
  }
  return out;
}
