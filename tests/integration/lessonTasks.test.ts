import { afterAll, describe, expect, it } from 'vitest';
import type { Entry, EntryList } from '../../shared/api/types';
import { checkTask, type Lesson, type TaskExercise } from '../../shared/lessons';
import { loadLessonsFromDir } from '../../shared/lessons/node';
import { entriesSince, maxEntryId, toTaskEntries } from '../../renderer/src/components/lessons/taskEntries';
import { cleanupTempDirs, makeBooks, type TestBooks } from './helpers';

/**
 * Issue 9: every practice task of every lesson, checked the way the app does it — through the real
 * API on a real administration: entries posted after the task started, read back with entries.list,
 * handed to checkTask(). A correct solution passes, a wrong one (other side, other amount, other
 * account) does not, and a correct entry from BEFORE the task started never counts.
 */

const YEAR = new Date().getFullYear();
const DATE = `${YEAR}-03-04`;
const lessons = loadLessonsFromDir();
const tasks = (['nl', 'en'] as const).flatMap((lang) =>
  lessons[lang].flatMap((l: Lesson) => (l.exercise.type === 'task' ? [{ lang, lesson: l, task: l.exercise as TaskExercise }] : [])),
);

/** What the learner would book: the check's account on its side, the counter account (or 2000 Vraagposten) opposite. */
function solution(task: TaskExercise, change: 'none' | 'side' | 'amount' | 'account' = 'none') {
  const c = task.check;
  const amount = change === 'amount' ? '1.00' : c.amount;
  const counter = c.counterAccount ?? '2000';
  const side = change === 'side' ? (c.side === 'debit' ? 'credit' : 'debit') : c.side;
  const other = side === 'debit' ? 'credit' : 'debit';
  const account = change === 'account' ? (c.account === '4999' ? '4998' : '4999') : c.account;
  return {
    date: DATE,
    description: `Oefening ${change}`,
    lines: [
      { account, [side]: amount },
      { account: counter, [other]: amount },
    ],
  };
}

async function allEntries(b: TestBooks): Promise<Entry[]> {
  const r = await b.call<EntryList>('entries.list', { status: 'posted', limit: 1000 });
  return r.items;
}

async function check(b: TestBooks, task: TaskExercise, afterId: number, lang: 'nl' | 'en') {
  const { entries, accountNames } = toTaskEntries(entriesSince(await allEntries(b), afterId));
  return checkTask(task.check, entries, { accountNames, lang });
}

afterAll(() => cleanupTempDirs());

describe('practice tasks through the real API', () => {
  it('there are practice tasks in both languages', () => {
    expect(tasks.filter((t) => t.lang === 'nl').length).toBeGreaterThanOrEqual(3);
    expect(tasks.filter((t) => t.lang === 'en').length).toBe(tasks.filter((t) => t.lang === 'nl').length);
  });

  for (const { lang, lesson, task } of tasks) {
    it(`${lang}/${lesson.id}: correct passes, wrong fails, earlier entries do not count`, async () => {
      const b = await makeBooks({ year: YEAR, name: 'Oefenstichting De Buurt' });
      try {
        // Make sure the "other" account for the wrong-account case exists.
        const wrongAccount = task.check.account === '4999' ? '4998' : '4999';
        const accounts = await b.call<{ code: string }[]>('accounts.list', {});
        if (!accounts.some((a) => a.code === wrongAccount)) {
          await b.call('accounts.create', { code: wrongAccount, name: 'Overige kosten oefening', type: 'expense' });
        }

        // A correct entry made before the task started must not pass the task.
        await b.call('entries.post', solution(task));
        const afterId = maxEntryId(await allEntries(b));
        const none = await check(b, task, afterId, lang);
        expect(none.ok).toBe(false);
        expect(none.feedback).toMatch(lang === 'nl' ? /nog geen boeking/ : /no entry yet/);

        for (const change of ['side', 'amount', 'account'] as const) {
          const start = maxEntryId(await allEntries(b));
          await b.call('entries.post', solution(task, change));
          const r = await check(b, task, start, lang);
          expect(r.ok, `${change}: ${r.feedback}`).toBe(false);
          expect(r.feedback.length).toBeGreaterThan(20);
        }

        const start = maxEntryId(await allEntries(b));
        await b.call('entries.post', solution(task));
        const ok = await check(b, task, start, lang);
        expect(ok.ok, ok.feedback).toBe(true);
        expect(ok.feedback).toMatch(lang === 'nl' ? /Goed gedaan/ : /Well done/);
        // The account name from the real chart shows in the feedback.
        const names = toTaskEntries(await allEntries(b)).accountNames;
        expect(ok.feedback).toContain(names[task.check.account] ?? '');
      } finally {
        b.close();
      }
    });
  }
});
