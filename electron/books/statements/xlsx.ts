import type ExcelJS from 'exceljs';
import { chainHead, formatHead } from '../history/facts';
import { centsToString } from '../../../shared/money';
import { formatDateNl } from '../../../shared/dates';
import type { ExportWritten, IncomeStatement, StatementRow } from '../../../shared/api/statements';
import type { Books } from '../../db/books';
import { entryRef } from '../entries';
import { trialBalance } from '../reports';
import { accountsInfo, balancesAt, dayBefore, getYear } from './balances';
import { streamFileGuarded } from '../../files/write';
import { LAYOUT_NAMES } from './layout';
import { balanceSheet, incomeStatement } from './statements';

/**
 * The statements as an Excel workbook for the board, the audit committee and funders: balance sheet,
 * income statement, the lastenverdeelstaat (RJ 650), trial balance and general ledger, each on its own sheet. Totals are formulas
 * (with the app's figures as cached results, so a viewer that does not recalculate shows the same),
 * amounts carry a euro format and every sheet is set up to print on A4.
 *
 * Written with exceljs's streaming WorkbookWriter: rows are committed as they are made, so the
 * general ledger of 100,000 postings never sits in memory as a whole.
 *
 * Excel keeps numbers as binary floating point; amounts go in as the nearest number to their exact
 * decimal (Number("1234.56")), exactly what Excel itself stores when you type the amount.
 */

const EURO = '"€" #,##0.00;[Red]"€" -#,##0.00';
const DATE = 'dd-mm-yyyy';
const GREY = 'FF555555';

type Cell = ExcelJS.CellValue;

/**
 * Styles are shared objects: exceljs caches a style by object identity, so giving a hundred
 * thousand cells the same object costs one lookup each instead of building a style per cell.
 */
const styles = new Map<string, Partial<ExcelJS.Style>>();
function st(style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  const key = JSON.stringify(style);
  let s = styles.get(key);
  if (!s) {
    s = style;
    styles.set(key, s);
  }
  return s;
}
const PLAIN = st({});
const MONEY = st({ numFmt: EURO });
const DAY = st({ numFmt: DATE });
const BOLD = st({ font: { bold: true } });
const TOTAL = st({ numFmt: EURO, font: { bold: true }, border: { top: { style: 'thin' } } });

function set(cell: ExcelJS.Cell, value: Cell, style: Partial<ExcelJS.Style> = PLAIN): void {
  cell.value = value;
  cell.style = style;
}

const num = (amount: string | bigint | number): number => Number(typeof amount === 'string' ? amount : centsToString(amount));

