import { startTransition, useEffect, useState } from 'react';

/**
 * A long table's rows in two steps: the first `first` rows (more than a window shows) at once, the
 * rest right after that frame is painted. Laying out a table costs time for every row, also the
 * ones below the window: the general ledger's page of 100 rows took 10-30 ms of layout on the way
 * to its first paint (issue 18, measured with a Chromium trace). The rest follows as a transition,
 * so typing or clicking meanwhile goes first. `complete` says whether every row is shown (what
 * comes after the last row waits for it).
 */
export function useStagedRows<T>(rows: T[], first: number): { shown: T[]; complete: boolean } {
  // The list whose rows are all shown; a new list (another page, another filter) starts again.
  const [whole, setWhole] = useState<T[] | null>(null);
  const staged = rows.length > first && whole !== rows;
  useEffect(() => {
    if (!staged) return;
    let timer = 0;
    const frame = window.requestAnimationFrame(() => {
      // requestAnimationFrame runs before the paint; the timer after it.
      timer = window.setTimeout(() => startTransition(() => setWhole(rows)), 0);
    });
    return () => {
      window.cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [staged, rows]);
  return staged ? { shown: rows.slice(0, first), complete: false } : { shown: rows, complete: true };
}
