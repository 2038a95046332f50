import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../electron/books/bank/amount';
import { fromCompact, fromDutch, fromSwift, swiftEntryDate } from '../../../electron/books/bank/dates';

const cents = (raw: string, style: Parameters<typeof parseAmount>[1]): number | string => {
  const r = parseAmount(raw, style);
  return r.ok ? r.cents : r.problem;
};

describe('amounts to integer cents, exactly', () => {
  it('reads comma decimals and thousands separators', () => {
    expect(cents('123,45', 'mt940')).toBe(12345);
    expect(cents('100,', 'mt940')).toBe(10000);
    expect(cents('000000000050,00', 'mt940')).toBe(5000);
    expect(cents('1.234,56', 'nl')).toBe(123456);
    expect(cents('-1.234.567,8', 'nl')).toBe(-123456780);
    expect(cents('+1250,00', 'nl')).toBe(125000);
    expect(cents('12', 'nl')).toBe(1200);
    expect(cents('1,234.56', 'en')).toBe(123456);
    expect(cents('-12.50', 'en')).toBe(-1250);
    expect(cents('4302.21', 'dot')).toBe(430221);
    expect(cents('0.10000', 'dot')).toBe(10);
  });

  it('never goes through a float (values where x * 100 in floating point is off)', () => {
    expect(cents('4.35', 'dot')).toBe(435); // 4.35 * 100 = 434.99999999999994
    expect(cents('1.15', 'dot')).toBe(115); // 1.15 * 100 = 114.99999999999999
    expect(cents('0,29', 'nl')).toBe(29); // 0.29 * 100 = 28.999999999999996
    expect(cents('999999999999,99', 'mt940')).toBe(99_999_999_999_999);
    expect(cents('1000000000000,00', 'mt940')).toBe('too-large');
  });

  it('refuses what is not an amount', () => {
    expect(cents('abc', 'nl')).toBe('format');
    expect(cents('12.5', 'mt940')).toBe('format');
    expect(cents('1,2,3', 'nl')).toBe('format');
    expect(cents('1.23', 'nl')).toBe('format'); // a Dutch "1.23" is neither 1,23 nor 1.230
    expect(cents('--5', 'en')).toBe('format');
    expect(cents('', 'dot')).toBe('format');
    expect(cents('-5.00', 'dot')).toBe('format');
    expect(cents('1.005', 'dot')).toBe('precision');
    expect(cents('99999999999999999', 'dot')).toBe('too-large');
  });

  it('property: printing cents and reading them back gives the same cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), (c) => {
        const abs = Math.abs(c);
        const euros = String(Math.floor(abs / 100));
        const frac = String(abs % 100).padStart(2, '0');
        const grouped = euros.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        const sign = c < 0 ? '-' : '';
        expect(cents(`${sign}${grouped},${frac}`, 'nl')).toBe(c);
        expect(cents(`${sign}${euros}.${frac}`, 'en')).toBe(c);
        expect(cents(`${euros},${frac}`, 'mt940')).toBe(abs);
        expect(cents(`${euros}.${frac}`, 'dot')).toBe(abs);
      }),
      { numRuns: 300 },
    );
  });
});

describe('dates', () => {
  it('reads bank notations and checks the calendar', () => {
    expect(fromCompact('20260131')).toBe('2026-01-31');
    expect(fromCompact('20260230')).toBeNull();
    expect(fromDutch('29-02-2028')).toBe('2028-02-29');
    expect(fromDutch('29-02-2026')).toBeNull();
    expect(fromSwift('260105')).toBe('2026-01-05');
    expect(fromSwift('991231')).toBe('1999-12-31');
    expect(swiftEntryDate('2025-12-31', '0102')).toBe('2026-01-02');
    expect(swiftEntryDate('2026-01-01', '1231')).toBe('2025-12-31');
  });
});
