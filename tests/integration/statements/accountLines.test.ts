/**
 * A treasurer's own account on a statement line of her choice (accounts.create / accounts.update with
 * lineRj640 / lineRj650): a loan from the church on langlopende schulden, so its repayments are
 * financing and it is not a short-term debt. A line that does not fit the type is refused in Dutch,
 * with nothing written.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BalanceSheet, CashFlow } from '../../../shared/api/statements';
import { cleanupTempDirs, expectDutch, expectKassaError, fingerprint, makeBooks, simpleEntry, type TestBooks } from '../helpers';

let tb: TestBooks;

beforeAll(async () => {
  tb = await makeBooks({ year: 2025 });
});

afterAll(() => {
  tb.close();
  cleanupTempDirs();
});

test('an own loan account on langlopende schulden, and a provision moved there by an update', async () => {
  const acc = await tb.call('accounts.create', { code: '0710', name: 'Lening van de kerk', type: 'liability', lineRj640: 'langlopende_schulden', lineRj650: 'langlopende_schulden' });
  expect([acc.lineRj640, acc.lineRj650]).toEqual(['langlopende_schulden', 'langlopende_schulden']);
  await tb.call('entries.post', simpleEntry('2025-03-01', '1100', '0710', '2500.00', 'Lening ontvangen'));
  await tb.call('accounts.create', { code: '1650', name: 'Reservering onderhoud', type: 'liability' });
  await tb.call('entries.post', simpleEntry('2025-12-31', '4100', '1650', '300.00', 'Onderhoud'));
  await tb.call('accounts.update', { code: '1650', lineRj640: 'voorzieningen', lineRj650: 'voorzieningen' });
  const bs = await tb.call<BalanceSheet>('reports.balanceSheet', { year: 2025 });
  const row = (k: string) => bs.passiva.find((r) => r.key === k)!;
  expect(row('langlopende_schulden').accounts.map((a) => [a.code, a.current])).toEqual([['0710', '2500.00']]);
  expect(row('voorzieningen').accounts.map((a) => [a.code, a.current])).toEqual([['1650', '300.00']]);
  expect(row('kortlopende_schulden').current).toBe('0.00');
  const cf = await tb.call<CashFlow>('reports.cashFlow', { year: 2025 });
  expect(cf.sections.find((s) => s.key === 'financiering')!.net).toBe('2500.00');
});

test('a line that does not fit the type is refused, nothing written', async () => {
  const before = fingerprint(tb.file);
  const cases: [string, unknown, string][] = [
    ['accounts.create', { code: '0210', name: 'Borg', type: 'asset', lineRj640: 'voorzieningen' }, 'lineRj640'],
    ['accounts.create', { code: '4710', name: 'Rente', type: 'expense', lineRj650: 'liquide' }, 'lineRj650'],
    ['accounts.create', { code: '4720', name: 'Rente', type: 'expense', lineRj650: 'financiele_lasten' }, 'lineRj650'],
    ['accounts.update', { code: '1650', lineRj640: 'onzin' }, 'lineRj640'],
    ['accounts.update', { code: '0590', lineRj640: 'vorderingen' }, 'lineRj640'],
  ];
  for (const [method, input, field] of cases) {
    const e = await expectKassaError(tb.call(method, input), 'INVALID_INPUT');
    expect(e.field, JSON.stringify(input)).toBe(field);
    expectDutch(e.message);
  }
  expect(fingerprint(tb.file)).toEqual(before);
});

test('accounts.lineChoices offers, per layout and type, exactly the lines accounts.update accepts', async () => {
  const choices = await tb.call('accounts.lineChoices', {});
  expect(choices.rj640.liability.map((l: { key: string }) => l.key)).toContain('langlopende_schulden');
  expect(choices.rj640.asset.map((l: { key: string }) => l.key)).not.toContain('langlopende_schulden');
  expect(choices.rj650.expense.map((l: { key: string }) => l.key)).toContain('wervingskosten');
  expect(choices.rj640.expense.find((l: { key: string }) => l.key === 'lasten_huisvesting')?.label).toBe('Huisvesting');
  await tb.call('accounts.create', { code: '4160', name: 'Schoonmaak', type: 'expense' });
  for (const l of choices.rj640.expense) await tb.call('accounts.update', { code: '4160', lineRj640: l.key });
  for (const l of choices.rj650.expense) await tb.call('accounts.update', { code: '4160', lineRj650: l.key });
  await expectKassaError(tb.call('accounts.update', { code: '4160', lineRj640: choices.rj640.asset[0].key }), 'INVALID_INPUT');
});
