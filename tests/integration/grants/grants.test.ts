import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Grant, GrantPostings, GrantReport, GrantSummary, GrantOption, Fund } from '../../../shared/api/grants';
import {
  assertDistBuilt, cleanupTempDirs, cliError, expectDutch, expectKassaError, fingerprint, openBooksSession, runCli,
} from '../helpers';
import { counts, grantBooks, receive, spend, type GrantBooks } from './setup';

let b: GrantBooks;
beforeEach(async () => {
  b = await grantBooks();
});
afterEach(() => b.close());
afterAll(() => cleanupTempDirs());

describe('funds', () => {
  it('creates funds as contacts of kind fund and lists them with their grants', async () => {
    const gemeente = await b.call<Fund>('funds.create', { name: 'Gemeente Rotterdam', fundType: 'government', iban: 'NL91 ABNA 0417 1643 00' });
    expect(gemeente).toMatchObject({ name: 'Gemeente Rotterdam', fundType: 'government', iban: 'NL91ABNA0417164300', archived: false, grants: 0 });
    const list = await b.call<Fund[]>('funds.list');
    expect(list.map((f) => [f.name, f.grants])).toEqual([['Gemeente Rotterdam', 0], ['Oranje Fonds', 1]]);
    const kind = b.session.books!.raw('SELECT kind, fund_type FROM contacts WHERE id = ?').get(gemeente.id);
    expect(kind).toEqual({ kind: 'fund', fund_type: 'government' });
  });

  it('refuses a second fund with the same name and an unknown kind of fund, writing nothing', async () => {
    const before = counts(b);
    const e = await expectKassaError(b.call('funds.create', { name: 'oranje fonds', fundType: 'fund' }), 'DUPLICATE');
    expect(e.field).toBe('name');
    const e2 = await expectKassaError(b.call('funds.create', { name: 'Fonds X', fundType: 'bank' }), 'INVALID_INPUT');
    expect(e2.field).toBe('fundType');
    expect(counts(b)).toEqual(before);
  });

  it('updates and archives a fund', async () => {
    const f = await b.call<Fund>('funds.update', { id: b.fund.id, phone: '010-1234567', archived: true });
    expect(f).toMatchObject({ phone: '010-1234567', archived: true });
    expect(await b.call<Fund[]>('funds.list')).toEqual([]);
    expect((await b.call<Fund[]>('funds.list', { includeArchived: true })).length).toBe(1);
  });
});

