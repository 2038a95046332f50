/** Pure helpers between the API's entries and the shared checkTask(). No renderer imports. */
import type { Entry } from '../../../../shared/api/types';
import type { TaskEntry } from '../../../../shared/lessons';

export function maxEntryId(entries: readonly Pick<Entry, 'id'>[]): number {
  return entries.reduce((m, e) => Math.max(m, e.id), 0);
}

/** The entries in the shape checkTask wants, plus account names for its feedback. */
export function toTaskEntries(entries: readonly Entry[]): { entries: TaskEntry[]; accountNames: Record<string, string> } {
  const accountNames: Record<string, string> = {};
  const list = entries.map((e) => ({
    date: e.date,
    description: e.description,
    lines: e.lines.map((l) => {
      accountNames[l.account] = l.accountName;
      return { account: l.account, ...(l.debit !== null ? { debit: l.debit } : {}), ...(l.credit !== null ? { credit: l.credit } : {}) };
    }),
  }));
  return { entries: list, accountNames };
}

/** The entries posted after the task started (ids only grow; posted entries are never deleted). */
export function entriesSince<E extends Pick<Entry, 'id'>>(entries: readonly E[], afterId: number): E[] {
  return entries.filter((e) => e.id > afterId);
}
