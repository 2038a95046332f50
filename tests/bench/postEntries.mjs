// Child of history.bench.mjs: posts N entries one by one, each in its own transaction as a user's
// click does, through the compiled postEntry of the build in ROOT (this checkout, or the build from
// before the fact chain). Prints the CPU time of the posting loop alone as JSON.
import { createRequire } from 'node:module';
import path from 'node:path';

const [root, file, n] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const { Session } = require(path.join(root, 'dist/electron/session.js'));
const { dispatch } = require(path.join(root, 'dist/electron/api.js'));
const { postEntry } = require(path.join(root, 'dist/electron/books/entries.js'));

const session = new Session();
await dispatch(session, 'admin.create', { path: file, name: 'Bench', year: 2026 });
const books = session.books;
const accounts = [['4200', '1000'], ['1100', '8000'], ['4100', '1100']];
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
for (let i = 0; i < Number(n); i++) {
  const [debit, credit] = accounts[i % 3];
  const amount = `${1 + (i % 400)}.${String(i % 100).padStart(2, '0')}`;
  const date = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  postEntry(books, { date, description: `Boeking ${i}`, lines: [{ account: debit, debit: amount }, { account: credit, credit: amount }] });
}
const c = process.cpuUsage(c0);
const wall = Number(process.hrtime.bigint() - t0) / 1e9;
session.close();
console.log(JSON.stringify({ cpu: (c.user + c.system) / 1e6, seconds: wall }));
