/**
 * The books engine through the dispatcher, as every door calls it, on real SQLite files.
 * Covers issue 2: administration, chart, years, gapless entries, drafts, reversals, guided money
 * entries, reports, the database's own invariants (raw SQL, as a rogue tool would) and verify.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../electron/api';
import { Session } from '../../electron/session';
import { STATEMENT_LINES } from '../../shared/chart';
import type { Account, Entry, EntryList, GeneralLedger, TrialBalance, VerifyResult } from '../../shared/api/types';
import {
  cents, cleanupTempDirs, expectDutch, expectKassaError, makeBooks, openBooksSession, simpleEntry, tempDir, todayAfterYear, type TestBooks,
} from './helpers';

afterAll(cleanupTempDirs);

// ------------------------------------------------------------------------------------------------
// The default chart as DESIGN.md section 6 writes it (an independent copy, not shared/chart.ts).
// ------------------------------------------------------------------------------------------------
type T = 'asset' | 'liability' | 'equity' | 'income' | 'expense';
const DESIGN_CHART: [code: string, type: T, rj650: string][] = [
  ['0100', 'asset', 'Materiële vaste activa'],
  ['0200', 'asset', 'Financiële vaste activa'],
  ['0500', 'equity', 'Reserves: continuïteitsreserve'],
  ['0510', 'equity', 'Reserves: bestemmingsreserves'],
  ['0520', 'equity', 'Fondsen: bestemmingsfondsen'],
  ['0590', 'equity', 'Reserves: overige reserves'],
  ['0600', 'liability', 'Voorzieningen'],
  ['0700', 'liability', 'Langlopende schulden'],
  ['1000', 'asset', 'Liquide middelen'],
  ['1100', 'asset', 'Liquide middelen'],
  ['1110', 'asset', 'Liquide middelen'],
  ['1300', 'asset', 'Vorderingen en overlopende activa'],
  ['1310', 'asset', 'Vorderingen en overlopende activa'],
  ['1400', 'liability', 'Kortlopende schulden'],
  ['1410', 'liability', 'Kortlopende schulden'],
  ['1420', 'liability', 'Kortlopende schulden'],
  ['1500', 'liability', 'Kortlopende schulden'],
  ['1600', 'liability', 'Kortlopende schulden'],
  ['1700', 'liability', 'Kortlopende schulden'],
  ['2000', 'asset', 'Vorderingen en overlopende activa'],
  ['3000', 'asset', 'Voorraden'],
  ['4000', 'expense', 'Besteed aan doelstellingen'],
  ['4010', 'expense', 'Besteed aan doelstellingen'],
  ['4100', 'expense', 'Besteed aan doelstellingen'],
  ['4150', 'expense', 'Besteed aan doelstellingen'],
  ['4200', 'expense', 'Besteed aan doelstellingen'],
  ['4300', 'expense', 'Besteed aan doelstellingen'],
  ['4400', 'expense', 'Besteed aan doelstellingen'],
  ['4500', 'expense', 'Wervingskosten'],
  ['4600', 'expense', 'Kosten beheer en administratie'],
  ['4610', 'expense', 'Kosten beheer en administratie'],
  ['4620', 'expense', 'Kosten beheer en administratie'],
  ['4700', 'expense', 'Financiële baten en lasten'],
  ['4800', 'expense', 'Kosten beheer en administratie'],
  ['4900', 'expense', 'Kosten beheer en administratie'],
  ['8000', 'income', 'Baten van particulieren'],
  ['8100', 'income', 'Baten van bedrijven'],
  ['8150', 'income', 'Baten van loterijorganisaties'],
  ['8200', 'income', 'Baten van subsidies van overheden'],
  ['8300', 'income', 'Baten van andere organisaties zonder winststreven'],
  ['8400', 'income', 'Baten als tegenprestatie voor levering van producten en/of diensten'],
  ['8500', 'income', 'Financiële baten en lasten'],
  ['8900', 'income', 'Overige baten'],
];
/**
 * RJ 640 lines of the result accounts as DESIGN.md lists them; balance accounts use the RJ 650 line.
 * Issue 16 added 0200, 0600, 0700, 3000, 4150 and 4700 for the RJ balance-sheet sections.
 */
const DESIGN_RJ640: Record<string, string> = {
  '8200': 'Subsidiebaten', '8300': 'Subsidiebaten',
  '8000': 'Giften en baten uit fondsenwerving', '8100': 'Giften en baten uit fondsenwerving', '8150': 'Giften en baten uit fondsenwerving',
  '8400': 'Baten als tegenprestatie voor levering van producten en/of diensten', '8500': 'Financiële baten', '8900': 'Overige baten',
  '4000': 'Vrijwilligers', '4010': 'Vrijwilligers', '4100': 'Huisvesting', '4200': 'Activiteiten en materialen', '4300': 'Activiteiten en materialen',
  '4150': 'Huisvesting', '4700': 'Financiële lasten', '4400': 'Inhuur', '4500': 'Fondsenwerving', '4600': 'Kantoor, bank en verzekeringen', '4610': 'Kantoor, bank en verzekeringen',
  '4620': 'Kantoor, bank en verzekeringen', '4800': 'Afschrijvingen', '4900': 'Overige lasten',
};
const label = (key: string) => (STATEMENT_LINES as Record<string, string>)[key];

// ------------------------------------------------------------------------------------------------
// A known set of books used by the report tests. Expected numbers are worked out by hand below.
// ------------------------------------------------------------------------------------------------
interface Seeded {
  e1: number; e2: number; e3: number; e4: number; e5: number; e6: number;
}

async function seed(b: TestBooks): Promise<Seeded> {
  const post = (input: unknown) => b.call<{ id: number; number: number; ref: string }>('entries.post', input);
  const e1 = await post(simpleEntry('2026-01-15', '1100', '8000', '1000.00', 'Gift van Fatima'));
  const e2 = await post(simpleEntry('2026-02-01', '4100', '1100', '450.00', 'Huur februari'));
  const e3 = await post(simpleEntry('2026-03-10', '1000', '8400', '25.50', 'Opbrengst taalcafé'));
  const e4 = await post({ ...simpleEntry('2026-03-31', '4200', '4300', '10.00', 'Correctie materialen'), journal: 'MEM' });
  const e5 = await post({
    date: '2026-06-30', description: 'Buurtlunch: eten en materiaal',
    lines: [{ account: '4200', debit: '30.00' }, { account: '4300', debit: '12.34' }, { account: '1100', credit: '42.34' }],
  });
  await b.call('years.openNext');
  const e6 = await post(simpleEntry('2027-01-05', '1100', '8100', '100.00', 'Gift bakkerij'));
  expect([e1.ref, e2.ref, e3.ref, e4.ref, e5.ref, e6.ref]).toEqual([
    'BANK 2026-0001', 'BANK 2026-0002', 'KAS 2026-0001', 'MEM 2026-0001', 'BANK 2026-0003', 'BANK 2027-0001',
  ]);
  return { e1: e1.id, e2: e2.id, e3: e3.id, e4: e4.id, e5: e5.id, e6: e6.id };
}

/** The period's mutations per account (rows that only carry an opening balance left out). */
function tbMap(tb: TrialBalance): Record<string, [string, string, string]> {
  return Object.fromEntries(tb.accounts.filter((a) => a.debit !== '0.00' || a.credit !== '0.00').map((a) => [a.code, [a.debit, a.credit, a.balance]]));
}

function expectTbConsistent(tb: TrialBalance): void {
  let d = 0n;
  let c = 0n;
  for (const a of tb.accounts) {
    expect(cents(a.balance)).toBe(cents(a.debit) - cents(a.credit));
    expect(cents(a.debit) >= 0n && cents(a.credit) >= 0n).toBe(true);
    d += cents(a.debit);
    c += cents(a.credit);
  }
  expect(cents(tb.totals.debit)).toBe(d);
  expect(cents(tb.totals.credit)).toBe(c);
  expect(tb.totals.debit).toBe(tb.totals.credit);
  // Opening + mutation = closing per row; both columns balance.
  for (const a of tb.accounts) expect(cents(a.closing), a.code).toBe(cents(a.opening) + cents(a.balance));
  expect(tb.accounts.reduce((t, a) => t + cents(a.opening), 0n)).toBe(0n);
  expect([tb.totals.opening, tb.totals.closing]).toEqual(['0.00', '0.00']);
  // Accounts by code; the earlier years' result line sits with the reserves.
  const codes = tb.accounts.filter((a) => a.kind === 'account').map((a) => a.code);
  expect([...codes].sort()).toEqual(codes);
}

