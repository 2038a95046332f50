import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { KassaError } from '../../../shared/errors';
import { parseStatement } from '../../../electron/books/bank/parse';
import { BANK_FORMATS, type BankFormat, type ParsedStatement } from '../../../electron/books/bank/types';
import { FIXTURE_FORMATS, fixture, isDutchMessage } from './helpers';

/**
 * Property/fuzz tests: random corruptions of every fixture either parse into a sane statement or
 * are refused with a KassaError carrying a Dutch message — never another exception, never the
 * catch-all "unexpected" error. Fixed seed so CI is stable; BANK_FUZZ_SEED / BANK_FUZZ_RUNS to explore.
 */

const SEED = Number(process.env.BANK_FUZZ_SEED ?? 20260108);
const SCALE = Number(process.env.BANK_FUZZ_RUNS ?? 1);
/** Runs per fixture: each format gets at least 300 corruptions in total. */
const RUNS: Record<BankFormat, number> = {
  camt053: 100,
  mt940: 100,
  'csv-ing': 300,
  'csv-rabobank': 300,
  'csv-abnamro': 300,
  'csv-triodos': 300,
  'csv-bunq': 300,
  'csv-asn': 300,
  'csv-knab': 300,
};

type Corruption =
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

const corruption: fc.Arbitrary<Corruption> = fc.oneof(
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

function assertSane(s: ParsedStatement): void {
  expect(BANK_FORMATS).toContain(s.format);
  expect(s.currency).toBe('EUR');
  expect(s.accountIban.length).toBeGreaterThan(0);
  for (const t of s.transactions) {
    expect(Number.isSafeInteger(t.amountCents)).toBe(true);
    expect(t.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (t.valueDate !== undefined) expect(t.valueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof t.description).toBe('string');
  }
  for (const b of [s.openingBalanceCents, s.closingBalanceCents]) if (b !== undefined) expect(Number.isSafeInteger(b)).toBe(true);
  for (const w of s.warnings) expect(isDutchMessage(w.message), w.message).toBe(true);
}

type Tally = { tried: number; parsed: number; refused: number };
const tally = new Map<BankFormat, Tally>();

function outcome(format: BankFormat, bytes: Buffer): void {
  const t = tally.get(format) ?? { tried: 0, parsed: 0, refused: 0 };
  tally.set(format, t);
  t.tried++;
  let result: ParsedStatement;
  try {
    result = parseStatement(bytes);
  } catch (err) {
    if (!(err instanceof KassaError)) throw new Error(`not a KassaError: ${String(err)}`, { cause: err });
    expect(isDutchMessage(err.message), err.message).toBe(true);
    expect((err.details as { reason?: string } | undefined)?.reason, `${err.message} / ${JSON.stringify(err.details)}`).not.toBe('unexpected');
    t.refused++;
    return;
  }
  assertSane(result);
  t.parsed++;
}

describe('fuzz: corrupted bank files never crash the parser', () => {
  it.each(FIXTURE_FORMATS)('%s (%s)', (name, format) => {
    const src = fixture(name);
    fc.assert(
      fc.property(corruption, (c) => outcome(format, corrupt(src, c))),
      { numRuns: RUNS[format] * SCALE, seed: SEED + name.length * 7919 },
    );
  });

  it('also random bytes and random text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.string({ maxLength: 400 }).map((s) => new TextEncoder().encode(s))), (bytes) => {
        try {
          assertSane(parseStatement(Buffer.from(bytes)));
        } catch (err) {
          if (!(err instanceof KassaError)) throw err;
          expect(isDutchMessage(err.message), err.message).toBe(true);
          expect((err.details as { reason?: string } | undefined)?.reason).not.toBe('unexpected');
        }
      }),
      { numRuns: 200 * SCALE, seed: SEED },
    );
  });

  afterAll(() => {
    const per = [...tally.entries()].map(([f, t]) => `${f}=${t.tried} (${t.parsed} parsed, ${t.refused} refused)`);
    const total = [...tally.values()].reduce((a, t) => a + t.tried, 0);
    console.log(`bank fuzz corruptions: ${per.join('; ')}; total=${total}`);
    for (const [format, t] of tally) expect(t.tried, format).toBeGreaterThanOrEqual(300);
  });
});
