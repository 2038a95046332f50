/**
 * Issue 2, bad input: "Each of these gets a stable error code, a clear Dutch message, exit code 1
 * from the CLI, and leaves the file byte-for-byte unchanged." Every case runs the compiled CLI
 * (`kassa call FILE METHOD JSON --json`) on a file prepared beforehand and closed, and compares the
 * file's sha256 before and after. Needs `npm run build:node` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api';
import { Session } from '../../electron/session';
import {
  assertDistBuilt, cleanupTempDirs, cliError, DIST_OPEN, expectDutch, expectKassaError, fingerprint, makeBooks, runCli, simpleEntry, tempDir,
  type CliResult,
} from './helpers';

let base: string;
let ids: { e2025: number; e2026: number; draft: number };

beforeAll(async () => {
  assertDistBuilt();
  // 2025 closed, 2026 open; account 4900 archived; one unbalanced draft in 2026.
  const b = await makeBooks({ year: 2025, fileName: 'base.kassa' });
  const e2025 = (await b.call('entries.post', simpleEntry('2025-03-01', '1100', '8000', '100.00', 'Gift 2025'))).id;
  await b.call('years.openNext');
  await b.call('years.close', { year: 2025 });
  const e2026 = (await b.call('entries.post', simpleEntry('2026-03-01', '4100', '1100', '40.00', 'Huur maart'))).id;
  await b.call('accounts.archive', { code: '4900' });
  const draft = (await b.call('entries.saveDraft', {
    date: '2026-04-01', description: 'Half af', lines: [{ account: '4200', debit: '10.00' }, { account: '1100', credit: '9.00' }],
  })).id;
  b.close();
  base = b.file;
  ids = { e2025, e2026, draft };
  expect(fs.existsSync(`${base}-wal`)).toBe(false);
  expect(fs.existsSync(`${base}-shm`)).toBe(false);
});

afterAll(cleanupTempDirs);

/** A private copy of the prepared file, so cases can run side by side. */
function copyOfBase(name = 'case.kassa'): string {
  const file = path.join(tempDir(), name);
  fs.copyFileSync(base, file);
  return file;
}

/** Run a CLI command that must be refused; assert exit 1, the code, a Dutch message and untouched bytes. */
async function expectRefused(file: string, args: string[], code: string): Promise<{ error: ReturnType<typeof cliError>; result: CliResult }> {
  const before = fingerprint(file);
  expect(before.wal, 'the file must be closed (no -wal) before the test').toBe(false);
  const result = await runCli([...args, '--json']);
  expect(result.status, `stderr: ${result.stderr}`).toBe(1);
  const error = cliError(result);
  expect(error.code, error.message).toBe(code);
  expectDutch(error.message);
  expect(result.stdout).toBe('');
  expect(fingerprint(file), 'the file must be byte-for-byte unchanged').toEqual(before);
  return { error, result };
}

const call = (file: string, method: string, input: unknown) => ['call', file, method, JSON.stringify(input)];

const line = (account: string, side: 'debit' | 'credit', amount: unknown) => ({ account, [side]: amount });
const entry = (date: string, lines: unknown[], description = 'Testboeking') => ({ date, description, lines });

