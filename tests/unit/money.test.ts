import { describe, expect, it } from 'vitest';
import { KassaError } from '../../shared/errors';
import { centsToString, formatAmountNl, formatEuro, parseAmount, parseDutchAmount, sumAmounts } from '../../shared/money';

/** Intl may put a no-break space (U+00A0) or a narrow one (U+202F) after the euro sign. */
const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

function amountError(fn: () => unknown): KassaError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KassaError);
    return e as KassaError;
  }
  throw new Error('expected INVALID_AMOUNT, but it parsed');
}

describe('parseAmount (API decimal strings -> integer cents)', () => {
  it.each([
    ['0.01', 1],
    ['1', 100],
    ['1.5', 150],
    ['12.50', 1250],
    ['1234.56', 123456],
    ['0.10', 10],
    ['10000000.00', 1_000_000_000],
    // the largest the API accepts (issue 17): € 999.999.999,99 on one line
    ['999999999.99', 99_999_999_999],
    [' 12.50 ', 1250],
  ])('%j -> %d cents', (input, expected) => {
    const c = parseAmount(input);
    expect(c).toBe(expected);
    expect(Number.isInteger(c)).toBe(true);
  });

  it('never goes through floats: 0.29 and 1.13 are exact (0.29 * 100 = 28.999… in floats)', () => {
    expect(parseAmount('0.29')).toBe(29);
    expect(parseAmount('1.13')).toBe(113);
    expect(parseAmount('4.35')).toBe(435);
  });

  it.each([
    ['12.345', /meer dan 2 cijfers/],
    ['0.001', /meer dan 2 cijfers/],
    ['1,2,3', /geen geldig bedrag/],
    ['12,50', /geen geldig bedrag/],
    ['1.234,56', /geen geldig bedrag/],
    ['abc', /geen geldig bedrag/],
    ['1e3', /geen geldig bedrag/],
    ['01.00', /geen geldig bedrag/],
    ['.50', /geen geldig bedrag/],
    ['12.', /geen geldig bedrag/],
    ['+12', /geen geldig bedrag/],
    ['Infinity', /geen geldig bedrag/],
    ['NaN', /geen geldig bedrag/],
    ['10000000000000.00', /te groot/],
    ['1000000000.00', /te groot/],
    ['', /Vul een bedrag in/],
    ['   ', /Vul een bedrag in/],
    ['-5', /negatief/],
    ['-0.01', /negatief/],
    ['0', /nul/],
    ['0.00', /nul/],
  ])('rejects %j with INVALID_AMOUNT and a Dutch message', (input, message) => {
    const err = amountError(() => parseAmount(input, 'lines.0.debit'));
    expect(err.code).toBe('INVALID_AMOUNT');
    expect(err.field).toBe('lines.0.debit');
    expect(err.message).toMatch(message);
  });

  it.each([[12.5], [12], [0.1], [null], [undefined], [{}], [['12.50']], [12n]])('rejects the non-string %s (no floats, ever)', (input) => {
    const err = amountError(() => parseAmount(input));
    expect(err.code).toBe('INVALID_AMOUNT');
    expect(err.message).toMatch(/als tekst met een punt/);
  });

  it('allows negative and zero only when asked', () => {
    expect(parseAmount('-5', 'x', { allowNegative: true })).toBe(-500);
    expect(parseAmount('-0.05', 'x', { allowNegative: true })).toBe(-5);
    expect(parseAmount('0.00', 'x', { allowZero: true })).toBe(0);
    expect(amountError(() => parseAmount('0', 'x', { allowNegative: true })).code).toBe('INVALID_AMOUNT');
    expect(amountError(() => parseAmount('-1', 'x', { allowZero: true })).code).toBe('INVALID_AMOUNT');
  });
});

