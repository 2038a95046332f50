import fs from 'node:fs';
import path from 'node:path';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Coverage, ExportResult, GrantPostings, GrantReport } from '../../../shared/api/grants';
import { cleanupTempDirs, expectKassaError } from '../helpers';
import { counts, grantBooks, receive, spend, type GrantBooks } from './setup';

/**
 * The spreadsheets are checked the way a funder's Excel would compute them: every formula is
 * evaluated here from the cell values (SUM ranges, differences, cross-sheet references) and must
 * equal both its cached result and the app's own figures.
 */

type Val = Decimal | string;

function cellValue(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, ref: string): Val {
  const m = /^(?:([A-Za-z]+)!)?([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad ref ${ref}`);
  const sheet = m[1] ? wb.getWorksheet(m[1])! : ws;
  const v = sheet.getCell(`${m[2]}${m[3]}`).value;
  if (v === null || v === undefined) return new Decimal(0);
  if (typeof v === 'number') return new Decimal(String(v));
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'formula' in v) return evaluate(wb, sheet, (v as ExcelJS.CellFormulaValue).formula);
  throw new Error(`unexpected value in ${ref}: ${JSON.stringify(v)}`);
}

const num = (v: Val): Decimal => (typeof v === 'string' ? new Decimal(0) : v);

/** The formulas the exports use: SUM(range), MAX(0,…), IF(x=0,"",a/b) and sums/differences of references. */
function evaluate(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, formula: string): Val {
  let m = /^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/.exec(formula);
  if (m) {
    expect(m[1]).toBe(m[3]);
    let s = new Decimal(0);
    for (let r = Number(m[2]); r <= Number(m[4]); r++) s = s.plus(num(cellValue(wb, ws, `${m[1]}${r}`)));
    return s;
  }
  m = /^MAX\(0,(.+)\)$/.exec(formula);
  if (m) return Decimal.max(0, num(evaluate(wb, ws, m[1]!)));
  m = /^IF\(([A-Z]+\d+)=0,"",([A-Z]+\d+)\/([A-Z]+\d+)\)$/.exec(formula);
  if (m) {
    const d = num(cellValue(wb, ws, m[1]!));
    return d.isZero() ? '' : num(cellValue(wb, ws, m[2]!)).div(num(cellValue(wb, ws, m[3]!)));
  }
  const terms = formula.match(/[+-]?[^+-]+/g)!;
  return terms.reduce((acc, t) => {
    const neg = t.startsWith('-');
    const v = num(cellValue(wb, ws, t.replace(/^[+-]/, '')));
    return neg ? acc.minus(v) : acc.plus(v);
  }, new Decimal(0));
}

/** Every formula cell of a sheet: evaluated value equals the cached result. Returns them by address. */
function checkFormulas(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): Map<string, { formula: string; value: Val }> {
  const out = new Map<string, { formula: string; value: Val }>();
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      if (v && typeof v === 'object' && 'formula' in v) {
        const f = v as ExcelJS.CellFormulaValue;
        const value = evaluate(wb, ws, f.formula);
        // exceljs writes a cached 0 or "" (<v>0</v>) but its reader leaves such a result undefined.
        const cached = f.result ?? (typeof value === 'string' ? '' : 0);
        if (typeof value === 'string') expect(cached).toBe(value);
        else expect(new Decimal(String(cached)).minus(value).abs().lessThan('0.000001'), `${cell.address} ${f.formula}`).toBe(true);
        out.set(cell.address, { formula: f.formula, value });
      }
    }),
  );
  return out;
}

/** The row whose first cell has this text. */
function rowOf(ws: ExcelJS.Worksheet, label: string): number {
  let found = -1;
  ws.eachRow((row, n) => {
    if (found < 0 && row.getCell(1).value === label) found = n;
  });
  expect(found, `row "${label}"`).toBeGreaterThan(0);
  return found;
}

const euros = (amount: string) => new Decimal(amount);

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function checkLayout(ws: ExcelJS.Worksheet, period: string): number {
  expect(ws.getCell('A1').value).toBe('Stichting Buurtkracht');
  expect(ws.getCell('A2').value).toBe('KvK-nummer: 12345678');
  expect(ws.getCell('A3').value).toBe(`Periode: ${period}`);
  const view = ws.views[0] as { state: string; ySplit: number };
  expect(view.state).toBe('frozen');
  expect(view.ySplit).toBeGreaterThan(3);
  expect(ws.getRow(view.ySplit).getCell(1).font?.bold).toBe(true);
  expect(ws.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: `${view.ySplit}:${view.ySplit}` });
  expect(ws.headerFooter.oddHeader).toContain('Stichting Buurtkracht');
  expect(ws.headerFooter.oddHeader).toContain('KvK 12345678');
  expect(ws.headerFooter.oddFooter).toContain(period);
  return view.ySplit;
}

let b: GrantBooks;
beforeEach(async () => {
  b = await grantBooks();
  await receive(b, '2026-02-03', '3000.00', b.grant.id);
  await spend(b, '2026-02-10', '450.00', '4100', b.grant.id, b.huur);
  await spend(b, '2026-03-10', '470.25', '4100', b.grant.id, b.huur);
  await spend(b, '2026-03-11', '12.34', '4300', b.grant.id, b.materialen);
  await spend(b, '2026-03-12', '2600.00', '4400', b.grant.id, b.coaching);
  await spend(b, '2026-03-13', '19.95', '4200', b.grant.id);
  await spend(b, '2026-03-14', '55.00', '4200'); // not on the grant
});
afterEach(() => b.close());
afterAll(() => cleanupTempDirs());

describe('grants.verantwoordingXlsx', () => {
  it('writes budget vs actual per budget line with totals as formulas, and every posting on a second sheet', async () => {
    const file = path.join(b.dir, 'verantwoording.xlsx');
    const before = counts(b);
    const res = await b.call<ExportResult>('grants.verantwoordingXlsx', { grant: b.grant.id, path: file });
    expect(res).toEqual({ path: file, sheets: ['Verantwoording', 'Boekingen'] });
    expect(counts(b)).toEqual(before);
    expect(fs.readdirSync(b.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const report = await b.call<GrantReport>('grants.report', { grant: b.grant.id });
    const wb = await read(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Verantwoording', 'Boekingen']);
    const ws = wb.getWorksheet('Verantwoording')!;
    const header = checkLayout(ws, '01-02-2026 t/m 30-11-2026');
    expect(ws.getRow(header).values).toEqual([undefined, 'Begrotingsregel', 'Begroot', 'Besteed', 'Restant', '% besteed']);
    const formulas = checkFormulas(wb, ws);

    // one row per budget line (plus the costs without a line), as the report has them
    report.lines.forEach((l, i) => {
      const r = header + 1 + i;
      expect(ws.getCell(r, 1).value).toBe(l.name);
      expect(euros(String(ws.getCell(r, 2).value))).toEqual(euros(l.budget));
      expect(euros(String(ws.getCell(r, 3).value))).toEqual(euros(l.actual));
      expect(ws.getCell(r, 2).numFmt).toBe('€ #,##0.00');
      expect(formulas.get(`D${r}`)).toEqual({ formula: `B${r}-C${r}`, value: euros(l.remaining) });
    });
    const total = rowOf(ws, 'Totaal');
    expect(total).toBe(header + 1 + report.lines.length);
    const first = header + 1;
    expect(formulas.get(`B${total}`)!.formula).toBe(`SUM(B${first}:B${total - 1})`);
    expect(formulas.get(`C${total}`)!.formula).toBe(`SUM(C${first}:C${total - 1})`);
    expect(formulas.get(`B${total}`)!.value).toEqual(euros(report.totals.budget));
    expect(formulas.get(`C${total}`)!.value).toEqual(euros(report.totals.actual));
    expect(formulas.get(`D${total}`)!.value).toEqual(euros(report.totals.remaining));
    expect(ws.getCell(total, 3).numFmt).toBe('€ #,##0.00');
    expect(Number(formulas.get(`E${header + 1}`)!.value)).toBeCloseTo(920.25 / 1000, 9);

    const received = rowOf(ws, 'Ontvangen');
    expect(euros(String(ws.getCell(received, 2).value))).toEqual(euros(report.received));
    const unspent = rowOf(ws, 'Niet besteed (ontvangen min besteed)');
    expect(formulas.get(`B${unspent}`)!.value).toEqual(euros(report.unspent));
    expect(formulas.get(`B${rowOf(ws, 'Nog te ontvangen')}`)!.value).toEqual(euros(report.toReceive));
    expect(ws.getCell(rowOf(ws, 'Signalen') + 1, 1).value).toBe(report.warnings[0]!.message);

    // sheet 2: every cost and receipt of the grant, adding up to the same figures
    const p = wb.getWorksheet('Boekingen')!;
    const ph = checkLayout(p, '01-02-2026 t/m 30-11-2026');
    expect(p.getRow(ph).values).toEqual([undefined, 'Datum', 'Boeking', 'Omschrijving', 'Rekening', 'Begrotingsregel', 'Kosten', 'Ontvangsten']);
    const postings = await b.call<GrantPostings>('grants.postings', { grant: b.grant.id, limit: 1000 });
    const pt = rowOf(p, 'Totaal');
    expect(pt - ph - 1).toBe(postings.total);
    postings.items.forEach((x, i) => expect(p.getCell(ph + 1 + i, 2).value).toBe(x.ref));
    expect(p.getCell(ph + 1, 1).value).toEqual(new Date('2026-02-03T00:00:00Z'));
    const pf = checkFormulas(wb, p);
    expect(pf.get(`F${pt}`)).toEqual({ formula: `SUM(F${ph + 1}:F${pt - 1})`, value: euros(report.totals.actual) });
    expect(pf.get(`G${pt}`)).toEqual({ formula: `SUM(G${ph + 1}:G${pt - 1})`, value: euros(report.received) });
    expect(p.getCell(ph + 6, 5).value).toBe('Zonder begrotingsregel');
  });

  it('reports up to a date', async () => {
    const file = path.join(b.dir, 'tot-februari.xlsx');
    await b.call('grants.verantwoordingXlsx', { grant: b.grant.id, path: file, to: '2026-02-28' });
    const wb = await read(file);
    const ws = wb.getWorksheet('Verantwoording')!;
    checkLayout(ws, '01-02-2026 t/m 28-02-2026');
    const f = checkFormulas(wb, ws);
    expect(f.get(`C${rowOf(ws, 'Totaal')}`)!.value).toEqual(euros('450.00'));
  });
});

describe('grants.budgetXlsx', () => {
  it('writes the grant budget and the project’s coverage plan, linked by a formula', async () => {
    await b.call('grants.create', { fund: b.fund.id, project: 'Taalcafé De Brug', applied: '2000.00', startDate: '2026-01-01', endDate: '2026-12-31' });
    await b.call('coverage.set', { project: 'Taalcafé De Brug', costs: [{ name: 'Alles', amount: '9000.00' }], otherSources: [{ name: 'Eigen bijdrage', amount: '250.00', confirmed: true }] });
    const coverage = await b.call<Coverage>('coverage.get', { project: 'Taalcafé De Brug' });
    const file = path.join(b.dir, 'begroting.xlsx');
    const res = await b.call<ExportResult>('grants.budgetXlsx', { grant: b.grant.id, path: file });
    expect(res.sheets).toEqual(['Begroting', 'Dekkingsplan']);
    const wb = await read(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Begroting', 'Dekkingsplan']);
    const bs = wb.getWorksheet('Begroting')!;
    const bh = checkLayout(bs, '01-02-2026 t/m 30-11-2026');
    const bf = checkFormulas(wb, bs);
    const bt = rowOf(bs, 'Totaal begroting');
    expect(bf.get(`B${bt}`)).toEqual({ formula: `SUM(B${bh + 1}:B${bt - 1})`, value: euros(b.grant.budgetTotal) });

    const ds = wb.getWorksheet('Dekkingsplan')!;
    const dh = checkLayout(ds, '01-02-2026 t/m 30-11-2026');
    const df = checkFormulas(wb, ds);
    const dt = rowOf(ds, 'Totaal dekking');
    expect(dt - dh - 1).toBe(coverage.sources.length);
    expect(df.get(`D${dt}`)!.value).toEqual(euros(coverage.totals.applied));
    expect(df.get(`E${dt}`)!.value).toEqual(euros(coverage.totals.confirmed));
    expect(df.get(`F${dt}`)!.value).toEqual(euros(coverage.totals.pending));
    const cost = rowOf(ds, 'Totale kosten (uit de begroting)');
    expect(df.get(`E${cost}`)).toEqual({ formula: `Begroting!B${bt}`, value: euros('5000.00') });
    expect(df.get(`E${cost + 1}`)!.value).toEqual(euros('5000.00').minus(euros(coverage.totals.confirmed)));
    expect(df.get(`E${cost + 2}`)!.value).toEqual(euros('5000.00').minus(euros(coverage.totals.confirmed)).minus(euros(coverage.totals.pending)));
  });

  it('writes a project budget from the coverage plan', async () => {
    await b.call('coverage.set', { project: 'Taalcafé De Brug', costs: [{ name: 'Huur', amount: '1500.00' }, { name: 'Coaching', amount: '4000.55' }] });
    const file = path.join(b.dir, 'project.xlsx');
    await b.call('grants.budgetXlsx', { project: 'taalcafé de brug', path: file });
    const wb = await read(file);
    const bs = wb.getWorksheet('Begroting')!;
    checkLayout(bs, '01-02-2026 t/m 30-11-2026');
    const bf = checkFormulas(wb, bs);
    expect(bf.get(`B${rowOf(bs, 'Totaal begroting')}`)!.value).toEqual(euros('5500.55'));
    const ds = wb.getWorksheet('Dekkingsplan')!;
    const df = checkFormulas(wb, ds);
    expect(df.get(`E${rowOf(ds, 'Nog te vinden (kosten min toegezegd)')}`)!.value).toEqual(euros('500.55'));
  });
});

describe('export errors', () => {
  it('says in Dutch when the folder is missing, is a folder or is read-only, and leaves no half file', async () => {
    const missing = path.join(b.dir, 'bestaat-niet', 'v.xlsx');
    await expectKassaError(b.call('grants.verantwoordingXlsx', { grant: b.grant.id, path: missing }), 'FILE_NOT_FOUND');
    await expectKassaError(b.call('grants.budgetXlsx', { grant: b.grant.id, path: b.dir }), 'INVALID_INPUT');
    await expectKassaError(b.call('grants.verantwoordingXlsx', { grant: 999, path: path.join(b.dir, 'x.xlsx') }), 'NOT_FOUND');
    await expectKassaError(b.call('grants.budgetXlsx', { project: 'Onbekend', path: path.join(b.dir, 'x.xlsx') }), 'NOT_FOUND');
    expect(fs.existsSync(path.join(b.dir, 'x.xlsx'))).toBe(false);
    if (process.getuid?.() !== 0) {
      const ro = path.join(b.dir, 'alleen-lezen');
      fs.mkdirSync(ro, { mode: 0o500 });
      await expectKassaError(b.call('grants.verantwoordingXlsx', { grant: b.grant.id, path: path.join(ro, 'v.xlsx') }), 'READ_ONLY');
      expect(fs.readdirSync(ro)).toEqual([]);
    }
  });

  it('replaces an existing file whole', async () => {
    const file = path.join(b.dir, 'v.xlsx');
    fs.writeFileSync(file, 'oud');
    await b.call('grants.verantwoordingXlsx', { grant: b.grant.id, path: file });
    const wb = await read(file);
    expect(wb.worksheets.length).toBe(2);
    expect(fs.readdirSync(b.dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});
