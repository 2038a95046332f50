/**
 * Sales invoices through the dispatcher on real files: drafts, numbering, booking in VRK, the PDF
 * (read back with pdftotext) and the UBL e-invoice (validated with xmllint against UBL 2.1), credit
 * notes, lists and settings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Entry, TrialBalance } from '../../../shared/api/types';
import type { Contact, CreditResult, FinaliseResult, Invoice, InvoiceList, InvoiceSettings, PdfData, SaveDraftResult } from '../../../shared/api/invoiceTypes';
import { DEFAULT_VAT_STATEMENTS } from '../../../shared/rules/invoiceText';
import { cleanupTempDirs, expectKassaError } from '../helpers';
import { CREDIT_NOTE_XSD, INVOICE_XSD, pdfToText, xmllintValidate } from '../../unit/invoices/helpers';
import { customer, expectNothingWritten, getInvoice, issue, makeInvoiceBooks, salesDraft } from './helpers';

afterAll(cleanupTempDirs);

function expectAll(haystack: string, needles: string[]): void {
  const missing = needles.filter((n) => !haystack.includes(n));
  expect(missing, `missing from the PDF text:\n${haystack}`).toEqual([]);
}

describe('a sales invoice, not a VAT entrepreneur', () => {
  it('draft -> final: number 2026-0001, booked in VRK on 1300 and 8400, immutable afterwards', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    const d = await b.call<SaveDraftResult>('invoices.saveDraft', salesDraft(c.id));
    expect(d.gross).toBe('223.75');
    expect(d.problems).toEqual([]);
    const draft = await getInvoice(b, d.id);
    expect(draft.status).toBe('draft');
    expect(draft.number).toBeNull();
    expect(draft.state).toBe('draft');

    const f = await b.call<FinaliseResult>('invoices.finalise', { id: d.id });
    expect(f.number).toBe('2026-0001');
    expect(f.entry.ref).toBe('VRK 2026-0001');
    expect(f.dueDate).toBe('2026-04-13');
    const entry = await b.call<Entry>('entries.get', { id: f.entry.id });
    expect(entry.lines.map((l) => [l.account, l.debit, l.credit, l.contact])).toEqual([
      ['1300', '223.75', null, c.id],
      ['8400', null, '148.75', c.id],
      ['8400', null, '75.00', c.id],
    ]);
    expect(entry.source).toBe('invoice');

    const inv = await getInvoice(b, d.id);
    expect(inv).toMatchObject({ status: 'final', state: 'open', number: '2026-0001', gross: '223.75', open: '223.75', paid: '0.00' });
    expect(inv.vatStatement).toBe(DEFAULT_VAT_STATEMENTS.none);
    expect(inv.seller.kvk).toBe('12345678');
    expect(inv.buyer.address.street).toBe('Stadhuisplein 1');

    // A final invoice cannot be edited, finalised again or deleted.
    await expectNothingWritten(b, async () => {
      await expectKassaError(b.call('invoices.saveDraft', { ...salesDraft(c.id), id: d.id }), 'POSTED_IMMUTABLE');
      await expectKassaError(b.call('invoices.finalise', { id: d.id }), 'POSTED_IMMUTABLE');
      await expectKassaError(b.call('invoices.deleteDraft', { id: d.id }), 'POSTED_IMMUTABLE');
    });
    // ... and the database itself refuses, whatever tool writes to it.
    const db = b.session.books!.sqlite;
    expect(() => db.prepare(`UPDATE invoices SET note = 'x' WHERE id = ?`).run(d.id)).toThrow(/POSTED_IMMUTABLE/);
    expect(() => db.prepare(`DELETE FROM invoices WHERE id = ?`).run(d.id)).toThrow(/POSTED_IMMUTABLE/);
    expect(() => db.prepare(`UPDATE invoice_lines SET unit_price_cents = 1 WHERE invoice_id = ?`).run(d.id)).toThrow(/POSTED_IMMUTABLE/);
    expect(() => db.prepare(`DELETE FROM invoice_lines WHERE invoice_id = ?`).run(d.id)).toThrow(/POSTED_IMMUTABLE/);
    b.close();
  });

  it('keeps the address of the day it was sent: editing the contact changes no issued invoice', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    const f = await issue(b, c.id);
    await b.call<Contact>('contacts.update', { id: c.id, street: 'Nieuwe Markt 3', name: 'Gemeente Anderstad' });
    const inv = await getInvoice(b, f.id);
    expect(inv.buyer.name).toBe('Gemeente Voorbeeldstad');
    expect(inv.buyer.address.street).toBe('Stadhuisplein 1');
    b.close();
  });

  it('the PDF holds every legally required field, and the statement "geen btw"', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    const f = await issue(b, c.id);
    const out = path.join(b.dir, 'factuur.pdf');
    const w = await b.call<{ path: string; bytes: number }>('invoices.pdf', { id: f.id, path: out });
    expect(w.path).toBe(out);
    const pdf = fs.readFileSync(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(w.bytes).toBe(pdf.length);
    expect(fs.readdirSync(b.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const t = pdfToText(pdf);
    expectAll(t, [
      'Factuur', '2026-0001', // number
      '14-03-2026', // invoice date
      '28-02-2026', // date of delivery (differs)
      '13-04-2026', // due date: 30 days
      'Stichting Buurtkracht Oost', 'Dorpsstraat 12a', '3512 AB Utrecht', 'KvK 12345678', // seller
      'Gemeente Voorbeeldstad', 'Stadhuisplein 1', '1234 ZZ Voorbeeldstad', // buyer
      'Begeleiding bewonersavond (coaching), februari', '3,5', '€ 42,50', '€ 148,75', // quantity, description, amounts
      'Zaalhuur buurthuis inclusief koffie en thee', '€ 75,00',
      'Totaal', '€ 223,75',
      DEFAULT_VAT_STATEMENTS.none,
      'NL91 ABNA 0417 1643 00',
      'IO-2026-4711',
    ]);
    b.close();
  });

  it('an exempt administration prints the exemption statement (art. 11 Wet OB 1968)', async () => {
    const b = await makeInvoiceBooks({ vat: 'exempt' });
    const c = await customer(b);
    const f = await issue(b, c.id, { lines: [{ description: 'Zorgbegeleiding', quantity: '2', unitPrice: '50.00', vatRate: 'exempt' }] });
    const data = await b.call<PdfData>('invoices.pdfData', { id: f.id });
    const t = pdfToText(Buffer.from(data.base64, 'base64'));
    expectAll(t, ['2026-0001', 'Zorgbegeleiding', '€ 100,00', DEFAULT_VAT_STATEMENTS.exempt, 'KvK 12345678']);
    expect(data.fileName).toBe('factuur-2026-0001.pdf');
    b.close();
  });

  it('the VAT statement wording is a setting', async () => {
    const b = await makeInvoiceBooks({ vat: 'kor' });
    await b.call('invoices.settings.set', { vatStatements: { kor: 'Geen btw: de stichting gebruikt de KOR.' } });
    const c = await customer(b);
    const f = await issue(b, c.id);
    const t = pdfToText(Buffer.from((await b.call<PdfData>('invoices.pdfData', { id: f.id })).base64, 'base64'));
    expect(t).toContain('Geen btw: de stichting gebruikt de KOR.');
    b.close();
  });

  it('the UBL e-invoice of a stored invoice validates against the UBL 2.1 schema', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    const f = await issue(b, c.id);
    const out = path.join(b.dir, 'factuur.xml');
    await b.call('invoices.ubl', { id: f.id, path: out });
    const xml = fs.readFileSync(out, 'utf8');
    expect(xml).toContain('<cbc:ID>2026-0001</cbc:ID>');
    expect(xml).toContain('schemeID="0190">00000001001234567000');
    const r = xmllintValidate(xml, INVOICE_XSD);
    expect(r.output).toContain('validates');
    expect(r.ok).toBe(true);
    b.close();
  });

  it('a draft PDF is a preview marked "concept"; the live preview works without saving', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b, { street: null });
    const d = await b.call<SaveDraftResult>('invoices.saveDraft', salesDraft(c.id));
    // The missing address is listed, the draft is saved anyway.
    expect(d.problems.map((p) => p.field)).toEqual(['buyer.address']);
    const stored = pdfToText(Buffer.from((await b.call<PdfData>('invoices.pdfData', { id: d.id })).base64, 'base64'));
    expect(stored).toContain('Factuur (concept)');
    const before = (await b.call<InvoiceList>('invoices.list', {})).total;
    const live = await b.call<PdfData>('invoices.pdfData', { draft: salesDraft(c.id, { lines: [{ description: 'Alleen een voorbeeld', unitPrice: '10.00' }] }) });
    expect(pdfToText(Buffer.from(live.base64, 'base64'))).toContain('Alleen een voorbeeld');
    expect((await b.call<InvoiceList>('invoices.list', {})).total).toBe(before);
    b.close();
  });
});

describe('a VAT-liable administration', () => {
  it('books VAT per rate on 1700 and shows the breakdown', async () => {
    const b = await makeInvoiceBooks({ vat: 'liable' });
    const c = await customer(b, { vatNumber: 'NL820646660B01', kvk: '87654321', oin: null });
    const f = await issue(b, c.id, {
      lines: [
        { description: 'Workshop moestuinieren', quantity: '2', unitPrice: '125.00', vatRate: '21' },
        { description: 'Lunch deelnemers', quantity: '12', unitPrice: '6.50', vatRate: '9' },
        { description: 'Zorgbegeleiding', quantity: '1', unitPrice: '50.00', vatRate: 'exempt' },
      ],
    });
    expect(f.gross).toBe('437.52'); // 250 + 52.50 + 78 + 7.02 + 50
    const entry = await b.call<Entry>('entries.get', { id: f.entry.id });
    expect(entry.lines.filter((l) => l.account === '1700').map((l) => l.credit)).toEqual(['52.50', '7.02']);
    const inv = await getInvoice(b, f.id);
    expect(inv.breakdown.map((r) => [r.rate, r.net, r.vat])).toEqual([
      ['21', '250.00', '52.50'],
      ['9', '78.00', '7.02'],
      ['exempt', '50.00', '0.00'],
    ]);
    const t = pdfToText(Buffer.from((await b.call<PdfData>('invoices.pdfData', { id: f.id })).base64, 'base64'));
    expectAll(t, ['Btw-nummer NL123456782B01', 'Btw 21% over € 250,00', '€ 52,50', 'Totaal incl. btw', '€ 437,52']);
    const out = path.join(b.dir, 'btw.xml');
    await b.call('invoices.ubl', { id: f.id, path: out });
    expect(xmllintValidate(fs.readFileSync(out, 'utf8'), INVOICE_XSD).ok).toBe(true);
    b.close();
  });

  it('an administration that became VAT-liable later gets account 1700 when VAT is first booked', async () => {
    const b = await makeInvoiceBooks();
    const accountsBefore = await b.call<{ code: string }[]>('accounts.list', {});
    expect(accountsBefore.some((a) => a.code === '1700')).toBe(false);
    await b.call('org.update', { vat: 'liable', vatNumber: 'NL123456782B01' });
    const c = await customer(b);
    await issue(b, c.id, { lines: [{ description: 'Workshop', unitPrice: '100.00', vatRate: '21' }] });
    const tb = await b.call<TrialBalance>('reports.trialBalance', {});
    expect(tb.accounts.find((a) => a.code === '1700')?.credit).toBe('21.00');
    b.close();
  });

  it('a draft saved before the VAT status changed must be corrected before it can be finalised', async () => {
    const b = await makeInvoiceBooks({ vat: 'liable' });
    const c = await customer(b);
    const d = await b.call<SaveDraftResult>('invoices.saveDraft', salesDraft(c.id, { lines: [{ description: 'Workshop', unitPrice: '100.00', vatRate: '21' }] }));
    await b.call('org.update', { vat: 'none' });
    await expectNothingWritten(b, async () => {
      const e = await expectKassaError(b.call('invoices.finalise', { id: d.id }), 'INVALID_INPUT');
      expect(e.field).toBe('lines.0.vatRate');
    });
    b.close();
  });
});

describe('numbering', () => {
  it('is gapless per series, follows the format setting, and restarts per year', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    const s0 = await b.call<InvoiceSettings>('invoices.settings.get', {});
    expect(s0.numberFormat).toBe('{year}-{seq:4}');
    const a = await issue(b, c.id);
    // A draft that is deleted never used a number.
    const gone = await b.call<SaveDraftResult>('invoices.saveDraft', salesDraft(c.id));
    await b.call('invoices.deleteDraft', { id: gone.id });
    const bb = await issue(b, c.id);
    expect([a.number, bb.number]).toEqual(['2026-0001', '2026-0002']);

    const s = await b.call<InvoiceSettings>('invoices.settings.set', { numberFormat: 'F{yy}/{seq:3}' });
    expect(s.numberFormat).toBe('F{yy}/{seq:3}');
    const cc = await issue(b, c.id);
    expect(cc.number).toBe('F26/001');

    await b.call('years.openNext', {});
    const dd = await issue(b, c.id, { issueDate: '2027-01-05', supplyDate: null });
    expect(dd.number).toBe('F27/001');
    const list = await b.call<InvoiceList>('invoices.list', { kind: 'sales' });
    expect(list.items.map((i) => i.number)).toEqual(['F27/001', 'F26/001', '2026-0002', '2026-0001']);
    b.close();
  });

  it('refuses a format without exactly one {seq}, in Dutch, and keeps the old one', async () => {
    const b = await makeInvoiceBooks();
    await expectNothingWritten(b, async () => {
      const e = await expectKassaError(b.call('invoices.settings.set', { numberFormat: '{year}-nummer' }), 'INVALID_INPUT');
      expect(e.field).toBe('numberFormat');
    });
    expect((await b.call<InvoiceSettings>('invoices.settings.get', {})).numberFormat).toBe('{year}-{seq:4}');
    b.close();
  });

  it('the database refuses a gap or a duplicate number, even from a raw SQL tool', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    await issue(b, c.id);
    const d = await b.call<SaveDraftResult>('invoices.saveDraft', salesDraft(c.id));
    const db = b.session.books!.sqlite;
    const entryId = (db.prepare(`SELECT entry_id FROM invoices WHERE status = 'final'`).get() as { entry_id: number }).entry_id;
    const finalise = (seq: number, number: string) =>
      db.prepare(`UPDATE invoices SET status = 'final', series = '2026-{seq:4}', seq = ?, number = ?, entry_id = ? WHERE id = ?`).run(seq, number, entryId, d.id);
    expect(() => finalise(3, '2026-0003')).toThrow(/NOT_GAPLESS/);
    expect(() => finalise(2, '2026-0001')).toThrow(/UNIQUE/);
    b.close();
  });
});

describe('credit notes', () => {
  it('a full credit note: own number, negative amounts, names the original; the original is settled', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    const f = await issue(b, c.id);
    const cr = await b.call<CreditResult>('invoices.credit', { id: f.id, date: '2026-03-20' });
    expect(cr).toMatchObject({ status: 'final', number: '2026-0002', gross: '-223.75' });
    const entry = await b.call<Entry>('entries.get', { id: cr.entry!.id });
    expect(entry.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['1300', null, '223.75'],
      ['8400', '148.75', null],
      ['8400', '75.00', null],
    ]);
    const orig = await getInvoice(b, f.id);
    expect(orig).toMatchObject({ state: 'credited', credited: '223.75', open: '0.00' });
    expect(orig.creditNotes.map((n) => n.number)).toEqual(['2026-0002']);
    const note = await getInvoice(b, cr.id);
    expect(note).toMatchObject({ credit: true, creditOf: f.id, creditOfNumber: '2026-0001', state: 'creditNote', open: '0.00' });
    expect(note.lines[0]!.quantity).toBe('-3.5');

    const t = pdfToText(Buffer.from((await b.call<PdfData>('invoices.pdfData', { id: cr.id })).base64, 'base64'));
    expectAll(t, ['Creditfactuur', '2026-0002', 'Creditfactuur bij factuur 2026-0001 van 14-03-2026', '223,75', 'Wij betalen € 223,75 aan u terug']);
    const out = path.join(b.dir, 'credit.xml');
    await b.call('invoices.ubl', { id: cr.id, path: out });
    expect(xmllintValidate(fs.readFileSync(out, 'utf8'), CREDIT_NOTE_XSD).ok).toBe(true);
    b.close();
  });

  it('a partial credit note, and no credit beyond what is left of the original (Dutch error, nothing written)', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    const f = await issue(b, c.id);
    const part = await b.call<CreditResult>('invoices.credit', {
      id: f.id, date: '2026-03-20', lines: [{ description: 'Zaalhuur vervalt', quantity: '-1', unitPrice: '75.00' }],
    });
    expect(part.gross).toBe('-75.00');
    expect((await getInvoice(b, f.id)).open).toBe('148.75');
    await expectNothingWritten(b, async () => {
      const e = await expectKassaError(
        b.call('invoices.credit', { id: f.id, date: '2026-03-21', lines: [{ description: 'Te veel', quantity: '-4', unitPrice: '42.50' }] }),
        'LIMIT_EXCEEDED',
      );
      expect(e.message.replace(/\u00a0/g, ' ')).toContain('nog over is (€ 148,75)');
      // A credit note of a credit note, or of a draft, makes no sense either.
      await expectKassaError(b.call('invoices.credit', { id: part.id }), 'INVALID_INPUT');
    });
    // A credit note draft can be checked first, then finalised.
    // Without lines the whole original would be credited: more than is left, so refused too.
    await expectKassaError(b.call('invoices.credit', { id: f.id, date: '2026-03-22' }), 'LIMIT_EXCEEDED');
    const draft = await b.call<CreditResult>('invoices.credit', {
      id: f.id, date: '2026-03-22', finalise: false, lines: [{ description: 'Begeleiding vervalt', quantity: '-3.5', unitPrice: '42.50' }],
    });
    expect(draft).toMatchObject({ status: 'draft', number: null, gross: '-148.75' });
    const fin = await b.call<FinaliseResult>('invoices.finalise', { id: draft.id });
    expect(fin.number).toBe('2026-0003');
    expect((await getInvoice(b, f.id)).state).toBe('credited');
    b.close();
  });
});

describe('the list', () => {
  it('filters by kind, status, contact and search, pages, and sums over every match', async () => {
    const b = await makeInvoiceBooks();
    const c1 = await customer(b);
    const c2 = await customer(b, { name: 'Woningcorporatie Thuis', oin: null, kvk: '87654321' });
    await issue(b, c1.id);
    await issue(b, c2.id, { orderReference: 'PO-88231' });
    await b.call('invoices.saveDraft', salesDraft(c2.id));
    const all = await b.call<InvoiceList>('invoices.list', {});
    expect(all.total).toBe(3);
    expect(all.totals.gross).toBe('671.25');
    expect(all.totals.open).toBe('447.50');
    expect((await b.call<InvoiceList>('invoices.list', { status: 'draft' })).total).toBe(1);
    expect((await b.call<InvoiceList>('invoices.list', { status: 'open' })).total).toBe(2);
    expect((await b.call<InvoiceList>('invoices.list', { status: 'paid' })).total).toBe(0);
    expect((await b.call<InvoiceList>('invoices.list', { contact: c2.id })).total).toBe(2);
    expect((await b.call<InvoiceList>('invoices.list', { search: 'woning' })).total).toBe(2);
    expect((await b.call<InvoiceList>('invoices.list', { search: 'PO-882' })).items.map((i) => i.number)).toEqual(['2026-0002']);
    expect((await b.call<InvoiceList>('invoices.list', { search: '2026-0001' })).total).toBe(1);
    const page = await b.call<InvoiceList>('invoices.list', { limit: 1, offset: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(3);
    const overdue = await b.call<InvoiceList>('invoices.list', { status: 'overdue' });
    // due 13-04-2026: overdue only once that date has passed
    expect(overdue.total).toBe(new Date().toISOString().slice(0, 10) > '2026-04-13' ? 2 : 0);
    const inv: Invoice = await getInvoice(b, all.items[2]!.id);
    expect(inv.entry?.ref).toBe('VRK 2026-0001');
    b.close();
  });
});
