import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exerciseTexts, fillLessonPlaceholders, findHandWrittenScreenLinks, lintLesson, parseLesson, SCREEN_IDS, type Lesson } from '../../shared/lessons';
import { loadLessonsFromDir } from '../../shared/lessons/node';
import { DETAIL_OF, helpFor, SCREEN_HELP } from '../../renderer/src/components/lessons/screenHelp';
import { appMenuIds, appRouteIds, navLabels } from './appTables';

/**
 * Issue 18, "one voice": lessons name screens only through the menu's own i18n key, and every
 * screen's tip links the lesson about that screen.
 */
const root = path.resolve(__dirname, '..', '..');
const lessons = loadLessonsFromDir();
const menu = appMenuIds();
const labels = { nl: navLabels('nl'), en: navLabels('en') };
const LANGS = ['nl', 'en'] as const;

/** Everything a reader sees of a lesson, as written (before any placeholder is filled). */
const readerText = (l: Lesson) => [l.title, l.summary ?? '', l.body, ...exerciseTexts(l)].join('\n');

/**
 * Words after which a lesson names a place in the app ("Ga naar …", "Bij …", "Under …"). A capitalised
 * word right after one of them is a screen name typed by hand, unless it is one of the proper nouns
 * below; a screen must be written as {{screen:<id>}} there.
 */
