/**
 * Issue 16, "VAT and invoices", through the API and the compiled CLI: 0 % needs a reason (K with
 * the buyer's EU VAT number, G), the KOR as category E, e-invoice readiness on saving and before
 * finalising, the Dutch VAT number check, discount lines. Every refusal is a Dutch KassaError that
 * writes nothing (row counts and audit head through the API; exit 1 and the file's bytes through
 * the CLI). The accepted cases end in a UBL valid against the UBL 2.1 XSD and a verifiable chain.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, FinaliseResult, PdfData, SaveDraftResult } from '../../../shared/api/invoiceTypes';
import { DEFAULT_VAT_STATEMENTS } from '../../../shared/rules/invoiceText';
import { ZERO_RATE_TEXT } from '../../../shared/rules/invoiceVat';
import { assertDistBuilt, cleanupTempDirs, cliError, expectDutch, expectKassaError, fingerprint, runCli, type TestBooks } from '../helpers';
import { INVOICE_XSD, pdfToText, xmllintValidate } from '../../unit/invoices/helpers';
import { customer, expectNothingWritten, getInvoice, makeInvoiceBooks, salesDraft } from './helpers';

afterAll(cleanupTempDirs);

interface World { b: TestBooks; german: number; dutch: number; municipality: number; refDraft: number }

async function world(): Promise<World> {
  const b = await makeInvoiceBooks({ vat: 'liable' });
  const german = await customer(b, { name: 'Nachbarschaftsverein Aachen', street: 'Marktplatz 3', postcode: '52062', city: 'Aachen', country: 'DE', oin: null, kvk: '87654321', vatNumber: 'DE123456789' });
  const dutch = await customer(b, { name: 'Woningcorporatie Thuis', oin: null, kvk: '87654321', vatNumber: 'NL820646660B01' });
  const municipality = await customer(b);
  const d = await b.call<SaveDraftResult>('invoices.saveDraft', salesDraft(municipality.id, { orderReference: null, lines: [{ description: 'Zaalhuur', unitPrice: '75.00', vatRate: '21' }] }));
  return { b, german: german.id, dutch: dutch.id, municipality: municipality.id, refDraft: d.id };
}

const zeroLine = (vatReason?: string) => ({ description: 'Gereedschapskist', unitPrice: '100.00', vatRate: '0', ...(vatReason ? { vatReason } : {}) });

interface Case { name: string; method: string; field: string; part: string; input: (w: World) => unknown }
const CASES: Case[] = [
  { name: '0 % without a reason', method: 'invoices.saveDraft', field: 'lines.0.vatReason', part: 'bij 0% btw hoort een reden', input: (w) => salesDraft(w.german, { lines: [zeroLine()] }) },
  { name: 'intra-community supply to a Dutch VAT number', method: 'invoices.saveDraft', field: 'buyer.vatNumber', part: 'Nederlands btw-nummer', input: (w) => salesDraft(w.dutch, { lines: [zeroLine('intraCommunity')] }) },
  { name: 'intra-community supply without the buyer VAT number', method: 'invoices.saveDraft', field: 'buyer.vatNumber', part: 'btw-nummer van de klant', input: (w) => salesDraft(w.municipality, { lines: [zeroLine('intraCommunity')] }) },
  { name: 'a reason with 21 %', method: 'invoices.saveDraft', field: 'lines.0.vatReason', part: 'alleen bij het tarief 0%', input: (w) => salesDraft(w.german, { lines: [{ ...zeroLine('export'), vatRate: '21' }] }) },
  {
    name: 'a discount larger than the invoice', method: 'invoices.saveDraft', field: 'lines', part: 'Een korting mag niet groter',
    input: (w) => salesDraft(w.dutch, { lines: [{ description: 'Workshop', unitPrice: '50.00', vatRate: '21' }, { description: 'Korting', quantity: '-1', unitPrice: '60.00', vatRate: '21' }] }),
  },
  { name: 'a Dutch VAT number that fails both checks', method: 'contacts.create', field: 'vatNumber', part: 'btw-nummer klopt niet', input: () => ({ kind: 'customer', name: 'X', vatNumber: 'NL123456783B01' }) },
  { name: 'a German VAT number of the wrong form', method: 'contacts.create', field: 'vatNumber', part: 'btw-nummer klopt niet', input: () => ({ kind: 'customer', name: 'X', vatNumber: 'DE12345' }) },
  { name: 'finalising an e-invoice without buyer reference or order number', method: 'invoices.finalise', field: 'invoice.orderReference', part: 'inkoopordernummer', input: (w) => ({ id: w.refDraft }) },
];

describe('VAT rules through the API: Dutch error, the field, nothing written', () => {
  it.each(CASES)('$name', async (c) => {
    const w = await world();
    await expectNothingWritten(w.b, async () => {
      const e = await expectKassaError(w.b.call(c.method, c.input(w)), 'INVALID_INPUT');
      expect(e.field).toBe(c.field);
      expect(e.message).toContain(c.part);
      expectDutch(e.message);
    });
    w.b.close();
  });

  it('a draft for an e-invoice customer is saved with its problems (stable codes, where to fix); finalise lists them and leaves the one draft', async () => {
    const w = await world();
    const again = await w.b.call<SaveDraftResult>('invoices.saveDraft', { ...salesDraft(w.municipality, { orderReference: null, lines: [{ description: 'Zaalhuur', unitPrice: '75.00', vatRate: '21' }] }), id: w.refDraft });
    expect(again.problems.map((p) => [p.code, p.field, p.fixAt])).toEqual([['EINVOICE_REFERENCE_MISSING', 'invoice.orderReference', 'draft']]);
    expect(again.problems[0]!.messageEn).toContain('purchase order');
    expect((await getInvoice(w.b, w.refDraft)).problems.map((p) => p.code)).toEqual(['EINVOICE_REFERENCE_MISSING']);
    const e = await expectKassaError(w.b.call('invoices.finalise', { id: w.refDraft }), 'INVALID_INPUT');
    expect((e.details as { problems: { code: string }[] }).problems.map((p) => p.code)).toEqual(['EINVOICE_REFERENCE_MISSING']);
    const drafts = (w.b.session.books!.sqlite.prepare(`SELECT COUNT(*) AS n FROM invoices WHERE status = 'draft' AND kind = 'sales'`).get() as { n: number }).n;
    expect(drafts).toBe(1);
    // Fixed on the draft: now it finalises.
    await w.b.call('invoices.saveDraft', { ...salesDraft(w.municipality, { buyerReference: 'Afdeling Welzijn', orderReference: null, lines: [{ description: 'Zaalhuur', unitPrice: '75.00', vatRate: '21' }] }), id: w.refDraft });
    expect((await w.b.call<FinaliseResult>('invoices.finalise', { id: w.refDraft })).number).toBe('2026-0001');
    w.b.close();
  });

  it('K and G with a discount line: final, the legal texts on the PDF and in the UBL (valid), the chain verifies', async () => {
    const w = await world();
    const d = await w.b.call<SaveDraftResult>('invoices.saveDraft', salesDraft(w.german, {
      lines: [zeroLine('intraCommunity'), { ...zeroLine('export'), description: 'Verzending naar Noorwegen' }, { description: 'Korting', quantity: '-1', unitPrice: '20.00', vatRate: '0', vatReason: 'intraCommunity' }],
    }));
    expect(d.problems).toEqual([]);
    const f = await w.b.call<FinaliseResult>('invoices.finalise', { id: d.id });
    expect(f.gross).toBe('180.00');
    const inv = await getInvoice(w.b, d.id);
    expect(inv.lines.map((l) => l.vatReason)).toEqual(['intraCommunity', 'export', 'intraCommunity']);
    expect(inv.breakdown.map((r) => [r.category, r.net])).toEqual([['K', '80.00'], ['G', '100.00']]);
    const t = pdfToText(Buffer.from((await w.b.call<PdfData>('invoices.pdfData', { id: d.id })).base64, 'base64'));
    expect(t).toContain('Intracommunautaire levering');
    expect(t).toContain('Uitvoer buiten de EU');
    const out = path.join(w.b.dir, 'k.xml');
    await w.b.call('invoices.ubl', { id: d.id, path: out });
    const xml = fs.readFileSync(out, 'utf8');
    expect(xmllintValidate(xml, INVOICE_XSD).ok).toBe(true);
    expect(xml).toContain(ZERO_RATE_TEXT.intraCommunity);
    expect(xml).toContain('<cbc:ID>K</cbc:ID>');
    expect(xml).toContain('<cbc:ID>G</cbc:ID>');
    const v = await w.b.call<{ ok: boolean }>('audit.verify');
    expect(v.ok).toBe(true);
    w.b.close();
  });

  it('KOR: category E with the art. 25 exemption text, not O', async () => {
    const b = await makeInvoiceBooks({ vat: 'kor' });
    const c = await customer(b);
    const d = await b.call<SaveDraftResult>('invoices.saveDraft', salesDraft(c.id));
    await b.call('invoices.finalise', { id: d.id });
    const out = path.join(b.dir, 'kor.xml');
    await b.call('invoices.ubl', { id: d.id, path: out });
    const xml = fs.readFileSync(out, 'utf8');
    expect(xmllintValidate(xml, INVOICE_XSD).ok).toBe(true);
    expect(xml).toMatch(/<cac:TaxCategory>\s*<cbc:ID>E<\/cbc:ID>\s*<cbc:Percent>0<\/cbc:Percent>\s*<cbc:TaxExemptionReason>Vrijgesteld van btw: kleineondernemersregeling \(artikel 25 Wet OB 1968\)/);
    expect(xml).not.toContain('<cbc:ID>O</cbc:ID>');
    expect((await getInvoice(b, d.id)).breakdown[0]).toMatchObject({ category: 'E' });
    expect(DEFAULT_VAT_STATEMENTS.kor).toContain('artikel 25');
    b.close();
  });

  it('a contact can be marked for e-invoicing; then its invoices need a reference too', async () => {
    const w = await world();
    const c = await w.b.call<Contact>('contacts.update', { id: w.dutch, einvoice: true });
    expect(c.einvoice).toBe(true);
    const d = await w.b.call<SaveDraftResult>('invoices.saveDraft', salesDraft(w.dutch, { orderReference: null, lines: [{ description: 'Zaalhuur', unitPrice: '75.00', vatRate: '21' }] }));
    expect(d.problems.map((p) => p.code)).toEqual(['EINVOICE_REFERENCE_MISSING']);
    w.b.close();
  });
});

describe('VAT rules through the CLI: exit 1, the file byte-for-byte unchanged', () => {
  beforeAll(assertDistBuilt);

  it('each refused call', async () => {
    const w = await world();
    w.b.close();
    const before = fingerprint(w.b.file);
    for (const c of CASES) {
      const r = await runCli(['call', w.b.file, c.method, JSON.stringify(c.input(w)), '--json']);
      expect(r.status, `${c.name}: ${r.stdout}`).toBe(1);
      const err = cliError(r);
      expect(err.code, c.name).toBe('INVALID_INPUT');
      expect(err.message, c.name).toContain(c.part);
      expectDutch(err.message);
      expect(fingerprint(w.b.file), c.name).toEqual(before);
    }
  });
});
