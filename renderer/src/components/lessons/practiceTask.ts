/**
 * A practice task is checked against the entries posted in the practice administration SINCE the
 * learner started the task, so an older entry can never pass it. When the task starts we remember
 * the highest entry id (per lesson, in this browser profile); the check reads the entries with a
 * higher id through entries.list and hands them to the shared checkTask().
 */
import type { Entry } from '../../../../shared/api/types';
import { checkTask, type TaskCheck, type TaskResult } from '../../../../shared/lessons';
import { call } from '../../api';
import { entriesSince, maxEntryId, toTaskEntries } from './taskEntries';

const PAGE = 1000;
const KEY = 'kassa-lesson-task:';

/** Every posted entry of the open administration, page by page (the practice file is small). */
async function allPostedEntries(): Promise<Entry[]> {
  const out: Entry[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await call('entries.list', { status: 'posted', limit: PAGE, offset });
    out.push(...page.items);
    if (page.items.length < PAGE || out.length >= page.total) return out;
  }
}

interface Baseline {
  afterId: number;
  file: string;
}

function readBaseline(lessonId: string): Baseline | null {
  try {
    const raw = window.localStorage.getItem(KEY + lessonId);
    if (!raw) return null;
    const b = JSON.parse(raw) as Partial<Baseline>;
    return typeof b.afterId === 'number' && typeof b.file === 'string' ? { afterId: b.afterId, file: b.file } : null;
  } catch {
    return null;
  }
}

function writeBaseline(lessonId: string, b: Baseline): void {
  try {
    window.localStorage.setItem(KEY + lessonId, JSON.stringify(b));
  } catch {
    // Without storage the task still works in this session through the returned value.
  }
}

/** Forget every started task (after the practice administration was reset). */
export function clearTaskBaselines(): void {
  try {
    for (let i = window.localStorage.length - 1; i >= 0; i -= 1) {
      const k = window.localStorage.key(i);
      if (k?.startsWith(KEY)) window.localStorage.removeItem(k);
    }
  } catch {
    // nothing stored
  }
}

export function taskStarted(lessonId: string, file: string): boolean {
  return readBaseline(lessonId)?.file === file;
}

/** Start (or restart) a task: remember the newest entry id of the open administration. */
export async function startTask(lessonId: string, file: string): Promise<void> {
  writeBaseline(lessonId, { afterId: maxEntryId(await allPostedEntries()), file });
}

export type CheckOutcome = TaskResult & { restarted?: boolean };

/**
 * Check the task. When the task was never started in this file, or the file was reset since (its
 * newest id is lower than the remembered one), start it now and say so instead of checking.
 */
export async function checkPracticeTask(lessonId: string, file: string, check: TaskCheck, lang: 'nl' | 'en'): Promise<CheckOutcome> {
  const entries = await allPostedEntries();
  const base = readBaseline(lessonId);
  if (!base || base.file !== file || maxEntryId(entries) < base.afterId) {
    writeBaseline(lessonId, { afterId: maxEntryId(entries), file });
    return { ok: false, feedback: '', restarted: true };
  }
  const since = entriesSince(entries, base.afterId);
  const { entries: taskEntries, accountNames } = toTaskEntries(since);
  return checkTask(check, taskEntries, { accountNames, lang });
}
