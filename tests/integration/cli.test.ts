/**
 * The `kassa` command (bin/kassa.js -> dist/): new, call, report, export, verify, demo, backup.
 * Needs `npm run build:node` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryList, GeneralLedger, TrialBalance, VerifyResult } from '../../shared/api/types';
import {
  assertDistBuilt, cents, cleanupTempDirs, cliError, cliJson, expectDutch, fingerprint, openBooksSession, parseCsv, runCli, sha256, simpleEntry,
  tempDir, type CliResult,
} from './helpers';

afterAll(cleanupTempDirs);


let dir: string;
let file: string;

/**
 * The file holds an exclusive lock while a command runs, so concurrent tests each work on their own
 * copy (same name, so backup names are predictable) and run their commands on it one after another.
 */
function copy(): string {
  const f = path.join(tempDir(), 'buurt.kassa');
  fs.copyFileSync(file, f);
  return f;
}

beforeAll(async () => {
  assertDistBuilt();
  dir = tempDir();
  file = path.join(dir, 'buurt.kassa');
  const r = await runCli(['new', file, '--name', 'Stichting Buurtkracht', '--year', '2026', '--kvk', '12345678', '--rsin', '812345678', '--iban', 'NL91 ABNA 0417 1643 00']);
  const info = cliJson(r);
  expect(info.organisation).toMatchObject({ name: 'Stichting Buurtkracht', kvk: '12345678', rsin: '812345678', iban: 'NL91ABNA0417164300', vatStatus: 'none' });
  expect(path.resolve(info.path)).toBe(path.resolve(file));
  // seed through the dispatcher, then close so the CLI can take the lock
  const b = await openBooksSession(file);
  await b.call('entries.post', simpleEntry('2026-01-10', '1100', '8000', '1250.00', 'Gift, "groot"'));
  await b.call('entries.post', simpleEntry('2026-02-01', '4100', '1100', '450.00', 'Huur februari'));
  await b.call('entries.post', simpleEntry('2026-02-15', '1000', '8400', '33.30', 'Taalcafé'));
  await b.call('years.openNext');
  await b.call('entries.post', simpleEntry('2027-01-05', '4610', '1100', '12.95', 'Bankkosten'));
  b.close();
  expect(fs.existsSync(`${file}-wal`)).toBe(false);
});

// ------------------------------------------------------------------------------------------------
describe.concurrent('kassa new', () => {
  it.each([
    ['a bad IBAN', ['--iban', 'NL91ABNA0417164301'], /IBAN/],
    ['a bad KvK number', ['--kvk', '1234567'], /KvK|8 cijfers/],
    ['a bad RSIN', ['--rsin', '123456789'], /RSIN|elfproef/],
    ['an unknown VAT status', ['--vat', 'soms'], /./],
  ])('%s: exit 1, INVALID_INPUT, no file created', async (_what, extra, message) => {
    const d = tempDir();
    const f = path.join(d, 'nieuw.kassa');
    const r = await runCli(['new', f, '--name', 'Stichting X', ...extra, '--json']);
    expect(r.status, r.stderr).toBe(1);
    const e = cliError(r);
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(message);
    expectDutch(e.message);
    expect(fs.existsSync(f)).toBe(false);
    expect(fs.readdirSync(d)).toEqual([]);
  });

  it('with --vat liable: the VAT account exists', async () => {
    const f = path.join(tempDir(), 'btw.kassa');
    const info = cliJson(await runCli(['new', f, '--name', 'Stichting Btw', '--vat', 'liable', '--year', '2026']));
    expect(info.organisation.vatStatus).toBe('liable');
    const accounts = cliJson(await runCli(['call', f, 'accounts.list']));
    expect(accounts.some((a: { code: string }) => a.code === '1700')).toBe(true);
    const years = cliJson(await runCli(['call', f, 'years.list']));
    expect(years).toEqual([{ year: 2026, startDate: '2026-01-01', endDate: '2026-12-31', status: 'open' }]);
  });

  it('refuses an existing file (FILE_EXISTS) and leaves it as it was', async () => {
    const f = copy();
    const before = fingerprint(f);
    const r = await runCli(['new', f, '--name', 'Overschrijven', '--json']);
    expect(r.status).toBe(1);
    expect(cliError(r).code).toBe('FILE_EXISTS');
    expect(fingerprint(f)).toEqual(before);
  });

  it('refuses a folder that does not exist (FILE_NOT_FOUND)', async () => {
    const f = path.join(tempDir(), 'bestaat', 'niet', 'x.kassa');
    const r = await runCli(['new', f, '--name', 'X', '--json']);
    expect(r.status).toBe(1);
    expect(cliError(r).code).toBe('FILE_NOT_FOUND');
    expect(fs.existsSync(path.dirname(f))).toBe(false);
  });
});

