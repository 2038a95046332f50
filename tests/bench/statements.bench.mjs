// Issue 7: financial statements and exports.
// - Balance sheet + income statement of ONE fiscal year holding ~1,000,000 postings (kassa demo
//   --transactions 492000 --years 1: every posting falls in the reported year, the worst case for
//   per-year figures). Target: <= 300 ms for both together, measured in-process through the
//   dispatcher on the compiled dist/ (the figures a screen waits for); the whole CLI process is
//   printed too.
// - Full Excel export (balance sheet, income statement, trial balance, general ledger) of a year
//   with ~100,000 postings, as a whole `kassa export … xlsx` process. Targets: <= 10 s, <= 500 MB peak.
// Prints the figures; plain Node on dist/ (run `npm run build:node` first, or `npm run bench`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { kassa, outDir, root, timed, median, verdict, fmt, mib } from './lib.mjs';

const require = createRequire(import.meta.url);
const { Session } = require(path.join(root, 'dist/electron/session.js'));
const { dispatch } = require(path.join(root, 'dist/electron/api.js'));

function fresh(file) {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}

const ms = (s) => `${(s * 1000).toFixed(1)} ms`;

/** Like lib.mjs timed(), plus the CPU seconds (user + sys): wall time alone lies on a busy machine. */
function timedCpu(cmd, args) {
  if (!existsSync('/usr/bin/time')) return { ...timed(cmd, args), cpu: null };
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '__T__%U %S %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const m = /__T__([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  return { seconds, cpu: m ? Number(m[1]) + Number(m[2]) : null, rssMiB: m ? Number(m[3]) / 1024 : null, stdout: r.stdout };
}

// --- 1. statements on ~1M postings in one year ---------------------------------------------------
const big = path.join(outDir, 'statements-1m.kassa');
fresh(big);
const gen = timed(process.execPath, [kassa, 'demo', big, '--transactions', '492000', '--years', '1', '--seed', '7']);
const demo = JSON.parse(gen.stdout);
const year = demo.years[0];
console.log(`demo books: ${demo.entries} entries, ${demo.postings} postings, all in ${year} (generated in ${fmt(gen.seconds)}, ${(statSync(big).size / 1e6).toFixed(0)} MB)`);

const session = new Session();
const call = (m, i) => dispatch(session, m, i);
await call('admin.open', { path: big });

const once = async (fn) => {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
};
const both = () => once(async () => {
  await call('reports.balanceSheet', { year });
  await call('reports.incomeStatement', { year });
});
const first = await both();
const runs = [];
for (let i = 0; i < 9; i++) runs.push(await both());
const med = median(runs);
console.log(`  balance sheet + income statement, first call: ${ms(first)}; median of 9: ${ms(med)} (target <= 300 ms) ${verdict(med <= 0.3)}`);

async function medianOf(n, fn) {
  const xs = [];
  for (let i = 0; i < n; i++) xs.push(await once(fn));
  return median(xs);
}
const mid = await medianOf(5, () => call('reports.balanceSheet', { date: `${year}-06-30` }));
console.log(`  balance sheet at a mid-year date (index range scan), median of 5: ${ms(mid)}`);
const cf = await medianOf(3, () => call('reports.cashFlow', { year }));
console.log(`  cash flow of the year, median of 3: ${ms(cf)}`);
const check = await once(() => call('yearEnd.check', { year }));
console.log(`  year-end check: ${ms(check)}`);
session.close();

const cli = median(Array.from({ length: 5 }, () => timed(process.execPath, [kassa, 'report', big, 'balance-sheet', '--year', String(year)]).seconds));
console.log(`  kassa report balance-sheet (whole CLI process, median of 5): ${fmt(cli)}`);

// --- 2. exports of ~100,000 postings ----------------------------------------------------------------
const mid100 = path.join(outDir, 'statements-100k.kassa');
fresh(mid100);
const gen2 = JSON.parse(timed(process.execPath, [kassa, 'demo', mid100, '--transactions', '48000', '--years', '1', '--seed', '11']).stdout);
const y2 = gen2.years[0];
// An auditfile needs the foundation's fiscal number (RSIN); the practice books have none.
timed(process.execPath, [kassa, 'call', mid100, 'org.update', '{"rsin":"002165879"}']);
console.log(`\nexport books: ${gen2.postings} postings in ${y2}`);
for (const [fmtName, target, limits] of [
  ['xlsx', 'statements-100k.xlsx', { s: 10, mib: 500 }],
  ['xaf', 'statements-100k.xaf', null],
  ['pdf', 'statements-100k.pdf', null],
]) {
  const outFile = path.join(outDir, target);
  rmSync(outFile, { force: true });
  const r = timedCpu(process.execPath, [kassa, 'export', mid100, fmtName, '--year', String(y2), '--out', outFile]);
  const size = (statSync(outFile).size / 1e6).toFixed(1);
  const verdicts = limits
    ? ` (targets <= ${limits.s} s, <= ${limits.mib} MB) ${verdict(r.seconds <= limits.s && (r.rssMiB === null || r.rssMiB <= limits.mib))}`
    : '';
  const cpu = r.cpu === null ? '' : ` (CPU ${fmt(r.cpu)})`;
  console.log(`  kassa export ${fmtName}: ${fmt(r.seconds)}${cpu}, peak ${mib(r.rssMiB)}, ${size} MB${verdicts}`);
}

const { loadavg, cpus } = await import('node:os');
console.log(`\n(load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} CPUs: wall times above are inflated when it exceeds the CPU count)`);
