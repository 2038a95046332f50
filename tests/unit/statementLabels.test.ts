import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASHFLOW_LABELS } from '../../electron/books/statements/cashFlow';
import { BALANCE_ACTIVA, BALANCE_PASSIVA, incomeLayout, OBJECTIVES_UNDIVIDED, type LayoutNode } from '../../electron/books/statements/layout';
import { DUTCH_ALLOWED, DUTCH_WORDS, leftovers } from '../e2e/languageWords';

/**
 * Issue 18: the statements keep the Dutch legal layout on the server (PDF, XLSX and CSV exports are
 * Dutch documents), and the screens name every row by its key in the UI language. A new row in a
 * layout without an English name would show its Dutch label in the English UI (the key's default):
 * this test names it. The objectives' own lines are the treasurer's names and are left out.
 */
const bundle = (lang: string) => (JSON.parse(fs.readFileSync(path.resolve(__dirname, `../../renderer/src/screens/statements/${lang}.json`), 'utf8')) as {
  statements: { lines: Record<string, string>; cashLines: Record<string, string>; cashSections: Record<string, string>; anbi: { figures: Record<string, string> } };
}).statements;
const en = bundle('en');
const nl = bundle('nl');
const keys = (nodes: LayoutNode[]) => nodes.map((n) => n.key).filter((k) => !/^doelstelling_\d+$/.test(k));
const dutchIn = (s: string) => leftovers(s, DUTCH_WORDS, DUTCH_ALLOWED, []);

describe('statement row names in English', () => {
  it('has an English name, without Dutch words, for every row of every layout', () => {
    const all = new Set([
      ...keys(BALANCE_ACTIVA), ...keys(BALANCE_PASSIVA), ...keys(incomeLayout('rj640')), ...keys(incomeLayout('rj650')),
      ...keys(incomeLayout('rj650', [{ id: 1, name: 'Taalles' }])),
    ]);
    expect(all.has(OBJECTIVES_UNDIVIDED)).toBe(true);
    expect(all.size).toBeGreaterThan(40);
    const missing = [...all].filter((k) => !en.lines[k] || !nl.lines[k]);
    expect(missing).toEqual([]);
    expect([...all].flatMap((k) => dutchIn(en.lines[k]!).map((l) => `${k}: ${l.word}`))).toEqual([]);
  });

  it('has English names for the cash flow lines and sections', () => {
    const missing = Object.keys(CASHFLOW_LABELS).filter((k) => !en.cashLines[k] && !en.lines[k]);
    expect(missing).toEqual([]);
    expect(Object.keys(en.cashSections).sort()).toEqual(['financiering', 'investeringen', 'operationeel']);
  });

  it('has an English name for every row of the ANBI standard form', () => {
    // The form's own rows are written in anbi.ts as row('key', …), zero('key', …) and fig('key', …).
    const src = fs.readFileSync(path.resolve(__dirname, '../../electron/books/statements/anbi.ts'), 'utf8');
    const form = [...src.matchAll(/\b(?:row|zero|fig)\('([a-z_]+)'/g)].map((m) => m[1]!);
    expect(form.length).toBeGreaterThan(15);
    expect(form.filter((k) => !en.anbi.figures[k] || !nl.anbi.figures[k])).toEqual([]);
    expect(form.flatMap((k) => dutchIn(en.anbi.figures[k]!).map((l) => `${k}: ${l.word}`))).toEqual([]);
  });
});
