import { READ_METHODS } from '../../shared/api/methodKinds';

/**
 * How many calls that may change the books this window has made (counted as they start and as
 * they end), plus the times it got the focus back. A kept answer (keptAnswers.ts) belongs to one
 * count: any other call that could write makes it stale at once, even where a screen forgets to
 * tell the shell that the books changed.
 * Its own module so api.ts can count without importing the kept answers (which import api.ts).
 */
let count = 0;

export const writeCount = (): number => count;

/**
 * Reads that change which books are open: opening the same file again after the CLI (or anything
 * else) changed it while it was closed must not draw what was kept before.
 */
const OPENS: ReadonlySet<string> = new Set(['admin.open', 'admin.create', 'admin.close', 'app.practice.open']);

/** Called by api.ts around every call; reads (shared/api/methodKinds.ts) leave the count alone. */
export function countIfWrite(method: string): void {
  if (!READ_METHODS.has(method) || OPENS.has(method)) count += 1;
}

/**
 * Count one more when the window gets the focus back: whatever happened meanwhile elsewhere (a
 * second tab of the browser mode on the same books, the kassa command in a terminal) was not
 * counted here, so nothing kept before counts after it.
 */
export function forgetOnReturn(w: Pick<Window, 'addEventListener'> & { document?: Pick<Document, 'visibilityState'> }): void {
  w.addEventListener('focus', () => (count += 1));
  w.addEventListener('visibilitychange', () => {
    if (w.document?.visibilityState === 'visible') count += 1;
  });
}
