/**
 * Issue 5, bad input through the compiled CLI (`kassa call FILE volunteers.pay JSON --json`): each
 * case exits 1 with a stable code and a Dutch message and leaves the closed file byte-for-byte
 * unchanged (sha256 before and after). Needs `npm run build:node` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertDistBuilt, cleanupTempDirs, cliError, cliJson, expectDutch, fingerprint, runCli, tempDir } from '../helpers';
import { FATIMA, volunteerBooks, ZOE } from './helpers';

let base: string;
let fatima: number;
let zoe: number;

beforeAll(async () => {
  assertDistBuilt();
  // 2025 closed, 2026 open; Fatima (bijstand, born 1980) got € 200 in March 2026; Zoë has no birth date.
  const t = await volunteerBooks({ year: 2025, fileName: 'base.kassa' });
  fatima = (await t.call('persons.create', FATIMA)).id;
  zoe = (await t.call('persons.create', ZOE)).id;
  await t.call('years.openNext');
  await t.call('years.close', { year: 2025 });
  await t.call('volunteers.pay', { person: fatima, date: '2026-03-02', amount: '200.00', kind: 'fee', description: 'Maart', payFrom: '1100' });
  t.close();
  base = t.file;
  expect(fs.existsSync(`${base}-wal`)).toBe(false);
});

afterAll(cleanupTempDirs);

function copyOfBase(): string {
  const file = path.join(tempDir(), 'case.kassa');
  fs.copyFileSync(base, file);
  return file;
}

const pay = (over: Record<string, unknown> = {}) => ({
  person: fatima, date: '2026-04-01', amount: '25.00', kind: 'fee', description: 'Inzet', payFrom: '1100', ...over,
});

describe.concurrent('volunteers.pay through the CLI: refused, file untouched', () => {
  it.each([
    ['over the monthly maximum', () => pay({ date: '2026-03-20', amount: '30.00' }), 'LIMIT_EXCEEDED', 'amount'],
    ['over the hourly maximum', () => pay({ hours: '2', amount: '12.00' }), 'LIMIT_EXCEEDED', 'amount'],
    ['unknown person', () => pay({ person: 999 }), 'NOT_FOUND', 'person'],
    ['no date of birth, paid per hour', () => pay({ person: zoe, hours: '3' }), 'INVALID_INPUT', 'person'],
    ['negative hours', () => pay({ hours: '-3' }), 'INVALID_INPUT', 'hours'],
    ['negative amount', () => pay({ amount: '-25.00' }), 'INVALID_AMOUNT', 'amount'],
    ['a date in a closed year', () => pay({ date: '2025-11-01' }), 'YEAR_CLOSED', 'date'],
    ['as wages without confirmation', () => pay({ asWages: true }), 'INVALID_INPUT', 'confirmWages'],
  ])('%s', async (_what, input, code, field) => {
    const file = copyOfBase();
    const before = fingerprint(file);
    const r = await runCli(['call', file, 'volunteers.pay', JSON.stringify(input()), '--json']);
    expect(r.status, r.stderr).toBe(1);
    const e = cliError(r);
    expect(e.code, e.message).toBe(code);
    expect(e.field).toBe(field);
    expectDutch(e.message);
    expect(fingerprint(file)).toEqual(before);
  });

  it('an IBAN failing mod-97 on a new person', async () => {
    const file = copyOfBase();
    const before = fingerprint(file);
    const r = await runCli(['call', file, 'persons.create', JSON.stringify({ name: 'Piet', iban: 'NL91ABNA0417164301' }), '--json']);
    expect(r.status).toBe(1);
    expect(cliError(r)).toMatchObject({ code: 'INVALID_INPUT', field: 'iban' });
    expect(fingerprint(file)).toEqual(before);
  });

  it('a good payment goes through and shows the totals', async () => {
    const file = copyOfBase();
    const r = cliJson(await runCli(['call', file, 'volunteers.pay', JSON.stringify(pay({ date: '2026-03-20', amount: '20.00' }))]));
    expect(r.totals).toMatchObject({ month: '200.00', monthAfter: '220.00' });
    expect(r.payment.status).toBe('paid');
  });
});
