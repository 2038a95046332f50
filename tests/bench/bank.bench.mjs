// Issue 8: a 10,000-line CAMT.053 into the inbox (target <= 2 s) and confirming those 10,000 lines
// into posted BANK entries (target <= 3 s). Runs the compiled services from dist/ in this process
// through the dispatcher (the same path as every door), on a real file in tests/bench/out.
// The statement comes from tests/fixtures/bank/generate.ts (makeCamt053), transpiled on the fly.
import { createRequire } from 'node:module';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { outDir, root, verdict, fmt } from './lib.mjs';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const { dispatch } = require(path.join(root, 'dist/electron/api.js'));
const { Session } = require(path.join(root, 'dist/electron/session.js'));

/** generate.ts -> CommonJS next to dist/, with its one import pointed at the compiled module. */
function loadGenerator() {
  const src = readFileSync(path.join(root, 'tests/fixtures/bank/generate.ts'), 'utf8');
  const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText
    .replace(/require\("\.\.\/\.\.\/\.\.\/electron\/books\/bank\/nl-iban"\)/, `require(${JSON.stringify(path.join(root, 'dist/electron/books/bank/nl-iban.js'))})`);
  const file = path.join(outDir, 'bank-generate.cjs');
  writeFileSync(file, js);
  return require(file);
}

const N = 10_000;
const { makeCamt053 } = loadGenerator();
const xml = makeCamt053(N, 42);
const statement = path.join(outDir, `bank-camt053-${N}.xml`);
writeFileSync(statement, xml);
console.log(`statement: ${N} entries, ${(Buffer.byteLength(xml) / 1e6).toFixed(1)} MB camt.053.001.02`);

const file = path.join(outDir, 'bank.kassa');
for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
const session = new Session();
const call = (m, i) => dispatch(session, m, i);
await call('admin.create', { path: file, name: 'Stichting Benchmark', year: 2026, iban: 'NL36INGB0007654321' });

let t0 = process.hrtime.bigint();
const imp = await call('bank.import', { path: statement });
const importS = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`  import into inbox: ${fmt(importS)} (target <= 2 s) ${verdict(importS <= 2)}; added ${imp.added}, suggested ${imp.suggested}`);

// A treasurer's rules for the generated kinds of lines, then everything else on one account.
const rules = [
  { text: 'gift', account: '8000' }, { text: 'subsidie', account: '8200' }, { text: 'huur', account: '4100' },
  { text: 'vrijwilligersvergoeding', account: '4000' }, { text: 'factuur', account: '8400' }, { text: 'kosten', account: '4610' },
];
t0 = process.hrtime.bigint();
for (const r of rules) await call('bank.rules.create', r);
const rulesS = Number(process.hrtime.bigint() - t0) / 1e9;
t0 = process.hrtime.bigint();
const acc = await call('bank.acceptSuggestions', {});
const acceptS = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`  6 rules over the inbox: ${fmt(rulesS)}; accept ${acc.accepted} suggestions: ${fmt(acceptS)}`);

t0 = process.hrtime.bigint();
const conf = await call('bank.confirm', { transactions: 'all-assigned' });
const confirmS = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`  confirm ${conf.count} lines into entries: ${fmt(confirmS)} (target <= 3 s) ${verdict(confirmS <= 3)}`);

const rec = await call('bank.reconciliation', { account: '1100' });
console.log(`  reconciliation: bank ${rec.lastStatement?.bankBalance} vs books ${rec.lastStatement?.bookBalance} (difference ${rec.lastStatement?.difference}: the opening balance, not booked)`);
const v = await call('audit.verify', {});
console.log(`  audit.verify after the run: ${v.ok ? 'ok' : 'PROBLEMS'}`);
session.close();
if (conf.count !== N || !v.ok) process.exitCode = 1;
