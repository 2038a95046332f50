import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { parseLesson } from '../shared/lessons/parse';
import { LANGS } from '../shared/lessons/schema';

const ID = 'virtual:lesson-index';
const RESOLVED = `\0${ID}`;

/**
 * `virtual:lesson-index`: id, order and title of every lesson per language, read at build time
 * with the app's own lesson parser. The shell's "?" button and first-time tips need only these;
 * the full lessons (Markdown, YAML, their parser) stay in the lesson chunks that render them.
 * Titles keep their {{…}} placeholders: the renderer fills them like the full lessons.
 */
export function lessonIndex(lessonsDir: string): Plugin {
  return {
    name: 'kassa-lesson-index',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const index: Record<string, { id: string; order: number; title: string }[]> = {};
      for (const lang of LANGS) {
        const dir = path.join(lessonsDir, lang);
        const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
        index[lang] = files.map((f) => {
          const file = path.join(dir, f);
          this.addWatchFile(file);
          const l = parseLesson(readFileSync(file, 'utf8'), lang, file);
          return { id: l.id, order: l.order, title: l.title };
        });
        index[lang].sort((a, b) => a.order - b.order);
      }
      return `export default ${JSON.stringify(index)};`;
    },
  };
}
