/**
 * Bad input to the invoices API: each gets a clear Dutch message with a stable code and the field
 * it is about, and writes nothing. Checked twice: through dispatch() with row counts and the audit
 * chain's last hash, and through the compiled CLI with the file's sha256 before and after.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinaliseResult, SaveDraftResult } from '../../../shared/api/invoiceTypes';
import { assertDistBuilt, cleanupTempDirs, cliError, expectDutch, expectKassaError, fingerprint, runCli, type TestBooks } from '../helpers';
import { customer, expectNothingWritten, makeInvoiceBooks, salesDraft, supplier } from './helpers';

afterAll(cleanupTempDirs);

interface World {
  b: TestBooks;
  customer: number;
  noAddress: number;
  supplier: number;
  final: number;
  noAddressDraft: number;
  bigFile: string;
  textFile: string;
}

async function world(vat: 'none' | 'exempt' = 'none'): Promise<World> {
  const b = await makeInvoiceBooks({ vat, year: 2025 });
  const c = await customer(b);
  const noAddress = await customer(b, { name: 'Zonder Adres', street: null, postcode: null, city: null, oin: null });
  const s = await supplier(b);
  const fin = await b.call<SaveDraftResult>('invoices.saveDraft', salesDraft(c.id, { issueDate: '2025-03-14', supplyDate: null }));
  await b.call<FinaliseResult>('invoices.finalise', { id: fin.id });
  await b.call('invoices.saveDraft', { kind: 'purchase', contact: s.id, number: 'A-1', issueDate: '2025-05-01', lines: [{ description: 'Koffie', account: '4200', amount: '12.00' }] });
  // A closed year 2025 (closed by the callers) and an open 2026.
  await b.call('years.openNext', {});
  const nad = await b.call<SaveDraftResult>('invoices.saveDraft', salesDraft(noAddress.id, { issueDate: '2026-01-15', supplyDate: null }));
  const bigFile = path.join(b.dir, 'scan.pdf');
  fs.writeFileSync(bigFile, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * 1024 * 1024 + 1, 0x20)]));
  const textFile = path.join(b.dir, 'factuur.pdf');
  fs.writeFileSync(textFile, 'Dit is gewoon tekst, geen PDF.');
  return { b, customer: c.id, noAddress: noAddress.id, supplier: s.id, final: fin.id, noAddressDraft: nad.id, bigFile, textFile };
}

type Case = { name: string; method: string; input: (w: World) => unknown; code: string; field?: string; prepare?: (w: World) => Promise<void> };

const CASES: Case[] = [
  { name: 'buyer address missing', method: 'invoices.finalise', input: (w) => ({ id: w.noAddressDraft }), code: 'INVALID_INPUT', field: 'buyer.address' },
  {
    name: 'line description missing', method: 'invoices.saveDraft', code: 'INVALID_INPUT', field: 'lines.0.description',
    input: (w) => salesDraft(w.customer, { issueDate: '2026-02-01', lines: [{ description: '  ', unitPrice: '10.00' }] }),
  },
  {
    name: 'no lines at all', method: 'invoices.saveDraft', code: 'INVALID_INPUT', field: 'lines',
    input: (w) => salesDraft(w.customer, { issueDate: '2026-02-01', lines: [] }),
  },
  {
    name: 'invoice date in a closed year', method: 'invoices.saveDraft', code: 'YEAR_CLOSED', field: 'issueDate',
    prepare: async (w) => void (await w.b.call('years.close', { year: 2025 }).catch(() => undefined)),
    input: (w) => salesDraft(w.customer, { issueDate: '2025-12-01', supplyDate: null }),
  },
  {
    name: 'invoice date in no fiscal year', method: 'invoices.saveDraft', code: 'NO_OPEN_YEAR', field: 'issueDate',
    input: (w) => salesDraft(w.customer, { issueDate: '2031-01-01', supplyDate: null }),
  },
  {
    name: 'due date before the invoice date', method: 'invoices.saveDraft', code: 'INVALID_INPUT', field: 'dueDate',
    input: (w) => salesDraft(w.customer, { issueDate: '2026-02-01', dueDate: '2026-01-01', supplyDate: null }),
  },
  {
    name: 'a quantity that is no number', method: 'invoices.saveDraft', code: 'INVALID_INPUT', field: 'lines.0.quantity',
    input: (w) => salesDraft(w.customer, { issueDate: '2026-02-01', lines: [{ description: 'Workshop', quantity: '1,5', unitPrice: '10.00' }] }),
  },
  {
    name: 'a price with three decimals', method: 'invoices.saveDraft', code: 'INVALID_AMOUNT', field: 'lines.0.unitPrice',
    input: (w) => salesDraft(w.customer, { issueDate: '2026-02-01', lines: [{ description: 'Workshop', unitPrice: '10.005' }] }),
  },
  {
    name: 'an unknown contact', method: 'invoices.saveDraft', code: 'NOT_FOUND', field: 'contact',
    input: () => salesDraft(999, { issueDate: '2026-02-01' }),
  },
  {
    name: 'a duplicate purchase invoice (same supplier + number)', method: 'invoices.saveDraft', code: 'DUPLICATE', field: 'number',
    input: (w) => ({ kind: 'purchase', contact: w.supplier, number: 'a-1', issueDate: '2026-02-01', lines: [{ description: 'Koffie', account: '4200', amount: '12.00' }] }),
  },
  {
    name: 'a credit note larger than the original', method: 'invoices.credit', code: 'LIMIT_EXCEEDED', field: 'lines',
    input: (w) => ({ id: w.final, date: '2026-01-10', lines: [{ description: 'Te veel', quantity: '-10', unitPrice: '42.50' }] }),
  },
  {
    name: 'a credit note with a positive amount', method: 'invoices.credit', code: 'INVALID_INPUT', field: 'lines',
    input: (w) => ({ id: w.final, date: '2026-01-10', lines: [{ description: 'Korting', quantity: '1', unitPrice: '5.00' }] }),
  },
  {
    name: 'an attachment over 20 MB', method: 'invoices.saveDraft', code: 'INVALID_INPUT', field: 'attachment',
    input: (w) => ({ kind: 'purchase', contact: w.supplier, number: 'B-1', issueDate: '2026-02-01', lines: [{ description: 'Koffie', account: '4200', amount: '12.00' }], attachment: { path: w.bigFile } }),
  },
  {
    name: 'an attachment that is no PDF, PNG or JPEG', method: 'invoices.saveDraft', code: 'INVALID_INPUT', field: 'attachment',
    input: (w) => ({ kind: 'purchase', contact: w.supplier, number: 'B-1', issueDate: '2026-02-01', lines: [{ description: 'Koffie', account: '4200', amount: '12.00' }], attachment: { path: w.textFile } }),
  },
  {
    name: 'a logo that is no image', method: 'invoices.settings.set', code: 'INVALID_INPUT', field: 'logo',
    input: () => ({ logo: Buffer.from('%PDF-1.4 geen plaatje').toString('base64') }),
  },
  {
    name: 'fund type on a customer', method: 'contacts.create', code: 'INVALID_INPUT', field: 'fundType',
    input: () => ({ kind: 'customer', name: 'Klant', fundType: 'lottery' }),
  },
  {
    name: 'a contact with a wrong IBAN', method: 'contacts.create', code: 'INVALID_INPUT', field: 'iban',
    input: () => ({ kind: 'supplier', name: 'Leverancier', iban: 'NL91ABNA0417164301' }),
  },
  {
    name: 'paying a draft', method: 'invoices.registerPayment', code: 'INVALID_INPUT', field: 'invoice',
    input: (w) => ({ invoice: w.noAddressDraft, date: '2026-02-01' }),
  },
];

describe('bad input to the invoices API: Dutch error, stable code, the field, nothing written', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
    await w.b.call('years.close', { year: 2025 }).catch(() => undefined);
  });
  afterAll(() => w.b.close());

  it.each(CASES)('$name', async (c) => {
    if (c.prepare) await c.prepare(w);
    await expectNothingWritten(w.b, async () => {
      const e = await expectKassaError(w.b.call(c.method, c.input(w)), c.code);
      if (c.field) expect(e.field).toBe(c.field);
    });
  });
});

describe('a VAT rate on an exempt administration', () => {
  it('is refused with a Dutch message naming the line, nothing written', async () => {
    const b = await makeInvoiceBooks({ vat: 'exempt' });
    const c = await customer(b);
    await expectNothingWritten(b, async () => {
      const e = await expectKassaError(b.call('invoices.saveDraft', salesDraft(c.id, { lines: [{ description: 'Workshop', unitPrice: '100.00', vatRate: '21' }] })), 'INVALID_INPUT');
      expect(e.field).toBe('lines.0.vatRate');
      expect(e.message).toContain('vrijgesteld van btw');
      await expectKassaError(b.call('invoices.pdfData', { draft: salesDraft(c.id, { lines: [{ description: 'Workshop', unitPrice: '100.00', vatRate: '9' }] }) }), 'INVALID_INPUT');
    });
    b.close();
  });
});

describe('through the CLI, the file is byte-for-byte the same after a refused call', () => {
  beforeAll(assertDistBuilt);

  it('each refused call leaves the sha256 of the file unchanged', async () => {
    const x = await world();
    await x.b.call('years.close', { year: 2025 });
    x.b.close();
    const before = fingerprint(x.b.file);
    for (const c of CASES.filter((k) => !k.prepare)) {
      const r = await runCli(['call', x.b.file, c.method, JSON.stringify(c.input(x)), '--json']);
      expect(r.status, `${c.name}: ${r.stdout}`).toBe(1);
      const err = cliError(r);
      expect(err.code, c.name).toBe(c.code);
      expectDutch(err.message);
      expect(fingerprint(x.b.file), c.name).toEqual(before);
    }
  });
});
