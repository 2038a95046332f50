import { z } from 'zod';
import type { Layout } from '../chart';
import type { FiscalYear } from './types';
import { AccountCode, IsoDate, SignedAmount, Year } from './common';
import { method } from './define';
import { allocationMethods, type CostAllocationStatement } from './allocation';
import type { Phrase } from '../phrase';

/**
 * Financial statements and year-end (issue 7): balance sheet and income statement in the Dutch
 * non-profit layouts (RJ 640 / RJk C1 and RJ 650 / RJk C2), cash flow, the ANBI publication
 * figures, closing and reopening a year, and the exports for the audit committee and accountant.
 * Amounts are decimal strings with a dot ("1234.56"); dates YYYY-MM-DD.
 */

// ---------------------------------------------------------------------------------------------
// Output shapes
// ---------------------------------------------------------------------------------------------

/** One account behind a statement line, with its amount in each column (same sign as the line). */
export interface StatementAccount {
  code: string;
  name: string;
  current: string;
  budget: string | null;
  previous: string | null;
}

/**
 * One row of a statement. `line` rows add up accounts; `subtotal`/`total` rows add up other rows
 * (plus minus minus, by key), so an export can write them as formulas; `heading` rows carry no amount.
 */
export interface StatementRow {
  key: string;
  label: string;
  kind: 'heading' | 'line' | 'subtotal' | 'total';
  /** Indentation: 0 = section, 1 = group, 2 = detail. */
  level: number;
  current: string | null;
  budget: string | null;
  previous: string | null;
  /** For subtotal/total rows: the keys of the rows that are added and subtracted. */
  plus?: string[];
  minus?: string[];
  /** For line rows: the accounts behind the line (the notes). */
  accounts: StatementAccount[];
}

export interface StatementColumns {
  current: string;
  budget: string | null;
  previous: string | null;
}

export interface BalanceSheet {
  layout: Layout;
  /** The balance sheet date. */
  date: string;
  /** The fiscal year the date falls in (null when it falls in none). */
  year: number | null;
  yearStatus: 'open' | 'closed' | null;
  /** The end of the previous fiscal year: the comparative column (null when there is none). */
  previousDate: string | null;
  columns: StatementColumns;
  activa: StatementRow[];
  passiva: StatementRow[];
  totals: { activa: string; passiva: string; previousActiva: string | null; previousPassiva: string | null };
  /** Assets equal liabilities plus equity, in both columns (always true; shown as a check). */
  balanced: boolean;
  notes: string[];
  /** One phrase per note, for a UI in another language (shared/phrase.ts). */
  notesSays: Phrase[];
}

export interface IncomeStatement {
  layout: Layout;
  year: number;
  from: string;
  to: string;
  yearStatus: 'open' | 'closed';
  previousYear: number | null;
  /** True when an annual budget (begroting) exists for this year. */
  budgetAvailable: boolean;
  columns: StatementColumns;
  rows: StatementRow[];
  /** Saldo van baten en lasten per column. */
  result: { current: string; budget: string | null; previous: string | null };
  /**
   * Bestemming van het saldo: as booked by the closing entry (closed year) or, for an open year,
   * the default proposal (everything to the other reserves).
   */
  appropriation: { proposed: boolean; rows: StatementRow[]; total: string };
  /** RJ 650 only: the lastenverdeelstaat (costs by kind over objectives, fundraising and management). */
  costAllocation: CostAllocationStatement | null;
  notes: string[];
  /** One phrase per note, for a UI in another language (shared/phrase.ts). */
  notesSays: Phrase[];
}

export interface CashFlowAccount {
  code: string;
  name: string;
  receipts: string;
  payments: string;
  net: string;
}

export interface CashFlowRow {
  key: string;
  label: string;
  receipts: string;
  payments: string;
  net: string;
  accounts: CashFlowAccount[];
}

export interface CashFlowSection {
  key: 'operationeel' | 'investeringen' | 'financiering';
  label: string;
  rows: CashFlowRow[];
  receipts: string;
  payments: string;
  net: string;
}

export interface CashFlow {
  year: number;
  from: string;
  to: string;
  /** Bank and cash at the start of the year. */
  opening: string;
  sections: CashFlowSection[];
  /** Money moved between own bank and cash accounts (no effect on the total). */
  internalTransfers: string;
  netChange: string;
  /** opening + netChange. */
  closing: string;
  /** Per bank and cash account: start and end balance. */
  moneyAccounts: { code: string; name: string; kind: 'bank' | 'cash'; opening: string; closing: string }[];
  /** The closing figure equals the sum of the bank and cash balances at year end. */
  matchesBalances: boolean;
}

export type AnbiVariant = 'algemeen' | 'fondsenwervend';

export interface AnbiFigure {
  key: string;
  label: string;
  kind: 'heading' | 'line' | 'subtotal' | 'total';
  current: string | null;
  previous: string | null;
}

export type AnbiItemKey =
  | 'naam' | 'rsin' | 'contact' | 'doelstelling' | 'beleidsplan' | 'bestuur' | 'beloningsbeleid' | 'activiteiten' | 'financieel';

export interface AnbiChecklistItem {
  key: AnbiItemKey;
  label: string;
  /** What it asks for, in plain Dutch. */
  help: string;
  /** 'auto' items are checked by the app from the organisation's details; 'manual' ones are ticked by the treasurer. */
  source: 'auto' | 'manual';
  done: boolean;
  detail: string | null;
  /** When the detail is what the app says (not the organisation's own data): its phrases. */
  detailSays?: Phrase[];
  note: string | null;
}

