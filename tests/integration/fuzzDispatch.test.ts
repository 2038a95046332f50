/**
 * Fuzzing the one dispatcher every door uses (Electron IPC, browser mode, CLI): random method names
 * and random inputs for every method in the contract (issue 10, "nothing let in").
 *
 * - Unknown names (also prototype names such as "__proto__") -> UNKNOWN_METHOD.
 * - Inputs the method's zod schema refuses -> INVALID_INPUT or INVALID_AMOUNT with a Dutch message,
 *   never an exception out of handle(), never INTERNAL — and nothing written: the administration,
 *   its folder and the settings folder are byte for byte what they were.
 * - Inputs the schema accepts, for methods on the open file that take no paths, run on a scratch
 *   copy: whatever they do, the answer is a result or a stable non-INTERNAL error in Dutch, and the
 *   file still verifies afterwards.
 *
 * Fixed seed, so CI is stable; KASSA_FUZZ_SEED / KASSA_FUZZ_RUNS to explore further.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/api';
import { handle } from '../../electron/api';
import { Session } from '../../electron/session';
import { cleanupTempDirs, expectDutch, fingerprint, simpleEntry, tempDir } from './helpers';

const SEED = Number(process.env.KASSA_FUZZ_SEED ?? 20261010);
const RUNS = Number(process.env.KASSA_FUZZ_RUNS ?? 40);
const METHODS = Object.keys(contract) as MethodName[];

// ---------- generators ----------

const NASTY_STRINGS = [
  '', ' ', '\u0000', '\n', '0', '-1', '12,50', '1.234,56', '1e3', '0x10', '-0.00', '12.345', '١٢٣', 'NaN', 'Infinity', '9'.repeat(40),
  '2026-02-30', '2026-13-01', '31-12-2026', '2026-1-1', '../../etc/passwd', '/proc/self/mem', 'C:\\Windows\\win.ini', '\\\\server\\share',
  'x'.repeat(5000), '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', "'; DROP TABLE entries; --", '" OR 1=1 --',
  '__proto__', 'constructor', 'prototype', '{{7*7}}', '${process.exit()}', '\u202eevil', '😀'.repeat(50), 'NL00BANK0000000000', 'NL91ABNA0417164300',
  '1100', '8000', 'BANK', 'sales', 'draft', 'true', 'null',
];
const NASTY_NUMBERS = [0, -1, 1, 1.5, -0.01, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY, 2026, 1899, 9999];

const nasty = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.constantFrom(...NASTY_NUMBERS),
  fc.constantFrom(null, true, false, undefined, [], {}, [null], [[]], { __proto__: null }),
  // What a structured clone (Electron IPC) can carry beyond JSON.
  fc.constantFrom(new Date('2026-03-01'), new Map([['a', 1]]), new Set([1]), new Uint8Array([1, 2, 3]), 10n, /regex/),
  fc.constant(JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}') as unknown),
);

/** Values that look right for a key, so inputs get past the first field and fail deeper. */
function plausible(key: string): fc.Arbitrary<unknown> {
  const k = key.toLowerCase();
  if (/date|from|to$|period/.test(k)) return fc.constantFrom('2026-03-01', '2026-12-31', '2025-06-15', '2026-02-29');
  if (/amount|applied|awarded|perhour|permonth|peryear|price|debit|credit/.test(k)) return fc.constantFrom('12.50', '0.01', '0.00', '-5.00', '1000000000.00', '12.505');
  if (/account|category|into|code/.test(k)) return fc.constantFrom('1100', '8000', '9999', '4900');
  if (/year/.test(k)) return fc.constantFrom(2026, 2025, 1990, 2200);
  if (/^id$|ids|grant|person|contact|invoice|fund|batch|budgetline|transaction|payment|entry/.test(k)) return fc.constantFrom(1, 2, 999, 0);
  if (/iban/.test(k)) return fc.constantFrom('NL91ABNA0417164300', 'NL91 ABNA 0417 1643 01');
  if (/lines/.test(k)) return fc.constantFrom([{ account: '1100', debit: '1.00' }, { account: '8000', credit: '1.00' }], [{ account: '1100', debit: '1.00' }], [{ account: '1100', debit: '1.00', credit: '1.00' }, { account: '8000' }]);
  return fc.constantFrom('Stichting Test', 'Omschrijving', true, 1);
}

