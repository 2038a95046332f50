/**
 * Issue 8, confirm and reconcile: assigned lines become balanced, posted entries in the bank
 * account's journal (one transaction per confirm), the trial balance moves, a line that cannot be
 * booked stops the batch with nothing written, reopen reverses, and the reconciliation (per
 * account and for the year-end check) tells bank and books apart.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { BankConfirmResult, BankInbox, BankReconciliation, BankReconciliationStatus, BankTransaction } from '../../../shared/api/bank';
import type { Entry } from '../../../shared/api/types';
import { reconciliationStatus } from '../../../electron/books/bank/reconciliation';
import { cleanupTempDirs, expectDutch, expectKassaError, simpleEntry, tempDir, type Call } from '../helpers';
import { bankBooks, bankState, camt, counts, fixture, ING, RABO, writeTemp } from './helpers';

afterAll(cleanupTempDirs);

/** Assign the ING January fixture the way a treasurer would. */
const CHOICES: [string, string][] = [
  ['Gift januari', '8000'], ['Subsidie', '8200'], ['Huur', '4100'], ['Factuur 2026-0007', '8400'],
  ['Vrijwilligersvergoeding', '4000'], ['Bijdrage', '8300'], ['Kosten', '4610'],
];

async function assignAll(call: Call): Promise<BankTransaction[]> {
  const inbox = await call<BankInbox>('bank.inbox', {});
  // A fee on 4000 goes to a volunteer (checked against the limits like "Vrijwilliger betalen").
  let volunteer: number | undefined;
  for (const t of inbox.items) {
    const choice = CHOICES.find(([text]) => t.description.includes(text));
    if (choice?.[1] === '4000') volunteer ??= (await call<{ id: number }>('persons.create', { name: t.counterpartyName ?? 'Vrijwilliger' })).id;
    if (choice) await call('bank.assign', { transaction: t.id, account: choice[1], ...(choice[1] === '4000' ? { person: volunteer } : {}) });
  }
  return inbox.items;
}