describe('grants', () => {
  it('creates a grant with its budget lines and the accounts they usually take', async () => {
    const g = await b.call<Grant>('grants.get', { id: b.grant.id });
    expect(g).toMatchObject({
      project: 'Taalcafé De Brug', reference: 'OF-2026-118', status: 'awarded', applied: '6000.00', awarded: '5000.00',
      startDate: '2026-02-01', endDate: '2026-11-30', mustReturnUnspent: false, archived: false, hasAllocations: false,
      incomeAccount: '8300', budgetTotal: '5000.00', fund: { id: b.fund.id, name: 'Oranje Fonds', fundType: 'fund' },
    });
    expect(g.budgetLines.map((l) => [l.name, l.amount, l.accounts])).toEqual([
      ['Huur buurthuis', '1000.00', ['4100']],
      ['Materialen', '1500.00', ['4200', '4300']],
      ['Coaching', '2500.00', ['4400']],
    ]);
  });

  it('keeps status and awarded amount consistent', async () => {
    const applied = await b.call<Grant>('grants.create', { fund: b.fund.id, project: 'Kookclub', applied: '800.00', startDate: '2026-01-01', endDate: '2026-12-31' });
    expect(applied).toMatchObject({ status: 'applied', awarded: null });
    const awarded = await b.call<Grant>('grants.update', { id: applied.id, status: 'awarded' });
    expect(awarded).toMatchObject({ status: 'awarded', awarded: '800.00' });
    const less = await b.call<Grant>('grants.update', { id: applied.id, awarded: '650.00' });
    expect(less).toMatchObject({ status: 'awarded', awarded: '650.00' });
    await expectKassaError(b.call('grants.create', { fund: b.fund.id, project: 'X', applied: '1.00', awarded: '1.00', status: 'applied', startDate: '2026-01-01', endDate: '2026-12-31' }), 'INVALID_INPUT');
    const rejected = await b.call<Grant>('grants.update', { id: applied.id, status: 'rejected' });
    expect(rejected).toMatchObject({ status: 'rejected', awarded: null });
  });

  it('refuses bad grants with a Dutch message and the field, writing nothing', async () => {
    const before = counts(b);
    const base = { fund: b.fund.id, project: 'Buurtlunch', applied: '500.00', startDate: '2026-01-01', endDate: '2026-12-31' };
    expect((await expectKassaError(b.call('grants.create', { ...base, endDate: '2025-12-31' }), 'INVALID_INPUT')).field).toBe('endDate');
    expect((await expectKassaError(b.call('grants.create', { ...base, fund: 999 }), 'NOT_FOUND')).field).toBe('fund');
    expect((await expectKassaError(b.call('grants.create', { ...base, project: '  ' }), 'INVALID_INPUT')).field).toBe('project');
    expect((await expectKassaError(b.call('grants.create', { ...base, applied: '-5.00' }), 'INVALID_AMOUNT')).field).toBe('applied');
    // a budget with a negative line
    const neg = await expectKassaError(
      b.call('grants.create', { ...base, budgetLines: [{ name: 'Huur', amount: '300.00' }, { name: 'Korting', amount: '-50.00' }] }),
      'INVALID_AMOUNT',
    );
    expect(neg.field).toBe('budgetLines.1.amount');
    // a contact that is not a fund
    const customer = Number(b.session.books!.raw(`INSERT INTO contacts (kind, name, country, archived, created_at) VALUES ('customer', 'Klant', 'NL', 0, '2026-01-01T00:00:00Z')`).run().lastInsertRowid);
    const after = counts(b);
    expect((await expectKassaError(b.call('grants.create', { ...base, fund: customer }), 'NOT_FOUND')).field).toBe('fund');
    expect(counts(b)).toEqual(after);
    expect(after).toEqual({ ...before, contacts: before.contacts! + 1 });
  });

  it('updates a grant and its budget in one transaction: all or nothing', async () => {
    await spend(b, '2026-03-01', '100.00', '4100', b.grant.id, b.huur);
    const before = counts(b);
    // the second budget line holds postings and is left out: the whole update is refused
    const e = await expectKassaError(
      b.call('grants.update', { id: b.grant.id, project: 'Nieuwe naam', budgetLines: [{ id: b.materialen, name: 'Materialen', amount: '10.00' }] }),
      'HAS_POSTINGS',
    );
    expect(e.field).toBe('budgetLines');
    expect((await b.call<Grant>('grants.get', { id: b.grant.id })).project).toBe('Taalcafé De Brug');
    expect(counts(b)).toEqual(before);
    const g = await b.call<Grant>('grants.update', { id: b.grant.id, project: 'Taalcafé', budgetLines: [{ id: b.huur, name: 'Huur', amount: '900.00', accounts: ['4100'] }] });
    expect(g.project).toBe('Taalcafé');
    expect(g.budgetLines.map((l) => [l.name, l.amount])).toEqual([['Huur', '900.00']]);
  });

  it('replaces budget lines: update, add, remove; never a line with postings, a negative amount or a line of another grant', async () => {
    await spend(b, '2026-03-01', '100.00', '4100', b.grant.id, b.huur);
    const g = await b.call<Grant>('grants.budgetLines.set', {
      grant: b.grant.id,
      lines: [
        { id: b.huur, name: 'Huur buurthuis', amount: '1200.00', accounts: ['4100'] },
        { id: b.coaching, name: 'Coaching trekker', amount: '2000.00' },
        { name: 'Reiskosten', amount: '300.00', accounts: ['4010'] },
      ],
    });
    expect(g.budgetLines.map((l) => [l.name, l.amount, l.hasAllocations])).toEqual([
      ['Huur buurthuis', '1200.00', true], ['Coaching trekker', '2000.00', false], ['Reiskosten', '300.00', false],
    ]);
    const before = counts(b);
    const withoutHuur = await expectKassaError(b.call('grants.budgetLines.set', { grant: b.grant.id, lines: [{ name: 'Alles', amount: '5000.00' }] }), 'HAS_POSTINGS');
    expect(withoutHuur.message).toContain('Huur buurthuis');
    const negative = await expectKassaError(
      b.call('grants.budgetLines.set', { grant: b.grant.id, lines: [{ id: b.huur, name: 'Huur', amount: '-1.00' }] }),
      'INVALID_AMOUNT',
    );
    expect(negative.field).toBe('lines.0.amount');
    const other = await b.call<Grant>('grants.create', {
      fund: b.fund.id, project: 'Ander project', applied: '100.00', startDate: '2026-01-01', endDate: '2026-12-31', budgetLines: [{ name: 'Iets', amount: '100.00' }],
    });
    const before2 = counts(b);
    await expectKassaError(
      b.call('grants.budgetLines.set', { grant: b.grant.id, lines: [{ id: b.huur, name: 'Huur', amount: '1.00' }, { id: other.budgetLines[0]!.id, name: 'Iets', amount: '1.00' }] }),
      'BUDGET_LINE_MISMATCH',
    );
    await expectKassaError(b.call('grants.budgetLines.set', { grant: b.grant.id, lines: [{ id: b.huur, name: 'Huur', amount: '1.00', accounts: ['8300'] }] }), 'INVALID_INPUT');
    await expectKassaError(b.call('grants.budgetLines.set', { grant: b.grant.id, lines: [{ id: b.huur, name: 'Huur', amount: '1.00' }, { name: 'huur', amount: '2.00' }] }), 'DUPLICATE');
    expect(counts(b)).toEqual(before2);
    expect(before2.grants).toBe(before.grants! + 1);
  });
});

