/** Output shapes of the books API. Amounts are decimal strings ("1234.56"), dates YYYY-MM-DD. */
import type { AccountType, MoneyKind, Layout } from '../chart';
import type { Phrase } from '../phrase';

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
  /** The kascommissie's review in progress: the books are read-only until it ends (issue 19). */
  review?: { year: number; code: string } | null;
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
  /** How many receipts (photos, PDFs) are linked to the entry. */
  receipts: number;
}

export interface EntryList {
  total: number;
  items: Entry[];
}

export interface TrialBalanceRow {
  code: string;
  name: string;
  type: AccountType;
  /**
   * 'account' for a ledger account; 'earlierResult' for the one equity line that holds the result
   * of earlier fiscal years not yet appropriated (code shared/rgs.ts EARLIER_RESULT), as the
   * balance sheet shows it. It has an opening and closing balance but never postings.
   */
  kind: 'account' | 'earlierResult';
  /** Signed balance (debit +) at the start of the period: balance-sheet accounts carry over, income and expenses open at zero. */
  opening: string;
  debit: string;
  credit: string;
  /** debit − credit of the period (the mutation), signed. */
  balance: string;
  /** opening + balance. */
  closing: string;
}

export interface TrialBalance {
  accounts: TrialBalanceRow[];
  /** opening and closing sum to zero when the books balance. */
  totals: { opening: string; debit: string; credit: string; closing: string };
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

/** Where a ledger line stands in ledger order (date, entry, line), for keyset paging: opaque to callers. */
export type LedgerCursor = string;

/**
 * One page of an account's general ledger in a period, newest or oldest first. The period's
 * opening, totals and closing are those of the whole period; `page.opening` is the balance just
 * before the oldest line on the page, so every running balance is right on any page.
 */
export interface LedgerPage {
  account: { code: string; name: string; type: AccountType };
  opening: string;
  closing: string;
  totals: { debit: string; credit: string };
  /** Lines in the whole period. */
  count: number;
  order: 'newest' | 'oldest';
  /** In the order asked for; each balance is the balance after that line. */
  rows: LedgerRow[];
  page: { opening: string; closing: string; older: LedgerCursor | null; newer: LedgerCursor | null };
}

export interface VerifyProblem {
  code: string;
  /** In Dutch (the CLI prints it as it is). */
  message: string;
  /** The same as phrases (shared/phrase.ts), for a screen in another language. */
  says?: Phrase[];
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
