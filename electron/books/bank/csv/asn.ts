import { fromDutch } from '../dates';
import type { ParseWarning } from '../types';
import { amountAt, buildCsvPart, cell, compact, dateAt, optionalDateAt, requireColumns, requireEuro, singleAccount, type CsvParseResult, type CsvTransaction } from './common';
import type { CsvRow } from './reader';

/**
 * ASN Bank / SNS / RegioBank (de Volksbank) CSV: comma separated, no heading, 19 columns:
 * 0 boekingsdatum (DD-MM-YYYY) · 1 opdrachtgeversrekening · 2 tegenrekeningnummer ·
 * 3 naam tegenrekening · 4 adres · 5 postcode · 6 plaats · 7 valutasoort rekening ·
 * 8 saldo rekening voor mutatie · 9 valutasoort mutatie · 10 transactiebedrag (signed, "-12.50") ·
 * 11 journaaldatum · 12 valutadatum · 13 interne transactiecode · 14 globale transactiecode ·
 * 15 volgnummer transactie · 16 betalingskenmerk · 17 omschrijving (between single quotes) ·
 * 18 afschriftnummer.
 */
export const ASN_COLUMNS = 19;

export function looksLikeAsnRow(cells: string[]): boolean {
  return (
    cells.length >= ASN_COLUMNS - 1 &&
    /^\d{2}-\d{2}-\d{4}$/.test((cells[0] ?? '').trim()) &&
    /^[A-Z]{3}$/.test((cells[7] ?? '').trim()) &&
    /^[A-Z]{3}$/.test((cells[9] ?? '').trim())
  );
}

function unquote(s: string): string {
  const t = s.trim();
  return t.length >= 2 && t.startsWith("'") && t.endsWith("'") ? t.slice(1, -1).trim() : t;
}

export function parseAsnCsv(rows: CsvRow[]): CsvParseResult {
  const warnings: ParseWarning[] = [];
  const txs: CsvTransaction[] = [];
  for (const row of rows) {
    requireColumns(row, ASN_COLUMNS - 1, 'ASN/SNS/RegioBank');
    for (const i of [7, 9]) requireEuro(row, cell(row, i));
    const paymentRef = cell(row, 16);
    txs.push(
      compact({
        line: row.line,
        date: dateAt(row, cell(row, 0), fromDutch),
        valueDate: optionalDateAt(row, cell(row, 12), fromDutch, 'valueDate'),
        amountCents: amountAt(row, cell(row, 10), 'en'),
        counterpartyName: cell(row, 3),
        counterpartyIban: cell(row, 2).replace(/\s+/g, '').toUpperCase(),
        description: unquote(cell(row, 17)).replace(/\s+/g, ' ') || (paymentRef ? `Betalingskenmerk ${paymentRef}` : '') || cell(row, 3),
        bankRef: cell(row, 15),
        balanceBeforeCents: amountAt(row, cell(row, 8), 'en', 'balance'),
      }),
    );
  }
  const account = singleAccount(rows.map((r) => ({ line: r.line, account: cell(r, 1) })));
  return { part: buildCsvPart(txs, account, warnings), warnings };
}
