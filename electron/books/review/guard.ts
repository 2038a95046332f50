import { KassaError } from '../../../shared/errors';
import type { Books } from '../../db/books';
import { said } from '../../../shared/phrase';
import { isReviewMethod, READ_METHODS } from '../../../shared/api/methodKinds';

/**
 * Read-only while the kascommissie reviews (issue 19). One central rule in the dispatcher rather
 * than a check in every service: while a review is active on the open administration only the
 * methods in READ_METHODS (shared/api/methodKinds.ts) run, and every one of them except the review's own runs with SQLite's
 * `query_only` on, so even a read that would write by accident (a cache, a suggestion) fails
 * instead of changing the books. A method not listed here is refused: new methods are safe by
 * default (tests/unit/reviewGuard.test.ts makes sure every method is classified).
 */

/** The year under review, or null. The table exists in every file the app has opened (migration 0012). */
export function reviewYear(books: Books): number | null {
  const r = books.raw(`SELECT year FROM reviews WHERE status = 'active'`).get() as { year: number } | undefined;
  return r?.year ?? null;
}

export function reviewActiveError(year: number): KassaError {
  return new KassaError(
    'REVIEW_ACTIVE',
    said('err.review.active', 'De kascommissie controleert nu boekjaar {{year}}. Zolang de controle loopt, kan er niets worden geboekt of veranderd. Rond eerst de controle af bij "Kascommissie".', { year }),
    { details: { year } },
  );
}

/**
 * Run one API call under the review rule: refused when it would write, and with query_only on
 * when it only reads. Review methods run as they are.
 */
export async function underReview<T>(books: Books | null, method: string, run: () => Promise<T>): Promise<T> {
  if (!books || isReviewMethod(method)) return run();
  const year = reviewYear(books);
  if (year === null) return run();
  if (!READ_METHODS.has(method)) throw reviewActiveError(year);
  books.sqlite.pragma('query_only = ON');
  try {
    return await run();
  } catch (e) {
    // SQLite's own refusal (query_only), raw or already translated to READ_ONLY by Books.
    const code = (e as { code?: string })?.code ?? '';
    if (code.startsWith('SQLITE_READONLY') || (e instanceof KassaError && e.code === 'READ_ONLY')) throw reviewActiveError(year);
    throw e;
  } finally {
    if (books.sqlite.open) books.sqlite.pragma('query_only = OFF');
  }
}
