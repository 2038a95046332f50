import type { ChainHead } from '../../../shared/api/review';
import type { Books } from '../../db/books';
import { appendFact, chainHead } from '../history/facts';
import './facts';

/** The review's link to the history chain (issue 17, electron/books/history/). */
export function headOf(books: Books): ChainHead {
  return chainHead(books);
}

export function recordFact(books: Books, kind: 'review' | 'review_remark' | 'review_end', ref: string): void {
  appendFact(books, kind, ref);
}
