import { describe, expect, it } from 'vitest';
import { euro, parseInputAmount, parseInputCents, slug, toCents } from '../../renderer/src/format';

const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('renderer money helpers (no floats)', () => {
  it('turns API amounts into exact cents', () => {
    expect(toCents('1234.56')).toBe(123456n);
    expect(toCents('0.1')).toBe(10n);
    expect(toCents('-0.05')).toBe(-5n);
    expect(toCents('12')).toBe(1200n);
    expect(toCents('90071992547409.93')).toBe(9007199254740993n);
    expect(toCents('1,50')).toBeNull();
    expect(toCents('1.234')).toBeNull();
    expect(toCents(null)).toBeNull();
  });

  it('shows euros the Dutch way', () => {
    expect(plain(euro('1234.56'))).toBe('€ 1.234,56');
    expect(plain(euro('0.10'))).toBe('€ 0,10');
    expect(euro(null)).toBe('');
  });

  it('reads what a Dutch user types', () => {
    expect(parseInputAmount('1.234,56')).toBe('1234.56');
    expect(parseInputCents('€ 12,5')).toBe(1250n);
    expect(parseInputCents('twaalf')).toBeNull();
  });

  it('makes a file name from an organisation name', () => {
    expect(slug('Stichting Één & Ander')).toBe('stichting-een-ander');
    expect(slug('!!!')).toBe('administratie');
  });
});
