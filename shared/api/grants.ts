import { z } from 'zod';
import { FUND_TYPES, GRANT_STATUSES, type FundType, type GrantStatus, type SpendLevel } from '../rules/grants';
import type { AccountType, Layout } from '../chart';
import type { Phrase } from '../phrase';
import { AccountCode, AmountOrZero, Iban, Id, IsoDate, Kvk, NonEmpty, Paging, Year } from './common';
import { method } from './define';
import { field, textTooLong } from './fieldTexts';

/**
 * Grants per fund, their budgets, the annual budget (begroting), coverage plans and the exports a
 * funder receives. Amounts are decimal strings ("1234.56"), dates YYYY-MM-DD.
 */

// ---------- outputs ----------

export interface Fund {
  id: number;
  name: string;
  fundType: FundType | null;
  email: string | null;
  phone: string | null;
  iban: string | null;
  kvk: string | null;
  note: string | null;
  archived: boolean;
  /** Number of grants (applications included) from this fund. */
  grants: number;
}

export interface GrantBudgetLine {
  id: number;
  name: string;
  amount: string;
  sort: number;
  /** Expense accounts usually booked on this line (suggestions when booking). */
  accounts: string[];
  /** Whether postings carry this line (then it can't be removed). */
  hasAllocations: boolean;
}

export interface Grant {
  id: number;
  fund: { id: number; name: string; fundType: FundType | null };
  project: string;
  reference: string | null;
  status: GrantStatus;
  applied: string;
  awarded: string | null;
  startDate: string;
  endDate: string;
  conditions: string | null;
  mustReturnUnspent: boolean;
  archived: boolean;
  hasAllocations: boolean;
  /** Income account a receipt of this grant is normally booked on (by the fund's type). */
  incomeAccount: string;
  budgetTotal: string;
  budgetLines: GrantBudgetLine[];
}

export interface GrantSummary extends Omit<Grant, 'budgetLines'> {
  spent: string;
  received: string;
  percent: string | null;
  level: SpendLevel;
}

export interface GrantReportLine {
  /** null: spending on the grant without a budget line. */
  id: number | null;
  name: string;
  budget: string;
  actual: string;
  remaining: string;
  percent: string | null;
  level: SpendLevel;
  accounts: string[];
}

export interface GrantWarning {
  level: SpendLevel;
  budgetLine: number | null;
  message: string;
  /** The message as phrases, for a UI in another language (shared/phrase.ts). */
  says?: Phrase[] | undefined;
}

export interface GrantReport {
  grant: Grant;
  /** The report includes postings up to and including this date (null: all). */
  to: string | null;
  lines: GrantReportLine[];
  totals: { budget: string; actual: string; remaining: string; percent: string | null; level: SpendLevel };
  /** Income booked with this grant. */
  received: string;
  awarded: string | null;
  /** Awarded but not yet received (never below zero). */
  toReceive: string;
  /** Received minus spent: money of this grant still in the foundation's hands. */
  unspent: string;
  warnings: GrantWarning[];
}

export interface GrantPosting {
  entryId: number;
  ref: string;
  date: string;
  description: string;
  account: string;
  accountName: string;
  accountType: AccountType;
  budgetLine: number | null;
  budgetLineName: string | null;
  /** Signed: debit positive, credit negative. */
  amount: string;
  /** Costs count as spent; income as received; other lines are year-end moves. */
  kind: 'expense' | 'income' | 'other';
}

export interface GrantPostings {
  total: number;
  items: GrantPosting[];
}

export interface GrantOption {
  id: number;
  project: string;
  fund: string;
  status: GrantStatus;
  startDate: string;
  endDate: string;
  /** The date asked about lies inside the grant period. */
  inPeriod: boolean;
  budgetLines: { id: number; name: string; remaining: string; suggested: boolean }[];
}

export interface BudgetLine {
  account: string;
  name: string;
  type: 'income' | 'expense';
  /** This year's budget (0.00 when none was set). */
  amount: string;
  set: boolean;
  /** Actual of the previous year (whole year), a starting point. */
  previousActual: string;
}

export interface Budget {
  year: number;
  /** 'none': the year isn't opened yet (a budget can be made in advance). */
  yearStatus: 'open' | 'closed' | 'none';
  lines: BudgetLine[];
  totals: { income: string; expense: string; result: string };
}

