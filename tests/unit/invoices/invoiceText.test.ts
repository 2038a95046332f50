import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, dueDateOf, formatDateNl, isIsoDate } from '../../../shared/rules/invoiceDates';
import type { InvoiceDocument } from '../../../shared/rules/invoiceModel';
import {
  creditNoteReference,
  DEFAULT_VAT_STATEMENTS,
  exemptionStatement,
  isValidDutchVatNumber,
  paymentInstruction,
  requiredFieldsCheck,
  vatStatement,
} from '../../../shared/rules/invoiceText';
import { buyerCompany, creditLiable, invoiceLiable, invoiceNone, sellerLiable, sellerNone } from '../../fixtures/invoices/samples';

describe('VAT statements', () => {
  it('has the defaults of DESIGN.md section 7', () => {
    expect(vatStatement('none')).toBe('Over dit bedrag is geen btw verschuldigd.');
    expect(vatStatement('exempt')).toBe('Vrijgesteld van btw op grond van artikel 11 Wet OB 1968.');
    expect(vatStatement('kor')).toBe('Vrijgesteld van btw: kleineondernemersregeling (artikel 25 Wet OB 1968).');
    expect(vatStatement('liable')).toBeNull();
  });

  it('a setting overrides the default; an empty setting does not', () => {
    expect(vatStatement('kor', { kor: 'Geen btw: KOR.' })).toBe('Geen btw: KOR.');
    expect(vatStatement('kor', { kor: '   ' })).toBe(DEFAULT_VAT_STATEMENTS.kor);
    expect(vatStatement('none', { kor: 'x' })).toBe(DEFAULT_VAT_STATEMENTS.none);
    expect(exemptionStatement('liable', { exempt: 'Vrijgesteld (art. 11 lid 1 sub f).' })).toBe('Vrijgesteld (art. 11 lid 1 sub f).');
    expect(exemptionStatement('liable')).toBe(DEFAULT_VAT_STATEMENTS.exempt);
  });
});

describe('requiredFieldsCheck', () => {
  const complete: InvoiceDocument = { invoice: invoiceLiable, seller: sellerLiable, buyer: buyerCompany };

  it('finds nothing on a complete invoice or credit note', () => {
    expect(requiredFieldsCheck(complete)).toEqual([]);
    expect(requiredFieldsCheck({ ...complete, invoice: creditLiable })).toEqual([]);
    expect(requiredFieldsCheck({ invoice: invoiceNone, seller: sellerNone, buyer: buyerCompany })).toEqual([]);
  });

  it('lists every missing legal field with a Dutch message', () => {
    const problems = requiredFieldsCheck({
      invoice: {
        number: ' ',
        issueDate: '',
        supplyDate: '2025-02-30',
        credit: true,
        lines: [{ description: '', quantity: '', unitPriceCents: 100, vatRate: '21' }],
      },
      seller: { ...sellerLiable, name: '', kvk: '', vatNumber: null, address: { street: 'Dorpsstraat 1', postalCode: '', city: 'Utrecht' } },
      buyer: { name: '', address: { street: '', postalCode: '', city: '' } },
    });
    const fields = problems.map((p) => p.field);
    expect(fields).toEqual([
      'seller.name',
      'seller.address',
      'seller.kvk',
      'seller.vatNumber',
      'buyer.name',
      'buyer.address',
      'invoice.number',
      'invoice.issueDate',
      'invoice.supplyDate',
      'invoice.lines.0.description',
      'invoice.lines.0.quantity',
      'invoice.originalInvoiceNumber',
    ]);
    const msg = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    expect(msg['seller.kvk']).toContain('KvK-nummer');
    expect(msg['seller.vatNumber']).toContain('btw-nummer');
    expect(msg['invoice.originalInvoiceNumber']).toContain('creditfactuur');
    expect(msg['invoice.lines.0.description']).toBe('Regel 1: de omschrijving ontbreekt.');
  });

  it('checks the form of KvK and VAT number, and a due date before the invoice date', () => {
    const problems = requiredFieldsCheck({
      ...complete,
      invoice: { ...invoiceLiable, dueDate: '2025-01-01' },
      seller: { ...sellerLiable, kvk: '1234567', vatNumber: 'NL12345' },
    });
    expect(problems.map((p) => p.field)).toEqual(['seller.kvk', 'seller.vatNumber', 'invoice.dueDate']);
  });

  it('does not ask a non-liable foundation for a VAT number', () => {
    expect(requiredFieldsCheck({ invoice: invoiceNone, seller: { ...sellerNone, vatNumber: null }, buyer: buyerCompany })).toEqual([]);
  });

  it('accepts Dutch VAT numbers with spaces or dots', () => {
    expect(isValidDutchVatNumber('NL123456782B01')).toBe(true);
    expect(isValidDutchVatNumber('nl 1234.56.782 b01')).toBe(true);
    expect(isValidDutchVatNumber('001234567B01')).toBe(false);
  });
});

describe('texts and dates', () => {
  it('builds the payment instruction', () => {
    expect(
      paymentInstruction({ amountCents: 123456, dueDate: '2025-04-13', iban: 'NL91ABNA0417164300', payee: 'Stichting De Eik', invoiceNumbers: ['2025-0007'] }).replace(/\u00a0/g, ' '),
    ).toBe('Betaal € 1.234,56 vóór 13-04-2025 op IBAN NL91 ABNA 0417 1643 00 t.n.v. Stichting De Eik o.v.v. factuurnummer 2025-0007.');
    expect(creditNoteReference('2025-0008', '2025-03-15')).toBe('Creditfactuur bij factuur 2025-0008 van 15-03-2025.');
  });

  it('computes dates in dd-mm-jjjj and the default due date', () => {
    expect(formatDateNl('2025-03-01')).toBe('01-03-2025');
    expect(addDays('2025-01-31', 30)).toBe('2025-03-02');
    expect(addDays('2024-03-30', 1)).toBe('2024-03-31'); // across the DST change
    expect(daysBetween('2025-03-14', '2025-05-20')).toBe(67);
    expect(dueDateOf({ issueDate: '2025-03-14' })).toBe('2025-04-13');
    expect(dueDateOf({ issueDate: '2025-03-14', dueDate: '2025-03-28' })).toBe('2025-03-28');
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
  });
});
