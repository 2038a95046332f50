import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every user-visible string of the renderer goes through t(): the Dutch and English files must
 * have the same keys, and every literal key the code asks for must exist. Features keep their own
 * nl.json/en.json beside their screens (merged into the one namespace at run time); all count.
 */
const root = path.resolve(__dirname, '..', '..', 'renderer', 'src');
const readJson = (p: string) => JSON.parse(fs.readFileSync(p, 'utf8')) as Record<string, unknown>;

function flatten(obj: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [kk, vv] of flatten(v as Record<string, unknown>, key)) out.set(kk, vv);
    else out.set(key, String(v));
  }
  return out;
}

function files(dir: string, test: (name: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p, test);
    return test(e.name) ? [p] : [];
  });
}
const sources = (dir: string) => files(dir, (n) => /\.(ts|tsx)$/.test(n));

/** Each folder with an nl.json has an en.json beside it (the said() texts live in shared/i18n/errors, loaded by serverText.ts). */
const bundles = [...files(root, (n) => n === 'nl.json'), path.join(root, '..', '..', 'shared', 'i18n', 'errors', 'nl.json')].map((nlFile) => ({
  dir: path.relative(root, path.dirname(nlFile)),
  nl: flatten(readJson(nlFile)),
  en: fs.existsSync(path.join(path.dirname(nlFile), 'en.json')) ? flatten(readJson(path.join(path.dirname(nlFile), 'en.json'))) : new Map<string, string>(),
}));
const nlKeys = new Map(bundles.flatMap((b) => [...b.nl]));
const enKeys = new Map(bundles.flatMap((b) => [...b.en]));
/** i18next plural forms: "count_one"/"count_other" answer to "count". */
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');
const known = new Set([...nlKeys.keys()].map(base));

describe('renderer translations', () => {
  it('has the same keys in Dutch and English', () => {
    for (const b of bundles) expect([...b.en.keys()].sort(), b.dir).toEqual([...b.nl.keys()].sort());
  });

  it('has no empty texts in any bundle, in either language', () => {
    expect(bundles.find((b) => b.dir === 'i18n')).toBeDefined();
    for (const b of bundles) for (const [k, v] of [...b.nl, ...b.en]) expect(v.trim(), `${b.dir}: ${k}`).not.toBe('');
  });

  it('knows every key the code asks for', () => {
    const missing: string[] = [];
    for (const file of sources(root)) {
      const code = fs.readFileSync(file, 'utf8');
      for (const m of code.matchAll(/\bt\(\s*'([^']+)'/g)) if (!known.has(m[1]!)) missing.push(`${path.basename(file)}: ${m[1]}`);
      // Template keys: the fixed part before the first ${ must start at least one key.
      for (const m of code.matchAll(/\bt\(\s*`([^`$]*)\$\{/g)) {
        const prefix = m[1]!;
        if (![...known].some((k) => k.startsWith(prefix))) missing.push(`${path.basename(file)}: ${prefix}…`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('uses the same {{placeholders}} in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of nlKeys) expect(vars(enKeys.get(k) ?? ''), k).toEqual(vars(v));
  });
});
