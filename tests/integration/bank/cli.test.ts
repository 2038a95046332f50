/**
 * Issue 8 through the compiled CLI (`kassa import FILE BANKFILE [--account CODE]`): a statement in,
 * and every refusal leaves the administration byte-for-byte unchanged (sha256 before/after).
 * Needs `npm run build:node` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertDistBuilt, cleanupTempDirs, cliError, cliJson, expectDutch, fingerprint, runCli, tempDir } from '../helpers';
import { fixture, ING } from './helpers';

let base: string;
let dir: string;

beforeAll(async () => {
  assertDistBuilt();
  dir = tempDir();
  base = path.join(dir, 'base.kassa');
  cliJson(await runCli(['new', base, '--name', 'Stichting Buurtkracht Oost', '--year', '2026', '--iban', ING]));
  const r = cliJson(await runCli(['import', base, fixture('camt053-001-02-ing.xml')]));
  expect(r).toMatchObject({ format: 'camt053', added: 8, account: { code: '1100' } });
});

afterAll(cleanupTempDirs);

/** A fresh copy of the prepared administration, so each case starts from the same bytes. */
function copy(name: string): string {
  const f = path.join(dir, `${name}.kassa`);
  fs.copyFileSync(base, f);
  return f;
}

describe('kassa import', () => {
  it('imports a statement and prints the result; the inbox is there for kassa call', async () => {
    const f = copy('ok');
    const r = cliJson(await runCli(['import', f, fixture('mt940-rabobank.swi'), '--account', '1110']));
    expect(r).toMatchObject({ format: 'mt940', account: { code: '1110', iban: 'NL81RABO0312345678' }, added: 4 });
    const inbox = cliJson(await runCli(['call', f, 'bank.inbox', '{"account":"1110"}']));
    expect(inbox.total).toBe(4);
    const verify = cliJson(await runCli(['verify', f, '--json']));
    expect(verify.ok).toBe(true);
  });

  const refusals: [string, () => string[], string][] = [
    ['the same file again (DUPLICATE)', () => [fixture('camt053-001-02-ing.xml')], 'DUPLICATE'],
    ['a file of another bank account', () => [fixture('camt053-001-08-abnamro.xml')], 'INVALID_INPUT'],
    ['the statement of 1100 put on 1110', () => [fixture('ing.csv'), '--account', '1110'], 'INVALID_INPUT'],
    ['a file read as the wrong format', () => [fixture('ing.csv'), '--format', 'camt053'], 'BAD_BANK_FILE'],
    ['a truncated camt file', () => {
      const cut = path.join(dir, 'cut.xml');
      fs.writeFileSync(cut, fs.readFileSync(fixture('camt053-001-04-rabobank.xml'), 'utf8').slice(0, 2500));
      return [cut];
    }, 'BAD_BANK_FILE'],
    ['a wrong --format', () => [fixture('ing.csv'), '--format', 'pdf'], 'INVALID_INPUT'],
    ['a 200 MB file', () => {
      const big = path.join(dir, 'big.sta');
      const fd = fs.openSync(big, 'w');
      fs.ftruncateSync(fd, 200 * 1024 * 1024);
      fs.closeSync(fd);
      return [big];
    }, 'BAD_BANK_FILE'],
    ['a bank file that does not exist', () => [path.join(dir, 'nope.xml')], 'FILE_NOT_FOUND'],
  ];

  it.each(refusals)('%s: exit 1, Dutch message, file unchanged', async (name, args, code) => {
    const f = copy(name.replace(/\W+/g, '-'));
    const before = fingerprint(f);
    const r = await runCli(['import', f, ...args(), '--json']);
    expect(r.status, r.stderr).toBe(1);
    const err = cliError(r);
    expect(err.code).toBe(code);
    expectDutch(err.message);
    expect(fingerprint(f)).toEqual(before);
  });

  it('a mistyped option: Dutch message, a guess, the usage of import, exit 2, file unchanged', async () => {
    const f = copy('typo');
    const before = fingerprint(f);
    const r = await runCli(['import', f, fixture('ing.csv'), '--acount', '1100']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^De optie "--acount" bestaat niet\. Bedoelt u --account\?\n\nGebruik:\n {2}kassa import FILE BANKFILE /);
    expect(r.stderr).not.toMatch(/Unknown option|positional/);
    expect(r.stderr).not.toMatch(/kassa report/);
    const missing = await runCli(['import', f, fixture('ing.csv'), '--account']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^Achter de optie "--account" hoort een waarde\./);
    expect(fingerprint(f)).toEqual(before);
  });

  it('an MT942 and a wrong --format: what the file is, in words a treasurer uses', async () => {
    const f = copy('mt942');
    const before = fingerprint(f);
    const mt942 = cliError(await runCli(['import', f, fixture('mt942-ing.sta'), '--json']));
    expect(mt942.message).toMatch(/^Dit is een MT942-bestand/);
    const wrong = cliError(await runCli(['import', f, fixture('ing.csv'), '--format', 'csv-abnamro', '--json']));
    expect(wrong.message).toMatch(/^Dit bestand lijkt niet op een bestand in het formaat TXT\/TAB van ABN AMRO\. Het lijkt op een bestand in het formaat CSV van ING\./);
    expect(fingerprint(f)).toEqual(before);
  });

  it('bad calls on the inbox write nothing either', async () => {
    const f = copy('calls');
    const before = fingerprint(f);
    for (const [method, input, code] of [
      ['bank.confirm', '{"transactions":[424242]}', 'NOT_FOUND'],
      ['bank.confirm', '{"transactions":[1,2]}', 'INVALID_INPUT'],
      ['bank.assign', '{"transaction":1,"account":"1100"}', 'INVALID_INPUT'],
      ['bank.assign', '{"transaction":1,"account":"4100","grant":5}', 'NOT_FOUND'],
      ['bank.rules.create', '{"account":"4100"}', 'INVALID_INPUT'],
      ['bank.ignore', '{"transactions":[]}', 'INVALID_INPUT'],
    ] as const) {
      const r = await runCli(['call', f, method, input, '--json']);
      expect(r.status, `${method} ${input}: ${r.stderr}`).toBe(1);
      expect(cliError(r).code, `${method} ${input}`).toBe(code);
    }
    expect(fingerprint(f)).toEqual(before);
  });

  it('usage errors exit 2', async () => {
    const r = await runCli(['import', copy('usage')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('BANKFILE ontbreekt.');
  });
});
