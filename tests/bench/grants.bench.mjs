// Issue 6: budget vs actual of a grant (grants.report) on books with ~1,000,000 postings, of which
// a realistic share carries the grant. Target: <= 200 ms. Prints the figures; plain Node on dist/.
import { createRequire } from 'node:module';
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { kassa, outDir, root, timed, median, verdict, fmt, mib } from './lib.mjs';

const require = createRequire(import.meta.url);
const { Session } = require(path.join(root, 'dist/electron/session.js'));
const { dispatch } = require(path.join(root, 'dist/electron/api.js'));
const { postEntry } = require(path.join(root, 'dist/electron/books/entries.js'));

const file = path.join(outDir, 'grants-1m.kassa');
for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });

// ~480,000 transactions of 2–3 lines: about 980,000 postings over 11 years.
const gen = timed(process.execPath, [kassa, 'demo', file, '--transactions', '480000', '--seed', '7']);
const demo = JSON.parse(gen.stdout);
console.log(`demo books: ${demo.entries} entries, ${demo.postings} postings (${fmt(gen.seconds)})`);

// Set-up through the app's own services: a fund, a grant over the last two years with four budget
// lines, and 20,000 costs plus 24 receipts booked on it through postEntry (every allocation check runs).
const session = new Session();
const call = (m, i) => dispatch(session, m, i);
await call('admin.open', { path: file });
const years = (await call('years.list', {})).map((y) => y.year);
const [y1, y2] = years.slice(-2);
const fund = await call('funds.create', { name: 'Oranje Fonds', fundType: 'fund' });
const grant = await call('grants.create', {
  fund: fund.id, project: 'Buurtkamer', applied: '400000.00', awarded: '380000.00', startDate: `${y1}-01-01`, endDate: `${y2}-12-31`,
  budgetLines: [
    { name: 'Huur', amount: '60000.00', accounts: ['4100'] },
    { name: 'Activiteiten', amount: '150000.00', accounts: ['4200'] },
    { name: 'Materialen', amount: '70000.00', accounts: ['4300'] },
    { name: 'Coaching', amount: '100000.00', accounts: ['4400'] },
  ],
});
const lines = grant.budgetLines;
const accounts = ['4100', '4200', '4300', '4400'];
const t0 = process.hrtime.bigint();
const books = session.books;
const ALLOCATED = 20000;
books.tx(() => {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < ALLOCATED; i++) {
    const year = i % 2 === 0 ? y1 : y2;
    const day = 1 + Math.floor((i / ALLOCATED) * 364);
    const date = new Date(Date.UTC(year, 0, day)).toISOString().slice(0, 10);
    const k = i % 4;
    const amount = (500 + Math.floor(rnd() * 3500)).toString();
    const cents = `${amount.slice(0, -2) || '0'}.${amount.slice(-2).padStart(2, '0')}`;
    postEntry(books, {
      date, description: `Buurtkamer kosten ${i}`,
      lines: [{ account: accounts[k], debit: cents, grant: grant.id, budgetLine: lines[k].id }, { account: '1100', credit: cents }],
    }, { source: 'bench' });
  }
  for (let m = 0; m < 24; m++) {
    const year = m < 12 ? y1 : y2;
    postEntry(books, {
      date: `${year}-${String((m % 12) + 1).padStart(2, '0')}-15`, description: `Termijn Oranje Fonds ${m + 1}`,
      lines: [{ account: '1100', debit: '15000.00' }, { account: '8300', credit: '15000.00', grant: grant.id }],
    }, { source: 'bench' });
  }
});
const setupSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
const total = books.raw('SELECT COUNT(*) AS n FROM lines').get().n;
const onGrant = books.raw('SELECT COUNT(*) AS n FROM lines WHERE grant_id = ?').get(grant.id).n;
console.log(`  allocated: ${onGrant} postings on the grant of ${total} (${((onGrant / total) * 100).toFixed(1)} %), set-up ${fmt(setupSeconds)} through postEntry`);
// The aggregate grants.report runs (electron/books/grants/report.ts grantSums).
const plan = books.raw(`EXPLAIN QUERY PLAN SELECT l.budget_line_id, l.account_id, SUM(l.amount_cents) FROM lines l
  WHERE l.grant_id = ? AND l.posted = 1 GROUP BY l.budget_line_id, l.account_id`).all(grant.id).map((r) => r.detail);
console.log(`  query plan: ${plan.join(' | ')}`);

async function measure(label, method, input, runs = 11, target = null) {
  const first = process.hrtime.bigint();
  await call(method, input);
  const firstMs = Number(process.hrtime.bigint() - first) / 1e6;
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await call(method, input);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const m = median(ms);
  console.log(`  ${label}: median ${m.toFixed(1)} ms of ${runs}, first call ${firstMs.toFixed(1)} ms${target ? ` (target <= ${target} ms) ${verdict(m <= target && firstMs <= target)}` : ''}`);
  return m;
}

const report = await call('grants.report', { grant: grant.id });
console.log(`  grants.report: budget ${report.totals.budget}, actual ${report.totals.actual}, received ${report.received}, ${report.warnings.length} warning(s)`);
await measure('grants.report (budget vs actual, in-process)', 'grants.report', { grant: grant.id }, 11, 200);
await measure('grants.list (all grants with spent/received)', 'grants.list', {});
await measure(`budgets.vsActual ${y2} year to date (30 June)`, 'budgets.vsActual', { year: y2, to: `${y2}-06-30` }, 5);
await measure(`budgets.vsActual ${y2} whole year`, 'budgets.vsActual', { year: y2 }, 5);
await measure('grants.postings (first page of one budget line)', 'grants.postings', { grant: grant.id, budgetLine: lines[1].id, limit: 100 }, 5);
const xlsx = path.join(outDir, 'grants-verantwoording.xlsx');
await measure(`grants.verantwoordingXlsx (${onGrant} postings on sheet 2)`, 'grants.verantwoordingXlsx', { grant: grant.id, path: xlsx }, 1);
session.close();

// Whole-process figures include Node start-up and opening the file: org.get is the floor to compare with.
const floor = median(Array.from({ length: 5 }, () => timed(process.execPath, [kassa, 'call', file, 'org.get', '{}']).seconds));
console.log(`  kassa call org.get (start-up + open, the floor; median of 5): ${fmt(floor)}`);
const cli = [];
let rss = null;
for (let i = 0; i < 5; i++) {
  const r = timed(process.execPath, [kassa, 'call', file, 'grants.report', JSON.stringify({ grant: grant.id })]);
  cli.push(r.seconds);
  rss = Math.max(rss ?? 0, r.rssMiB ?? 0) || r.rssMiB;
}
console.log(`  grants.report via the CLI, whole process incl. start-up and open (median of 5): ${fmt(median(cli))}, peak ${mib(rss)}`);
console.log(`  file size: ${(statSync(file).size / 1e6).toFixed(1)} MB`);
