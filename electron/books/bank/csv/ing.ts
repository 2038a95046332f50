import { fromCompact, fromDutch, fromIso } from '../dates';
import { atLine, bankError, quote } from '../errors';
import { said } from '../../../../shared/phrase';
import { splitLabels } from '../narrative';
import type { ParseWarning } from '../types';
import { amountAt, buildCsvPart, cell, compact, dateAt, headedCsv, optionalCell, requireEuro, singleAccount, unsignedAmountAt, type CsvParseResult, type CsvTransaction } from './common';
import type { CsvRow } from './reader';

/**
 * ING downloads (Mijn ING), Dutch or English headings, comma or semicolon, newest booking first:
 *  - payment account ("Af- en bijschrijvingen"): Datum (YYYYMMDD) · Naam / Omschrijving · Rekening ·
 *    Tegenrekening · Code · Af Bij · Bedrag (EUR) (unsigned, comma decimals) · Mutatiesoort ·
 *    Mededelingen [· Saldo na mutatie · Tag]. English: Date · Name / Description · Account ·
 *    Counterparty · Code · Debit/credit · Amount (EUR) · Transaction type · Notifications ·
 *    Resulting balance · Tag.
 *  - savings account: Datum (YYYY-MM-DD) · Omschrijving · Rekening (a savings number such as
 *    "K 444-12345") · Rekening naam · Tegenrekening · Af Bij · Bedrag · Valuta · Mutatiesoort ·
 *    Mededelingen · Saldo na mutatie. One download may hold several savings accounts.
 * "Mededelingen" carries labelled text: "Naam: … Omschrijving: … IBAN: … Kenmerk: … Valutadatum: …"
 * (English: "Name: … Description: … IBAN: … Reference: … Value date: …").
 */
const COLUMNS = {
  date: ['datum', 'date'],
  name: ['naamomschrijving', 'namedescription'],
  description: ['omschrijving', 'description'],
  account: ['rekening', 'account'],
  counterparty: ['tegenrekening', 'counterparty'],
  direction: ['afbij', 'debitcredit'],
  amount: ['bedrageur', 'amounteur', 'bedrag', 'amount'],
  currency: ['valuta', 'currency'],
  notes: ['mededelingen', 'notifications'],
  balance: ['saldonamutatie', 'resultingbalance'],
} as const;

export function isIngHeader(keys: Set<string>): boolean {
  return (
    (keys.has('naamomschrijving') && keys.has('afbij')) ||
    (keys.has('namedescription') && keys.has('debitcredit')) ||
    (keys.has('rekeningnaam') && keys.has('afbij') && keys.has('mutatiesoort')) ||
    (keys.has('accountname') && keys.has('debitcredit') && keys.has('transactiontype'))
  );
}

/** ING writes 20260105 in the payment export and 2026-01-05 in the savings export. */
function ingDate(s: string): string | null {
  return fromCompact(s) ?? fromIso(s);
}

/** "15-01-2026" (Dutch notes) or "15/01/2026" (English notes); anything else is no value date. */
function valueDateOf(raw: string | undefined): string | undefined {
  const t = (raw ?? '').trim().split(/\s+/)[0] ?? '';
  return t === '' ? undefined : (fromDutch(t.replace(/\//g, '-')) ?? undefined);
}

function clean(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** The savings export's "Omschrijving" and notes, without saying the same twice ("Rente" + "Rente over maart"). */
function joinDistinct(a: string, b: string): string {
  const x = clean(a);
  const y = clean(b);
  if (x.toLowerCase().includes(y.toLowerCase())) return x;
  if (y.toLowerCase().includes(x.toLowerCase())) return y;
  return `${x} ${y}`;
}

export function parseIngCsv(rows: CsvRow[]): CsvParseResult {
  const csv = headedCsv(rows, 'ING');
  const { body, rowsOf } = csv;
  const col = csv.find;
  const need = (key: keyof typeof COLUMNS): number => csv.need(COLUMNS[key]);
  const savings = col(COLUMNS.name) === undefined;
  const c = {
    date: need('date'),
    name: savings ? undefined : need('name'),
    description: savings ? need('description') : undefined,
    account: need('account'),
    counterparty: need('counterparty'),
    direction: need('direction'),
    amount: need('amount'),
    currency: col(COLUMNS.currency),
    notes: col(COLUMNS.notes),
    balance: col(COLUMNS.balance),
  };
  const get = optionalCell;
  const warnings: ParseWarning[] = [];
  const txs: CsvTransaction[] = [];
  for (const row of rowsOf()) {
    const dir = cell(row, c.direction).toLowerCase();
    if (dir !== 'af' && dir !== 'bij' && dir !== 'debit' && dir !== 'credit') {
      throw bankError(said('err.bankFile.csv.ingDirection', "{{at}}in de kolom 'Af Bij' staat '{{value}}' in plaats van 'Af' of 'Bij'.", { at: atLine(row.line), value: quote(cell(row, c.direction)) }), {
        reason: 'syntax',
        line: row.line,
      });
    }
    requireEuro(row, get(row, c.currency), { optional: true });
    const abs = unsignedAmountAt(row, cell(row, c.amount));
    const notes = get(row, c.notes);
    const { head, fields } = splitLabels(notes);
    const name = savings ? '' : get(row, c.name);
    const text = clean(fields.get('omschrijving') ?? fields.get('description')) || clean(head) || (fields.size === 0 ? clean(notes) : '');
    const description = savings ? joinDistinct(get(row, c.description), text) : text || name;
    txs.push(
      compact({
        line: row.line,
        date: dateAt(row, cell(row, c.date), ingDate),
        valueDate: valueDateOf(fields.get('valutadatum') ?? fields.get('value date')),
        amountCents: dir === 'af' || dir === 'debit' ? -abs : abs,
        counterpartyName: name,
        counterpartyIban: cell(row, c.counterparty).replace(/\s+/g, '').toUpperCase(),
        description: clean(description),
        endToEndId: clean(fields.get('kenmerk') ?? fields.get('reference')),
        balanceAfterCents: get(row, c.balance) === '' ? undefined : amountAt(row, get(row, c.balance), 'nl', 'balance'),
      }),
    );
  }
  const account = singleAccount(body.map((r) => ({ line: r.line, account: cell(r, c.account) })));
  return { part: buildCsvPart(txs, account, warnings, { newestFirst: true }), warnings };
}