describe('allocation rules (code first, Dutch error with the field, nothing written)', () => {
  it('books costs on a budget line and income on the grant', async () => {
    await receive(b, '2026-01-15', '2500.00', b.grant.id); // an advance before the period is fine
    await spend(b, '2026-02-01', '250.00', '4100', b.grant.id, b.huur);
    await spend(b, '2026-11-30', '80.00', '4300', b.grant.id, b.materialen);
    const e = await b.call('entries.get', { id: 2 });
    expect(e.lines[0]).toMatchObject({ account: '4100', grant: b.grant.id, budgetLine: b.huur });
  });

  it('refuses a cost outside the grant period', async () => {
    const before = counts(b);
    const early = await expectKassaError(spend(b, '2026-01-31', '10.00', '4100', b.grant.id, b.huur), 'GRANT_PERIOD');
    expect(early.field).toBe('lines.0.grant');
    expect(early.message).toContain('31-01-2026');
    await expectKassaError(spend(b, '2026-12-01', '10.00', '4100', b.grant.id, b.huur), 'GRANT_PERIOD');
    await expectKassaError(
      b.call('entries.post', { date: '2026-12-15', description: 'Huur december', lines: [{ account: '1100', credit: '10.00' }, { account: '4100', debit: '10.00', grant: b.grant.id }] }),
      'GRANT_PERIOD',
    ).then((err) => expect(err.field).toBe('lines.1.grant'));
    expect(counts(b)).toEqual(before);
  });

  it('refuses a rejected grant', async () => {
    const r = await b.call<Grant>('grants.create', { fund: b.fund.id, project: 'Afgewezen plan', applied: '900.00', status: 'rejected', startDate: '2026-01-01', endDate: '2026-12-31' });
    const before = counts(b);
    const e = await expectKassaError(spend(b, '2026-03-01', '10.00', '4200', r.id), 'GRANT_REJECTED');
    expect(e.field).toBe('lines.0.grant');
    await expectKassaError(receive(b, '2026-03-01', '10.00', r.id), 'GRANT_REJECTED');
    expect(counts(b)).toEqual(before);
  });

  it('refuses a budget line of another grant, a budget line without its grant and one on income', async () => {
    const other = await b.call<Grant>('grants.create', {
      fund: b.fund.id, project: 'Huiswerkklas', applied: '500.00', startDate: '2026-01-01', endDate: '2026-12-31', budgetLines: [{ name: 'Boeken', amount: '500.00' }],
    });
    const before = counts(b);
    const mismatch = await expectKassaError(spend(b, '2026-03-01', '10.00', '4300', b.grant.id, other.budgetLines[0]!.id), 'BUDGET_LINE_MISMATCH');
    expect(mismatch.field).toBe('lines.0.budgetLine');
    expect(mismatch.message).toContain('Taalcafé De Brug');
    const noGrant = await expectKassaError(
      b.call('entries.post', { date: '2026-03-01', description: 'x', lines: [{ account: '4300', debit: '10.00', budgetLine: b.materialen }, { account: '1100', credit: '10.00' }] }),
      'INVALID_INPUT',
    );
    expect(noGrant.field).toBe('lines.0.grant');
    const onIncome = await expectKassaError(
      b.call('entries.post', { date: '2026-03-01', description: 'x', lines: [{ account: '1100', debit: '10.00' }, { account: '8300', credit: '10.00', grant: b.grant.id, budgetLine: b.huur }] }),
      'INVALID_INPUT',
    );
    expect(onIncome.field).toBe('lines.1.budgetLine');
    await expectKassaError(spend(b, '2026-03-01', '10.00', '4300', b.grant.id, 99999), 'NOT_FOUND');
    expect(counts(b)).toEqual(before);
  });

  it('a draft keeps its grant and budget line; posting it checks the grant again', async () => {
    const draft = {
      date: '2026-03-02', description: 'Huur maart (concept)',
      lines: [{ account: '4100', debit: '300.00', grant: b.grant.id, budgetLine: b.huur }, { account: '1100', credit: '300.00' }],
    };
    const d = await b.call<{ id: number }>('entries.saveDraft', draft);
    expect((await b.call('entries.get', { id: d.id })).lines[0]).toMatchObject({ account: '4100', grant: b.grant.id, budgetLine: b.huur });
    // The grant is archived after the draft was saved: posting the draft is refused, nothing written.
    const d2 = await b.call<{ id: number }>('entries.saveDraft', { ...draft, description: 'Tweede concept' });
    await b.call('grants.archive', { id: b.grant.id });
    const before = counts(b);
    const e = await expectKassaError(b.call('entries.postDraft', { id: d2.id }), 'INVALID_INPUT');
    expect(e.field).toBe('lines.0.grant');
    expect(e.message).toContain('gearchiveerd');
    expect(counts(b)).toEqual(before);
    await b.call('grants.archive', { id: b.grant.id, archived: false });
    await b.call('entries.postDraft', { id: d.id });
    const report = await b.call<GrantReport>('grants.report', { grant: b.grant.id });
    expect(report.lines.find((l) => l.name === 'Huur buurthuis')).toMatchObject({ actual: '300.00' });
  });

  it('refuses a grant id that does not exist (one of another administration)', async () => {
    const before = counts(b);
    const e = await expectKassaError(spend(b, '2026-03-01', '10.00', '4300', 4242), 'NOT_FOUND');
    expect(e.field).toBe('lines.0.grant');
    expect(counts(b)).toEqual(before);
  });

  it('leaves the file byte-for-byte untouched when the CLI refuses an allocation', async () => {
    assertDistBuilt();
    b.close();
    const before = fingerprint(b.file);
    const bad = JSON.stringify({ date: '2026-12-20', description: 'Te laat', amount: '15.00', from: '1100', category: '4100', grant: b.grant.id, budgetLine: b.huur });
    const r = await runCli(['call', b.file, 'money.spent', bad, '--json']);
    expect(r.status).toBe(1);
    const err = cliError(r);
    expect(err.code).toBe('GRANT_PERIOD');
    expectDutch(err.message);
    const other = await runCli(['call', b.file, 'grants.budgetLines.set', JSON.stringify({ grant: b.grant.id, lines: [{ name: 'Min', amount: '-1.00' }] }), '--json']);
    expect(cliError(other).code).toBe('INVALID_AMOUNT');
    expect(fingerprint(b.file)).toEqual(before);
    b = { ...b, ...(await openBooksSession(b.file)) };
  });
});

