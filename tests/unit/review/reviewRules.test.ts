/**
 * Issue 19, pure rules: the seeded sample (reproducible, unbiased enough, all large entries) and
 * the review guard's classification of every API method (a new method must be classified).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { contract } from '../../../shared/api';
import { drawSample, mulberry32, type SampleCandidate } from '../../../shared/rules/reviewSample';
import { isReviewMethod, READ_METHODS, WRITE_METHODS } from '../../../shared/api/methodKinds';

const candidates = (n: number): SampleCandidate[] =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, journal: i % 3 === 0 ? 'KAS' : 'BANK', number: i + 1, cents: (i * 7919) % 150_000 }));

describe('drawSample', () => {
  test('mulberry32 is a fixed sequence (the seed printed on a report must draw the same sample in later versions)', () => {
    const next = mulberry32(42);
    expect([next(), next(), next()]).toEqual([2581720956, 1925393290, 3661312704]);
  });

  test('same seed, same sample, whatever the input order; all large entries; no duplicates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 0xffffffff }), (n, size, seed) => {
        const c = candidates(n);
        const a = drawSample(c, { size, seed, largeCents: 100_000 });
        const b = drawSample([...c].reverse(), { size, seed, largeCents: 100_000 });
        expect(b).toEqual(a);
        expect(a.large.map((x) => x.id).sort()).toEqual(c.filter((x) => x.cents >= 100_000).map((x) => x.id).sort());
        expect(a.random).toHaveLength(Math.min(size, a.population));
        expect(a.random.every((x) => x.cents < 100_000)).toBe(true);
        expect(new Set(a.random.map((x) => x.id)).size).toBe(a.random.length);
      }),
      { numRuns: 200 },
    );
  });

  test('every entry has a fair chance: over many seeds each is drawn about size/population of the time', () => {
    const c = candidates(40).map((x) => ({ ...x, cents: 100 }));
    const hits = new Map<number, number>();
    for (let seed = 1; seed <= 4000; seed++) for (const x of drawSample(c, { size: 10, seed, largeCents: 100_000 }).random) hits.set(x.id, (hits.get(x.id) ?? 0) + 1);
    for (const x of c) expect(hits.get(x.id)! / 4000).toBeGreaterThan(0.2);
    for (const x of c) expect(hits.get(x.id)! / 4000).toBeLessThan(0.3);
  });
});

describe('review guard', () => {
  test('every method is either a review method, a read or a write; none is both', () => {
    const unclassified = Object.keys(contract).filter((m) => !isReviewMethod(m) && !READ_METHODS.has(m) && !WRITE_METHODS.has(m));
    expect(unclassified, 'classify these in electron/books/review/guard.ts').toEqual([]);
    expect([...READ_METHODS].filter((m) => WRITE_METHODS.has(m))).toEqual([]);
    expect([...READ_METHODS, ...WRITE_METHODS].filter((m) => !(m in contract))).toEqual([]);
  });
});
