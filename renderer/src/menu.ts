import type { ScreenId } from './router';

/**
 * The menu: groups of screen ids, labelled `nav.group.<group>` and `nav.<id>` (texts in the core
 * i18n files, so the menu can be drawn before any screen's chunk is loaded). Pure data: the shell
 * draws it from the first chunk, the unit tests read it (tests/unit/appTables.ts).
 */
export const MENU: { group: string; items: ScreenId[] }[] = [
  { group: 'money', items: ['dashboard', 'money-in', 'money-out', 'transfer'] },
  { group: 'entries', items: ['journal', 'manual-entry'] },
  { group: 'reports', items: ['ledger', 'trial-balance'] },
  {
    group: 'volunteers',
    items: ['volunteers', 'volunteer-pay', 'volunteer-overview', 'volunteer-payout', 'volunteer-statements', 'volunteer-limits'],
  },
  { group: 'grants', items: ['grants', 'budget', 'coverage'] },
  { group: 'invoices', items: ['invoices', 'purchases', 'open-items', 'customers', 'suppliers', 'invoice-settings'] },
  { group: 'bank', items: ['bank-import', 'bank-inbox', 'bank-reconcile', 'bank-rules'] },
  { group: 'statements', items: ['statements', 'cash-flow', 'anbi', 'year-end', 'allocation'] },
  { group: 'review', items: ['review', 'overview'] },
  { group: 'setup', items: ['accounts', 'settings', 'backups'] },
  { group: 'learn', items: ['lessons'] },
];
