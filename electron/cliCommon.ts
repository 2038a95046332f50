/**
 * What every `kassa` command shares: the usage text, the options, the parsing of a command line and
 * how errors end a run. cli.ts (every command) and cliReport.ts (the report bundle, which `bin/kassa.js`
 * runs for `kassa report …`) both go through runCli, so a report behaves the same from either.
 */
import { parseArgs } from 'node:util';
import { KassaError } from '../shared/errors';
import { dutchArgsMessage, usageFor } from './cliUsage';
import { writeStdout } from './cliStdout';

export const USAGE = `Gebruik / usage:
  kassa new FILE --name NAME [--year YYYY] [--vat none|exempt|kor|liable] [--kvk …] [--rsin …] [--iban …]
  kassa call FILE METHOD [JSON | -]
  kassa report FILE trial-balance|general-ledger|journal|dashboard|balance-sheet|income-statement|cash-flow [--year Y] [--from D] [--to D] [--date D] [--account CODE] [--format json|csv] [--out PATH]
  kassa export FILE hledger|xaf|xlsx|pdf --out PATH [--year Y]
  kassa verify FILE [--since COUNT:HASH] [--json]
  kassa import FILE BANKFILE [--account CODE] [--format camt053|mt940|csv-ing|csv-rabobank|csv-abnamro|csv-triodos|csv-bunq|csv-asn|csv-knab]
  kassa demo FILE [--transactions N] [--seed S] [--years N] [--name NAME]
  kassa backup FILE [--to DIR]
  kassa review FILE --year Y [--sample N] [--seed S] [--threshold AMOUNT] [--format json|csv]
  kassa overview DIR [--format json|csv]
Options: --json  print errors as {"error":{code,message}}`;

export class UsageError extends Error {}

export const OPTIONS = {
  name: { type: 'string' }, year: { type: 'string' }, vat: { type: 'string' }, kvk: { type: 'string' }, rsin: { type: 'string' },
  iban: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
  date: { type: 'string' }, account: { type: 'string' }, transactions: { type: 'string' }, seed: { type: 'string' },
  years: { type: 'string' }, since: { type: 'string' }, sample: { type: 'string' }, threshold: { type: 'string' }, json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type Opts = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

export function int(v: string | undefined, what: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError(`${what} moet een geheel getal zijn: "${v}"`);
  return Number(v);
}

export function need(v: string | undefined, what: string): string {
  if (!v) throw new UsageError(`${what} ontbreekt.`);
  return v;
}

/** One parsed command line, with the two ways a command prints its result. */
export interface Command {
  cmd: string;
  file: string | undefined;
  rest: string[];
  o: Opts;
  /** The result to --out (through the guarded writer) or else to stdout. */
  out: (text: string) => void;
  json: (v: unknown) => string;
}

function parse(argv: string[]): Command | { help: boolean } {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const o = values as Opts;
  const [cmd, file, ...rest] = positionals;
  if (o.help || !cmd) return { help: o.help === true };
  const out = (text: string) => {
    if (o.out) {
      // FILE is closed by now: name it, so --out can never be the books by another name or link.
      const { writeFileGuarded } = (require('./files/write') as typeof import('./files/write'));
      writeFileGuarded(o.out, text, { field: 'out', protect: file ? [file] : [] });
    } else {
      writeStdout(text);
    }
  };
  return { cmd, file, rest, o, out, json: (v) => JSON.stringify(v, null, 2) + '\n' };
}

/**
 * Parse `argv` and run `commands`. Domain errors print a Dutch message on stderr (or {"error":…}
 * with --json) and exit 1 (70 for an internal error); usage errors exit 2.
 */
export async function runCli(argv: string[], commands: (c: Command) => Promise<number>): Promise<number> {
  const jsonErrors = argv.includes('--json');
  try {
    const c = parse(argv);
    if ('help' in c) {
      process.stdout.write(USAGE + '\n');
      return c.help ? 0 : 2;
    }
    return await commands(c);
  } catch (e) {
    const parseError = (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true;
    if (e instanceof UsageError || parseError) {
      const message = parseError ? dutchArgsMessage(e as { code?: string; message: string }, Object.keys(OPTIONS)) : (e as Error).message;
      // The command is the first word that is not an option (options come anywhere on the line).
      const command = argv.find((a) => !a.startsWith('-'));
      process.stderr.write(`${message}\n\n${usageFor(USAGE, command)}\n`);
      return 2;
    }
    // Loaded only on this path: it brings zod, which `--help` and a usage error never need.
    const { toErrorData } = require('./apiErrors') as typeof import('./apiErrors');
    const err = e instanceof KassaError ? e.toJSON() : toErrorData(e);
    if (jsonErrors) process.stderr.write(JSON.stringify({ error: err }) + '\n');
    else process.stderr.write(`Fout (${err.code}): ${err.message}\n`);
    return err.code === 'INTERNAL' ? 70 : 1;
  }
}