export interface BudgetSuggestion {
  year: number;
  previousYear: number;
  lines: { account: string; name: string; type: 'income' | 'expense'; previousActual: string; amount: string }[];
  totals: { income: string; expense: string; result: string };
}

export interface VsActualFigures {
  budget: string;
  /** Pro-rata part of the yearly budget for the days up to `to`. */
  budgetToDate: string;
  actual: string;
  /** actual - budget (positive: more income or more costs than budgeted). */
  difference: string;
  /** actual as a percentage of budget, one decimal; null when the budget is zero. */
  percent: string | null;
}

export interface VsActualAccount extends VsActualFigures {
  account: string;
  name: string;
  type: 'income' | 'expense';
  line: string;
}

export interface VsActualLine extends VsActualFigures {
  key: string;
  name: string;
  type: 'income' | 'expense';
  accounts: string[];
}

export interface BudgetVsActual {
  year: number;
  from: string;
  to: string;
  layout: Layout;
  accounts: VsActualAccount[];
  lines: VsActualLine[];
  totals: { income: VsActualFigures; expense: VsActualFigures; result: { budget: string; budgetToDate: string; actual: string } };
}

export interface CoverageSource {
  kind: 'grant' | 'other';
  grant: number | null;
  name: string;
  fund: string | null;
  status: GrantStatus | null;
  /** For a grant: the amount applied for; for another source: its amount. */
  applied: string;
  /** Firmly promised: awarded (or settled) grants and confirmed other sources. */
  confirmed: string;
  /** Still uncertain: applications not yet decided and unconfirmed sources. */
  pending: string;
}

export interface Coverage {
  project: string;
  exists: boolean;
  note: string | null;
  costs: { name: string; amount: string }[];
  costTotal: string;
  sources: CoverageSource[];
  otherSources: { name: string; amount: string; confirmed: boolean }[];
  totals: {
    applied: string;
    confirmed: string;
    pending: string;
    /** costTotal - confirmed: still to be found today. */
    gap: string;
    /** costTotal - confirmed - pending: still to be found if every application is awarded. */
    gapIfAllAwarded: string;
  };
}

export interface ProjectSummary {
  project: string;
  grants: number;
  hasPlan: boolean;
  costTotal: string;
  confirmed: string;
}

export interface ExportResult {
  path: string;
  sheets: string[];
}

export interface YearEndLine {
  account: string;
  accountName: string;
  debit: string | null;
  credit: string | null;
  /** Whether this line carries the grant. */
  grant: boolean;
}

export interface YearEndProposal {
  grant: number;
  year: number;
  date: string;
  received: string;
  spent: string;
  unspent: string;
  mustReturnUnspent: boolean;
  periodEnded: boolean;
  /** Where the unspent part belongs at the year end. */
  target: 'reserve' | 'deferred' | 'payable';
  current: { reserve: string; deferred: string; payable: string };
  wanted: { reserve: string; deferred: string; payable: string };
  lines: YearEndLine[];
  nothingToDo: boolean;
  explanation: string;
}

// ---------- inputs ----------

const FundType = z.enum(FUND_TYPES, { error: 'Kies het soort fonds: overheid, fonds, loterij, bedrijf of particulier.' });
const GrantStatusInput = z.enum(GRANT_STATUSES, { error: 'Kies de stand: aangevraagd, toegekend, afgewezen of afgerekend.' });
const FilePath = z.string({ error: 'Kies een bestand.' }).min(1, { message: 'Kies een bestand.' });
const Text = (max: number) => z.string().max(max, { message: textTooLong(max) });

const FundFields = {
  name: NonEmpty(field.fundName),
  fundType: FundType,
  email: Text(200).optional(),
  phone: Text(50).optional(),
  iban: Iban.optional(),
  kvk: Kvk.optional(),
  note: Text(2000).optional(),
};

const BudgetLineInput = z.object({
  id: Id.optional(),
  name: NonEmpty(field.budgetLineName, 200),
  amount: AmountOrZero,
  accounts: z.array(AccountCode).max(50).optional(),
});

const GrantFields = {
  fund: Id,
  project: NonEmpty(field.projectName, 200),
  reference: Text(100).optional(),
  status: GrantStatusInput.optional(),
  applied: AmountOrZero,
  awarded: AmountOrZero.optional(),
  startDate: IsoDate,
  endDate: IsoDate,
  conditions: Text(5000).optional(),
  mustReturnUnspent: z.boolean().optional(),
};

