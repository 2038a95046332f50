import { atLine, bankError } from '../errors';
import { said } from '../../../../shared/phrase';

/** One CSV record with the (1-based) source line it starts on. */
export interface CsvRow {
  line: number;
  cells: string[];
}

export type CsvSeparator = ',' | ';' | '\t';

/** Count separators outside quotes on the first line and take the most frequent one. */
export function detectSeparator(text: string): CsvSeparator {
  const counts: Record<CsvSeparator, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) counts[ch] += 1;
  }
  if (counts['\t'] > 0 && counts['\t'] >= counts[';'] && counts['\t'] >= counts[',']) return '\t';
  return counts[';'] > counts[','] ? ';' : ',';
}

/**
 * RFC 4180 reader, lenient where real bank files are sloppy: quoted fields with "" escapes and line
 * breaks, CRLF / LF / CR line ends, text after a closing quote kept as is. Blank lines are skipped.
 * Only an unclosed quote at the end of the file is an error (the file is cut off).
 */
export function readCsv(text: string, separator: CsvSeparator): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let quoteLine = 0;
  let inQuotes = false;
  let fieldStart = true;
  const n = text.length;

  const endRow = (): void => {
    cells.push(field);
    if (!(cells.length === 1 && cells[0]?.trim() === '')) rows.push({ line: rowLine, cells });
    cells = [];
    field = '';
    fieldStart = true;
  };

  for (let i = 0; i < n; i++) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && fieldStart) {
      inQuotes = true;
      quoteLine = line;
      fieldStart = false;
    } else if (ch === separator) {
      cells.push(field);
      field = '';
      fieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += ch;
      fieldStart = false;
    }
  }
  if (inQuotes) {
    throw bankError(
      said('err.bankFile.csv.openQuote', '{{at}}hier begint een tekst tussen aanhalingstekens (") die niet wordt afgesloten. Het bestand is waarschijnlijk niet compleet.', { at: atLine(quoteLine) }),
      { reason: 'truncated', line: quoteLine },
    );
  }
  if (field !== '' || cells.length > 0) endRow();
  return rows;
}

/** Header names compared without case, spaces, punctuation or accents ("Naam initiërende partij"). */
export function headerKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Map header keys to column indexes. */
export function headerIndex(header: string[]): Map<string, number> {
  const map = new Map<string, number>();
  header.forEach((name, i) => {
    const key = headerKey(name);
    if (!map.has(key)) map.set(key, i);
  });
  return map;
}