describe('database triggers guard allocations whatever code writes', () => {
  function draftEntry(): number {
    const books = b.session.books!;
    const journal = (books.raw(`SELECT id FROM journals WHERE code = 'MEM'`).get() as { id: number }).id;
    return Number(books.raw(`INSERT INTO entries (journal_id, year, date, description, status) VALUES (?, 2026, '2026-03-01', 'x', 'draft')`).run(journal).lastInsertRowid);
  }
  const insertLine = (entry: number, grant: number | null, budgetLine: number | null) =>
    b.session.books!.raw(`INSERT INTO lines (entry_id, account_id, amount_cents, date, posted, grant_id, budget_line_id) VALUES (?, (SELECT id FROM accounts WHERE code = '4100'), 100, '2026-03-01', 0, ?, ?)`).run(entry, grant, budgetLine);

  it('refuses a grant that does not exist, a budget line of another grant, a budget line without grant and a rejected grant', async () => {
    const other = await b.call<Grant>('grants.create', { fund: b.fund.id, project: 'Ander', applied: '1.00', startDate: '2026-01-01', endDate: '2026-12-31', budgetLines: [{ name: 'X', amount: '1.00' }] });
    const rejected = await b.call<Grant>('grants.create', { fund: b.fund.id, project: 'Nee', applied: '1.00', status: 'rejected', startDate: '2026-01-01', endDate: '2026-12-31' });
    const entry = draftEntry();
    expect(() => insertLine(entry, 9999, null)).toThrow(/GRANT_LINK/);
    expect(() => insertLine(entry, b.grant.id, other.budgetLines[0]!.id)).toThrow(/GRANT_LINK/);
    expect(() => insertLine(entry, null, b.huur)).toThrow(/GRANT_LINK/);
    expect(() => insertLine(entry, rejected.id, null)).toThrow(/GRANT_LINK/);
    insertLine(entry, b.grant.id, b.huur);
    expect(() => b.session.books!.raw(`UPDATE lines SET budget_line_id = ? WHERE entry_id = ?`).run(other.budgetLines[0]!.id, entry)).toThrow(/GRANT_LINK/);
  });

  it('refuses deleting a grant or budget line with allocations, rejecting it, or moving a budget line to another grant', async () => {
    await spend(b, '2026-03-01', '100.00', '4100', b.grant.id, b.huur);
    const books = b.session.books!;
    expect(() => books.raw('DELETE FROM grants WHERE id = ?').run(b.grant.id)).toThrow(/HAS_POSTINGS/);
    expect(() => books.raw('DELETE FROM grant_budget_lines WHERE id = ?').run(b.huur)).toThrow(/HAS_POSTINGS/);
    expect(() => books.raw(`UPDATE grants SET status = 'rejected' WHERE id = ?`).run(b.grant.id)).toThrow(/GRANT_LINK/);
    const other = await b.call<Grant>('grants.create', { fund: b.fund.id, project: 'Ander', applied: '1.00', startDate: '2026-01-01', endDate: '2026-12-31' });
    expect(() => books.raw('UPDATE grant_budget_lines SET grant_id = ? WHERE id = ?').run(other.id, b.materialen)).toThrow(/GRANT_LINK/);
    expect(() => books.raw('UPDATE grant_budget_lines SET amount_cents = -1 WHERE id = ?').run(b.materialen)).toThrow(/CHECK/);
  });
});

