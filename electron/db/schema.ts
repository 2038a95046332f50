import type { Generated } from 'kysely';

/** Kysely table types of an administration file (see migrations/ for the DDL and triggers). */
export interface OrganisationTable {
  id: number;
  name: string;
  kvk: string | null;
  rsin: string | null;
  iban: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  vat_status: 'none' | 'exempt' | 'kor' | 'liable';
  vat_number: string | null;
  anbi: number;
  layout: 'rj640' | 'rj650';
  fiscal_year_start_month: number;
  settings: string;
}

export interface AccountsTable {
  id: Generated<number>;
  code: string;
  name: string;
  type: 'asset' | 'liability' | 'equity' | 'income' | 'expense';
  line_rj650: string;
  line_rj640: string;
  rgs_code: string | null;
  kind: 'bank' | 'cash' | null;
  iban: string | null;
  archived: number;
}

export interface FiscalYearsTable {
  year: number;
  start_date: string;
  end_date: string;
  status: 'open' | 'closed';
  closed_at: string | null;
}

export interface JournalsTable {
  id: Generated<number>;
  code: string;
  name: string;
  account_id: number | null;
}

export interface EntriesTable {
  id: Generated<number>;
  journal_id: number;
  year: number;
  number: number | null;
  date: string;
  description: string;
  status: 'draft' | 'posted';
  reversal_of: number | null;
  source: string;
  source_ref: string | null;
}

export interface LinesTable {
  id: Generated<number>;
  entry_id: number;
  account_id: number;
  amount_cents: number;
  date: string;
  posted: number;
  description: string | null;
  contact_id: number | null;
  grant_id: number | null;
  budget_line_id: number | null;
  person_id: number | null;
}

