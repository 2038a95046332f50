import { toCsv, type CsvCell } from '../../../shared/csv';
import type { CostAllocationStatement } from '../../../shared/api/allocation';
import type { BalanceSheet, CashFlow, IncomeStatement, StatementRow } from '../../../shared/api/statements';

/**
 * CSV of the statements for `kassa report FILE balance-sheet|income-statement|cash-flow --format csv`.
 * Amounts stay API decimal strings (dot, no thousands separator) so spreadsheets and scripts read
 * them exactly; accounts behind a line follow it as rows of kind "account".
 */

type Cell = CsvCell;

function statementRows(section: string, rows: StatementRow[], withBudget: boolean): Cell[][] {
  const out: Cell[][] = [];
  for (const r of rows) {
    out.push([section, r.key, r.label, r.kind, r.current, ...(withBudget ? [r.budget] : []), r.previous]);
    for (const a of r.accounts) out.push([section, a.code, a.name, 'account', a.current, ...(withBudget ? [a.budget] : []), a.previous]);
  }
  return out;
}

export function balanceSheetCsv(b: BalanceSheet): string {
  return toCsv([
    ['section', 'key', 'label', 'kind', `current ${b.date}`, `previous ${b.previousDate ?? ''}`.trim()],
    ...statementRows('activa', b.activa, false),
    ...statementRows('passiva', b.passiva, false),
  ]);
}

/** The lastenverdeelstaat as rows: per kind of cost its total, then its part per column as `kind/column`. */
function costAllocationRows(c: CostAllocationStatement): Cell[][] {
  const section = 'lastenverdeelstaat';
  const out: Cell[][] = [];
  const add = (key: string, label: string, kind: string, amounts: Record<string, string>, total: string, budget: string | null, previous: string | null) => {
    out.push([section, key, label, kind, total, budget, previous]);
    for (const col of c.columns) out.push([section, `${key}/${col.key}`, `${label}: ${col.label}`, 'share', amounts[col.key] ?? '0.00', null, null]);
  };
  for (const r of c.rows) add(r.key, r.label, 'line', r.amounts, r.total, r.budget, r.previous);
  add('totaal', 'Totaal', 'total', c.totals.amounts, c.totals.total, c.totals.budget, c.totals.previous);
  return out;
}

export function incomeStatementCsv(s: IncomeStatement): string {
  return toCsv([
    ['section', 'key', 'label', 'kind', `current ${s.year}`, 'budget', `previous ${s.previousYear ?? ''}`.trim()],
    ...statementRows('baten en lasten', s.rows, true),
    ...statementRows(s.appropriation.proposed ? 'bestemming (voorstel)' : 'bestemming', s.appropriation.rows, true),
    ...(s.costAllocation ? costAllocationRows(s.costAllocation) : []),
  ]);
}

export function cashFlowCsv(c: CashFlow): string {
  const rows: Cell[][] = [['section', 'key', 'label', 'receipts', 'payments', 'net']];
  rows.push(['', 'opening', 'Liquide middelen begin boekjaar', null, null, c.opening]);
  for (const s of c.sections) {
    for (const r of s.rows) {
      rows.push([s.key, r.key, r.label, r.receipts, r.payments, r.net]);
      for (const a of r.accounts) rows.push([s.key, a.code, a.name, a.receipts, a.payments, a.net]);
    }
    rows.push([s.key, 'total', s.label, s.receipts, s.payments, s.net]);
  }
  rows.push(['', 'internal', 'Interne overboekingen bank en kas', null, null, c.internalTransfers]);
  rows.push(['', 'change', 'Mutatie liquide middelen', null, null, c.netChange]);
  rows.push(['', 'closing', 'Liquide middelen einde boekjaar', null, null, c.closing]);
  return toCsv(rows);
}

/** CSV for a statement report by its CLI name, or null when the name is not one of ours. */
export function statementCsv(name: string, data: unknown): string | null {
  switch (name) {
    case 'balance-sheet':
      return balanceSheetCsv(data as BalanceSheet);
    case 'income-statement':
      return incomeStatementCsv(data as IncomeStatement);
    case 'cash-flow':
      return cashFlowCsv(data as CashFlow);
    default:
      return null;
  }
}
