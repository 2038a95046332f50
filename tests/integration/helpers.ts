/**
 * Shared helpers for the books-engine tests: real .kassa files in temp dirs, the dispatcher as every
 * door calls it, the compiled CLI as a child process, and byte-for-byte file fingerprints.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, vi } from 'vitest';
import { dispatch } from '../../electron/api';
import { Session } from '../../electron/session';
import { KassaError, type KassaErrorData } from '../../shared/errors';

export const ROOT = path.resolve(__dirname, '../..');
export const KASSA_BIN = path.join(ROOT, 'bin', 'kassa.js');
export const DIST_OPEN = path.join(ROOT, 'dist', 'electron', 'db', 'open.js');

const tempDirs: string[] = [];

/** A fresh directory under the OS temp dir; removed by cleanupTempDirs(). */
export function tempDir(prefix = 'kassa-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function cleanupTempDirs(): void {
  for (const d of tempDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/** sha256 of a file's bytes, hex. */
export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The file's own bytes plus whether SQLite side files exist: what "untouched" means. */
export function fingerprint(file: string): { sha: string; size: number; wal: boolean; shm: boolean } {
  return { sha: sha256(file), size: fs.statSync(file).size, wal: fs.existsSync(`${file}-wal`), shm: fs.existsSync(`${file}-shm`) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Call = <T = any>(method: string, input?: unknown) => Promise<T>;

export interface TestBooks {
  session: Session;
  dir: string;
  file: string;
  call: Call;
  /** Close the administration (the file is then unlocked, checkpointed and without -wal). */
  close(): void;
}

export interface MakeBooksOptions {
  year?: number;
  vat?: 'none' | 'exempt' | 'kor' | 'liable';
  name?: string;
  dir?: string;
  fileName?: string;
  extra?: Record<string, unknown>;
  /**
   * Keep SQLite's fsync on every commit (the app's setting, synchronous = FULL). Off by default in
   * tests: only durability against power loss differs, never a trigger, a lock or a result, and
   * the suite spends most of its time waiting for the disk otherwise.
   */
  durable?: boolean;
}

/** A new administration through admin.create on a real SQLite file, like every door makes one. */
export async function makeBooks(opts: MakeBooksOptions = {}): Promise<TestBooks> {
  const dir = opts.dir ?? tempDir();
  const file = path.join(dir, opts.fileName ?? 'test.kassa');
  const session = new Session();
  const call: Call = (method, input) => dispatch(session, method, input ?? {}) as Promise<never>;
  await call('admin.create', {
    path: file,
    name: opts.name ?? 'Stichting Testbuurt',
    year: opts.year ?? 2026,
    ...(opts.vat ? { vat: opts.vat } : {}),
    ...(opts.extra ?? {}),
  });
  if (!opts.durable) session.books!.sqlite.pragma('synchronous = OFF');
  return { session, dir, file, call, close: () => session.close() };
}

/** Open an existing file in a new session (synchronous = OFF unless durable, as in makeBooks). */
export async function openBooksSession(file: string, opts: { durable?: boolean } = {}): Promise<TestBooks> {
  const session = new Session();
  const call: Call = (method, input) => dispatch(session, method, input ?? {}) as Promise<never>;
  await call('admin.open', { path: file });
  if (!opts.durable) session.books!.sqlite.pragma('synchronous = OFF');
  return { session, dir: path.dirname(file), file, call, close: () => session.close() };
}

/** A plain two-line entry: debit one account, credit another. */
/**
 * Pretend today is early in the year after `year` (only Date is faked; timers stay real): a year
 * can only be closed once its last day has passed. Returns the function that restores the clock.
 */
export function todayAfterYear(year: number): () => void {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${year + 1}-01-05T12:00:00`) });
  return () => vi.useRealTimers();
}

/**
 * Every table's row count plus the fiscal years and bank lines as they are: "a refusal wrote
 * nothing" in one comparison (the file bytes can change on close through the WAL checkpoint).
 */
export function tableSnapshot(b: TestBooks): Record<string, unknown> {
  const books = b.session.books!;
  const tables = books.raw(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  const out: Record<string, unknown> = {};
  for (const t of tables) out[t.name] = (books.raw(`SELECT COUNT(*) AS n FROM "${t.name}"`).get() as { n: number }).n;
  out.years = books.raw('SELECT year, status, closed_at FROM fiscal_years ORDER BY year').all();
  out.bankLines = books.raw('SELECT * FROM bank_transactions ORDER BY id').all();
  out.meta = books.raw('SELECT * FROM meta ORDER BY 1').all();
  return out;
}

export function simpleEntry(date: string, debit: string, credit: string, amount: string, description = 'Testboeking') {
  return { date, description, lines: [{ account: debit, debit: amount }, { account: credit, credit: amount }] };
}

// Messages must be Dutch (B1): some common Dutch words, none of the English ones a stray
// library or SQLite message would bring.
const DUTCH = /(^|[^\p{L}])(de|het|een|niet|geen|van|dit|deze|kan|moet|bestand|bedrag|rekening|boeking|boekjaar|datum|vul|kies|al|is|in|op|met|naar|invoer|ongeldige?|verwacht|ontving|klopt|bestaat|minstens|maximaal|te|en|of|er|maar|tot|voor|om|u|uw|zijn|wordt|worden|nog|eerst|onbekende?|opdracht|dagboek|boekingen|nummers?|regel|concept|administratie|beschadigd|geopend|nieuwere|versie)([^\p{L}]|$)/iu;
const ENGLISH = /(^|[^\p{L}])(the|cannot|can't|invalid|error|failed|must|should|please|not found|expected|received|required|unknown|locked|malformed|database|file|account|balance|entry|year|constraint|trigger|sqlite)([^\p{L}]|$)/iu;

export function expectDutch(message: string): void {
  expect(typeof message).toBe('string');
  expect(message.length).toBeGreaterThan(5);
  expect(message, `expected a Dutch message: ${message}`).toMatch(DUTCH);
  // quoted names (a file name such as "ander.sqlite") are the user's, not the message's language
  expect(message.replace(/"[^"]*"/g, '""'), `message contains English: ${message}`).not.toMatch(ENGLISH);
}

/** Await a dispatcher call that must fail with a KassaError of this code and a Dutch message. */
export async function expectKassaError(p: Promise<unknown>, code: string): Promise<KassaError> {
  let caught: unknown;
  try {
    await p;
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected ${code}, but the call succeeded`).toBeDefined();
  expect(caught).toBeInstanceOf(KassaError);
  const err = caught as KassaError;
  expect(err.code, err.message).toBe(code);
  expectDutch(err.message);
  return err;
}

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Run the compiled CLI (bin/kassa.js -> dist/) as a child process. Asynchronous so independent CLI
 * tests can run side by side; otherwise like spawnSync.
 */
export function runCli(args: string[], opts: { input?: string; cwd?: string; timeoutMs?: number; bin?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [opts.bin ?? KASSA_BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '', ...opts.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, ms: Date.now() - started });
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** The {"error":{…}} object the CLI prints on stderr with --json. */
export function cliError(r: CliResult): KassaErrorData {
  const line = r.stderr.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  expect(line, `no JSON error on stderr: ${r.stderr}`).toBeDefined();
  const parsed = JSON.parse(line!) as { error: KassaErrorData };
  expect(parsed.error).toBeDefined();
  return parsed.error;
}

/** JSON printed on stdout by a successful CLI call. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function cliJson<T = any>(r: CliResult): T {
  expect(r.status, `exit ${r.status}: ${r.stderr}`).toBe(0);
  return JSON.parse(r.stdout) as T;
}

/** Integer cents of an API amount string, exactly (no floats). */
export function cents(amount: string): bigint {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  if (!m) throw new Error(`not an API amount: ${amount}`);
  const v = BigInt(m[2]!) * 100n + BigInt(m[3]!);
  return m[1] ? -v : v;
}

export function assertDistBuilt(): void {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'electron', 'cli.js'))) {
    throw new Error('dist/ is missing: run `npm run build:node` before the CLI tests.');
  }
}

/** Minimal RFC 4180 reader (our CSV reports, hledger's CSV): quoted cells, doubled quotes, commas and newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
