import { z } from 'zod';
import { AccountCode, Iban, Id, NonEmpty, Paging, IsoDate, Year } from './common';
import { method } from './define';
import { field } from './fieldTexts';
import type { Phrase } from '../phrase';

/**
 * Bank statements (issue 8): import a statement file into the inbox, assign each line (by hand, by
 * a rule or by an earlier choice), confirm into BANK entries, and reconcile book vs bank balance.
 * Amounts are signed decimal strings: "+" money in, "-" money out ("-450.00").
 */

/** The file formats the parsers read (electron/books/bank/types.ts uses this same list). */
export const BANK_FORMAT_NAMES = ['camt053', 'mt940', 'csv-ing', 'csv-rabobank', 'csv-abnamro', 'csv-triodos', 'csv-bunq', 'csv-asn', 'csv-knab'] as const;
export type BankFormatName = (typeof BANK_FORMAT_NAMES)[number];

/** How a format is named to the treasurer (the format choice, and "this file does not look like …"). */
export const BANK_FORMAT_LABELS: Record<BankFormatName, string> = {
  camt053: 'CAMT.053 (XML)',
  mt940: 'MT940',
  'csv-ing': 'CSV van ING',
  'csv-rabobank': 'CSV van Rabobank',
  'csv-abnamro': 'TXT/TAB van ABN AMRO',
  'csv-triodos': 'CSV van Triodos',
  'csv-bunq': 'CSV van bunq',
  'csv-asn': 'CSV van ASN, SNS of RegioBank',
  'csv-knab': 'CSV van Knab',
};

/** 50 MB as base64 (4 characters per 3 bytes) plus a little: larger data is refused before decoding. */
export const MAX_BANK_BASE64 = Math.ceil((50 * 1024 * 1024 * 4) / 3) + 4;

export interface BankWarning {
  line?: number;
  message: string;
  /** The message as phrases, for a UI in another language (shared/phrase.ts). */
  says?: Phrase[] | undefined;
}

export interface BankBalanceDifference {
  /** opening: the statement's opening balance vs the books the day before; closing: after the inbox lines are booked. */
  kind: 'opening' | 'closing';
  date: string;
  bank: string;
  book: string;
  difference: string;
  message: string;
  says?: Phrase[] | undefined;
}

export interface BankBalanceCheck {
  /** The statement's balances, null when the file has none (some CSV layouts). */
  opening: string | null;
  closing: string | null;
  /** The day before the statement starts (opening) and its last day (closing). */
  openingDate: string | null;
  closingDate: string | null;
  /** Book balance of the bank account at those dates (posted entries only). */
  bookOpening: string;
  bookClosing: string;
  /** Lines of this account up to the closing date that are still in the inbox (not yet in the books). */
  inbox: string;
  /** bookClosing + inbox: what the books will say once every inbox line is booked. */
  expectedClosing: string;
  differences: BankBalanceDifference[];
}

export interface BankAccountRef {
  code: string;
  name: string;
  iban: string | null;
}

export interface BankImportResult {
  importId: number;
  account: BankAccountRef;
  format: BankFormatName;
  statementIban: string;
  from: string | null;
  to: string | null;
  /** Lines in the file. */
  transactions: number;
  added: number;
  skippedDuplicates: number;
  /** New lines that got a suggestion (rule, earlier choice, open invoice). */
  suggested: number;
  warnings: BankWarning[];
  balanceCheck: BankBalanceCheck;
}

export interface BankImportInfo {
  id: number;
  fileName: string;
  format: string;
  account: string;
  statementIban: string;
  statementId: string | null;
  importedAt: string;
  from: string | null;
  to: string | null;
  opening: string | null;
  closing: string | null;
  transactions: number;
  added: number;
  skippedDuplicates: number;
  warnings: BankWarning[];
}

export interface BankChoice {
  account: string;
  accountName: string;
  grant: number | null;
  budgetLine: number | null;
  person: number | null;
  contact: number | null;
  invoice: number | null;
  invoiceNumber: string | null;
  description: string | null;
}

export interface BankSuggestion extends BankChoice {
  kind: 'invoice' | 'rule' | 'history' | 'transfer';
  rule: number | null;
  /** Why, in Dutch: "Regel: tegenrekening NL74 RABO … → 4100". */
  reason: string;
  /** The same as phrases (shown in the UI language); absent for lines suggested before schema 18. */
  says?: Phrase[];
}

