/** Shared set-up for the grant tests: an administration with a fund and a grant with three budget lines. */
import type { Grant, Fund } from '../../../shared/api/grants';
import { makeBooks, type TestBooks } from '../helpers';

export interface GrantBooks extends TestBooks {
  fund: Fund;
  grant: Grant;
  /** Budget line ids: huur, materialen, coaching. */
  huur: number;
  materialen: number;
  coaching: number;
}

export async function grantBooks(opts: { year?: number; layout?: 'rj640' | 'rj650' } = {}): Promise<GrantBooks> {
  const b = await makeBooks({ name: 'Stichting Buurtkracht', year: opts.year ?? 2026, extra: { kvk: '12345678', ...(opts.layout ? { layout: opts.layout } : {}) } });
  const fund = await b.call<Fund>('funds.create', { name: 'Oranje Fonds', fundType: 'fund', email: 'info@oranjefonds.example' });
  const grant = await b.call<Grant>('grants.create', {
    fund: fund.id,
    project: 'Taalcafé De Brug',
    reference: 'OF-2026-118',
    applied: '6000.00',
    awarded: '5000.00',
    startDate: '2026-02-01',
    endDate: '2026-11-30',
    conditions: 'Eindverslag binnen 3 maanden na afloop.',
    budgetLines: [
      { name: 'Huur buurthuis', amount: '1000.00', accounts: ['4100'] },
      { name: 'Materialen', amount: '1500.00', accounts: ['4300', '4200'] },
      { name: 'Coaching', amount: '2500.00', accounts: ['4400'] },
    ],
  });
  const [huur, materialen, coaching] = grant.budgetLines.map((l) => l.id) as [number, number, number];
  return { ...b, fund, grant, huur, materialen, coaching };
}

/** Pay a cost from the bank, on a grant and budget line. */
export function spend(b: TestBooks, date: string, amount: string, category: string, grant?: number, budgetLine?: number) {
  return b.call('money.spent', {
    date, description: `Kosten ${category}`, amount, from: '1100', category,
    ...(grant !== undefined ? { grant } : {}), ...(budgetLine !== undefined ? { budgetLine } : {}),
  });
}

/** Money from the fund into the bank, on a grant. */
export function receive(b: TestBooks, date: string, amount: string, grant: number, category = '8300') {
  return b.call('money.received', { date, description: 'Bijdrage fonds', amount, into: '1100', category, grant });
}

/** Row counts of everything a failed call must leave alone. */
export function counts(b: TestBooks): Record<string, number> {
  const books = b.session.books!;
  return books
    .raw(
      `SELECT (SELECT COUNT(*) FROM entries) AS entries, (SELECT COUNT(*) FROM lines) AS lines, (SELECT COUNT(*) FROM audit_log) AS audit,
        (SELECT COUNT(*) FROM grants) AS grants, (SELECT COUNT(*) FROM grant_budget_lines) AS budgetLines,
        (SELECT COUNT(*) FROM grant_budget_line_accounts) AS lineAccounts, (SELECT COUNT(*) FROM budgets) AS budgets,
        (SELECT COUNT(*) FROM coverage_plans) AS plans, (SELECT COUNT(*) FROM coverage_items) AS items,
        (SELECT COUNT(*) FROM contacts) AS contacts,
        (SELECT COALESCE(SUM(amount_cents), 0) FROM grant_budget_lines) AS budgetCents`,
    )
    .get() as Record<string, number>;
}