describe('bank.confirm', () => {
  it('writes balanced BANK entries through the books engine and the trial balance moves', async () => {
    const b = await bankBooks(ING);
    try {
      await b.call('bank.import', { path: fixture('camt053-001-02-ing.xml') });
      const lines = await assignAll(b.call);
      const r = await b.call<BankConfirmResult>('bank.confirm', { transactions: 'all-assigned' });
      expect(r.count).toBe(8);
      expect(r.entries.map((e) => e.ref)).toEqual(Array.from({ length: 8 }, (_, i) => `BANK 2026-${String(i + 1).padStart(4, '0')}`));
      for (const e of r.entries) {
        const entry = await b.call<Entry>('entries.get', { id: e.id });
        expect(entry).toMatchObject({ journal: 'BANK', status: 'posted', source: 'import' });
        const bank = lines.find((l) => l.id === e.transaction)!;
        expect(entry.date).toBe(bank.date);
        const bankLine = entry.lines.find((l) => l.account === '1100')!;
        expect(bank.amount.startsWith('-') ? `-${bankLine.credit}` : bankLine.debit).toBe(bank.amount);
        expect(entry.lines).toHaveLength(2);
      }
      const tb = await b.call('reports.trialBalance', {});
      const bal = Object.fromEntries(tb.accounts.map((a: { code: string; balance: string }) => [a.code, a.balance]));
      expect(bal).toEqual({
        '1100': '3067.65', '4000': '145.00', '4100': '450.00', '4610': '12.35', '8000': '-25.00', '8200': '-2500.00', '8300': '-1000.00', '8400': '-150.00',
      });
      expect(tb.totals.debit).toBe(tb.totals.credit);
      const inbox = await b.call<BankInbox>('bank.inbox', { status: 'all' });
      expect(inbox.counts).toMatchObject({ inbox: 0, booked: 8 });
      expect(inbox.items.every((t) => t.entry?.ref?.startsWith('BANK 2026-'))).toBe(true);
      // the description of the entry is the counterparty and the bank's text
      const rent = await b.call<Entry>('entries.get', { id: r.entries.find((e) => lines.find((l) => l.id === e.transaction)?.description.includes('Huur'))!.id });
      expect(rent.description).toBe('Woonstichting De Linie: Huur buurtruimte januari 2026');
      expect((await b.call('audit.verify', {})).ok).toBe(true);
    } finally {
      b.close();
    }
  });

  it('grant, budget line, person and an own description go onto the entry', async () => {
    const b = await bankBooks(ING);
    try {
      const p = await b.call('persons.create', { name: 'M. Bakker' });
      await b.call('bank.import', { path: fixture('camt053-001-02-ing.xml') });
      const inbox = await b.call<BankInbox>('bank.inbox', {});
      const fee = inbox.items.find((t) => t.counterpartyName === 'M. Bakker')!;
      await b.call('bank.assign', { transaction: fee.id, account: '4000', person: p.id, description: 'Vrijwilligersvergoeding december, M. Bakker' });
      const r = await b.call<BankConfirmResult>('bank.confirm', { transactions: [fee.id] });
      const entry = await b.call<Entry>('entries.get', { id: r.entries[0]!.id });
      expect(entry.description).toBe('Vrijwilligersvergoeding december, M. Bakker');
      expect(entry.lines.find((l) => l.account === '4000')).toMatchObject({ debit: '85.00', person: p.id });
    } finally {
      b.close();
    }
  });

  it('one line that cannot be booked stops the whole batch: a Dutch message naming the line, nothing written', async () => {
    const b = await bankBooks(ING, { year: 2025 });
    try {
      await b.call('years.openNext');
      const dir = tempDir();
      const xml = camt({
        from: '2025-12-30', to: '2026-01-02', opening: 0, lines: [
          { date: '2025-12-30', cents: 1000, name: 'A', iban: 'NL03INGB0004567890', text: 'Gift december' },
          { date: '2026-01-02', cents: 2000, name: 'B', iban: 'NL86INGB0002345678', text: 'Gift januari' },
        ],
      });
      await b.call('bank.import', { path: writeTemp(dir, 'x.xml', xml) });
      const inbox = await b.call<BankInbox>('bank.inbox', {});
      for (const t of inbox.items) await b.call('bank.assign', { transaction: t.id, account: '8000' });
      await b.call('years.close', { year: 2025 });
      const before = counts(b);
      const state = bankState(b);
      const e = await expectKassaError(b.call('bank.confirm', { transactions: 'all-assigned' }), 'YEAR_CLOSED');
      expect(e.message.replace(/\s/g, ' ')).toMatch(/^De regel van 30-12-2025 \(€ 10,00, A\): Boekjaar 2025 is afgesloten\..* Er is niets geboekt\.$/);
      expect(e.details).toMatchObject({ transaction: inbox.items[0]!.id });
      expect(counts(b)).toEqual(before);
      expect(bankState(b)).toEqual(state);
      // the other line alone is fine; the first can be ignored (it was booked by hand, say)
      await b.call('bank.confirm', { transactions: [inbox.items[1]!.id] });
      expect(await b.call('bank.ignore', { transactions: [inbox.items[0]!.id] })).toEqual({ count: 1 });
    } finally {
      b.close();
    }
  });

  it('refuses lines that are not assigned, ignored, booked or of another account; nothing written', async () => {
    const b = await bankBooks(ING);
    try {
      await b.call('bank.import', { path: fixture('camt053-001-02-ing.xml') });
      const inbox = await b.call<BankInbox>('bank.inbox', {});
      const [a, c, d] = inbox.items;
      await b.call('bank.assign', { transaction: a!.id, account: '8000' });
      await b.call('bank.ignore', { transactions: [d!.id] });
      const before = counts(b);
      const state = bankState(b);
      const notAssigned = await expectKassaError(b.call('bank.confirm', { transactions: [a!.id, c!.id] }), 'INVALID_INPUT');
      expect(notAssigned.message).toMatch(/^Bij de regel van 07-01-2026 .* is nog geen rekening gekozen/);
      await expectKassaError(b.call('bank.confirm', { transactions: [d!.id] }), 'INVALID_INPUT');
      await expectKassaError(b.call('bank.confirm', { transactions: [a!.id], account: '1110' }), 'INVALID_INPUT');
      await expectKassaError(b.call('bank.confirm', { transactions: [424242] }), 'NOT_FOUND');
      expect(counts(b)).toEqual(before);
      expect(bankState(b)).toEqual(state);
      await b.call('bank.confirm', { transactions: [a!.id] });
      await expectKassaError(b.call('bank.confirm', { transactions: [a!.id] }), 'POSTED_IMMUTABLE');
      await expectKassaError(b.call('bank.ignore', { transactions: [a!.id] }), 'POSTED_IMMUTABLE');
      await expectKassaError(b.call('bank.assign', { transaction: a!.id, account: '8100' }), 'POSTED_IMMUTABLE');
      await expectKassaError(b.call('bank.assign', { transaction: d!.id, account: '8100' }), 'INVALID_INPUT');
      // un-ignore puts it back
      expect(await b.call('bank.ignore', { transactions: [d!.id], ignored: false })).toEqual({ count: 1 });
      expect((await b.call<BankInbox>('bank.inbox', {})).counts.inbox).toBe(7);
      // nothing assigned any more: "all-assigned" books nothing, no error
      expect(await b.call('bank.confirm', { transactions: 'all-assigned' })).toEqual({ count: 0, entries: [], invoicePayments: 0 });
    } finally {
      b.close();
    }
  });

  it('reopen: the entry is reversed (never edited), the line returns to the inbox with its choice', async () => {
    const b = await bankBooks(ING);
    try {
      await b.call('bank.import', { path: fixture('camt053-001-02-ing.xml') });
      const inbox = await b.call<BankInbox>('bank.inbox', {});
      const rent = inbox.items.find((t) => t.description.includes('Huur'))!;
      await b.call('bank.assign', { transaction: rent.id, account: '4200' });
      const r = await b.call<BankConfirmResult>('bank.confirm', { transactions: [rent.id] });
      const back = await b.call<{ transaction: BankTransaction; reversal: { id: number; ref: string } }>('bank.reopen', { transaction: rent.id });
      expect(back.transaction).toMatchObject({ status: 'inbox', entry: null, assigned: { account: '4200' } });
      const orig = await b.call<Entry>('entries.get', { id: r.entries[0]!.id });
      expect(orig.reversedBy).toBe(back.reversal.id);
      await b.call('bank.assign', { transaction: rent.id, account: '4100' });
      const again = await b.call<BankConfirmResult>('bank.confirm', { transactions: [rent.id] });
      expect(again.entries[0]?.ref).toBe('BANK 2026-0003');
      const tb = await b.call('reports.trialBalance', {});
      const bal = Object.fromEntries(tb.accounts.map((a: { code: string; balance: string }) => [a.code, a.balance]));
      expect(bal['4200']).toBe('0.00');
      expect(bal['4100']).toBe('450.00');
      await expectKassaError(b.call('bank.reopen', { transaction: inbox.items[0]!.id }), 'INVALID_INPUT');
    } finally {
      b.close();
    }
  });
});