export type BankTransactionStatus = 'inbox' | 'booked' | 'ignored';

/** An entry already in the books (made by hand) that an inbox line seems to be: link instead of booking twice. */
export interface BankHandMatch {
  entry: number;
  ref: string;
  date: string;
  description: string;
}

export interface BankTransaction {
  id: number;
  importId: number;
  /** The bank account (code) the line belongs to. */
  account: string;
  line: number | null;
  date: string;
  valueDate: string | null;
  /** Signed: positive is money in. */
  amount: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  description: string;
  bankRef: string | null;
  /** The payer's reference ("Kenmerk", SEPA end-to-end id), when the bank gives one. */
  reference: string | null;
  status: BankTransactionStatus;
  assigned: BankChoice | null;
  suggestion: BankSuggestion | null;
  entry: { id: number; ref: string | null; reversed: boolean } | null;
  /** Booked by linking to an entry that was already in the books (no entry of its own). */
  linked: boolean;
  /** For a line in the inbox: the hand-made entry it seems to be (same account and amount, ± 7 days), found by the server. */
  match: BankHandMatch | null;
}

export interface BankInbox {
  total: number;
  counts: { inbox: number; assigned: number; suggested: number; booked: number; ignored: number };
  /** Sum of the lines still in the inbox (same filter, all pages). */
  inboxTotal: string;
  items: BankTransaction[];
}

export interface BankConfirmResult {
  count: number;
  entries: { transaction: number; id: number; number: number; ref: string; linked: boolean }[];
  /** Lines whose invoice was registered as paid. */
  invoicePayments: number;
}

export interface BankRule {
  id: number;
  iban: string | null;
  text: string | null;
  direction: 'in' | 'out' | null;
  account: string;
  accountName: string;
  grant: number | null;
  budgetLine: number | null;
  person: number | null;
  description: string | null;
  priority: number;
  createdFrom: string;
  createdAt: string;
  /** Inbox lines this rule matches now. */
  matches: number;
}

export interface BankReconciliationRow {
  date: string;
  bankBalance: string;
  bookBalance: string;
  difference: string;
  /** Inbox lines of this account dated on or before this date. */
  unbooked: number;
  unbookedTotal: string;
  /** Bank and book agree and no line up to this date waits in the inbox. */
  reconciled: boolean;
  importId: number;
}

export interface BankReconciliation {
  account: BankAccountRef;
  rows: BankReconciliationRow[];
  bookBalanceToday: string;
  /** The last statement's bank balance and its date. */
  lastStatement: { date: string; bankBalance: string; bookBalance: string; difference: string } | null;
  unreconciled: { count: number; total: string; items: BankTransaction[] };
  state: 'reconciled' | 'differences' | 'inbox' | 'no-statement';
  message: string;
  /** The message as phrases, for a UI in another language (shared/phrase.ts). */
  says: Phrase[];
}

export interface BankAccountReconciliationStatus {
  account: BankAccountRef;
  state: 'reconciled' | 'differences' | 'inbox' | 'no-statement' | 'not-covered' | 'unused';
  reconciled: boolean;
  /** The bank balance at the end of the year (derived from a statement covering that day), if known. */
  date: string | null;
  bankBalance: string | null;
  bookBalance: string;
  difference: string | null;
  inboxCount: number;
  message: string;
  /** The message as phrases, for a UI in another language (shared/phrase.ts). */
  says: Phrase[];
}

export interface BankReconciliationStatus {
  year: number;
  endDate: string;
  reconciled: boolean;
  accounts: BankAccountReconciliationStatus[];
}

const FileName = z.string().trim().min(1, { message: 'Geef de naam van het bestand.' }).max(255, { message: 'De bestandsnaam is te lang.' });
const Base64 = z
  .string({ error: 'Het bestand is niet goed doorgegeven.' })
  .max(MAX_BANK_BASE64, { message: 'Het bestand is te groot. Een bankafschrift mag hoogstens 50 MB zijn. Download een kortere periode bij de bank, bijvoorbeeld één maand.' })
  .regex(/^[A-Za-z0-9+/=\s]*$/, { message: 'Het bestand is niet goed doorgegeven (geen base64).' });
