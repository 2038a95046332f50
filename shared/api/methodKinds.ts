/**
 * Which API methods only read the books and which change them. One list for the server's review
 * guard (electron/books/review/guard.ts: only reads run while the kascommissie reviews) and for the
 * renderer's kept answers (renderer/src/keptAnswers.ts: any other call makes them stale).
 * tests/unit/review/reviewRules.test.ts makes sure every method is in exactly one list.
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
