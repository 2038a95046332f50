import type { Books } from '../db/books';
import { appendAudit } from './audit';
import { insertYear } from './years';
import { entryFactRef, PlainEntryJson } from './history/entryFact';
import { FactAppender } from './history/facts';
import { DemoWriter } from './demoWriter';
import { mulberry32Float } from '../../shared/rules/prng';

/**
 * Realistic, deterministic books of a small foundation: gifts, grants, rent, volunteer fees,
 * activities, bank costs. Same seed and options -> same entries. Used for the practice
 * administration, tests and benchmarks, so it writes through prepared statements in one transaction
 * but still goes draft -> posted like every other entry, under the same triggers.
 */
export interface DemoOptions {
  transactions: number;
  seed: number;
  /** How many fiscal years, ending with endYear. Default grows with the size. */
  years?: number;
  endYear?: number;
}

export interface DemoResult {
  entries: number;
  postings: number;
  years: number[];
}


type Kind = { weight: number; make: (r: Rand) => { desc: string; lines: [string, number][] } };

interface Rand {
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
}

const NAMES = ['Fatima', 'Jan', 'Ayşe', 'Mohamed', 'Anja', 'Kees', 'Sevda', 'Priya', 'Henk', 'Naima', 'Joke', 'Said'] as const;
const FUNDS = ['VSB Fonds', 'Kansfonds', 'Oranje Fonds', 'RCOAK', 'Fonds 1818'] as const;
const ACTIVITIES = ['naaiatelier', 'taalcafé', 'kookavond', 'spreekuur', 'buurtlunch', 'vrouwennetwerk', 'huiswerkklas'] as const;

/** Amounts in cents; each transaction as [account, signed cents] pairs that sum to zero. */
const KINDS: Kind[] = [
  { weight: 18, make: (r) => { const a = r.int(500, 25000); return { desc: `Gift van ${r.pick(NAMES)}`, lines: [['1100', a], ['8000', -a]] }; } },
  { weight: 3, make: (r) => { const a = r.int(5000, 100000); return { desc: `Gift bedrijf uit de buurt`, lines: [['1100', a], ['8100', -a]] }; } },
  { weight: 1, make: (r) => { const a = r.int(200000, 1500000); return { desc: `Subsidie gemeente ${r.pick(ACTIVITIES)}`, lines: [['1100', a], ['8200', -a]] }; } },
  { weight: 2, make: (r) => { const a = r.int(100000, 800000); return { desc: `Bijdrage ${r.pick(FUNDS)}`, lines: [['1100', a], ['8300', -a]] }; } },
  { weight: 14, make: (r) => { const a = r.int(200, 8000); return { desc: `Opbrengst ${r.pick(ACTIVITIES)}`, lines: [['1000', a], ['8400', -a]] }; } },
  { weight: 6, make: (r) => { const a = r.int(35000, 60000); return { desc: `Huur ruimte buurthuis`, lines: [['4100', a], ['1100', -a]] }; } },
  { weight: 12, make: (r) => { const a = r.int(2000, 17000); return { desc: `Vrijwilligersvergoeding ${r.pick(NAMES)}`, lines: [['4000', a], ['1100', -a]] }; } },
  { weight: 5, make: (r) => { const a = r.int(300, 4800); return { desc: `Reiskosten ${r.pick(NAMES)} (bonnetjes)`, lines: [['4010', a], ['1100', -a]] }; } },
  { weight: 10, make: (r) => { const a = r.int(500, 15000); return { desc: `Boodschappen ${r.pick(ACTIVITIES)}`, lines: [['4200', a], ['1000', -a]] }; } },
  { weight: 8, make: (r) => { const a = r.int(300, 9000); return { desc: `Materialen ${r.pick(ACTIVITIES)}`, lines: [['4300', a], ['1000', -a]] }; } },
  { weight: 3, make: (r) => { const a = r.int(20000, 90000); return { desc: `Coaching trekker ${r.pick(NAMES)}`, lines: [['4400', a], ['1100', -a]] }; } },
  { weight: 2, make: (r) => { const a = r.int(1000, 20000); return { desc: `Flyers en fondsenwerving`, lines: [['4500', a], ['1100', -a]] }; } },
  { weight: 3, make: (r) => { const a = r.int(500, 6000); return { desc: `Kantoorartikelen`, lines: [['4600', a], ['1100', -a]] }; } },
  { weight: 6, make: (r) => { const a = r.int(800, 1500); return { desc: `Bankkosten`, lines: [['4610', a], ['1100', -a]] }; } },
  { weight: 1, make: (r) => { const a = r.int(15000, 40000); return { desc: `Verzekering vrijwilligers`, lines: [['4620', a], ['1100', -a]] }; } },
  { weight: 1, make: (r) => { const a = r.int(100, 2500); return { desc: `Rente spaarrekening`, lines: [['1110', a], ['8500', -a]] }; } },
  { weight: 3, make: (r) => { const a = r.int(5000, 30000); return { desc: `Kas aangevuld van de bank`, lines: [['1000', a], ['1100', -a]] }; } },
  { weight: 1, make: (r) => { const a = r.int(50000, 300000); return { desc: `Naar spaarrekening`, lines: [['1110', a], ['1100', -a]] }; } },
  {
    weight: 4,
    make: (r) => {
      const food = r.int(1000, 6000);
      const mat = r.int(500, 3000);
      return { desc: `Buurtactiviteit ${r.pick(ACTIVITIES)}: eten en materiaal`, lines: [['4200', food], ['4300', mat], ['1100', -(food + mat)]] };
    },
  },
];
const TOTAL_WEIGHT = KINDS.reduce((s, k) => s + k.weight, 0);