describe('grants.report: budget vs actual', () => {
  it('gives budget, actual, spent %, remaining per line, warnings from 90 % and over 100 %, received vs awarded and the unspent balance', async () => {
    await receive(b, '2026-02-05', '3000.00', b.grant.id);
    await spend(b, '2026-02-10', '450.00', '4100', b.grant.id, b.huur);
    await spend(b, '2026-03-10', '470.00', '4100', b.grant.id, b.huur); // huur 920 of 1000 = 92 %
    await spend(b, '2026-03-12', '1400.00', '4400', b.grant.id, b.coaching);
    await spend(b, '2026-04-01', '1200.00', '4400', b.grant.id, b.coaching); // coaching 2600 of 2500 = 104 %
    await spend(b, '2026-04-02', '99.99', '4200'); // not on the grant
    const r = await b.call<GrantReport>('grants.report', { grant: b.grant.id });
    expect(r.lines.map((l) => [l.name, l.budget, l.actual, l.remaining, l.percent, l.level])).toEqual([
      ['Huur buurthuis', '1000.00', '920.00', '80.00', '92.0', 'near'],
      ['Materialen', '1500.00', '0.00', '1500.00', '0.0', 'ok'],
      ['Coaching', '2500.00', '2600.00', '-100.00', '104.0', 'over'],
    ]);
    expect(r.totals).toEqual({ budget: '5000.00', actual: '3520.00', remaining: '1480.00', percent: '70.4', level: 'ok' });
    expect(r).toMatchObject({ received: '3000.00', awarded: '5000.00', toReceive: '2000.00', unspent: '-520.00' });
    expect(r.warnings.map((w) => [w.level, w.budgetLine])).toEqual([['near', b.huur], ['over', b.coaching]]);
    for (const w of r.warnings) expectDutch(w.message);
    // Said as phrases too, so an English screen shows them in English (issue 18).
    expect(r.warnings.map((w) => w.says?.[0]?.key)).toEqual(['err.grant.warn.lineNear', 'err.grant.warn.lineOver']);
    expect(r.warnings[0]!.message.replace(/\u00a0/g, ' ')).toBe('Let op: begrotingsregel "Huur buurthuis" is voor 92,0 % besteed. Er is nog € 80,00 over.');
    expect(r.warnings[1]!.message.replace(/\u00a0/g, ' ')).toContain('€ 100,00');

    // up to a date; and a reversal takes the cost off the line again
    const march = await b.call<GrantReport>('grants.report', { grant: b.grant.id, to: '2026-02-28' });
    expect(march.totals.actual).toBe('450.00');
    const last = (await b.call('entries.list', { search: 'Kosten 4400', limit: 1 })).items[0];
    await b.call('entries.reverse', { id: last.id });
    const after = await b.call<GrantReport>('grants.report', { grant: b.grant.id });
    expect(after.lines[2]).toMatchObject({ actual: '1400.00', level: 'ok' });
    expect(after.warnings.map((w) => w.budgetLine)).toEqual([b.huur]);
  });

  it('shows costs without a budget line separately and warns about them', async () => {
    await spend(b, '2026-05-01', '75.50', '4200', b.grant.id);
    const r = await b.call<GrantReport>('grants.report', { grant: b.grant.id });
    expect(r.lines.at(-1)).toMatchObject({ id: null, name: 'Zonder begrotingsregel', budget: '0.00', actual: '75.50' });
    expect(r.totals.actual).toBe('75.50');
    expect(r.warnings.some((w) => w.budgetLine === null && w.message.includes('zonder begrotingsregel'))).toBe(true);
  });

  it('lists grants with spent and received, and the postings behind a grant or one budget line', async () => {
    await receive(b, '2026-02-05', '1000.00', b.grant.id);
    for (let i = 1; i <= 5; i++) await spend(b, `2026-03-0${i}`, `${i}0.00`, '4300', b.grant.id, b.materialen);
    await spend(b, '2026-03-09', '5.00', '4100', b.grant.id, b.huur);
    const list = await b.call<GrantSummary[]>('grants.list');
    expect(list[0]).toMatchObject({ id: b.grant.id, spent: '155.00', received: '1000.00', percent: '3.1', level: 'ok', hasAllocations: true });
    const all = await b.call<GrantPostings>('grants.postings', { grant: b.grant.id });
    expect(all.total).toBe(7);
    expect(all.items[0]).toMatchObject({ account: '8300', kind: 'income', amount: '-1000.00', budgetLine: null });
    const page = await b.call<GrantPostings>('grants.postings', { grant: b.grant.id, budgetLine: b.materialen, limit: 2, offset: 1 });
    expect(page.total).toBe(5);
    expect(page.items.map((p) => [p.date, p.amount, p.budgetLineName, p.kind])).toEqual([
      ['2026-03-02', '20.00', 'Materialen', 'expense'], ['2026-03-03', '30.00', 'Materialen', 'expense'],
    ]);
    expect(page.items[0]!.ref).toMatch(/^BANK 2026-\d{4}$/);
  });

  it('offers the grants that fit a date and suggests the budget line for an account', async () => {
    await b.call('grants.create', { fund: b.fund.id, project: 'Zomerkamp', applied: '100.00', startDate: '2026-07-01', endDate: '2026-08-31' });
    const opts = await b.call<GrantOption[]>('grants.options', { date: '2026-03-01', account: '4300' });
    expect(opts.map((o) => [o.project, o.inPeriod])).toEqual([['Taalcafé De Brug', true], ['Zomerkamp', false]]);
    expect(opts[0]!.budgetLines.filter((l) => l.suggested).map((l) => l.name)).toEqual(['Materialen']);
  });
});

