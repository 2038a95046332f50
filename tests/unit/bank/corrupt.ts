import fc from 'fast-check';

/**
 * Random corruptions of a bank file (fast-check): cut off, bytes flipped, inserted or deleted,
 * lines doubled, dropped or swapped, an amount replaced by garbage, a token of some format put in.
 * Shared by the parser fuzz test and the import test that proves a refusal writes nothing.
 */

export type Corruption =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; edits: { at: number; byte: number }[] }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'drop-line'; line: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'amount'; which: number; garbage: string }
  | { kind: 'token'; at: number; token: string };

const GARBAGE_AMOUNTS = ['abc', '', '1,2,3', '--5', '1.005', '99999999999999999999', '12.5.3', 'NaN', 'Infinity', '1e5', '١٢٣', '0x10', '-0,00', ' ', '€ 12,50', '1.234.5', ',', '.'];
const TOKENS = ['"', "'", '<', '>', '&', '&amp;', '&#0;', '&#xD800;', ':61:', ':62F:', ':60F:', ':86:/NAME/', ':25:', '\n', '\r', '\r\n', ';', ',', '\t', '<!DOCTYPE x>', '&xxe;', ']]>', '<![CDATA[', '</Ntry>', '<Ntry>', '<__proto__>', '/REMI/', '//', '-', '{4:', '\u0000'];

export const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    edits: fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('drop-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    kind: fc.constant('amount' as const),
    which: fc.nat(),
    garbage: fc.oneof(fc.constantFrom(...GARBAGE_AMOUNTS), fc.string({ maxLength: 8 })),
  }),
  fc.record({ kind: fc.constant('token' as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
);

function splitLines(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] === 0x0a) {
      out.push(buf.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < buf.length) out.push(buf.subarray(start));
  return out;
}

export function corrupt(src: Buffer, c: Corruption): Buffer {
  const n = src.length;
  switch (c.kind) {
    case 'truncate':
      return src.subarray(0, c.at % (n + 1));
    case 'flip': {
      const b = Buffer.from(src);
      for (const e of c.edits) if (n > 0) b[e.at % n] = e.byte;
      return b;
    }
    case 'insert': {
      const at = c.at % (n + 1);
      return Buffer.concat([src.subarray(0, at), Buffer.from(c.bytes), src.subarray(at)]);
    }
    case 'delete': {
      const at = c.at % (n + 1);
      return Buffer.concat([src.subarray(0, at), src.subarray(at + c.len)]);
    }
    case 'duplicate-line':
    case 'drop-line':
    case 'swap-lines': {
      const lines = splitLines(src);
      if (lines.length === 0) return src;
      if (c.kind === 'duplicate-line') {
        const i = c.line % lines.length;
        lines.splice(i, 0, lines[i] as Buffer);
      } else if (c.kind === 'drop-line') {
        lines.splice(c.line % lines.length, 1);
      } else {
        const a = c.a % lines.length;
        const b = c.b % lines.length;
        [lines[a], lines[b]] = [lines[b] as Buffer, lines[a] as Buffer];
      }
      return Buffer.concat(lines);
    }
    case 'amount': {
      const text = src.toString('latin1'); // one char per byte, so indexes are byte offsets
      const hits = [...text.matchAll(/[+-]?\d[\d.]*[.,]\d{2}\b/g)];
      const hit = hits.length > 0 ? hits[c.which % hits.length] : undefined;
      if (!hit || hit.index === undefined) return src;
      return Buffer.concat([src.subarray(0, hit.index), Buffer.from(c.garbage, 'utf8'), src.subarray(hit.index + hit[0].length)]);
    }
    case 'token': {
      const at = c.at % (n + 1);
      return Buffer.concat([src.subarray(0, at), Buffer.from(c.token, 'utf8'), src.subarray(at)]);
    }
  }
}