function shapeKeys(name: MethodName): string[] {
  const schema = contract[name].input as unknown as { shape?: Record<string, unknown> };
  return schema.shape ? Object.keys(schema.shape) : [];
}

function inputFor(name: MethodName): fc.Arbitrary<unknown> {
  const keys = shapeKeys(name);
  const random = fc.oneof(fc.jsonValue(), nasty, fc.anything({ maxDepth: 2 }));
  if (keys.length === 0) return random;
  const shaped = fc
    .array(fc.tuple(fc.constantFrom(...keys), fc.oneof(nasty, fc.jsonValue({ maxDepth: 2 }))), { maxLength: keys.length + 2 })
    .chain((pairs) => fc.tuple(...keys.map((k) => plausible(k))).map((good) => {
      // Start from plausible values for every key, then spoil some of them.
      const obj: Record<string, unknown> = Object.fromEntries(keys.map((k, i) => [k, good[i]]));
      for (const [k, v] of pairs) obj[k] = v;
      return obj;
    }));
  const partial = fc.subarray(keys).chain((ks) => fc.tuple(...ks.map((k) => fc.oneof(plausible(k), nasty))).map((vs) => Object.fromEntries(ks.map((k, i) => [k, vs[i]]))));
  return fc.oneof({ arbitrary: random, weight: 2 }, { arbitrary: shaped, weight: 3 }, { arbitrary: partial, weight: 2 });
}

function accepts(name: MethodName, input: unknown): boolean {
  return (contract[name].input as z.ZodType).safeParse(input ?? {}).success;
}

// ---------- set-up: a small administration with a bit of everything ----------

let dir: string;
let settingsDir: string;
let file: string;

beforeAll(async () => {
  dir = tempDir('kassa-fuzz-');
  settingsDir = path.join(dir, 'instellingen');
  fs.mkdirSync(settingsDir);
  file = path.join(dir, 'fuzz.kassa');
  const s = new Session({ settingsDir });
  const call = async (m: string, i: unknown) => {
    const r = await handle(s, m, i);
    if ('error' in r) throw new Error(`${m}: ${r.error.message}`);
    return r.result as { id: number };
  };
  await call('admin.create', { path: file, name: 'Stichting Fuzz', year: 2026 });
  await call('entries.post', simpleEntry('2026-01-10', '1100', '8000', '250.00', 'Gift'));
  await call('entries.post', simpleEntry('2026-01-11', '4100', '1100', '120.00', 'Huur'));
  await call('entries.saveDraft', { date: '2026-01-12', description: 'Concept', lines: [{ account: '4200', debit: '10.00' }, { account: '1100', credit: '10.00' }] });
  s.close();
});

afterAll(cleanupTempDirs);

function snapshot(): { file: ReturnType<typeof fingerprint>; dir: string[]; settings: string[] } {
  const list = (d: string) => fs.readdirSync(d, { recursive: true }).map(String).sort();
  return { file: fingerprint(file), dir: list(dir), settings: list(settingsDir) };
}