export interface Anbi {
  year: number;
  anbi: boolean;
  variant: AnbiVariant;
  layout: Layout;
  /** Publish within 6 months after the end of the fiscal year. */
  deadline: string;
  /** Whether the standard form is compulsory (a 'large' ANBI) and why. */
  formRequired: boolean;
  formRequiredReason: string;
  /** formRequiredReason as phrases (shared/phrase.ts). */
  formRequiredSays: Phrase[];
  balance: AnbiFigure[];
  incomeStatement: AnbiFigure[];
  checklist: AnbiChecklistItem[];
  message: string | null;
}

export interface YearEndProblem {
  code:
    | 'ALREADY_CLOSED' | 'PREVIOUS_YEAR_OPEN' | 'DRAFTS' | 'INVOICE_DRAFTS' | 'SUSPENSE_NOT_EMPTY' | 'BANK_NOT_RECONCILED' | 'BANK_CHECK_SKIPPED'
    | 'VOLUNTEER_OVER_LIMIT' | 'VOLUNTEER_CHECK_SKIPPED' | 'NEGATIVE_MONEY' | 'NO_EQUITY_ACCOUNT' | 'NEGATIVE_RESERVE' | 'YEAR_NOT_OVER';
  /** block: closing is refused; warn: closing is allowed but look at it; info: for your information. */
  severity: 'block' | 'warn' | 'info';
  message: string;
  details?: Record<string, unknown>;
  /** The message as phrases, for a UI in another language (shared/phrase.ts). */
  says?: Phrase[];
}

export interface AppropriationLine {
  account: string;
  name: string;
  amount: string;
}

export interface YearEndHistoryItem {
  action: 'close' | 'reopen';
  at: string;
  ref: string | null;
  reason: string | null;
}

export interface YearEndCheck {
  year: number;
  status: 'open' | 'closed';
  canClose: boolean;
  problems: YearEndProblem[];
  /** Saldo van baten en lasten of the year (closing entries left out). */
  result: string;
  /** The appropriation used when yearEnd.close gets none: the whole result to the other reserves. */
  defaultAppropriation: AppropriationLine[];
  equityAccounts: { code: string; name: string; line: string }[];
  closing: { entryId: number; ref: string; date: string } | null;
  nextYear: number;
  history: YearEndHistoryItem[];
}

export interface YearEndClosed {
  year: number;
  closingEntry: { id: number; ref: string } | null;
  appropriation: AppropriationLine[];
  nextYear: FiscalYear;
}

export interface YearEndReopened {
  year: number;
  reversal: { id: number; ref: string } | null;
}

export interface ExportWritten {
  path: string;
  bytes: number;
}

export interface XafWritten extends ExportWritten {
  transactions: number;
  lines: number;
  totalDebit: string;
  totalCredit: string;
}

// ---------------------------------------------------------------------------------------------
// Input schemas
// ---------------------------------------------------------------------------------------------

const FilePath = z.string({ error: 'Kies een bestand.' }).trim().min(1, { message: 'Kies een bestand.' });

const BalanceSheetInput = z
  .object({ year: Year.optional(), date: IsoDate.optional() })
  .refine((i) => (i.year === undefined) !== (i.date === undefined), {
    message: 'Kies een boekjaar of een datum (één van de twee).',
    path: ['year'],
  });

const AppropriationInput = z.object({
  account: AccountCode,
  amount: SignedAmount,
});

const ReopenReason = z
  .string({ error: 'Schrijf op waarom u het boekjaar heropent.' })
  .trim()
  .min(10, { message: 'Schrijf in minstens 10 tekens op waarom u het boekjaar heropent.' })
  .max(1000, { message: 'De reden is te lang (maximaal 1000 tekens).' });

const ANBI_ITEMS = ['naam', 'rsin', 'contact', 'doelstelling', 'beleidsplan', 'bestuur', 'beloningsbeleid', 'activiteiten', 'financieel'] as const;

export const statementsMethods = {
  'reports.balanceSheet': method<BalanceSheet>()(BalanceSheetInput),
  'reports.incomeStatement': method<IncomeStatement>()(z.object({ year: Year })),
  'reports.cashFlow': method<CashFlow>()(z.object({ year: Year })),
  'reports.anbi': method<Anbi>()(z.object({ year: Year })),
  'anbi.setItem': method<AnbiChecklistItem>()(
    z.object({
      year: Year,
      item: z.enum(ANBI_ITEMS, { error: 'Kies een onderdeel van de lijst.' }),
      done: z.boolean({ error: 'Kies of dit klaar is.' }),
      note: z.string().max(1000, { message: 'De notitie is te lang (maximaal 1000 tekens).' }).optional(),
    }),
  ),

  'yearEnd.check': method<YearEndCheck>()(z.object({ year: Year })),
  'yearEnd.close': method<YearEndClosed>()(
    z.object({
      year: Year,
      appropriation: z.array(AppropriationInput).max(20).optional(),
    }),
  ),
  'yearEnd.reopen': method<YearEndReopened>()(z.object({ year: Year, reason: ReopenReason })),

  'statements.xlsx': method<ExportWritten>()(z.object({ year: Year, path: FilePath })),
  'statements.pdf': method<ExportWritten & { pages: number }>()(z.object({ year: Year, path: FilePath })),
  'export.xaf': method<XafWritten>()(z.object({ year: Year, path: FilePath })),
  ...allocationMethods,
} as const;

export type StatementsMethodName = keyof typeof statementsMethods;
