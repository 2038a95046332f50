/**
 * `kassa`: the headless face of the same dispatcher the app uses. Domain errors print a Dutch
 * message on stderr (or {"error":…} with --json) and exit 1; usage errors exit 2.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { VerifyResult } from '../shared/api/types';
import { type Command, int, need, runCli, UsageError } from './cliCommon';

// Modules are required lazily so a command loads only what it needs (start-up time counts). `kassa
// report` normally runs from its own bundle (cliReport.ts); here it is the same code.

async function withFile<T>(file: string, fn: (call: (m: string, i: unknown) => Promise<unknown>) => Promise<T>, opts: { readOnly?: boolean } = {}): Promise<T> {
  const { Session } = (require('./session') as typeof import('./session'));
  const { dispatch } = (require('./api') as typeof import('./api'));
  // Reports and exports only read: no quick_check, so a report stays ~0.2 s on 1M postings.
  const session = new Session(opts.readOnly ? { skipQuickCheck: true } : {});
  try {
    await dispatch(session, 'admin.open', { path: file });
    return await fn((m, i) => dispatch(session, m, i));
  } finally {
    session.close();
  }
}

async function commands(c: Command): Promise<number> {
  const { cmd, file, rest, o, out, json } = c;
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
    case 'report':
      return (require('./cliReport') as typeof import('./cliReport')).reportCommand(c);
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
      const result = (await withFile(need(file, 'FILE'), (call) => call('audit.verify', input), { readOnly: true })) as VerifyResult;
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
      let r: unknown;
      const books = await createAdministration({ path: target, name: o.name ?? 'Stichting Buurtkracht (oefenen)', year: endYear - nYears + 1 }, {}, (b) => {
        r = generateDemo(b, { transactions: n, seed, years: nYears, endYear });
      });
      books.close();
      process.stdout.write(json(r));
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
    case 'review': {
      // The kascommissie's checklist as computed from the books and the sample drawn from a seed (no review is started).
      const year = int(need(o.year, '--year'), '--year')!;
      const { newSeed } = (require('../shared/rules/reviewSample') as typeof import('../shared/rules/reviewSample'));
      const seed = int(o.seed, '--seed') ?? newSeed();
      const size = int(o.sample, '--sample') ?? 25;
      const format = o.format ?? 'json';
      if (format !== 'json' && format !== 'csv') throw new UsageError(`Formaat "${format}" bestaat niet voor de controle (json of csv).`);
      const [checklist, sample] = await withFile(need(file, 'FILE'), async (call) => [
        await call('review.checklist', { year, ...(o.threshold !== undefined ? { threshold: o.threshold } : {}) }),
        await call('review.sample', { year, size, seed }),
      ]);
      const { reviewCsv } = (require('./books/review/csv') as typeof import('./books/review/csv'));
      out(format === 'csv' ? reviewCsv(checklist as never, sample as never) : json({ checklist, sample }));
      return 0;
    }
    case 'overview': {
      // The coach's overview of a folder: every administration read without changing it.
      const format = o.format ?? 'json';
      if (format !== 'json' && format !== 'csv') throw new UsageError(`Formaat "${format}" bestaat niet voor het overzicht (json of csv).`);
      const { Session } = (require('./session') as typeof import('./session'));
      const { dispatch } = (require('./api') as typeof import('./api'));
      const overview = await dispatch(new Session(), 'overview.scan', { folder: path.resolve(need(file, 'DIR')) });
      const { overviewCsv } = (require('./books/review/csv') as typeof import('./books/review/csv'));
      out(format === 'csv' ? overviewCsv(overview as never) : json(overview));
      return 0;
    }
    default:
      throw new UsageError(`Onbekende opdracht "${cmd}".`);
  }
}

export function run(argv: string[]): Promise<number> {
  return runCli(argv, commands);
}

if (require.main === module) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
