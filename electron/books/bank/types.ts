/**
 * The output of the bank-statement parsers: one account, one currency, transactions in booking order.
 * Pure data, no database: the import/matching layer builds on this.
 */

import type { Phrase } from '../../../shared/phrase';
import { BANK_FORMAT_NAMES } from '../../../shared/api/bank';

/** One list of formats for the contract and the parsers. */
export const BANK_FORMATS = BANK_FORMAT_NAMES;

export type BankFormat = (typeof BANK_FORMATS)[number];

export type CsvBankFormat = Extract<BankFormat, `csv-${string}`>;

export interface ParsedTransaction {
  /** Booking date, YYYY-MM-DD. */
  date: string;
  /** Value (interest) date, YYYY-MM-DD, when the file gives one. */
  valueDate?: string;
  /** Signed integer cents: + money in, − money out. */
  amountCents: number;
  counterpartyName?: string;
  counterpartyIban?: string;
  description: string;
  /** The bank's own reference for the booking (AcctSvcrRef, sequence number, …). */
  bankRef?: string;
  /** SEPA end-to-end id, when given and not "NOTPROVIDED". */
  endToEndId?: string;
  /** Source line (1-based) where the booking starts, for messages. */
  line?: number;
}

/** A warning about the file, said (shared/phrase.ts) so an English screen shows it in English. */
export interface ParseWarning {
  line?: number;
  message: string;
  says?: Phrase[] | undefined;
}

export interface ParsedStatement {
  format: BankFormat;
  accountIban: string;
  currency: 'EUR';
  statementId?: string;
  /** First day covered, YYYY-MM-DD. */
  from?: string;
  /** Last day covered, YYYY-MM-DD. */
  to?: string;
  openingBalanceCents?: number;
  closingBalanceCents?: number;
  transactions: ParsedTransaction[];
  warnings: ParseWarning[];
}

/**
 * One statement inside a file (a camt Stmt, an MT940 :20: block, or a whole CSV). A file may hold
 * several for the same account; merge.ts joins them into one ParsedStatement.
 */
export interface StatementPart {
  /** Raw account identification as found in the file (IBAN or old account number). */
  account: string;
  /** Line where the account was found, for messages. */
  accountLine?: number;
  currency: string;
  statementId?: string;
  from?: string;
  to?: string;
  openingBalanceCents?: number;
  closingBalanceCents?: number;
  /** Line where the statement starts, for messages. */
  line?: number;
  transactions: ParsedTransaction[];
}
