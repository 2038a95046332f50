import { normaliseIban } from '../../../../shared/validation/iban';
import { fromCompact } from '../dates';
import { atLine } from '../errors';
import { said } from '../../../../shared/phrase';
import { parseNarrative } from '../narrative';
import { dutchIbanFromAccount } from '../nl-iban';
import type { ParseWarning } from '../types';
import { amountAt, buildCsvPart, cell, compact, dateAt, optionalDateAt, requireColumns, requireEuro, singleAccount, type CsvParseResult, type CsvTransaction } from './common';
import type { CsvRow } from './reader';

/**
 * ABN AMRO "TXT" download (TXTyymmddhhmmss.TAB): tab separated, no heading, 8 columns:
 * rekeningnummer (old account number, or IBAN) · muntsoort · transactiedatum (YYYYMMDD) ·
 * beginsaldo · eindsaldo · rentedatum (YYYYMMDD) · transactiebedrag (signed, comma decimals) ·
 * omschrijving (free text or /TRTP/…/IBAN/…/NAME/…/REMI/…). Oldest booking first.
 */
export const ABN_COLUMNS = 8;

export function looksLikeAbnRow(cells: string[]): boolean {
  return (
    cells.length >= ABN_COLUMNS &&
    /^[A-Z]{3}$/.test((cells[1] ?? '').trim()) &&
    /^\d{8}$/.test((cells[2] ?? '').trim()) &&
    /^(\d{6,10}|[A-Z]{2}\d{2}[A-Z0-9]{11,30})$/.test((cells[0] ?? '').trim())
  );
}

/** The old ABN AMRO account number to its IBAN; an IBAN stays as it is. */
function ownAccount(raw: string): string {
  const s = normaliseIban(raw);
  if (/^\d{6,10}$/.test(s)) return dutchIbanFromAccount('ABNA', s) ?? s;
  return s;
}

export function parseAbnAmroCsv(rows: CsvRow[]): CsvParseResult {
  const warnings: ParseWarning[] = [];
  const txs: CsvTransaction[] = [];
  for (const row of rows) {
    requireColumns(row, ABN_COLUMNS, 'ABN AMRO');
    requireEuro(row, cell(row, 1));
    const info = parseNarrative(row.cells.slice(7).join('\t'));
    txs.push(
      compact({
        line: row.line,
        date: dateAt(row, cell(row, 2), fromCompact),
        valueDate: optionalDateAt(row, cell(row, 5), fromCompact, 'interestDate'),
        amountCents: amountAt(row, cell(row, 6), 'nl'),
        counterpartyName: info.name,
        counterpartyIban: info.iban,
        description: info.description,
        endToEndId: info.endToEndId,
        balanceBeforeCents: amountAt(row, cell(row, 3), 'nl', 'opening'),
        balanceAfterCents: amountAt(row, cell(row, 4), 'nl', 'closing'),
      }),
    );
  }
  for (const t of txs) {
    if (t.balanceBeforeCents !== undefined && t.balanceAfterCents !== undefined && t.balanceBeforeCents + t.amountCents !== t.balanceAfterCents) {
      warnings.push({ line: t.line, ...said('err.bankWarn.rowSum', '{{at}}beginsaldo plus bedrag is niet gelijk aan het eindsaldo van deze regel.', { at: atLine(t.line) }) });
    }
  }
  const account = singleAccount(rows.map((r) => ({ line: r.line, account: ownAccount(cell(r, 0)) })));
  return { part: buildCsvPart(txs, account, warnings), warnings };
}
