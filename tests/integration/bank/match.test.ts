/**
 * Issue 8, matching: suggestions from the treasurer's rules and from earlier choices, transfers
 * between own accounts, open invoices matched on amount + number, and the checks on a choice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BankConfirmResult, BankImportResult, BankInbox, BankRule, BankTransaction } from '../../../shared/api/bank';
import type { Invoice } from '../../../shared/api/invoiceTypes';
import { cleanupTempDirs, expectKassaError, openBooksSession, tempDir } from '../helpers';
import { customer, issue } from '../invoices/helpers';
import { bankBooks, bankState, camt, counts, fixture, ING, RABO, writeTemp } from './helpers';

afterAll(cleanupTempDirs);

const byDesc = (inbox: BankInbox, text: string): BankTransaction => {
  const t = inbox.items.find((i) => i.description.includes(text));
  if (!t) throw new Error(`no line with ${text}`);
  return t;
};

describe('rules', () => {
  it('IBAN and text rules suggest an account with a Dutch reason; accepting assigns; deleting clears', async () => {
    const b = await bankBooks(ING);
    try {
      await b.call('bank.import', { path: fixture('camt053-001-02-ing.xml') });
      const rent = await b.call<BankRule>('bank.rules.create', { iban: 'NL74 RABO 0398 7654 32', account: '4100' });
      expect(rent).toMatchObject({ iban: 'NL74RABO0398765432', text: null, account: '4100', accountName: 'Huur en ruimte', matches: 1 });
      const fee = await b.call<BankRule>('bank.rules.create', { text: 'vrijwilligersvergoeding', direction: 'out', account: '4000' });
      expect(fee.matches).toBe(2);
      const costs = await b.call<BankRule>('bank.rules.create', { text: 'Kosten zakelijk', account: '4610' });
      let inbox = await b.call<BankInbox>('bank.inbox', {});
      expect(byDesc(inbox, 'Huur').suggestion).toMatchObject({ kind: 'rule', account: '4100', rule: rent.id, reason: 'Regel: tegenrekening NL74 RABO 0398 7654 32 → 4100 Huur en ruimte.' });
      expect(byDesc(inbox, 'Kosten').suggestion).toMatchObject({ kind: 'rule', account: '4610', reason: 'Regel: omschrijving bevat "Kosten zakelijk" → 4610 Bankkosten.' });
      // The reason also travels as its phrases (schema 18), for an English inbox.
      expect(byDesc(inbox, 'Kosten').suggestion?.says).toEqual([{ key: 'bankSuggest.rule', params: { rule: { key: 'bankSuggest.ruleText', params: { text: 'Kosten zakelijk' } }, account: '4610 Bankkosten' } }]);
      expect(inbox.items.filter((t) => t.suggestion?.account === '4000')).toHaveLength(2);
      expect(inbox.counts).toMatchObject({ inbox: 8, suggested: 4, assigned: 0 });
      expect(byDesc(inbox, 'Gift januari').suggestion).toBeNull();

      // a more specific rule wins over a text rule; priority wins over both
      await b.call('bank.rules.create', { text: 'vrijwilligersvergoeding', iban: 'NL22SNSB0912345678', account: '4010' });
      inbox = await b.call<BankInbox>('bank.inbox', {});
      expect(inbox.items.find((t) => t.counterpartyIban === 'NL22SNSB0912345678')?.suggestion?.account).toBe('4010');
      await b.call('bank.rules.create', { text: 'december 2025', account: '4900', priority: 10 });
      inbox = await b.call<BankInbox>('bank.inbox', {});
      expect(inbox.items.filter((t) => t.suggestion?.account === '4900')).toHaveLength(2);

      const accepted = await b.call<{ accepted: number; skipped: number }>('bank.acceptSuggestions', { ids: [byDesc(inbox, 'Huur').id, byDesc(inbox, 'Gift januari').id] });
      expect(accepted).toMatchObject({ accepted: 1, skipped: 1 });
      inbox = await b.call<BankInbox>('bank.inbox', {});
      expect(byDesc(inbox, 'Huur').assigned).toMatchObject({ account: '4100', accountName: 'Huur en ruimte' });

      await b.call('bank.rules.delete', { id: costs.id });
      inbox = await b.call<BankInbox>('bank.inbox', {});
      expect(byDesc(inbox, 'Kosten').suggestion).toBeNull();
      // an assignment stays when its rule goes
      await b.call('bank.rules.delete', { id: rent.id });
      inbox = await b.call<BankInbox>('bank.inbox', {});
      expect(byDesc(inbox, 'Huur').assigned?.account).toBe('4100');
      await expectKassaError(b.call('bank.rules.delete', { id: rent.id }), 'NOT_FOUND');
      const rules = await b.call<BankRule[]>('bank.rules.list', {});
      expect(rules.map((r) => r.account).sort()).toEqual(['4000', '4010', '4900']);
    } finally {
      b.close();
    }
  });

  it('bad rules are refused with the field', async () => {
    const b = await bankBooks(ING);
    try {
      const before = counts(b);
      expect((await expectKassaError(b.call('bank.rules.create', { account: '4100' }), 'INVALID_INPUT')).field).toBe('iban');
      expect((await expectKassaError(b.call('bank.rules.create', { iban: 'NL00RABO0398765432', account: '4100' }), 'INVALID_INPUT')).field).toBe('iban');
      expect((await expectKassaError(b.call('bank.rules.create', { text: 'x', account: '4100' }), 'INVALID_INPUT')).field).toBe('text');
      await expectKassaError(b.call('bank.rules.create', { text: 'huur', account: '9999' }), 'UNKNOWN_ACCOUNT');
      await expectKassaError(b.call('bank.rules.create', { text: 'huur', account: '4100', person: 99 }), 'NOT_FOUND');
      expect(counts(b)).toEqual(before);
    } finally {
      b.close();
    }
  });

  it('"remember" on an assignment makes (or replaces) the rule for that counterparty IBAN', async () => {
    const b = await bankBooks(ING);
    try {
      await b.call('bank.import', { path: fixture('camt053-001-02-ing.xml') });
      const inbox = await b.call<BankInbox>('bank.inbox', {});
      await b.call('bank.assign', { transaction: byDesc(inbox, 'Huur').id, account: '4200', remember: true });
      await b.call('bank.assign', { transaction: byDesc(inbox, 'Huur').id, account: '4100', remember: true });
      const rules = await b.call<BankRule[]>('bank.rules.list', {});
      expect(rules).toHaveLength(1);
      expect(rules[0]).toMatchObject({ iban: 'NL74RABO0398765432', account: '4100', createdFrom: `transaction ${byDesc(inbox, 'Huur').id}` });
      // a line without IBAN cannot be remembered by IBAN: refused, and the assignment is not stored either
      const before = bankState(b);
      await expectKassaError(b.call('bank.assign', { transaction: byDesc(inbox, 'Kosten').id, account: '4610', remember: true }), 'INVALID_INPUT');
      expect(bankState(b)).toEqual(before);
    } finally {
      b.close();
    }
  });
});

describe('earlier choices', () => {
  it('the same counterparty IBAN booked before suggests the same account; costs without IBAN by their description', async () => {
    const b = await bankBooks(ING);
    const dir = tempDir();
    try {
      await b.call('bank.import', { path: fixture('camt053-001-02-ing.xml') });
      let inbox = await b.call<BankInbox>('bank.inbox', {});
      await b.call('bank.assign', { transaction: byDesc(inbox, 'Gift januari').id, account: '8000' });
      await b.call('bank.assign', { transaction: byDesc(inbox, 'Kosten').id, account: '4610' });
      await b.call('bank.confirm', { transactions: 'all-assigned' });
      const feb = camt({
        from: '2026-02-01', to: '2026-02-28', opening: 0, lines: [
          { date: '2026-02-05', cents: 5000, name: 'J. de Vries', iban: 'NL86INGB0002345678', text: 'Gift februari' },
          { date: '2026-02-27', cents: -1180, text: 'Kosten zakelijk betalingsverkeer februari 2026' },
          { date: '2026-02-28', cents: 700, name: 'Nieuw', iban: 'NL03INGB0004567890', text: 'Iets nieuws' },
        ],
      });
      const r = await b.call<BankImportResult>('bank.import', { path: writeTemp(dir, 'feb.xml', feb) });
      expect(r.suggested).toBe(2);
      inbox = await b.call<BankInbox>('bank.inbox', {});
      expect(byDesc(inbox, 'Gift februari').suggestion).toMatchObject({
        kind: 'history', account: '8000', reason: 'Eerder geboekt: tegenrekening NL86 INGB 0002 3456 78 ging naar 8000 Giften van particulieren.',
      });
      expect(byDesc(inbox, 'februari 2026').suggestion).toMatchObject({ kind: 'history', account: '4610' });
      expect(byDesc(inbox, 'Iets nieuws').suggestion).toBeNull();
      // a rule is stronger evidence than history
      await b.call('bank.rules.create', { iban: 'NL86INGB0002345678', account: '8100' });
      inbox = await b.call<BankInbox>('bank.inbox', {});
      expect(byDesc(inbox, 'Gift februari').suggestion).toMatchObject({ kind: 'rule', account: '8100' });
    } finally {
      b.close();
    }
  });
});

describe('transfers between own accounts', () => {
  it('suggested as a transfer, booked once: the second statement links to the entry of the first', async () => {
    const b = await bankBooks(ING);
    const dir = tempDir();
    try {
      await b.call('accounts.update', { code: '1110', iban: RABO });
      const out = camt({ iban: ING, from: '2026-03-01', to: '2026-03-31', opening: 0, lines: [{ date: '2026-03-10', cents: -20000, name: 'Stichting Buurtkracht Oost', iban: RABO, text: 'Naar spaarrekening' }] });
      const inn = camt({ iban: RABO, from: '2026-03-01', to: '2026-03-31', opening: 0, lines: [{ date: '2026-03-11', cents: 20000, name: 'Stichting Buurtkracht Oost', iban: ING, text: 'Van betaalrekening' }] });
      await b.call('bank.import', { path: writeTemp(dir, 'ing.xml', out) });
      let inbox = await b.call<BankInbox>('bank.inbox', { account: '1100' });
      expect(inbox.items[0]?.suggestion).toMatchObject({ kind: 'transfer', account: '1110' });
      const first = await b.call<{ accepted: number; confirmed: BankConfirmResult }>('bank.acceptSuggestions', { account: '1100', confirm: true });
      expect(first.confirmed.entries[0]).toMatchObject({ linked: false, ref: 'BANK 2026-0001' });

      const r = await b.call<BankImportResult>('bank.import', { path: writeTemp(dir, 'rabo.xml', inn) });
      expect(r.account.code).toBe('1110');
      inbox = await b.call<BankInbox>('bank.inbox', { account: '1110' });
      expect(inbox.items[0]?.suggestion).toMatchObject({ kind: 'transfer', account: '1100' });
      const second = await b.call<{ confirmed: BankConfirmResult }>('bank.acceptSuggestions', { account: '1110', confirm: true });
      expect(second.confirmed.entries[0]).toMatchObject({ linked: true, id: first.confirmed.entries[0]?.id });
      const tb = await b.call('reports.trialBalance', {});
      expect(tb.accounts.map((a: { code: string; balance: string }) => [a.code, a.balance])).toEqual([['1100', '-200.00'], ['1110', '200.00']]);
      const booked = await b.call<BankInbox>('bank.inbox', { status: 'booked' });
      expect(booked.items.map((t) => t.entry?.ref)).toEqual(['BANK 2026-0001', 'BANK 2026-0001']);
    } finally {
      b.close();
    }
  });
});

describe('open invoices', () => {
  it('an open sales invoice with this amount and its number in the description is matched and, when confirmed, paid', async () => {
    const b = await bankBooks(ING);
    const dir = tempDir();
    try {
      const c = await customer(b, { iban: 'NL97RABO0156789012' });
      const inv = await issue(b, c.id, { issueDate: '2026-01-05', supplyDate: '2026-01-05' });
      const other = await issue(b, c.id, { issueDate: '2026-01-06', supplyDate: '2026-01-06' });
      expect(inv.gross).toBe(other.gross);
      const xml = camt({
        from: '2026-01-01', to: '2026-01-31', opening: 0, lines: [
          { date: '2026-01-20', cents: Number(inv.gross.replace('.', '')), name: 'Gemeente Voorbeeldstad', iban: 'NL97RABO0156789012', text: `Betaling factuur ${inv.number} bewonersavond` },
          // same amount, no number: not matched (two invoices would fit)
          { date: '2026-01-21', cents: Number(inv.gross.replace('.', '')), name: 'Gemeente Voorbeeldstad', iban: 'NL97RABO0156789012', text: 'Betaling' },
          // number but another amount: not matched
          { date: '2026-01-22', cents: 1000, name: 'Gemeente Voorbeeldstad', iban: 'NL97RABO0156789012', text: `Deel van ${other.number}` },
        ],
      });
      const r = await b.call<BankImportResult>('bank.import', { path: writeTemp(dir, 'jan.xml', xml) });
      expect(r.suggested).toBe(1);
      const inbox = await b.call<BankInbox>('bank.inbox', {});
      const hit = byDesc(inbox, 'Betaling factuur');
      expect(hit.suggestion).toMatchObject({ kind: 'invoice', account: '1300', invoice: inv.id, invoiceNumber: inv.number, contact: c.id });
      // matched automatically: assigned, waiting for the treasurer's confirm
      expect(hit.assigned).toMatchObject({ account: '1300', invoice: inv.id, contact: c.id });
      expect(byDesc(inbox, 'Deel van').suggestion).toBeNull();
      expect(inbox.items.find((t) => t.description === 'Betaling')?.suggestion).toBeNull();

      const conf = await b.call<BankConfirmResult>('bank.confirm', { transactions: 'all-assigned' });
      expect(conf).toMatchObject({ count: 1, invoicePayments: 1 });
      const paid = await b.call<Invoice>('invoices.get', { id: inv.id });
      expect(paid).toMatchObject({ state: 'paid', open: '0.00', paid: inv.gross });
      expect(paid.payments[0]).toMatchObject({ method: 'linked', entry: { id: conf.entries[0]?.id } });
      const entry = await b.call('entries.get', { id: conf.entries[0]!.id });
      expect(entry.lines.map((l: { account: string; debit: string | null; credit: string | null; contact: number | null }) => [l.account, l.debit, l.credit, l.contact])).toEqual([
        ['1100', inv.gross, null, null],
        ['1300', null, inv.gross, c.id],
      ]);

      // undo: the payment is undone, the entry reversed, the line back in the inbox
      const back = await b.call<{ transaction: BankTransaction; reversal: { ref: string } }>('bank.reopen', { transaction: hit.id });
      expect(back.transaction.status).toBe('inbox');
      expect(back.reversal.ref).toBe('BANK 2026-0002');
      expect((await b.call<Invoice>('invoices.get', { id: inv.id })).open).toBe(inv.gross);
    } finally {
      b.close();
    }
  });

  it('an invoice match the treasurer takes off stays off when suggestions are refreshed', async () => {
    const b = await bankBooks(ING);
    const dir = tempDir();
    try {
      const c = await customer(b);
      const inv = await issue(b, c.id, { issueDate: '2026-01-05', supplyDate: '2026-01-05' });
      const xml = camt({ from: '2026-01-01', to: '2026-01-31', opening: 0, lines: [{ date: '2026-01-20', cents: Number(inv.gross.replace('.', '')), name: 'X', iban: 'NL97RABO0156789012', text: `Factuur ${inv.number}` }] });
      await b.call('bank.import', { path: writeTemp(dir, 'jan.xml', xml) });
      const id = (await b.call<BankInbox>('bank.inbox', {})).items[0]!.id;
      expect((await b.call<BankTransaction>('bank.unassign', { transaction: id })).assigned).toBeNull();
      await b.call('bank.rules.create', { text: 'iets anders', account: '8000' });
      const t = (await b.call<BankInbox>('bank.inbox', {})).items[0]!;
      expect(t.assigned).toBeNull();
      expect(t.suggestion).toMatchObject({ kind: 'invoice', invoice: inv.id });
    } finally {
      b.close();
    }
  });

  it('assigning an invoice by hand: the account must be 1300, the direction and amount must fit', async () => {
    const b = await bankBooks(ING);
    try {
      const c = await customer(b);
      const inv = await issue(b, c.id, { issueDate: '2026-01-02', supplyDate: '2026-01-02' });
      await b.call('bank.import', { path: fixture('camt053-001-02-ing.xml') });
      const inbox = await b.call<BankInbox>('bank.inbox', {});
      const before = bankState(b);
      expect((await expectKassaError(b.call('bank.assign', { transaction: byDesc(inbox, 'Huur').id, account: '1300', invoice: inv.id }), 'INVALID_INPUT')).message).toMatch(/verkoopfactuur/);
      expect((await expectKassaError(b.call('bank.assign', { transaction: byDesc(inbox, 'Subsidie').id, account: '1300', invoice: inv.id }), 'INVALID_INPUT')).message).toMatch(/meer dan er van/);
      expect((await expectKassaError(b.call('bank.assign', { transaction: byDesc(inbox, 'Gift januari').id, account: '8000', invoice: inv.id }), 'INVALID_INPUT')).field).toBe('account');
      expect(bankState(b)).toEqual(before);
      // a partial payment by hand is fine
      const t = await b.call<BankTransaction>('bank.assign', { transaction: byDesc(inbox, 'Factuur 2026-0007').id, account: '1300', invoice: inv.id });
      expect(t.assigned).toMatchObject({ invoice: inv.id, contact: c.id });
      await b.call('bank.confirm', { transactions: [t.id] });
      const after = await b.call<Invoice>('invoices.get', { id: inv.id });
      expect(after.paid).toBe('150.00');
    } finally {
      b.close();
    }
  });
});

describe('checks on a choice', () => {
  it('own bank account, unknown or archived accounts, missing person are refused with the field; nothing stored', async () => {
    const b = await bankBooks(ING);
    try {
      await b.call('bank.import', { path: fixture('camt053-001-02-ing.xml') });
      await b.call('accounts.archive', { code: '4900' });
      const inbox = await b.call<BankInbox>('bank.inbox', {});
      const id = byDesc(inbox, 'Huur').id;
      const before = bankState(b);
      expect((await expectKassaError(b.call('bank.assign', { transaction: id, account: '1100' }), 'INVALID_INPUT')).field).toBe('account');
      expect((await expectKassaError(b.call('bank.assign', { transaction: id, account: '9999' }), 'UNKNOWN_ACCOUNT')).field).toBe('account');
      await expectKassaError(b.call('bank.assign', { transaction: id, account: '4900' }), 'ACCOUNT_ARCHIVED');
      expect((await expectKassaError(b.call('bank.assign', { transaction: id, account: '4100', person: 12345 }), 'NOT_FOUND')).field).toBe('person');
      expect((await expectKassaError(b.call('bank.assign', { transaction: id, account: '4100', grant: 12345 }), 'NOT_FOUND')).field).toBe('grant');
      await expectKassaError(b.call('bank.assign', { transaction: 999999, account: '4100' }), 'NOT_FOUND');
      expect(bankState(b)).toEqual(before);
    } finally {
      b.close();
    }
  });
});

describe('suggestion reasons kept with their phrases (schema 18)', () => {
  it('a file of version 18 lists its stored phrases; a row without them shows its Dutch text until it is suggested again', async () => {
    const dir = tempDir('kassa-suggest-says-');
    const file = path.join(dir, 'v18.kassa');
    fs.copyFileSync(path.resolve(__dirname, '../../fixtures/schema/v18.kassa'), file);
    const b = await openBooksSession(file);
    try {
      const line = async () => (await b.call<BankInbox>('bank.inbox', {})).items.find((t) => t.description === 'Werkboeken taalcafe')!;
      const stored = (await line()).suggestion!;
      expect(stored.reason).toBe('Regel: omschrijving bevat "Boekhandel", geld betaald → 4300 Materialen.');
      expect(stored.says?.[0]?.key).toBe('bankSuggest.rule');
      // A row suggested before schema 18 (or with unreadable phrases): no phrases, so the Dutch shows.
      b.session.books!.raw(`UPDATE bank_transactions SET suggest_says = 'kapot' WHERE description = 'Werkboeken taalcafe'`).run();
      expect((await line()).suggestion?.says).toBeUndefined();
      b.session.books!.raw(`UPDATE bank_transactions SET suggest_says = NULL WHERE description = 'Werkboeken taalcafe'`).run();
      expect((await line()).suggestion).toMatchObject({ reason: stored.reason });
      expect((await line()).suggestion?.says).toBeUndefined();
      // The next refresh (any rule change) gives it its phrases again, the Dutch unchanged.
      await b.call('bank.rules.create', { text: 'iets anders', account: '4300' });
      expect((await line()).suggestion).toEqual(stored);
    } finally {
      b.close();
    }
  });
});
