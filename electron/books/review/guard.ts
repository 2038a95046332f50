import { KassaError } from '../../../shared/errors';
import type { Books } from '../../db/books';
import { said } from '../../../shared/phrase';

/**
 * Read-only while the kascommissie reviews (issue 19). One central rule in the dispatcher rather
 * than a check in every service: while a review is active on the open administration only the
 * methods below run, and every one of them except the review's own runs with SQLite's
 * `query_only` on, so even a read that would write by accident (a cache, a suggestion) fails
 * instead of changing the books. A method not listed here is refused: new methods are safe by
 * default (tests/unit/reviewGuard.test.ts makes sure every method is classified).
 */

/** Methods that only read the books (or write files outside them), allowed during a review. */
export const READ_METHODS: ReadonlySet<string> = new Set([
  // app, files and the session: not the books
  'app.capabilities', 'app.settings.get', 'app.settings.set', 'app.recent', 'app.practice.open', 'app.dialog.open', 'app.dialog.save', 'app.browse',
  'admin.open', 'admin.create', 'admin.close', 'admin.info', 'overview.scan',
  'backups.create', 'backups.list', 'backups.verify', 'backups.settings.get', 'backups.settings.set',
  // reading the books
  'org.get', 'accounts.list', 'accounts.lineChoices', 'years.list', 'journals.list', 'entries.get', 'entries.list',
  'reports.trialBalance', 'reports.generalLedger', 'reports.ledgerPage', 'reports.journal', 'reports.dashboard', 'audit.verify', 'export.hledger',
  'funds.list', 'grants.list', 'grants.get', 'grants.report', 'grants.postings', 'grants.options', 'grants.budgetXlsx', 'grants.verantwoordingXlsx',
  'grants.yearEndProposal', 'budgets.get', 'budgets.suggest', 'budgets.vsActual', 'coverage.projects', 'coverage.get',
  'contacts.list', 'contacts.get', 'invoices.list', 'invoices.get', 'invoices.pdf', 'invoices.pdfData', 'invoices.ubl', 'invoices.attachment',
  'invoices.openItems', 'invoices.reminderPdf', 'invoices.settings.get',
  'reports.balanceSheet', 'reports.incomeStatement', 'reports.cashFlow', 'reports.anbi', 'yearEnd.check', 'statements.xlsx', 'statements.pdf', 'export.xaf',
  'persons.list', 'persons.get', 'volunteers.check', 'volunteers.payments', 'volunteers.receipt', 'volunteers.overview', 'volunteers.statementPdf',
  'volunteers.statementsPdf', 'volunteers.overviewXlsx', 'volunteers.limits.list',
  'bank.imports', 'bank.inbox', 'bank.rules.list', 'bank.reconciliation', 'bank.reconciliationStatus',
  'allocation.get', 'opening.get', 'receipts.list', 'receipts.file', 'bank.receipts.list',
]);

/** Methods that change the books: refused during a review. Listed so the test can tell a forgotten method. */
export const WRITE_METHODS: ReadonlySet<string> = new Set([
  'app.practice.reset', 'backups.restore',
  'org.update', 'accounts.create', 'accounts.update', 'accounts.archive', 'accounts.delete', 'years.openNext', 'years.close',
  'entries.post', 'entries.saveDraft', 'entries.postDraft', 'entries.deleteDraft', 'entries.reverse',
  'money.received', 'money.spent', 'money.transfer',
  'funds.create', 'funds.update', 'grants.create', 'grants.update', 'grants.archive', 'grants.delete', 'grants.budgetLines.set', 'grants.yearEndConfirm',
  'budgets.set', 'coverage.set',
  'contacts.create', 'contacts.update', 'contacts.archive', 'invoices.saveDraft', 'invoices.deleteDraft', 'invoices.finalise', 'invoices.credit',
  'invoices.registerPayment', 'invoices.reversePayment', 'invoices.settings.set',
  'anbi.setItem', 'yearEnd.close', 'yearEnd.reopen',
  'persons.create', 'persons.update', 'persons.archive', 'volunteers.pay', 'volunteers.cancel', 'volunteers.attachReceipt', 'volunteers.sepa',
  'volunteers.markPaid', 'volunteers.limits.set', 'volunteers.limits.reset',
  'bank.import', 'bank.assign', 'bank.unassign', 'bank.ignore', 'bank.confirm', 'bank.link', 'bank.reopen', 'bank.acceptSuggestions', 'bank.rules.create', 'bank.rules.delete',
  'allocation.setKeys', 'allocation.setObjectives', 'opening.set', 'receipts.add', 'bank.receipts.add', 'bank.receipts.remove',
]);

export const isReviewMethod = (method: string): boolean => method.startsWith('review.');

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
