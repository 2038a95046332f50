/**
 * Issue 18, bank inbox: a line booked as a volunteer fee goes through the same limit check as
 * "Vrijwilliger betalen" and is registered as that volunteer's payment; a line that matches an
 * entry already made by hand is linked to it instead of booked twice. Every refusal writes nothing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { BankConfirmResult, BankInbox, BankTransaction } from '../../../shared/api/bank';
import type { TrialBalance } from '../../../shared/api/types';
import type { VolunteerPayment } from '../../../shared/api/volunteers';
import { cleanupTempDirs, expectDutch, expectKassaError, tableSnapshot, tempDir, type TestBooks } from '../helpers';
import { bankBooks, camt, writeTemp } from './helpers';

afterAll(cleanupTempDirs);

const FATIMA = 'NL03INGB0004567890';

async function importLines(b: TestBooks, lines: { date: string; cents: number; text: string; name?: string }[]): Promise<BankTransaction[]> {
  const xml = camt({ from: '2026-03-01', to: '2026-03-31', opening: 100000, lines: lines.map((l) => ({ name: 'F. El Amrani', iban: FATIMA, ...l })) });
  await b.call('bank.import', { path: writeTemp(tempDir(), 'march.xml', xml) });
  return (await b.call<BankInbox>('bank.inbox', {})).items;
}

async function fatima(b: TestBooks): Promise<number> {
  return (await b.call<{ id: number }>('persons.create', { name: 'Fatima El Amrani', birthDate: '1980-04-02' })).id;
}

describe('a bank line on the volunteer fee account', () => {
  it('over the monthly maximum: refused on assign and on confirm with the message of "Vrijwilliger betalen"; nothing written', async () => {
    const b = await bankBooks();
    try {
      const id = await fatima(b);
      await b.call('volunteers.pay', { person: id, date: '2026-03-05', amount: '200.00', kind: 'fee', description: 'Inzet maart', payFrom: '1000' });
      const [line] = await importLines(b, [{ date: '2026-03-20', cents: -5000, text: 'Vrijwilligersvergoeding maart' }]);
      // What "Vrijwilliger betalen" says for the same payment.
      const pay = await expectKassaError(
        b.call('volunteers.pay', { person: id, date: '2026-03-20', amount: '50.00', kind: 'fee', description: 'x', payFrom: '1100' }),
        'LIMIT_EXCEEDED',
      );
      const before = tableSnapshot(b);
      const e = await expectKassaError(b.call('bank.assign', { transaction: line!.id, account: '4000', person: id }), 'LIMIT_EXCEEDED');
      expect(e.message).toBe(pay.message);
      expect(e.field).toBe('person');
      expect(e.message).toMatch(/niet meer dan €\s20,00/);
      // Without a volunteer a fee cannot be assigned at all.
      const none = await expectKassaError(b.call('bank.assign', { transaction: line!.id, account: '4000' }), 'INVALID_INPUT');
      expect(none.field).toBe('person');
      expectDutch(none.message);
      expect(tableSnapshot(b)).toEqual(before);

      // Assigned while it still fitted, then the limit filled up: confirm checks again.
      await b.call('volunteers.cancel', { id: (await b.call<VolunteerPayment[]>('volunteers.payments', { year: 2026, person: id }))[0]!.id });
      await b.call('bank.assign', { transaction: line!.id, account: '4000', person: id });
      await b.call('volunteers.pay', { person: id, date: '2026-03-06', amount: '200.00', kind: 'fee', description: 'Inzet maart opnieuw', payFrom: '1000' });
      const mid = tableSnapshot(b);
      const c = await expectKassaError(b.call('bank.confirm', { transactions: [line!.id] }), 'LIMIT_EXCEEDED');
      expect(c.message).toContain(pay.message);
      expect(c.message).toContain('Er is niets geboekt.');
      expect(tableSnapshot(b)).toEqual(mid);
    } finally {
      b.close();
    }
  });

  it('within the limits: booked and registered as the volunteer\'s payment; two lines in one batch count together; reopen cancels it', async () => {
    const b = await bankBooks();
    try {
      const id = await fatima(b);
      const lines = await importLines(b, [
        { date: '2026-03-10', cents: -12000, text: 'Vergoeding deel 1' },
        { date: '2026-03-12', cents: -12000, text: 'Vergoeding deel 2' },
      ]);
      for (const l of lines) await b.call('bank.assign', { transaction: l.id, account: '4000', person: id });
      // Each fits alone (€ 120 of € 220), together they do not: the whole batch is refused.
      const before = tableSnapshot(b);
      const e = await expectKassaError(b.call('bank.confirm', { transactions: lines.map((l) => l.id) }), 'LIMIT_EXCEEDED');
      expect(e.message).toContain('Deze betaling is te hoog voor maart 2026');
      expect(tableSnapshot(b)).toEqual(before);

      const r = await b.call<BankConfirmResult>('bank.confirm', { transactions: [lines[0]!.id] });
      const payments = await b.call<VolunteerPayment[]>('volunteers.payments', { year: 2026, person: id });
      expect(payments).toHaveLength(1);
      expect(payments[0]).toMatchObject({ amount: '120.00', kind: 'fee', status: 'paid', payFrom: '1100', entryId: r.entries[0]!.id, paidDate: '2026-03-10' });
      const check = await b.call('volunteers.check', { person: id, date: '2026-03-31', kind: 'fee' });
      expect(check.totals.monthLeft).toBe('100.00');
      expect((await b.call('audit.verify')).ok).toBe(true);

      await b.call('bank.reopen', { transaction: lines[0]!.id });
      expect((await b.call<VolunteerPayment[]>('volunteers.payments', { year: 2026, person: id }))[0]!.status).toBe('cancelled');
      expect((await b.call('volunteers.check', { person: id, date: '2026-03-31', kind: 'fee' })).totals.monthLeft).toBe('220.00');
    } finally {
      b.close();
    }
  });
});

describe('a bank line that matches an entry made by hand', () => {
  it('the inbox names the entry; bank.link writes no entry and marks the line done; reopen only unlinks', async () => {
    const b = await bankBooks();
    try {
      const spent = await b.call<{ id: number; ref: string }>('money.spent', { date: '2026-03-03', description: 'Verf voor de muurschildering', amount: '45.00', from: '1100', category: '4300' });
      await b.call('money.spent', { date: '2026-03-03', description: 'Contant betaald', amount: '45.00', from: '1000', category: '4300' });
      const lines = await importLines(b, [
        { date: '2026-03-09', cents: -4500, text: 'Praxis Utrecht' },
        { date: '2026-03-20', cents: -4500, text: 'Praxis Utrecht' },
        { date: '2026-03-09', cents: -4501, text: 'Net iets anders' },
      ]);
      const [near, far, other] = lines;
      expect(near!.match).toMatchObject({ entry: spent.id, ref: spent.ref, date: '2026-03-03', description: 'Verf voor de muurschildering' });
      expect(far!.match).toBeNull(); // 17 days apart
      expect(other!.match).toBeNull(); // another amount

      const tb = await b.call<TrialBalance>('reports.trialBalance', { year: 2026 });
      // Refusals: an entry that does not match, a line that is not in the inbox; nothing written.
      const before = tableSnapshot(b);
      const e1 = await expectKassaError(b.call('bank.link', { transaction: far!.id, entry: spent.id }), 'INVALID_INPUT');
      expectDutch(e1.message);
      expect(e1.field).toBe('entry');
      await expectKassaError(b.call('bank.link', { transaction: near!.id, entry: 9999 }), 'NOT_FOUND');
      await expectKassaError(b.call('bank.link', { transaction: 9999, entry: spent.id }), 'NOT_FOUND');
      expect(tableSnapshot(b)).toEqual(before);

      const linked = await b.call<BankTransaction>('bank.link', { transaction: near!.id, entry: spent.id });
      expect(linked).toMatchObject({ status: 'booked', linked: true, match: null, entry: { id: spent.id, ref: spent.ref, reversed: false } });
      expect(await b.call<TrialBalance>('reports.trialBalance', { year: 2026 })).toEqual(tb);
      // Once linked, the entry is no match for the other line, and the line cannot be linked again.
      expect((await b.call<BankInbox>('bank.inbox', {})).items.every((t) => t.match === null)).toBe(true);
      await expectKassaError(b.call('bank.link', { transaction: near!.id, entry: spent.id }), 'POSTED_IMMUTABLE');

      const back = await b.call<{ transaction: BankTransaction; reversal: unknown }>('bank.reopen', { transaction: near!.id });
      expect(back.reversal).toBeNull();
      expect(back.transaction).toMatchObject({ status: 'inbox', linked: false, entry: null, match: { entry: spent.id } });
      expect(await b.call<TrialBalance>('reports.trialBalance', { year: 2026 })).toEqual(tb);
      expect((await b.call('audit.verify')).ok).toBe(true);
    } finally {
      b.close();
    }
  });
});