function dateValue(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function colLetter(i: number): string {
  return String.fromCharCode(64 + i);
}

function sheetOptions(orgName: string, title: string, landscape = false): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: 9,
      orientation: landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&L${orgName.replace(/&/g, '&&')}&R${title.replace(/&/g, '&&')}`,
      oddFooter: '&LKijk op de Kassa&RPagina &P van &N',
    },
    views: [{ state: 'frozen', ySplit: 4, showGridLines: false }],
  };
}

interface StatementColumn {
  title: string;
  pick: (r: { current: string | null; budget: string | null; previous: string | null }) => string | null;
}

/**
 * One statement on a sheet. Line rows are SUM formulas over their account rows just below them;
 * subtotal and total rows add and subtract other rows by key. Returns the rows' sheet positions.
 */
function writeStatement(
  ws: ExcelJS.Worksheet,
  startRow: number,
  rows: StatementRow[],
  columns: StatementColumn[],
): { next: number; rowOf: Map<string, number> } {
  const rowOf = new Map<string, number>();
  let r = startRow;
  const put = (values: Cell[], style: { bold?: boolean; italic?: boolean; grey?: boolean; indent?: number; border?: boolean }) => {
    const row = ws.getRow(r);
    const font = { bold: !!style.bold, italic: !!style.italic, ...(style.grey ? { color: { argb: GREY } } : {}), size: style.grey ? 9 : 11 };
    values.forEach((v, i) => {
      set(
        row.getCell(i + 1),
        v,
        st({
          font,
          ...(i > 0 ? { numFmt: EURO } : {}),
          ...(i === 0 && style.indent ? { alignment: { indent: style.indent } } : {}),
          ...(style.border && i > 0 ? { border: { top: { style: 'thin' } } } : {}),
        }),
      );
    });
    row.commit();
    r++;
  };
  for (const row of rows) {
    if (row.kind === 'heading') {
      put([row.label], { bold: true, indent: row.level });
      continue;
    }
    if (row.kind === 'line') {
      const at = r;
      rowOf.set(row.key, at);
      const first = at + 1;
      const last = at + row.accounts.length;
      put(
        [
          row.label,
          ...columns.map((c, ci): Cell => {
            const v = c.pick(row);
            if (v === null) return null;
            if (row.accounts.length === 0) return num(v);
            const col = colLetter(ci + 2);
            return { formula: `SUM(${col}${first}:${col}${last})`, result: num(v) };
          }),
        ],
        { indent: row.level },
      );
      for (const a of row.accounts) {
        put([`${a.code} ${a.name}`, ...columns.map((c) => { const v = c.pick(a); return v === null ? null : num(v); })], { grey: true, italic: true, indent: row.level + 2 });
      }
      continue;
    }
    rowOf.set(row.key, r);
    put(
      [
        row.label,
        ...columns.map((c, ci): Cell => {
          const v = c.pick(row);
          if (v === null) return null;
          const col = colLetter(ci + 2);
          const parts = [...(row.plus ?? []).map((k) => `+${col}${rowOf.get(k)}`), ...(row.minus ?? []).map((k) => `-${col}${rowOf.get(k)}`)];
          const formula = parts.length === 0 ? '0' : parts.join('').replace(/^\+/, '');
          return { formula, result: num(v) };
        }),
      ],
      { bold: true, indent: row.level, border: row.kind === 'total' },
    );
  }
  return { next: r, rowOf };
}

function titleRows(ws: ExcelJS.Worksheet, title: string, subtitle: string, header: string[]): void {
  const t = ws.getRow(1);
  set(t.getCell(1), title, st({ font: { bold: true, size: 14 } }));
  t.commit();
  const s = ws.getRow(2);
  set(s.getCell(1), subtitle, st({ font: { color: { argb: GREY } } }));
  s.commit();
  ws.getRow(3).commit();
  const h = ws.getRow(4);
  header.forEach((v, i) => {
    set(h.getCell(i + 1), v, st({ font: { bold: true }, border: { bottom: { style: 'thin' } }, ...(i > 0 ? { alignment: { horizontal: 'right' } } : {}) }));
  });
  h.commit();
}

/**
 * Lastenverdeelstaat (RJ 650): costs by kind over the objectives, fundraising and management. The
 * year's total per row and every column total are formulas; budget and last year are figures.
 */
function writeCostAllocation(ws: ExcelJS.Worksheet, is: IncomeStatement, orgName: string): void {
  const ca = is.costAllocation!;
  const n = ca.columns.length;
  const extra = [...(is.columns.budget ? [{ title: is.columns.budget, pick: (r: { budget: string | null }) => r.budget }] : []), ...(is.columns.previous ? [{ title: is.columns.previous, pick: (r: { previous: string | null }) => r.previous }] : [])];
  ws.columns = [{ width: 34 }, ...Array.from({ length: n + 1 + extra.length }, () => ({ width: 16 }))];
  titleRows(ws, `Lastenverdeelstaat ${is.year}`, `${orgName} · kosten per soort, verdeeld over de doelstellingen, werving en beheer en administratie`, [
    '', ...ca.columns.map((c) => c.label), `Totaal ${is.year}`, ...extra.map((e) => e.title),
  ]);
  let r = 5;
  for (const row of ca.rows) {
    const x = ws.getRow(r);
    set(x.getCell(1), row.label);
    ca.columns.forEach((c, i) => set(x.getCell(i + 2), num(row.amounts[c.key] ?? '0.00'), MONEY));
    set(x.getCell(n + 2), { formula: ca.columns.map((_, i) => `${colLetter(i + 2)}${r}`).join('+'), result: num(row.total) }, MONEY);
    extra.forEach((e, i) => set(x.getCell(n + 3 + i), num(e.pick(row) ?? '0.00'), MONEY));
    x.commit();
    r++;
  }
  const last = r - 1;
  const t = ws.getRow(r);
  set(t.getCell(1), 'Totaal', BOLD);
  const values = [...ca.columns.map((c) => ca.totals.amounts[c.key] ?? '0.00'), ca.totals.total, ...extra.map((e) => e.pick(ca.totals) ?? '0.00')];
  values.forEach((v, i) => {
    const col = colLetter(i + 2);
    set(t.getCell(i + 2), last >= 5 ? { formula: `SUM(${col}5:${col}${last})`, result: num(v) } : num(v), TOTAL);
  });
  t.commit();
  ws.commit();
}

export async function exportStatementsXlsx(books: Books, input: { year: number; path: string }): Promise<ExportWritten> {
  const fy = getYear(books, input.year);
  const org = books.raw('SELECT name FROM organisation WHERE id = 1').get() as { name: string };
  const bs = balanceSheet(books, { year: fy.year });
  const is = incomeStatement(books, { year: fy.year });
  const tb = trialBalance(books, { year: fy.year });
  const accounts = accountsInfo(books);
  const status = fy.status === 'closed' ? 'afgesloten' : 'nog niet afgesloten';

  // exceljs takes a second to load: only when an export runs, so the CLI and the app start without it.
   
  const excel = require('exceljs') as typeof import('exceljs');
  return streamFileGuarded(input.path, async (stream) => {
    const wb = new excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    wb.creator = 'Kijk op de Kassa';
    wb.title = `Jaarrekening ${fy.year} ${org.name}`;

    // --- Balans ---
    {
      const ws = wb.addWorksheet('Balans', sheetOptions(org.name, `Balans ${fy.year}`));
      ws.columns = [{ width: 58 }, { width: 16 }, { width: 16 }];
      const cols: StatementColumn[] = [{ title: bs.columns.current, pick: (r) => r.current }];
      if (bs.columns.previous) cols.push({ title: bs.columns.previous, pick: (r) => r.previous });
      titleRows(ws, `Balans per ${formatDateNl(bs.date)}`, `${org.name} · ${LAYOUT_NAMES[bs.layout]} · boekjaar ${status} · kop van de geschiedenis ${formatHead(chainHead(books))}`, ['', ...cols.map((c) => c.title)]);
      const next = writeStatement(ws, 5, [{ key: 'activa', label: 'ACTIVA', kind: 'heading', level: 0, current: null, budget: null, previous: null, accounts: [] }, ...bs.activa], cols).next;
      ws.getRow(next).commit();
      writeStatement(ws, next + 1, [{ key: 'passiva', label: 'PASSIVA', kind: 'heading', level: 0, current: null, budget: null, previous: null, accounts: [] }, ...bs.passiva], cols);
      ws.commit();
    }

    // --- Staat van baten en lasten ---
    {
      const ws = wb.addWorksheet('Baten en lasten', sheetOptions(org.name, `Staat van baten en lasten ${fy.year}`));
      ws.columns = [{ width: 62 }, { width: 16 }, { width: 16 }, { width: 16 }];
      const cols: StatementColumn[] = [{ title: is.columns.current, pick: (r) => r.current }];
      if (is.columns.budget) cols.push({ title: is.columns.budget, pick: (r) => r.budget });
      if (is.columns.previous) cols.push({ title: is.columns.previous, pick: (r) => r.previous });
      titleRows(ws, `Staat van baten en lasten ${fy.year}`, `${org.name} · ${LAYOUT_NAMES[is.layout]} · ${formatDateNl(is.from)} t/m ${formatDateNl(is.to)}`, ['', ...cols.map((c) => c.title)]);
      const { next } = writeStatement(ws, 5, is.rows, cols);
      ws.getRow(next).commit();
      const apprCols: StatementColumn[] = [{ title: is.columns.current, pick: (r) => r.current }];
      if (is.columns.budget) apprCols.push({ title: '', pick: () => null });
      if (is.columns.previous) apprCols.push({ title: is.columns.previous, pick: (r) => r.previous });
      const after = writeStatement(ws, next + 1, is.appropriation.rows, apprCols).next;
      if (is.appropriation.proposed) {
        const n = ws.getRow(after);
        set(n.getCell(1), 'Voorstel: het boekjaar is nog niet afgesloten.', st({ font: { italic: true, color: { argb: GREY } } }));
        n.commit();
      }
      ws.commit();
    }

    if (is.costAllocation) writeCostAllocation(wb.addWorksheet('Lastenverdeelstaat', sheetOptions(org.name, `Lastenverdeelstaat ${fy.year}`, true)), is, org.name);

    // --- Proefbalans ---
    {
      const ws = wb.addWorksheet('Proefbalans', sheetOptions(org.name, `Proefbalans ${fy.year}`));
      ws.columns = [{ width: 18 }, { width: 44 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }];
      titleRows(ws, `Proefbalans ${fy.year}`, `${org.name} · ${formatDateNl(fy.start)} t/m ${formatDateNl(fy.end)}`, ['Rekening', 'Naam', 'Beginsaldo', 'Debet', 'Credit', 'Eindsaldo']);
      let r = 5;
      for (const a of tb.accounts) {
        const row = ws.getRow(r);
        set(row.getCell(1), a.kind === 'earlierResult' ? '' : a.code);
        set(row.getCell(2), a.name);
        set(row.getCell(3), num(a.opening), MONEY);
        set(row.getCell(4), num(a.debit), MONEY);
        set(row.getCell(5), num(a.credit), MONEY);
        set(row.getCell(6), { formula: `C${r}+D${r}-E${r}`, result: num(a.closing) }, MONEY);
        row.commit();
        r++;
      }
      const last = r - 1;
      const total = ws.getRow(r);
      set(total.getCell(2), 'Totaal', BOLD);
      const sumOf = (col: string, v: string): Cell => (last >= 5 ? { formula: `SUM(${col}5:${col}${last})`, result: num(v) } : 0);
      set(total.getCell(3), sumOf('C', tb.totals.opening), TOTAL);
      set(total.getCell(4), sumOf('D', tb.totals.debit), TOTAL);
      set(total.getCell(5), sumOf('E', tb.totals.credit), TOTAL);
      set(total.getCell(6), sumOf('F', tb.totals.closing), TOTAL);
      total.commit();
      ws.commit();
    }

    // --- Grootboek (streamed per account) ---
    {
      const ws = wb.addWorksheet('Grootboek', sheetOptions(org.name, `Grootboek ${fy.year}`, true));
      ws.columns = [{ width: 12 }, { width: 17 }, { width: 56 }, { width: 15 }, { width: 15 }, { width: 16 }];
      titleRows(ws, `Grootboek ${fy.year}`, `${org.name} · ${formatDateNl(fy.start)} t/m ${formatDateNl(fy.end)}`, ['Datum', 'Boeking', 'Omschrijving', 'Debet', 'Credit', 'Saldo']);
      const opening = balancesAt(books, dayBefore(fy.start));
      const used = new Set(
        (books.raw('SELECT account_id FROM account_totals WHERE year = ? AND (debit_cents <> 0 OR credit_cents <> 0)').all(fy.year) as { account_id: number }[]).map((x) => x.account_id),
      );
      const postings = books.raw(
        `SELECT l.date, j.code AS journal, e.year, e.number, COALESCE(l.description, e.description) AS description, l.amount_cents
         FROM lines l JOIN entries e ON e.id = l.entry_id JOIN journals j ON j.id = e.journal_id
         WHERE l.account_id = ? AND l.posted = 1 AND l.date >= ? AND l.date <= ? ORDER BY l.date, e.id, l.id`,
      );
      let r = 5;
      for (const a of accounts) {
        const open = opening.get(a.id) ?? 0n;
        if (!used.has(a.id) && open === 0n) continue;
        const head = ws.getRow(r++);
        set(head.getCell(1), `${a.code} ${a.name}`, BOLD);
        head.commit();
        const openRow = ws.getRow(r);
        set(openRow.getCell(3), 'Beginsaldo');
        set(openRow.getCell(6), num(open), MONEY);
        openRow.commit();
        const openAt = r++;
        let bal = open;
        let td = 0n;
        let tc = 0n;
        let count = 0;
        for (const p of postings.iterate(a.id, fy.start, fy.end) as Iterable<{ date: string; journal: string; year: number; number: number; description: string; amount_cents: number }>) {
          const c = BigInt(p.amount_cents);
          bal += c;
          if (c > 0n) td += c;
          else tc -= c;
          const row = ws.getRow(r);
          set(row.getCell(1), dateValue(p.date), DAY);
          set(row.getCell(2), entryRef(p.journal, p.year, p.number));
          set(row.getCell(3), p.description);
          set(row.getCell(4), c > 0n ? num(c) : null, MONEY);
          set(row.getCell(5), c < 0n ? num(-c) : null, MONEY);
          set(row.getCell(6), { formula: `F${r - 1}+D${r}-E${r}`, result: num(bal) }, MONEY);
          row.commit();
          r++;
          count++;
          if (count % 5000 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        const total = ws.getRow(r);
        set(total.getCell(3), `Totaal ${a.code}`, BOLD);
        set(total.getCell(4), count > 0 ? { formula: `SUM(D${openAt + 1}:D${r - 1})`, result: num(td) } : 0, TOTAL);
        set(total.getCell(5), count > 0 ? { formula: `SUM(E${openAt + 1}:E${r - 1})`, result: num(tc) } : 0, TOTAL);
        set(total.getCell(6), { formula: `F${r - 1}`, result: num(bal) }, TOTAL);
        total.commit();
        r += 2;
      }
      ws.commit();
    }
    await wb.commit();
  });
}
