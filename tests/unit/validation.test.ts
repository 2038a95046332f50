import { describe, expect, it } from 'vitest';
import { Amount, AmountOrZero, Iban, IsoDate, Kvk, Rsin, SignedAmount, isRealDate } from '../../shared/api/common';
import { formatDateNl, parseDutchDate } from '../../shared/dates';
import { formatIban, isValidIban, normaliseIban } from '../../shared/validation/iban';
import { isValidKvk, isValidRsin } from '../../shared/validation/kvk';

describe('IBAN (ISO 13616, mod 97)', () => {
  const VALID = 'NL91ABNA0417164300';

  it('accepts the textbook Dutch IBAN, also lower-case and with spaces', () => {
    expect(isValidIban(VALID)).toBe(true);
    expect(isValidIban('nl91 abna 0417 1643 00')).toBe(true);
    expect(isValidIban(' NL91 ABNA 0417 1643 00 ')).toBe(true);
  });

  it('rejects it when any single digit changes (mod 97 catches every one-digit error)', () => {
    for (let i = 2; i < VALID.length; i++) {
      const ch = VALID[i]!;
      if (!/\d/.test(ch)) continue;
      for (let d = 0; d <= 9; d++) {
        if (String(d) === ch) continue;
        const changed = VALID.slice(0, i) + d + VALID.slice(i + 1);
        expect(isValidIban(changed), changed).toBe(false);
      }
    }
  });

  it('rejects swapped neighbouring digits and a changed bank code', () => {
    expect(isValidIban('NL91ABNA0417163400')).toBe(false);
    expect(isValidIban('NL91ABNB0417164300')).toBe(false);
  });

  it('accepts valid foreign IBANs of other lengths', () => {
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(isValidIban('BE68539007547034')).toBe(true);
  });

  it.each([
    [''],
    ['NL'],
    ['NL91ABNA041716430'], // one digit short
    ['NL91ABNA04171643000'], // one digit long
    ['NL91AB1A0417164300'], // digit in the Dutch bank code
    ['1291ABNA0417164300'],
    ['NL9XABNA0417164300'],
    ['NL91-ABNA-0417-1643-00'],
  ])('rejects the malformed %j', (s) => {
    expect(isValidIban(s)).toBe(false);
  });

  it('normalises and formats', () => {
    expect(normaliseIban(' nl91 abna 0417 1643 00')).toBe(VALID);
    expect(formatIban(VALID)).toBe('NL91 ABNA 0417 1643 00');
  });

  it('the API schema normalises a valid IBAN and refuses an invalid one in Dutch', () => {
    expect(Iban.parse('nl91 abna 0417 1643 00')).toBe(VALID);
    const r = Iban.safeParse('NL91ABNA0417164301');
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/IBAN klopt niet/);
  });
});

describe('KvK number (8 digits, no check digit)', () => {
  it.each([['12345678'], ['00000001'], [' 12345678 '], ['90001234']])('accepts %j', (s) => {
    expect(isValidKvk(s)).toBe(true);
  });
  it.each([[''], ['1234567'], ['123456789'], ['1234567a'], ['1234 5678'], ['-1234567'], ['１２３４５６７８']])('rejects %j', (s) => {
    expect(isValidKvk(s)).toBe(false);
  });
  it('the API schema says it in Dutch', () => {
    const r = Kvk.safeParse('1234');
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/8 cijfers/);
    expect(Kvk.parse(' 12345678 ')).toBe('12345678');
  });
});

/** The elfproef written out independently: 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11). */
function elfproef(s: string): boolean {
  if (!/^\d{9}$/.test(s)) return false;
  const d = [...s].map(Number);
  const sum = d.slice(0, 8).reduce((acc, x, i) => acc + (9 - i) * x, 0) - d[8]!;
  return sum % 11 === 0;
}

