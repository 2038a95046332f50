// Issue 4: invoices. PDF of a one-page invoice (target <= 300 ms) and invoices.list over 10,000
// invoices (target <= 500 ms), through the same dispatcher every door uses (dist/), plus the CLI as a
// whole process for the PDF. Prints figures; never fails on speed (benchmarks are not tests).
import { createRequire } from 'node:module';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { kassa, outDir, timed, median, verdict } from './lib.mjs';

const require = createRequire(import.meta.url);
const dist = (p) => require(path.join(path.dirname(kassa), '..', 'dist', p));
const { dispatch } = dist('electron/api.js');
const { Session } = dist('electron/session.js');
const { saveDraft } = dist('electron/books/invoices/drafts.js');
const { finaliseInvoice } = dist('electron/books/invoices/finalise.js');
const { registerPayment } = dist('electron/books/invoices/payments.js');

const ms = (s) => `${(s * 1000).toFixed(1)} ms`;
const file = path.join(outDir, 'invoices-10k.kassa');
for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });

const session = new Session();
const call = (m, i) => dispatch(session, m, i);
await call('admin.create', {
  path: file, name: 'Stichting Benchmark', year: 2026, kvk: '12345678', iban: 'NL91ABNA0417164300',
  street: 'Dorpsstraat 12a', postcode: '3512 AB', city: 'Utrecht',
});
const customers = [];
for (let i = 0; i < 50; i++) {
  customers.push((await call('contacts.create', { kind: 'customer', name: `Klant ${i + 1}`, street: `Straat ${i + 1}`, postcode: '1234 AB', city: 'Utrecht' })).id);
}

// 10,000 final invoices (two lines each, booked in VRK) and payments on half of them, written in one
// transaction through the services so set-up takes seconds, not minutes of fsyncs.
const N = 10_000;
const t0 = process.hrtime.bigint();
const books = session.books;
books.tx(() => {
  for (let i = 0; i < N; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    const { id } = saveDraft(books, {
      kind: 'sales', contact: customers[i % customers.length], issueDate: `2026-${month}-${day}`, orderReference: `PO-${i}`,
      lines: [
        { description: `Begeleiding bijeenkomst ${i}`, quantity: '2', unitPrice: '42.50' },
        { description: 'Zaalhuur', quantity: '1', unitPrice: '75.00' },
      ],
    });
    finaliseInvoice(books, id);
    if (i % 2 === 0) registerPayment(books, { invoice: id, date: `2026-${month}-${day}` });
  }
});
const genSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`set-up: ${N} final invoices (+ ${N / 2} payments) in ${genSeconds.toFixed(1)} s`);

async function measure(label, fn, runs, target) {
  const first = process.hrtime.bigint();
  await fn();
  const cold = Number(process.hrtime.bigint() - first) / 1e9;
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    await fn();
    xs.push(Number(process.hrtime.bigint() - s) / 1e9);
  }
  const m = median(xs);
  console.log(`  ${label}: median ${ms(m)} of ${runs} (first call ${ms(cold)})${target ? ` (target <= ${ms(target)}) ${verdict(m <= target)}` : ''}`);
  return m;
}

console.log('invoices.list over 10,000 invoices (page of 100 with total and sums):');
await measure('all, newest first', () => call('invoices.list', { limit: 100 }), 15, 0.5);
await measure('status open', () => call('invoices.list', { status: 'open', limit: 100 }), 15, 0.5);
await measure('status overdue', () => call('invoices.list', { status: 'overdue', limit: 100 }), 15, 0.5);
await measure('search "Klant 7"', () => call('invoices.list', { search: 'Klant 7', limit: 100 }), 15, 0.5);
await measure('last page (offset 9900)', () => call('invoices.list', { limit: 100, offset: 9900 }), 15, 0.5);
await measure('openItems (5,000 open)', () => call('invoices.openItems', { date: '2026-12-31' }), 9);

console.log('PDF of a one-page invoice:');
const one = (await call('invoices.list', { limit: 1 })).items[0].id;
await measure('invoices.pdfData (render + base64)', () => call('invoices.pdfData', { id: one }), 20, 0.3);
const pdfPath = path.join(outDir, 'invoice-bench.pdf');
await measure('invoices.pdf (render + atomic write)', () => call('invoices.pdf', { id: one, path: pdfPath }), 20, 0.3);
session.close();

const cli = median(Array.from({ length: 5 }, () => timed(process.execPath, [kassa, 'call', file, 'invoices.pdf', JSON.stringify({ id: one, path: pdfPath })]).seconds));
console.log(`  kassa call … invoices.pdf (whole process: start, open, render, write; median of 5): ${ms(cli)}`);
