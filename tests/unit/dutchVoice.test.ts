import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 18, "one voice": the app addresses the treasurer as "u" everywhere, lessons included. This
 * fails on the informal forms as whole words in every Dutch UI text source: the nl i18n files, the
 * Dutch lessons, and the string literals of shared/, electron/ and renderer/src (Dutch error messages,
 * PDF and Excel texts, CLI output). "jeugd", "projecten" or "Jeroen" are not words of the list.
 */
const root = path.resolve(__dirname, '..', '..');
const INFORMAL = /(?<![\p{L}\p{N}_])(?:je|jij|jou|jouw|jouwe|jezelf|jullie)(?![\p{L}\p{N}_])/giu;

function informalWords(text: string): string[] {
  return [...text.matchAll(INFORMAL)].map((m) => m[0]);
}

function walk(dir: string, keep: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') out.push(...walk(p, keep));
    } else if (keep(p)) out.push(p);
  }
  return out;
}

const rel = (f: string) => path.relative(root, f);

/** Every string value of a JSON file, with its key path. */
function jsonStrings(value: unknown, at = ''): { at: string; text: string }[] {
  if (typeof value === 'string') return [{ at, text: value }];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => jsonStrings(v, at ? `${at}.${k}` : k));
  return [];
}

/** The text of every string literal, template part and JSX text of a TypeScript file (no comments). */
function codeStrings(file: string): { line: number; text: string }[] {
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isJsxText(node)) {
      out.push({ line: src.getLineAndCharacterOfPosition(node.getStart(src)).line + 1, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return out;
}

describe('the matcher', () => {
  it('finds the informal forms as whole words only', () => {
    expect(informalWords('Heb je een bon? Jij betaalt. Dat is jouw geld, niet de jouwe. Betaal jezelf niet. Jullie stichting, voor jou.')).toEqual([
      'je',
      'Jij',
      'jouw',
      'jouwe',
      'jezelf',
      'Jullie',
      'jou',
    ]);
    expect(informalWords('Jeugdwerk, projecten, Jeroen, objecten, jeans, "u" en uw, joules, jouwer-achtig')).toEqual([]);
  });
});

describe('Dutch UI text says "u", never je/jij/jouw', () => {
  const nlJson = [path.join(root, 'renderer', 'src'), path.join(root, 'shared', 'i18n')].flatMap((d) => walk(d, (f) => path.basename(f) === 'nl.json'));
  const lessons = walk(path.join(root, 'renderer', 'lessons', 'nl'), (f) => f.endsWith('.md'));
  const code = ['shared', 'electron', path.join('renderer', 'src')].flatMap((d) => walk(path.join(root, d), (f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts')));

  it('scans every source: the nl i18n files, the 13 Dutch lessons and the code', () => {
    expect(nlJson.map(rel)).toEqual(expect.arrayContaining(['renderer/src/i18n/nl.json', 'renderer/src/screens/lessons/nl.json', 'renderer/src/screens/invoices/nl.json', 'shared/i18n/errors/nl.json']));
    expect(nlJson.length).toBeGreaterThanOrEqual(10);
    expect(lessons.length).toBeGreaterThanOrEqual(13);
    expect(code.map(rel)).toEqual(expect.arrayContaining(['shared/errors.ts', 'electron/api.ts', 'electron/cli.ts']));
  });

  it('i18n files (nl)', () => {
    const found = nlJson.flatMap((f) =>
      jsonStrings(JSON.parse(fs.readFileSync(f, 'utf8'))).flatMap(({ at, text }) => (informalWords(text).length ? [`${rel(f)} ${at}: ${text}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('lessons (nl), front matter and exercises included', () => {
    const found = lessons.flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (informalWords(line).length ? [`${rel(f)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('strings in the code: error messages, PDF, Excel and CLI texts', () => {
    const found = code.flatMap((f) => codeStrings(f).flatMap(({ line, text }) => (informalWords(text).length ? [`${rel(f)}:${line}: ${text.trim().slice(0, 120)}`] : [])));
    expect(found).toEqual([]);
  });
});
