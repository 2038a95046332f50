import { fromDutch } from '../dates';
import { atLine, bankError, quote } from '../errors';
import { said } from '../../../../shared/phrase';
import type { ParseWarning } from '../types';
import { amountAt, buildCsvPart, cell, compact, dateAt, requireColumns, singleAccount, unsignedAmountAt, type CsvParseResult, type CsvTransaction } from './common';
import type { CsvRow } from './reader';

/**
 * Triodos Bank CSV download: comma separated, no heading, 8 columns (some exports add a 9th,
 * the balance after the booking): boekdatum (DD-MM-YYYY) · rekeningnummer · bedrag (unsigned,
 * "1.234,56") · Debet/Credit · naam tegenpartij · tegenrekening · code · omschrijving [· saldo].
 */
export const TRIODOS_COLUMNS = 8;

export function looksLikeTriodosRow(cells: string[]): boolean {
  return (
    cells.length >= TRIODOS_COLUMNS &&
    cells.length <= TRIODOS_COLUMNS + 1 &&
    /^\d{2}-\d{2}-\d{4}$/.test((cells[0] ?? '').trim()) &&
    /^(debet|credit)$/i.test((cells[3] ?? '').trim())
  );
}

export function parseTriodosCsv(rows: CsvRow[]): CsvParseResult {
  const warnings: ParseWarning[] = [];
  const txs: CsvTransaction[] = [];
  for (const row of rows) {
    requireColumns(row, TRIODOS_COLUMNS, 'Triodos');
    const dir = cell(row, 3).toLowerCase();
    if (dir !== 'debet' && dir !== 'credit') {
      throw bankError(said('err.bankFile.csv.triodosDirection', "{{at}}in de vierde kolom staat '{{value}}' in plaats van 'Debet' of 'Credit'.", { at: atLine(row.line), value: quote(cell(row, 3)) }), {
        reason: 'syntax',
        line: row.line,
      });
    }
    const abs = unsignedAmountAt(row, cell(row, 2));
    const balanceRaw = cell(row, 8);
    txs.push(
      compact({
        line: row.line,
        date: dateAt(row, cell(row, 0), fromDutch),
        amountCents: dir === 'debet' ? -abs : abs,
        counterpartyName: cell(row, 4),
        counterpartyIban: cell(row, 5).replace(/\s+/g, '').toUpperCase(),
        description: cell(row, 7).replace(/\s+/g, ' ') || cell(row, 4),
        balanceAfterCents: balanceRaw === '' ? undefined : amountAt(row, balanceRaw, 'nl', 'balance'),
      }),
    );
  }
  const account = singleAccount(rows.map((r) => ({ line: r.line, account: cell(r, 1) })));
  return { part: buildCsvPart(txs, account, warnings), warnings };
}