describe('reconciliation', () => {
  it('per statement date: bank vs books, the inbox part named; reconciled once everything is booked', async () => {
    const b = await bankBooks(ING, { year: 2025 });
    try {
      await b.call('years.openNext');
      await b.call('bank.import', { path: fixture('camt053-001-02-ing.xml') });
      let rec = await b.call<BankReconciliation>('bank.reconciliation', { account: '1100' });
      expect(rec.state).toBe('differences');
      expect(rec.rows.map((r) => [r.date, r.bankBalance, r.bookBalance, r.difference, r.unbooked, r.reconciled])).toEqual([
        ['2026-01-31', '4302.21', '0.00', '4302.21', 8, false],
        ['2025-12-31', '1234.56', '0.00', '1234.56', 0, false],
      ]);
      expect(rec.unreconciled.count).toBe(8);
      expectDutch(rec.message);

      await b.call('entries.post', simpleEntry('2025-12-31', '1100', '0500', '1234.56', 'Beginsaldo'));
      rec = await b.call<BankReconciliation>('bank.reconciliation', { account: '1100' });
      expect(rec.state).toBe('inbox');
      expect(rec.message.replace(/\s/g, ' ')).toContain('Er staan nog 8 regels van samen € 3.067,65 in de inbox. Boek die regels, dan klopt het.');

      await assignAll(b.call);
      await b.call('bank.confirm', { transactions: 'all-assigned' });
      rec = await b.call<BankReconciliation>('bank.reconciliation', { account: '1100' });
      expect(rec.state).toBe('reconciled');
      expect(rec.rows.every((r) => r.reconciled && r.difference === '0.00')).toBe(true);
      expect(rec.lastStatement).toEqual({ date: '2026-01-31', bankBalance: '4302.21', bookBalance: '4302.21', difference: '0.00' });

      // a manual entry on the bank account that the bank never saw shows up as a difference
      await b.call('entries.post', simpleEntry('2026-01-20', '4200', '1100', '10.00', 'Vergeten te schrappen'));
      rec = await b.call<BankReconciliation>('bank.reconciliation', { account: '1100' });
      expect(rec.state).toBe('differences');
      expect(rec.rows[0]).toMatchObject({ date: '2026-01-31', difference: '10.00', reconciled: false });
      await expectKassaError(b.call('bank.reconciliation', { account: '4100' }), 'INVALID_INPUT');
    } finally {
      b.close();
    }
  });

  it('reconciliationStatus(books, year): the year-end question, per bank account', async () => {
    const b = await bankBooks(ING, { year: 2026 });
    const dir = tempDir();
    try {
      await b.call('accounts.update', { code: '1110', iban: RABO });
      const status = () => reconciliationStatus(b.session.books!, 2026);
      // nothing imported, nothing booked: both accounts unused, so reconciled
      expect(status()).toMatchObject({ year: 2026, endDate: '2026-12-31', reconciled: true, accounts: [{ state: 'unused' }, { state: 'unused' }] });

      const dec = camt({ from: '2026-12-01', to: '2026-12-31', opening: 0, lines: [{ date: '2026-12-15', cents: 5000, name: 'A', iban: 'NL03INGB0004567890', text: 'Gift' }] });
      await b.call('bank.import', { path: writeTemp(dir, 'dec.xml', dec) });
      let s = status();
      expect(s.reconciled).toBe(false);
      expect(s.accounts[0]).toMatchObject({ account: { code: '1100' }, state: 'inbox', inboxCount: 1, bankBalance: '50.00', bookBalance: '0.00', difference: '50.00' });
      expectDutch(s.accounts[0]!.message);

      await b.call('bank.rules.create', { text: 'gift', account: '8000' });
      await b.call('bank.acceptSuggestions', { confirm: true });
      s = status();
      expect(s.accounts[0]).toMatchObject({ state: 'reconciled', reconciled: true, bankBalance: '50.00', difference: '0.00' });
      expect(s.reconciled).toBe(true);

      // the savings account gets a booking but no statement: not reconciled
      await b.call('entries.post', simpleEntry('2026-06-01', '1110', '8000', '5.00', 'Rente'));
      s = status();
      expect(s.accounts[1]).toMatchObject({ account: { code: '1110' }, state: 'no-statement', reconciled: false });
      expect(s.reconciled).toBe(false);

      // a statement that stops in November does not say what the bank had on 31 December
      const nov = camt({ iban: RABO, from: '2026-11-01', to: '2026-11-30', opening: 500, lines: [] });
      await b.call('bank.import', { path: writeTemp(dir, 'nov.xml', nov) });
      s = status();
      expect(s.accounts[1]).toMatchObject({ state: 'not-covered', reconciled: false });
      expect(s.accounts[1]!.message).toContain('lopen tot 30-11-2026');

      // a statement covering the year end (Dec 20 – Jan 10) gives the balance on Dec 31 from its lines
      await b.call('years.openNext');
      const cover = camt({
        iban: RABO, from: '2026-12-20', to: '2027-01-10', opening: 500, lines: [{ date: '2027-01-05', cents: 100, name: 'X', iban: 'NL03INGB0004567890', text: 'Rente 2026' }],
      });
      await b.call('bank.import', { path: writeTemp(dir, 'cover.xml', cover) });
      s = status();
      // (the line of 5 January is 2027's business)
      expect(s.accounts[1]).toMatchObject({ state: 'reconciled', date: '2026-12-31', bankBalance: '5.00', bookBalance: '5.00', difference: '0.00', inboxCount: 0 });
      expect(s.reconciled).toBe(true);
      expect(reconciliationStatus(b.session.books!, 2027).accounts[1]).toMatchObject({ state: 'not-covered', inboxCount: 1 });
    } finally {
      b.close();
    }
  });

  it('the API face of it: bank.reconciliationStatus', async () => {
    const b = await bankBooks(ING);
    try {
      const s = await b.call<BankReconciliationStatus>('bank.reconciliationStatus', { year: 2026 });
      expect(s.reconciled).toBe(true);
      await expectKassaError(b.call('bank.reconciliationStatus', { year: 2030 }), 'NOT_FOUND');
    } finally {
      b.close();
    }
  });
});