describe('centsToString', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [5, '0.05'],
    [-5, '-0.05'],
    [10, '0.10'],
    [100, '1.00'],
    [123456, '1234.56'],
    [-123456, '-1234.56'],
    [999_999_999_999_999, '9999999999999.99'],
  ])('%d -> %j', (c, s) => {
    expect(centsToString(c)).toBe(s);
  });

  it('is exact for bigints beyond Number precision', () => {
    expect(centsToString(12345678901234567890n)).toBe('123456789012345678.90');
    expect(centsToString(-12345678901234567891n)).toBe('-123456789012345678.91');
  });

  it('round-trips with parseAmount', () => {
    for (const s of ['0.01', '0.10', '1.00', '12.34', '1234.56', '999999999.99']) {
      expect(centsToString(parseAmount(s))).toBe(s);
    }
  });
});

describe('formatEuro / formatAmountNl (Dutch display)', () => {
  it.each([
    [123456, '€ 1.234,56'],
    [0, '€ 0,00'],
    [5, '€ 0,05'],
    [100, '€ 1,00'],
    [100_000_000, '€ 1.000.000,00'],
  ])('%d -> %j', (c, s) => {
    expect(norm(formatEuro(c))).toBe(s);
  });

  it('puts a (no-break) space after the euro sign', () => {
    expect(formatEuro(123456)).toMatch(/^€[\s\u00a0\u202f]1\.234,56$/);
  });

  it('shows negatives with a minus and keeps the grouping', () => {
    const s = norm(formatEuro(-123456));
    expect(s).toMatch(/^(€ -1\.234,56|-€ 1\.234,56|€ -1\.234,56)$/);
    expect(s).toContain('1.234,56');
  });

  it('does not lose a cent on sums beyond Number precision', () => {
    expect(norm(formatEuro(123456789012345678n))).toBe('€ 1.234.567.890.123.456,78');
    expect(norm(formatEuro(999_999_999_999_999))).toBe('€ 9.999.999.999.999,99');
  });

  it('formatAmountNl has no euro sign', () => {
    expect(norm(formatAmountNl(123456))).toBe('1.234,56');
    expect(norm(formatAmountNl(7))).toBe('0,07');
  });
});

describe('parseDutchAmount (what a Dutch user types -> API string)', () => {
  it.each([
    ['1.234,56', '1234.56'],
    ['1234,56', '1234.56'],
    ['12', '12.00'],
    ['€ 12,50', '12.50'],
    ['€12,50', '12.50'],
    ['€\u00a012,50', '12.50'],
    ['12.50', '12.50'],
    ['12.5', '12.50'],
    ['12,5', '12.50'],
    ['0,05', '0.05'],
    ['1.000.000', '1000000.00'],
    ['1.000.000,00', '1000000.00'],
    ['1.234', '1234.00'],
    [' 12,50 ', '12.50'],
    ['-12,50', '-12.50'],
    ['-0,00', '0.00'],
    ['0', '0.00'],
    ['007,5', '7.50'],
    ['99.999.999.999,99', '99999999999.99'],
  ])('%j -> %j', (input, expected) => {
    expect(parseDutchAmount(input)).toBe(expected);
  });

  it.each([['1,2,3'], ['abc'], ['1.2.3,4'], [''], ['   '], ['€'], ['12,345'], ['1.23.456'], ['12.50,00'], ['1,234.56'], ['12a'], ['--5'], ['1 234,56x']])(
    'rejects %j',
    (input) => {
      expect(parseDutchAmount(input)).toBeNull();
    },
  );

  it('its output is always a valid API amount', () => {
    for (const s of ['1.234,56', '12', '€ 12,50', '12.5', '1.000.000']) {
      const api = parseDutchAmount(s)!;
      expect(() => parseAmount(api)).not.toThrow();
    }
  });
});

describe('sumAmounts', () => {
  it('adds decimal strings exactly', () => {
    expect(sumAmounts(['0.10', '0.20'])).toBe('0.30');
    expect(sumAmounts(['9999999999999.99', '0.01'])).toBe('10000000000000.00');
    expect(sumAmounts(['-5.00', '2.50'])).toBe('-2.50');
    expect(sumAmounts([])).toBe('0.00');
  });
});
