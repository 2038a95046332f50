/** Output shapes of the books API. Amounts are decimal strings ("1234.56"), dates YYYY-MM-DD. */
import type { AccountType, MoneyKind, Layout } from '../chart';

export interface Organisation {
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
  vatStatus: 'none' | 'exempt' | 'kor' | 'liable';
  vatNumber: string | null;
  anbi: boolean;
  layout: Layout;
}

export interface AdminInfo {
  path: string;
  organisation: Organisation;
  schemaVersion: number;
  practice: boolean;
}

export interface Account {
  code: string;
  name: string;
  type: AccountType;
  kind: MoneyKind | null;
  iban: string | null;
  lineRj640: string;
  lineRj650: string;
  rgsCode: string | null;
  archived: boolean;
  hasPostings: boolean;
}

export interface FiscalYear {
  year: number;
  startDate: string;
  endDate: string;
  status: 'open' | 'closed';
}

export interface Journal {
  code: string;
  name: string;
  account: string | null;
}

export interface EntryLine {
  account: string;
  accountName: string;
  debit: string | null;
  credit: string | null;
  description: string | null;
  grant: number | null;
  budgetLine: number | null;
  person: number | null;
  contact: number | null;
}

export interface Entry {
  id: number;
  journal: string;
  year: number;
  number: number | null;
  /** Human reference such as "BANK 2026-0012" (null for drafts). */
  ref: string | null;
  date: string;
  description: string;
  status: 'draft' | 'posted';
  source: string;
  reversalOf: number | null;
  reversedBy: number | null;
  total: string;
  lines: EntryLine[];
}

export interface EntryList {
  total: number;
  items: Entry[];
}

export interface TrialBalanceRow {
  code: string;
  name: string;
  type: AccountType;
  debit: string;
  credit: string;
  balance: string;
}

export interface TrialBalance {
  accounts: TrialBalanceRow[];
  totals: { debit: string; credit: string };
}

export interface LedgerRow {
  entryId: number;
  ref: string;
  date: string;
  description: string;
  debit: string | null;
  credit: string | null;
  balance: string;
}

export interface GeneralLedger {
  account: { code: string; name: string; type: AccountType };
  opening: string;
  rows: LedgerRow[];
  closing: string;
  totals: { debit: string; credit: string };
}

export interface VerifyProblem {
  code: string;
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  checks: { name: string; ok: boolean }[];
  problems: VerifyProblem[];
  counts: { entries: number; lines: number; auditRows: number };
  /** The fact chain (DESIGN.md section 10) as recomputed from the data. */
  history: {
    /** `count:first 12 hex`, the form printed on paper and accepted by `kassa verify --since`. */
    head: string;
    count: number;
    /** Full SHA-256 of the last fact, 64 hex. */
    hash: string;
    short: string;
    /** Date the chain started in this file (YYYY-MM-DD), null when unknown. */
    started: string | null;
    /** Facts that existed before the chain and were recorded when it started. */
    backfilled: number;
    /** "Geschiedenis controleerbaar vanaf …" in Dutch. */
    note: string;
  };
}

export interface Dashboard {
  year: number | null;
  money: { code: string; name: string; kind: MoneyKind; balance: string }[];
  income: string;
  expenses: string;
  result: string;
}
