import type { MethodName } from '../shared/api';
import type { MethodSpec } from '../shared/api/define';
import type { AnyHandler } from './dispatchCore';

/**
 * The contract (shared/api/*) and its handlers, one domain at a time, loaded on the first call into
 * that domain. Building every zod schema and loading every service took most of a `kassa report`
 * (issue 18); a report now builds the books schemas and loads the books services only, and the app
 * loads a domain when a screen first calls it. The method names stay those of shared/api/index.ts:
 * tests/unit/apiDomains.test.ts checks that every method resolves to the very same schema object.
 */
export type { AnyHandler };

interface Tables {
  methods: Readonly<Record<string, MethodSpec>>;
  handlers: Readonly<Record<string, unknown>>;
}

// import() inside the functions: what a domain needs is read from disk only when it is called (the
// CLI bundle inlines these as plain lazy requires).
const DOMAINS = {
  books: async () => {
    const [m, h] = await Promise.all([import('../shared/api/books.js'), import('./books/handlers.js')]);
    return { methods: m.booksMethods, handlers: h.booksHandlers };
  },
  app: async () => {
    const [m, h] = await Promise.all([import('../shared/api/app.js'), import('./app/handlers.js')]);
    return { methods: m.appMethods, handlers: h.appHandlers };
  },
  statements: async () => {
    const [m, h] = await Promise.all([import('../shared/api/statements.js'), import('./books/statements/handlers.js')]);
    return { methods: m.statementsMethods, handlers: h.statementsHandlers };
  },
  grants: async () => {
    const [m, h] = await Promise.all([import('../shared/api/grants.js'), import('./books/grants/handlers.js')]);
    return { methods: m.grantsMethods, handlers: h.grantsHandlers };
  },
  invoices: async () => {
    const [m, h] = await Promise.all([import('../shared/api/invoices.js'), import('./books/invoices/handlers.js')]);
    return { methods: m.invoicesMethods, handlers: h.invoiceHandlers };
  },
  volunteers: async () => {
    const [m, h] = await Promise.all([import('../shared/api/volunteers.js'), import('./books/volunteers/handlers.js')]);
    return { methods: m.volunteersMethods, handlers: h.volunteersHandlers };
  },
  bank: async () => {
    const [m, h] = await Promise.all([import('../shared/api/bank.js'), import('./books/bank/handlers.js')]);
    return { methods: m.bankMethods, handlers: h.bankHandlers };
  },
  backups: async () => {
    const [m, h] = await Promise.all([import('../shared/api/backups.js'), import('./backups/handlers.js')]);
    return { methods: m.backupsMethods, handlers: h.backupsHandlers };
  },
  opening: async () => {
    const [m, h] = await Promise.all([import('../shared/api/opening.js'), import('./books/opening.js')]);
    return { methods: m.openingMethods, handlers: h.openingHandlers };
  },
  receipts: async () => {
    const [m, h] = await Promise.all([import('../shared/api/receipts.js'), import('./books/receipts/handlers.js')]);
    return { methods: m.receiptsMethods, handlers: h.receiptsHandlers };
  },
  review: async () => {
    const [m, h] = await Promise.all([import('../shared/api/review.js'), import('./books/review/handlers.js')]);
    return { methods: m.reviewMethods, handlers: h.reviewHandlers };
  },
  overview: async () => {
    const [m, h] = await Promise.all([import('../shared/api/overview.js'), import('./books/overview/handlers.js')]);
    return { methods: m.overviewMethods, handlers: h.overviewHandlers };
  },
} satisfies Record<string, () => Promise<Tables>>;

export type DomainName = keyof typeof DOMAINS;

/** The part of a method name before its first dot -> the domains that have methods with it. */
const BY_PREFIX: Readonly<Record<string, readonly DomainName[]>> = {
  app: ['app'],
  admin: ['books'], org: ['books'], accounts: ['books'], years: ['books'], journals: ['books'], entries: ['books'], money: ['books'], audit: ['books'],
  reports: ['books', 'statements'], export: ['books', 'statements'],
  anbi: ['statements'], yearEnd: ['statements'], statements: ['statements'], allocation: ['statements'],
  funds: ['grants'], grants: ['grants'], budgets: ['grants'], coverage: ['grants'],
  contacts: ['invoices'], invoices: ['invoices'],
  persons: ['volunteers'], volunteers: ['volunteers'],
  bank: ['bank', 'receipts'],
  backups: ['backups'], opening: ['opening'], receipts: ['receipts'], review: ['review'], overview: ['overview'],
};

const loaded = new Map<DomainName, Promise<Tables>>();

function load(name: DomainName): Promise<Tables> {
  let d = loaded.get(name);
  if (!d) {
    d = DOMAINS[name]();
    loaded.set(name, d);
  }
  return d;
}

/** The schema and handler of a method, or undefined for a name the contract does not have. */
export async function findMethod(method: string): Promise<{ spec: MethodSpec; handler: AnyHandler } | undefined> {
  const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
  const prefix = method.split('.', 1)[0] ?? '';
  for (const name of own(BY_PREFIX, prefix) ? (BY_PREFIX[prefix] ?? []) : []) {
    const d = await load(name);
    const spec = own(d.methods, method) ? d.methods[method] : undefined;
    if (spec) return { spec, handler: d.handlers[method] as AnyHandler };
  }
  return undefined;
}

/**
 * Load the screens' domains one at a time, each once `quiet()` resolves (the door passes "no call
 * and nothing served for a moment"), while the user looks at the first screen, so a first click on
 * the bank inbox or the statements does not also pay for reading and building that domain's
 * schemas and handlers (~50-100 ms under load). Loading one blocks the event loop for tens of ms:
 * waiting for quiet keeps it from standing between a click and its answer or its script chunk.
 */
export function warmDomains(quiet: () => Promise<void>, names: DomainName[] = ['statements', 'bank', 'receipts', 'invoices', 'grants', 'volunteers', 'backups']): Promise<void> {
  return names.reduce<Promise<void>>((done, name) => done.then(quiet).then(() => load(name).then(() => undefined, () => undefined)), Promise.resolve());
}

/** Every domain by name (tests: each method of the contract must be found where it is). */
export const domainNames = Object.keys(DOMAINS) as DomainName[];
export function domainTables(name: DomainName): Promise<Tables> {
  return load(name);
}

// Compile-time: every method of the contract has a handler in some domain.
type HandledMethod = { [K in DomainName]: keyof Awaited<ReturnType<(typeof DOMAINS)[K]>>['handlers'] }[DomainName];
type Assert<T extends true> = T;
export type EveryMethodHandled = Assert<[MethodName] extends [HandledMethod] ? true : false>;