describe('archive instead of delete', () => {
  it('refuses deleting a grant with allocations; archiving hides it, stops new allocations, and still lets a booking be reversed', async () => {
    const posted = await spend(b, '2026-03-01', '100.00', '4100', b.grant.id, b.huur);
    const before = counts(b);
    const e = await expectKassaError(b.call('grants.delete', { id: b.grant.id }), 'HAS_POSTINGS');
    expect(e.message).toContain('archiveer');
    await expectKassaError(b.call('grants.update', { id: b.grant.id, status: 'rejected' }), 'HAS_POSTINGS');
    const shorter = await expectKassaError(b.call('grants.update', { id: b.grant.id, startDate: '2026-04-01' }), 'GRANT_PERIOD');
    expect(shorter.field).toBe('startDate');
    expect(counts(b)).toEqual(before);

    const archived = await b.call<Grant>('grants.archive', { id: b.grant.id });
    expect(archived.archived).toBe(true);
    expect(await b.call('grants.list')).toEqual([]);
    expect((await b.call<GrantSummary[]>('grants.list', { includeArchived: true })).length).toBe(1);
    await expectKassaError(spend(b, '2026-03-02', '1.00', '4100', b.grant.id, b.huur), 'INVALID_INPUT');
    await b.call('entries.reverse', { id: (posted as { id: number }).id });
    const r = await b.call<GrantReport>('grants.report', { grant: b.grant.id });
    expect(r.totals.actual).toBe('0.00');
  });

  it('deletes a grant without allocations together with its budget lines', async () => {
    const g = await b.call<Grant>('grants.create', {
      fund: b.fund.id, project: 'Vergissing', applied: '10.00', startDate: '2026-01-01', endDate: '2026-12-31', budgetLines: [{ name: 'A', amount: '10.00', accounts: ['4200'] }],
    });
    const before = counts(b);
    expect(await b.call('grants.delete', { id: g.id })).toEqual({ deleted: true });
    expect(counts(b)).toMatchObject({ grants: before.grants! - 1, budgetLines: before.budgetLines! - 1, lineAccounts: before.lineAccounts! - 1 });
    await expectKassaError(b.call('grants.get', { id: g.id }), 'NOT_FOUND');
    const log = b.session.books!.raw(`SELECT action FROM audit_log WHERE action LIKE 'grants.%' ORDER BY id`).all() as { action: string }[];
    expect(log.map((l) => l.action)).toEqual(['grants.create', 'grants.create', 'grants.delete']);
  });
});
