import type { Cell, Worksheet } from 'exceljs';
import { centsToString, parseAmount } from '../../../shared/money';
import type { VolunteerLevel } from '../../../shared/api/volunteers';
import type { Books } from '../../db/books';
import { levelOf, personYears } from './overview';
import { limitsFor } from './limits';
import { listPayments } from './payments';
import { limitsSourceNl } from './statementPdf';

/**
 * The volunteers' yearly overview as an Excel workbook for the board, the audit committee and
 * funders: sheet "Overzicht" (per person per month what counts toward the maximum, with formulas
 * for the totals and the room left), sheet "Betalingen" (every payment, with SUM/SUMIFS totals) and
 * sheet "Bedragen" (the year's limits). Every formula carries its result as computed by the app,
 * so a reader without recalculation sees the same figures.
 */

const EURO = '"€" #,##0.00;[Red]-"€" #,##0.00';
const DATE = 'dd-mm-yyyy';
const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const FILL: Record<VolunteerLevel, string | null> = { ok: null, warn80: 'FFFFE0B2', blocked: 'FFFFCDD2' };
const STATUS: Record<VolunteerLevel, string> = { ok: 'In orde', warn80: 'Let op: 80% of meer', blocked: 'Maximum bereikt' };
const KIND = { fee: 'Vergoeding voor inzet', reimbursement: 'Onkostenvergoeding' } as const;
const PAY_STATUS = { approved: 'Nog te betalen', paid: 'Betaald', cancelled: 'Geannuleerd' } as const;

/**
 * Euros as an Excel number. Only for the cell (Excel keeps 15 digits): the app's own sums stay in
 * integer cents, the totals over many persons or payments in BigInt.
 */
const eur = (cents: number | bigint) => Number(centsToString(cents));

