/**
 * For every menu screen: its first-time tip (i18n key `lessons.hint.<tip>`) and the lesson that its
 * tip and the "?" button open. One table, written out, so a screen never borrows the tip or lesson
 * of a neighbour (the purchase invoices once showed the sales tip and the sales lesson, the balance
 * sheet the budget lesson). The unit test (tests/unit/screenHelp.test.ts) checks that every menu
 * screen is here and that each lesson lists the screen in its `screens:`.
 *
 * Pure data: no React, no Vite, so the tests import it as it is.
 */

export interface ScreenHelp {
  /** Key under lessons.hint, or null for no tip. */
  tip: string | null;
  /** Lesson id, or null when no lesson is about this screen (the "?" then opens the list). */
  lesson: string | null;
}

const own = (screen: string, lesson: string | null): ScreenHelp => ({ tip: screen, lesson });

export const SCREEN_HELP: Record<string, ScreenHelp> = {
  dashboard: own('dashboard', 'why-keep-books'),
  'money-in': own('money-in', 'money-in-out'),
  'money-out': own('money-out', 'money-in-out'),
  transfer: own('transfer', 'money-in-out'),
  journal: own('journal', 'double-entry'),
  'manual-entry': own('manual-entry', 'double-entry'),
  ledger: own('ledger', 'double-entry'),
  'trial-balance': own('trial-balance', 'chart-of-accounts'),
  accounts: own('accounts', 'chart-of-accounts'),
  'bank-import': own('bank-import', 'bank-statement'),
  'bank-inbox': own('bank-inbox', 'bank-statement'),
  'bank-reconcile': own('bank-reconcile', 'bank-statement'),
  'bank-rules': own('bank-rules', 'bank-statement'),
  invoices: own('invoices', 'invoice'),
  purchases: own('purchases', 'money-in-out'),
  customers: own('customers', 'invoice'),
  suppliers: own('suppliers', 'money-in-out'),
  'open-items': own('open-items', 'invoice'),
  'invoice-settings': own('invoice-settings', 'invoice'),
  volunteers: own('volunteers', 'volunteers'),
  'volunteer-pay': own('volunteer-pay', 'volunteers'),
  'volunteer-overview': own('volunteer-overview', 'volunteers'),
  'volunteer-payout': own('volunteer-payout', 'volunteers'),
  'volunteer-statements': own('volunteer-statements', 'volunteers'),
  'volunteer-limits': own('volunteer-limits', 'volunteers'),
  grants: own('grants', 'grant-spending'),
  budget: own('budget', 'budget-coverage-plan'),
  coverage: own('coverage', 'budget-coverage-plan'),
  statements: own('statements', 'year-end'),
  'cash-flow': own('cash-flow', 'year-end'),
  anbi: own('anbi', 'anbi-transparency'),
  'year-end': own('year-end', 'year-end'),
  allocation: own('allocation', 'year-end'),
  review: own('review', 'audit-committee'),
  overview: { tip: null, lesson: null }, // its intro already says what the tip would
  settings: own('settings', null),
  backups: own('backups', 'why-keep-books'),
  lessons: { tip: null, lesson: null },
};

/** Screens without a menu item of their own, opened from one that has (a detail or an edit form). */
export const DETAIL_OF: Record<string, string> = {
  invoice: 'invoices',
  'invoice-edit': 'invoices',
  'purchase-edit': 'purchases',
  grant: 'grants',
  'grant-edit': 'grants',
  'volunteer-person': 'volunteers',
  lesson: 'lessons',
};

const NONE: ScreenHelp = { tip: null, lesson: null };

/** Tip and lesson for any route id (a detail screen gets those of its menu screen). */
export function helpFor(screen: string): ScreenHelp {
  return SCREEN_HELP[DETAIL_OF[screen] ?? screen] ?? NONE;
}
