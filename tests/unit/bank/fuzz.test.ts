import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { KassaError } from '../../../shared/errors';
import { parseStatement } from '../../../electron/books/bank/parse';
import { BANK_FORMATS, type BankFormat, type ParsedStatement } from '../../../electron/books/bank/types';
import { corrupt, corruption } from './corrupt';
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

  it('an MT942 (refused as a whole) and its corruptions', () => {
    const src = fixture('mt942-ing.sta');
    fc.assert(fc.property(corruption, (c) => outcome('mt940', corrupt(src, c))), { numRuns: 100 * SCALE, seed: SEED + 942 });
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