// ------------------------------------------------------------------------------------------------
describe.concurrent('kassa call', () => {
  it('prints the JSON result, reading input from an argument or from stdin (-)', async () => {
    const f = copy();
    const a = cliJson<EntryList>(await runCli(['call', f, 'entries.list', '{"year":2026}']));
    const b = cliJson<EntryList>(await runCli(['call', f, 'entries.list', '-'], { input: '{"year":2026}' }));
    expect(a).toEqual(b);
    expect(a.total).toBe(3);
    expect(a.items.map((e) => e.ref)).toEqual(['KAS 2026-0001', 'BANK 2026-0002', 'BANK 2026-0001']);
  });

  it('without JSON the input is {}', async () => {
    const f = copy();
    const years = cliJson(await runCli(['call', f, 'years.list']));
    expect(years.map((y: { year: number }) => y.year)).toEqual([2026, 2027]);
  });
});

// ------------------------------------------------------------------------------------------------
describe.concurrent('kassa report', () => {
  const expectedAll: Record<string, [string, string, string]> = {
    '1000': ['33.30', '0.00', '33.30'],
    '1100': ['1250.00', '462.95', '787.05'],
    '4100': ['450.00', '0.00', '450.00'],
    '4610': ['12.95', '0.00', '12.95'],
    '8000': ['0.00', '1250.00', '-1250.00'],
    '8400': ['0.00', '33.30', '-33.30'],
  };

  it('trial-balance as JSON: the dispatcher\'s shape and numbers', async () => {
    const f = copy();
    const tb = cliJson<TrialBalance>(await runCli(['report', f, 'trial-balance']));
    expect(Object.fromEntries(tb.accounts.map((a) => [a.code, [a.debit, a.credit, a.balance]]))).toEqual(expectedAll);
    expect(tb.totals).toEqual({ debit: '1746.25', credit: '1746.25' });
  });

  it('trial-balance as CSV: the same numbers, a header and a total row', async () => {
    const f = copy();
    const r = await runCli(['report', f, 'trial-balance', '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual(['code', 'name', 'debit', 'credit', 'balance']);
    const body = rows.slice(1, -1);
    expect(Object.fromEntries(body.map((c) => [c[0], [c[2], c[3], c[4]]]))).toEqual(expectedAll);
    expect(body.find((c) => c[0] === '8000')![1]).toBe('Giften van particulieren');
    expect(rows.at(-1)!.slice(2, 4)).toEqual(['1746.25', '1746.25']);
  });

  it('--year limits to that fiscal year (JSON and CSV agree)', async () => {
    const f = copy();
    const tb = cliJson<TrialBalance>(await runCli(['report', f, 'trial-balance', '--year', '2027']));
    expect(tb.accounts.map((a) => [a.code, a.balance])).toEqual([['1100', '-12.95'], ['4610', '12.95']]);
    const csv = parseCsv((await runCli(['report', f, 'trial-balance', '--year', '2027', '--format', 'csv'])).stdout);
    expect(csv.slice(1, -1).map((c) => [c[0], c[4]])).toEqual([['1100', '-12.95'], ['4610', '12.95']]);
  });

  it('--date gives the balance up to that day', async () => {
    const f = copy();
    const tb = cliJson<TrialBalance>(await runCli(['report', f, 'trial-balance', '--date', '2026-01-31']));
    expect(tb.accounts.map((a) => [a.code, a.balance])).toEqual([['1100', '1250.00'], ['8000', '-1250.00']]);
  });

  it('--out writes the report to a file instead of stdout', async () => {
    const f = copy();
    const out = path.join(tempDir(), 'proefbalans.csv');
    const r = await runCli(['report', f, 'trial-balance', '--format', 'csv', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(parseCsv(fs.readFileSync(out, 'utf8'))[0]).toEqual(['code', 'name', 'debit', 'credit', 'balance']);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['proefbalans.csv']);
  });

  it('general-ledger of an account, JSON and CSV', async () => {
    const f = copy();
    const gl = cliJson<GeneralLedger>(await runCli(['report', f, 'general-ledger', '--account', '1100', '--year', '2027']));
    expect([gl.opening, gl.closing, gl.rows.length]).toEqual(['800.00', '787.05', 1]);
    const csv = parseCsv((await runCli(['report', f, 'general-ledger', '--account', '1100', '--format', 'csv'])).stdout);
    expect(csv[0]).toEqual(['date', 'ref', 'description', 'debit', 'credit', 'balance']);
    expect(csv.slice(2).map((c) => [c[1], c[5]])).toEqual([['BANK 2026-0001', '1250.00'], ['BANK 2026-0002', '800.00'], ['BANK 2027-0001', '787.05']]);
    expect(csv[2]![2]).toBe('Gift, "groot"');
  });

  it('journal as CSV has a row per line', async () => {
    const f = copy();
    const csv = parseCsv((await runCli(['report', f, 'journal', '--format', 'csv', '--year', '2026'])).stdout);
    expect(csv[0]).toEqual(['ref', 'date', 'description', 'account', 'debit', 'credit']);
    expect(csv.length - 1).toBe(6);
  });
});

// ------------------------------------------------------------------------------------------------
describe.concurrent('kassa export hledger', () => {
  it('writes a journal of the posted entries to --out', async () => {
    const f = copy();
    const out = path.join(tempDir(), 'boeken.journal');
    const r = cliJson(await runCli(['export', f, 'hledger', '--out', out]));
    expect(r).toMatchObject({ entries: 4 });
    expect(path.resolve(r.path)).toBe(out);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('2026-01-10 * (BANK 2026-0001)');
    expect(text).toMatch(/\n {4}1100 Bank betaalrekening {2}1250\.00 EUR\n/);
    expect(text).toMatch(/\n {4}8000 Giften van particulieren {2}-1250\.00 EUR\n/);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['boeken.journal']);
  });

  it('--year exports only that year', async () => {
    const f = copy();
    const out = path.join(tempDir(), '2027.journal');
    expect(cliJson(await runCli(['export', f, 'hledger', '--out', out, '--year', '2027'])).entries).toBe(1);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('(BANK 2027-0001) Bankkosten');
    expect(text).not.toContain('2026-');
  });

  it('into a folder that does not exist: exit 1, Dutch message, nothing left behind', async () => {
    const f = copy();
    const d = tempDir();
    const out = path.join(d, 'nope', 'x.journal');
    const r = await runCli(['export', f, 'hledger', '--out', out, '--json']);
    expect(r.status).toBe(1);
    expectDutch(cliError(r).message);
    expect(fs.readdirSync(d)).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------
describe.concurrent('kassa verify', () => {
  it('exit 0 and ok on good books; --json gives the result with the history head', async () => {
    const f = copy();
    const r = await runCli(['verify', f, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const v = JSON.parse(r.stdout) as VerifyResult;
    expect(v.ok).toBe(true);
    expect(v.counts.entries).toBe(4);
    expect(v.history.count).toBe(4);
    expect(v.history.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(v.history.head).toBe(`4:${v.history.hash.slice(0, 12)}`);
    // without --json: a few Dutch lines with the head and from when the history is provable
    const text = await runCli(['verify', f]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('In orde');
    expect(text.stdout).toContain(`Kop van de geschiedenis: ${v.history.head}`);
    expect(text.stdout).toContain('Geschiedenis controleerbaar vanaf');
    // --since with that head passes; with a head the file never had it fails, in Dutch
    expect((await runCli(['verify', f, '--since', v.history.head])).status).toBe(0);
    const bad = await runCli(['verify', f, '--since', '4:000000000000']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^De geschiedenis is herschreven: feit 4/);
  });

  it('exit 1 on a tampered copy, the problems in Dutch on stderr', async () => {
    const f = copy();
    const tampered = path.join(tempDir(), 'gerommeld.kassa');
    fs.copyFileSync(f, tampered);
    const db = new Database(tampered);
    db.exec(`DROP TRIGGER lines_update_posted; UPDATE lines SET amount_cents = 100000 WHERE id = (SELECT MIN(id) FROM lines)`);
    db.exec(`DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 2`);
    db.close();
    const r = await runCli(['verify', tampered, '--json']);
    expect(r.status).toBe(1);
    const v = JSON.parse(r.stdout) as VerifyResult;
    expect(v.ok).toBe(false);
    const codes = new Set(v.problems.map((p) => p.code));
    expect(codes.has('UNBALANCED')).toBe(true);
    expect(codes.has('AUDIT_CHAIN')).toBe(true);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBe(v.problems.length);
    for (const l of lines) expectDutch(l);
    // the original is untouched
    expect((await runCli(['verify', f])).status).toBe(0);
  });
});

// ------------------------------------------------------------------------------------------------
describe('kassa demo', () => {
  it('is deterministic: same seed -> same trial balance and the same entries', async () => {
    const d1 = tempDir();
    const d2 = tempDir();
    const f1 = path.join(d1, 'demo.kassa');
    const f2 = path.join(d2, 'demo.kassa');
    const [r1, r2] = await Promise.all([
      runCli(['demo', f1, '--transactions', '300', '--seed', '5']),
      runCli(['demo', f2, '--transactions', '300', '--seed', '5']),
    ]);
    const res1 = cliJson(r1);
    expect(res1).toEqual(cliJson(r2));
    expect(res1.entries).toBe(300);
    expect(res1.postings).toBeGreaterThanOrEqual(600);

    // one command at a time per file (each takes the file's lock); the two files side by side
    const readBoth = async (f: string) => [await runCli(['report', f, 'trial-balance']), await runCli(['call', f, 'entries.list', '{"limit":1000}'])];
    const [[tb1, l1], [tb2, l2]] = (await Promise.all([readBoth(f1), readBoth(f2)])) as [[CliResult, CliResult], [CliResult, CliResult]];
    const v1 = await runCli(['verify', f1]);
    expect(tb1.status).toBe(0);
    expect(tb1.stdout).toBe(tb2.stdout);
    const list1 = cliJson<EntryList>(l1);
    expect(list1.total).toBe(300);
    // entries.list carries no timestamps, so the whole output must match
    expect(l1.stdout).toBe(l2.stdout);
    const tb = JSON.parse(tb1.stdout) as TrialBalance;
    expect(tb.totals.debit).toBe(tb.totals.credit);
    expect(cents(tb.totals.debit)).toBeGreaterThan(0n);
    expect(v1.status, v1.stderr).toBe(0);
    // numbers are gapless per journal and year
    const byBook = new Map<string, number[]>();
    for (const e of list1.items) byBook.set(`${e.journal}/${e.year}`, [...(byBook.get(`${e.journal}/${e.year}`) ?? []), e.number!]);
    for (const [, nums] of byBook) expect([...nums].sort((a, b) => a - b)).toEqual(nums.map((_, i) => i + 1));

    // another seed gives other books
    const f3 = path.join(tempDir(), 'demo.kassa');
    cliJson(await runCli(['demo', f3, '--transactions', '300', '--seed', '6']));
    expect((await runCli(['report', f3, 'trial-balance'])).stdout).not.toBe(tb1.stdout);
  });

  it('cash and the current account never go below zero, day by day', async () => {
    const f = path.join(tempDir(), 'demo.kassa');
    cliJson(await runCli(['demo', f, '--transactions', '20000', '--seed', '3']));
    const db = new Database(f, { readonly: true });
    try {
      // the running balance after each entry, in the order the books were written
      const lowest = db
        .prepare(
          `SELECT code, MIN(running) AS lowest, COUNT(*) AS n FROM (
             SELECT a.code, SUM(l.amount_cents) OVER (PARTITION BY a.code ORDER BY l.date, l.entry_id) AS running
             FROM lines l JOIN accounts a ON a.id = l.account_id WHERE a.code IN ('1000', '1100'))
           GROUP BY code ORDER BY code`,
        )
        .all() as { code: string; lowest: number; n: number }[];
      expect(lowest.map((r) => r.code)).toEqual(['1000', '1100']);
      for (const r of lowest) {
        expect(r.n).toBeGreaterThan(1000);
        expect(r.lowest, `lowest balance of ${r.code}`).toBeGreaterThanOrEqual(0);
      }
    } finally {
      db.close();
    }
  });

  it('a bulk load (50,000 or more) ends with the same indexes and verifies', async () => {
    const big = path.join(tempDir(), 'groot.kassa');
    const small = path.join(tempDir(), 'klein.kassa');
    const [rb, rs] = await Promise.all([
      runCli(['demo', big, '--transactions', '50000', '--seed', '2'], { timeoutMs: 120_000 }),
      runCli(['demo', small, '--transactions', '50', '--seed', '2']),
    ]);
    cliJson(rb);
    cliJson(rs);
    const schema = (f: string) => {
      const db = new Database(f, { readonly: true });
      try {
        return db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`).all();
      } finally {
        db.close();
      }
    };
    const indexes = schema(big);
    expect(indexes.map((i) => (i as { name: string }).name)).toEqual(expect.arrayContaining(['lines_account', 'entries_date']));
    expect(indexes).toEqual(schema(small));
    const v = await runCli(['verify', big], { timeoutMs: 120_000 });
    expect(v.status, v.stderr).toBe(0);
  });

  it('will not overwrite an existing file', async () => {
    const f = copy();
    const before = fingerprint(f);
    const r = await runCli(['demo', f, '--transactions', '10', '--json']);
    expect(r.status).toBe(1);
    expect(cliError(r).code).toBe('FILE_EXISTS');
    expect(fingerprint(f)).toEqual(before);
  });
});

// ------------------------------------------------------------------------------------------------
describe('kassa backup', () => {
  it('--to DIR writes a consistent copy that opens and verifies; the original is unchanged', async () => {
    const f = copy();
    const to = tempDir();
    const before = sha256(f);
    const r = cliJson<{ backup: string }>(await runCli(['backup', f, '--to', to]));
    expect(path.dirname(r.backup)).toBe(to);
    // named like the app's manual backups: the foundation, a UTC timestamp, "handmatig"
    expect(path.basename(r.backup)).toMatch(/^Stichting Buurtkracht \d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z handmatig\.kassa$/);
    expect(fs.readdirSync(to)).toEqual([path.basename(r.backup)]); // no temp file left
    expect(fs.existsSync(r.backup)).toBe(true);
    expect(sha256(f)).toBe(before);
    const v = await runCli(['verify', r.backup]);
    const tbCopy = await runCli(['report', r.backup, 'trial-balance']);
    const tbOrig = await runCli(['report', f, 'trial-balance']);
    expect(v.status, v.stderr).toBe(0);
    expect(tbCopy.stdout).toBe(tbOrig.stdout);
    const entries = cliJson<EntryList>(await runCli(['call', r.backup, 'entries.list']));
    expect(entries.total).toBe(4);
  });

  it('without --to it is the app\'s "Back-up maken": the backup folder beside the file, or the one chosen in the app', async () => {
    const d = tempDir();
    const settings = tempDir();
    const f = path.join(d, 'klein.kassa');
    fs.copyFileSync(file, f);
    const env = { KASSA_SETTINGS_DIR: settings };
    const r = cliJson<{ backup: string; kind: string }>(await runCli(['backup', f], { env }));
    expect(path.dirname(r.backup)).toBe(path.join(d, 'Back-ups Kijk op de Kassa', 'klein'));
    expect(r.kind).toBe('manual');
    // The app lists it like its own.
    const listed = cliJson<{ path: string }[]>(await runCli(['call', f, 'backups.list'], { env }));
    expect(listed.map((b) => b.path)).toEqual([r.backup]);

    // A folder chosen in the app (a USB stick) is used by the CLI too; when it is gone, it says so.
    const usb = tempDir();
    cliJson(await runCli(['call', f, 'backups.settings.set', JSON.stringify({ folder: usb })], { env }));
    const r2 = cliJson<{ backup: string }>(await runCli(['backup', f], { env }));
    expect(path.dirname(r2.backup)).toBe(path.join(usb, 'klein'));
    fs.rmSync(usb, { recursive: true });
    const gone = await runCli(['backup', f, '--json'], { env });
    expect(gone.status).toBe(1);
    expect(cliError(gone).code).toBe('FILE_NOT_FOUND');
    expectDutch(cliError(gone).message);
  });

  it('--to a folder that does not exist: exit 1, FILE_NOT_FOUND, nothing written', async () => {
    const f = copy();
    const before = fingerprint(f);
    const r = await runCli(['backup', f, '--to', path.join(tempDir(), 'geen-map'), '--json']);
    expect(r.status).toBe(1);
    expect(cliError(r).code).toBe('FILE_NOT_FOUND');
    expect(fingerprint(f)).toEqual(before);
  });

  it('of a missing file: exit 1, FILE_NOT_FOUND', async () => {
    const r = await runCli(['backup', path.join(tempDir(), 'weg.kassa'), '--json']);
    expect(r.status).toBe(1);
    expect(cliError(r).code).toBe('FILE_NOT_FOUND');
  });
});
