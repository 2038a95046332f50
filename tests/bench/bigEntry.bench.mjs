// Issue 17: one entry with 40,000 lines (a large import or a generated entry) through postEntry, in
// one transaction as the app posts it. The cost per line should not grow with the size of the entry.
// Each size is posted into its own new file after a warm-up entry of 1,000 lines; the figure is the
// CPU time (user + system) of the postEntry call, the lowest of the rounds. "Statement journal on
// disk" posts the same with SQLite's temp files on disk (temp_store = FILE, as before issue 17's
// fix): once one statement's journal outgrew 64 KiB (posting 1,000 lines flips them all in one
// UPDATE), the connection kept it in a temp file, and every later statement wrote the pages it
// changed there through system calls, several per line.
import { createRequire } from 'node:module';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { machineNote, outDir, root, verdict } from './lib.mjs';

const require = createRequire(import.meta.url);
const { Session } = require(path.join(root, 'dist/electron/session.js'));
const { dispatch } = require(path.join(root, 'dist/electron/api.js'));
const { postEntry } = require(path.join(root, 'dist/electron/books/entries.js'));

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SIZES = [5_000, 40_000];
const COSTS = ['4000', '4010', '4100', '4200', '4300', '4400', '4500', '4600'];

/** Half the lines costs on eight accounts, half payments from the bank; every line its own text. */
function entry(n) {
  const lines = [];
  for (let i = 0; i < n / 2; i++) {
    const amount = `${(i % 997) + 1}.${String(i % 100).padStart(2, '0')}`;
    lines.push({ account: COSTS[i % COSTS.length], debit: amount, description: `Regel ${i}` }, { account: '1100', credit: amount });
  }
  return { date: '2026-03-01', description: `Grote boeking van ${n} regels`, lines };
}

async function cpuOfPosting(n, tempStore) {
  const file = path.join(outDir, 'big-entry.kassa');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  const session = new Session();
  await dispatch(session, 'admin.create', { path: file, name: 'Bench', year: 2026 });
  try {
    if (tempStore) session.books.sqlite.pragma(`temp_store = ${tempStore}`);
    postEntry(session.books, entry(1000));
    const input = entry(n);
    const c0 = process.cpuUsage();
    postEntry(session.books, input);
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1e6;
  } finally {
    session.close();
  }
}

console.log(`one entry of many lines through postEntry; ${machineNote()}`);
for (const [label, tempStore] of [['as the app runs', null], ['statement journal on disk (before the fix)', 'FILE']]) {
  const perLine = {};
  for (const n of SIZES) {
    const cpu = [];
    for (let r = 0; r < ROUNDS; r++) cpu.push(await cpuOfPosting(n, tempStore));
    const best = Math.min(...cpu);
    perLine[n] = (best / n) * 1e6;
    console.log(`  ${label}: ${n.toLocaleString('en')} lines ${best.toFixed(2)} s CPU (best of ${ROUNDS}), ${perLine[n].toFixed(1)} µs a line`);
  }
  const growth = perLine[SIZES[1]] / perLine[SIZES[0]];
  console.log(`  ${label}: cost a line at ${SIZES[1].toLocaleString('en')} / at ${SIZES[0].toLocaleString('en')} lines = ${growth.toFixed(2)}${tempStore ? '' : ` (target <= 1.25, linear) ${verdict(growth <= 1.25)}`}`);
}
