/**
 * `kassa report`: run by cli.ts and, on its own, as the CLI's report bundle (dist/kassa-report.cjs,
 * chosen by bin/kassa.js when the first word is `report`). It reaches the reports through the same
 * schemas, services and call path as the dispatcher (dispatchCore.runMethod), but finds them without
 * the dispatcher's table of every domain: the bundle holds no write services, no query builder and
 * no migrations, which made up most of a report's start-up (issue 18).
 */
import './cliZod';
import fs from 'node:fs';
import path from 'node:path';
import { toCsv } from '../shared/csv';
import { booksReadMethods } from '../shared/api/booksRead';
import type { MethodSpec } from '../shared/api/define';
import type { EntryList, GeneralLedger, TrialBalance } from '../shared/api/types';
import { reportHandlers } from './books/reportHandlers';
import { type Command, int, need, runCli, UsageError } from './cliCommon';
import { openBooks } from './db/open';
import { type AnyHandler, runMethod } from './dispatchCore';
import { Session } from './session';

const METHODS: Record<string, string> = {
  'trial-balance': 'reports.trialBalance', 'general-ledger': 'reports.generalLedger', journal: 'reports.journal', dashboard: 'reports.dashboard',
  'balance-sheet': 'reports.balanceSheet', 'income-statement': 'reports.incomeStatement', 'cash-flow': 'reports.cashFlow',
};

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** A report method's schema and handler: the books' own, or else the statements domain's (loaded then). */
async function findReport(method: string): Promise<{ spec: MethodSpec; handler: AnyHandler }> {
  if (own(reportHandlers, method)) {
    return { spec: booksReadMethods[method as keyof typeof reportHandlers], handler: reportHandlers[method as keyof typeof reportHandlers] as AnyHandler };
  }
  const [m, h] = await Promise.all([import('../shared/api/statements.js'), import('./books/statements/handlers.js')]);
  const name = method as keyof typeof h.statementsHandlers;
  return { spec: m.statementsMethods[name], handler: h.statementsHandlers[name] as AnyHandler };
}

/**
 * better-sqlite3's native addon, named for the report bundle, which holds the package's JavaScript:
 * its own lookup (the `bindings` package) would search from the bundle's folder instead of the
 * package's. The usual place first (one file check); else `bindings` from the package's root.
 */
function sqliteAddon(): string {
  const root = path.dirname(require.resolve('better-sqlite3/package.json'));
  const release = path.join(root, 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(release)) return release;
  const bindings = require('bindings') as (o: { bindings: string; module_root: string; path: true }) => string;
  return bindings({ bindings: 'better_sqlite3.node', module_root: root, path: true });
}

/**
 * admin.open as the dispatcher runs it for a read-only command (same schema, queue, review guard and
 * error translation; no quick_check), minus its answer, which a report does not print.
 */
const openForReading: AnyHandler = async ({ session }, input) => {
  const books = await openBooks((input as { path: string }).path, { nativeBinding: sqliteAddon() });
  await session.switchTo(books);
  return null;
};

async function readReport(file: string, method: string, input: unknown): Promise<unknown> {
  const session = new Session({ skipQuickCheck: true });
  try {
    await runMethod(session, 'admin.open', { spec: booksReadMethods['admin.open'], handler: openForReading }, { path: file });
    return await runMethod(session, method, await findReport(method), input);
  } finally {
    session.close();
  }
}

function reportCsv(name: string, data: unknown): string {
  switch (name) {
    case 'trial-balance': {
      const tb = data as TrialBalance;
      // balance (debit − credit of the period) stays last, so scripts reading it by name keep working.
      return toCsv([
        ['code', 'name', 'opening', 'debit', 'credit', 'closing', 'balance'],
        ...tb.accounts.map((a) => [a.code, a.name, a.opening, a.debit, a.credit, a.closing, a.balance]),
        ['', 'Totaal', tb.totals.opening, tb.totals.debit, tb.totals.credit, tb.totals.closing, ''],
      ]);
    }
    case 'general-ledger': {
      const gl = data as GeneralLedger;
      return toCsv([['date', 'ref', 'description', 'debit', 'credit', 'balance'], ['', '', 'Beginsaldo', '', '', gl.opening], ...gl.rows.map((r) => [r.date, r.ref, r.description, r.debit, r.credit, r.balance])]);
    }
    case 'journal': {
      const list = data as EntryList;
      return toCsv([['ref', 'date', 'description', 'account', 'debit', 'credit'], ...list.items.flatMap((e) => e.lines.map((l) => [e.ref, e.date, e.description, l.account, l.debit, l.credit]))]);
    }
    default: {
      const { statementCsv } = require('./books/statements/csv') as typeof import('./books/statements/csv');
      const text = statementCsv(name, data);
      if (text === null) throw new UsageError(`CSV is er niet voor rapport ${name}.`);
      return text;
    }
  }
}

/** `kassa report FILE NAME [options]`. */
export async function reportCommand({ file, rest, o, out, json }: Command): Promise<number> {
  const name = need(rest[0], 'NAME');
  const method = METHODS[name];
  if (!method) throw new UsageError(`Onbekend rapport "${name}". Kies uit: ${Object.keys(METHODS).join(', ')}.`);
  const input: Record<string, unknown> = {};
  const year = int(o.year, '--year');
  if (year !== undefined) input.year = year;
  for (const k of ['from', 'to', 'date', 'account'] as const) if (o[k] !== undefined) input[k] = o[k];
  if (name === 'journal') input.limit = 1000;
  const format = o.format ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new UsageError(`Formaat "${format}" bestaat niet voor dit rapport (json of csv).`);
  const data = await readReport(need(file, 'FILE'), method, input);
  out(format === 'csv' ? reportCsv(name, data) : json(data));
  return 0;
}

/** The report bundle's entry: bin/kassa.js only runs it for a command line that starts with `report`. */
export function run(argv: string[]): Promise<number> {
  return runCli(argv, async (c) => {
    if (c.cmd !== 'report') throw new UsageError(`Onbekende opdracht "${c.cmd}".`);
    return reportCommand(c);
  });
}
