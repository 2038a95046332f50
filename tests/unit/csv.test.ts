import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseCell, toCsv } from '../../shared/csv';

describe('CSV formula injection', () => {
  it.each([
    ['=HYPERLINK("http://x";"klik")', `'=HYPERLINK("http://x";"klik")`],
    ['+31 6 1234', `'+31 6 1234`],
    ['-teruggave', `'-teruggave`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tverborgen', `'\tverborgen`],
    ['\rregel', `'\rregel`],
    ['- 5', `'- 5`],
    ['-1e3', `'-1e3`],
  ])('%j becomes text', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it.each(['-12.50', '12.50', '0', '-0.01', 'Huur buurthuis', '', "'al tekst"])('%j stays as it is', (input) => {
    expect(neutraliseCell(input)).toBe(input);
  });

  it('leaves numbers, null and bigints alone, and quotes after neutralising', () => {
    expect(neutraliseCell(-5)).toBe('-5');
    expect(neutraliseCell(null)).toBe('');
    expect(neutraliseCell(-12n)).toBe('-12');
    expect(csvCell('=1+2,3')).toBe(`"'=1+2,3"`);
    expect(csvCell('=A1"x')).toBe(`"'=A1""x"`);
    expect(toCsv([['naam', 'bedrag'], ['=cmd', '-1.00']])).toBe("naam,bedrag\n'=cmd,-1.00\n");
  });
});
