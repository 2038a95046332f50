/**
 * The kascommissie's sample (issue 19): every entry of the large amount or more, plus a random
 * draw from the rest that anyone can repeat from its seed. The draw uses mulberry32 (a small,
 * well-known 32-bit PRNG) over the candidates in a stable order (journal code, number), so the
 * same books and the same seed give the same sample on any machine and in any later version.
 */
import { mulberry32 } from './prng';

export { mulberry32 };

export interface SampleCandidate {
  id: number;
  journal: string;
  number: number;
  /** The entry's size in cents (sum of its debit lines). */
  cents: number;
}

/** A uniform integer in [0, n) without modulo bias (rejection of the top remainder). */
function below(next: () => number, n: number): number {
  const limit = 0x100000000 - (0x100000000 % n);
  for (;;) {
    const x = next();
    if (x < limit) return x % n;
  }
}

export function stableOrder(a: SampleCandidate, b: SampleCandidate): number {
  if (a.journal !== b.journal) return a.journal < b.journal ? -1 : 1;
  return a.number - b.number;
}

export interface DrawnSample {
  large: SampleCandidate[];
  random: SampleCandidate[];
  /** How many entries the random part was drawn from. */
  population: number;
}

/**
 * Every candidate of `largeCents` or more, plus `size` others drawn with a partial Fisher-Yates
 * shuffle seeded by `seed`. Both parts come back in the stable order.
 */
export function drawSample(candidates: SampleCandidate[], opts: { size: number; seed: number; largeCents: number }): DrawnSample {
  const sorted = [...candidates].sort(stableOrder);
  const large = sorted.filter((c) => c.cents >= opts.largeCents);
  const rest = sorted.filter((c) => c.cents < opts.largeCents);
  const k = Math.min(Math.max(0, opts.size), rest.length);
  const next = mulberry32(opts.seed);
  const pool = [...rest];
  for (let i = 0; i < k; i++) {
    const j = i + below(next, pool.length - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return { large, random: pool.slice(0, k).sort(stableOrder), population: rest.length };
}

/** A seed for a new review: random, but small enough to read out and type again. */
export function newSeed(random: () => number = Math.random): number {
  return 1 + Math.floor(random() * 999_999);
}
