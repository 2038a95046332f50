/**
 * Which component draws each route, and which screens wait in a chunk of their own.
 *
 * Only the dashboard is in the first script chunk (with the shell and the welcome screen); every
 * other group of screens is a separate chunk, loaded by React.lazy the first time one of its screens
 * opens and, after the dashboard is on screen, fetched ahead in idle time (prefetchScreens) so the
 * first click in the menu does not wait for the network or the compiler. A group's chunk also holds
 * its texts and styles: importing a group's module registers them.
 *
 * tests/unit/screenTable.test.ts checks that LAZY_SCREENS lists exactly the keys of each group's table.
 */
import { lazy, type ComponentType } from 'react';
import { loadLessonPanel } from './components/lessons/LessonPanelSlot';
import type { ScreenProps } from './screenProps';
import { warmShared } from './keptAnswers';
import { DashboardScreen } from './screens/Dashboard';

type Table = Record<string, ComponentType<ScreenProps>>;

/** Each group's loader; `import()` is what makes Vite cut the group into its own chunk. */
const GROUPS = {
  books: () => import('./screens/books').then((m) => m.bookScreens),
  money: () => import('./screens/money').then((m) => m.moneyScreens),
  setup: () => import('./screens/setup').then((m) => m.setupScreens),
  bank: () => import('./screens/bank').then((m) => m.bankScreens),
  statements: () => import('./screens/statements').then((m) => m.statementScreens),
  invoices: () => import('./screens/invoices').then((m) => m.invoiceScreens),
  grants: () => import('./screens/grants').then((m) => m.grantScreens),
  volunteers: () => import('./screens/volunteers').then((m) => m.volunteerScreens),
  review: () => import('./screens/review').then((m) => m.reviewScreens),
  backups: () => import('./screens/backups').then((m) => m.backupScreens),
  lessons: () => import('./screens/lessons').then((m) => m.lessonScreens),
} satisfies Record<string, () => Promise<Table>>;

type Group = keyof typeof GROUPS;

/** Screens drawn from the first chunk. */
const SCREENS: Table = {
  dashboard: DashboardScreen,
};

/** Every other route and the group whose chunk draws it. */
const LAZY_SCREENS: Record<string, Group> = {
  journal: 'books',
  'manual-entry': 'books',
  ledger: 'books',
  'trial-balance': 'books',
  accounts: 'books',
  'money-in': 'money',
  'money-out': 'money',
  transfer: 'money',
  settings: 'setup',
  opening: 'setup',
  'bank-import': 'bank',
  'bank-inbox': 'bank',
  'bank-reconcile': 'bank',
  'bank-rules': 'bank',
  statements: 'statements',
  'cash-flow': 'statements',
  anbi: 'statements',
  'year-end': 'statements',
  allocation: 'statements',
  invoices: 'invoices',
  purchases: 'invoices',
  invoice: 'invoices',
  'invoice-edit': 'invoices',
  'purchase-edit': 'invoices',
  customers: 'invoices',
  suppliers: 'invoices',
  'open-items': 'invoices',
  'invoice-settings': 'invoices',
  grants: 'grants',
  grant: 'grants',
  'grant-edit': 'grants',
  budget: 'grants',
  coverage: 'grants',
  volunteers: 'volunteers',
  'volunteer-person': 'volunteers',
  'volunteer-pay': 'volunteers',
  'volunteer-overview': 'volunteers',
  'volunteer-payout': 'volunteers',
  'volunteer-statements': 'volunteers',
  'volunteer-limits': 'volunteers',
  review: 'review',
  overview: 'review',
  backups: 'backups',
  lessons: 'lessons',
  lesson: 'lessons',
};

/** Groups whose chunk has been loaded, with their screen tables. */
const loadedGroups = new Map<Group, Table>();
/** Groups whose chunk is on its way: a click during the idle prefetch waits for that same load. */
const loadingGroups = new Map<Group, Promise<Table>>();

function loadGroup(group: Group): Promise<Table> {
  const known = loadingGroups.get(group);
  if (known) return known;
  const load = GROUPS[group]().then(
    (table) => {
      loadedGroups.set(group, table);
      loadingGroups.delete(group);
      return table;
    },
    (e: unknown) => {
      // A failed load (the server gone a moment) is tried again by the next click.
      loadingGroups.delete(group);
      throw e;
    },
  );
  loadingGroups.set(group, load);
  return load;
}

/**
 * The loading of a screen's chunk when it is not loaded yet (the menu waits for it: router.ts
 * followMenuClick), else null: a screen of the first chunk, a loaded group, an unknown id.
 */
export function whenScreenReady(id: string): Promise<Table> | null {
  const group = LAZY_SCREENS[id];
  if (!group || loadedGroups.has(group)) return null;
  return loadGroup(group);
}

/**
 * The component chosen for each route, kept for good: a route must keep one component type, or
 * React would remount a screen (losing what the user typed) when the shell re-renders.
 */
const chosen = new Map<string, ComponentType<ScreenProps>>();

/**
 * The component for a route id, or undefined for an unknown id (the shell shows "not found"). A
 * screen whose chunk is already loaded (prefetched) is drawn directly: a React.lazy wrapper would
 * still suspend once and show the fallback for a frame or more.
 */
export function screenFor(id: string): ComponentType<ScreenProps> | undefined {
  const eager = SCREENS[id];
  if (eager) return eager;
  const known = chosen.get(id);
  if (known) return known;
  const group = LAZY_SCREENS[id];
  if (!group) return undefined;
  const screen =
    loadedGroups.get(group)?.[id] ??
    lazy(() =>
      loadGroup(group).then((table) => {
        const component = table[id];
        if (!component) throw new Error(`screen ${id} missing from group ${group}`);
        return { default: component };
      }),
    );
  chosen.set(id, screen);
  return screen;
}

/**
 * The order in which chunks are fetched ahead after the dashboard shows: what a treasurer most
 * often opens next first (the books, the bank inbox, the statements, the money forms).
 */
const PREFETCH_ORDER: Group[] = ['books', 'bank', 'statements', 'money', 'invoices', 'setup', 'grants', 'volunteers', 'review', 'backups', 'lessons'];

type IdleWindow = Window & { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number };

let prefetching = false;

/**
 * Ask for the shared lists of this administration (`scope`: keptScope) and load every group's
 * chunk (and the lesson panel's) ahead, one per idle moment so typing and
 * clicking on the dashboard stay smooth. A failure here is left to the click that needs the chunk:
 * the shell's ScreenBoundary then says so.
 */
export function prefetchScreens(scope: string): void {
  if (prefetching) return;
  prefetching = true;
  // The books' chunk, the lists nearly every screen reads first (keptAnswers.ts), the other chunks.
  const [firstGroup, ...otherGroups] = PREFETCH_ORDER.map((g) => () => loadGroup(g));
  const queue: (() => Promise<unknown>)[] = [firstGroup!, () => warmShared(scope), ...otherGroups, loadLessonPanel];
  const w = window as IdleWindow;
  const whenIdle = (cb: () => void) => (w.requestIdleCallback ? w.requestIdleCallback(cb, { timeout: 1000 }) : window.setTimeout(cb, 50));
  const next = () => {
    const load = queue.shift();
    if (!load) return;
    load()
      .catch(() => undefined)
      .finally(() => whenIdle(next));
  };
  whenIdle(next);
}
