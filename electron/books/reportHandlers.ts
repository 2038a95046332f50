import type { booksReadMethods } from '../../shared/api/booksRead';
import type { Handler } from '../handler';
import { dashboard, trialBalance } from './reports';

type ReportMethodName = Exclude<keyof typeof booksReadMethods, 'admin.open'>;

/**
 * The books' own reports (part of the books handler table, handlers.ts). The trial balance and the
 * dashboard read totals and load little; the ledger and the journal load their services (and with
 * them the query builder) at their first call, so `kassa report trial-balance` never loads them.
 */
export const reportHandlers: { [M in ReportMethodName]: Handler<M> } = {
  'reports.trialBalance': ({ books }, input) => trialBalance(books, input),
  'reports.generalLedger': async ({ books }, input) => (await import('./ledger.js')).generalLedger(books, input),
  'reports.ledgerPage': async ({ books }, input) => (await import('./ledger.js')).ledgerPage(books, input),
  'reports.journal': async ({ books }, input) => (await import('./entries.js')).listEntries(books, { ...input, status: 'posted' }),
  'reports.dashboard': ({ books }, input) => dashboard(books, input),
};