describe('RSIN (9 digits, elfproef)', () => {
  // Worked out by hand: 123456782: 9+16+21+24+25+24+21+16 = 156, 156 − 2 = 154 = 14·11.
  // 002000003: 7·2 = 14, 14 − 3 = 11. 812345678: 72+8+14+18+20+20+18+14 = 184, 184 − 8 = 176 = 16·11.
  it.each([['123456782'], ['002000003'], ['812345678'], ['111111110'], ['000000012'], [' 123456782 ']])('accepts %j', (s) => {
    expect(isValidRsin(s)).toBe(true);
  });

  it.each([['123456789'], ['123456783'], ['002000000'], ['12345678'], ['1234567890'], ['12345678a'], ['']])('rejects %j', (s) => {
    expect(isValidRsin(s)).toBe(false);
  });

  it('rejects all zeros even though it passes the sum', () => {
    expect(elfproef('000000000')).toBe(true);
    expect(isValidRsin('000000000')).toBe(false);
  });

  it('for each 8-digit prefix exactly one check digit fits, or none when the sum leaves 10', () => {
    // 85512345: 72+40+35+6+10+12+12+10 = 197 ≡ 10 (mod 11): no digit 0–9 can make it work.
    for (let d = 0; d <= 9; d++) expect(isValidRsin(`85512345${d}`)).toBe(false);
    let seed = 7;
    for (let n = 0; n < 2000; n++) {
      seed = (seed * 48271) % 2147483647;
      const prefix = String(seed % 100_000_000).padStart(8, '0');
      const valid = [...Array(10).keys()].filter((d) => isValidRsin(prefix + d));
      const expected = [...Array(10).keys()].filter((d) => elfproef(prefix + d) && prefix + d !== '000000000');
      expect(valid, prefix).toEqual(expected);
      expect(valid.length).toBeLessThanOrEqual(1);
    }
  });

  it('catches every single-digit typo in a valid RSIN', () => {
    const good = '812345678';
    for (let i = 0; i < 9; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === good[i]) continue;
        const typo = good.slice(0, i) + d + good.slice(i + 1);
        expect(isValidRsin(typo), typo).toBe(false);
      }
    }
  });

  it('the API schema says it in Dutch', () => {
    const r = Rsin.safeParse('123456789');
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/elfproef/);
  });
});

describe('dates (shared/dates.ts)', () => {
  it('formatDateNl shows dd-mm-jjjj and leaves other text alone', () => {
    expect(formatDateNl('2026-03-31')).toBe('31-03-2026');
    expect(formatDateNl('2026-01-05')).toBe('05-01-2026');
    expect(formatDateNl('31-03-2026')).toBe('31-03-2026');
    expect(formatDateNl('')).toBe('');
  });

  it.each([
    ['31-12-2026', '2026-12-31'],
    ['31-12-26', '2026-12-31'],
    ['1-2-2026', '2026-02-01'],
    ['1/2/2026', '2026-02-01'],
    ['01.02.2026', '2026-02-01'],
    ['2026-12-31', '2026-12-31'],
    [' 31-12-2026 ', '2026-12-31'],
    ['29-02-2024', '2024-02-29'],
    ['29-02-2000', '2000-02-29'],
  ])('parseDutchDate(%j) -> %j', (input, expected) => {
    expect(parseDutchDate(input)).toBe(expected);
  });

  it.each([['31-02-2026'], ['29-02-2025'], ['29-02-1900'], ['00-01-2026'], ['32-01-2026'], ['12-13-2026'], ['2026-1-5'], ['2026-02-30'], ['abc'], [''], ['31-12-202'], ['31122026']])(
    'parseDutchDate(%j) -> null',
    (input) => {
      expect(parseDutchDate(input)).toBeNull();
    },
  );

  it('parse and format round-trip', () => {
    for (const iso of ['2026-01-01', '2026-12-31', '2024-02-29']) expect(parseDutchDate(formatDateNl(iso))).toBe(iso);
  });

  it('isRealDate / IsoDate accept only real YYYY-MM-DD dates', () => {
    expect(isRealDate('2026-02-28')).toBe(true);
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-04-31')).toBe(false);
    expect(isRealDate('2026-2-1')).toBe(false);
    expect(isRealDate('31-12-2026')).toBe(false);
    expect(IsoDate.safeParse('2026-12-31').success).toBe(true);
    const r = IsoDate.safeParse('2026-13-01');
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/geen geldige datum/);
  });
});

describe('amount schemas (shared/api/common.ts)', () => {
  const issue = (r: { success: boolean; error?: { issues: { message: string; params?: unknown }[] } }) => r.error!.issues[0]!;

  it('Amount: a positive decimal string with at most 2 decimals', () => {
    expect(Amount.safeParse('12.50').success).toBe(true);
    for (const bad of ['12.345', '1,2,3', '', '-5', '0', 'abc']) {
      const r = Amount.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect((issue(r).params as { kassaCode?: string }).kassaCode).toBe('INVALID_AMOUNT');
    }
    const float = Amount.safeParse(12.5);
    expect(float.success).toBe(false);
    expect(issue(float).message).toMatch(/als tekst met een punt/);
  });

  it('AmountOrZero and SignedAmount widen only what they say', () => {
    expect(AmountOrZero.safeParse('0.00').success).toBe(true);
    expect(AmountOrZero.safeParse('-1.00').success).toBe(false);
    expect(SignedAmount.safeParse('-1.00').success).toBe(true);
    expect(SignedAmount.safeParse('0').success).toBe(true);
    expect(SignedAmount.safeParse('-1.001').success).toBe(false);
  });
});