const CUES = {
  nl: /\b(?:[Bb]ij|[Gg]a naar|[Hh]et scherm|[Vv]ia|[Oo]pen|[Kk]ies|[Kk]lik op|[Ii]n|[Oo]p)[ \t]+(?!\{\{\s*screen:)(\p{Lu}[\p{L}\p{N}-]*)/gu,
  en: /\b(?:[Uu]nder|[Gg]o to|[Tt]he|[Oo]pen|[Cc]hoose|[Cc]lick|[Tt]hrough|[Ii]n|[Oo]n|[Ww]ith)[ \t]+(?!\{\{\s*screen:)(\p{Lu}[\p{L}\p{N}-]*)/gu,
};
const PROPER_NOUNS = ['Kijk', 'ANBI', 'KvK', 'RSIN', 'VAT', 'CAMT', 'MT940', 'DIY', 'Buurtkracht', 'January', 'December', 'Monday'];

function handTypedScreenNames(text: string, lang: 'nl' | 'en'): string[] {
  return [...text.matchAll(CUES[lang])].map((m) => m[0]).filter((hit) => !PROPER_NOUNS.includes(hit.split(/[ \t]+/).at(-1) ?? ''));
}

describe('lessons name screens by the menu key', () => {
  it('the menu is read from App.tsx and has a label in both languages for every item', () => {
    expect(menu).toEqual(expect.arrayContaining(['dashboard', 'money-in', 'money-out', 'purchases', 'statements', 'year-end']));
    for (const lang of LANGS) expect(menu.filter((id) => !labels[lang].has(id)), lang).toEqual([]);
  });

  it('every screen a lesson may name is a menu item', () => {
    expect(SCREEN_IDS.filter((id) => !menu.includes(id))).toEqual([]);
  });

  for (const lang of LANGS) {
    for (const l of lessons[lang]) {
      it(`${lang}/${l.id}: every {{screen:…}} is a menu item with a label; no screen name typed by hand`, () => {
        expect(l.screenLinks.filter((id) => !menu.includes(id) || !labels[lang].has(id))).toEqual([]);
        expect(findHandWrittenScreenLinks(l.body)).toEqual([]);
        expect(handTypedScreenNames(readerText(l), lang)).toEqual([]);
      });
    }
  }

  it('the nl and en version of a lesson name the same screens', () => {
    for (const l of lessons.nl) {
      const en = lessons.en.find((x) => x.id === l.id);
      expect([...(en?.screenLinks ?? [])].sort(), l.id).toEqual([...l.screenLinks].sort());
    }
  });

  it('the money lessons send the reader to the screens as the menu calls them', () => {
    const label = (lang: 'nl' | 'en') => (id: string) => labels[lang].get(id) ?? `?${id}`;
    const nl = fillLessonPlaceholders(lessons.nl.find((l) => l.id === 'money-in-out') as Lesson, {}, label('nl'));
    const en = fillLessonPlaceholders(lessons.en.find((l) => l.id === 'money-in-out') as Lesson, {}, label('en'));
    expect(nl.body).toContain('[Geld uitgeven](screen:money-out)');
    expect(nl.body).toContain('[Geld overboeken](screen:transfer)');
    expect(en.body).toContain('[Money spent](screen:money-out)');
    expect(nl.exercise.type === 'task' ? nl.exercise.instructions : '').toContain('Ga naar Geld uitgeven.');
    for (const text of [nl.body, en.body]) expect(text).not.toMatch(/\b(?:Geld uit|Geld in|Overboeken|Money out|Money in)\]/);
  });

  it('the checks can fail: an old-style lesson is reported', () => {
    const front = fs.readFileSync(path.join(root, 'renderer', 'lessons', 'nl', '02-money-in-out.md'), 'utf8').split('\n---\n')[0];
    const old = parseLesson(`${front}\n---\n# Titel\n\nGa naar Geld uit. Bij [Overboeken](screen:transfer) boekt u de kas.\n`, 'nl');
    expect(findHandWrittenScreenLinks(old.body)).toEqual(['transfer']);
    expect(lintLesson(old).some((p) => p.includes('{{screen:transfer}}'))).toBe(true);
    expect(handTypedScreenNames(readerText(old), 'nl')).toEqual(['Ga naar Geld']);
    expect(handTypedScreenNames('Go to Money out. Under {{screen:money-out}} you pay. With Money in it is booked.', 'en')).toEqual(['Go to Money', 'With Money']);
  });
});

describe('every screen’s tip links the lesson about that screen', () => {
  const routes = appRouteIds();
  const tips = (lang: 'nl' | 'en') =>
    (JSON.parse(fs.readFileSync(path.join(root, 'renderer', 'src', 'screens', 'lessons', `${lang}.json`), 'utf8')) as { lessons: { hint: Record<string, string> } }).lessons.hint;

  it('every menu screen is in the table, and every table row is a menu screen', () => {
    expect(menu.filter((id) => !(id in SCREEN_HELP))).toEqual([]);
    expect(Object.keys(SCREEN_HELP).filter((id) => !menu.includes(id))).toEqual([]);
  });

  it('every detail screen belongs to a menu screen and is a route', () => {
    for (const [detail, parent] of Object.entries(DETAIL_OF)) {
      expect(routes.has(detail), detail).toBe(true);
      expect(menu, detail).toContain(parent);
    }
  });

  for (const [screen, help] of Object.entries(SCREEN_HELP)) {
    it(`${screen}: its own tip in nl and en, and a lesson that lists ${screen}`, () => {
      if (help.tip !== null) {
        expect(help.tip).toBe(screen);
        for (const lang of LANGS) expect(typeof tips(lang)[help.tip], `${lang} lessons.hint.${help.tip}`).toBe('string');
      }
      if (help.lesson !== null) {
        for (const lang of LANGS) {
          const lesson = lessons[lang].find((l) => l.id === help.lesson);
          expect(lesson, `${lang}/${help.lesson}`).toBeDefined();
          expect(lesson?.screens as readonly string[] | undefined, `${lang}/${help.lesson} screens`).toContain(screen);
        }
      }
    });
  }

  it('no two screens share a tip text (a screen never shows a neighbour’s tip)', () => {
    for (const lang of LANGS) {
      const texts = Object.values(SCREEN_HELP).flatMap((h) => (h.tip === null ? [] : [tips(lang)[h.tip]]));
      expect(new Set(texts).size, lang).toBe(texts.length);
    }
  });

  it('purchase invoices, the balance sheet and the year end link their own lesson', () => {
    expect(helpFor('purchases')).toEqual({ tip: 'purchases', lesson: 'money-in-out' });
    expect(helpFor('purchase-edit')).toEqual({ tip: 'purchases', lesson: 'money-in-out' });
    expect(helpFor('statements').lesson).toBe('year-end');
    expect(helpFor('year-end').lesson).toBe('year-end');
    expect(helpFor('invoice-edit')).toEqual({ tip: 'invoices', lesson: 'invoice' });
    expect(helpFor('no-such-screen')).toEqual({ tip: null, lesson: null });
  });
});
