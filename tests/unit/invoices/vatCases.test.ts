/**
 * Issue 16: every VAT case of a sales invoice in the UBL (S 21, S 9, Z, E, K, G, O), valid against
 * the OASIS UBL 2.1 XSD with xmllint, with the category, rate and exemption reason EN 16931 wants;
 * the 0 % reasons and their legal texts; discount lines; the Dutch VAT number checks; the
 * readiness rule.
 */
import { describe, expect, it } from 'vitest';
import { invoiceToUbl } from '../../../electron/books/invoices/ubl';
import { KassaError } from '../../../shared/errors';
import type { BuyerParty, InvoiceData, InvoiceLineInput, SellerParty } from '../../../shared/rules/invoiceModel';
import { invoiceReadiness } from '../../../shared/rules/invoiceReadiness';
import { DEFAULT_VAT_STATEMENTS } from '../../../shared/rules/invoiceText';
import { checkZeroRateReasons, ZERO_RATE_TEXT } from '../../../shared/rules/invoiceVat';
import { isValidDutchVatNumber, isValidEuVatNumber } from '../../../shared/validation/vatNumber';
import { buyerCompany, buyerMunicipality, invoiceNone, sellerExempt, sellerKor, sellerLiable, sellerNone } from '../../fixtures/invoices/samples';
import { all, at, INVOICE_XSD, parseUbl, text, xmllintValidate } from './helpers';

const buyerGerman: BuyerParty = {
  name: 'Nachbarschaftsverein Aachen e.V.',
  address: { street: 'Marktplatz 3', postalCode: '52062', city: 'Aachen', countryCode: 'DE' },
  vatNumber: 'DE123456789',
  // The e-invoice endpoint: only OIN and KvK schemes are written today (a foreign buyer's Peppol
  // scheme is a known gap), so the test buyer carries a KvK-shaped id.
  kvk: '87654321',
};
const buyerNorway: BuyerParty = { name: 'Nabolaget Oslo', address: { street: 'Storgata 1', postalCode: '0155', city: 'Oslo', countryCode: 'NO' }, kvk: '87654321' };

const line = (vatRate: InvoiceLineInput['vatRate'], vatReason: InvoiceLineInput['vatReason'] = null, quantity = '1', unitPriceCents = 10000): InvoiceLineInput => ({
  description: `Regel ${vatRate} ${vatReason ?? ''}`.trim(), quantity, unitPriceCents, vatRate, vatReason,
});
const inv = (lines: InvoiceLineInput[]): InvoiceData => ({ number: '2026-0100', issueDate: '2026-03-01', orderReference: 'PO-1', lines });

interface Case { name: string; category: string; percent: string | null; reason: string | null; invoice: InvoiceData; seller: SellerParty; buyer: BuyerParty }
const cases: Case[] = [
  { name: 'S 21 %', category: 'S', percent: '21', reason: null, invoice: inv([line('21')]), seller: sellerLiable, buyer: buyerCompany },
  { name: 'S 9 %', category: 'S', percent: '9', reason: null, invoice: inv([line('9')]), seller: sellerLiable, buyer: buyerCompany },
  { name: 'Z (other 0 % of tabel II)', category: 'Z', percent: '0', reason: null, invoice: inv([line('0', 'zeroRated')]), seller: sellerLiable, buyer: buyerCompany },
  { name: 'E (exempt, art. 11)', category: 'E', percent: '0', reason: DEFAULT_VAT_STATEMENTS.exempt, invoice: inv([line('exempt')]), seller: sellerLiable, buyer: buyerCompany },
  { name: 'E (KOR, art. 25)', category: 'E', percent: '0', reason: DEFAULT_VAT_STATEMENTS.kor, invoice: inv([line('none')]), seller: sellerKor, buyer: buyerMunicipality },
  { name: 'K (intra-community supply)', category: 'K', percent: '0', reason: ZERO_RATE_TEXT.intraCommunity, invoice: inv([line('0', 'intraCommunity')]), seller: sellerLiable, buyer: buyerGerman },
  { name: 'G (export outside the EU)', category: 'G', percent: '0', reason: ZERO_RATE_TEXT.export, invoice: inv([line('0', 'export')]), seller: sellerLiable, buyer: buyerNorway },
  { name: 'O (no VAT entrepreneur)', category: 'O', percent: null, reason: DEFAULT_VAT_STATEMENTS.none, invoice: inv([line('none')]), seller: sellerNone, buyer: buyerCompany },
];