// ------------------------------------------------------------------------------------------------
describe.concurrent('domain errors through the CLI leave the file untouched', () => {
  it('UNBALANCED: an entry whose debit and credit differ', async () => {
    const f = copyOfBase();
    const { error } = await expectRefused(f, call(f, 'entries.post', entry('2026-05-01', [line('1100', 'debit', '10.00'), line('8000', 'credit', '9.99')])), 'UNBALANCED');
    expect(error.message).toMatch(/evenwicht/);
  });

  it('UNBALANCED: posting an unbalanced draft', async () => {
    const f = copyOfBase();
    await expectRefused(f, call(f, 'entries.postDraft', { id: ids.draft }), 'UNBALANCED');
  });

  it.each([
    ['more than 2 decimals', '12.345'],
    ['a float (JSON number)', 12.5],
    ['1,2,3', '1,2,3'],
    ['empty', ''],
    ['negative', '-5'],
  ])('INVALID_AMOUNT: %s', async (_what, amount) => {
    const f = copyOfBase();
    const { error } = await expectRefused(
      f, call(f, 'entries.post', entry('2026-05-01', [line('1100', 'debit', amount), line('8000', 'credit', '12.50')])), 'INVALID_AMOUNT',
    );
    expect(error.field).toBe('lines.0.debit');
  });

  it('INVALID_AMOUNT: in a guided entry too', async () => {
    const f = copyOfBase();
    await expectRefused(f, call(f, 'money.received', { date: '2026-05-01', description: 'Gift', amount: '12.345', into: '1100', category: '8000' }), 'INVALID_AMOUNT');
  });

  it('UNKNOWN_ACCOUNT', async () => {
    const f = copyOfBase();
    const { error } = await expectRefused(f, call(f, 'entries.post', simpleEntry('2026-05-01', '1100', '9999', '5.00')), 'UNKNOWN_ACCOUNT');
    expect(error.message).toContain('9999');
  });

  it('ACCOUNT_ARCHIVED', async () => {
    const f = copyOfBase();
    const { error } = await expectRefused(f, call(f, 'entries.post', simpleEntry('2026-05-01', '4900', '1100', '5.00')), 'ACCOUNT_ARCHIVED');
    expect(error.message).toContain('4900');
  });

  it('NO_OPEN_YEAR: a date after every year', async () => {
    const f = copyOfBase();
    await expectRefused(f, call(f, 'entries.post', simpleEntry('2030-01-01', '1100', '8000', '5.00')), 'NO_OPEN_YEAR');
  });

  it('NO_OPEN_YEAR: a date before every year', async () => {
    const f = copyOfBase();
    const { error } = await expectRefused(f, call(f, 'entries.post', simpleEntry('2024-12-31', '1100', '8000', '5.00')), 'NO_OPEN_YEAR');
    expect(error.message).toContain('31-12-2024');
  });

  it('YEAR_CLOSED: a date in the closed year', async () => {
    const f = copyOfBase();
    await expectRefused(f, call(f, 'entries.post', simpleEntry('2025-06-01', '1100', '8000', '5.00')), 'YEAR_CLOSED');
  });

  it('YEAR_CLOSED: reversing into the closed year', async () => {
    const f = copyOfBase();
    await expectRefused(f, call(f, 'entries.reverse', { id: ids.e2025 }), 'YEAR_CLOSED');
  });

  it('YEAR_CLOSED: closing it again', async () => {
    const f = copyOfBase();
    await expectRefused(f, call(f, 'years.close', { year: 2025 }), 'YEAR_CLOSED');
  });

  it('POSTED_IMMUTABLE: saving a posted entry as a draft (there is no update method)', async () => {
    const f = copyOfBase();
    await expectRefused(f, call(f, 'entries.saveDraft', { id: ids.e2026, ...simpleEntry('2026-03-01', '4100', '1100', '45.00') }), 'POSTED_IMMUTABLE');
  });

  it('POSTED_IMMUTABLE: deleting a posted entry', async () => {
    const f = copyOfBase();
    await expectRefused(f, call(f, 'entries.deleteDraft', { id: ids.e2026 }), 'POSTED_IMMUTABLE');
  });

  it('POSTED_IMMUTABLE: deleting a posted entry in a closed year', async () => {
    const f = copyOfBase();
    await expectRefused(f, call(f, 'entries.deleteDraft', { id: ids.e2025 }), 'POSTED_IMMUTABLE');
  });

  it('POSTED_IMMUTABLE: posting a posted entry again', async () => {
    const f = copyOfBase();
    await expectRefused(f, call(f, 'entries.postDraft', { id: ids.e2026 }), 'POSTED_IMMUTABLE');
  });

  it('INVALID_INPUT: a date that does not exist', async () => {
    const f = copyOfBase();
    await expectRefused(f, call(f, 'entries.post', simpleEntry('2026-02-30', '1100', '8000', '5.00')), 'INVALID_INPUT');
  });

  it('without --json: "Fout (CODE): Dutch message" on stderr, still exit 1', async () => {
    const f = copyOfBase();
    const before = fingerprint(f);
    const r = await runCli(call(f, 'entries.post', simpleEntry('2030-01-01', '1100', '8000', '5.00')));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Fout \(NO_OPEN_YEAR\): /);
    expectDutch(r.stderr.replace(/^Fout \(NO_OPEN_YEAR\): /, ''));
    expect(fingerprint(f)).toEqual(before);
  });

  it('control: the prepared file verifies and takes a valid entry (the refusals were about the input)', async () => {
    const f = copyOfBase();
    const r = await runCli(['verify', f]);
    expect(r.status, r.stderr).toBe(0);
    const ok = await runCli(call(f, 'entries.post', simpleEntry('2026-05-01', '1100', '8000', '12.50')));
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).ref).toBe('BANK 2026-0002');
  });
});

