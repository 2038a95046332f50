import { fromDutch } from '../dates';
import { atLine, bankError, quote } from '../errors';
import { said } from '../../../../shared/phrase';
import type { ParseWarning } from '../types';
import { buildCsvPart, cell, compact, dateAt, headedCsv, optionalCell, optionalDateAt, requireEuro, singleAccount, unsignedAmountAt, type CsvParseResult, type CsvTransaction } from './common';
import { headerKey, type CsvRow } from './reader';

/**
 * Knab "Transacties downloaden" CSV: a title line "KNAB EXPORT;;;…", then a heading
 * Rekeningnummer · Transactiedatum · Valutacode · CreditDebet · Bedrag · Tegenrekeningnummer ·
 * Tegenrekeninghouder · Valutadatum · Betaalwijze · Omschrijving · Type betaling ·
 * Machtigingsnummer · Incassant ID · Adres · Referentie · Boekdatum, every line ending in ";".
 * Semicolon separated, dates DD-MM-YYYY, unsigned amounts with a decimal comma and C/D beside
 * them. No running balance.
 */
export function isKnabTitle(cells: string[]): boolean {
  return headerKey(cells[0] ?? '') === 'knabexport';
}

export function isKnabHeader(keys: Set<string>): boolean {
  return keys.has('rekeningnummer') && keys.has('creditdebet') && keys.has('tegenrekeninghouder');
}

/** Without the title line and the empty cell after each line's final ";". */
function tidy(rows: CsvRow[]): CsvRow[] {
  return rows
    .filter((r, i) => !(i === 0 && isKnabTitle(r.cells)))
    .map((r) => (r.cells.length > 1 && r.cells[r.cells.length - 1]?.trim() === '' ? { ...r, cells: r.cells.slice(0, -1) } : r));
}

export function parseKnabCsv(rows: CsvRow[]): CsvParseResult {
  const { body, find, need, rowsOf } = headedCsv(tidy(rows), 'Knab');
  const c = {
    account: need('rekeningnummer', 'Rekeningnummer'),
    date: need('transactiedatum', 'Transactiedatum'),
    bookingDate: find('boekdatum'),
    currency: find('valutacode'),
    direction: need('creditdebet', 'CreditDebet'),
    amount: need('bedrag', 'Bedrag'),
    counterparty: find('tegenrekeningnummer'),
    name: find('tegenrekeninghouder'),
    valueDate: find('valutadatum'),
    method: find('betaalwijze'),
    description: find('omschrijving'),
    reference: find('referentie'),
  };
  const get = optionalCell;
  const warnings: ParseWarning[] = [];
  const txs: CsvTransaction[] = [];
  for (const row of rowsOf()) {
    requireEuro(row, get(row, c.currency), { optional: true });
    const dir = cell(row, c.direction).toUpperCase();
    if (dir !== 'C' && dir !== 'D') {
      throw bankError(said('err.bankFile.csv.knabDirection', "{{at}}in de kolom 'CreditDebet' staat '{{value}}' in plaats van 'C' of 'D'.", { at: atLine(row.line), value: quote(cell(row, c.direction)) }), {
        reason: 'syntax',
        line: row.line,
      });
    }
    const abs = unsignedAmountAt(row, cell(row, c.amount));
    // The booking date is what the statement and the balance go by; the transaction date is the fallback.
    const booked = get(row, c.bookingDate);
    const name = get(row, c.name);
    txs.push(
      compact({
        line: row.line,
        date: dateAt(row, booked !== '' ? booked : cell(row, c.date), fromDutch),
        valueDate: optionalDateAt(row, get(row, c.valueDate), fromDutch, 'valueDate'),
        amountCents: dir === 'D' ? -abs : abs,
        counterpartyName: name,
        counterpartyIban: get(row, c.counterparty).replace(/\s+/g, '').toUpperCase(),
        description: get(row, c.description).replace(/\s+/g, ' ') || name || get(row, c.method),
        bankRef: get(row, c.reference),
      }),
    );
  }
  const account = singleAccount(body.map((r) => ({ line: r.line, account: cell(r, c.account) })));
  return { part: buildCsvPart(txs, account, warnings), warnings };
}
