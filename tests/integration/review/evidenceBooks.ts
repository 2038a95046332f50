/**
 * Books that make the kascommissie checklist say every kind of evidence line: a bank account
 * without a statement, cash, a cost without a receipt, volunteers over a limit, a grant over its
 * budget that ended unsettled, open sales and purchase invoices, and a closed year with an
 * appropriation. Shared by the evidence phrase test (tests/integration/review/evidencePhrases.test.ts).
 */
import { computeChecklist } from '../../../electron/books/review/checklist';
import type { Evidence } from '../../../shared/api/review';
import { todayAfterYear, type TestBooks } from '../helpers';
import { customer, issue, makeInvoiceBooks, supplier } from '../invoices/helpers';

export const EY = 2026;

export interface EvidenceCase { stage: string; item: string; e: Evidence }

/** Every evidence line of the checklists this book goes through, in order (the history head left out). */
export async function evidenceCases(): Promise<{ b: TestBooks; cases: EvidenceCase[] }> {
  const b = await makeInvoiceBooks();
  const cases: EvidenceCase[] = [];
  const books = b.session.books!;
  const collect = async (stage: string, extra: Parameters<typeof computeChecklist>[1] extends infer I ? Partial<I> : never = {}) => {
    const c = await computeChecklist(books, { year: EY, thresholdCents: 5000, ...extra });
    for (const i of c.items) for (const e of i.evidence) if (!/^[0-9]+:[0-9a-f]+$/.test(e.value)) cases.push({ stage, item: i.key, e });
  };
  await b.call('money.received', { date: `${EY}-02-01`, description: 'Gift', amount: '250.00', into: '1100', category: '8000' });
  await b.call('money.received', { date: `${EY}-03-01`, description: 'Opbrengst lunch', amount: '42.50', into: '1000', category: '8400' });
  await b.call('money.spent', { date: `${EY}-04-02`, description: 'Huur zaal', amount: '80.00', from: '1100', category: '4100' });
  const p = await b.call<{ id: number }>('persons.create', { name: 'Fatima El Amrani', birthDate: '1980-05-31' });
  await b.call('volunteers.pay', { person: p.id, date: `${EY}-03-02`, amount: '200.00', kind: 'fee', description: 'Maart', payFrom: '1100' });
  const fund = await b.call<{ id: number }>('funds.create', { name: 'Oranje Fonds', fundType: 'fund' });
  const g = await b.call<{ id: number; budgetLines: { id: number }[] }>('grants.create', {
    fund: fund.id, project: 'Taalcafé', applied: '500.00', awarded: '500.00', startDate: `${EY}-01-01`, endDate: `${EY}-12-31`,
    budgetLines: [{ name: 'Huur', amount: '100.00', accounts: ['4100'] }],
  });
  await b.call('money.received', { date: `${EY}-01-10`, description: 'Bijdrage', amount: '500.00', into: '1100', category: '8300', grant: g.id });
  await b.call('money.spent', { date: `${EY}-02-10`, description: 'Huur', amount: '150.00', from: '1100', category: '4100', grant: g.id, budgetLine: g.budgetLines[0]!.id });
  const c = await customer(b);
  for (let i = 0; i < 3; i++) await issue(b, c.id);
  const s = await supplier(b);
  const d = await b.call<{ id: number }>('invoices.saveDraft', { kind: 'purchase', contact: s.id, number: 'F-1', issueDate: `${EY}-03-10`, lines: [{ description: 'Flyers', account: '4300', amount: '120.00' }] });
  await b.call('invoices.finalise', { id: d.id });
  await collect('open');
  await collect('counted', { cashCounts: new Map([['1000', { date: `${EY}-12-31`, cents: 4250 }]]), paperBalances: new Map([['1100', 32_000]]) });
  await collect('differs', { cashCounts: new Map([['1000', { date: `${EY}-12-31`, cents: 4000 }]]), paperBalances: new Map([['1100', 1_000]]) });
  // A second volunteer, over a lowered yearly limit.
  const q = await b.call<{ id: number }>('persons.create', { name: 'Jan de Boer', birthDate: '1970-01-01' });
  await b.call('volunteers.pay', { person: q.id, date: `${EY}-05-02`, amount: '100.00', kind: 'fee', description: 'Mei', payFrom: '1000' });
  await b.call('volunteers.limits.set', { year: EY, perHourAdult: '5.75', perHourYoung: '3.40', ageThreshold: 21, perMonth: '150.00', perYear: '150.00', source: 'test' });
  await b.call('grants.yearEndConfirm', { grant: g.id, year: EY });
  const restore = todayAfterYear(EY);
  try {
    const result = (await b.call<{ result: string }>('yearEnd.check', { year: EY })).result;
    await b.call('yearEnd.close', { year: EY, appropriation: [{ account: '0590', amount: result }] });
  } finally {
    restore();
  }
  await collect('closed');
  // Changed behind the app's back: an invoice number missing, a line that no longer balances.
  for (const table of ['invoices', 'lines']) {
    for (const t of books.raw(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?`).all(table) as { name: string }[]) books.sqlite.exec(`DROP TRIGGER "${t.name}"`);
  }
  books.raw(`UPDATE invoices SET seq = 5 WHERE kind = 'sales' AND seq = 2`).run();
  books.raw(`UPDATE lines SET amount_cents = amount_cents + 100 WHERE id = (SELECT MIN(id) FROM lines)`).run();
  await collect('damaged');
  return { b, cases };
}
