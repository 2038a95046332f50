/**
 * A year cannot be closed before its last day has passed (issue 18): refused with a Dutch message
 * through the service, the year-end check and the CLI, and nothing is written.
 */
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { YearEndCheck } from '../../shared/api/statements';
import { assertYearOver, yearNotOverMessage } from '../../electron/books/years';
import { assertDistBuilt, cleanupTempDirs, cliError, expectDutch, expectKassaError, fingerprint, makeBooks, runCli, simpleEntry, tableSnapshot, tempDir } from './helpers';

afterAll(cleanupTempDirs);

describe('closing a year before its last day', () => {
  test('the rule: only after the last day', () => {
    expect(yearNotOverMessage(2026, '2026-12-31', '2026-12-05')).toMatch(/31-12-2026/);
    expect(yearNotOverMessage(2026, '2026-12-31', '2026-12-31')).not.toBeNull();
    expect(yearNotOverMessage(2026, '2026-12-31', '2027-01-01')).toBeNull();
    expect(() => assertYearOver(2026, '2026-12-31', '2026-12-05')).toThrow(/loopt nog/);
  });

  test('yearEnd.check lists it as a block; yearEnd.close and years.close refuse; nothing is written', async () => {
    const b = await makeBooks({ year: 2030 });
    await b.call('entries.post', simpleEntry('2030-02-01', '1100', '8000', '30.00', 'Gift'));
    const check = await b.call<YearEndCheck>('yearEnd.check', { year: 2030 });
    expect(check.canClose).toBe(false);
    const p = check.problems.find((x) => x.code === 'YEAR_NOT_OVER');
    expect(p?.severity).toBe('block');
    expectDutch(p!.message);
    const before = tableSnapshot(b);
    const e1 = await expectKassaError(b.call('yearEnd.close', { year: 2030 }), 'YEAR_NOT_READY');
    expect(e1.message).toContain('31-12-2030');
    const e2 = await expectKassaError(b.call('years.close', { year: 2030 }), 'YEAR_NOT_READY');
    expectDutch(e2.message);
    expect(e2.field).toBe('year');
    expect(tableSnapshot(b)).toEqual(before);
    b.close();
  });

  test('the CLI exits 1 with the Dutch message and leaves the file as it was', async () => {
    assertDistBuilt();
    const file = path.join(tempDir(), 'later.kassa');
    expect((await runCli(['new', file, '--name', 'Stichting Later', '--year', '2030'])).status).toBe(0);
    const before = fingerprint(file);
    const r = await runCli(['call', file, 'years.close', JSON.stringify({ year: 2030 }), '--json']);
    expect(r.status).toBe(1);
    expect(cliError(r)).toMatchObject({ code: 'YEAR_NOT_READY' });
    expect(cliError(r).message).toMatch(/loopt nog tot en met 31-12-2030/);
    expect(fingerprint(file).sha).toBe(before.sha);
  });
});
