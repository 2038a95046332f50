/**
 * `kassa`: the headless face of the same dispatcher the app uses. Domain errors print a Dutch
 * message on stderr (or {"error":…} with --json) and exit 1; usage errors exit 2.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { KassaError } from '../shared/errors';
import type { EntryList, GeneralLedger, TrialBalance, VerifyResult } from '../shared/api/types';

// Modules are required lazily so `kassa report` loads only what a report needs (start-up time counts).

const USAGE = `Gebruik / usage:
  kassa new FILE --name NAME [--year YYYY] [--vat none|exempt|kor|liable] [--kvk …] [--rsin …] [--iban …]
  kassa call FILE METHOD [JSON | -]
  kassa report FILE trial-balance|general-ledger|journal|dashboard|balance-sheet|income-statement|cash-flow [--year Y] [--from D] [--to D] [--date D] [--account CODE] [--format json|csv] [--out PATH]
  kassa export FILE hledger|xaf|xlsx|pdf --out PATH [--year Y]
  kassa verify FILE [--since COUNT:HASH] [--json]
  kassa import FILE BANKFILE [--account CODE] [--format camt053|mt940|csv-ing|csv-rabobank|csv-abnamro|csv-triodos|csv-bunq|csv-asn]
  kassa demo FILE [--transactions N] [--seed S] [--years N] [--name NAME]
  kassa backup FILE [--to DIR]
Options: --json  print errors as {"error":{code,message}}`;

class UsageError extends Error {}

const OPTIONS = {
  name: { type: 'string' }, year: { type: 'string' }, vat: { type: 'string' }, kvk: { type: 'string' }, rsin: { type: 'string' },
  iban: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
  date: { type: 'string' }, account: { type: 'string' }, transactions: { type: 'string' }, seed: { type: 'string' },
  years: { type: 'string' }, since: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
} as const;

type Opts = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

function int(v: string | undefined, what: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError(`${what} moet een geheel getal zijn: "${v}"`);
  return Number(v);
}

function need(v: string | undefined, what: string): string {
  if (!v) throw new UsageError(`${what} ontbreekt.`);
  return v;
}

async function withFile<T>(file: string, fn: (call: (m: string, i: unknown) => Promise<unknown>) => Promise<T>): Promise<T> {
  const { Session } = (require('./session') as typeof import('./session'));
  const { dispatch } = (require('./api') as typeof import('./api'));
  const session = new Session();
  try {
    await dispatch(session, 'admin.open', { path: file });
    return await fn((m, i) => dispatch(session, m, i));
  } finally {
    session.close();
  }
}

function csv(rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

function reportCsv(name: string, data: unknown): string {
  switch (name) {
    case 'trial-balance': {
      const tb = data as TrialBalance;
      return csv([['code', 'name', 'debit', 'credit', 'balance'], ...tb.accounts.map((a) => [a.code, a.name, a.debit, a.credit, a.balance]), ['', 'Totaal', tb.totals.debit, tb.totals.credit, '']]);
    }
    case 'general-ledger': {
      const gl = data as GeneralLedger;
      return csv([['date', 'ref', 'description', 'debit', 'credit', 'balance'], ['', '', 'Beginsaldo', '', '', gl.opening], ...gl.rows.map((r) => [r.date, r.ref, r.description, r.debit, r.credit, r.balance])]);
    }
    case 'journal': {
      const list = data as EntryList;
      return csv([['ref', 'date', 'description', 'account', 'debit', 'credit'], ...list.items.flatMap((e) => e.lines.map((l) => [e.ref, e.date, e.description, l.account, l.debit, l.credit]))]);
    }
    default: {
      const { statementCsv } = require('./books/statements/csv') as typeof import('./books/statements/csv');
      const text = statementCsv(name, data);
      if (text === null) throw new UsageError(`CSV is er niet voor rapport ${name}.`);
      return text;
    }
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const o = values as Opts;
  const [cmd, file, ...rest] = positionals;
  if (o.help || !cmd) {
    process.stdout.write(USAGE + '\n');
    return o.help ? 0 : 2;
  }
  const out = (text: string) => {
    if (o.out) {
      const target = path.resolve(o.out);
      const tmp = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, text);
      fs.renameSync(tmp, target);
    } else {
      process.stdout.write(text);
    }
  };
  const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

  switch (cmd) {
    case 'new': {
      const { Session } = (require('./session') as typeof import('./session'));
      const { dispatch } = (require('./api') as typeof import('./api'));
      const session = new Session();
      try {
        const input: Record<string, unknown> = { path: need(file, 'FILE'), name: need(o.name, '--name') };
        const year = int(o.year, '--year');
        if (year !== undefined) input.year = year;
        for (const k of ['vat', 'kvk', 'rsin', 'iban'] as const) if (o[k] !== undefined) input[k] = o[k];
        const info = await dispatch(session, 'admin.create', input);
        out(json(info));
      } finally {
        session.close();
      }
      return 0;
    }
    case 'call': {
      const method = need(rest[0], 'METHOD');
      const raw = rest[1] === '-' ? fs.readFileSync(0, 'utf8') : (rest[1] ?? '{}');
      let input: unknown;
      try {
        input = JSON.parse(raw);
      } catch {
        throw new UsageError('De invoer is geen geldige JSON.');
      }
      const result = await withFile(need(file, 'FILE'), (call) => call(method, input));
      out(json(result));
      return 0;
    }
    case 'report': {
      const name = need(rest[0], 'NAME');
      const methods: Record<string, string> = {
        'trial-balance': 'reports.trialBalance', 'general-ledger': 'reports.generalLedger', journal: 'reports.journal', dashboard: 'reports.dashboard',
        'balance-sheet': 'reports.balanceSheet', 'income-statement': 'reports.incomeStatement', 'cash-flow': 'reports.cashFlow',
      };
      const method = methods[name];
      if (!method) throw new UsageError(`Onbekend rapport "${name}". Kies uit: ${Object.keys(methods).join(', ')}.`);
      const input: Record<string, unknown> = {};
      const year = int(o.year, '--year');
      if (year !== undefined) input.year = year;
      for (const k of ['from', 'to', 'date', 'account'] as const) if (o[k] !== undefined) input[k] = o[k];
      if (name === 'journal') input.limit = 1000;
      const format = o.format ?? 'json';
      if (format !== 'json' && format !== 'csv') throw new UsageError(`Formaat "${format}" bestaat niet voor dit rapport (json of csv).`);
      const data = await withFile(need(file, 'FILE'), (call) => call(method, input));
      out(format === 'csv' ? reportCsv(name, data) : json(data));
      return 0;
    }
    case 'export': {
      const format = need(rest[0], 'FORMAT');
      const exportMethods: Record<string, string> = { hledger: 'export.hledger', xaf: 'export.xaf', xlsx: 'statements.xlsx', pdf: 'statements.pdf' };
      const exportMethod = exportMethods[format];
      if (!exportMethod) throw new UsageError(`Onbekend exportformaat "${format}" (${Object.keys(exportMethods).join(', ')}).`);
      const input: Record<string, unknown> = { path: need(o.out, '--out') };
      const year = int(o.year, '--year');
      if (year !== undefined) input.year = year;
      const result = await withFile(need(file, 'FILE'), (call) => call(exportMethod, input));
      process.stdout.write(json(result));
      return 0;
    }
    case 'verify': {
      // --json: the whole result (with the head: count and full hash); else a few Dutch lines.
      // Either way the problems go to stderr, one per line, and exit 1.
      const input = o.since !== undefined ? { since: o.since } : {};
      const result = (await withFile(need(file, 'FILE'), (call) => call('audit.verify', input))) as VerifyResult;
      if (o.json) process.stdout.write(json(result));
      else {
        const h = result.history;
        process.stdout.write(`${result.ok ? 'In orde: het bestand is gecontroleerd en klopt.' : 'Niet in orde: zie de meldingen.'}\n`
          + `Kop van de geschiedenis: ${h.head} (${h.count} feiten; volledig: ${h.hash})\n${h.note}\n`);
      }
      if (!result.ok) {
        for (const p of result.problems) process.stderr.write(`${p.message}\n`);
        return 1;
      }
      return 0;
    }
    case 'demo': {
      const target = need(file, 'FILE');
      const { createAdministration } = (require('./books/administration') as typeof import('./books/administration'));
      const { generateDemo } = (require('./books/demo') as typeof import('./books/demo'));
      const n = int(o.transactions, '--transactions') ?? 500;
      const seed = int(o.seed, '--seed') ?? 1;
      const years = int(o.years, '--years');
      const endYear = new Date().getFullYear();
      const nYears = years ?? Math.min(11, Math.max(2, Math.ceil(n / 45000)));
      const books = await createAdministration({ path: target, name: o.name ?? 'Stichting Buurtkracht (oefenen)', year: endYear - nYears + 1 });
      try {
        const r = generateDemo(books, { transactions: n, seed, years: nYears, endYear });
        process.stdout.write(json(r));
      } finally {
        books.close();
      }
      return 0;
    }
    case 'import': {
      // A bank statement into the inbox of a bank account (bank.import); prints the import result.
      const input: Record<string, unknown> = { path: path.resolve(need(rest[0], 'BANKFILE')) };
      if (o.account !== undefined) input.account = o.account;
      if (o.format !== undefined) input.format = o.format;
      const result = await withFile(need(file, 'FILE'), (call) => call('bank.import', input));
      process.stdout.write(json(result));
      return 0;
    }
    case 'backup': {
      const src = need(file, 'FILE');
      const { openBooks } = (require('./db/open') as typeof import('./db/open'));
      const { backupIntoFolder, createBackup } = (require('./backups/backups') as typeof import('./backups/backups'));
      const { defaultSettingsDir } = (require('./app/paths') as typeof import('./app/paths'));
      const books = await openBooks(src);
      try {
        // Without --to: exactly the app's "Back-up maken" (its folder for this file, its rotation).
        const made = o.to ? await backupIntoFolder(books, path.resolve(o.to)) : await createBackup(books, { kind: 'manual', settingsDir: defaultSettingsDir() });
        process.stdout.write(json({ backup: made.path, ...made }));
      } finally {
        books.close();
      }
      return 0;
    }
    default:
      throw new UsageError(`Onbekende opdracht "${cmd}".`);
  }
}

export async function run(argv: string[]): Promise<number> {
  const jsonErrors = argv.includes('--json');
  try {
    return await main(argv);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(e as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    const { toErrorData } = (require('./api') as typeof import('./api'));
    const err = e instanceof KassaError ? e.toJSON() : toErrorData(e);
    if (jsonErrors) process.stderr.write(JSON.stringify({ error: err }) + '\n');
    else process.stderr.write(`Fout (${err.code}): ${err.message}\n`);
    return err.code === 'INTERNAL' ? 70 : 1;
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