const FormatName = z.enum(BANK_FORMAT_NAMES, { error: 'Kies een formaat: camt053, mt940, csv-ing, csv-rabobank, csv-abnamro, csv-triodos, csv-bunq, csv-asn of csv-knab.' });
const Ids = z.array(Id).min(1, { message: 'Kies minstens één regel.' }).max(100_000);
const Direction = z.enum(['in', 'out'], { error: 'Kies "in" (geld ontvangen) of "out" (geld betaald).' });

const ChoiceFields = {
  account: AccountCode,
  grant: Id.optional(),
  budgetLine: Id.optional(),
  person: Id.optional(),
  contact: Id.optional(),
  invoice: Id.optional(),
  description: z.string().trim().max(500, { message: 'De omschrijving is te lang (maximaal 500 tekens).' }).optional(),
};

export const bankMethods = {
  'bank.import': method<BankImportResult>()(
    z
      .object({
        path: z.string().trim().min(1, { message: 'Kies een bestand.' }).max(4096).optional(),
        data: Base64.optional(),
        fileName: FileName.optional(),
        format: FormatName.optional(),
        account: AccountCode.optional(),
      })
      .refine((v) => (v.path === undefined) !== (v.data === undefined), { message: 'Kies een bestand (een pad óf de inhoud).', path: ['path'] })
      .refine((v) => v.data === undefined || v.fileName !== undefined, { message: 'Geef de naam van het bestand.', path: ['fileName'] }),
  ),
  'bank.imports': method<BankImportInfo[]>()(z.object({ account: AccountCode.optional() })),
  'bank.inbox': method<BankInbox>()(
    z.object({
      account: AccountCode.optional(),
      status: z.enum(['inbox', 'booked', 'ignored', 'all'], { error: 'Kies inbox, booked, ignored of all.' }).optional(),
      search: z.string().max(200).optional(),
      ids: z.array(Id).max(1000).optional(),
      ...Paging,
    }),
  ),
  'bank.assign': method<BankTransaction>()(
    z.object({
      transaction: Id,
      ...ChoiceFields,
      /** Also make a rule: next time this counterparty IBAN (or text) gets the same account. */
      remember: z.boolean().optional(),
    }),
  ),
  'bank.unassign': method<BankTransaction>()(z.object({ transaction: Id })),
  'bank.ignore': method<{ count: number }>()(z.object({ transactions: Ids, ignored: z.boolean().optional() })),
  'bank.confirm': method<BankConfirmResult>()(
    z.object({
      transactions: z.union([Ids, z.literal('all-assigned')], { error: 'Kies de regels (nummers) of "all-assigned".' }),
      account: AccountCode.optional(),
    }),
  ),
  'bank.link': method<BankTransaction>()(z.object({ transaction: Id, entry: Id })),
  'bank.reopen': method<{ transaction: BankTransaction; reversal: { id: number; number: number; ref: string } | null }>()(
    z.object({ transaction: Id, date: IsoDate.optional() }),
  ),
  'bank.acceptSuggestions': method<{ accepted: number; skipped: number; confirmed: BankConfirmResult | null }>()(
    z.object({ ids: z.array(Id).max(100_000).optional(), account: AccountCode.optional(), confirm: z.boolean().optional() }),
  ),
  'bank.rules.list': method<BankRule[]>()(z.object({})),
  'bank.rules.create': method<BankRule>()(
    z
      .object({
        iban: Iban.optional(),
        text: z.string().trim().min(2, { message: 'De tekst om op te zoeken is te kort (minstens 2 tekens).' }).max(100, { message: 'De tekst om op te zoeken is te lang (maximaal 100 tekens).' }).optional(),
        direction: Direction.optional(),
        account: AccountCode,
        grant: Id.optional(),
        budgetLine: Id.optional(),
        person: Id.optional(),
        description: NonEmpty(field.description, 500).optional(),
        priority: z.number().int().min(-1000).max(1000).optional(),
      })
      .refine((v) => v.iban !== undefined || v.text !== undefined, { message: 'Vul een tegenrekening (IBAN) of een tekst in.', path: ['iban'] }),
  ),
  'bank.rules.delete': method<{ deleted: boolean }>()(z.object({ id: Id })),
  'bank.reconciliation': method<BankReconciliation>()(z.object({ account: AccountCode, limit: z.number().int().min(1).max(1000).optional() })),
  'bank.reconciliationStatus': method<BankReconciliationStatus>()(z.object({ year: Year })),
} as const;
