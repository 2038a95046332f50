import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 10: the renderer shows names, descriptions and bank texts that come from users and imported
 * files. React escapes them as long as they are rendered as text; these APIs would parse them as
 * HTML instead (a bank description with "<img onerror=…>" would run). None of them may appear in
 * renderer sources. Markdown (the lessons) goes through react-markdown without raw HTML.
 */
const root = path.resolve(__dirname, '..', '..');

const FORBIDDEN: [RegExp, string][] = [
  [/dangerouslySetInnerHTML/, 'dangerouslySetInnerHTML'],
  [/\.innerHTML\b/, '.innerHTML'],
  [/\.outerHTML\s*=/, '.outerHTML ='],
  [/insertAdjacentHTML\s*\(/, 'insertAdjacentHTML()'],
  [/document\.write(ln)?\s*\(/, 'document.write()'],
  [/createContextualFragment\s*\(/, 'createContextualFragment()'],
  [/\bsrcdoc\b|srcDoc\s*=/, 'iframe srcdoc'],
  [/DOMParser\s*\(\)[\s\S]{0,200}parseFromString\([^)]*['"]text\/html['"]/, 'DOMParser text/html'],
  [/rehype-raw|allowDangerousHtml|skipHtml\s*=\s*\{?\s*false/, 'raw HTML in markdown'],
  [/\beval\s*\(|new Function\s*\(/, 'eval'],
  [/href=\{[^}]*javascript:/i, 'javascript: link'],
];

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(child);
      } else if (/\.(ts|tsx|js|jsx|mjs|html)$/.test(entry.name)) out.push(child);
    }
  };
  walk(dir);
  return out;
}

describe('renderer: no HTML built from text', () => {
  it('no renderer source uses innerHTML, dangerouslySetInnerHTML or their relatives', () => {
    const files = [...sources('renderer/src'), ...(fs.existsSync(path.join(root, 'renderer/index.html')) ? ['renderer/index.html'] : [])];
    expect(files.length).toBeGreaterThan(5);
    const offenders: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(path.join(root, f), 'utf8');
      text.split('\n').forEach((line, i) => {
        for (const [re, what] of FORBIDDEN) if (re.test(line)) offenders.push(`${f}:${i + 1}: ${what}`);
      });
    }
    expect(offenders, `HTML injection risk:\n${offenders.join('\n')}`).toEqual([]);
  });

  it('the check itself catches what it should', () => {
    const bad = ['<div dangerouslySetInnerHTML={{ __html: x }} />', 'el.innerHTML = name;', 'el.insertAdjacentHTML("beforeend", t)', 'document.write(x)', '<iframe srcDoc={html} />'];
    for (const line of bad) expect(FORBIDDEN.some(([re]) => re.test(line)), line).toBe(true);
    const good = ['<p>{entry.description}</p>', 'el.textContent = name;', "const innerHtmlFree = 'ok';"];
    for (const line of good) expect(FORBIDDEN.some(([re]) => re.test(line)), line).toBe(false);
  });
});
