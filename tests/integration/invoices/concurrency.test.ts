/**
 * Invoice numbers under pressure: finalisations racing in one process (Promise.all on dispatch) and
 * from separate processes on the same file (the compiled CLI). The second process must get
 * FILE_LOCKED or wait its turn, never a duplicate or a gap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { FinaliseResult, InvoiceList, SaveDraftResult } from '../../../shared/api/invoiceTypes';
import { assertDistBuilt, cleanupTempDirs, cliError, fingerprint, runCli } from '../helpers';
import { customer, makeInvoiceBooks, salesDraft } from './helpers';

afterAll(cleanupTempDirs);
beforeAll(assertDistBuilt);

function numbersIn(file: string): { number: string; seq: number }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT number, seq FROM invoices WHERE kind = 'sales' AND status = 'final' ORDER BY seq`).all() as { number: string; seq: number }[];
  } finally {
    db.close();
  }
}

describe('finalising in one process', () => {
  it('ten finalisations racing through Promise.all get ten consecutive numbers', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) ids.push((await b.call<SaveDraftResult>('invoices.saveDraft', salesDraft(c.id))).id);
    const results = await Promise.all(ids.map((id) => b.call<FinaliseResult>('invoices.finalise', { id })));
    const numbers = results.map((r) => r.number).sort();
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => `2026-${String(i + 1).padStart(4, '0')}`));
    expect(new Set(results.map((r) => r.entry.ref)).size).toBe(10);
    b.close();
  });

  it('the same draft finalised twice at once: one number, the other call is refused', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    const d = await b.call<SaveDraftResult>('invoices.saveDraft', salesDraft(c.id));
    const settled = await Promise.allSettled([b.call('invoices.finalise', { id: d.id }), b.call('invoices.finalise', { id: d.id })]);
    expect(settled.map((s) => s.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = settled.find((s) => s.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason.code).toBe('POSTED_IMMUTABLE');
    expect((await b.call<InvoiceList>('invoices.list', { status: 'final' })).total).toBe(1);
    b.close();
  });
});

describe('finalising from two processes on the same file', () => {
  it('while one process has the file open, another gets FILE_LOCKED and changes nothing', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    const d = await b.call<SaveDraftResult>('invoices.saveDraft', salesDraft(c.id));
    const r = await runCli(['call', b.file, 'invoices.finalise', JSON.stringify({ id: d.id }), '--json']);
    expect(r.status).toBe(1);
    expect(cliError(r).code).toBe('FILE_LOCKED');
    expect((await b.call<InvoiceList>('invoices.list', { status: 'draft' })).total).toBe(1);
    b.close();
  });

  it('processes racing for the file: each finalises or gets FILE_LOCKED, numbers stay unique and gapless', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) ids.push((await b.call<SaveDraftResult>('invoices.saveDraft', salesDraft(c.id))).id);
    b.close();

    const before = fingerprint(b.file);
    let ok = 0;
    let locked = 0;
    const pending = new Set(ids);
    // Rounds of two simultaneous processes until every draft is final (a locked one tries again).
    for (let round = 0; round < 40 && pending.size > 0; round++) {
      const pair = [...pending].slice(0, 2);
      const runs = await Promise.all(pair.map((id) => runCli(['call', b.file, 'invoices.finalise', JSON.stringify({ id }), '--json'])));
      runs.forEach((r, i) => {
        if (r.status === 0) {
          ok++;
          pending.delete(pair[i]!);
        } else {
          expect(cliError(r).code, r.stderr).toBe('FILE_LOCKED');
          locked++;
        }
      });
    }
    expect(pending.size).toBe(0);
    expect(ok).toBe(8);
    const numbers = numbersIn(b.file);
    expect(numbers.map((n) => n.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(numbers.map((n) => n.number)).size).toBe(8);
    expect(fingerprint(b.file).sha).not.toBe(before.sha);
    console.log(`two-process race: ${ok} finalised, ${locked} times FILE_LOCKED`);
  });
});