/**
 * Cash in hand and the current account can't go below zero in real life, and a kascommissie would
 * stop at it: practice books must not teach otherwise. A payment the money isn't there for becomes
 * a cash top-up from the bank, or a fund's contribution when the bank itself is short.
 */
function fundable(t: { desc: string; lines: [string, number][] }, balances: Map<string, number>, r: Rand): { desc: string; lines: [string, number][] } {
  const after = (code: string, tx: typeof t) => (balances.get(code) ?? 0) + tx.lines.filter(([c]) => c === code).reduce((s, [, v]) => s + v, 0);
  let out = t;
  if (after('1000', out) < 0) {
    const a = Math.max(r.int(5000, 30000), -after('1000', out) + 5000);
    out = { desc: 'Kas aangevuld van de bank', lines: [['1000', a], ['1100', -a]] };
  }
  if (after('1100', out) < 0) {
    const a = r.int(100000, 800000) - after('1100', out);
    out = { desc: `Bijdrage ${r.pick(FUNDS)}`, lines: [['1100', a], ['8300', -a]] };
  }
  return out;
}

export function generateDemo(books: Books, opts: DemoOptions): DemoResult {
  const rnd = mulberry32Float(opts.seed);
  const r: Rand = {
    int: (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(rnd() * xs.length)]!,
  };
  const n = Math.max(0, Math.floor(opts.transactions));
  const nYears = opts.years ?? Math.min(11, Math.max(2, Math.ceil(n / 45000)));
  const endYear = opts.endYear ?? new Date().getFullYear();
  const years = Array.from({ length: nYears }, (_, i) => endYear - nYears + 1 + i);

  // Bulk insert touches index pages all over the file; a large page cache avoids re-reading them.
  const oldCache = books.sqlite.pragma('cache_size', { simple: true });
  books.sqlite.pragma('cache_size = -262144');
  // A bulk load rebuilds its indexes at the end: with temp files in memory SQLite's sorter keeps
  // every record in its own allocation, with temp files on disk it sorts in large blocks (a
  // million-row index 1.0 s instead of 1.4-2.0 s CPU). Only outside a transaction can this change,
  // and only for this load: the load's statements change fresh pages, so their journals stay below
  // the 64 KiB at which SQLite would move them to a file (electron/db/open.ts, temp_store).
  const oldTemp = books.sqlite.pragma('temp_store', { simple: true }) as number;
  const sortOnDisk = n >= BULK && !books.sqlite.inTransaction;
  if (sortOnDisk) books.sqlite.pragma('temp_store = FILE');
  try {
    return generate(books, opts, n, nYears, endYear, years, r, rnd);
  } finally {
    books.sqlite.pragma(`cache_size = ${Number(oldCache)}`);
    if (sortOnDisk) books.sqlite.pragma(`temp_store = ${oldTemp}`);
  }
}

/**
 * Secondary indexes that posting does not read: kept up to date row by row they cost a fifth of a
 * large generation (lines_account even twice per line, as `posted` flips). For a bulk load they are
 * dropped and rebuilt from their own stored SQL at the end, inside the same transaction, so the file
 * never exists without them.
 */
const DEFERRED_INDEXES = ['lines_account', 'entries_date'];
const BULK = 50_000;

