/**
 * Purchase invoices: the supplier's own number (once per supplier), lines to expense accounts with
 * grant dimensions, the attachment kept in the file (PDF/PNG/JPEG by magic bytes, ≤ 20 MB), booking
 * in INK on 1400, paying (debit 1400 / credit 1100) and the volunteer-also-supplier warning.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Entry, TrialBalance } from '../../../shared/api/types';
import type { AttachmentData, FinaliseResult, Invoice, OpenItems, PaymentResult, SaveDraftResult } from '../../../shared/api/invoiceTypes';
import { cleanupTempDirs, expectKassaError } from '../helpers';
import { expectNothingWritten, getInvoice, makeInvoiceBooks, supplier } from './helpers';

afterAll(cleanupTempDirs);

const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

function tinyPng(): Buffer {
  const png = new PNG({ width: 2, height: 2 });
  png.data.fill(0x80);
  return PNG.sync.write(png);
}

function purchase(contact: number, extra: Record<string, unknown> = {}) {
  return {
    kind: 'purchase',
    contact,
    number: 'F-2026-118',
    issueDate: '2026-03-10',
    dueDate: '2026-04-09',
    lines: [
      { description: 'Flyers buurtfeest', account: '4300', amount: '120.00' },
      { description: 'Affiches', account: '4200', amount: '35.50' },
    ],
    ...extra,
  };
}

const balance = (tb: TrialBalance, code: string) => tb.accounts.find((a) => a.code === code)?.balance ?? '0.00';

describe('purchase invoices', () => {
  it('books in INK: debit the expense lines, credit 1400 with the supplier; keeps the PDF in the file', async () => {
    const b = await makeInvoiceBooks();
    const s = await supplier(b);
    const d = await b.call<SaveDraftResult>('invoices.saveDraft', purchase(s.id, { attachment: { name: 'factuur-118.pdf', data: TINY_PDF.toString('base64') } }));
    expect(d.gross).toBe('155.50');
    const f = await b.call<FinaliseResult>('invoices.finalise', { id: d.id });
    expect(f).toMatchObject({ number: 'F-2026-118', gross: '155.50', dueDate: '2026-04-09', warnings: [] });
    expect(f.entry.ref).toBe('INK 2026-0001');
    const e = await b.call<Entry>('entries.get', { id: f.entry.id });
    expect(e.lines.map((l) => [l.account, l.debit, l.credit, l.contact])).toEqual([
      ['4300', '120.00', null, s.id],
      ['4200', '35.50', null, s.id],
      ['1400', null, '155.50', s.id],
    ]);
    const inv = await getInvoice(b, d.id);
    expect(inv.attachment).toMatchObject({ name: 'factuur-118.pdf', mime: 'application/pdf', size: TINY_PDF.length, sha256: createHash('sha256').update(TINY_PDF).digest('hex') });
    const a = await b.call<AttachmentData>('invoices.attachment', { id: d.id });
    expect(Buffer.from(a.base64!, 'base64').equals(TINY_PDF)).toBe(true);
    const out = path.join(b.dir, 'kopie.pdf');
    await b.call('invoices.attachment', { id: d.id, path: out });
    expect(fs.readFileSync(out).equals(TINY_PDF)).toBe(true);
    // The attachment of a final invoice stays, whatever writes to the file.
    const db = b.session.books!.sqlite;
    expect(() => db.prepare('DELETE FROM attachments').run()).toThrow(/POSTED_IMMUTABLE/);
    expect(() => db.prepare(`UPDATE attachments SET name = 'x'`).run()).toThrow(/POSTED_IMMUTABLE/);
    // A purchase invoice has no PDF or e-invoice of ours.
    await expectKassaError(b.call('invoices.pdfData', { id: d.id }), 'INVALID_INPUT');
    b.close();
  });

  it('paying it: debit 1400, credit 1100; it leaves the open items', async () => {
    const b = await makeInvoiceBooks();
    const s = await supplier(b);
    const d = await b.call<SaveDraftResult>('invoices.saveDraft', purchase(s.id));
    await b.call('invoices.finalise', { id: d.id });
    expect((await b.call<OpenItems>('invoices.openItems', { kind: 'purchase', date: '2026-03-31' })).total).toBe('155.50');
    const p = await b.call<PaymentResult>('invoices.registerPayment', { invoice: d.id, date: '2026-03-31' });
    expect(p).toMatchObject({ amount: '155.50', open: '0.00', state: 'paid' });
    const e = await b.call<Entry>('entries.get', { id: p.entry.id });
    expect(e.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['1100', null, '155.50'],
      ['1400', '155.50', null],
    ]);
    const tb = await b.call<TrialBalance>('reports.trialBalance', {});
    expect(balance(tb, '1400')).toBe('0.00');
    expect((await b.call<OpenItems>('invoices.openItems', { kind: 'purchase', date: '2026-03-31' })).items).toEqual([]);
    b.close();
  });

  it('a VAT-liable administration books the VAT it gets back on 1700 (debit)', async () => {
    const b = await makeInvoiceBooks({ vat: 'liable' });
    const s = await supplier(b);
    const d = await b.call<SaveDraftResult>('invoices.saveDraft', purchase(s.id, { lines: [{ description: 'Materialen', account: '4300', amount: '100.00', vat: '21.00' }] }));
    const f = await b.call<FinaliseResult>('invoices.finalise', { id: d.id });
    expect(f.gross).toBe('121.00');
    const e = await b.call<Entry>('entries.get', { id: f.entry.id });
    expect(e.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['4300', '100.00', null],
      ['1700', '21.00', null],
      ['1400', null, '121.00'],
    ]);
    b.close();
  });

  it('the same supplier invoice number twice is refused (Dutch, nothing written); another supplier may use it', async () => {
    const b = await makeInvoiceBooks();
    const s = await supplier(b);
    const s2 = await supplier(b, { name: 'Bakkerij Brood' });
    const d = await b.call<SaveDraftResult>('invoices.saveDraft', purchase(s.id));
    await b.call('invoices.finalise', { id: d.id });
    await expectNothingWritten(b, async () => {
      const e = await expectKassaError(b.call('invoices.saveDraft', purchase(s.id, { number: ' f-2026-118 ' })), 'DUPLICATE');
      expect(e.field).toBe('number');
      expect(e.message).toContain('Drukkerij De Letter');
    });
    await b.call('invoices.saveDraft', purchase(s2.id));
    // The database refuses it too.
    const db = b.session.books!.sqlite;
    expect(() =>
      db.prepare(`INSERT INTO invoices (kind, status, number, contact_id, issue_date, vat_status, created_at) VALUES ('purchase','draft','F-2026-118', ?, '2026-03-10', 'none', 'x')`).run(s.id),
    ).toThrow(/UNIQUE/);
    b.close();
  });

  it('attachments: PNG and JPEG are fine, from a path too; other files and files over 20 MB are refused', async () => {
    const b = await makeInvoiceBooks();
    const s = await supplier(b);
    const png = tinyPng();
    const d1 = await b.call<SaveDraftResult>('invoices.saveDraft', purchase(s.id, { attachment: { name: 'bon.png', data: png.toString('base64') } }));
    expect((await getInvoice(b, d1.id)).attachment?.mime).toBe('image/png');
    const jpegFile = path.join(b.dir, 'bon.jpg');
    fs.writeFileSync(jpegFile, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 1)]));
    const d2 = await b.call<SaveDraftResult>('invoices.saveDraft', purchase(s.id, { number: 'F-2', attachment: { path: jpegFile } }));
    expect((await getInvoice(b, d2.id)).attachment).toMatchObject({ mime: 'image/jpeg', name: 'bon.jpg' });
    // Replacing a draft's attachment drops the old one from the file.
    const attachmentsBefore = (b.session.books!.sqlite.prepare('SELECT COUNT(*) AS n FROM attachments').get() as { n: number }).n;
    await b.call('invoices.saveDraft', { ...purchase(s.id, { number: 'F-2' }), id: d2.id, attachment: { name: 'bon.png', data: png.toString('base64') } });
    expect((b.session.books!.sqlite.prepare('SELECT COUNT(*) AS n FROM attachments').get() as { n: number }).n).toBe(attachmentsBefore);

    const exe = path.join(b.dir, 'factuur.pdf.exe');
    fs.writeFileSync(exe, Buffer.from('MZ\x90\x00 this is not a pdf', 'latin1'));
    const big = path.join(b.dir, 'groot.pdf');
    fs.writeFileSync(big, Buffer.concat([TINY_PDF, Buffer.alloc(20 * 1024 * 1024, 0x20)]));
    await expectNothingWritten(b, async () => {
      const e1 = await expectKassaError(b.call('invoices.saveDraft', purchase(s.id, { number: 'F-3', attachment: { path: exe } })), 'INVALID_INPUT');
      expect(e1.field).toBe('attachment');
      expect(e1.details).toMatchObject({ reason: 'wrong_type' });
      const e2 = await expectKassaError(
        b.call('invoices.saveDraft', purchase(s.id, { number: 'F-3', attachment: { name: 'tekst.pdf', data: Buffer.from('hallo').toString('base64') } })),
        'INVALID_INPUT',
      );
      expect(e2.details).toMatchObject({ reason: 'wrong_type' });
      const e3 = await expectKassaError(b.call('invoices.saveDraft', purchase(s.id, { number: 'F-3', attachment: { path: big } })), 'INVALID_INPUT');
      expect(e3.details).toMatchObject({ reason: 'too_large' });
      expect(e3.message).toContain('20 MB');
      const e4 = await expectKassaError(
        b.call('invoices.saveDraft', purchase(s.id, { number: 'F-3', attachment: { name: 'groot.pdf', data: fs.readFileSync(big).toString('base64') } })),
        'INVALID_INPUT',
      );
      expect(e4.details).toMatchObject({ reason: 'too_large' });
      await expectKassaError(b.call('invoices.saveDraft', purchase(s.id, { number: 'F-3', attachment: { path: path.join(b.dir, 'weg.pdf') } })), 'FILE_NOT_FOUND');
    });
    b.close();
  });

  it('refuses an income account on a purchase line and VAT on a non-liable administration', async () => {
    const b = await makeInvoiceBooks();
    const s = await supplier(b);
    await expectNothingWritten(b, async () => {
      const e = await expectKassaError(b.call('invoices.saveDraft', purchase(s.id, { lines: [{ description: 'x', account: '8400', amount: '10.00' }] })), 'INVALID_INPUT');
      expect(e.field).toBe('lines.0.account');
      const v = await expectKassaError(b.call('invoices.saveDraft', purchase(s.id, { lines: [{ description: 'x', account: '4300', amount: '10.00', vat: '2.10' }] })), 'INVALID_INPUT');
      expect(v.field).toBe('lines.0.vat');
    });
    b.close();
  });

  it('warns (never blocks) when a supplier is also a volunteer paid a fee in the same month', async () => {
    const b = await makeInvoiceBooks();
    const s = await supplier(b, { name: 'Fatima el Amrani', iban: 'NL44RABO0123456789' });
    const person = await b.call<{ id: number }>('persons.create', { name: 'F. el Amrani', iban: 'NL44 RABO 0123 4567 89' });
    await b.call('volunteers.pay', { person: person.id, date: '2026-03-02', amount: '50.00', kind: 'fee', description: 'Vrijwilligersvergoeding maart', payFrom: '1100' });
    const d = await b.call<SaveDraftResult>('invoices.saveDraft', purchase(s.id, { number: 'VA-1', lines: [{ description: 'Catering buurtfeest', account: '4200', amount: '300.00' }] }));
    const f = await b.call<FinaliseResult>('invoices.finalise', { id: d.id });
    expect(f.warnings.map((w) => w.code)).toEqual(['VOLUNTEER_ALSO_SUPPLIER']);
    expect(f.warnings[0]!.message).toContain('maart 2026');
    const p = await b.call<PaymentResult>('invoices.registerPayment', { invoice: d.id, date: '2026-04-02' });
    expect(p.warnings).toEqual([]); // April: no fee that month
    const p2Draft = await b.call<SaveDraftResult>('invoices.saveDraft', purchase(s.id, { number: 'VA-2', issueDate: '2026-02-10', dueDate: null, lines: [{ description: 'Catering', account: '4200', amount: '20.00' }] }));
    const f2 = await b.call<FinaliseResult>('invoices.finalise', { id: p2Draft.id });
    expect(f2.warnings).toEqual([]); // February: no fee that month
    const p2 = await b.call<PaymentResult>('invoices.registerPayment', { invoice: p2Draft.id, date: '2026-03-20' });
    expect(p2.warnings.map((w) => w.code)).toEqual(['VOLUNTEER_ALSO_SUPPLIER']); // paid in March
    const inv: Invoice = await getInvoice(b, d.id);
    expect(inv.state).toBe('paid');
    b.close();
  });
});
