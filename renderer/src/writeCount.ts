import { READ_METHODS } from '../../shared/api/methodKinds';

/**
 * How many calls that may change the books this window has made (counted as they start and as
 * they end). A kept answer (keptAnswers.ts) belongs to one count: any other call that could write
 * makes it stale at once, even where a screen forgets to tell the shell that the books changed.
 * Its own module so api.ts can count without importing the kept answers (which import api.ts).
 */
let count = 0;

export const writeCount = (): number => count;

/** Called by api.ts around every call; reads (shared/api/methodKinds.ts) leave the count alone. */
export function countIfWrite(method: string): void {
  if (!READ_METHODS.has(method)) count += 1;
}