describe('dispatch fuzz', () => {
  it('answers unknown method names with UNKNOWN_METHOD', async () => {
    const session = new Session({ settingsDir });
    const known = new Set<string>(METHODS);
    const names = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'prototype', ''),
      fc.constantFrom(...METHODS).chain((m) => fc.constantFrom(m.toUpperCase(), ` ${m}`, `${m} `, `${m}.`, `${m}\u0000`, m.replace('.', '/'), `${m}.__proto__`, m.split('.').reverse().join('.'))),
    ).filter((n) => !known.has(n));
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(names, fc.jsonValue(), async (name, input) => {
        const r = await handle(session, name, input);
        expect('error' in r && r.error.code).toBe('UNKNOWN_METHOD');
        if ('error' in r) expectDutch(r.error.message);
        tried++;
      }),
      { seed: SEED, numRuns: RUNS * 10 },
    );
    console.log(`dispatch fuzz: ${tried} unknown method names refused with UNKNOWN_METHOD`);
  });

  it('refuses every invalid input of every method, in Dutch, never INTERNAL, and writes nothing', async () => {
    const session = new Session({ settingsDir });
    const open = await handle(session, 'admin.open', { path: file });
    expect('result' in open).toBe(true);
    // Opening does not change the file; take the picture with it open but idle.
    session.close();
    const before = snapshot();
    await handle(session, 'admin.open', { path: file });

    const codes = new Map<string, number>();
    let refused = 0;
    let skippedValid = 0;
    for (const name of METHODS) {
      await fc.assert(
        fc.asyncProperty(inputFor(name), async (input) => {
          if (accepts(name, input)) {
            skippedValid++;
            return;
          }
          let r: Awaited<ReturnType<typeof handle>>;
          try {
            r = await handle(session, name, input);
          } catch (e) {
            throw new Error(`${name} threw out of handle(): ${String(e)}`, { cause: e });
          }
          expect('error' in r, `${name} accepted ${fc.stringify(input).slice(0, 200)}`).toBe(true);
          if (!('error' in r)) return;
          expect(['INVALID_INPUT', 'INVALID_AMOUNT'], `${name}: ${r.error.code} ${r.error.message}`).toContain(r.error.code);
          expectDutch(r.error.message);
          codes.set(r.error.code, (codes.get(r.error.code) ?? 0) + 1);
          refused++;
        }),
        { seed: SEED, numRuns: RUNS },
      );
    }
    // Still the same file open, still working.
    expect(session.books?.path).toBe(file);
    session.close();
    expect(snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    console.log(`dispatch fuzz: ${refused} invalid inputs over ${METHODS.length} methods refused (${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}); ${skippedValid} generated inputs were valid and not sent; file, folder and settings unchanged`);
    expect(refused).toBeGreaterThan(METHODS.length * RUNS * 0.5);
  });

  it('runs inputs the schema accepts on a scratch copy: a result or a stable Dutch error, never INTERNAL, and the books still verify', async () => {
    const scratchDir = tempDir('kassa-fuzz-scratch-');
    const scratch = path.join(scratchDir, 'kladblok.kassa');
    fs.copyFileSync(file, scratch);
    const session = new Session({ settingsDir: path.join(scratchDir, 'instellingen') });
    await handle(session, 'admin.open', { path: scratch });
    // Methods on the open file that take no file or folder paths (those write where they are told).
    const PATHS = new Set(['path', 'dir', 'folder', 'file', 'defaultPath', 'fileName', 'out']);
    const runnable = METHODS.filter((m) => contract[m].file && !shapeKeys(m).some((k) => PATHS.has(k)));
    const internal: string[] = [];
    const codes = new Map<string, number>();
    let ran = 0;
    for (const name of runnable) {
      await fc.assert(
        fc.asyncProperty(inputFor(name), async (input) => {
          if (!accepts(name, input)) return;
          const r = await handle(session, name, input);
          ran++;
          if ('error' in r) {
            codes.set(r.error.code, (codes.get(r.error.code) ?? 0) + 1);
            if (r.error.code === 'INTERNAL') internal.push(`${name} ${fc.stringify(input).slice(0, 300)}: ${String(r.error.details?.cause ?? r.error.message)}`);
            else expectDutch(r.error.message);
          }
        }),
        { seed: SEED, numRuns: RUNS },
      );
      // Whatever ran, the books are whole.
      if (session.books === null) await handle(session, 'admin.open', { path: scratch });
    }
    const v = await handle(session, 'audit.verify', {});
    session.close();
    expect(internal).toEqual([]);
    expect('result' in v && (v.result as { ok: boolean }).ok).toBe(true);
    console.log(`dispatch fuzz: ${ran} valid inputs run on ${runnable.length} methods (errors: ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}); 0 INTERNAL, books verified`);
  });
});