function generate(books: Books, opts: DemoOptions, n: number, nYears: number, endYear: number, years: number[], r: Rand, rnd: () => number): DemoResult {
  void endYear;
  return books.tx(() => {
    const deferred =
      n >= BULK
        ? (books.raw(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN (${DEFERRED_INDEXES.map(() => '?').join(', ')})`).all(...DEFERRED_INDEXES) as { name: string; sql: string }[])
        : [];
    for (const ix of deferred) books.sqlite.exec(`DROP INDEX "${ix.name}"`);
    const result = generateRows(books, opts, n, nYears, years, r, rnd);
    for (const ix of deferred) books.sqlite.exec(ix.sql);
    return result;
  });
}

function generateRows(books: Books, opts: DemoOptions, n: number, nYears: number, years: number[], r: Rand, rnd: () => number): DemoResult {
  const existing = new Set((books.raw('SELECT year FROM fiscal_years').all() as { year: number }[]).map((y) => y.year));
  for (const y of years) if (!existing.has(y)) insertYear(books, y);
  const acc = new Map((books.raw('SELECT code, id FROM accounts').all() as { code: string; id: number }[]).map((a) => [a.code, a.id]));
  const journals = books.raw('SELECT j.id, a.code FROM journals j LEFT JOIN accounts a ON a.id = j.account_id').all() as { id: number; code: string | null }[];
  const journalOf = new Map(journals.filter((j) => j.code).map((j) => [j.code!, j.id]));
  const mem = (books.raw(`SELECT id FROM journals WHERE code = 'MEM'`).get() as { id: number }).id;
  const nextNumber = new Map<string, number>();
  for (const row of books.raw('SELECT journal_id, year, MAX(number) AS n FROM entries WHERE number IS NOT NULL GROUP BY journal_id, year').all() as { journal_id: number; year: number; n: number }[]) {
    nextNumber.set(`${row.journal_id}/${row.year}`, row.n);
  }
  const yearRows = new Map((books.raw('SELECT year, start_date FROM fiscal_years').all() as { year: number; start_date: string }[]).map((y) => [y.year, y.start_date]));

  const writer = new DemoWriter(books, acc);
  const journalCode = new Map((books.raw('SELECT id, code FROM journals').all() as { id: number; code: string }[]).map((j) => [j.id, j.code]));
  // The demo's own audit row first, so every fact of the load anchors to it (the anchor is then
  // stored once, not per fact).
  appendAudit(books, 'demo.generate', null, null, { transactions: n, seed: opts.seed, years });
  const facts = new FactAppender(books);
  const json = new PlainEntryJson();

  let postings = 0;
  const balances = new Map<string, number>();
  for (const row of books.raw(`SELECT a.code, SUM(l.amount_cents) AS cents FROM lines l JOIN accounts a ON a.id = l.account_id WHERE a.code IN ('1000', '1100') GROUP BY a.code`).all() as { code: string; cents: number }[]) {
    balances.set(row.code, row.cents);
  }
  const perYear = Math.ceil(n / nYears);
  // The date text once per day, not two Date objects per entry (a million-entry load notices).
  const dates = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const year = years[Math.min(nYears - 1, Math.floor(i / perYear))]!;
    const day = Math.floor(((i % perYear) * 365) / perYear);
    let date = dates.get(year * 1000 + day);
    if (date === undefined) {
      date = new Date(new Date(`${yearRows.get(year)}T00:00:00Z`).getTime() + day * 86_400_000).toISOString().slice(0, 10);
      dates.set(year * 1000 + day, date);
    }

    let w = rnd() * TOTAL_WEIGHT;
    let kind = KINDS[0]!;
    for (const k of KINDS) {
      w -= k.weight;
      if (w < 0) { kind = k; break; }
    }
    const t = fundable(kind.make(r), balances, r);
    for (const [code, cents] of t.lines) balances.set(code, (balances.get(code) ?? 0) + cents);
    const moneyCode = t.lines.find(([c]) => c === '1100' || c === '1000' || c === '1110')?.[0];
    const journalId = (moneyCode && journalOf.get(moneyCode)) || mem;
    const key = `${journalId}/${year}`;
    const num = (nextNumber.get(key) ?? 0) + 1;
    nextNumber.set(key, num);
    writer.add(journalId, year, num, date, t.desc, t.lines);
    postings += t.lines.length;
    const jc = journalCode.get(journalId)!;
    facts.append('entry', entryFactRef(jc, year, num), json.entry(jc, year, num, date, t.desc, t.lines));
  }
  // The facts are only rows and a running hash: appending them before their entries' batch is
  // written changes nothing, as all of it commits or rolls back together.
  writer.flush();
  facts.finish();
  return { entries: n, postings, years };
}