function col(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function money(cell: Cell, cents: number | bigint): void {
  cell.value = eur(cents);
  cell.numFmt = EURO;
}

function formula(cell: Cell, f: string, resultCents: number | bigint): void {
  cell.value = { formula: f, result: eur(resultCents) };
  cell.numFmt = EURO;
}

function fill(cell: Cell, level: VolunteerLevel): void {
  const argb = FILL[level];
  if (argb) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function header(ws: Worksheet, rowNo: number, titles: string[]): void {
  const row = ws.getRow(rowNo);
  titles.forEach((t, i) => {
    const c = row.getCell(i + 1);
    c.value = t;
    c.font = { bold: true };
    c.border = { bottom: { style: 'thin' } };
    c.alignment = { wrapText: true, vertical: 'bottom' };
  });
}

function toDate(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

export async function buildOverviewWorkbook(books: Books, year: number): Promise<{ buffer: Buffer; persons: number }> {
  const org = books.first(books.db.selectFrom('organisation').select(['name']));
  const { row: limits, used } = limitsFor(books, year);
  const years = personYears(books, year, limits);
  const payments = listPayments(books, { year }).filter((p) => p.status !== 'cancelled');

  // exceljs takes about a second to load: only when a workbook is made, not at every start.
  const { Workbook } = require('exceljs') as typeof import('exceljs');
  const wb = new Workbook();
  wb.creator = 'Kijk op de Kassa';
  wb.created = new Date();
  // Spreadsheet programs recompute every formula on opening (exceljs stores no cached result of 0).
  wb.calcProperties.fullCalcOnLoad = true;

  // --- Overzicht ---------------------------------------------------------------------------
  const ws = wb.addWorksheet('Overzicht', { views: [{ state: 'frozen', ySplit: 7, xSplit: 1 }] });
  ws.getCell('A1').value = `Vrijwilligersvergoedingen ${year}`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = org?.name ?? '';
  ws.getCell('A3').value = 'Maximum per maand';
  money(ws.getCell('B3'), limits.perMonthCents);
  ws.getCell('A4').value = 'Maximum per jaar';
  money(ws.getCell('B4'), limits.perYearCents);
  ws.getCell('A5').value = used.exact ? limitsSourceNl(used.origin, limits.source) : (used.message ?? '');
  if (!used.exact) ws.getCell('A5').font = { bold: true, color: { argb: 'FFB71C1C' } };

  const HEAD = 7;
  const titles = ['Naam', ...MONTHS, 'Totaal telt mee', 'Ruimte over', 'Vergoeding inzet', 'Onkosten', 'Als loon', 'Status'];
  header(ws, HEAD, titles);
  const cTotal = 14; // N
  const cLeft = 15; // O
  const cFee = 16; // P
  const cReimb = 17; // Q
  const cWages = 18; // R
  const cStatus = 19; // S
  const first = HEAD + 1;
  years.forEach((py, i) => {
    const r = first + i;
    const row = ws.getRow(r);
    const s = py.summary;
    row.getCell(1).value = py.person.name;
    s.months.forEach((m, mi) => {
      const c = row.getCell(2 + mi);
      money(c, m.countedCents);
      if (m.countedCents > 0) fill(c, levelOf(m.countedCents, limits.perMonthCents));
    });
    formula(row.getCell(cTotal), `SUM(B${r}:M${r})`, s.totalCents);
    formula(row.getCell(cLeft), `MAX(0,$B$4-${col(cTotal)}${r})`, s.leftCents);
    money(row.getCell(cFee), s.feeCents);
    money(row.getCell(cReimb), s.reimbursementCents);
    money(row.getCell(cWages), s.asWagesCents);
    let level = levelOf(s.totalCents, limits.perYearCents);
    if (s.months.some((m) => m.overCents > 0)) level = 'blocked';
    row.getCell(cStatus).value = STATUS[level];
    fill(row.getCell(cStatus), level);
    fill(row.getCell(cTotal), level);
  });
  const last = first + years.length - 1;
  const totalRow = ws.getRow(last + 1);
  totalRow.getCell(1).value = 'Totaal';
  totalRow.font = { bold: true };
  const sumOf = (pick: (py: (typeof years)[number]) => number) => years.reduce((t, py) => t + BigInt(pick(py)), 0n);
  for (let c = 2; c <= cWages; c++) {
    if (c === cLeft) continue;
    const letter = col(c);
    const result =
      c <= 13
        ? sumOf((py) => py.summary.months[c - 2]!.countedCents)
        : c === cTotal
          ? sumOf((py) => py.summary.totalCents)
          : c === cFee
            ? sumOf((py) => py.summary.feeCents)
            : c === cReimb
              ? sumOf((py) => py.summary.reimbursementCents)
              : sumOf((py) => py.summary.asWagesCents);
    const cell = totalRow.getCell(c);
    if (years.length === 0) money(cell, 0);
    else formula(cell, `SUM(${letter}${first}:${letter}${last})`, result);
    cell.border = { top: { style: 'thin' } };
  }
  ws.getColumn(1).width = 28;
  for (let c = 2; c <= 13; c++) ws.getColumn(c).width = 11;
  for (let c = cTotal; c <= cWages; c++) ws.getColumn(c).width = 15;
  ws.getColumn(cStatus).width = 20;

  // --- Betalingen --------------------------------------------------------------------------
  const wp = wb.addWorksheet('Betalingen', { views: [{ state: 'frozen', ySplit: 1 }] });
  header(wp, 1, ['Datum', 'Naam', 'Soort', 'Omschrijving', 'Periode', 'Uren', 'Bedrag', 'Als loon', 'Status', 'Boeking']);
  payments.forEach((p, i) => {
    const row = wp.getRow(2 + i);
    row.getCell(1).value = toDate(p.date);
    row.getCell(1).numFmt = DATE;
    row.getCell(2).value = p.personName;
    row.getCell(3).value = KIND[p.kind];
    row.getCell(4).value = p.description;
    row.getCell(5).value = [p.periodFrom, p.periodTo].filter(Boolean).map((d) => `${d!.slice(8, 10)}-${d!.slice(5, 7)}-${d!.slice(0, 4)}`).join(' t/m ');
    if (p.hours !== null) row.getCell(6).value = Number(p.hours);
    money(row.getCell(7), parseAmount(p.amount));
    row.getCell(8).value = p.asWages ? 'Ja' : 'Nee';
    row.getCell(9).value = PAY_STATUS[p.status];
    row.getCell(10).value = p.entryRef ?? '';
  });
  const pFirst = 2;
  const pLast = 1 + payments.length;
  const sumCents = (f: (p: (typeof payments)[number]) => boolean) => payments.filter(f).reduce((t, p) => t + BigInt(parseAmount(p.amount)), 0n);
  const base = pLast + 2;
  const totals: [string, string, bigint][] = [
    ['Totaal', `SUM(G${pFirst}:G${Math.max(pLast, pFirst)})`, sumCents(() => true)],
    [KIND.fee, `SUMIFS(G${pFirst}:G${Math.max(pLast, pFirst)},C${pFirst}:C${Math.max(pLast, pFirst)},"${KIND.fee}",H${pFirst}:H${Math.max(pLast, pFirst)},"Nee")`, sumCents((p) => p.kind === 'fee' && !p.asWages)],
    [KIND.reimbursement, `SUMIFS(G${pFirst}:G${Math.max(pLast, pFirst)},C${pFirst}:C${Math.max(pLast, pFirst)},"${KIND.reimbursement}",H${pFirst}:H${Math.max(pLast, pFirst)},"Nee")`, sumCents((p) => p.kind === 'reimbursement' && !p.asWages)],
    ['Als loon', `SUMIFS(G${pFirst}:G${Math.max(pLast, pFirst)},H${pFirst}:H${Math.max(pLast, pFirst)},"Ja")`, sumCents((p) => p.asWages)],
    ['Nog te betalen', `SUMIFS(G${pFirst}:G${Math.max(pLast, pFirst)},I${pFirst}:I${Math.max(pLast, pFirst)},"${PAY_STATUS.approved}")`, sumCents((p) => p.status === 'approved')],
  ];
  totals.forEach(([label, f, cents], i) => {
    const row = wp.getRow(base + i);
    row.getCell(4).value = label;
    row.getCell(4).font = { bold: true };
    formula(row.getCell(7), f, cents);
    row.getCell(7).font = { bold: true };
  });
  [12, 28, 22, 40, 26, 8, 14, 10, 16, 18].forEach((w, i) => (wp.getColumn(i + 1).width = w));

  // --- Bedragen ----------------------------------------------------------------------------
  const wl = wb.addWorksheet('Bedragen');
  wl.getCell('A1').value = `Bedragen vrijwilligersvergoeding ${year}`;
  wl.getCell('A1').font = { bold: true, size: 13 };
  const rows: [string, number | string][] = [
    [`Maximum per uur, ${limits.ageThreshold} jaar of ouder`, limits.perHourAdultCents],
    [`Maximum per uur, jonger dan ${limits.ageThreshold} jaar`, limits.perHourYoungCents],
    ['Maximum per maand', limits.perMonthCents],
    ['Maximum per jaar', limits.perYearCents],
    ['Bron', limitsSourceNl(used.origin, limits.source)],
  ];
  rows.forEach(([label, v], i) => {
    wl.getCell(3 + i, 1).value = label;
    if (typeof v === 'number') money(wl.getCell(3 + i, 2), v);
    else wl.getCell(3 + i, 2).value = v;
  });
  if (!used.exact && used.message) wl.getCell(9, 1).value = used.message;
  wl.getColumn(1).width = 38;
  wl.getColumn(2).width = 60;

  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, persons: years.length };
}