// ------------------------------------------------------------------------------------------------
describe.concurrent('files that are not (good) kassa files', () => {
  it('NOT_A_KASSA_FILE: a text file', async () => {
    const f = path.join(tempDir(), 'notities.kassa');
    fs.writeFileSync(f, 'Boodschappenlijst\nmelk\nbrood\n'.repeat(50));
    await expectRefused(f, call(f, 'accounts.list', {}), 'NOT_A_KASSA_FILE');
  });

  it('NOT_A_KASSA_FILE: random bytes', async () => {
    const f = path.join(tempDir(), 'random.kassa');
    const buf = Buffer.alloc(64 * 1024);
    let s = 42;
    for (let i = 0; i < buf.length; i++) {
      s = (s * 1103515245 + 12345) >>> 0;
      buf[i] = s >>> 24;
    }
    fs.writeFileSync(f, buf);
    await expectRefused(f, call(f, 'accounts.list', {}), 'NOT_A_KASSA_FILE');
  });

  it('NOT_A_KASSA_FILE: an empty file', async () => {
    const f = path.join(tempDir(), 'leeg.kassa');
    fs.writeFileSync(f, '');
    await expectRefused(f, call(f, 'accounts.list', {}), 'NOT_A_KASSA_FILE');
  });

  it('NOT_A_KASSA_FILE: a plain SQLite database without our application_id', async () => {
    const f = path.join(tempDir(), 'ander.sqlite');
    const db = new Database(f);
    db.exec(`CREATE TABLE accounts (code TEXT, name TEXT); INSERT INTO accounts VALUES ('1100', 'Bank');`);
    db.close();
    await expectRefused(f, call(f, 'accounts.list', {}), 'NOT_A_KASSA_FILE');
  });

  it('NOT_A_KASSA_FILE: a plain SQLite database in WAL mode', async () => {
    const f = path.join(tempDir(), 'ander-wal.sqlite');
    const db = new Database(f);
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE t (x); INSERT INTO t VALUES (1);`);
    db.close();
    await expectRefused(f, call(f, 'accounts.list', {}), 'NOT_A_KASSA_FILE');
  });

  it('NOT_A_KASSA_FILE: a directory', async () => {
    const d = path.join(tempDir(), 'map.kassa');
    fs.mkdirSync(d);
    const r = await runCli([...call(d, 'accounts.list', {}), '--json']);
    expect(r.status).toBe(1);
    expect(cliError(r).code).toBe('NOT_A_KASSA_FILE');
    expect(fs.readdirSync(d)).toEqual([]);
  });

  it('FILE_NOT_FOUND: a missing file is not created', async () => {
    const f = path.join(tempDir(), 'bestaat-niet.kassa');
    const r = await runCli([...call(f, 'accounts.list', {}), '--json']);
    expect(r.status).toBe(1);
    const e = cliError(r);
    expect(e.code).toBe('FILE_NOT_FOUND');
    expectDutch(e.message);
    expect(fs.existsSync(f)).toBe(false);
    expect(fs.readdirSync(path.dirname(f))).toEqual([]);
  });

  it('NEWER_VERSION: a file from a newer app version is refused, untouched', async () => {
    const f = copyOfBase('nieuwer.kassa');
    const db = new Database(f);
    db.pragma('user_version = 999');
    db.close();
    expect(fs.existsSync(`${f}-wal`)).toBe(false);
    const { error } = await expectRefused(f, call(f, 'accounts.list', {}), 'NEWER_VERSION');
    expect(error.message).toMatch(/nieuwere versie/);
    // the other commands refuse it the same way
    await expectRefused(f, ['backup', f, '--to', tempDir()], 'NEWER_VERSION');
    // and through the dispatcher, with the versions in the details
    const s = new Session();
    const e = await expectKassaError(dispatch(s, 'admin.open', { path: f }), 'NEWER_VERSION');
    expect(e.details).toMatchObject({ fileVersion: 999 });
    expect(s.books).toBeNull();
  });

  it('CORRUPT_FILE: the middle third of the file overwritten', async () => {
    const f = copyOfBase('kapot.kassa');
    const buf = fs.readFileSync(f);
    let s = 12345;
    for (let i = Math.floor(buf.length / 3); i < Math.floor((2 * buf.length) / 3); i++) {
      s = (s * 1103515245 + 12345) >>> 0;
      buf[i] = s >>> 24;
    }
    fs.writeFileSync(f, buf);
    const { error } = await expectRefused(f, call(f, 'entries.post', simpleEntry('2026-05-01', '1100', '8000', '5.00')), 'CORRUPT_FILE');
    expect(error.message).toMatch(/beschadigd/);
    // kassa verify must not crash on it either: exit 1, never "internal error" (70)
    const before = fingerprint(f);
    const v = await runCli(['verify', f, '--json']);
    expect(v.status, v.stderr).toBe(1);
    expect(fingerprint(f)).toEqual(before);
  });

  it('CORRUPT_FILE: the tables\' root pages overwritten — every read says so', async () => {
    const f = copyOfBase('kapot2.kassa');
    const db = new Database(f);
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    const roots = (db.prepare(`SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND rootpage > 1`).all() as { rootpage: number }[]).map((r) => r.rootpage);
    db.close();
    const buf = fs.readFileSync(f);
    for (const page of roots) buf.fill(0xa5, (page - 1) * pageSize, page * pageSize);
    fs.writeFileSync(f, buf);
    for (const [method, input] of [
      ['entries.list', {}],
      ['reports.trialBalance', { date: '2026-12-31' }],
      ['audit.verify', {}],
    ] as const) {
      const { error } = await expectRefused(f, call(f, method, input), 'CORRUPT_FILE');
      expect(error.message).toMatch(/beschadigd/);
    }
    const v = await runCli(['verify', f, '--json']);
    expect(v.status, v.stderr).toBe(1);
  });
});

// ------------------------------------------------------------------------------------------------
describe('a locked file', () => {
  let holder: ChildProcess | null = null;

  afterAll(() => {
    if (holder && holder.exitCode === null) holder.kill('SIGKILL');
  });

  /** A second process that opens the file with the app's own openBooks (from dist) and keeps it open. */
  function holdOpen(file: string): Promise<ChildProcess> {
    const script = `
      const { openBooks } = require(${JSON.stringify(DIST_OPEN)});
      openBooks(process.argv[1]).then(
        // Keep a reference: a garbage-collected connection would close and drop the lock.
        (books) => { globalThis.held = books; process.stdout.write('ready\\n'); setInterval(() => {}, 1 << 30); },
        (e) => { process.stderr.write(String(e && e.code) + ' ' + String(e && e.message)); process.exit(3); },
      );`;
    const child = spawn(process.execPath, ['-e', script, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    return new Promise((resolve, reject) => {
      let err = '';
      child.stderr!.on('data', (d) => (err += d));
      child.stdout!.on('data', (d) => {
        if (String(d).includes('ready')) resolve(child);
      });
      child.on('exit', (code) => reject(new Error(`holder exited ${code}: ${err}`)));
    });
  }

  it('FILE_LOCKED: fails fast while another process has it open; the lock dies with that process', async () => {
    // how long a plain command takes on this machine right now, to tell "fast" from "waited for the lock"
    const baseline = await runCli(call(copyOfBase('baseline.kassa'), 'accounts.list', {}));
    expect(baseline.status).toBe(0);
    const f = copyOfBase('in-gebruik.kassa');
    const beforeOpen = fingerprint(f);
    holder = await holdOpen(f);

    const before = fingerprint(f);
    expect(before.sha).toBe(beforeOpen.sha);
    for (const args of [call(f, 'entries.post', simpleEntry('2026-05-01', '1100', '8000', '5.00')), ['report', f, 'trial-balance']]) {
      const r = await runCli([...args, '--json'], { timeoutMs: 15_000 });
      expect(r.status, r.stderr).toBe(1);
      const e = cliError(r);
      expect(e.code).toBe('FILE_LOCKED');
      expectDutch(e.message);
      // better-sqlite3's default busy timeout is 5 s; failing fast means well under baseline + 4 s
      expect(r.ms, 'must fail fast, not wait for the lock').toBeLessThan(baseline.ms + 4_000);
      expect(sha(f)).toBe(before.sha);
    }

    // in this process too, through the dispatcher
    const s = new Session();
    await expectKassaError(dispatch(s, 'admin.open', { path: f }), 'FILE_LOCKED');
    expect(s.books).toBeNull();

    // kill -9: no clean shutdown, no unlock code runs; the OS drops the lock
    const exited = new Promise((resolve) => holder!.once('exit', resolve));
    holder.kill('SIGKILL');
    await exited;

    const r = await runCli(call(f, 'accounts.list', {}));
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).length).toBeGreaterThan(30);
    const v = await runCli(['verify', f]);
    expect(v.status, v.stderr).toBe(0);
    expect(fs.existsSync(`${f}-wal`)).toBe(false);
  });
});

function sha(file: string): string {
  return fingerprint(file).sha;
}

// ------------------------------------------------------------------------------------------------
describe.concurrent('usage errors exit 2 and touch nothing', () => {
  it.each([
    ['no command', []],
    ['an unknown command', ['frobnicate', 'x.kassa']],
    ['call without METHOD', ['call', '@FILE']],
    ['call with bad JSON', ['call', '@FILE', 'accounts.list', '{kapot']],
    ['an unknown report', ['report', '@FILE', 'winst']],
    ['a report format that does not exist', ['report', '@FILE', 'trial-balance', '--format', 'xml']],
    ['--year that is no number', ['report', '@FILE', 'trial-balance', '--year', 'vorig']],
    ['an unknown option', ['report', '@FILE', 'trial-balance', '--kleur', 'rood']],
    ['export without --out', ['export', '@FILE', 'hledger']],
    ['new without --name', ['new', '@NEW']],
  ])('%s', async (_what, args) => {
    const f = copyOfBase();
    const fresh = path.join(path.dirname(f), 'nieuw.kassa');
    const before = fingerprint(f);
    const r = await runCli(args.map((a) => (a === '@FILE' ? f : a === '@NEW' ? fresh : a)));
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr + r.stdout).toMatch(/kassa /);
    expect(fingerprint(f)).toEqual(before);
    expect(fs.existsSync(fresh)).toBe(false);
  });
});
