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
  created_at: string;
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
}
