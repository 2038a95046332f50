import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEEP_LAST, KEEP_MONTHS, parseUtc, rotateBackups, type BackupStamp } from '../../shared/rules/backupRotation';

const NOW = new Date('2026-03-15T12:00:00.000Z');

/** n backups, one every `stepHours` hours going back from `from`. */
function series(n: number, from: string, stepHours: number): BackupStamp[] {
  const start = Date.parse(from);
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(start - i * stepHours * 3_600_000).toISOString();
    return { id: `b${i}`, at };
  });
}

describe('backup rotation rule', () => {
  it('keeps everything while there are at most 10', () => {
    const items = series(10, '2026-03-15T11:00:00.000Z', 1);
    expect(rotateBackups(items, NOW)).toEqual({ keep: items.map((b) => b.id), remove: [] });
    expect(rotateBackups([], NOW)).toEqual({ keep: [], remove: [] });
  });

  it('keeps the last 10 and the newest of each month; removes the rest', () => {
    // 30 backups, one every 6 hours: 7.5 days back from 15 March, all in March.
    const items = series(30, '2026-03-15T11:00:00.000Z', 6);
    const { keep, remove } = rotateBackups(items, NOW);
    expect(keep).toEqual(items.slice(0, 10).map((b) => b.id));
    expect(remove).toEqual(items.slice(10).map((b) => b.id));
  });

  it('keeps the newest backup of every month of the last 7 years (84 months)', () => {
    // One backup a day for 9 years.
    const items = series(9 * 366, '2026-03-15T11:00:00.000Z', 24);
    const { keep, remove } = rotateBackups(items, NOW);
    expect(keep.length + remove.length).toBe(items.length);
    const kept = items.filter((b) => keep.includes(b.id));
    const months = new Set(kept.map((b) => b.at.slice(0, 7)));
    // 84 calendar months: March 2026 back to April 2019.
    expect(months.size).toBe(KEEP_MONTHS);
    expect([...months].sort()[0]).toBe('2019-04');
    expect(keep.length).toBe(KEEP_LAST + KEEP_MONTHS - 1); // the 10 newest all fall in March 2026
    // Of each older month it is the newest one: the last day of that month.
    const feb2021 = kept.filter((b) => b.at.startsWith('2021-02'));
    expect(feb2021.map((b) => b.at)).toEqual(['2021-02-28T11:00:00.000Z']);
    // Nothing from before the window survives.
    expect(kept.some((b) => b.at < '2019-04')).toBe(false);
  });

  it('never removes the last 10, however old they are', () => {
    const items = series(12, '2010-01-31T10:00:00.000Z', 24 * 40);
    const { keep, remove } = rotateBackups(items, NOW);
    expect(keep).toEqual(items.slice(0, 10).map((b) => b.id));
    expect(remove).toEqual(['b10', 'b11']);
  });

  it('reads months in UTC and handles the turn of the year', () => {
    const items: BackupStamp[] = [
      ...series(10, '2026-03-15T11:00:00.000Z', 1),
      { id: 'dec-early', at: '2025-12-01T08:00:00.000Z' },
      { id: 'dec-late', at: '2025-12-31T23:59:59.999Z' },
      { id: 'jan-first', at: '2026-01-01T00:00:00.000Z' },
    ];
    const { keep, remove } = rotateBackups(items, NOW);
    expect(keep).toContain('dec-late');
    expect(keep).toContain('jan-first');
    expect(remove).toEqual(['dec-early']);
  });

  it('is the same whatever order the files are listed in, and breaks ties by id', () => {
    const items: BackupStamp[] = [
      ...series(10, '2026-03-15T11:00:00.000Z', 1),
      { id: 'a', at: '2026-02-10T10:00:00.000Z' },
      { id: 'b', at: '2026-02-10T10:00:00.000Z' },
    ];
    const forward = rotateBackups(items, NOW);
    const backward = rotateBackups([...items].reverse(), NOW);
    expect(backward).toEqual(forward);
    expect(forward.keep).toContain('b');
    expect(forward.remove).toEqual(['a']);
  });

  it('never removes a backup whose date it cannot read', () => {
    const items: BackupStamp[] = [...series(15, '2026-03-15T11:00:00.000Z', 1), { id: 'odd', at: 'gisteren' }, { id: 'bad-day', at: '2026-02-30T10:00:00.000Z' }];
    const { keep, remove } = rotateBackups(items, NOW);
    expect(keep).toContain('odd');
    expect(keep).toContain('bad-day');
    expect(remove).toHaveLength(5);
  });

  it('keeps backups dated in the future (a wrong clock)', () => {
    const items: BackupStamp[] = [...series(10, '2026-03-15T11:00:00.000Z', 1), { id: 'future', at: '2027-06-01T10:00:00.000Z' }];
    expect(rotateBackups(items, NOW).keep).toContain('future');
  });

  it('parses only real UTC timestamps', () => {
    expect(parseUtc('2026-03-31T14:05:09.123Z')).toBe(Date.UTC(2026, 2, 31, 14, 5, 9, 123));
    expect(parseUtc('2026-03-31T14:05:09Z')).toBe(Date.UTC(2026, 2, 31, 14, 5, 9));
    for (const bad of ['2026-03-31', '2026-03-31T14:05:09+01:00', '2026-13-01T00:00:00Z', '2026-02-29T00:00:00Z', '2026-03-31T24:00:00Z', '']) {
      expect(parseUtc(bad), bad).toBeNull();
    }
  });

  it('property: keep and remove partition the input; the 10 newest and each month\'s newest in the window are kept', () => {
    const stamp = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2026, 2, 15, 12) }).map((t) => new Date(t).toISOString());
    fc.assert(
      fc.property(fc.uniqueArray(stamp, { maxLength: 150 }), (ats) => {
        const items = ats.map((at, i) => ({ id: `x${i}`, at }));
        const { keep, remove } = rotateBackups(items, NOW);
        expect(new Set([...keep, ...remove]).size).toBe(items.length);
        expect(keep.length + remove.length).toBe(items.length);
        const sorted = [...items].sort((a, b) => (a.at < b.at ? 1 : -1));
        for (const b of sorted.slice(0, KEEP_LAST)) expect(keep).toContain(b.id);
        const newestPerMonth = new Map<string, string>();
        for (const b of sorted) if (!newestPerMonth.has(b.at.slice(0, 7))) newestPerMonth.set(b.at.slice(0, 7), b.id);
        for (const [month, id] of newestPerMonth) {
          const [y, m] = month.split('-').map(Number) as [number, number];
          const age = (2026 * 12 + 2) - (y * 12 + m - 1);
          if (age < KEEP_MONTHS) expect(keep).toContain(id);
          else if (!sorted.slice(0, KEEP_LAST).some((b) => b.id === id)) expect(remove).toContain(id);
        }
        // Nothing else is kept.
        expect(keep.length).toBeLessThanOrEqual(KEEP_LAST + KEEP_MONTHS);
      }),
      { seed: 20260315, numRuns: 300 },
    );
  });
});
