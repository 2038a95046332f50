/**
 * Issue 5, documents: the yearly statement PDF (read back with Debian's pdftotext) and the Excel
 * overview (opened back with exceljs: the formulas are there and their results equal the app's
 * totals, and equal what the formulas would compute from the cells).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Workbook, type Worksheet } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateNl } from '../../../shared/dates';
import { formatEuro, parseAmount } from '../../../shared/money';
import { pdfPageCount, pdfToText } from '../../unit/invoices/helpers';
import { cleanupTempDirs, expectKassaError, tempDir, type TestBooks } from '../helpers';
import { expectNothingWritten, FATIMA, JAN, readOnlyDir, volunteerBooks, ZOE } from './helpers';

const plainEuro = (cents: number) => formatEuro(cents).replace(/\u00a0/g, ' ');

let t: TestBooks;
let fatima: number;
let jan: number;
let zoe: number;
let out: string;

beforeAll(async () => {
  t = await volunteerBooks({ year: 2026 });
  out = tempDir('kassa-vol-docs-');
  fatima = (await t.call('persons.create', FATIMA)).id;
  jan = (await t.call('persons.create', JAN)).id;
  zoe = (await t.call('persons.create', ZOE)).id;
  const pay = (person: number, date: string, amount: string, kind: string, description: string, extra: Record<string, unknown> = {}) =>
    t.call('volunteers.pay', { person, date, amount, kind, description, payFrom: '1100', ...extra });
  await pay(fatima, '2026-01-14', '57.50', 'fee', 'Koken buurthuis januari', { hours: '10', periodFrom: '2026-01-01', periodTo: '2026-01-31' });
  await pay(fatima, '2026-02-11', '80.00', 'fee', 'Huiswerkbegeleiding februari');
  await pay(fatima, '2026-02-12', '23.45', 'reimbursement', 'Boodschappen kookmiddag', { payFrom: 'payable' });
  await pay(fatima, '2026-03-03', '120.00', 'fee', 'Zomerfeest voorbereiding');
  await pay(fatima, '2026-03-04', '17.10', 'reimbursement', 'Treinkaartje naar de markt');
  const cancelled = await pay(fatima, '2026-03-05', '11.11', 'fee', 'Per ongeluk dubbel');
  await t.call('volunteers.cancel', { id: cancelled.payment.id });
  await pay(jan, '2026-05-20', '64.99', 'reimbursement', 'Verf voor de muurschildering');
  await pay(zoe, '2026-06-30', '100.00', 'fee', 'Taalcafé juni');
  await pay(zoe, '2026-07-01', '300.00', 'fee', 'Extra klus (loon)', { asWages: true, confirmWages: 'Ik betaal dit bewust als loon' });
});

afterAll(() => {
  t.close();
  cleanupTempDirs();
});

describe('volunteers.statementPdf', () => {
  it('lists every payment, fees and reimbursements apart, the totals, the limits, the benefit reminder and signatures', async () => {
    const file = path.join(out, 'fatima-2026.pdf');
    const r = await t.call('volunteers.statementPdf', { person: fatima, year: 2026, path: file });
    expect(r).toEqual({ path: file, payments: 5 });
    const text = pdfToText(fs.readFileSync(file));
    const payments = await t.call('volunteers.payments', { year: 2026, person: fatima });
    for (const p of payments.filter((x: { status: string }) => x.status !== 'cancelled')) {
      expect(text).toContain(formatDateNl(p.date));
      expect(text).toContain(p.description);
      expect(text).toContain(plainEuro(parseAmount(p.amount)));
    }
    expect(text).not.toContain('Per ongeluk dubbel');
    expect(text).toContain('Jaaroverzicht vrijwilligersvergoeding 2026');
    expect(text).toContain('Fatima El Amrani');
    expect(text).toContain('Stichting Buurtkracht');
    expect(text).toContain('Vergoedingen voor inzet');
    expect(text).toContain('Onkostenvergoedingen');
    expect(text.indexOf('Koken buurthuis')).toBeLessThan(text.indexOf('Onkostenvergoedingen'));
    expect(text.indexOf('Onkostenvergoedingen')).toBeLessThan(text.indexOf('Treinkaartje'));
    expect(text).toContain('01-01-2026 t/m 31-01-2026');
    // totals: fees 257.50, reimbursements 40.55, counted 298.05 of 2,200.00
    expect(text).toContain(plainEuro(25750));
    expect(text).toContain(plainEuro(4055));
    expect(text).toContain(plainEuro(29805));
    expect(text).toContain(plainEuro(220000 - 29805));
    // the year's limits
    for (const c of [575, 340, 22000, 220000]) expect(text).toContain(plainEuro(c));
    expect(text).toContain('21 jaar of ouder');
    expect(text).toContain('belastingdienst.nl');
    // benefit reminder and signature block
    expect(text).toContain('bijstandsuitkering');
    expect(text).toContain('gemeente');
    expect(text).toContain('penningmeester');
    expect(text).toContain('Handtekening');
    expect(pdfPageCount(fs.readFileSync(file))).toBeGreaterThanOrEqual(1);
  });

  it('shows wages apart and says when the limits are a fallback from another year', async () => {
    const file = path.join(out, 'zoe.pdf');
    await t.call('volunteers.statementPdf', { person: zoe, year: 2026, path: file });
    const text = pdfToText(fs.readFileSync(file));
    expect(text).toContain('Bewust als loon betaald');
    expect(text).toContain('Extra klus (loon)');
    expect(text).toContain('UWV');
    expect(text).toContain('Zoë Öztürk-Çelik & Co');

    const f2027 = path.join(out, 'jan-2031.pdf');
    await t.call('volunteers.statementPdf', { person: jan, year: 2031, path: f2027 });
    const t2 = pdfToText(fs.readFileSync(f2027));
    expect(t2).toContain('Voor 2031 kent de app nog geen bedragen');
    expect(t2).toContain('bedragen van 2026');
  });

  it('writes all statements of a year, one per person with payments', async () => {
    const dir = path.join(out, 'alle');
    fs.mkdirSync(dir);
    const r = await t.call('volunteers.statementsPdf', { year: 2026, dir });
    expect(r.files.map((f: { name: string }) => f.name)).toEqual(['Fatima El Amrani', 'Jan de Vries', 'Zoë Öztürk-Çelik & Co']);
    for (const f of r.files) {
      expect(fs.existsSync(f.path)).toBe(true);
      expect(pdfToText(fs.readFileSync(f.path))).toContain(f.name);
    }
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await expectKassaError(t.call('volunteers.statementsPdf', { year: 2019, dir }), 'NOT_FOUND');
  });

  it('refuses an unwritable place, an unknown person, and leaves no half file', async () => {
    await expectNothingWritten(t, async () => {
      await expectKassaError(t.call('volunteers.statementPdf', { person: fatima, year: 2026, path: path.join(out, 'nope', 'x.pdf') }), 'FILE_NOT_FOUND');
      await expectKassaError(t.call('volunteers.statementPdf', { person: 999, year: 2026, path: path.join(out, 'x.pdf') }), 'NOT_FOUND');
      await expectKassaError(t.call('volunteers.statementsPdf', { year: 2026, dir: path.join(out, 'nope') }), 'FILE_NOT_FOUND');
      await expectKassaError(t.call('volunteers.overviewXlsx', { year: 2026, path: path.join(out, 'nope', 'x.xlsx') }), 'FILE_NOT_FOUND');
    });
    const ro = readOnlyDir(tempDir('kassa-ro-'));
    expect(ro, 'no read-only folder to test with').not.toBeNull();
    await expectKassaError(t.call('volunteers.statementPdf', { person: fatima, year: 2026, path: path.join(ro!, 'x.pdf') }), 'READ_ONLY');
    await expectKassaError(t.call('volunteers.overviewXlsx', { year: 2026, path: path.join(ro!, 'x.xlsx') }), 'READ_ONLY');
    expect(fs.existsSync(path.join(out, 'x.pdf'))).toBe(false);
  });
});

describe('volunteers.overviewXlsx', () => {
  function cents(v: unknown): number {
    if (typeof v === 'number') return Math.round(v * 100);
    // exceljs leaves out a cached result of 0 (the file asks for a full calculation on load anyway)
    if (v && typeof v === 'object' && 'formula' in v) return Math.round(Number((v as { result?: number }).result ?? 0) * 100);
    if (v === null || v === undefined) return 0;
    throw new Error(`not a number: ${JSON.stringify(v)}`);
  }
  const formulaOf = (ws: Worksheet, addr: string) => (ws.getCell(addr).value as { formula?: string } | null)?.formula;

  /** Evaluate SUM(X1:Y1) / SUM(X1:X9) over the sheet's own cells, in cents. */
  function evalSum(ws: Worksheet, f: string): number {
    const m = /^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/.exec(f);
    if (!m) throw new Error(`unexpected formula ${f}`);
    const colNo = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    let sum = 0;
    for (let r = Number(m[2]); r <= Number(m[4]); r++) {
      for (let c = colNo(m[1]!); c <= colNo(m[3]!); c++) sum += cents(ws.getCell(r, c).value);
    }
    return sum;
  }

  it('has formulas for the totals that equal the app totals', async () => {
    const file = path.join(out, 'overzicht-2026.xlsx');
    const r = await t.call('volunteers.overviewXlsx', { year: 2026, path: file });
    expect(r).toEqual({ path: file, persons: 3 });
    const ov = await t.call('volunteers.overview', { year: 2026 });
    const wb = new Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Overzicht', 'Betalingen', 'Bedragen']);
    const JSZip = (await import('jszip')).default;
    const workbookXml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);

    const ws = wb.getWorksheet('Overzicht')!;
    expect(cents(ws.getCell('B3').value)).toBe(22000);
    expect(cents(ws.getCell('B4').value)).toBe(220000);
    expect(ws.getCell('B4').numFmt).toContain('€');
    ov.persons.forEach((p: { person: { name: string }; total: string; left: string; fee: string; months: { counted: string }[] }, i: number) => {
      const row = 8 + i;
      expect(ws.getCell(row, 1).value).toBe(p.person.name);
      p.months.forEach((m, mi) => expect(cents(ws.getCell(row, 2 + mi).value)).toBe(parseAmount(m.counted, 'x', { allowZero: true })));
      expect(formulaOf(ws, `N${row}`)).toBe(`SUM(B${row}:M${row})`);
      expect(cents(ws.getCell(`N${row}`).value)).toBe(parseAmount(p.total, 'x', { allowZero: true }));
      expect(evalSum(ws, `SUM(B${row}:M${row})`)).toBe(parseAmount(p.total, 'x', { allowZero: true }));
      expect(formulaOf(ws, `O${row}`)).toBe(`MAX(0,$B$4-N${row})`);
      expect(cents(ws.getCell(`O${row}`).value)).toBe(parseAmount(p.left, 'x', { allowZero: true }));
      expect(ws.getCell(`N${row}`).numFmt).toContain('€');
    });
    const totalRow = 8 + ov.persons.length;
    expect(ws.getCell(totalRow, 1).value).toBe('Totaal');
    const checks: [string, string][] = [['N', ov.totals.total], ['P', ov.totals.fee], ['Q', ov.totals.reimbursement], ['R', ov.totals.asWages]];
    for (const [c, amount] of checks) {
      const f = formulaOf(ws, `${c}${totalRow}`);
      expect(f).toBe(`SUM(${c}8:${c}${totalRow - 1})`);
      expect(cents(ws.getCell(`${c}${totalRow}`).value)).toBe(parseAmount(amount));
      expect(evalSum(ws, f!)).toBe(parseAmount(amount));
    }
    expect(ws.getCell(8, 19).value).toBe('In orde');

    const wp = wb.getWorksheet('Betalingen')!;
    const payments = (await t.call('volunteers.payments', { year: 2026 })).filter((p: { status: string }) => p.status !== 'cancelled');
    expect(wp.getCell(2, 1).value).toBeInstanceOf(Date);
    expect(wp.getCell(2, 1).numFmt).toBe('dd-mm-yyyy');
    const base = payments.length + 3;
    expect(wp.getCell(base, 4).value).toBe('Totaal');
    expect(formulaOf(wp, `G${base}`)).toBe(`SUM(G2:G${payments.length + 1})`);
    const all = payments.reduce((s: number, p: { amount: string }) => s + parseAmount(p.amount), 0);
    expect(cents(wp.getCell(`G${base}`).value)).toBe(all);
    expect(evalSum(wp, formulaOf(wp, `G${base}`)!)).toBe(all);
    expect(formulaOf(wp, `G${base + 1}`)).toMatch(/^SUMIFS\(/);
    expect(cents(wp.getCell(`G${base + 1}`).value)).toBe(parseAmount(ov.totals.fee));
    expect(cents(wp.getCell(`G${base + 2}`).value)).toBe(parseAmount(ov.totals.reimbursement));
    expect(cents(wp.getCell(`G${base + 3}`).value)).toBe(parseAmount(ov.totals.asWages));
    expect(cents(wp.getCell(`G${base + 4}`).value)).toBe(parseAmount(ov.totals.unpaid));

    const wl = wb.getWorksheet('Bedragen')!;
    expect(cents(wl.getCell('B3').value)).toBe(575);
  });
});
