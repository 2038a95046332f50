import type { ChainHead } from '../../../shared/api/review';
import type { Books } from '../../db/books';

/**
 * The review's link to the history chain (issue 17, electron/books/history/). Until that module is
 * on this branch there is no chain: the head is null (the report says so) and nothing is appended.
 */
export function headOf(_books: Books): ChainHead | null {
  return null;
}

export function recordFact(_books: Books, _kind: 'review' | 'review_remark', _ref: string): void {
  // The history module is not here yet: nothing to append to.
}

export function registerReviewFacts(): void {
  // Registered once the history module is here.
}