// ================================================================================================
describe('admin.create', () => {
  let b: TestBooks;
  beforeAll(async () => {
    b = await makeBooks({ year: 2026, extra: { kvk: '12345678', rsin: '812345678', iban: 'nl91 abna 0417 1643 00' } });
  });
  afterAll(() => b.close());

  it('writes the organisation and returns admin info', async () => {
    const info = await b.call('admin.info');
    expect(info.path).toBe(b.file);
    expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(info.practice).toBe(false);
    const org = await b.call('org.get');
    expect(org).toMatchObject({
      name: 'Stichting Testbuurt', kvk: '12345678', rsin: '812345678', iban: 'NL91ABNA0417164300', vatStatus: 'none', anbi: false, layout: 'rj640',
    });
  });

  it('is a kassa file: application_id KASA, WAL, exclusive lock', () => {
    const sqlite = b.session.books!.sqlite;
    expect(sqlite.pragma('application_id', { simple: true })).toBe(0x4b415341);
    expect(sqlite.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('locking_mode', { simple: true })).toBe('exclusive');
  });

  it('opens exactly one fiscal year, open, covering the calendar year', async () => {
    expect(await b.call('years.list')).toEqual([{ year: 2026, startDate: '2026-01-01', endDate: '2026-12-31', status: 'open' }]);
  });

  it('creates the journals BANK, SPAAR, KAS, MEM, VRK, INK', async () => {
    const journals = await b.call<{ code: string; account: string | null }[]>('journals.list');
    expect(journals.map((j) => [j.code, j.account])).toEqual([
      ['BANK', '1100'], ['SPAAR', '1110'], ['KAS', '1000'], ['MEM', null], ['VRK', null], ['INK', null],
    ]);
  });

  it('creates the full default chart of DESIGN.md section 6 (without 1700 when not VAT-liable)', async () => {
    const accounts = await b.call<Account[]>('accounts.list');
    const expected = DESIGN_CHART.filter(([code]) => code !== '1700');
    expect(accounts.map((a) => a.code)).toEqual(expected.map(([code]) => code));
    for (const [code, type, rj650] of expected) {
      const a = accounts.find((x) => x.code === code)!;
      expect(a.type, code).toBe(type);
      expect(a.name.trim().length, code).toBeGreaterThan(0);
      expect(label(a.lineRj650), `${code} rj650`).toBe(rj650);
      expect(label(a.lineRj640), `${code} rj640`).toBe(DESIGN_RJ640[code] ?? rj650);
      expect(a.archived).toBe(false);
      expect(a.hasPostings).toBe(false);
    }
    expect(accounts.filter((a) => a.kind).map((a) => [a.code, a.kind])).toEqual([['1000', 'cash'], ['1100', 'bank'], ['1110', 'bank']]);
    expect(accounts.find((a) => a.code === '1100')!.iban).toBe('NL91ABNA0417164300');
  });

  it.each([['liable', true], ['none', false], ['exempt', false], ['kor', false]] as const)('vat=%s -> account 1700 present: %s', async (vat, has) => {
    const v = await makeBooks({ vat });
    try {
      const accounts = await v.call<Account[]>('accounts.list');
      expect(accounts.some((a) => a.code === '1700')).toBe(has);
      expect(accounts.length).toBe(DESIGN_CHART.length - (has ? 0 : 1));
      if (has) {
        const a = accounts.find((x) => x.code === '1700')!;
        expect(a.type).toBe('liability');
        expect(label(a.lineRj640)).toBe('Kortlopende schulden');
        expect(label(a.lineRj650)).toBe('Kortlopende schulden');
      }
      expect((await v.call('org.get')).vatStatus).toBe(vat);
    } finally {
      v.close();
    }
  });

  it('starts with a valid audit chain', async () => {
    const r = await b.call<VerifyResult>('audit.verify');
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.counts.auditRows).toBeGreaterThanOrEqual(1);
    expect(r.counts.entries).toBe(0);
  });

  it('refuses to overwrite an existing file (FILE_EXISTS) and leaves it alone', async () => {
    const other = new Session();
    const before = fs.readFileSync(b.file);
    await expectKassaError(dispatch(other, 'admin.create', { path: b.file, name: 'Nog een' }), 'FILE_EXISTS');
    expect(fs.readFileSync(b.file).equals(before)).toBe(true);
    expect(other.books).toBeNull();
  });

  it('refuses bad organisation data with INVALID_INPUT and creates no file', async () => {
    const dir = tempDir();
    const s = new Session();
    for (const bad of [{ iban: 'NL91ABNA0417164301' }, { kvk: '1234' }, { rsin: '123456789' }, { name: '   ' }, { vat: 'sometimes' }]) {
      const file = path.join(dir, 'bad.kassa');
      const e = await expectKassaError(dispatch(s, 'admin.create', { path: file, name: 'Stichting X', ...bad }), 'INVALID_INPUT');
      expect(e.field).toBeDefined();
      expect(fs.existsSync(file)).toBe(false);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('org.update: null removes a KvK, RSIN or IBAN, leaving a field out keeps it, a wrong one writes nothing', async () => {
    const c = await makeBooks({ extra: { kvk: '12345678', rsin: '812345678', iban: 'NL91ABNA0417164300', city: 'Utrecht' } });
    try {
      const bad = await expectKassaError(c.call('org.update', { kvk: '1234', iban: null }), 'INVALID_INPUT');
      expect(bad.field).toBe('kvk');
      expect(await c.call('org.get')).toMatchObject({ kvk: '12345678', iban: 'NL91ABNA0417164300' });
      const kept = await c.call('org.update', { city: 'Zeist' });
      expect(kept).toMatchObject({ kvk: '12345678', rsin: '812345678', iban: 'NL91ABNA0417164300', city: 'Zeist' });
      const cleared = await c.call('org.update', { kvk: null, rsin: null, iban: null });
      expect(cleared).toMatchObject({ kvk: null, rsin: null, iban: null, name: 'Stichting Testbuurt', city: 'Zeist' });
      expect((await c.call<VerifyResult>('audit.verify')).ok).toBe(true);
      // the name is not optional: it can't be removed
      await expectKassaError(c.call('org.update', { name: null }), 'INVALID_INPUT');
    } finally {
      c.close();
    }
  });

  it('every method that needs a file says so when none is open (NO_FILE_OPEN)', async () => {
    const s = new Session();
    await expectKassaError(dispatch(s, 'accounts.list', {}), 'NO_FILE_OPEN');
    await expectKassaError(dispatch(s, 'entries.post', simpleEntry('2026-01-01', '1100', '8000', '1.00')), 'NO_FILE_OPEN');
    expect(await dispatch(s, 'admin.info', {})).toBeNull();
    await expectKassaError(dispatch(s, 'no.such.method', {}), 'UNKNOWN_METHOD');
  });

  it('closes and reopens with the same data', async () => {
    const c = await makeBooks();
    await c.call('entries.post', simpleEntry('2026-05-01', '1100', '8000', '12.34'));
    expect(await c.call('admin.close')).toEqual({ closed: true });
    expect(fs.existsSync(`${c.file}-wal`)).toBe(false);
    const again = await openBooksSession(c.file);
    try {
      const tb = await again.call<TrialBalance>('reports.trialBalance');
      expect(tbMap(tb)).toEqual({ '1100': ['12.34', '0.00', '12.34'], '8000': ['0.00', '12.34', '-12.34'] });
    } finally {
      again.close();
    }
  });
});

// ================================================================================================
describe('accounts', () => {
  let b: TestBooks;
  beforeAll(async () => {
    b = await makeBooks();
  });
  afterAll(() => b.close());

  it('creates an account that lands on a statement line by its type', async () => {
    const a = await b.call<Account>('accounts.create', { code: '4050', name: 'Kinderopvang', type: 'expense' });
    expect(a).toMatchObject({ code: '4050', name: 'Kinderopvang', type: 'expense', kind: null, archived: false, hasPostings: false });
    expect(label(a.lineRj640)).toBeDefined();
    expect(label(a.lineRj650)).toBeDefined();
    const list = await b.call<Account[]>('accounts.list');
    const codes = list.map((x) => x.code);
    expect(codes).toContain('4050');
    expect([...codes].sort()).toEqual(codes);
  });

  it('a new bank account gets its own bank journal', async () => {
    const a = await b.call<Account>('accounts.create', { code: '1120', name: 'Bank Triodos', type: 'asset', kind: 'bank', iban: 'NL91ABNA0417164300' });
    expect(a).toMatchObject({ kind: 'bank', iban: 'NL91ABNA0417164300' });
    expect(label(a.lineRj640)).toBe('Liquide middelen');
    const journals = await b.call<{ code: string; account: string | null }[]>('journals.list');
    expect(journals.find((j) => j.account === '1120')).toBeDefined();
    const p = await b.call('entries.post', simpleEntry('2026-04-01', '1120', '8000', '5.00'));
    expect(p.ref).toMatch(/ 2026-0001$/);
    expect(p.ref).not.toMatch(/^BANK 2026/);
  });

  it('refuses a duplicate code with ACCOUNT_EXISTS', async () => {
    const e = await expectKassaError(b.call('accounts.create', { code: '1100', name: 'Nog een bank', type: 'asset' }), 'ACCOUNT_EXISTS');
    expect(e.field).toBe('code');
  });

  it('refuses a bank account that is not an asset, and bad codes', async () => {
    await expectKassaError(b.call('accounts.create', { code: '1999', name: 'Rare bank', type: 'liability', kind: 'bank' }), 'INVALID_INPUT');
    await expectKassaError(b.call('accounts.create', { code: 'a b', name: 'Spatie', type: 'asset' }), 'INVALID_INPUT');
    await expectKassaError(b.call('accounts.create', { code: '1234567890123', name: 'Te lang', type: 'asset' }), 'INVALID_INPUT');
    await expectKassaError(b.call('accounts.create', { code: '4051', name: '', type: 'expense' }), 'INVALID_INPUT');
    await expectKassaError(b.call('accounts.create', { code: '4052', name: 'Type?', type: 'cost' }), 'INVALID_INPUT');
  });

  it('renames an account; reports show the new name', async () => {
    await b.call('entries.post', simpleEntry('2026-04-02', '4900', '1100', '1.00'));
    const a = await b.call<Account>('accounts.update', { code: '4900', name: 'Diverse lasten' });
    expect(a.name).toBe('Diverse lasten');
    const tb = await b.call<TrialBalance>('reports.trialBalance');
    expect(tb.accounts.find((x) => x.code === '4900')!.name).toBe('Diverse lasten');
    await expectKassaError(b.call('accounts.update', { code: '9999', name: 'Bestaat niet' }), 'UNKNOWN_ACCOUNT');
  });

  it('archives: hidden from the list, no new postings (ACCOUNT_ARCHIVED), and back again', async () => {
    const a = await b.call<Account>('accounts.archive', { code: '4620' });
    expect(a.archived).toBe(true);
    expect((await b.call<Account[]>('accounts.list')).some((x) => x.code === '4620')).toBe(false);
    expect((await b.call<Account[]>('accounts.list', { includeArchived: true })).find((x) => x.code === '4620')!.archived).toBe(true);
    const e = await expectKassaError(b.call('entries.post', simpleEntry('2026-04-03', '4620', '1100', '2.00')), 'ACCOUNT_ARCHIVED');
    expect(e.field).toBe('lines.0.account');
    await expectKassaError(b.call('money.spent', { date: '2026-04-03', description: 'Polis', amount: '2.00', from: '1100', category: '4620' }), 'ACCOUNT_ARCHIVED');
    await b.call('accounts.archive', { code: '4620', archived: false });
    await b.call('entries.post', simpleEntry('2026-04-03', '4620', '1100', '2.00'));
  });

  it('deletes an unused account, refuses one with postings (HAS_POSTINGS)', async () => {
    await b.call('accounts.create', { code: '4060', name: 'Tijdelijk', type: 'expense' });
    expect(await b.call('accounts.delete', { code: '4060' })).toEqual({ deleted: true });
    expect((await b.call<Account[]>('accounts.list', { includeArchived: true })).some((x) => x.code === '4060')).toBe(false);

    await b.call('entries.post', simpleEntry('2026-04-04', '4610', '1100', '0.15'));
    expect((await b.call<Account[]>('accounts.list')).find((x) => x.code === '4610')!.hasPostings).toBe(true);
    await expectKassaError(b.call('accounts.delete', { code: '4610' }), 'HAS_POSTINGS');
    // a draft line counts too: the account is in use
    await b.call('entries.saveDraft', { date: '2026-04-05', description: 'Concept', lines: [{ account: '4600', debit: '1.00' }] });
    await expectKassaError(b.call('accounts.delete', { code: '4600' }), 'HAS_POSTINGS');
    await expectKassaError(b.call('accounts.delete', { code: '9999' }), 'UNKNOWN_ACCOUNT');
  });

  it('deleting an unused bank account removes its journal; a used one is refused', async () => {
    await b.call('accounts.create', { code: '1130', name: 'Bank ASN', type: 'asset', kind: 'bank' });
    expect(await b.call('accounts.delete', { code: '1130' })).toEqual({ deleted: true });
    const journals = await b.call<{ code: string; account: string | null }[]>('journals.list');
    expect(journals.some((j) => j.account === '1130')).toBe(false);
    await expectKassaError(b.call('accounts.delete', { code: '1120' }), 'HAS_POSTINGS');
  });
});

// ================================================================================================
describe('fiscal years', () => {
  let b: TestBooks;
  beforeAll(async () => {
    b = await makeBooks({ year: 2026 });
  });
  afterAll(() => b.close());

  it('openNext opens the following year; list shows both', async () => {
    expect(await b.call('years.openNext')).toEqual({ year: 2027, startDate: '2027-01-01', endDate: '2027-12-31', status: 'open' });
    expect((await b.call('years.list')).map((y: { year: number; status: string }) => [y.year, y.status])).toEqual([[2026, 'open'], [2027, 'open']]);
  });

  it('a date outside every year is NO_OPEN_YEAR, naming the date in Dutch', async () => {
    const e = await expectKassaError(b.call('entries.post', simpleEntry('2025-12-31', '1100', '8000', '1.00')), 'NO_OPEN_YEAR');
    expect(e.message).toContain('31-12-2025');
    await expectKassaError(b.call('entries.post', simpleEntry('2028-01-01', '1100', '8000', '1.00')), 'NO_OPEN_YEAR');
    await expectKassaError(b.call('entries.saveDraft', simpleEntry('2028-01-01', '1100', '8000', '1.00')), 'NO_OPEN_YEAR');
  });

  it('close refuses while drafts remain, then closes; nothing more can be posted (YEAR_CLOSED)', async () => {
    await b.call('entries.post', simpleEntry('2026-12-31', '1100', '8000', '7.00'));
    const d = await b.call<{ id: number }>('entries.saveDraft', simpleEntry('2026-11-01', '1100', '8000', '3.00'));
    await expectKassaError(b.call('years.close', { year: 2026 }), 'INVALID_INPUT');
    await b.call('entries.deleteDraft', { id: d.id });

    // Not before its last day has passed (today is injected through the clock).
    const early = await expectKassaError(b.call('years.close', { year: 2026 }), 'YEAR_NOT_READY');
    expectDutch(early.message);
    expect(early.message).toContain('31-12-2026');
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-31T23:00:00') });
    await expectKassaError(b.call('years.close', { year: 2026 }), 'YEAR_NOT_READY');
    vi.useRealTimers();
    expect((await b.call('years.list')).map((y: { status: string }) => y.status)).toEqual(['open', 'open']);

    const restore = todayAfterYear(2026);
    expect(await b.call('years.close', { year: 2026 })).toMatchObject({ year: 2026, status: 'closed' });
    restore();
    expect((await b.call('years.list')).map((y: { status: string }) => y.status)).toEqual(['closed', 'open']);
    await expectKassaError(b.call('years.close', { year: 2026 }), 'YEAR_CLOSED');
    await expectKassaError(b.call('years.close', { year: 2031 }), 'NOT_FOUND');

    const e = await expectKassaError(b.call('entries.post', simpleEntry('2026-06-01', '1100', '8000', '1.00')), 'YEAR_CLOSED');
    expect(e.message).toContain('2026');
    await expectKassaError(b.call('entries.saveDraft', simpleEntry('2026-06-01', '1100', '8000', '1.00')), 'YEAR_CLOSED');
    await expectKassaError(b.call('money.received', { date: '2026-06-01', description: 'Gift', amount: '1.00', into: '1100', category: '8000' }), 'YEAR_CLOSED');
    // the closed year's books still read
    const tb = await b.call<TrialBalance>('reports.trialBalance', { year: 2026 });
    expect(tbMap(tb)['1100']).toEqual(['7.00', '0.00', '7.00']);
  });

  it('reversing into a closed year is refused, into the open year allowed', async () => {
    const list = await b.call<EntryList>('entries.list', { year: 2026 });
    const id = list.items[0]!.id;
    await expectKassaError(b.call('entries.reverse', { id }), 'YEAR_CLOSED');
    const r = await b.call('entries.reverse', { id, date: '2027-01-02' });
    expect(r.ref).toBe('BANK 2027-0001');
  });

  it('opens the year after that too', async () => {
    expect((await b.call('years.openNext')).year).toBe(2028);
    expect((await b.call('years.list')).length).toBe(3);
  });
});

// ================================================================================================
describe('entries: posting and gapless numbers', () => {
  let b: TestBooks;
  beforeAll(async () => {
    b = await makeBooks({ year: 2026 });
  });
  afterAll(() => b.close());

  it('numbers per journal per year, without gaps, restarting at 1 in a new year', async () => {
    const post = (input: unknown) => b.call('entries.post', input);
    expect((await post(simpleEntry('2026-01-02', '1100', '8000', '10.00'))).ref).toBe('BANK 2026-0001');
    expect((await post(simpleEntry('2026-01-03', '4610', '1100', '1.25'))).ref).toBe('BANK 2026-0002');
    expect((await post(simpleEntry('2026-01-03', '1000', '8400', '4.00'))).ref).toBe('KAS 2026-0001');
    expect((await post(simpleEntry('2026-01-04', '1110', '8500', '0.12'))).ref).toBe('SPAAR 2026-0001');
    expect((await post(simpleEntry('2026-01-04', '4200', '1400', '20.00'))).ref).toBe('MEM 2026-0001');
    expect((await post({ ...simpleEntry('2026-01-05', '1300', '8400', '50.00'), journal: 'VRK' })).ref).toBe('VRK 2026-0001');
    expect((await post({ ...simpleEntry('2026-01-05', '4300', '1400', '8.00'), journal: 'INK' })).ref).toBe('INK 2026-0001');
    // dates out of order still get the next number
    const r = await post(simpleEntry('2026-01-01', '1100', '8000', '1.00'));
    expect(r).toMatchObject({ number: 3, ref: 'BANK 2026-0003' });

    await b.call('years.openNext');
    expect((await post(simpleEntry('2027-01-01', '1100', '8000', '2.00'))).ref).toBe('BANK 2027-0001');
    expect((await post(simpleEntry('2027-01-01', '4200', '1400', '2.00'))).ref).toBe('MEM 2027-0001');
    // the old year continues where it was
    expect((await post(simpleEntry('2026-12-31', '1100', '8000', '3.00'))).ref).toBe('BANK 2026-0004');
    expect((await post(simpleEntry('2027-02-01', '1100', '8000', '2.00'))).ref).toBe('BANK 2027-0002');
  });

  it('a failed post consumes no number', async () => {
    await expectKassaError(b.call('entries.post', simpleEntry('2027-02-02', '1100', '9999', '2.00')), 'UNKNOWN_ACCOUNT');
    await expectKassaError(
      b.call('entries.post', { date: '2027-02-02', description: 'Scheef', lines: [{ account: '1100', debit: '2.00' }, { account: '8000', credit: '1.99' }] }),
      'UNBALANCED',
    );
    expect((await b.call('entries.post', simpleEntry('2027-02-02', '1100', '8000', '2.00'))).ref).toBe('BANK 2027-0003');
  });

  it('the journal follows the first bank or cash line, else MEM; an explicit journal wins', async () => {
    const get = async (input: unknown) => (await b.call<Entry>('entries.get', { id: (await b.call('entries.post', input)).id })).journal;
    expect(await get(simpleEntry('2027-03-01', '8000', '1000', '1.00'))).toBe('KAS');
    expect(await get(simpleEntry('2027-03-01', '1110', '1100', '1.00'))).toBe('SPAAR');
    expect(await get(simpleEntry('2027-03-01', '4000', '1500', '1.00'))).toBe('MEM');
    expect(await get({ ...simpleEntry('2027-03-01', '1100', '1300', '1.00'), journal: 'VRK' })).toBe('VRK');
    await expectKassaError(b.call('entries.post', { ...simpleEntry('2027-03-01', '1100', '8000', '1.00'), journal: 'XYZ' }), 'NOT_FOUND');
  });

  it('entries.get returns the entry with its lines as decimal strings', async () => {
    const p = await b.call('entries.post', {
      date: '2027-03-02', description: 'Activiteit met twee kostensoorten',
      lines: [
        { account: '4200', debit: '1234.56', description: 'eten' },
        { account: '4300', debit: '0.44' },
        { account: '1100', credit: '1235.00' },
      ],
    });
    const e = await b.call<Entry>('entries.get', { id: p.id });
    expect(e).toMatchObject({
      id: p.id, journal: 'BANK', year: 2027, number: p.number, ref: p.ref, date: '2027-03-02', description: 'Activiteit met twee kostensoorten',
      status: 'posted', source: 'manual', reversalOf: null, reversedBy: null, total: '1235.00',
    });
    expect(e.lines.map((l) => [l.account, l.debit, l.credit, l.description])).toEqual([
      ['4200', '1234.56', null, 'eten'], ['4300', '0.44', null, null], ['1100', null, '1235.00', null],
    ]);
    expect(e.lines[0]!.accountName).toBe('Activiteiten');
    await expectKassaError(b.call('entries.get', { id: 999999 }), 'NOT_FOUND');
  });

  it('refuses unbalanced entries with UNBALANCED and the difference in euros', async () => {
    const e = await expectKassaError(
      b.call('entries.post', { date: '2027-03-03', description: 'Scheef', lines: [{ account: '1100', debit: '1234.56' }, { account: '8000', credit: '1234.55' }] }),
      'UNBALANCED',
    );
    expect(e.message.replace(/[\u00a0\u202f]/g, ' ')).toContain('€ 0,01');
    expect(e.details).toMatchObject({ debit: '1234.56', credit: '1234.55' });
    await expectKassaError(
      b.call('entries.post', { date: '2027-03-03', description: 'Alleen debet', lines: [{ account: '1100', debit: '1.00' }, { account: '4200', debit: '1.00' }] }),
      'UNBALANCED',
    );
  });

  it.each([
    ['12.345'], [12.5], [12], ['1,2,3'], [''], ['-5'], ['0'], ['0.00'], ['abc'], ['1e2'],
  ])('refuses the amount %j with INVALID_AMOUNT', async (amount) => {
    const e = await expectKassaError(
      b.call('entries.post', { date: '2027-03-04', description: 'Bedrag', lines: [{ account: '1100', debit: amount }, { account: '8000', credit: '5.00' }] }),
      'INVALID_AMOUNT',
    );
    expect(e.field).toBe('lines.0.debit');
  });

  it('refuses other bad input with INVALID_INPUT', async () => {
    const bad: unknown[] = [
      { date: '2027-02-30', description: 'x', lines: [{ account: '1100', debit: '1.00' }, { account: '8000', credit: '1.00' }] },
      { date: '05-03-2027', description: 'x', lines: [{ account: '1100', debit: '1.00' }, { account: '8000', credit: '1.00' }] },
      { date: '2027-03-05', description: '  ', lines: [{ account: '1100', debit: '1.00' }, { account: '8000', credit: '1.00' }] },
      { date: '2027-03-05', description: 'Een regel', lines: [{ account: '1100', debit: '1.00' }] },
      { date: '2027-03-05', description: 'Beide', lines: [{ account: '1100', debit: '1.00', credit: '1.00' }, { account: '8000', credit: '1.00' }] },
      { date: '2027-03-05', description: 'Geen', lines: [{ account: '1100' }, { account: '8000', credit: '1.00' }] },
      { date: '2027-03-05', description: 'x', lines: 'veel' },
      null,
    ];
    for (const input of bad) await expectKassaError(b.call('entries.post', input), 'INVALID_INPUT');
  });

  it('refuses an unknown account with UNKNOWN_ACCOUNT, naming the line', async () => {
    const e = await expectKassaError(b.call('entries.post', simpleEntry('2027-03-05', '1100', '8888', '1.00')), 'UNKNOWN_ACCOUNT');
    expect(e.field).toBe('lines.1.account');
    expect(e.message).toContain('8888');
  });

  it('posts the largest amounts exactly', async () => {
    const p = await b.call('entries.post', simpleEntry('2027-03-06', '0100', '0590', '999999999.99'));
    const e = await b.call<Entry>('entries.get', { id: p.id });
    expect(e.lines.map((l) => l.debit ?? l.credit)).toEqual(['999999999.99', '999999999.99']);
    const tb = await b.call<TrialBalance>('reports.trialBalance', { year: 2027 });
    expect(tbMap(tb)['0100']).toEqual(['999999999.99', '0.00', '999999999.99']);
    expectTbConsistent(tb);
  });

  it('keeps verify happy', async () => {
    const r = await b.call<VerifyResult>('audit.verify');
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
  });
});

// ================================================================================================
describe('entries: drafts', () => {
  let b: TestBooks;
  beforeAll(async () => {
    b = await makeBooks({ year: 2026 });
  });
  afterAll(() => b.close());

  it('saves an unfinished draft without a number and posts it once balanced', async () => {
    const d = await b.call<{ id: number }>('entries.saveDraft', {
      date: '2026-05-01', description: 'Half af', lines: [{ account: '4200', debit: '10.00' }, { account: '1100' }],
    });
    const e = await b.call<Entry>('entries.get', { id: d.id });
    expect(e).toMatchObject({ status: 'draft', number: null, ref: null, journal: 'BANK' });
    expect(e.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([['4200', '10.00', null]]);
    expect((await b.call<TrialBalance>('reports.trialBalance')).accounts).toEqual([]);

    await expectKassaError(b.call('entries.postDraft', { id: d.id }), 'UNBALANCED');

    // a posted entry in between takes number 1; the draft gets 2 when it is posted
    expect((await b.call('entries.post', simpleEntry('2026-05-02', '1100', '8000', '100.00'))).ref).toBe('BANK 2026-0001');

    const saved = await b.call<{ id: number }>('entries.saveDraft', {
      id: d.id, date: '2026-05-03', description: 'Af', lines: [{ account: '4200', debit: '10.00' }, { account: '1100', credit: '10.00' }],
    });
    const draft = await b.call<Entry>('entries.get', { id: saved.id });
    expect(draft).toMatchObject({ status: 'draft', date: '2026-05-03', description: 'Af' });
    if (saved.id !== d.id) await expectKassaError(b.call('entries.get', { id: d.id }), 'NOT_FOUND');
    expect((await b.call<EntryList>('entries.list', { status: 'draft' })).total).toBe(1);

    const p = await b.call('entries.postDraft', { id: saved.id });
    expect(p).toMatchObject({ id: saved.id, number: 2, ref: 'BANK 2026-0002' });
    const posted = await b.call<Entry>('entries.get', { id: saved.id });
    expect(posted.status).toBe('posted');
    expect(tbMap(await b.call<TrialBalance>('reports.trialBalance'))['4200']).toEqual(['10.00', '0.00', '10.00']);
  });

  it('a posted entry cannot be saved as draft, re-posted or deleted (POSTED_IMMUTABLE)', async () => {
    const p = await b.call('entries.post', simpleEntry('2026-05-04', '1100', '8000', '5.00'));
    await expectKassaError(b.call('entries.saveDraft', { id: p.id, ...simpleEntry('2026-05-04', '1100', '8000', '6.00') }), 'POSTED_IMMUTABLE');
    await expectKassaError(b.call('entries.postDraft', { id: p.id }), 'POSTED_IMMUTABLE');
    await expectKassaError(b.call('entries.deleteDraft', { id: p.id }), 'POSTED_IMMUTABLE');
    const e = await b.call<Entry>('entries.get', { id: p.id });
    expect(e.lines.map((l) => l.debit ?? l.credit)).toEqual(['5.00', '5.00']);
  });

  it('deletes a draft; unknown ids are NOT_FOUND', async () => {
    const d = await b.call<{ id: number }>('entries.saveDraft', simpleEntry('2026-05-05', '4300', '1000', '3.00'));
    expect(await b.call('entries.deleteDraft', { id: d.id })).toEqual({ deleted: true });
    await expectKassaError(b.call('entries.get', { id: d.id }), 'NOT_FOUND');
    await expectKassaError(b.call('entries.deleteDraft', { id: d.id }), 'NOT_FOUND');
    await expectKassaError(b.call('entries.postDraft', { id: 424242 }), 'NOT_FOUND');
    await expectKassaError(b.call('entries.saveDraft', { id: 424242, ...simpleEntry('2026-05-05', '4300', '1000', '3.00') }), 'NOT_FOUND');
  });

  it('a draft on an account that is archived later cannot be posted', async () => {
    const d = await b.call<{ id: number }>('entries.saveDraft', simpleEntry('2026-05-06', '4800', '1100', '3.00'));
    await b.call('accounts.archive', { code: '4800' });
    // "archived: no new postings" holds for drafts too: posting one is a new posting
    const e = await expectKassaError(b.call('entries.postDraft', { id: d.id }), 'ACCOUNT_ARCHIVED');
    expect(e.message).toContain('4800');
    expect((await b.call<Entry>('entries.get', { id: d.id })).status).toBe('draft');
    await b.call('accounts.archive', { code: '4800', archived: false });
    expect((await b.call('entries.postDraft', { id: d.id })).ref).toMatch(/^BANK 2026-/);
    expect((await b.call<VerifyResult>('audit.verify')).ok).toBe(true);
  });

  it('drafts never reach the reports, the ledger or the export', async () => {
    const before = await b.call<TrialBalance>('reports.trialBalance');
    await b.call('entries.saveDraft', simpleEntry('2026-05-07', '4100', '1100', '999.00'));
    expect(await b.call<TrialBalance>('reports.trialBalance')).toEqual(before);
    const gl = await b.call<GeneralLedger>('reports.generalLedger', { account: '4100' });
    expect(gl.rows).toEqual([]);
    const out = path.join(b.dir, 'drafts.journal');
    await b.call('export.hledger', { path: out });
    expect(fs.readFileSync(out, 'utf8')).not.toContain('999.00');
  });
});

// ================================================================================================
describe('entries: reversal', () => {
  let b: TestBooks;
  beforeAll(async () => {
    b = await makeBooks({ year: 2026 });
  });
  afterAll(() => b.close());

  it('writes a new entry with every side swapped, linked both ways', async () => {
    const p = await b.call('entries.post', {
      date: '2026-03-01', description: 'Verkeerd geboekt',
      lines: [{ account: '4200', debit: '30.00', description: 'eten' }, { account: '4300', debit: '12.34' }, { account: '1100', credit: '42.34' }],
    });
    const r = await b.call('entries.reverse', { id: p.id });
    expect(r.ref).toBe('BANK 2026-0002');
    const rev = await b.call<Entry>('entries.get', { id: r.id });
    expect(rev).toMatchObject({ status: 'posted', reversalOf: p.id, date: '2026-03-01', journal: 'BANK', source: 'reversal' });
    expect(rev.description).toContain('BANK 2026-0001');
    expect(rev.lines.map((l) => [l.account, l.debit, l.credit, l.description])).toEqual([
      ['4200', null, '30.00', 'eten'], ['4300', null, '12.34', null], ['1100', '42.34', null, null],
    ]);
    expect((await b.call<Entry>('entries.get', { id: p.id })).reversedBy).toBe(r.id);
    // net effect zero
    const tb = await b.call<TrialBalance>('reports.trialBalance');
    for (const a of tb.accounts) expect(a.balance, a.code).toBe('0.00');
    expectTbConsistent(tb);
  });

  it('refuses a second reversal, and reversing a reversal (ALREADY_REVERSED)', async () => {
    const p = await b.call('entries.post', simpleEntry('2026-03-02', '1100', '8000', '50.00'));
    const r = await b.call('entries.reverse', { id: p.id, date: '2026-03-05', description: 'Dubbel ontvangen' });
    expect((await b.call<Entry>('entries.get', { id: r.id })).description).toBe('Dubbel ontvangen');
    expect((await b.call<Entry>('entries.get', { id: r.id })).date).toBe('2026-03-05');
    await expectKassaError(b.call('entries.reverse', { id: p.id }), 'ALREADY_REVERSED');
    await expectKassaError(b.call('entries.reverse', { id: r.id }), 'ALREADY_REVERSED');
  });

  it('refuses to reverse a draft or an unknown entry', async () => {
    const d = await b.call<{ id: number }>('entries.saveDraft', simpleEntry('2026-03-03', '1100', '8000', '5.00'));
    await expectKassaError(b.call('entries.reverse', { id: d.id }), 'INVALID_INPUT');
    await expectKassaError(b.call('entries.reverse', { id: 987654 }), 'NOT_FOUND');
    await b.call('entries.deleteDraft', { id: d.id });
  });

  it('reverses an entry on an archived account (undoing a mistake is always possible)', async () => {
    const p = await b.call('entries.post', simpleEntry('2026-03-04', '4500', '1100', '7.00'));
    await b.call('accounts.archive', { code: '4500' });
    const r = await b.call('entries.reverse', { id: p.id });
    expect((await b.call<Entry>('entries.get', { id: r.id })).lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['4500', null, '7.00'], ['1100', '7.00', null],
    ]);
  });

  it('a reversal dated in the next year is numbered in that year', async () => {
    await b.call('years.openNext');
    const p = await b.call('entries.post', simpleEntry('2026-12-30', '1100', '8000', '8.00'));
    const r = await b.call('entries.reverse', { id: p.id, date: '2027-01-02' });
    expect(r.ref).toBe('BANK 2027-0001');
    await expectKassaError(b.call('entries.reverse', { id: p.id, date: '2030-01-01' }), 'ALREADY_REVERSED');
    const q = await b.call('entries.post', simpleEntry('2026-12-30', '1100', '8000', '9.00'));
    await expectKassaError(b.call('entries.reverse', { id: q.id, date: '2030-01-01' }), 'NO_OPEN_YEAR');
    expect((await b.call<VerifyResult>('audit.verify')).ok).toBe(true);
  });
});

// ================================================================================================
describe('entries.list filters', () => {
  let b: TestBooks;
  let s: Seeded;
  beforeAll(async () => {
    b = await makeBooks({ year: 2026 });
    s = await seed(b);
    await b.call('entries.post', simpleEntry('2027-02-01', '4000', '1100', '15.00', 'Vergoeding 100% vrijwilliger_a'));
    await b.call('entries.saveDraft', simpleEntry('2027-03-01', '4000', '1100', '15.00', 'Concept vergoeding'));
  });
  afterAll(() => b.close());

  const ids = (l: EntryList) => l.items.map((e) => e.id);

  it('lists everything newest first, with the total', async () => {
    const l = await b.call<EntryList>('entries.list');
    expect(l.total).toBe(8);
    const dates = l.items.map((e) => e.date);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('filters on year, from/to and account', async () => {
    expect(ids(await b.call('entries.list', { year: 2026 }))).toEqual([s.e5, s.e4, s.e3, s.e2, s.e1]);
    expect(ids(await b.call('entries.list', { from: '2026-02-01', to: '2026-03-10' }))).toEqual([s.e3, s.e2]);
    expect(ids(await b.call('entries.list', { account: '4300' }))).toEqual([s.e5, s.e4]);
    expect(ids(await b.call('entries.list', { account: '1100', year: 2026 }))).toEqual([s.e5, s.e2, s.e1]);
    expect(ids(await b.call('entries.list', { journal: 'KAS' }))).toEqual([s.e3]);
    expect((await b.call<EntryList>('entries.list', { status: 'draft' })).items.map((e) => e.description)).toEqual(['Concept vergoeding']);
    expect((await b.call<EntryList>('entries.list', { account: '9999' })).total).toBe(0);
  });

  it('searches descriptions and references, with % and _ taken literally', async () => {
    expect(ids(await b.call('entries.list', { search: 'taalcafé' }))).toEqual([s.e3]);
    expect(ids(await b.call('entries.list', { search: 'GIFT' }))).toEqual([s.e6, s.e1]);
    expect(ids(await b.call('entries.list', { search: 'BANK 2026-0002' }))).toEqual([s.e2]);
    expect(ids(await b.call('entries.list', { search: 'MEM 2026' }))).toEqual([s.e4]);
    expect((await b.call<EntryList>('entries.list', { search: '100%' })).items.map((e) => e.description)).toEqual(['Vergoeding 100% vrijwilliger_a']);
    expect((await b.call<EntryList>('entries.list', { search: '%' })).total).toBe(1);
    expect((await b.call<EntryList>('entries.list', { search: 'r_a' })).total).toBe(1);
    expect((await b.call<EntryList>('entries.list', { search: 'geen treffer' })).total).toBe(0);
  });

  it('pages with limit/offset and a stable total', async () => {
    const all = ids(await b.call('entries.list', {}));
    const p1 = await b.call<EntryList>('entries.list', { limit: 3, offset: 0 });
    const p2 = await b.call<EntryList>('entries.list', { limit: 3, offset: 3 });
    const p3 = await b.call<EntryList>('entries.list', { limit: 3, offset: 6 });
    expect([p1.total, p2.total, p3.total]).toEqual([8, 8, 8]);
    expect([...ids(p1), ...ids(p2), ...ids(p3)]).toEqual(all);
    expect(p3.items.length).toBe(2);
    expect((await b.call<EntryList>('entries.list', { year: 2026, limit: 2, offset: 1 })).total).toBe(5);
    await expectKassaError(b.call('entries.list', { limit: 0 }), 'INVALID_INPUT');
    await expectKassaError(b.call('entries.list', { limit: 1001 }), 'INVALID_INPUT');
    await expectKassaError(b.call('entries.list', { offset: -1 }), 'INVALID_INPUT');
  });
});

// ================================================================================================
describe('money.received / spent / transfer', () => {
  let b: TestBooks;
  beforeAll(async () => {
    b = await makeBooks({ year: 2026 });
  });
  afterAll(() => b.close());

  const lines = async (id: number) => (await b.call<Entry>('entries.get', { id })).lines.map((l) => [l.account, l.debit, l.credit]);

  it('received: debit the money account, credit the category', async () => {
    const p = await b.call('money.received', { date: '2026-02-01', description: 'Gift van Jan', amount: '25.00', into: '1100', category: '8000' });
    expect(p.ref).toBe('BANK 2026-0001');
    expect(await lines(p.id)).toEqual([['1100', '25.00', null], ['8000', null, '25.00']]);
    expect((await b.call<Entry>('entries.get', { id: p.id })).source).toBe('money.received');
  });

  it('spent: debit the category, credit the money account', async () => {
    const p = await b.call('money.spent', { date: '2026-02-02', description: 'Boodschappen', amount: '12.34', from: '1000', category: '4200' });
    expect(p.ref).toBe('KAS 2026-0001');
    expect(await lines(p.id)).toEqual([['4200', '12.34', null], ['1000', null, '12.34']]);
  });

  it('transfer: debit where it went, credit where it came from', async () => {
    const p = await b.call('money.transfer', { date: '2026-02-03', description: 'Kas aanvullen', amount: '100.00', from: '1100', to: '1000' });
    expect(await lines(p.id)).toEqual([['1000', '100.00', null], ['1100', null, '100.00']]);
    expect(p.ref).toBe('KAS 2026-0002');
    const tb = tbMap(await b.call<TrialBalance>('reports.trialBalance'));
    expect(tb['1000']).toEqual(['100.00', '12.34', '87.66']);
    expect(tb['1100']).toEqual(['25.00', '100.00', '-75.00']);
  });

  it('refuses mixed-up accounts and bad amounts', async () => {
    await expectKassaError(b.call('money.received', { date: '2026-02-04', description: 'x', amount: '1.00', into: '8000', category: '8000' }), 'INVALID_INPUT');
    await expectKassaError(b.call('money.received', { date: '2026-02-04', description: 'x', amount: '1.00', into: '1100', category: '1000' }), 'INVALID_INPUT');
    await expectKassaError(b.call('money.spent', { date: '2026-02-04', description: 'x', amount: '1.00', from: '4200', category: '4200' }), 'INVALID_INPUT');
    await expectKassaError(b.call('money.transfer', { date: '2026-02-04', description: 'x', amount: '1.00', from: '1100', to: '1100' }), 'INVALID_INPUT');
    await expectKassaError(b.call('money.transfer', { date: '2026-02-04', description: 'x', amount: '1.00', from: '1100', to: '4200' }), 'INVALID_INPUT');
    await expectKassaError(b.call('money.received', { date: '2026-02-04', description: 'x', amount: '1.00', into: '1100', category: '8999' }), 'UNKNOWN_ACCOUNT');
    for (const amount of ['12.345', 12.5, '1,2,3', '', '-5']) {
      await expectKassaError(b.call('money.spent', { date: '2026-02-04', description: 'x', amount, from: '1100', category: '4200' }), 'INVALID_AMOUNT');
    }
    expect((await b.call<EntryList>('entries.list')).total).toBe(3);
  });
});

// ================================================================================================
describe('reports', () => {
  let b: TestBooks;
  let s: Seeded;
  beforeAll(async () => {
    b = await makeBooks({ year: 2026 });
    s = await seed(b);
  });
  afterAll(() => b.close());

  it('trialBalance has exactly the shape of DESIGN.md section 4', async () => {
    const tb = await b.call<TrialBalance>('reports.trialBalance');
    expect(Object.keys(tb).sort()).toEqual(['accounts', 'totals']);
    expect(Object.keys(tb.totals).sort()).toEqual(['closing', 'credit', 'debit', 'opening']);
    for (const a of tb.accounts) {
      // code, name, debit, credit, balance as the contract says; `type` for the statements, and
      // opening/closing (with `kind` for the earlier years' result line) since issue 16
      expect(Object.keys(a).filter((k) => k !== 'type').sort()).toEqual(['balance', 'closing', 'code', 'credit', 'debit', 'kind', 'name', 'opening']);
      for (const k of ['opening', 'debit', 'credit', 'balance', 'closing'] as const) expect(a[k]).toMatch(/^-?\d+\.\d{2}$/);
      expect(typeof a.name).toBe('string');
    }
    expectTbConsistent(tb);
  });

  it('without year: every posting in every year', async () => {
    const tb = await b.call<TrialBalance>('reports.trialBalance');
    expect(tbMap(tb)).toEqual({
      '1000': ['25.50', '0.00', '25.50'],
      '1100': ['1100.00', '492.34', '607.66'],
      '4100': ['450.00', '0.00', '450.00'],
      '4200': ['40.00', '0.00', '40.00'],
      '4300': ['12.34', '10.00', '2.34'],
      '8000': ['0.00', '1000.00', '-1000.00'],
      '8100': ['0.00', '100.00', '-100.00'],
      '8400': ['0.00', '25.50', '-25.50'],
    });
    expect(tb.totals).toEqual({ opening: '0.00', debit: '1627.84', credit: '1627.84', closing: '0.00' });
    expect(tb.accounts.find((a) => a.code === '8000')!.name).toBe('Giften van particulieren');
  });

  it('with year: only that year', async () => {
    const y26 = await b.call<TrialBalance>('reports.trialBalance', { year: 2026 });
    expect(tbMap(y26)['1100']).toEqual(['1000.00', '492.34', '507.66']);
    expect(tbMap(y26)['8100']).toBeUndefined();
    expect(y26.totals).toEqual({ opening: '0.00', debit: '1527.84', credit: '1527.84', closing: '0.00' });
    const y27 = await b.call<TrialBalance>('reports.trialBalance', { year: 2027 });
    expect(tbMap(y27)).toEqual({ '1100': ['100.00', '0.00', '100.00'], '8100': ['0.00', '100.00', '-100.00'] });
    // 2027 opens with 2026's balance-sheet balances; 2026's result (still open) on one equity line.
    const open27 = Object.fromEntries(y27.accounts.map((a) => [a.code, [a.kind, a.opening, a.closing]]));
    expect(open27['1100']).toEqual(['account', '507.66', '607.66']);
    expect(open27['1000']).toEqual(['account', '25.50', '25.50']);
    expect(open27['4100']).toBeUndefined();
    const result26 = y26.accounts.filter((a) => a.type === 'income' || a.type === 'expense').reduce((t, a) => t + cents(a.balance), 0n);
    expect(cents(y27.accounts.find((a) => a.kind === 'earlierResult')!.opening)).toBe(result26);
    expectTbConsistent(y26);
    expectTbConsistent(y27);
    await expectKassaError(b.call('reports.trialBalance', { year: 2019 }), 'NOT_FOUND');
  });

  it('with date: everything up to and including that day', async () => {
    const at = await b.call<TrialBalance>('reports.trialBalance', { date: '2026-03-10' });
    expect(tbMap(at)).toEqual({
      '1000': ['25.50', '0.00', '25.50'],
      '1100': ['1000.00', '450.00', '550.00'],
      '4100': ['450.00', '0.00', '450.00'],
      '8000': ['0.00', '1000.00', '-1000.00'],
      '8400': ['0.00', '25.50', '-25.50'],
    });
    expect(at.totals).toEqual({ opening: '0.00', debit: '1475.50', credit: '1475.50', closing: '0.00' });
    const before = await b.call<TrialBalance>('reports.trialBalance', { date: '2026-03-09' });
    expect(tbMap(before)['1000']).toBeUndefined();
    expect((await b.call<TrialBalance>('reports.trialBalance', { date: '2025-12-31' })).accounts).toEqual([]);
    expect(await b.call('reports.trialBalance', { date: '2099-12-31' })).toEqual(await b.call('reports.trialBalance'));
    // the whole-year paths and the date path agree
    expect(await b.call('reports.trialBalance', { date: '2026-12-31' })).toEqual(await b.call('reports.trialBalance', { year: 2026 }));
    expect(await b.call('reports.trialBalance', { from: '2026-01-01', to: '2026-12-31' })).toEqual(await b.call('reports.trialBalance', { year: 2026 }));
  });

  it('generalLedger: opening, running and closing balance', async () => {
    const gl = await b.call<GeneralLedger>('reports.generalLedger', { account: '1100', year: 2026 });
    expect(gl.account).toMatchObject({ code: '1100', name: 'Bank betaalrekening', type: 'asset' });
    expect(gl.opening).toBe('0.00');
    expect(gl.rows.map((r) => [r.entryId, r.ref, r.date, r.debit, r.credit, r.balance])).toEqual([
      [s.e1, 'BANK 2026-0001', '2026-01-15', '1000.00', null, '1000.00'],
      [s.e2, 'BANK 2026-0002', '2026-02-01', null, '450.00', '550.00'],
      [s.e5, 'BANK 2026-0003', '2026-06-30', null, '42.34', '507.66'],
    ]);
    expect(gl.rows[0]!.description).toBe('Gift van Fatima');
    expect(gl.closing).toBe('507.66');
    expect(gl.totals).toEqual({ debit: '1000.00', credit: '492.34' });

    const next = await b.call<GeneralLedger>('reports.generalLedger', { account: '1100', year: 2027 });
    expect(next.opening).toBe('507.66');
    expect(next.rows.map((r) => r.balance)).toEqual(['607.66']);
    expect(next.closing).toBe('607.66');

    const part = await b.call<GeneralLedger>('reports.generalLedger', { account: '1100', from: '2026-02-01', to: '2026-06-29' });
    expect([part.opening, part.rows.length, part.closing]).toEqual(['1000.00', 1, '550.00']);

    const all = await b.call<GeneralLedger>('reports.generalLedger', { account: '8000' });
    expect([all.opening, all.closing, all.totals.credit]).toEqual(['0.00', '-1000.00', '1000.00']);
    await expectKassaError(b.call('reports.generalLedger', { account: '7777' }), 'UNKNOWN_ACCOUNT');
  });

  it('the ledger closing equals the trial balance for every account', async () => {
    const tb = await b.call<TrialBalance>('reports.trialBalance', { year: 2026 });
    for (const a of tb.accounts) {
      const gl = await b.call<GeneralLedger>('reports.generalLedger', { account: a.code, year: 2026 });
      expect(gl.closing, a.code).toBe(a.balance);
      expect(gl.totals, a.code).toEqual({ debit: a.debit, credit: a.credit });
    }
  });

  it('reports.journal lists posted entries only', async () => {
    await b.call('entries.saveDraft', simpleEntry('2026-07-01', '4100', '1100', '1.00', 'Concept'));
    const j = await b.call<EntryList>('reports.journal', { year: 2026 });
    expect(j.total).toBe(5);
    expect(j.items.every((e) => e.status === 'posted')).toBe(true);
  });

  it('audit.verify is ok on good books and counts what it saw', async () => {
    const r = await b.call<VerifyResult>('audit.verify');
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.checks.length).toBeGreaterThanOrEqual(6);
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect(r.counts.entries).toBe(7);
    expect(r.counts.lines).toBe(15);
    expect(r.counts.auditRows).toBeGreaterThanOrEqual(9);
  });
});

// ================================================================================================
// The database's own last line of defence: raw SQL through the open connection, bypassing the
// services, as a rogue tool would.
// ================================================================================================
describe('database invariants (raw SQL)', () => {
  let b: TestBooks;
  let s: Seeded;
  let db: Database.Database;
  const run = (sql: string, ...params: unknown[]) => () => db.prepare(sql).run(...params);
  const lastNumber = (journal: string, year: number) =>
    (db.prepare('SELECT MAX(number) AS n FROM entries e JOIN journals j ON j.id = e.journal_id WHERE j.code = ? AND e.year = ?').get(journal, year) as { n: number }).n;
  const journalId = (code: string) => (db.prepare('SELECT id FROM journals WHERE code = ?').get(code) as { id: number }).id;
  const accountId = (code: string) => (db.prepare('SELECT id FROM accounts WHERE code = ?').get(code) as { id: number }).id;
  const draft = (year: number, date: string, journal = 'BANK') =>
    Number(db.prepare(`INSERT INTO entries (journal_id, year, number, date, description, status, source) VALUES (?, ?, NULL, ?, 'rogue', 'draft', 'manual')`).run(journalId(journal), year, date).lastInsertRowid);
  const line = (entry: number, account: string, amount: number, date: string) =>
    db.prepare('INSERT INTO lines (entry_id, account_id, amount_cents, date, posted) VALUES (?, ?, ?, ?, 0)').run(entry, accountId(account), amount, date);
  let tbBefore: TrialBalance;

  beforeAll(async () => {
    b = await makeBooks({ year: 2026 });
    s = await seed(b);
    db = b.session.books!.sqlite;
    tbBefore = await b.call<TrialBalance>('reports.trialBalance');
  });
  afterAll(() => b.close());

  it('a posted entry cannot be updated or deleted', () => {
    expect(run(`UPDATE entries SET description = 'anders' WHERE id = ?`, s.e1)).toThrow(/POSTED_IMMUTABLE/);
    expect(run(`UPDATE entries SET date = '2026-01-16' WHERE id = ?`, s.e1)).toThrow(/POSTED_IMMUTABLE/);
    expect(run(`UPDATE entries SET status = 'draft', number = NULL WHERE id = ?`, s.e1)).toThrow(/POSTED_IMMUTABLE/);
    expect(run(`UPDATE entries SET number = 9 WHERE id = ?`, s.e1)).toThrow(/POSTED_IMMUTABLE/);
    expect(run(`DELETE FROM entries WHERE id = ?`, s.e1)).toThrow(/POSTED_IMMUTABLE/);
    expect(run(`DELETE FROM entries`)).toThrow(/POSTED_IMMUTABLE/);
  });

  it('the lines of a posted entry cannot be updated, deleted or added to', () => {
    expect(run(`UPDATE lines SET amount_cents = amount_cents + 1 WHERE entry_id = ?`, s.e1)).toThrow(/POSTED_IMMUTABLE/);
    expect(run(`UPDATE lines SET account_id = ? WHERE entry_id = ?`, accountId('8900'), s.e1)).toThrow(/POSTED_IMMUTABLE/);
    expect(run(`UPDATE lines SET posted = 0 WHERE entry_id = ?`, s.e1)).toThrow(/POSTED_IMMUTABLE/);
    expect(run(`UPDATE lines SET description = 'x' WHERE entry_id = ?`, s.e1)).toThrow(/POSTED_IMMUTABLE/);
    expect(run(`DELETE FROM lines WHERE entry_id = ?`, s.e1)).toThrow(/POSTED_IMMUTABLE/);
    expect(() => line(s.e1, '8900', 5, '2026-01-15')).toThrow(/POSTED_IMMUTABLE/);
    expect(run(`INSERT INTO lines (entry_id, account_id, amount_cents, date, posted) VALUES (?, ?, 5, '2026-01-15', 1)`, s.e1, accountId('8900'))).toThrow(/POSTED_IMMUTABLE/);
  });

  it('an entry cannot be inserted as posted', () => {
    expect(
      run(`INSERT INTO entries (journal_id, year, number, date, description, status, source) VALUES (?, 2026, 4, '2026-07-01', 'x', 'posted', 'manual')`, journalId('BANK')),
    ).toThrow(/POSTED_IMMUTABLE/);
  });

  it('a draft line cannot be marked posted by itself', () => {
    const id = draft(2026, '2026-07-02');
    line(id, '1100', 100, '2026-07-02');
    line(id, '8000', -100, '2026-07-02');
    expect(run(`UPDATE lines SET posted = 1 WHERE entry_id = ?`, id)).toThrow(/POSTED_IMMUTABLE/);
    db.prepare('DELETE FROM lines WHERE entry_id = ?').run(id);
    db.prepare('DELETE FROM entries WHERE id = ?').run(id);
  });

  it('posting an unbalanced draft is refused (UNBALANCED), also with fewer than two lines', () => {
    const id = draft(2026, '2026-07-03');
    line(id, '1100', 100, '2026-07-03');
    line(id, '8000', -99, '2026-07-03');
    const next = lastNumber('BANK', 2026) + 1;
    expect(run(`UPDATE entries SET status = 'posted', number = ? WHERE id = ?`, next, id)).toThrow(/UNBALANCED/);
    db.prepare('DELETE FROM lines WHERE entry_id = ? AND amount_cents = -99').run(id);
    expect(run(`UPDATE entries SET status = 'posted', number = ? WHERE id = ?`, next, id)).toThrow(/UNBALANCED/);
    db.prepare('DELETE FROM lines WHERE entry_id = ?').run(id);
    expect(run(`UPDATE entries SET status = 'posted', number = ? WHERE id = ?`, next, id)).toThrow(/UNBALANCED/);
    db.prepare('DELETE FROM entries WHERE id = ?').run(id);
  });

  it('a wrong number is refused (NOT_GAPLESS): a gap, a duplicate, or none', () => {
    const id = draft(2026, '2026-07-04');
    line(id, '1100', 250, '2026-07-04');
    line(id, '8000', -250, '2026-07-04');
    const last = lastNumber('BANK', 2026);
    expect(last).toBe(3);
    expect(run(`UPDATE entries SET status = 'posted', number = ? WHERE id = ?`, last + 2, id)).toThrow(/NOT_GAPLESS/);
    expect(run(`UPDATE entries SET status = 'posted', number = ? WHERE id = ?`, last, id)).toThrow(/NOT_GAPLESS|UNIQUE/);
    expect(run(`UPDATE entries SET status = 'posted', number = 0 WHERE id = ?`, id)).toThrow(/NOT_GAPLESS/);
    expect(run(`UPDATE entries SET status = 'posted' WHERE id = ?`, id)).toThrow();
    // the right number goes through, and the lines become posted with it
    db.prepare(`UPDATE entries SET status = 'posted', number = ? WHERE id = ?`).run(last + 1, id);
    expect((db.prepare('SELECT MIN(posted) AS p FROM lines WHERE entry_id = ?').get(id) as { p: number }).p).toBe(1);
  });

  it('a line must carry its entry\'s date (LINE_MISMATCH)', () => {
    const id = draft(2026, '2026-07-05');
    expect(() => line(id, '1100', 100, '2026-07-06')).toThrow(/LINE_MISMATCH/);
    db.prepare('DELETE FROM entries WHERE id = ?').run(id);
  });

  it('a date outside the entry\'s fiscal year is refused (NO_OPEN_YEAR)', () => {
    expect(() => draft(2027, '2026-12-31')).toThrow(/NO_OPEN_YEAR/);
    expect(() => draft(2031, '2031-01-01')).toThrow(/NO_OPEN_YEAR|FOREIGN KEY|YEAR_CLOSED/);
    const id = draft(2027, '2027-05-01');
    expect(run(`UPDATE entries SET date = '2026-05-01' WHERE id = ?`, id)).toThrow(/NO_OPEN_YEAR/);
    db.prepare('DELETE FROM entries WHERE id = ?').run(id);
  });

  it('a closed year takes no writes (YEAR_CLOSED)', async () => {
    // the draft left over from the NOT_GAPLESS test was posted; close 2026 through the service
    const restore = todayAfterYear(2026);
    await b.call('years.close', { year: 2026 });
    restore();
    expect(() => draft(2026, '2026-08-01')).toThrow(/YEAR_CLOSED/);
    const open = draft(2027, '2027-08-01');
    expect(run(`UPDATE entries SET year = 2026, date = '2026-08-01' WHERE id = ?`, open)).toThrow(/YEAR_CLOSED/);
    db.prepare('DELETE FROM entries WHERE id = ?').run(open);
    expect(run(`UPDATE fiscal_years SET end_date = '2026-12-30' WHERE year = 2026`)).toThrow(/YEAR_CLOSED/);
    expect(run(`UPDATE fiscal_years SET start_date = '2026-02-01' WHERE year = 2026`)).toThrow(/YEAR_CLOSED/);
    expect(run(`DELETE FROM fiscal_years WHERE year = 2026`)).toThrow(/HAS_POSTINGS/);
  });

  it('accounts with postings cannot be deleted (HAS_POSTINGS)', () => {
    expect(run(`DELETE FROM accounts WHERE code = '1100'`)).toThrow(/HAS_POSTINGS/);
  });

  it('the audit log is append-only and chained', () => {
    expect(run(`UPDATE audit_log SET payload = '{}' WHERE id = 1`)).toThrow(/AUDIT_APPEND_ONLY/);
    expect(run(`UPDATE audit_log SET action = 'x'`)).toThrow(/AUDIT_APPEND_ONLY/);
    expect(run(`DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)`)).toThrow(/AUDIT_APPEND_ONLY/);
    expect(run(`DELETE FROM audit_log`)).toThrow(/AUDIT_APPEND_ONLY/);
    expect(run(`INSERT INTO audit_log (at, action, payload, prev_hash, hash) VALUES ('now', 'rogue', '{}', 'not-the-last-hash', 'h1')`)).toThrow(/AUDIT_CHAIN/);
  });

  it('after all those attempts the books are as they were and verify is ok', async () => {
    const tb = await b.call<TrialBalance>('reports.trialBalance');
    // only the one properly numbered rogue entry (2.50) was added
    const m = tbMap(tb);
    const before = tbMap(tbBefore);
    expect(cents(m['1100']![2])).toBe(cents(before['1100']![2]) + 250n);
    expect(cents(m['8000']![2])).toBe(cents(before['8000']![2]) - 250n);
    // ...but posted with raw SQL, behind the app's back: it has no fact in the history (issue 17)
    const r = await b.call<VerifyResult>('audit.verify');
    expect(r.problems.map((p) => p.code)).toEqual(['FACT_UNRECORDED']);
    expect(r.problems[0]!.message).toBe('Boeking BANK 2026-0004 staat niet in de geschiedenis: buiten het programma om toegevoegd.');
  });
});

// ================================================================================================
// Tampering with the triggers dropped (in a copy, with plain SQLite): verify must say what is wrong.
// ================================================================================================
describe('audit.verify detects tampering', () => {
  let base: string;
  let s: Seeded;

  beforeAll(async () => {
    const b = await makeBooks({ year: 2026 });
    s = await seed(b);
    await b.call('entries.post', simpleEntry('2027-01-06', '1100', '8000', '5.00', 'Nog een gift'));
    expect((await b.call<VerifyResult>('audit.verify')).ok).toBe(true);
    b.close();
    base = b.file;
    expect(fs.existsSync(`${base}-wal`)).toBe(false);
  });

  async function tamper(sqls: string[]): Promise<VerifyResult> {
    const copy = path.join(tempDir(), 'tampered.kassa');
    fs.copyFileSync(base, copy);
    const raw = new Database(copy);
    for (const sql of sqls) raw.exec(sql);
    raw.close();
    const t = await openBooksSession(copy);
    try {
      return await t.call<VerifyResult>('audit.verify');
    } finally {
      t.close();
    }
  }
  const codes = (r: VerifyResult) => [...new Set(r.problems.map((p) => p.code))].sort();

  it('a changed amount: UNBALANCED, naming the entry and the difference', async () => {
    const r = await tamper([
      'DROP TRIGGER lines_update_posted',
      `UPDATE lines SET amount_cents = amount_cents + 1 WHERE entry_id = ${s.e2} AND amount_cents > 0`,
    ]);
    expect(r.ok).toBe(false);
    expect(codes(r)).toContain('UNBALANCED');
    expect(codes(r)).not.toContain('AUDIT_CHAIN');
    expect(codes(r)).not.toContain('NUMBER_GAP');
    const p = r.problems.find((x) => x.code === 'UNBALANCED')!;
    expect(p.message).toContain('BANK 2026-2');
    expect(p.message).toMatch(/\b1 cent/);
    expectDutch(p.message);
    expect(r.checks.find((c) => c.name === 'balanced')!.ok).toBe(false);
  });

  it('a deleted line: UNBALANCED', async () => {
    const r = await tamper(['DROP TRIGGER lines_delete_check', `DELETE FROM lines WHERE id = (SELECT MIN(id) FROM lines WHERE entry_id = ${s.e3})`]);
    expect(codes(r)).toContain('UNBALANCED');
  });

  it('a deleted audit row: AUDIT_CHAIN', async () => {
    const r = await tamper(['DROP TRIGGER audit_log_no_delete', 'DELETE FROM audit_log WHERE id = 3']);
    expect(r.ok).toBe(false);
    // the trigger left dropped and the fact that anchored that row are reported too (issue 17)
    expect(codes(r)).toEqual(['AUDIT_CHAIN', 'AUDIT_CUT', 'TRIGGER_MISSING']);
    expect(r.problems[0]!.message).toContain('4');
    expectDutch(r.problems[0]!.message);
  });

  it('an edited audit row: AUDIT_HASH', async () => {
    const r = await tamper(['DROP TRIGGER audit_log_no_update', `UPDATE audit_log SET payload = '{"ref":"vals"}' WHERE id = 2`]);
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual(['AUDIT_HASH', 'TRIGGER_MISSING']);
  });

  it('a renumbered entry: NUMBER_GAP', async () => {
    const r = await tamper(['DROP TRIGGER entries_posted_immutable', `UPDATE entries SET number = 7 WHERE id = ${s.e5}`]);
    expect(r.ok).toBe(false);
    // the history sees the old number gone and the new one unrecorded (issue 17)
    expect(codes(r)).toEqual(['FACT_DELETED', 'FACT_UNRECORDED', 'NUMBER_GAP', 'TRIGGER_MISSING']);
    expect(r.problems[0]!.message).toContain('BANK 2026');
    expectDutch(r.problems[0]!.message);
  });

  it('a deleted posted entry with its lines: NUMBER_GAP', async () => {
    const r = await tamper([
      'DROP TRIGGER entries_posted_undeletable', 'DROP TRIGGER lines_delete_check',
      `DELETE FROM lines WHERE entry_id = ${s.e6}`, `DELETE FROM entries WHERE id = ${s.e6}`,
    ]);
    expect(r.ok).toBe(false);
    expect(codes(r)).toContain('NUMBER_GAP');
    expect(r.problems.find((p) => p.code === 'NUMBER_GAP')!.message).toContain('BANK 2027');
  });

  it('a doctored running total (no trigger needs dropping): TOTALS_MISMATCH', async () => {
    const r = await tamper([`UPDATE account_totals SET debit_cents = debit_cents + 100 WHERE year = 2026 AND account_id = (SELECT id FROM accounts WHERE code = '1100')`]);
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual(['TOTALS_MISMATCH']);
    expectDutch(r.problems[0]!.message);
  });

  it('the untouched original still verifies', async () => {
    const t = await openBooksSession(base);
    try {
      expect((await t.call<VerifyResult>('audit.verify')).ok).toBe(true);
    } finally {
      t.close();
    }
  });
});
