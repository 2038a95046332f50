/**
 * CSV (RFC 4180) for every CSV the app writes, safe to open in Excel or LibreOffice.
 *
 * A text cell that starts with =, +, -, @, a tab or a carriage return is read by spreadsheets as a
 * formula (CSV injection): a bank line named `=HYPERLINK("http://…";"klik")` would become a live
 * link in the kascommissie's spreadsheet. Such cells get a leading apostrophe, which spreadsheets
 * show as text. Amounts ("-12.50") and other plain numbers stay numbers.
 */

export type CsvCell = string | number | bigint | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** One cell's text, neutralised against formulas (numbers are left alone). */
export function neutraliseCell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return String(v);
  return FORMULA_START.test(v) && !PLAIN_NUMBER.test(v) ? `'${v}` : v;
}

/** One cell, neutralised and quoted when it holds a quote, comma or line break. */
export function csvCell(v: CsvCell): string {
  const s = neutraliseCell(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: CsvCell[][]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}
