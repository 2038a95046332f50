import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { KassaError } from '../../../shared/errors';
import type { BuyerParty, InvoiceData, SellerParty } from '../../../shared/rules/invoiceModel';
import { DEFAULT_VAT_STATEMENTS } from '../../../shared/rules/invoiceText';
import { invoiceToUbl, PEPPOL_CUSTOMIZATION_ID, PEPPOL_PROFILE_ID } from '../../../electron/books/invoices/ubl';
import {
  buyerCompany,
  buyerMunicipality,
  creditLiable,
  invoiceLiable,
  invoiceNone,
  sellerExempt,
  sellerKor,
  sellerLiable,
  sellerNone,
} from '../../fixtures/invoices/samples';
import { all, at, attr, CREDIT_NOTE_XSD, INVOICE_XSD, parseUbl, text, xmllintValidate } from './helpers';

interface Case {
  name: string;
  invoice: InvoiceData;
  seller: SellerParty;
  buyer: BuyerParty;
}

const cases: Case[] = [
  { name: 'not a VAT entrepreneur, to a municipality (OIN)', invoice: invoiceNone, seller: sellerNone, buyer: buyerMunicipality },
  { name: 'VAT-liable with 21/9/0/exempt lines, to a company', invoice: invoiceLiable, seller: sellerLiable, buyer: buyerCompany },
  { name: 'credit note of a VAT-liable foundation', invoice: creditLiable, seller: sellerLiable, buyer: buyerCompany },
  { name: 'exempt administration', invoice: { ...invoiceNone, number: '2025-0010' }, seller: sellerExempt, buyer: buyerMunicipality },
  { name: 'small-business scheme (KOR)', invoice: { ...invoiceNone, number: '2025-0011' }, seller: sellerKor, buyer: buyerCompany },
];

function docOf(c: Case): { xml: string; root: Record<string, unknown>; credit: boolean } {
  const xml = invoiceToUbl(c.invoice, c.seller, c.buyer);
  const parsed = parseUbl(xml);
  const credit = c.invoice.credit === true;
  const root = parsed[credit ? 'CreditNote' : 'Invoice'] as Record<string, unknown>;
  expect(root, 'root element').toBeTruthy();
  return { xml, root, credit };
}

const amount = (v: unknown): Decimal => new Decimal(text(v) ?? 'NaN');

describe('invoiceToUbl: XSD validation (xmllint, OASIS UBL 2.1)', () => {
  it.each(cases)('$name validates', (c) => {
    const { xml, credit } = docOf(c);
    const r = xmllintValidate(xml, credit ? CREDIT_NOTE_XSD : INVOICE_XSD);
    expect(r.output).toContain('validates');
    expect(r.ok).toBe(true);
  });

  it('the validator really checks element order (a swapped document fails)', () => {
    const xml = invoiceToUbl(invoiceNone, sellerNone, buyerMunicipality);
    const swapped = xml.replace(/(\s*<cbc:ID>2025-0007<\/cbc:ID>)(\s*<cbc:IssueDate>[^<]*<\/cbc:IssueDate>)/, '$2$1');
    expect(swapped).not.toBe(xml);
    expect(xmllintValidate(swapped, INVOICE_XSD).ok).toBe(false);
  });
});

