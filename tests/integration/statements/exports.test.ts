/**
 * Exports of the statements: XAF 3.2 (validated with xmllint against the published XSD, totals equal
 * the trial balance), the PDF pack for the audit committee (pdftotext holds every statement line),
 * the Excel workbook (its formulas, evaluated here, give the app's figures), CSV through the CLI, and
 * export paths that cannot be written (a Dutch error, no file and no temp file left behind).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BalanceSheet, CashFlow, IncomeStatement, StatementRow } from '../../../shared/api/statements';
import type { TrialBalance } from '../../../shared/api/types';
import {
  assertDistBuilt, cents, cleanupTempDirs, cliError, cliJson, expectKassaError, fingerprint, ROOT, runCli, simpleEntry, tempDir, type TestBooks,
} from '../helpers';
import { demoBooks, FIRST_YEAR, LAST_YEAR } from './helpers';
import { checkFormulas, evaluate, findRow } from './xlsxEval';

const XSD = path.join(ROOT, 'tests', 'fixtures', 'schemas', 'xaf', 'XmlAuditfileFinancieel3.2.xsd');

let tb: TestBooks;
let out: string;

beforeAll(async () => {
  tb = await demoBooks({ transactions: 1800, extra: { kvk: '12345678', rsin: '002165879', street: 'Dorpsstraat 1', postcode: '1234 AB', city: 'Utrecht' } });
  await tb.call('entries.post', simpleEntry(`${LAST_YEAR}-03-01`, '0100', '1100', '1200.00', 'Naaimachines & stoffen <nieuw>'));
  await tb.call('yearEnd.close', { year: FIRST_YEAR });
  out = tempDir('kassa-exports-');
});

afterAll(() => {
  tb.close();
  cleanupTempDirs();
});

function xmllint(file: string): { status: number | null; stderr: string } {
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

describe('XAF 3.2', () => {
  test('xmllint is installed', () => {
    expect(spawnSync('xmllint', ['--version']).status, 'install libxml2-utils (Debian) for the XSD checks').toBe(0);
  });

  for (const year of [FIRST_YEAR, LAST_YEAR]) {
    test(`year ${year} validates against the XSD and its totals equal the trial balance`, async () => {
      const file = path.join(out, `audit-${year}.xaf`);
      const res = await tb.call('export.xaf', { year, path: file });
      expect(res.path).toBe(file);
      const lint = xmllint(file);
      expect(lint.status, lint.stderr).toBe(0);
      expect(lint.stderr).toMatch(/validates/);

      const t = await tb.call<TrialBalance>('reports.trialBalance', { year });
      expect(res.totalDebit).toBe(t.totals.debit);
      expect(res.totalCredit).toBe(t.totals.credit);
      const doc = new XMLParser({ parseTagValue: false, isArray: (name) => ['journal', 'transaction', 'trLine', 'ledgerAccount', 'obLine', 'period'].includes(name) }).parse(
        fs.readFileSync(file, 'utf8'),
      );
      const company = doc.auditfile.company;
      expect(doc.auditfile.header.fiscalYear).toBe(String(year));
      expect(company.companyIdent).toBe('12345678');
      expect(company.generalLedger.ledgerAccount.length).toBeGreaterThan(30);
      expect(asArray(company.periods.period)).toHaveLength(12);
      const trx = company.transactions;
      expect(trx.totalDebit).toBe(t.totals.debit);
      expect(trx.totalCredit).toBe(t.totals.credit);
      // Sum every line again, per account: the trial balance of the year.
      const perAccount = new Map<string, bigint>();
      let d = 0n;
      let c = 0n;
      let lines = 0;
      for (const j of asArray(trx.journal) as { transaction?: { trLine: { accID: string; amnt: string; amntTp: string }[] }[] }[]) {
        for (const tr of asArray(j.transaction)) {
          for (const l of tr.trLine) {
            const v = cents(l.amnt);
            lines++;
            if (l.amntTp === 'D') d += v;
            else c += v;
            perAccount.set(l.accID, (perAccount.get(l.accID) ?? 0n) + (l.amntTp === 'D' ? v : -v));
          }
        }
      }
      expect(lines).toBe(Number(trx.linesCount));
      expect(d).toBe(cents(t.totals.debit));
      expect(c).toBe(cents(t.totals.credit));
      for (const a of t.accounts) expect(perAccount.get(a.code) ?? 0n, a.code).toBe(cents(a.balance));

      // Opening balance: the trial balance's opening column (balance-sheet accounts and earlier
      // years' unappropriated result on one line), debit = credit; no income or expense account.
      const ob = company.openingBalance;
      expect(ob.opBalDate).toBe(`${year}-01-01`);
      expect(ob.totalDebit).toBe(ob.totalCredit);
      const expected = Object.fromEntries(t.accounts.filter((a) => cents(a.opening) !== 0n).map((a) => [a.code, cents(a.opening)]));
      const got = Object.fromEntries(asArray(ob.obLine as { accID: string; amnt: string; amntTp: string }[]).map((l) => [l.accID, l.amntTp === 'D' ? cents(l.amnt) : -cents(l.amnt)]));
      expect(got).toEqual(expected);
      expect(Object.keys(got).filter((c) => /^[48]/.test(c)), 'income or expense account in the opening balance').toEqual([]);
      if (year === LAST_YEAR) {
        // 2022 is closed (its result sits in the reserves), 2023 is still open: its result opens 2024 on one line.
        expect(Object.keys(got)).toContain('0590');
        expect(Object.keys(got)).toContain('RESULTAAT-EERDER');
      }
    });
  }
});

describe('PDF pack for the audit committee', () => {
  test('holds every statement line, the notes and the signature block', async () => {
    const file = path.join(out, `jaarrekening-${LAST_YEAR}.pdf`);
    const res = await tb.call('statements.pdf', { year: LAST_YEAR, path: file });
    expect(res.pages).toBeGreaterThanOrEqual(6);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const text = r.stdout.replace(/\s+/g, ' ');
    const bs = await tb.call<BalanceSheet>('reports.balanceSheet', { year: LAST_YEAR });
    const is = await tb.call<IncomeStatement>('reports.incomeStatement', { year: LAST_YEAR });
    const cf = await tb.call<CashFlow>('reports.cashFlow', { year: LAST_YEAR });
    const labels = [...bs.activa, ...bs.passiva, ...is.rows, ...is.appropriation.rows].map((x: StatementRow) => x.label);
    for (const l of labels) expect(text, l).toContain(l);
    for (const s of cf.sections) if (s.rows.length > 0) expect(text).toContain(s.label);
    for (const w of ['Jaarrekening', 'Toelichting', 'Voorzitter', 'Secretaris', 'Penningmeester', 'Verklaring van de kascommissie', 'Lid kascommissie', '12345678']) {
      expect(text).toContain(w);
    }
    // The figures are there in Dutch notation: the total assets.
    const total = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(bs.totals.activa));
    expect(text).toContain(total);
    // Notes: each account behind a line.
    for (const row of is.rows) for (const a of row.accounts) expect(text).toContain(`${a.code} ${a.name}`);
    expect(text).toContain('CONCEPT');
  });
});

describe('Excel workbook', () => {
  test('four sheets whose formulas evaluate to the app figures', async () => {
    const file = path.join(out, `jaarrekening-${LAST_YEAR}.xlsx`);
    const res = await tb.call('statements.xlsx', { year: LAST_YEAR, path: file });
    expect(res.bytes).toBeGreaterThan(1000);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Balans', 'Baten en lasten', 'Proefbalans', 'Grootboek']);
    for (const ws of wb.worksheets) {
      expect(checkFormulas(ws), ws.name).toBeGreaterThan(0);
      expect(ws.pageSetup.paperSize).toBe(9);
    }
    const bs = await tb.call<BalanceSheet>('reports.balanceSheet', { year: LAST_YEAR });
    const balans = wb.getWorksheet('Balans')!;
    for (const [label, want] of [['Totaal activa', bs.totals.activa], ['Totaal passiva', bs.totals.passiva]] as const) {
      const row = findRow(balans, label);
      const cell = row.getCell(2);
      expect(evaluate(balans, (cell.value as ExcelJS.CellFormulaValue).formula).toFixed(2)).toBe(want);
      expect(cell.numFmt).toContain('€');
    }
    const is = await tb.call<IncomeStatement>('reports.incomeStatement', { year: LAST_YEAR });
    const bl = wb.getWorksheet('Baten en lasten')!;
    for (const r of is.rows.filter((x) => x.kind !== 'heading')) {
      const row = findRow(bl, r.label);
      const v = row.getCell(2).value as ExcelJS.CellValue;
      const got = v && typeof v === 'object' && 'formula' in v ? evaluate(bl, (v as ExcelJS.CellFormulaValue).formula) : new Decimal(String(v));
      expect(got.toFixed(2), r.label).toBe(r.current);
      // previous year column (no budget for this year: column C)
      const p = row.getCell(3).value as ExcelJS.CellValue;
      const gotPrev = p && typeof p === 'object' && 'formula' in p ? evaluate(bl, (p as ExcelJS.CellFormulaValue).formula) : new Decimal(String(p));
      expect(gotPrev.toFixed(2), `${r.label} previous`).toBe(r.previous);
    }
    const t = await tb.call<TrialBalance>('reports.trialBalance', { year: LAST_YEAR });
    const pb = wb.getWorksheet('Proefbalans')!;
    let totalDebit: Decimal | null = null;
    let totalClosing: Decimal | null = null;
    let cashClosing: Decimal | null = null;
    pb.eachRow((row) => {
      if (row.getCell(2).value === 'Totaal') {
        totalDebit = evaluate(pb, (row.getCell(4).value as ExcelJS.CellFormulaValue).formula);
        totalClosing = evaluate(pb, (row.getCell(6).value as ExcelJS.CellFormulaValue).formula);
      }
      if (row.getCell(1).value === '1000') cashClosing = evaluate(pb, (row.getCell(6).value as ExcelJS.CellFormulaValue).formula);
    });
    expect(totalDebit!.toFixed(2)).toBe(t.totals.debit);
    expect(totalClosing!.toFixed(2)).toBe('0.00');
    // Opening + debit − credit: the cash balance at the year end, as the trial balance shows it.
    expect(cashClosing!.toFixed(2)).toBe(t.accounts.find((a) => a.code === '1000')!.closing);
    // General ledger: the closing balance of the bank account equals the balance sheet's.
    const gb = wb.getWorksheet('Grootboek')!;
    let bankClosing: Decimal | null = null;
    gb.eachRow((row) => {
      if (row.getCell(3).value === 'Totaal 1100') bankClosing = evaluate(gb, (row.getCell(6).value as ExcelJS.CellFormulaValue).formula);
    });
    const tbEnd = await tb.call<TrialBalance>('reports.trialBalance', { date: `${LAST_YEAR}-12-31` });
    expect(bankClosing!.toFixed(2)).toBe(tbEnd.accounts.find((a) => a.code === '1100')!.balance);
  });
});

describe('export paths that cannot be written', () => {
  const cases: [string, () => string, string][] = [
    ['a folder that does not exist', () => path.join(out, 'bestaat-niet', 'x.out'), 'FILE_NOT_FOUND'],
    ['a file used as a folder', () => {
      const f = path.join(out, 'gewoon-bestand.txt');
      fs.writeFileSync(f, 'x');
      return path.join(f, 'x.out');
    }, 'FILE_NOT_FOUND'],
    ['a read-only file system (/sys)', () => '/sys/kassa-export-test.out', 'READ_ONLY'],
    ['an existing folder as the file name', () => out, 'INVALID_INPUT'],
  ];
  for (const method of ['statements.xlsx', 'statements.pdf', 'export.xaf'] as const) {
    for (const [what, target, code] of cases) {
      test(`${method}: ${what} -> ${code}, nothing left behind`, async () => {
        const p = target();
        const before = fs.readdirSync(out).sort();
        const err = await expectKassaError(tb.call(method, { year: LAST_YEAR, path: p }), code);
        expect(err.field).toBe('path');
        expect(fs.readdirSync(out).sort()).toEqual(before);
        expect(fs.existsSync(p) && fs.statSync(p).isFile()).toBe(false);
      });
    }
  }

  test('an unknown year or an empty path is refused before anything is written', async () => {
    await expectKassaError(tb.call('export.xaf', { year: 1995, path: path.join(out, 'x.xaf') }), 'NOT_FOUND');
    await expectKassaError(tb.call('statements.pdf', { year: LAST_YEAR, path: '  ' }), 'INVALID_INPUT');
    expect(fs.existsSync(path.join(out, 'x.xaf'))).toBe(false);
  });
});

describe('CLI', () => {
  let file: string;
  beforeAll(async () => {
    assertDistBuilt();
    const d = await demoBooks({ transactions: 500, extra: { rsin: '002165879' } });
    file = d.file;
    await d.call('entries.saveDraft', simpleEntry(`${FIRST_YEAR}-04-01`, '4300', '1000', '5.00', 'Concept'));
    d.close();
  });

  test('CSV of the balance sheet, income statement and cash flow', async () => {
    for (const [name, extra] of [['balance-sheet', ['--year', String(LAST_YEAR)]], ['income-statement', ['--year', String(LAST_YEAR)]], ['cash-flow', ['--year', String(LAST_YEAR)]], ['balance-sheet', ['--date', `${LAST_YEAR}-06-30`]]] as const) {
      const r = await runCli(['report', file, name, ...extra, '--format', 'csv']);
      expect(r.status, r.stderr).toBe(0);
      const lines = r.stdout.trim().split('\n');
      expect(lines.length).toBeGreaterThan(8);
      expect(lines[0]!.startsWith('section,key,label')).toBe(true);
    }
    const bs = await runCli(['report', file, 'balance-sheet', '--year', String(LAST_YEAR), '--format', 'csv']);
    const rows = bs.stdout.trim().split('\n').map((l) => l.split(','));
    const total = (k: string) => rows.find((r) => r[1] === k)![4];
    expect(total('totaal_activa')).toBe(total('totaal_passiva'));
    const cf = await runCli(['report', file, 'cash-flow', '--year', String(LAST_YEAR), '--format', 'json']);
    const cfJson = cliJson<CashFlow>(cf);
    expect(cfJson.matchesBalances).toBe(true);
  });

  test('kassa export FILE xaf|xlsx|pdf', async () => {
    const dir = tempDir('kassa-cli-');
    for (const fmt of ['xaf', 'xlsx', 'pdf']) {
      const target = path.join(dir, `out.${fmt}`);
      const r = await runCli(['export', file, fmt, '--year', String(LAST_YEAR), '--out', target]);
      expect(r.status, r.stderr).toBe(0);
      expect(cliJson(r).path).toBe(target);
      expect(fs.statSync(target).size).toBeGreaterThan(1000);
    }
    const lint = xmllint(path.join(dir, 'out.xaf'));
    expect(lint.status, lint.stderr).toBe(0);
    const bad = await runCli(['export', file, 'xaf', '--year', String(LAST_YEAR), '--out', path.join(dir, 'nope', 'x.xaf'), '--json']);
    expect(bad.status).toBe(1);
    expect(cliError(bad).code).toBe('FILE_NOT_FOUND');
  });

  test('a refused close leaves the file byte for byte as it was', async () => {
    const before = fingerprint(file);
    const r = await runCli(['call', file, 'yearEnd.close', JSON.stringify({ year: FIRST_YEAR }), '--json']);
    expect(r.status).toBe(1);
    const e = cliError(r);
    expect(e.code).toBe('YEAR_NOT_READY');
    expect(e.message).toMatch(/concept/);
    expect(fingerprint(file)).toEqual(before);
    const r2 = await runCli(['call', file, 'yearEnd.reopen', JSON.stringify({ year: FIRST_YEAR, reason: 'kort' }), '--json']);
    expect(r2.status).toBe(1);
    expect(cliError(r2).code).toBe('INVALID_INPUT');
    expect(fingerprint(file)).toEqual(before);
  });
});
