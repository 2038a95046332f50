/**
 * Issue 17 (High): a kill at any moment of a schema update or of `kassa new` never leaves a file
 * that does not open. The real CLI is started on an old fixture (or a new name) and SIGKILLed after
 * a random short delay, several at a time; after every kill the file opens and verifies, or it is
 * absent and can be created again at once.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAdministration } from '../../electron/books/administration';
import { verifyBooks } from '../../electron/books/verify';
import { SCHEMA_VERSION } from '../../electron/db/migrations';
import { openBooks } from '../../electron/db/open';
import { assertDistBuilt, cleanupTempDirs, KASSA_BIN, ROOT, tempDir } from './helpers';

afterAll(cleanupTempDirs);

const KILLS = Number(process.env.KASSA_KILLS ?? 100);
// Runs go on until KILLS of them were killed: on a quiet machine more runs finish inside their
// delay than on a busy one, so a fixed number of runs gave a count that depended on the load.
const MAX_RUNS = KILLS * 3;
const PARALLEL = 4;

/**
 * Start the CLI and SIGKILL it `delayMs` after `started()` first holds (polled every 2 ms): the
 * moment the work of interest begins (the pre-update copy, the temp file of a new administration).
 * A fixed delay from spawn would land mostly in Node's start-up on a busy machine.
 */
function runAndKill(args: string[], started: () => boolean, delayMs: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [KASSA_BIN, ...args], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_OPTIONS: '' } });
    let timer: NodeJS.Timeout | undefined;
    const poll = setInterval(() => {
      if (timer || !started()) return;
      clearInterval(poll);
      timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    }, 2);
    const stop = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      clearTimeout(stop);
      resolve(signal === 'SIGKILL' ? 'killed' : 'finished');
    });
  });
}

/** Evenly spread delays in [0, max) ms (golden-ratio sequence: no clustering, no randomness to rerun). */
const spread = (i: number, max: number) => Math.round(max * ((i * 0.618034) % 1));

/** Runs fn(i) PARALLEL at a time until `enough()` holds (checked after each batch) or MAX_RUNS ran. */
async function untilEnough<T>(enough: () => boolean, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; !enough() && i < MAX_RUNS; i += PARALLEL) {
    out.push(...(await Promise.all(Array.from({ length: PARALLEL }, (_, k) => fn(i + k)))));
  }
  return out;
}

function userVersion(file: string): number {
  const buf = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, buf, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  return buf.readUInt32BE(60);
}

async function opensAndVerifies(file: string): Promise<void> {
  const books = await openBooks(file);
  try {
    const v = await verifyBooks(books);
    expect(v.problems, file).toEqual([]);
    expect(Number(books.sqlite.pragma('user_version', { simple: true }))).toBe(SCHEMA_VERSION);
  } finally {
    books.close();
  }
}

describe('kill loops', () => {
  it(`${KILLS} SIGKILLs during schema updates: every file opens and verifies afterwards`, async () => {
    assertDistBuilt();
    const dir = tempDir('kassa-kill-migrate-');
    const fixture = path.join(ROOT, 'tests', 'fixtures', 'schema', 'v1.kassa');
    await runAndKill(['--help'], () => false, 0); // the first run after a build writes the CLI's compile cache
    const outcome = { old: 0, migrated: 0, finished: 0, killed: 0 };
    const files = await untilEnough(() => outcome.killed >= KILLS, async (i) => {
      const file = path.join(dir, `b${i}.kassa`);
      fs.copyFileSync(fixture, file);
      const copy = `b${i}.kassa.v1.voor-update`;
      // From the pre-update copy on, the update runs (copy, one transaction, checkpoint): kill 0–150 ms into it.
      const begun = () => fs.readdirSync(dir).some((n) => n.startsWith(copy));
      if ((await runAndKill(['report', file, 'trial-balance'], begun, spread(i, 150))) === 'finished') outcome.finished++;
      else outcome.killed++;
      return file;
    });
    for (const file of files) {
      if (userVersion(file) === 1) outcome.old++;
      else outcome.migrated++;
      await opensAndVerifies(file);
    }
    console.log(`schema-update kill loop: ${files.length} runs, ${outcome.killed} killed 0–150 ms after the update began; left at the old version ${outcome.old}, updated ${outcome.migrated}; every file opened, updated and verified`);
    expect(outcome.killed).toBeGreaterThanOrEqual(KILLS);
  }, 300_000);

  it(`${KILLS} SIGKILLs during kassa new: the file opens, or is absent and can be created again`, async () => {
    assertDistBuilt();
    const dir = tempDir('kassa-kill-new-');
    const outcome = { present: 0, absent: 0, finished: 0, killed: 0 };
    const files = await untilEnough(() => outcome.killed >= KILLS, async (i) => {
      const file = path.join(dir, `n${i}.kassa`);
      // From its temp file on, the administration is being built: kill 0–120 ms into that.
      const begun = () => fs.readdirSync(dir).some((n) => n.startsWith(`n${i}.kassa`));
      if ((await runAndKill(['new', file, '--name', 'Stichting Proef'], begun, spread(i, 120))) === 'finished') outcome.finished++;
      else outcome.killed++;
      return file;
    });
    for (const file of files) {
      if (fs.existsSync(file)) {
        outcome.present++;
        await opensAndVerifies(file);
      } else {
        outcome.absent++;
        // Nothing blocks creating it now; leftovers of the killed run are cleared by this create.
        (await createAdministration({ path: file, name: 'Stichting Proef' })).close();
        await opensAndVerifies(file);
      }
    }
    const leftovers = fs.readdirSync(dir).filter((f) => f.includes('.nieuw'));
    console.log(`kassa-new kill loop: ${files.length} runs, ${outcome.killed} killed 0–120 ms after the build began; complete ${outcome.present}, absent ${outcome.absent} (created again at once); temp files left behind: ${leftovers.length}`);
    expect(outcome.killed).toBeGreaterThanOrEqual(KILLS);
    // A leftover temp file can only belong to a name that was complete (no create ran there since).
    for (const f of leftovers) expect(fs.existsSync(path.join(dir, f.replace(/\.\d+\.[0-9a-f]+\.nieuw.*$/, '')))).toBe(true);
  }, 300_000);
});
