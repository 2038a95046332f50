import { describe, expect, it } from 'vitest';
import { KassaError } from '../../../shared/errors';
import { buildEpcPayload, type EpcPaymentInput } from '../../../shared/rules/epcQr';
import { epcQrPng } from '../../../electron/books/invoices/qr';
import { decodeQrPng } from './helpers';

const base: EpcPaymentInput = {
  name: 'Stichting De Eik',
  iban: 'NL91 ABNA 0417 1643 00',
  amountCents: 12345,
  remittance: 'Factuur 2025-0001',
};

function expectInvalid(input: EpcPaymentInput, field: string, part: string): void {
  try {
    buildEpcPayload(input);
  } catch (e) {
    expect(e).toBeInstanceOf(KassaError);
    expect((e as KassaError).code).toBe('INVALID_INPUT');
    expect((e as KassaError).field).toBe(field);
    expect((e as KassaError).message).toContain(part);
    return;
  }
  throw new Error('expected a KassaError');
}

describe('buildEpcPayload', () => {
  it('builds the exact EPC069-12 payload for a known example', () => {
    expect(buildEpcPayload(base)).toBe('BCD\n002\n1\nSCT\n\nStichting De Eik\nNL91ABNA0417164300\nEUR123.45\n\n\nFactuur 2025-0001');
  });

  it('writes the BIC when given and amounts with a dot and two decimals', () => {
    expect(buildEpcPayload({ ...base, bic: 'abna nl2a', amountCents: 1 })).toBe(
      'BCD\n002\n1\nSCT\nABNANL2A\nStichting De Eik\nNL91ABNA0417164300\nEUR0.01\n\n\nFactuur 2025-0001',
    );
    expect(buildEpcPayload({ ...base, amountCents: 99_999_999_999 })).toContain('\nEUR999999999.99\n');
  });

  it('omits trailing empty elements (no remittance: the payload ends at the amount)', () => {
    const p = buildEpcPayload({ ...base, remittance: null });
    expect(p).toBe('BCD\n002\n1\nSCT\n\nStichting De Eik\nNL91ABNA0417164300\nEUR123.45');
    expect(p.endsWith('\n')).toBe(false);
  });

  it('refuses bad input with Dutch messages', () => {
    expectInvalid({ ...base, iban: 'NL91ABNA0417164301' }, 'iban', 'IBAN');
    expectInvalid({ ...base, amountCents: 0 }, 'amountCents', '€ 0,01');
    expectInvalid({ ...base, amountCents: 100_000_000_000 }, 'amountCents', '999.999.999,99');
    expectInvalid({ ...base, amountCents: 10.5 }, 'amountCents', 'bedrag');
    expectInvalid({ ...base, name: 'x'.repeat(71) }, 'name', '70 tekens');
    expectInvalid({ ...base, name: ' ' }, 'name', 'ontbreekt');
    expectInvalid({ ...base, remittance: 'y'.repeat(141) }, 'remittance', '140 tekens');
    expectInvalid({ ...base, remittance: 'a\nb' }, 'remittance', 'regeleinde');
    expectInvalid({ ...base, bic: 'ABN' }, 'bic', 'BIC');
  });

  it('stays within 331 bytes at the maximum lengths, counting UTF-8 bytes', () => {
    const p = buildEpcPayload({ ...base, bic: 'ABNANL2AXXX', name: 'n'.repeat(70), remittance: 'r'.repeat(140), amountCents: 99_999_999_999 });
    expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(331);
    // 70 two-byte letters plus 140 two-byte letters exceed the byte limit even though each field fits.
    expectInvalid({ ...base, name: 'ë'.repeat(70), remittance: 'é'.repeat(140) }, 'remittance', '331 bytes');
  });
});

describe('EPC QR image', () => {
  it('decodes back to the same payload (jsqr + pngjs), Dutch letters included', async () => {
    for (const input of [base, { ...base, name: 'Stichting Buurtwerk Café ’t Hoekje & Zoë', remittance: 'Factuur 2025-0008' }]) {
      const payload = buildEpcPayload(input);
      const png = await epcQrPng(payload);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(decodeQrPng(png)).toBe(payload);
    }
  });
});
