import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * PRAGMA quick_check on a byte-for-byte copy of an administration, in a worker thread. The app's
 * own connection holds the file's exclusive lock (db/open.ts), so no second connection can read the
 * file itself while it is open; its opening backup is an exact copy made under that lock, so the
 * check of the copy is the check of the file, and it runs on the other core while the first screens
 * read. The worker also flushes the copy to disk (fsync), which otherwise blocked the event loop.
 * Resolves to quick_check's problems: an empty list when the copy is sound.
 */

// Plain CommonJS for `new Worker(…, { eval: true })`: no file of its own to find in the bundles.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.sqlite);
const fd = fs.openSync(workerData.file, 'r+');
try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
let problems;
const db = new Database(workerData.file, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
try {
  const rows = db.prepare('PRAGMA quick_check(5)').all();
  problems = rows.length === 1 && rows[0].quick_check === 'ok' ? [] : rows.map((r) => String(r.quick_check));
} catch (e) {
  problems = [String((e && e.message) || e)];
} finally {
  db.close();
  // A read-only connection to a copy whose header says WAL leaves an empty -wal and -shm behind.
  for (const f of [workerData.file + '-wal', workerData.file + '-shm']) fs.rmSync(f, { force: true });
}
parentPort.postMessage(problems);
`;

let sqliteModule: string | undefined;

export function checkCopy(file: string, opts: { nativeBinding?: string } = {}): Promise<string[]> {
  // The same better-sqlite3 the app loaded, found from this module (dist/, the bundle or the sources).
  sqliteModule ??= createRequire(__filename).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { sqlite: sqliteModule, file, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) } });
    let answered = false;
    worker.once('message', (problems: string[]) => {
      answered = true;
      resolve(problems);
    });
    worker.once('error', (e) => reject(e));
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`quick_check worker stopped (${code})`));
    });
  });
}