describe('UBL of every VAT case', () => {
  it.each(cases)('$name: valid UBL 2.1, category $category with its rate and exemption reason', (c) => {
    const xml = invoiceToUbl(c.invoice, c.seller, c.buyer);
    const r = xmllintValidate(xml, INVOICE_XSD);
    expect(r.output).toContain('validates');
    expect(r.ok).toBe(true);
    const root = parseUbl(xml).Invoice as Record<string, unknown>;
    const cat = at(root, 'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory');
    expect(text(at(cat, 'cbc:ID'))).toBe(c.category);
    expect(text(at(cat, 'cbc:Percent')) ?? null).toBe(c.percent);
    expect(text(at(cat, 'cbc:TaxExemptionReason')) ?? null).toBe(c.reason);
    expect(all(root, 'cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cbc:ID').map(text)).toEqual([c.category]);
    if (c.reason) expect(text(all(root, 'cbc:Note')[0])).toContain(c.reason);
  });

  it('K names the buyer VAT number, the delivery date and the country delivered to (BR-IC-02, -11, -12)', () => {
    const root = parseUbl(invoiceToUbl(inv([line('0', 'intraCommunity')]), sellerLiable, buyerGerman)).Invoice as Record<string, unknown>;
    expect(text(at(root, 'cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID'))).toBe('DE123456789');
    expect(text(at(root, 'cac:Delivery/cbc:ActualDeliveryDate'))).toBe('2026-03-01');
    expect(text(at(root, 'cac:Delivery/cac:DeliveryLocation/cac:Address/cac:Country/cbc:IdentificationCode'))).toBe('DE');
    expect(ZERO_RATE_TEXT.intraCommunity).toMatch(/^Intracommunautaire levering.*btw verlegd/);
  });

  it('a discount line: negative quantity and line amount, positive price; valid UBL', () => {
    const xml = invoiceToUbl(inv([line('21', null, '2', 5000), { ...line('21', null, '-1', 1500), description: 'Korting vaste klant' }]), sellerLiable, buyerCompany);
    expect(xmllintValidate(xml, INVOICE_XSD).ok).toBe(true);
    const root = parseUbl(xml).Invoice as Record<string, unknown>;
    const lines = all(root, 'cac:InvoiceLine');
    expect(text(at(lines[1], 'cbc:InvoicedQuantity'))).toBe('-1');
    expect(text(at(lines[1], 'cbc:LineExtensionAmount'))).toBe('-15.00');
    expect(text(at(lines[1], 'cac:Price/cbc:PriceAmount'))).toBe('15.00');
    expect(text(at(root, 'cac:LegalMonetaryTotal/cbc:PayableAmount'))).toBe('102.85');
  });
});

describe('0 % needs a reason', () => {
  const expectRefused = (f: () => void, part: string, field: string): void => {
    try { f(); } catch (e) {
      expect(e).toBeInstanceOf(KassaError);
      expect((e as KassaError).message).toContain(part);
      expect((e as KassaError).field).toBe(field);
      return;
    }
    throw new Error('not refused');
  };
  it('refuses 0 % without a reason, and K without a valid foreign EU VAT number of the buyer', () => {
    expectRefused(() => checkZeroRateReasons([line('0')], buyerCompany), 'bij 0% btw hoort een reden', 'lines.0.vatReason');
    expectRefused(() => checkZeroRateReasons([line('0', 'intraCommunity')], { vatNumber: null }), 'btw-nummer van de klant', 'buyer.vatNumber');
    expectRefused(() => checkZeroRateReasons([line('0', 'intraCommunity')], { vatNumber: 'DE12345' }), 'geen geldig btw-nummer', 'buyer.vatNumber');
    expectRefused(() => checkZeroRateReasons([line('0', 'intraCommunity')], { vatNumber: 'NL123456782B01' }), 'Nederlands btw-nummer', 'buyer.vatNumber');
    expect(() => checkZeroRateReasons([line('0', 'intraCommunity'), line('0', 'export')], buyerGerman)).not.toThrow();
    expect(() => invoiceToUbl(inv([line('0', 'intraCommunity')]), sellerLiable, buyerCompany)).toThrow(/Nederlands btw-nummer/);
  });
});

