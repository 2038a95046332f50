import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The cascade of the code-split renderer: every stylesheet is imported by main.tsx, feature sheets
 * before styles.css. A sheet imported by a lazily loaded screen would arrive last and win ties of
 * equal specificity over the shared rules (it did: the balance sheet's postings table got the
 * detail row's 3.5rem padding in every cell and wrapped its booking numbers letter by letter).
 */
const src = path.resolve(__dirname, '../../renderer/src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

describe('stylesheets', () => {
  const all = files(src);
  const mainText = fs.readFileSync(path.join(src, 'main.tsx'), 'utf8');
  const imported = [...mainText.matchAll(/^import '(\.\/[^']+\.css)';$/gm)].map((m) => path.resolve(src, m[1]!));

  it('only main.tsx imports CSS', () => {
    const importing = all.filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('main.tsx') && /import\s+['"][^'"]+\.css['"]/.test(fs.readFileSync(f, 'utf8')));
    expect(importing.map((f) => path.relative(src, f))).toEqual([]);
  });

  it('main.tsx imports every sheet, styles.css last', () => {
    const sheets = all.filter((f) => f.endsWith('.css')).sort();
    expect([...imported].sort()).toEqual(sheets);
    expect(imported.at(-1)).toBe(path.join(src, 'styles.css'));
  });
});
