import { KassaError } from '../../../shared/errors';
import { formatDateNl } from '../../../shared/dates';
import { centsToString, formatEuro } from '../../../shared/money';
import type { BankChoice, BankSuggestion, BankTransaction } from '../../../shared/api/bank';
import type { Books } from '../../db/books';
import { entryRef } from '../entries';
import { findHandMatch } from './handMatch';
import { said, type Phrase, type Said } from '../../../shared/phrase';

/** A bank_transactions row with the codes and names the API shows. */
export interface TxRow {
  id: number;
  import_id: number;
  account_id: number;
  bank_code: string;
  line: number | null;
  date: string;
  value_date: string | null;
  amount_cents: number;
  counterparty_name: string | null;
  counterparty_iban: string | null;
  description: string;
  bank_ref: string | null;
  end_to_end_id: string | null;
  status: 'inbox' | 'booked' | 'ignored';
  entry_id: number | null;
  assign_account_id: number | null;
  assign_code: string | null;
  assign_name: string | null;
  assign_grant_id: number | null;
  assign_budget_line_id: number | null;
  assign_person_id: number | null;
  assign_contact_id: number | null;
  assign_invoice_id: number | null;
  assign_description: string | null;
  suggest_account_id: number | null;
  suggest_code: string | null;
  suggest_name: string | null;
  suggest_grant_id: number | null;
  suggest_budget_line_id: number | null;
  suggest_person_id: number | null;
  suggest_contact_id: number | null;
  suggest_invoice_id: number | null;
  suggest_kind: 'invoice' | 'rule' | 'history' | 'transfer' | null;
  suggest_rule_id: number | null;
  suggest_reason: string | null;
  suggest_says: string | null;
  entry_journal: string | null;
  entry_year: number | null;
  entry_number: number | null;
  entry_reversed: number | null;
  linked: number;
}

export const TX_SELECT = `SELECT t.*, b.code AS bank_code,
    aa.code AS assign_code, aa.name AS assign_name, sa.code AS suggest_code, sa.name AS suggest_name,
    j.code AS entry_journal, e.year AS entry_year, e.number AS entry_number,
    (SELECT 1 FROM entries r WHERE r.reversal_of = t.entry_id) AS entry_reversed
  FROM bank_transactions t
  JOIN accounts b ON b.id = t.account_id
  LEFT JOIN accounts aa ON aa.id = t.assign_account_id
  LEFT JOIN accounts sa ON sa.id = t.suggest_account_id
  LEFT JOIN entries e ON e.id = t.entry_id
  LEFT JOIN journals j ON j.id = e.journal_id`;

function invoiceNumbers(books: Books, ids: number[]): Map<number, string | null> {
  const out = new Map<number, string | null>();
  if (ids.length === 0) return out;
  const has = books.raw(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'invoices'`).get();
  if (!has) return out;
  const rows = books.raw('SELECT id, number FROM invoices WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: number; number: string | null }[];
  for (const r of rows) out.set(r.id, r.number);
  return out;
}

/** The stored phrases of a reason; none (the Dutch text shows) for a row from before them or unreadable JSON. */
function storedSays(json: string | null): { says?: Phrase[] } {
  if (json === null) return {};
  try {
    const says = JSON.parse(json) as unknown;
    return Array.isArray(says) && says.every((p) => typeof (p as Phrase | null)?.key === 'string') ? { says: says as Phrase[] } : {};
  } catch {
    return {};
  }
}

export function toTransactions(books: Books, rows: TxRow[]): BankTransaction[] {
  const invoiceIds = [...new Set(rows.flatMap((r) => [r.assign_invoice_id, r.suggest_invoice_id]).filter((x): x is number => x !== null))];
  const numbers = invoiceNumbers(books, invoiceIds);
  return rows.map((r) => {
    const assigned: BankChoice | null =
      r.assign_code === null
        ? null
        : {
            account: r.assign_code, accountName: r.assign_name ?? '', grant: r.assign_grant_id, budgetLine: r.assign_budget_line_id,
            person: r.assign_person_id, contact: r.assign_contact_id, invoice: r.assign_invoice_id,
            invoiceNumber: r.assign_invoice_id !== null ? (numbers.get(r.assign_invoice_id) ?? null) : null, description: r.assign_description,
          };
    const suggestion: BankSuggestion | null =
      r.suggest_code === null || r.suggest_kind === null
        ? null
        : {
            account: r.suggest_code, accountName: r.suggest_name ?? '', grant: r.suggest_grant_id, budgetLine: r.suggest_budget_line_id,
            person: r.suggest_person_id, contact: r.suggest_contact_id, invoice: r.suggest_invoice_id,
            invoiceNumber: r.suggest_invoice_id !== null ? (numbers.get(r.suggest_invoice_id) ?? null) : null, description: null,
            kind: r.suggest_kind, rule: r.suggest_rule_id, reason: r.suggest_reason ?? '', ...storedSays(r.suggest_says),
          };
    return {
      id: r.id, importId: r.import_id, account: r.bank_code, line: r.line, date: r.date, valueDate: r.value_date,
      amount: centsToString(r.amount_cents), counterpartyName: r.counterparty_name, counterpartyIban: r.counterparty_iban,
      description: r.description, bankRef: r.bank_ref, reference: r.end_to_end_id, status: r.status, assigned, suggestion,
      entry: r.entry_id === null ? null : {
        id: r.entry_id,
        ref: r.entry_journal !== null && r.entry_year !== null ? entryRef(r.entry_journal, r.entry_year, r.entry_number) : null,
        reversed: r.entry_reversed === 1,
      },
      linked: r.linked === 1,
      match: r.status === 'inbox' ? findHandMatch(books, r) : null,
    };
  });
}

export function txRow(books: Books, id: number, field = 'transaction'): TxRow {
  const r = books.raw(`${TX_SELECT} WHERE t.id = ?`).get(id) as TxRow | undefined;
  if (!r) throw new KassaError('NOT_FOUND', said('err.bank.lineNotFoundId', 'Bankregel {{id}} bestaat niet.', { id }), { field });
  return r;
}

export function getTransaction(books: Books, id: number): BankTransaction {
  return toTransactions(books, [txRow(books, id)])[0]!;
}

/** How a line is named in messages: "de regel van 12-01-2026 (€ 150,00, Wijkcentrum De Kroon)". */
export function lineLabel(r: LabelRow): string {
  return lineSaid(r).message;
}

type LabelRow = { date: string; amount_cents: number; counterparty_name: string | null; description: string };

/** The line's name as said text, to put in an error ("de regel van 3 maart 2026 (€ 12,50, Jansen)"); capital at a sentence's start. */
export function lineSaid(r: LabelRow, capital = false): Said {
  const who = r.counterparty_name?.trim() || r.description.trim().slice(0, 40);
  const params = { date: formatDateNl(r.date), amount: formatEuro(r.amount_cents), who: who ? `, ${who}` : '' };
  return capital
    ? said('err.bank.lineCap', 'De regel van {{date}} ({{amount}}{{who}})', params)
    : said('err.bank.line', 'de regel van {{date}} ({{amount}}{{who}})', params);
}