export interface AccountTotalsTable {
  account_id: number;
  year: number;
  debit_cents: number;
  credit_cents: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  action: string;
  entity: string | null;
  entity_id: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

// --- invoices (migration 0002) ---
export interface ContactsTable {
  id: Generated<number>;
  kind: 'customer' | 'supplier' | 'fund' | 'other';
  name: string;
  contact_name: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  email: string | null;
  phone: string | null;
  kvk: string | null;
  vat_number: string | null;
  iban: string | null;
  oin: string | null;
  einvoice: Generated<number>;
  order_reference: string | null;
  fund_type: 'government' | 'fund' | 'lottery' | 'company' | 'private' | null;
  note: string | null;
  archived: number;
  created_at: string;
}

export interface AttachmentsTable {
  id: Generated<number>;
  name: string;
  mime: 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/webp';
  size: number;
  sha256: string;
  data: Buffer;
  created_at: string;
}

export interface InvoiceSettingsTable {
  key: string;
  value: string;
}

export interface InvoicesTable {
  id: Generated<number>;
  kind: 'sales' | 'purchase';
  status: 'draft' | 'final';
  number: string | null;
  series: string | null;
  seq: number | null;
  number_format: string | null;
  contact_id: number;
  issue_date: string;
  supply_date: string | null;
  due_date: string | null;
  credit_of: number | null;
  buyer_reference: string | null;
  order_reference: string | null;
  note: string | null;
  vat_status: 'none' | 'exempt' | 'kor' | 'liable';
  net_cents: number;
  vat_cents: number;
  gross_cents: number;
  entry_id: number | null;
  attachment_id: number | null;
  seller_json: string | null;
  buyer_json: string | null;
  created_at: string;
  finalised_at: string | null;
  /** A purchase paid on the spot: the kas or bank account (0017); never with a due date. */
  paid_from_account_id: number | null;
}

export interface InvoiceLinesTable {
  id: Generated<number>;
  invoice_id: number;
  position: number;
  description: string;
  quantity: string;
  unit_price_cents: number;
  vat_rate: '21' | '9' | '0' | 'exempt' | 'none';
  vat_reason: 'intraCommunity' | 'export' | 'zeroRated' | null;
  net_cents: number;
  vat_cents: number;
  account_id: number;
  grant_id: number | null;
  budget_line_id: number | null;
}

export interface InvoicePaymentsTable {
  id: Generated<number>;
  invoice_id: number;
  entry_id: number;
  bank_entry_id: number | null;
  date: string;
  amount_cents: number;
  method: 'posted' | 'linked' | 'reversal';
  reversal_of: number | null;
  created_at: string;
}

// --- volunteers (migration 0003) ---
export interface PersonsTable {
  id: Generated<number>;
  name: string;
  birth_date: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  iban: string | null;
  email: string | null;
  benefit: 'none' | 'bijstand' | 'uwv' | 'other';
  benefit_note: string | null;
  also_paid_or_invoices: number;
  archived: number;
  created_at: string;
}

export interface VolunteerPaymentsTable {
  id: Generated<number>;
  person_id: number;
  date: string;
  period_from: string | null;
  period_to: string | null;
  /** Decimal string with a dot ("2.5"). */
  hours: string | null;
  amount_cents: number;
  kind: 'fee' | 'reimbursement';
  description: string;
  as_wages: number;
  wages_confirmation: string | null;
  pay_from_account_id: number;
  entry_id: number | null;
  grant_id: number | null;
  budget_line_id: number | null;
  attachment_id: number | null;
  status: 'approved' | 'paid' | 'cancelled';
  paid_entry_id: number | null;
  paid_date: string | null;
  sepa_batch_id: number | null;
  cancel_entry_id: number | null;
  created_at: string;
}

export interface VolunteerLimitsTable {
  year: number;
  per_hour_adult_cents: number;
  per_hour_young_cents: number;
  age_threshold: number;
  per_month_cents: number;
  per_year_cents: number;
  source: string;
  updated_at: string;
}

export interface VolunteerMonthTotalsTable {
  /** YYYY-MM */
  month: string;
  person_id: number;
  kind: 'fee' | 'reimbursement';
  as_wages: number;
  status: 'approved' | 'paid' | 'cancelled';
  amount_cents: number;
  count: number;
}

export interface VolunteerSepaBatchesTable {
  id: Generated<number>;
  message_id: string;
  created_at: string;
  execution_date: string;
  debtor_account_id: number;
  count: number;
  total_cents: number;
  file_name: string;
  file_sha256: string;
}

// --- grants and budgets (migration 0004) ---
export interface GrantsTable {
  id: Generated<number>;
  fund_id: number;
  project: string;
  reference: string | null;
  status: 'applied' | 'awarded' | 'rejected' | 'settled';
  applied_cents: number;
  awarded_cents: number | null;
  start_date: string;
  end_date: string;
  conditions: string | null;
  must_return_unspent: number;
  archived: number;
  created_at: string;
}

export interface GrantBudgetLinesTable {
  id: Generated<number>;
  grant_id: number;
  name: string;
  amount_cents: number;
  sort: number;
}

export interface GrantBudgetLineAccountsTable {
  budget_line_id: number;
  account_id: number;
}

export interface BudgetsTable {
  year: number;
  account_id: number;
  amount_cents: number;
}

export interface CoveragePlansTable {
  id: Generated<number>;
  project: string;
  note: string | null;
  updated_at: string;
}

export interface CoverageItemsTable {
  id: Generated<number>;
  plan_id: number;
  kind: 'cost' | 'source';
  name: string;
  amount_cents: number;
  confirmed: number;
  sort: number;
}

// --- statements and year-end (migration 0005) ---
export interface YearEndLogTable {
  id: Generated<number>;
  year: number;
  action: 'close' | 'reopen';
  at: string;
  entry_id: number | null;
  /** JSON [{account, amount}] of a close. */
  appropriation: string | null;
  reason: string | null;
}

export interface AnbiChecklistTable {
  year: number;
  item: string;
  done: number;
  note: string | null;
  updated_at: string;
}

// --- bank statements (migration 0006) ---
export interface BankImportsTable {
  id: Generated<number>;
  file_hash: string;
  file_name: string;
  format: string;
  account_id: number;
  statement_iban: string;
  statement_id: string | null;
  imported_at: string;
  date_from: string | null;
  date_to: string | null;
  opening_cents: number | null;
  closing_cents: number | null;
  book_opening_cents: number;
  book_closing_cents: number;
  transaction_count: number;
  added_count: number;
  duplicate_count: number;
  warnings: string;
}

export interface BankTransactionsTable {
  id: Generated<number>;
  import_id: number;
  account_id: number;
  line: number | null;
  date: string;
  value_date: string | null;
  amount_cents: number;
  counterparty_name: string | null;
  counterparty_iban: string | null;
  description: string;
  bank_ref: string | null;
  end_to_end_id: string | null;
  fingerprint: string;
  ref_key: string | null;
  status: 'inbox' | 'booked' | 'ignored';
  entry_id: number | null;
  booked_at: string | null;
  assign_account_id: number | null;
  assign_grant_id: number | null;
  assign_budget_line_id: number | null;
  assign_person_id: number | null;
  assign_contact_id: number | null;
  assign_invoice_id: number | null;
  assign_description: string | null;
  suggest_account_id: number | null;
  suggest_grant_id: number | null;
  suggest_budget_line_id: number | null;
  suggest_person_id: number | null;
  suggest_contact_id: number | null;
  suggest_invoice_id: number | null;
  suggest_kind: 'invoice' | 'rule' | 'history' | 'transfer' | null;
  suggest_rule_id: number | null;
  suggest_reason: string | null;
  /** JSON of the reason's phrases (Phrase[]); NULL for rows suggested before schema 18. */
  suggest_says: string | null;
  /** 1: linked to an entry that was already in the books (migration 0014). */
  linked: Generated<number>;
}

export interface BankRulesTable {
  id: Generated<number>;
  match_iban: string | null;
  match_text: string | null;
  direction: 'in' | 'out' | null;
  account_id: number;
  grant_id: number | null;
  budget_line_id: number | null;
  person_id: number | null;
  description: string | null;
  priority: number;
  created_from: string;
  created_at: string;
}

export interface ReconciliationsTable {
  id: Generated<number>;
  account_id: number;
  statement_date: string;
  bank_balance_cents: number;
  book_balance_cents: number;
  difference_cents: number;
  import_id: number;
  checked_at: string;
  reconciled_at: string | null;
}

/** A receipt linked to a posted entry (migration 0011): final, never changed or removed. */
export interface EntryAttachmentsTable {
  entry_id: number;
  attachment_id: number;
  created_at: string;
}

/** A receipt added to a bank line before it is booked; booking copies it to the entry. */
export interface BankTransactionAttachmentsTable {
  transaction_id: number;
  attachment_id: number;
  created_at: string;
}

// --- provable history (migration 0007) ---
export interface FactKindsTable {
  id: Generated<number>;
  name: string;
}

export interface FactsTable {
  seq: number;
  kind: number;
  ref: string;
  /** `auditId:tag` on the first fact of a block, else NULL. */
  audit: string | null;
  /** 16-bit check of the fact's text. */
  tag: number;
}

// --- objectives and cost allocation keys (migration 0010) ---
export interface ObjectivesTable {
  id: Generated<number>;
  name: string;
  position: number;
}

export interface AllocationKeysTable {
  id: Generated<number>;
  account_id: number;
  target: 'doelstelling' | 'werving' | 'beheer';
  objective_id: number | null;
  /** Share in basis points: 10000 = 100 %. */
  share_bp: number;
  /** The first year this key holds (0: every year), until a later year's key (migration 0014). */
  from_year: Generated<number>;
}

export interface AllocationKeyYearsTable {
  account_id: number;
  from_year: number;
}

// --- kascommissie review (migration 0012) ---
export interface ReviewsTable {
  id: Generated<number>;
  year: number;
  number: number;
  review_date: string;
  started_at: string;
  threshold_cents: number;
  large_cents: number;
  sample_size: number;
  seed: number;
  status: 'active' | 'finished' | 'stopped';
  finished_at: string | null;
  conclusion: 'discharge' | 'discharge_with_remarks' | 'no_discharge' | null;
  conclusion_text: string | null;
}

export interface ReviewReviewersTable {
  review_id: number;
  position: number;
  name: string;
}

export interface ReviewSampleTable {
  review_id: number;
  position: number;
  entry_id: number;
  reason: 'large' | 'random';
}

export interface ReviewRemarksTable {
  id: Generated<number>;
  review_id: number;
  seq: number;
  kind: 'checklist' | 'sample' | 'question' | 'answer' | 'cash_count' | 'paper_balance';
  target: string;
  verdict: 'akkoord' | 'vraag' | 'niet_akkoord' | null;
  text: string | null;
  amount_cents: number | null;
  date: string | null;
  author: string;
  at: string;
}

export interface DB {
  meta: MetaTable;
  organisation: OrganisationTable;
  accounts: AccountsTable;
  fiscal_years: FiscalYearsTable;
  journals: JournalsTable;
  entries: EntriesTable;
  lines: LinesTable;
  account_totals: AccountTotalsTable;
  audit_log: AuditLogTable;
  contacts: ContactsTable;
  attachments: AttachmentsTable;
  invoice_settings: InvoiceSettingsTable;
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  invoice_payments: InvoicePaymentsTable;
  persons: PersonsTable;
  volunteer_payments: VolunteerPaymentsTable;
  volunteer_limits: VolunteerLimitsTable;
  volunteer_sepa_batches: VolunteerSepaBatchesTable;
  grants: GrantsTable;
  grant_budget_lines: GrantBudgetLinesTable;
  grant_budget_line_accounts: GrantBudgetLineAccountsTable;
  budgets: BudgetsTable;
  coverage_plans: CoveragePlansTable;
  coverage_items: CoverageItemsTable;
  year_end_log: YearEndLogTable;
  anbi_checklist: AnbiChecklistTable;
  bank_imports: BankImportsTable;
  bank_transactions: BankTransactionsTable;
  bank_rules: BankRulesTable;
  reconciliations: ReconciliationsTable;
  entry_attachments: EntryAttachmentsTable;
  bank_transaction_attachments: BankTransactionAttachmentsTable;
  fact_kinds: FactKindsTable;
  facts: FactsTable;
  objectives: ObjectivesTable;
  allocation_keys: AllocationKeysTable;
  allocation_key_years: AllocationKeyYearsTable;
  reviews: ReviewsTable;
  review_reviewers: ReviewReviewersTable;
  review_sample: ReviewSampleTable;
  review_remarks: ReviewRemarksTable;
}
