import type ExcelJS from 'exceljs';
import { centsToString } from '../../../shared/money';
import { guardTarget } from '../../files/guard';
import { writeFileGuarded } from '../../files/write';

/**
 * Small helpers for the funder-facing spreadsheets: euro formats, SUM formulas with their cached
 * result, a header block with the foundation's name, KvK number and period, a frozen table header,
 * print setup one page wide, and an atomic write (temp file + rename).
 */

export const EURO = '€ #,##0.00';
export const PERCENT = '0.0%';
export const DATE = 'dd-mm-yyyy';

/** A spreadsheet cell holds a double: the exact decimal of the cents, parsed once. */
export const euroValue = (cents: bigint | number): number => Number(centsToString(cents));

export interface SheetHeader {
  organisation: string;
  kvk: string | null;
  period: string;
  title: string;
  /** Extra lines under the title: fund, reference, status… */
  info?: string[];
}

export interface TableColumn {
  header: string;
  width: number;
  numFmt?: string;
  align?: 'left' | 'right';
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };

/** Page header/footer codes treat '&' as a command: double it in free text. */
const hf = (s: string) => s.replace(/&/g, '&&');

/**
 * A sheet with the header block and the table's column headers; returns the row number of the
 * column headers (rows below it scroll, it stays visible and repeats on every printed page).
 */
export function addTableSheet(wb: ExcelJS.Workbook, name: string, head: SheetHeader, columns: TableColumn[]): { ws: ExcelJS.Worksheet; headerRow: number } {
  const ws = wb.addWorksheet(name);
  ws.columns = columns.map((c) => ({ width: c.width }));
  let r = 1;
  const line = (text: string, font: Partial<ExcelJS.Font> = {}) => {
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.font = font;
    r++;
  };
  line(head.organisation, { bold: true, size: 14 });
  line(head.kvk ? `KvK-nummer: ${head.kvk}` : 'KvK-nummer: niet ingevuld');
  line(`Periode: ${head.period}`);
  line(head.title, { bold: true, size: 12 });
  for (const i of head.info ?? []) line(i);
  r++;
  const headerRow = r;
  const row = ws.getRow(headerRow);
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
    cell.alignment = { horizontal: c.align ?? (c.numFmt ? 'right' : 'left'), vertical: 'middle', wrapText: true };
  });
  columns.forEach((c, i) => {
    if (c.numFmt) ws.getColumn(i + 1).numFmt = c.numFmt;
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  ws.pageSetup = {
    paperSize: 9,
    orientation: columns.length > 5 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = {
    oddHeader: `&L&"-,Bold"${hf(head.organisation)}&"-,Regular"&C${hf(head.title)}&R${hf(head.kvk ? `KvK ${head.kvk}` : '')}`,
    oddFooter: `&LPeriode: ${hf(head.period)}&RPagina &P van &N`,
  };
  return { ws, headerRow };
}

export function euroCell(ws: ExcelJS.Worksheet, row: number, col: number, cents: bigint): void {
  const cell = ws.getCell(row, col);
  cell.value = euroValue(cents);
  cell.numFmt = EURO;
}

/** A formula with the value it has (Excel shows the cached result until it recalculates). */
export function formulaCell(ws: ExcelJS.Worksheet, row: number, col: number, formula: string, result: number | string, numFmt = EURO): void {
  const cell = ws.getCell(row, col);
  cell.value = { formula, result } as ExcelJS.CellFormulaValue;
  cell.numFmt = numFmt;
}

export const colLetter = (col: number): string => {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/** SUM over a column's rows, or 0 when there are none. */
export function sumCell(ws: ExcelJS.Worksheet, row: number, col: number, first: number, last: number, resultCents: bigint): void {
  const c = colLetter(col);
  if (last < first) {
    euroCell(ws, row, col, 0n);
    return;
  }
  formulaCell(ws, row, col, `SUM(${c}${first}:${c}${last})`, euroValue(resultCents));
}

export function styleTotalRow(ws: ExcelJS.Worksheet, row: number, cols: number): void {
  for (let i = 1; i <= cols; i++) {
    const cell = ws.getCell(row, i);
    cell.font = { bold: true };
    cell.border = { top: { style: 'thin' } };
  }
}

/** Excel wants dates as dates: UTC midnight of the ISO day. */
export function dateValue(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** Write the workbook through the guarded writer: never over the books, never half a file. */
export async function writeWorkbookAtomic(wb: ExcelJS.Workbook, out: string): Promise<string> {
  guardTarget(out);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return writeFileGuarded(out, buffer).path;
}

export function newWorkbook(): ExcelJS.Workbook {
  // exceljs is loaded on first use: it takes longer to load than a whole `kassa report` run.
  const { Workbook } = require('exceljs') as typeof import('exceljs');
  const wb = new Workbook();
  wb.creator = 'Kijk op de Kassa';
  wb.created = new Date();
  return wb;
}