describe('btw-identificatienummer', () => {
  it('Dutch numbers: the mod-97 check (new numbers) or the 11-proof (old numbers)', () => {
    expect(isValidDutchVatNumber('NL000099998B57')).toBe(true); // the Belastingdienst's mod-97 example
    expect(isValidDutchVatNumber('NL123456782B01')).toBe(true); // 11-proof
    expect(isValidDutchVatNumber('nl 1234.56.782 b01')).toBe(true);
    expect(isValidDutchVatNumber('NL000099998B58')).toBe(false);
    expect(isValidDutchVatNumber('NL123456783B01')).toBe(false);
    expect(isValidDutchVatNumber('NL000000000B00')).toBe(false);
    expect(isValidDutchVatNumber('123456782B01')).toBe(false);
  });
  it('other EU numbers: the form of their member state', () => {
    for (const ok of ['DE123456789', 'BE0123456789', 'ATU12345678', 'FR12345678901', 'EL123456789', 'ESX1234567X', 'SE123456789001', 'IE1234567T']) expect(isValidEuVatNumber(ok), ok).toBe(true);
    for (const bad of ['DE12345678', 'BE2123456789', 'AT12345678', 'GR123456789', 'SE123456789012', 'XX123']) expect(isValidEuVatNumber(bad), bad).toBe(false);
  });
});

describe('e-invoice readiness (pure rule)', () => {
  const codes = (doc: Parameters<typeof invoiceReadiness>[0]): string[] => invoiceReadiness(doc).map((p) => p.code);
  it('a customer with an OIN (or marked for e-invoicing) needs a buyer reference or order number', () => {
    const noRef = { ...invoiceNone, orderReference: null, buyerReference: null };
    expect(codes({ invoice: noRef, seller: sellerNone, buyer: buyerMunicipality })).toEqual(['EINVOICE_REFERENCE_MISSING']);
    expect(codes({ invoice: noRef, seller: sellerNone, buyer: { ...buyerCompany, einvoice: true } })).toEqual(['EINVOICE_REFERENCE_MISSING']);
    expect(codes({ invoice: noRef, seller: sellerNone, buyer: buyerCompany })).toEqual([]);
    expect(codes({ invoice: { ...noRef, buyerReference: 'Afdeling Welzijn' }, seller: sellerNone, buyer: buyerMunicipality })).toEqual([]);
  });
  it('missing addresses and KvK: codes, Dutch and English messages, and where each is fixed', () => {
    const problems = invoiceReadiness({
      invoice: invoiceNone,
      seller: { ...sellerExempt, kvk: '', address: { street: '', postalCode: '', city: '' } },
      buyer: { ...buyerMunicipality, address: { street: 'Stadhuisplein 1', postalCode: '', city: '' } },
    });
    expect(problems.map((p) => [p.code, p.fixAt])).toEqual([
      ['SELLER_ADDRESS_INCOMPLETE', 'organisation'], ['SELLER_KVK_MISSING', 'organisation'], ['BUYER_ADDRESS_INCOMPLETE', 'contact'],
    ]);
    for (const p of problems) {
      expect(p.message).toMatch(/[a-z]/);
      expect(p.messageEn).toMatch(/[a-z]/);
      expect(p.messageEn).not.toBe(p.message);
    }
  });
});