const periodRefine = <T extends { startDate?: string | undefined; endDate?: string | undefined }>(g: T) =>
  g.startDate === undefined || g.endDate === undefined || g.endDate >= g.startDate;
const periodMessage = { message: 'De einddatum ligt voor de begindatum. Kies een einddatum op of na de begindatum.', path: ['endDate'] };

const GrantRef = z.object({ grant: Id });
const ProjectName = NonEmpty(field.projectName, 200);

export const grantsMethods = {
  'funds.list': method<Fund[]>()(z.object({ includeArchived: z.boolean().optional() })),
  'funds.create': method<Fund>()(z.object(FundFields)),
  'funds.update': method<Fund>()(z.object({ id: Id, ...FundFields, archived: z.boolean().optional() }).partial().required({ id: true })),

  'grants.list': method<GrantSummary[]>()(
    z.object({ fund: Id.optional(), status: GrantStatusInput.optional(), project: z.string().max(200).optional(), includeArchived: z.boolean().optional() }),
  ),
  'grants.get': method<Grant>()(z.object({ id: Id })),
  'grants.create': method<Grant>()(
    z.object({ ...GrantFields, budgetLines: z.array(BudgetLineInput.omit({ id: true })).max(200).optional() }).refine(periodRefine, periodMessage),
  ),
  'grants.update': method<Grant>()(
    z
      .object({ id: Id, ...GrantFields, budgetLines: z.array(BudgetLineInput).max(200) })
      .partial()
      .required({ id: true })
      .refine(periodRefine, periodMessage),
  ),
  'grants.archive': method<Grant>()(z.object({ id: Id, archived: z.boolean().optional() })),
  'grants.delete': method<{ deleted: boolean }>()(z.object({ id: Id })),
  'grants.budgetLines.set': method<Grant>()(z.object({ grant: Id, lines: z.array(BudgetLineInput).max(200) })),
  'grants.report': method<GrantReport>()(z.object({ grant: Id, to: IsoDate.optional() })),
  'grants.postings': method<GrantPostings>()(z.object({ grant: Id, budgetLine: Id.optional(), ...Paging })),
  'grants.options': method<GrantOption[]>()(z.object({ date: IsoDate.optional(), account: AccountCode.optional() })),
  'grants.budgetXlsx': method<ExportResult>()(
    z
      .object({ grant: Id.optional(), project: ProjectName.optional(), path: FilePath })
      .refine((i) => (i.grant === undefined) !== (i.project === undefined), { message: 'Kies een subsidie of een project.', path: ['grant'] }),
  ),
  'grants.verantwoordingXlsx': method<ExportResult>()(z.object({ grant: Id, path: FilePath, to: IsoDate.optional() })),
  'grants.yearEndProposal': method<YearEndProposal>()(GrantRef.extend({ year: Year })),
  'grants.yearEndConfirm': method<{ id: number; number: number; ref: string; proposal: YearEndProposal }>()(GrantRef.extend({ year: Year })),

  'budgets.get': method<Budget>()(z.object({ year: Year })),
  'budgets.set': method<Budget>()(
    z.object({ year: Year, lines: z.array(z.object({ account: AccountCode, amount: AmountOrZero })).max(1000) }),
  ),
  'budgets.suggest': method<BudgetSuggestion>()(z.object({ year: Year })),
  'budgets.vsActual': method<BudgetVsActual>()(z.object({ year: Year, to: IsoDate.optional() })),

  'coverage.projects': method<ProjectSummary[]>()(z.object({})),
  'coverage.get': method<Coverage>()(z.object({ project: ProjectName })),
  'coverage.set': method<Coverage>()(
    z.object({
      project: ProjectName,
      note: Text(2000).optional(),
      costs: z.array(z.object({ name: NonEmpty(field.costItemName, 200), amount: AmountOrZero })).max(200),
      otherSources: z
        .array(z.object({ name: NonEmpty(field.sourceName, 200), amount: AmountOrZero, confirmed: z.boolean().optional() }))
        .max(100)
        .optional(),
    }),
  ),
} as const;

export type GrantsMethodName = keyof typeof grantsMethods;
