import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREEN_IDS } from '../../shared/lessons';
import { loadLessonsFromDir } from '../../shared/lessons/node';
import { dropLeadingTitle, splitTables } from '../../renderer/src/components/lessons/markdownTables';
import { mergeProgress } from '../../renderer/src/components/lessons/progress';
import { appRouteIds } from './appTables';

/**
 * Issue 9, the in-app lessons: every screen a lesson points to is a real route of the app (read
 * from App.tsx's SCREENS table and the feature screen tables it spreads in), every screen has a
 * first-time tip in both languages, the lesson texts of the UI exist in nl and en.
 */
const root = path.resolve(__dirname, '..', '..');
const routes = appRouteIds();
const lessons = loadLessonsFromDir();

describe('lesson links resolve to app routes', () => {
  it('App.tsx has the core routes and the lesson routes', () => {
    for (const id of ['dashboard', 'money-out', 'manual-entry', 'lessons', 'lesson']) expect(routes.has(id), id).toBe(true);
  });

  it('every SCREEN_ID lessons may use is a route', () => {
    expect(SCREEN_IDS.filter((id) => !routes.has(id))).toEqual([]);
  });

  for (const lang of ['nl', 'en'] as const) {
    for (const l of lessons[lang]) {
      it(`${lang}/${l.id}: screens, screen: links and the task screen are routes`, () => {
        const used = [...l.screens, ...l.screenLinks, ...(l.exercise.type === 'task' && l.exercise.screen ? [l.exercise.screen] : [])];
        expect(used.filter((s) => !routes.has(s))).toEqual([]);
      });
    }
  }
});

describe('quizzes', () => {
  for (const lang of ['nl', 'en'] as const) {
    for (const l of lessons[lang]) {
      if (l.exercise.type !== 'quiz') continue;
      const quiz = l.exercise;
      it(`${lang}/${l.id}: 3–5 questions, exactly one correct option each, feedback on every option`, () => {
        expect(quiz.questions.length).toBeGreaterThanOrEqual(3);
        expect(quiz.questions.length).toBeLessThanOrEqual(5);
        for (const q of quiz.questions) {
          expect(q.options.filter((o) => o.correct === true).length, q.id).toBe(1);
          for (const o of q.options) expect(o.feedback.trim().length).toBeGreaterThan(0);
        }
      });
    }
  }
});

const readJson = (p: string) => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8')) as Record<string, unknown>;
function flatKeys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? flatKeys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('lesson UI texts', () => {
  const nl = readJson('renderer/src/screens/lessons/nl.json');
  const en = readJson('renderer/src/screens/lessons/en.json');

  it('nl and en have the same keys', () => {
    expect(flatKeys(en).sort()).toEqual(flatKeys(nl).sort());
  });

  it('every screen the lessons know has a first-time tip', () => {
    const hints = (nl.lessons as { hint: Record<string, string> }).hint;
    expect(SCREEN_IDS.filter((id) => typeof hints[id] !== 'string')).toEqual([]);
  });

  it('every floor has a name and a text', () => {
    const floors = (nl.lessons as { floor: Record<string, { name: string; text: string }> }).floor;
    for (const f of ['kelder', 'begane-grond', 'eerste-verdieping']) expect(floors[f]?.name).toBeTruthy();
  });
});

describe('markdown tables and progress (pure helpers)', () => {
  it('cuts pipe tables out of the Markdown', () => {
    const parts = splitTables('Tekst.\n\n| Kosten | Bedrag |\n| --- | ---: |\n| Huur | € 500 |\n| **Totaal** | € 500 |\n\nNog meer tekst.');
    expect(parts.map((p) => p.type)).toEqual(['markdown', 'table', 'markdown']);
    const table = parts[1];
    expect(table?.type === 'table' ? table.header : null).toEqual(['Kosten', 'Bedrag']);
    expect(table?.type === 'table' ? table.rows : null).toEqual([
      ['Huur', '€ 500'],
      ['**Totaal**', '€ 500'],
    ]);
  });

  it('leaves a single pipe line without separator as text', () => {
    expect(splitTables('a | b\n| c |').map((p) => p.type)).toEqual(['markdown']);
  });

  it('the budget lesson table is found', () => {
    const l = lessons.nl.find((x) => x.id === 'budget-coverage-plan');
    const tables = (l?.blocks ?? []).flatMap((b) => (b.type === 'markdown' ? splitTables(b.markdown) : [])).filter((p) => p.type === 'table');
    expect(tables.length).toBeGreaterThanOrEqual(1);
  });

  it('drops the leading title only', () => {
    expect(dropLeadingTitle('# Titel\n\nTekst\n## Kop')).toBe('\nTekst\n## Kop');
    expect(dropLeadingTitle('Tekst')).toBe('Tekst');
  });

  it('keeps the best score and a lesson once done stays done', () => {
    expect(mergeProgress(undefined, { done: false, score: 2 })).toEqual({ done: false, score: 2 });
    expect(mergeProgress({ done: true, score: 4 }, { done: false, score: 1 })).toEqual({ done: true, score: 4 });
    expect(mergeProgress({ done: false }, { done: true })).toEqual({ done: true });
  });
});
