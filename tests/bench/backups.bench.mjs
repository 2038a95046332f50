// Issue 10: how long a backup, its check and a restore take on a big administration, so automatic
// backups (on opening, every 30 minutes with changes) never make the treasurer wait. Uses the
// compiled dispatcher in this process; the books come from `kassa demo` (whole years of postings).
// Figures: file size, backups.create (median of 5), backups.list with verify, backups.restore.
import { createRequire } from 'node:module';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { kassa, outDir, timed, median, verdict } from './lib.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(kassa), '..');
const { dispatch } = require(path.join(root, 'dist/electron/api.js'));
const { Session } = require(path.join(root, 'dist/electron/session.js'));

const TRANSACTIONS = Number(process.env.KASSA_BENCH_BACKUP_TX ?? 100_000);
const dir = path.join(outDir, 'backups');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const file = path.join(dir, 'groot.kassa');

const made = timed(process.execPath, [kassa, 'demo', file, '--transactions', String(TRANSACTIONS), '--seed', '3']);
const size = statSync(file).size;
console.log(`books: ${TRANSACTIONS} demo transactions, ${(size / 1048576).toFixed(1)} MiB (made in ${made.seconds.toFixed(1)} s)`);

const session = new Session({ settingsDir: path.join(dir, 'instellingen') });
const call = (m, i = {}) => dispatch(session, m, i);
await call('admin.open', { path: file });

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const times = [];
let last;
for (let i = 0; i < 5; i++) {
  const t0 = process.hrtime.bigint();
  last = await call('backups.create');
  times.push(ms(t0));
}
const createMs = median(times);
console.log(`backups.create: median ${createMs.toFixed(0)} ms over 5 (${(last.sizeBytes / 1048576).toFixed(1)} MiB copy)  target <= 2000 ms  ${verdict(createMs <= 2000)}`);

let t0 = process.hrtime.bigint();
const list = await call('backups.list', { verify: true });
const listMs = ms(t0);
console.log(`backups.list {verify:true}: ${list.length} backups checked in ${listMs.toFixed(0)} ms (${(listMs / list.length).toFixed(0)} ms each; all ok: ${list.every((b) => b.verify.ok)})`);

t0 = process.hrtime.bigint();
const r = await call('backups.restore', { path: list[list.length - 1].path });
const restoreMs = ms(t0);
console.log(`backups.restore (check backup + safety backup + replace + reopen + verify): ${restoreMs.toFixed(0)} ms, verify ok: ${r.verify.ok}  target <= 10000 ms  ${verdict(restoreMs <= 10_000)}`);
session.close();
rmSync(dir, { recursive: true, force: true });
