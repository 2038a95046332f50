import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KassaError } from '../../../shared/errors';
import { detectAttachmentMime } from '../../../shared/rules/attachmentKind';
import { DEFAULT_NUMBER_FORMAT, parseNumberFormat, renderNumber, seriesKey } from '../../../shared/rules/invoiceNumber';
import { ageBucket, ageOf, bucketTotals } from '../../../shared/rules/openItems';

describe('invoice number formats', () => {
  it.each([
    [DEFAULT_NUMBER_FORMAT, 2026, 1, '2026-0001'],
    ['{year}-{seq:4}', 2026, 12345, '2026-12345'],
    ['F{yy}/{seq:3}', 2027, 7, 'F27/007'],
    ['{seq}', 2026, 42, '42'],
    ['VRK.{year}.{seq:6}', 2026, 3, 'VRK.2026.000003'],
    ['{yy}{seq:2}', 2005, 9, '0509'],
  ])('%s in %i, #%i -> %s', (format, year, seq, out) => {
    expect(renderNumber(parseNumberFormat(format), year, seq)).toBe(out);
  });

  it('the series is the format with the year filled in', () => {
    expect(seriesKey(parseNumberFormat('{year}-{seq:4}'), 2026)).toBe('2026-{seq:4}');
    expect(seriesKey(parseNumberFormat('F{yy}/{seq:3}'), 2026)).toBe('F26/{seq:3}');
    expect(seriesKey(parseNumberFormat('{seq:5}'), 2026)).toBe(seriesKey(parseNumberFormat('{seq:5}'), 2027));
  });

  it.each(['', '{year}', '{seq}{seq}', '{year}{year}-{seq}', '{seq:0}', '{year:2}-{seq}', '{month}-{seq}', 'F#{seq}', '{seq', `${'X'.repeat(40)}{seq}`])(
    'refuses %j with a Dutch message on the numberFormat field',
    (format) => {
      let err: unknown;
      try {
        parseNumberFormat(format);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(KassaError);
      expect((err as KassaError).field).toBe('numberFormat');
      expect((err as KassaError).code).toBe('INVALID_INPUT');
    },
  );

  it('numbers within a series are distinct and increase with seq (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('{year}-{seq:4}', 'F{yy}/{seq:3}', '{seq}', 'A{seq:1}B'), fc.integer({ min: 1990, max: 2199 }), fc.integer({ min: 1, max: 10_000_000 }), (f, year, seq) => {
        const p = parseNumberFormat(f);
        const a = renderNumber(p, year, seq);
        const b = renderNumber(p, year, seq + 1);
        expect(a).not.toBe(b);
        expect(a.includes(String(seq))).toBe(true);
      }),
    );
  });
});

describe('open item ageing', () => {
  it.each([
    [0, '0-30'], [30, '0-30'], [31, '31-60'], [60, '31-60'], [61, '61-90'], [90, '61-90'], [91, '90+'], [5000, '90+'],
  ])('%i days -> %s', (days, bucket) => {
    expect(ageBucket(days)).toBe(bucket);
  });

  it('age counts from the invoice date, overdue from the due date', () => {
    expect(ageOf({ issueDate: '2026-01-01', dueDate: '2026-01-31' }, '2026-03-02')).toEqual({ ageDays: 60, daysOverdue: 30, bucket: '31-60' });
    expect(ageOf({ issueDate: '2026-03-01', dueDate: '2026-03-31' }, '2026-03-10')).toEqual({ ageDays: 9, daysOverdue: 0, bucket: '0-30' });
  });

  it('bucket totals list every bucket in order, summed in cents', () => {
    const t = bucketTotals([
      { issueDate: '', dueDate: '', openCents: 1001, bucket: '90+' },
      { issueDate: '', dueDate: '', openCents: 5, bucket: '0-30' },
      { issueDate: '', dueDate: '', openCents: 10, bucket: '90+' },
    ]);
    expect(t.map((b) => [b.bucket, b.count, b.openCents])).toEqual([['0-30', 1, 5], ['31-60', 0, 0], ['61-90', 0, 0], ['90+', 2, 1011]]);
  });
});

describe('attachment type by magic bytes', () => {
  it.each([
    [Buffer.from('%PDF-1.7\n'), 'application/pdf'],
    [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
    [Buffer.from([0xff, 0xd8, 0xff, 0xdb]), 'image/jpeg'],
    [Buffer.from('GIF89a'), null],
    [Buffer.from('MZ\x90'), null],
    [Buffer.from(' %PDF-1.7'), null],
    [Buffer.alloc(0), null],
  ])('%#', (bytes, mime) => {
    expect(detectAttachmentMime(bytes)).toBe(mime);
  });
});
