import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KassaError } from '../../../shared/errors';
import { parseXml } from '../../../electron/books/bank/xml';
import { readXmlTree } from '../../../electron/books/bank/xml-tree';
import { makeCamt053 } from '../../fixtures/bank/generate';
import { fixture } from './helpers';

/**
 * The one-pass XML reader that replaced fast-xml-parser's validator + parser for camt.053 (speed,
 * issue 8): it must build the same tree fast-xml-parser built with the old options, and refuse
 * what is not well formed with the line and column.
 */

const TAGS = new Set(['Stmt', 'Bal', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd', 'AddtlRmtInf', 'RfrdDocInf']);

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]));
  return v;
}

function oracle(text: string): unknown {
  const t = parseXml(text, TAGS) as Record<string, unknown>;
  delete t['?xml'];
  return sorted(t);
}

function refusal(text: string): KassaError {
  try {
    readXmlTree(text, TAGS);
  } catch (e) {
    expect(e).toBeInstanceOf(KassaError);
    return e as KassaError;
  }
  throw new Error('expected a refusal');
}

describe('same tree as fast-xml-parser', () => {
  it.each(['camt053-001-02-ing.xml', 'camt053-001-04-rabobank.xml', 'camt053-001-08-abnamro.xml'])('%s', (name) => {
    const text = fixture(name).toString('utf8');
    expect(sorted(readXmlTree(text, TAGS))).toEqual(oracle(text));
  });

  it('generated statements of any size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 1e6 }), (n, seed) => {
        const text = makeCamt053(n, seed);
        expect(sorted(readXmlTree(text, TAGS))).toEqual(oracle(text));
      }),
      { numRuns: 30, seed: 8 },
    );
  });

  it('attributes, empty and self-closing elements, comments, CDATA, prefixes', () => {
    const text = `<?xml version="1.0"?>\n<!-- a comment -->\n<c:Document xmlns:c="urn:x" a="1"><c:A/><B></B><C x='y'>t<!-- x -->u</C><D><![CDATA[a & <b>]]></D><Ntry>1</Ntry></c:Document>`;
    const tree = readXmlTree(text, TAGS) as { Document: Record<string, unknown> };
    expect(tree.Document).toEqual({ '@_a': '1', A: '', B: '', C: { '@_x': 'y', '#text': 'tu' }, D: 'a &amp; &lt;b>', Ntry: ['1'] });
  });

  it('"__proto__" and "constructor" are plain names, the prototype is untouched', () => {
    const tree = readXmlTree('<Document><__proto__><polluted>1</polluted></__proto__><constructor>x</constructor></Document>', TAGS) as Record<string, Record<string, unknown>>;
    expect(Object.prototype.hasOwnProperty.call(tree.Document, '__proto__')).toBe(true);
    expect(tree.Document?.constructor).toBe('x');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('not well formed: refused with line and column', () => {
  const cases: [string, string, number][] = [
    ['end tag does not match', '<Document>\n<A>1</B>\n</Document>', 2],
    ['truncated', '<Document>\n<A>1</A>\n<B>', 3],
    ['a bare ampersand', '<Document>\n<A>Fish & chips</A></Document>', 2],
    ['an undefined entity', '<Document><A>&nbsp;</A></Document>', 1],
    ['a reference to character 0', '<Document><A>&#0;</A></Document>', 1],
    ['two root elements', '<A/>\n<B/>', 2],
    ['text outside the root', '<A/>\ntekst', 2],
    ['a duplicate attribute', '<Document a="1" a="2"/>', 1],
    ['an unquoted attribute', '<Document a=1/>', 1],
    ['< in an attribute', '<Document a="<"/>', 1],
    ['an unclosed comment', '<Document><!-- x </Document>', 1],
    ['an XML declaration in the middle', '<Document/>\n<?xml version="1.0"?>', 2],
    ['no element at all', '   ', 1],
  ];
  it.each(cases)('%s', (_name, text, line) => {
    const e = refusal(text);
    expect(e.code).toBe('BAD_BANK_FILE');
    expect(e.details).toMatchObject({ reason: 'syntax', line });
    expect(e.message).toMatch(new RegExp(`^Regel ${line}: het XML-bestand is hier niet goed opgebouwd \\(kolom \\d+\\)\\. Het bestand is waarschijnlijk niet compleet of beschadigd\\.$`));
  });
});
