import { bankError } from './errors';
import { said } from '../../../shared/phrase';
import { parseAbnAmroCsv } from './csv/abnamro';
import { parseAsnCsv } from './csv/asn';
import { parseBunqCsv } from './csv/bunq';
import type { CsvParseResult } from './csv/common';
import { parseIngCsv } from './csv/ing';
import { parseKnabCsv } from './csv/knab';
import { parseRabobankCsv } from './csv/rabobank';
import { detectSeparator, readCsv, type CsvRow } from './csv/reader';
import { parseTriodosCsv } from './csv/triodos';
import type { CsvBankFormat } from './types';

export { detectSeparator, readCsv, type CsvRow } from './csv/reader';

const PARSERS: Record<CsvBankFormat, (rows: CsvRow[]) => CsvParseResult> = {
  'csv-ing': parseIngCsv,
  'csv-rabobank': parseRabobankCsv,
  'csv-abnamro': parseAbnAmroCsv,
  'csv-triodos': parseTriodosCsv,
  'csv-bunq': parseBunqCsv,
  'csv-asn': parseAsnCsv,
  'csv-knab': parseKnabCsv,
};

/** Read the CSV (separator from the first line) and map its columns with the bank's own layout. */
export function parseCsvStatement(text: string, format: CsvBankFormat): CsvParseResult {
  const rows = readCsv(text, detectSeparator(text));
  if (rows.length === 0) throw bankError(said('err.bankFile.noRows', 'Het bestand bevat geen regels.'), { reason: 'empty' });
  return PARSERS[format](rows);
}
