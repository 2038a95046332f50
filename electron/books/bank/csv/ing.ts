import { fromCompact, fromDutch } from '../dates';
import { atLine, bankError, quote } from '../errors';
import { splitLabels } from '../narrative';
import type { ParseWarning } from '../types';
import { amountAt, buildCsvPart, cell, compact, dateAt, headedCsv, singleAccount, type CsvParseResult, type CsvTransaction } from './common';
import type { CsvRow } from './reader';

/**
 * ING "Af- en bijschrijvingen" download (Mijn ING), Dutch or English headings, comma or semicolon:
 * Datum (YYYYMMDD) · Naam / Omschrijving · Rekening · Tegenrekening · Code · Af Bij · Bedrag (EUR)
 * (unsigned, comma decimals) · Mutatiesoort · Mededelingen [· Saldo na mutatie · Tag].
 * Newest booking first.
 */
const COLUMNS = {
  date: ['datum', 'date'],
  name: ['naamomschrijving', 'namedescription'],
  account: ['rekening', 'account'],
  counterparty: ['tegenrekening', 'counterparty'],
  direction: ['afbij', 'debitcredit'],
  amount: ['bedrageur', 'amounteur'],
  notes: ['mededelingen', 'notifications'],
  balance: ['saldonamutatie', 'resultingbalance'],
} as const;

export function isIngHeader(keys: Set<string>): boolean {
  return (keys.has('naamomschrijving') && keys.has('afbij')) || (keys.has('namedescription') && keys.has('debitcredit'));
}

export function parseIngCsv(rows: CsvRow[]): CsvParseResult {
  const csv = headedCsv(rows, 'ING');
  const { body, rowsOf } = csv;
  const col = csv.find;
  const need = (key: keyof typeof COLUMNS): number => csv.need(COLUMNS[key]);
  const c = {
    date: need('date'),
    name: need('name'),
    account: need('account'),
    counterparty: need('counterparty'),
    direction: need('direction'),
    amount: need('amount'),
    notes: col(COLUMNS.notes),
    balance: col(COLUMNS.balance),
  };
  const warnings: ParseWarning[] = [];
  const txs: CsvTransaction[] = [];
  for (const row of rowsOf()) {
    const dir = cell(row, c.direction).toLowerCase();
    if (dir !== 'af' && dir !== 'bij' && dir !== 'debit' && dir !== 'credit') {
      throw bankError(`${atLine(row.line)}in de kolom 'Af Bij' staat '${quote(cell(row, c.direction))}' in plaats van 'Af' of 'Bij'.`, {
        reason: 'syntax',
        line: row.line,
      });
    }
    const abs = amountAt(row, cell(row, c.amount), 'nl');
    if (abs < 0) throw bankError(`${atLine(row.line)}het bedrag hoort zonder min-teken te staan.`, { reason: 'amount', line: row.line });
    const notes = c.notes === undefined ? '' : cell(row, c.notes);
    const { head, fields } = splitLabels(notes);
    const valueRaw = (fields.get('valutadatum') ?? '').trim();
    const tx: CsvTransaction = compact({
      line: row.line,
      date: dateAt(row, cell(row, c.date), fromCompact),
      valueDate: valueRaw === '' ? undefined : (fromDutch(valueRaw) ?? undefined),
      amountCents: dir === 'af' || dir === 'debit' ? -abs : abs,
      counterpartyName: cell(row, c.name),
      counterpartyIban: cell(row, c.counterparty).replace(/\s+/g, '').toUpperCase(),
      description: (fields.get('omschrijving') ?? (head.trim() || notes)).replace(/\s+/g, ' ').trim() || cell(row, c.name),
      endToEndId: (fields.get('kenmerk') ?? '').trim(),
      balanceAfterCents:
        c.balance === undefined || cell(row, c.balance) === '' ? undefined : amountAt(row, cell(row, c.balance), 'nl', 'het saldo'),
    });
    txs.push(tx);
  }
  const account = singleAccount(body.map((r) => ({ line: r.line, account: cell(r, c.account) })));
  return { part: buildCsvPart(txs, account, warnings), warnings };
}
