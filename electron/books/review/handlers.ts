import type { ReviewMethodName } from '../../../shared/api/review';
import { parseAmount } from '../../../shared/money';
import type { Handler } from '../../handler';
import { computeChecklist } from './checklist';
import { exportReviewPdf } from './report';
import {
  answerQuestion, askQuestion, finishReview, getReview, listReviews, markReview, recordCashCount, recordPaperBalance, startReview, stopReview,
} from './reviews';
import { DEFAULT_SAMPLE_SIZE, DEFAULT_THRESHOLD_CENTS, drawYearSample } from './sample';
import { centsToString } from '../../../shared/money';

/** The kascommissie review: contract name -> service call (spread into electron/api.ts). */
export const reviewHandlers: { [M in ReviewMethodName]: Handler<M> } = {
  'review.checklist': async ({ books }, input) => {
    const threshold = input.threshold !== undefined ? parseAmount(input.threshold, 'threshold', { allowZero: true }) : DEFAULT_THRESHOLD_CENTS;
    const c = await computeChecklist(books, { year: input.year, thresholdCents: threshold });
    return { ...c, threshold: centsToString(threshold), items: c.items.map((i) => ({ ...i, mark: null })) };
  },
  'review.sample': ({ books }, input) => {
    const s = drawYearSample(books, input.year, input.size ?? DEFAULT_SAMPLE_SIZE, input.seed);
    return { ...s, entries: s.entries.map((e) => ({ ...e, mark: null })) };
  },
  'review.list': ({ books }) => listReviews(books),
  'review.get': ({ books }, input) => getReview(books, input.id),
  'review.start': ({ books }, input) => startReview(books, input),
  'review.mark': ({ books }, input) => markReview(books, input),
  'review.ask': ({ books }, input) => askQuestion(books, input),
  'review.answer': ({ books }, input) => answerQuestion(books, input),
  'review.cashCount': ({ books }, input) => recordCashCount(books, input),
  'review.paperBalance': ({ books }, input) => recordPaperBalance(books, input),
  'review.finish': ({ books }, input) => finishReview(books, input),
  'review.stop': ({ books }, input) => stopReview(books, input),
  'review.reportPdf': ({ books }, input) => exportReviewPdf(books, input),
};