describe('invoiceToUbl: Peppol BIS Billing 3.0 content', () => {
  it.each(cases)('$name has every element Peppol requires', (c) => {
    const { root, credit } = docOf(c);
    const lineTag = credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine';
    const required = [
      'cbc:CustomizationID',
      'cbc:ProfileID',
      'cbc:ID',
      'cbc:IssueDate',
      credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode',
      'cbc:DocumentCurrencyCode',
      'cac:AccountingSupplierParty/cac:Party/cbc:EndpointID',
      'cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:StreetName',
      'cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:CityName',
      'cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:PostalZone',
      'cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cac:Country/cbc:IdentificationCode',
      'cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName',
      'cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID',
      'cac:AccountingCustomerParty/cac:Party/cbc:EndpointID',
      'cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:StreetName',
      'cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cac:Country/cbc:IdentificationCode',
      'cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName',
      'cac:TaxTotal/cbc:TaxAmount',
      'cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount',
      'cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount',
      'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID',
      'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cac:TaxScheme/cbc:ID',
      'cac:LegalMonetaryTotal/cbc:LineExtensionAmount',
      'cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount',
      'cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount',
      'cac:LegalMonetaryTotal/cbc:PayableAmount',
      `${lineTag}/cbc:ID`,
      `${lineTag}/${credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity'}`,
      `${lineTag}/cbc:LineExtensionAmount`,
      `${lineTag}/cac:Item/cbc:Name`,
      `${lineTag}/cac:Item/cac:ClassifiedTaxCategory/cbc:ID`,
      `${lineTag}/cac:Item/cac:ClassifiedTaxCategory/cac:TaxScheme/cbc:ID`,
      `${lineTag}/cac:Price/cbc:PriceAmount`,
    ];
    for (const path of required) expect(text(at(root, path)), path).toBeTruthy();

    expect(text(at(root, 'cbc:CustomizationID'))).toBe(PEPPOL_CUSTOMIZATION_ID);
    expect(text(at(root, 'cbc:ProfileID'))).toBe(PEPPOL_PROFILE_ID);
    expect(text(at(root, 'cbc:ID'))).toBe(c.invoice.number);
    expect(text(at(root, 'cbc:IssueDate'))).toBe(c.invoice.issueDate);
    expect(text(at(root, 'cbc:DocumentCurrencyCode'))).toBe('EUR');
    expect(text(at(root, credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode'))).toBe(credit ? '381' : '380');
    // PEPPOL-EN16931-R003: buyer reference or purchase order reference
    expect(text(at(root, 'cbc:BuyerReference')) ?? text(at(root, 'cac:OrderReference/cbc:ID'))).toBeTruthy();
    // PEPPOL-EN16931-R002: at most one note
    expect(all(root, 'cbc:Note').length).toBeLessThanOrEqual(1);

    const sellerEndpoint = at(root, 'cac:AccountingSupplierParty/cac:Party/cbc:EndpointID');
    expect(attr(sellerEndpoint, 'schemeID')).toBe('0106');
    expect(text(sellerEndpoint)).toBe(c.seller.kvk);
    expect(attr(at(root, 'cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID'), 'schemeID')).toBe('0106');
    const buyerEndpoint = at(root, 'cac:AccountingCustomerParty/cac:Party/cbc:EndpointID');
    if (c.buyer.oin) {
      expect(attr(buyerEndpoint, 'schemeID')).toBe('0190');
      expect(text(buyerEndpoint)).toBe(c.buyer.oin);
    } else {
      expect(attr(buyerEndpoint, 'schemeID')).toBe('0106');
      expect(text(buyerEndpoint)).toBe(c.buyer.kvk);
    }
    for (const q of all(root, `${lineTag}/${credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity'}`)) expect(attr(q, 'unitCode')).toBe('C62');
    for (const a of all(root, 'cac:LegalMonetaryTotal/cbc:PayableAmount')) expect(attr(a, 'currencyID')).toBe('EUR');

    if (credit) {
      expect(text(at(root, 'cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID'))).toBe(c.invoice.originalInvoiceNumber);
      expect(at(root, 'cac:PaymentMeans')).toBeUndefined();
    } else {
      expect(text(at(root, 'cbc:DueDate'))).toBeTruthy();
      expect(text(at(root, 'cac:PaymentMeans/cbc:PaymentMeansCode'))).toBe('58');
      expect(text(at(root, 'cac:PaymentMeans/cbc:PaymentID'))).toBe(c.invoice.number);
      expect(text(at(root, 'cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID'))).toBe(c.seller.iban);
      expect(text(at(root, 'cac:PaymentTerms/cbc:Note'))).toContain('Betalen binnen');
    }
    if (c.invoice.supplyDate) expect(text(at(root, 'cac:Delivery/cbc:ActualDeliveryDate'))).toBe(c.invoice.supplyDate);
  });

  it.each(cases)('$name: totals add up', (c) => {
    const { root, credit } = docOf(c);
    const lineTag = credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine';
    const lineSum = all(root, `${lineTag}/cbc:LineExtensionAmount`).reduce((s: Decimal, v) => s.plus(amount(v)), new Decimal(0));
    const lmt = 'cac:LegalMonetaryTotal';
    const lineExt = amount(at(root, `${lmt}/cbc:LineExtensionAmount`));
    const taxTotal = amount(at(root, 'cac:TaxTotal/cbc:TaxAmount'));
    expect(lineSum.equals(lineExt)).toBe(true);
    expect(amount(at(root, `${lmt}/cbc:TaxExclusiveAmount`)).equals(lineExt)).toBe(true);
    expect(lineExt.plus(taxTotal).equals(amount(at(root, `${lmt}/cbc:TaxInclusiveAmount`)))).toBe(true);
    expect(amount(at(root, `${lmt}/cbc:PayableAmount`)).equals(amount(at(root, `${lmt}/cbc:TaxInclusiveAmount`)))).toBe(true);
    const subtotals = all(root, 'cac:TaxTotal/cac:TaxSubtotal') as Record<string, unknown>[];
    expect(subtotals.reduce((s, st) => s.plus(amount(st['cbc:TaxableAmount'])), new Decimal(0)).equals(lineExt)).toBe(true);
    expect(subtotals.reduce((s, st) => s.plus(amount(st['cbc:TaxAmount'])), new Decimal(0)).equals(taxTotal)).toBe(true);
    // Each line: quantity × price, rounded to the cent (BR-LIN-04 style); a credit note is positive.
    for (const l of all(root, lineTag) as Record<string, unknown>[]) {
      const q = amount(l[credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity']);
      const p = amount(at(l, 'cac:Price/cbc:PriceAmount'));
      expect(q.times(p).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).equals(amount(l['cbc:LineExtensionAmount']))).toBe(true);
      expect(q.isPositive()).toBe(true);
    }
    // Every amount has at most two decimals (BR-DEC).
    expect(/currencyID="EUR">-?\d+\.\d{3,}</.test(invoiceToUbl(c.invoice, c.seller, c.buyer))).toBe(false);
  });

  it('VAT-liable: S/Z/E categories with rates, VAT number of the seller, exemption reason for E', () => {
    const { root } = docOf(cases[1] as Case);
    const subs = all(root, 'cac:TaxTotal/cac:TaxSubtotal') as Record<string, unknown>[];
    const byCat = subs.map((s) => [text(at(s, 'cac:TaxCategory/cbc:ID')), text(at(s, 'cac:TaxCategory/cbc:Percent')), text(s['cbc:TaxableAmount']), text(s['cbc:TaxAmount'])]);
    expect(byCat).toEqual([
      ['S', '21', '250.00', '52.50'],
      ['S', '9', '78.00', '7.02'],
      ['Z', '0', '29.85', '0.00'],
      ['E', '0', '62.50', '0.00'],
    ]);
    expect(text(at(subs[3], 'cac:TaxCategory/cbc:TaxExemptionReason'))).toBe(DEFAULT_VAT_STATEMENTS.exempt);
    expect(at(subs[0], 'cac:TaxCategory/cbc:TaxExemptionReason')).toBeUndefined();
    const sellerTax = at(root, 'cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme');
    expect(text(at(sellerTax, 'cbc:CompanyID'))).toBe('NL123456782B01');
    expect(text(at(sellerTax, 'cac:TaxScheme/cbc:ID'))).toBe('VAT');
    expect(text(at(root, 'cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID'))).toBe('NL820646660B01');
    expect(text(at(root, 'cac:LegalMonetaryTotal/cbc:PayableAmount'))).toBe('479.87');
    expect(text(at(root, 'cbc:BuyerReference'))).toBe('Project Groene Straat');
    expect(text(at(root, 'cac:OrderReference/cbc:ID'))).toBe('PO-88231');
  });

  it.each([
    ['none', sellerNone, DEFAULT_VAT_STATEMENTS.none],
  ] as const)('status %s: category O without rate, with the statement, and no VAT identifiers (BR-O-02)', (_s, seller, statement) => {
    const xml = invoiceToUbl({ ...invoiceNone }, seller, buyerCompany);
    const root = parseUbl(xml).Invoice as Record<string, unknown>;
    const sub = at(root, 'cac:TaxTotal/cac:TaxSubtotal');
    expect(text(at(sub, 'cac:TaxCategory/cbc:ID'))).toBe('O');
    expect(at(sub, 'cac:TaxCategory/cbc:Percent')).toBeUndefined();
    expect(text(at(sub, 'cac:TaxCategory/cbc:TaxExemptionReason'))).toBe(statement);
    expect(text(at(root, 'cac:TaxTotal/cbc:TaxAmount'))).toBe('0.00');
    expect(all(root, 'cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cbc:ID').map(text)).toEqual(['O', 'O']);
    expect(all(root, 'cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cbc:Percent')).toEqual([]);
    expect(xml).not.toContain('PartyTaxScheme');
    expect(text(all(root, 'cbc:Note')[0])).toBe(statement);
  });

  it('exempt administration: category E with the art. 11 text; the RSIN stands in as tax registration when no VAT number', () => {
    const root = parseUbl(invoiceToUbl(invoiceNone, sellerExempt, buyerMunicipality)).Invoice as Record<string, unknown>;
    const sub = at(root, 'cac:TaxTotal/cac:TaxSubtotal');
    expect(text(at(sub, 'cac:TaxCategory/cbc:ID'))).toBe('E');
    expect(text(at(sub, 'cac:TaxCategory/cbc:Percent'))).toBe('0');
    expect(text(at(sub, 'cac:TaxCategory/cbc:TaxExemptionReason'))).toBe(DEFAULT_VAT_STATEMENTS.exempt);
    const tax = at(root, 'cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme');
    expect(text(at(tax, 'cbc:CompanyID'))).toBe(sellerExempt.rsin);
    expect(text(at(tax, 'cac:TaxScheme/cbc:ID'))).toBe('TAX');
    const withVat = parseUbl(invoiceToUbl(invoiceNone, { ...sellerExempt, vatNumber: 'NL123456782B01' }, buyerMunicipality)).Invoice;
    expect(text(at(withVat, 'cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cbc:ID'))).toBe('VAT');
  });

  it('credit note: positive amounts, reference to the original invoice', () => {
    const root = parseUbl(invoiceToUbl(creditLiable, sellerLiable, buyerCompany)).CreditNote as Record<string, unknown>;
    expect(text(at(root, 'cac:LegalMonetaryTotal/cbc:PayableAmount'))).toBe('193.76');
    expect(text(at(root, 'cac:BillingReference/cac:InvoiceDocumentReference/cbc:IssueDate'))).toBe('2025-03-15');
    expect(all(root, 'cac:CreditNoteLine/cbc:CreditedQuantity').map(text)).toEqual(['1', '6']);
    expect(at(root, 'cbc:DueDate')).toBeUndefined();
  });

  it('escapes XML special characters and still validates', () => {
    const seller = { ...sellerNone, name: 'Stichting <Samen> & "Sterk" \'t Dorp' };
    const invoice = {
      ...invoiceNone,
      note: 'Controleteken \u0001 en \u000b horen niet in XML',
      lines: [{ description: 'Koffie & thee <los>\nTweede regel', quantity: '1', unitPriceCents: 100, vatRate: 'none' as const }],
    };
    const xml = invoiceToUbl(invoice, seller, buyerMunicipality);
    expect(xml).toContain('Stichting &lt;Samen&gt; &amp; &quot;Sterk&quot; &apos;t Dorp');
    expect(xmllintValidate(xml, INVOICE_XSD).ok).toBe(true);
    const root = parseUbl(xml).Invoice;
    expect(text(at(root, 'cac:AccountingSupplierParty/cac:Party/cac:PartyName/cbc:Name'))).toBe(seller.name);
    expect(text(at(root, 'cac:InvoiceLine/cac:Item/cbc:Name'))).toBe('Koffie & thee <los>');
    expect(text(at(root, 'cac:InvoiceLine/cac:Item/cbc:Description'))).toBe('Koffie & thee <los>\nTweede regel');
    expect(text(at(root, 'cbc:Note'))).toContain('Controleteken  en  horen niet in XML');
  });

  it('refuses an e-invoice without buyer endpoint or reference, and an incomplete invoice', () => {
    const tryUbl = (invoice: InvoiceData, seller: SellerParty, buyer: BuyerParty): KassaError => {
      try {
        invoiceToUbl(invoice, seller, buyer);
      } catch (e) {
        expect(e).toBeInstanceOf(KassaError);
        return e as KassaError;
      }
      throw new Error('expected a KassaError');
    };
    const noRef = tryUbl({ ...invoiceNone, orderReference: null }, sellerNone, buyerMunicipality);
    expect(noRef.code).toBe('INVALID_INPUT');
    expect(noRef.message).toContain('inkoopordernummer');
    const noEndpoint = tryUbl(invoiceNone, sellerNone, { ...buyerCompany, kvk: null });
    expect(noEndpoint.message).toContain('OIN');
    const noKvk = tryUbl(invoiceNone, { ...sellerNone, kvk: '' }, buyerMunicipality);
    expect(noKvk.field).toBe('seller.kvk');
    const wrongRate = tryUbl({ ...invoiceNone, lines: [{ description: 'X', quantity: '1', unitPriceCents: 1, vatRate: '21' }] }, sellerNone, buyerMunicipality);
    expect(wrongRate.message).toContain('Regel 1');
  });
});
