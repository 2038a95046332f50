/**
 * RJ 640 / RJk C1 and RJ 650 / RJk C2 statements of small books that use every new section: a
 * deposit (financiële vaste activa), stock, a provision, a 5-year loan with interest and repayments,
 * VAT to receive (1700 with a debit balance) and, in the second year, a loss that leaves the other
 * reserves negative. Every line is asserted, through the API and the CSV, Excel and PDF outputs,
 * on a real SQLite file. Amounts worked out by hand in the comments.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Allocation } from '../../../shared/api/allocation';
import type { BalanceSheet, CashFlow, IncomeStatement, StatementRow, YearEndCheck } from '../../../shared/api/statements';
import { balanceSheetCsv, cashFlowCsv, incomeStatementCsv } from '../../../electron/books/statements/csv';
import {
  assertDistBuilt, cleanupTempDirs, expectDutch, expectKassaError, fingerprint, makeBooks, parseCsv, runCli, simpleEntry, tempDir, type TestBooks,
} from '../helpers';
import { checkFormulas, evaluate, findRow } from './xlsxEval';

let tb: TestBooks;
let out: string;
let objA: number;
let objB: number;

const Y1 = 2024;
const Y2 = 2025;

async function post(date: string, debit: string, credit: string, amount: string, description: string): Promise<void> {
  await tb.call('entries.post', simpleEntry(date, debit, credit, amount, description));
}

beforeAll(async () => {
  tb = await makeBooks({ year: Y1, vat: 'liable' });
  out = tempDir('kassa-rj-');
  // --- 2024 ---------------------------------------------------------------------------------
  await post(`${Y1}-01-02`, '1100', '8200', '20000.00', 'Subsidie gemeente');
  await post(`${Y1}-01-10`, '1100', '0700', '10000.00', 'Lening 5 jaar van het fonds');
  await post(`${Y1}-02-01`, '0200', '1100', '500.00', 'Waarborgsom huur');
  await post(`${Y1}-03-01`, '3000', '1100', '800.00', 'Voorraad verkoopartikelen');
  await post(`${Y1}-04-01`, '4100', '1100', '6000.00', 'Huur');
  await post(`${Y1}-05-01`, '4200', '1100', '3000.00', 'Activiteiten');
  await post(`${Y1}-06-01`, '4500', '1100', '1000.00', 'Fondsenwerving');
  await post(`${Y1}-06-15`, '4600', '1100', '400.00', 'Kantoor');
  await post(`${Y1}-07-01`, '1000', '8000', '1250.00', 'Giften collecte');
  await post(`${Y1}-09-30`, '1110', '8500', '35.00', 'Rente spaarrekening');
  await post(`${Y1}-12-31`, '4700', '1100', '300.00', 'Rente lening');
  await post(`${Y1}-12-31`, '0700', '1100', '2000.00', 'Aflossing lening');
  await post(`${Y1}-12-31`, '4150', '0600', '1500.00', 'Dotatie voorziening groot onderhoud');
  await tb.call('entries.post', {
    date: `${Y1}-08-01`,
    description: 'Materialen met btw',
    lines: [{ account: '4300', debit: '1000.00' }, { account: '1700', debit: '210.00' }, { account: '1100', credit: '1210.00' }],
  });
  // 2024 result: 21,285.00 income - 13,200.00 expenses = 8,085.00, to the other reserves.
  await tb.call('yearEnd.close', { year: Y1 });
  // --- 2025: a loss -------------------------------------------------------------------------
  await tb.call('entries.post', {
    date: `${Y2}-02-01`,
    description: 'Verkoop met btw',
    lines: [{ account: '1300', debit: '3630.00' }, { account: '8400', credit: '3000.00' }, { account: '1700', credit: '630.00' }],
  });
  await post(`${Y2}-02-20`, '1100', '1300', '3630.00', 'Ontvangen verkoop');
  await post(`${Y2}-03-01`, '4100', '1100', '12000.00', 'Huur');
  await post(`${Y2}-06-01`, '4500', '1100', '500.00', 'Fondsenwerving');
  await post(`${Y2}-12-31`, '4700', '1100', '250.00', 'Rente lening');
  await post(`${Y2}-12-31`, '0700', '1100', '2000.00', 'Aflossing lening');
  await post(`${Y2}-12-31`, '1110', '8500', '20.00', 'Rente spaarrekening');
  await post(`${Y2}-12-31`, '4150', '0600', '1500.00', 'Dotatie voorziening groot onderhoud');
});

afterAll(() => {
  tb.close();
  cleanupTempDirs();
});

/** [key, current, previous] of every row (headings: nulls), to compare whole statements at once. */
const shape = (rows: StatementRow[]) => rows.map((r) => [r.key, r.current, r.previous]);
const H = (key: string) => [key, null, null];

describe('balance sheet with every section', () => {
  test('both layouts: deposit, stock, VAT to receive as an asset, provision and the loan on their own lines', async () => {
    for (const layout of ['rj640', 'rj650'] as const) {
      await tb.call('org.update', { layout });
      const bs = await tb.call<BalanceSheet>('reports.balanceSheet', { year: Y2 });
      expect(shape(bs.activa), layout).toEqual([
        H('vaste_activa'),
        ['mva', '0.00', '0.00'],
        ['financiele_vaste_activa', '500.00', '500.00'],
        H('vlottende_activa'),
        ['voorraden', '800.00', '800.00'],
        // 1700 was a debit (VAT to receive) at the end of 2024: a receivable then, a debt now.
        ['vorderingen', '0.00', '210.00'],
        ['liquide', '4975.00', '16075.00'],
        ['totaal_activa', '6275.00', '17585.00'],
      ]);
      expect(shape(bs.passiva), layout).toEqual([
        H('reserves_en_fondsen'),
        H('reserves'),
        ['continuiteitsreserve', '0.00', '0.00'],
        ['bestemmingsreserves', '0.00', '0.00'],
        ['overige_reserves', '8085.00', '8085.00'],
        H('fondsen'),
        ['bestemmingsfondsen', '0.00', '0.00'],
        ['resultaat_boekjaar', '-11230.00', '0.00'],
        ['totaal_reserves_en_fondsen', '-3145.00', '8085.00'],
        ['voorzieningen', '3000.00', '1500.00'],
        ['langlopende_schulden', '6000.00', '8000.00'],
        ['kortlopende_schulden', '420.00', '0.00'],
        ['totaal_passiva', '6275.00', '17585.00'],
      ]);
      expect(bs.balanced).toBe(true);
      const accounts = (key: string) => [...bs.activa, ...bs.passiva].find((r) => r.key === key)!.accounts;
      expect(accounts('vorderingen')).toEqual([{ code: '1700', name: 'Te betalen btw', current: '0.00', budget: null, previous: '210.00' }]);
      expect(accounts('kortlopende_schulden')).toEqual([{ code: '1700', name: 'Te betalen btw', current: '420.00', budget: null, previous: '0.00' }]);
      expect(accounts('voorzieningen').map((a) => a.code)).toEqual(['0600']);
      expect(accounts('langlopende_schulden').map((a) => a.code)).toEqual(['0700']);
    }
    await tb.call('org.update', { layout: 'rj640' });
  });

  test('a line no account uses (effecten, immateriële vaste activa) stays out; the ANBI figures carry the new sections', async () => {
    const bs = await tb.call<BalanceSheet>('reports.balanceSheet', { year: Y1 });
    expect(bs.activa.map((r) => r.key)).not.toContain('effecten');
    expect(bs.activa.map((r) => r.key)).not.toContain('immateriele_vaste_activa');
    expect(shape(bs.activa).find((r) => r[0] === 'vorderingen')).toEqual(['vorderingen', '210.00', null]);
    await tb.call('org.update', { anbi: true });
    const anbi = await tb.call<{ balance: { key: string; current: string | null }[] }>('reports.anbi', { year: Y2 });
    const fig = (k: string) => anbi.balance.find((f) => f.key === k)!.current;
    expect([fig('financiele_vaste_activa'), fig('voorraden'), fig('voorzieningen'), fig('langlopende_schulden'), fig('effecten')]).toEqual(['500.00', '800.00', '3000.00', '6000.00', '0.00']);
    await tb.call('org.update', { anbi: false });
  });
});

describe('RJ 640 income statement', () => {
  test('financial income and expense below the operating balance, every line', async () => {
    const is = await tb.call<IncomeStatement>('reports.incomeStatement', { year: Y2 });
    expect(shape(is.rows)).toEqual([
      H('baten'),
      ['subsidiebaten', '0.00', '20000.00'],
      ['giften_fondsenwerving', '0.00', '1250.00'],
      ['sponsorbijdragen', '0.00', '0.00'],
      ['baten_tegenprestatie', '3000.00', '0.00'],
      ['overige_baten', '0.00', '0.00'],
      ['som_baten', '3000.00', '21250.00'],
      H('lasten'),
      ['lasten_vrijwilligers', '0.00', '0.00'],
      ['lasten_huisvesting', '13500.00', '7500.00'],
      ['lasten_activiteiten', '0.00', '4000.00'],
      ['lasten_inhuur', '0.00', '0.00'],
      ['lasten_fondsenwerving', '500.00', '1000.00'],
      ['lasten_kantoor', '0.00', '400.00'],
      ['lasten_afschrijvingen', '0.00', '0.00'],
      ['lasten_overige', '0.00', '0.00'],
      ['som_lasten', '14000.00', '12900.00'],
      ['saldo_voor_financieel', '-11000.00', '8350.00'],
      ['financiele_baten', '20.00', '35.00'],
      ['financiele_lasten', '250.00', '300.00'],
      ['financiele_baten_lasten', '-230.00', '-265.00'],
      ['saldo', '-11230.00', '8085.00'],
    ]);
    expect(is.rows.map((r) => r.label).slice(-5)).toEqual([
      'Saldo voor financiële baten en lasten', 'Financiële baten', 'Financiële lasten', 'Financiële baten en lasten', 'Saldo van baten en lasten',
    ]);
    expect(is.costAllocation).toBeNull();
    expect(is.appropriation.rows.find((r) => r.key === 'bestemming_overige_reserves')!.current).toBe('-11230.00');
  });
});

describe('RJ 650 with objectives and allocation keys', () => {
  test('objectives and keys: set through the API, refused with a Dutch error when wrong, nothing written', async () => {
    await tb.call('org.update', { layout: 'rj650' });
    let a = await tb.call<Allocation>('allocation.setObjectives', { objectives: [{ name: 'Buurthuis open' }, { name: 'Taallessen' }] });
    objA = a.objectives[0]!.id;
    objB = a.objectives[1]!.id;
    expect(a.objectives.map((o) => o.name)).toEqual(['Buurthuis open', 'Taallessen']);
    const before = fingerprint(tb.file);
    const bad: [unknown, string][] = [
      [{ account: '4100', shares: [{ target: 'doelstelling', objectiveId: objA, percent: '60' }, { target: 'beheer', percent: '30' }] }, 'INVALID_INPUT'],
      [{ account: '4100', shares: [{ target: 'doelstelling', objectiveId: 999, percent: '100' }] }, 'INVALID_INPUT'],
      [{ account: '4100', shares: [{ target: 'werving', percent: '50' }, { target: 'werving', percent: '50' }] }, 'INVALID_INPUT'],
      [{ account: '8000', shares: [{ target: 'werving', percent: '100' }] }, 'INVALID_INPUT'],
      [{ account: '4700', shares: [{ target: 'werving', percent: '100' }] }, 'INVALID_INPUT'],
      [{ account: '9999', shares: [] }, 'UNKNOWN_ACCOUNT'],
      [{ account: '4100', shares: [{ target: 'werving', percent: '100,5' }] }, 'INVALID_INPUT'],
    ];
    for (const [input, code] of bad) {
      const e = await expectKassaError(tb.call('allocation.setKeys', input), code);
      expectDutch(e.message);
    }
    await expectKassaError(tb.call('allocation.setObjectives', { objectives: [{ name: 'A' }, { name: 'a ' }] }), 'INVALID_INPUT');
    expect(fingerprint(tb.file)).toEqual(before);

    await tb.call('allocation.setKeys', { account: '4100', shares: [{ target: 'doelstelling', objectiveId: objA, percent: '60' }, { target: 'doelstelling', objectiveId: objB, percent: '30' }, { target: 'beheer', percent: '10' }] });
    await tb.call('allocation.setKeys', { account: '4150', shares: [{ target: 'doelstelling', objectiveId: objA, percent: '100' }] });
    await tb.call('allocation.setKeys', { account: '4200', shares: [{ target: 'doelstelling', objectiveId: objA, percent: '50' }, { target: 'doelstelling', objectiveId: objB, percent: '50' }] });
    a = await tb.call<Allocation>('allocation.setKeys', { account: '4600', shares: [{ target: 'werving', percent: '25' }, { target: 'beheer', percent: '75' }] });
    expect(a.accounts.find((x) => x.code === '4100')!.shares.map((s) => s.percent)).toEqual(['60.00', '30.00', '10.00']);
    expect(a.accounts.find((x) => x.code === '4300')!.shares).toEqual([]);
    expect(a.accounts.map((x) => x.code)).not.toContain('4700');
    // An objective still in a key cannot be removed.
    const e = await expectKassaError(tb.call('allocation.setObjectives', { objectives: [{ id: objA, name: 'Buurthuis open' }] }), 'INVALID_INPUT');
    expect(e.message).toMatch(/Taallessen.*verdeelsleutel/);
    // The keys are stored in the file: a fresh session reads them.
    const again = await tb.call<Allocation>('allocation.get', {});
    expect(again).toEqual(a);
  });

  test('every line, with "Besteed aan doelstellingen" per objective and the related organisations line', async () => {
    const is = await tb.call<IncomeStatement>('reports.incomeStatement', { year: Y2 });
    const a = `doelstelling_${objA}`;
    const b = `doelstelling_${objB}`;
    expect(shape(is.rows)).toEqual([
      H('baten'),
      ['baten_particulieren', '0.00', '1250.00'],
      ['baten_bedrijven', '0.00', '0.00'],
      ['baten_loterij', '0.00', '0.00'],
      ['baten_subsidies_overheden', '0.00', '20000.00'],
      ['baten_verbonden_organisaties', '0.00', '0.00'],
      ['baten_andere_organisaties', '0.00', '0.00'],
      ['som_geworven_baten', '0.00', '21250.00'],
      ['baten_tegenprestatie', '3000.00', '0.00'],
      ['overige_baten', '0.00', '0.00'],
      ['som_baten', '3000.00', '21250.00'],
      H('lasten'),
      // 4100 60 % + 4150 + 4200 50 %: 7,200 + 1,500 (2024: 3,600 + 1,500 + 1,500)
      [a, '8700.00', '6600.00'],
      // 4100 30 % + 4200 50 %: 3,600 (2024: 1,800 + 1,500)
      [b, '3600.00', '3300.00'],
      // 4300 materials has no key: in 2024 not yet spread over the objectives.
      ['doelstellingen_niet_verdeeld', '0.00', '1000.00'],
      ['besteed_doelstellingen', '12300.00', '10900.00'],
      // 4500 + 4600 25 %
      ['wervingskosten', '500.00', '1100.00'],
      // 4100 10 % + 4600 75 %
      ['beheer_administratie', '1200.00', '900.00'],
      ['som_lasten', '14000.00', '12900.00'],
      ['saldo_voor_financieel', '-11000.00', '8350.00'],
      ['financiele_baten_lasten', '-230.00', '-265.00'],
      ['saldo', '-11230.00', '8085.00'],
    ]);
    const row = (k: string) => is.rows.find((r) => r.key === k)!;
    expect(row(a).label).toBe('Buurthuis open');
    expect(row('baten_verbonden_organisaties').label).toBe('Baten van verbonden organisaties zonder winststreven');
    expect(row(a).accounts).toEqual([
      { code: '4100', name: 'Huur en ruimte (60 %)', current: '7200.00', budget: null, previous: '3600.00' },
      { code: '4150', name: 'Dotatie voorziening groot onderhoud', current: '1500.00', budget: null, previous: '1500.00' },
      { code: '4200', name: 'Activiteiten (50 %)', current: '0.00', budget: null, previous: '1500.00' },
    ]);
    expect(row('financiele_baten_lasten').accounts.map((x) => [x.code, x.current])).toEqual([['4700', '-250.00'], ['8500', '20.00']]);
  });

  test('the lastenverdeelstaat adds up to "Som van de lasten"', async () => {
    const is = await tb.call<IncomeStatement>('reports.incomeStatement', { year: Y2 });
    const ca = is.costAllocation!;
    const a = `doelstelling_${objA}`;
    const b = `doelstelling_${objB}`;
    expect(ca.columns).toEqual([
      { key: a, label: 'Buurthuis open' },
      { key: b, label: 'Taallessen' },
      { key: 'wervingskosten', label: 'Wervingskosten' },
      { key: 'beheer_administratie', label: 'Kosten beheer en administratie' },
    ]);
    expect(ca.rows.map((r) => [r.key, r.amounts[a], r.amounts[b], r.amounts.wervingskosten, r.amounts.beheer_administratie, r.total, r.previous])).toEqual([
      ['lasten_huisvesting', '8700.00', '3600.00', '0.00', '1200.00', '13500.00', '7500.00'],
      ['lasten_activiteiten', '0.00', '0.00', '0.00', '0.00', '0.00', '4000.00'],
      ['lasten_fondsenwerving', '0.00', '0.00', '500.00', '0.00', '500.00', '1000.00'],
      ['lasten_kantoor', '0.00', '0.00', '0.00', '0.00', '0.00', '400.00'],
    ]);
    expect(ca.totals).toEqual({
      amounts: { [a]: '8700.00', [b]: '3600.00', wervingskosten: '500.00', beheer_administratie: '1200.00' },
      total: '14000.00', budget: null, previous: '12900.00',
    });
    expect(ca.totals.total).toBe(is.rows.find((r) => r.key === 'som_lasten')!.current);
  });
});

describe('cash flow', () => {
  test('the loan and its repayments are financing, the deposit investing, stock and interest operating', async () => {
    await tb.call('org.update', { layout: 'rj640' });
    const cf1 = await tb.call<CashFlow>('reports.cashFlow', { year: Y1 });
    const sec = (cf: CashFlow, k: string) => cf.sections.find((s) => s.key === k)!;
    expect(sec(cf1, 'financiering').rows.map((r) => [r.key, r.receipts, r.payments, r.net])).toEqual([['langlopende_schulden', '10000.00', '2000.00', '8000.00']]);
    expect(sec(cf1, 'investeringen').rows.map((r) => [r.key, r.net])).toEqual([['financiele_vaste_activa', '-500.00']]);
    const op1 = sec(cf1, 'operationeel').rows.map((r) => r.key);
    expect(op1).toEqual(expect.arrayContaining(['voorraden', 'financiele_baten', 'financiele_lasten', 'kortlopende_schulden']));
    expect(op1).not.toContain('langlopende_schulden');
    expect(cf1.closing).toBe('16075.00');
    const cf2 = await tb.call<CashFlow>('reports.cashFlow', { year: Y2 });
    expect(sec(cf2, 'financiering').net).toBe('-2000.00');
    expect(sec(cf2, 'operationeel').net).toBe('-9100.00');
    expect([cf2.opening, cf2.netChange, cf2.closing, cf2.matchesBalances]).toEqual(['16075.00', '-11100.00', '4975.00', true]);
  });
});

describe('year-end check', () => {
  test('a loss that leaves the other reserves negative is a warning, not a block', async () => {
    const check = await tb.call<YearEndCheck>('yearEnd.check', { year: Y2 });
    const p = check.problems.find((x) => x.code === 'NEGATIVE_RESERVE')!;
    expect(p.severity).toBe('warn');
    expect(p.details).toEqual({ account: '0590', balance: '-3145.00' });
    expect(p.message).toContain('0590 Overige reserves');
    expect(p.message).toMatch(/€\s-3\.145,00/u);
    expect(check.canClose).toBe(true);
    const first = await tb.call<YearEndCheck>('yearEnd.check', { year: Y1 });
    expect(first.problems.map((x) => x.code)).not.toContain('NEGATIVE_RESERVE');
  });
});

describe('outputs', () => {
  test('CSV keys are the stable line keys, amounts the API strings', async () => {
    await tb.call('org.update', { layout: 'rj650' });
    const bs = parseCsv(balanceSheetCsv(await tb.call<BalanceSheet>('reports.balanceSheet', { year: Y2 })));
    const get = (rows: string[][], key: string) => rows.find((r) => r[1] === key)!.slice(4);
    expect(get(bs, 'financiele_vaste_activa')).toEqual(['500.00', '500.00']);
    expect(get(bs, 'voorraden')).toEqual(['800.00', '800.00']);
    expect(get(bs, 'voorzieningen')).toEqual(['3000.00', '1500.00']);
    expect(get(bs, 'langlopende_schulden')).toEqual(['6000.00', '8000.00']);
    expect(get(bs, 'totaal_passiva')).toEqual(['6275.00', '17585.00']);
    const is = await tb.call<IncomeStatement>('reports.incomeStatement', { year: Y2 });
    const isCsv = parseCsv(incomeStatementCsv(is));
    for (const r of is.rows.filter((x) => x.kind !== 'heading')) expect(get(isCsv, r.key), r.key).toEqual([r.current, '', r.previous]);
    const lv = isCsv.filter((r) => r[0] === 'lastenverdeelstaat');
    expect(lv.find((r) => r[1] === `lasten_huisvesting/doelstelling_${objA}`)!.slice(4)).toEqual(['8700.00', '', '']);
    expect(lv.find((r) => r[1] === 'lasten_huisvesting')!.slice(4)).toEqual(['13500.00', '', '7500.00']);
    expect(lv.find((r) => r[1] === 'totaal')!.slice(4)).toEqual(['14000.00', '', '12900.00']);
    const cf = parseCsv(cashFlowCsv(await tb.call<CashFlow>('reports.cashFlow', { year: Y1 })));
    expect(cf.find((r) => r[0] === 'financiering' && r[1] === 'langlopende_schulden')!.slice(3)).toEqual(['10000.00', '2000.00', '8000.00']);
  });

  test.each(['rj640', 'rj650'] as const)('the Excel pack (%s): every statement line (and the lastenverdeelstaat), formulas giving the app figures', async (layout) => {
    await tb.call('org.update', { layout });
    const file = path.join(out, `${layout}.xlsx`);
    await tb.call('statements.xlsx', { year: Y2, path: file });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheets = ['Balans', 'Baten en lasten', ...(layout === 'rj650' ? ['Lastenverdeelstaat'] : []), 'Proefbalans', 'Grootboek'];
    expect(wb.worksheets.map((w) => w.name)).toEqual(sheets);
    const value = (ws: ExcelJS.Worksheet, label: string, col: number): string => {
      const v = findRow(ws, label).getCell(col).value as ExcelJS.CellValue;
      return v && typeof v === 'object' && 'formula' in v ? evaluate(ws, (v as ExcelJS.CellFormulaValue).formula).toFixed(2) : Number(v).toFixed(2);
    };
    const bs = await tb.call<BalanceSheet>('reports.balanceSheet', { year: Y2 });
    const balans = wb.getWorksheet('Balans')!;
    checkFormulas(balans);
    for (const r of [...bs.activa, ...bs.passiva].filter((x) => x.kind !== 'heading')) {
      expect(value(balans, r.label, 2), r.key).toBe(r.current);
      expect(value(balans, r.label, 3), r.key).toBe(r.previous);
    }
    const is = await tb.call<IncomeStatement>('reports.incomeStatement', { year: Y2 });
    const bl = wb.getWorksheet('Baten en lasten')!;
    checkFormulas(bl);
    for (const r of is.rows.filter((x) => x.kind !== 'heading')) {
      expect(value(bl, r.label, 2), r.key).toBe(r.current);
      expect(value(bl, r.label, 3), r.key).toBe(r.previous);
    }
    if (layout === 'rj640') {
      expect(is.costAllocation).toBeNull();
      return;
    }
    const lv = wb.getWorksheet('Lastenverdeelstaat')!;
    expect(checkFormulas(lv)).toBeGreaterThan(0);
    const ca = is.costAllocation!;
    for (const r of ca.rows) {
      ca.columns.forEach((c, i) => expect(value(lv, r.label, 2 + i), `${r.key} ${c.key}`).toBe(r.amounts[c.key]));
      expect(value(lv, r.label, 2 + ca.columns.length), r.key).toBe(r.total);
      expect(value(lv, r.label, 3 + ca.columns.length), r.key).toBe(r.previous);
    }
    expect(value(lv, 'Totaal', 2 + ca.columns.length)).toBe('14000.00');
  });

  test.each(['rj640', 'rj650'] as const)('the PDF pack (%s): every statement line (and the lastenverdeelstaat) with its figures', async (layout) => {
    await tb.call('org.update', { layout });
    const file = path.join(out, `${layout}.pdf`);
    await tb.call('statements.pdf', { year: Y2, path: file });
    const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const text = r.stdout.replace(/[ \t]+/g, ' ');
    const bs = await tb.call<BalanceSheet>('reports.balanceSheet', { year: Y2 });
    const is = await tb.call<IncomeStatement>('reports.incomeStatement', { year: Y2 });
    const nl = (v: string) => new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(v));
    const lines = text.split('\n');
    // Each statement line on a text line of its own, with its amounts in Dutch notation.
    for (const row of [...bs.activa, ...bs.passiva, ...is.rows].filter((x) => x.kind !== 'heading')) {
      const hit = lines.find((l) => l.trim().startsWith(row.label) && l.includes(nl(row.current!)));
      expect(hit, `${row.key} ${row.label} ${row.current}`).toBeDefined();
      if (row.previous !== null) expect(hit!, row.key).toContain(nl(row.previous));
    }
    if (layout === 'rj640') {
      expect(text).not.toContain('Lastenverdeelstaat');
      await tb.call('org.update', { layout: 'rj640' });
      return;
    }
    expect(text).toContain('Lastenverdeelstaat');
    const ca = is.costAllocation!;
    for (const c of ca.columns) expect(text.replace(/\s+/g, ' ')).toContain(c.label);
    for (const row of ca.rows) {
      const hit = lines.find((l) => l.trim().startsWith(row.label) && l.includes(nl(row.total)) && l.includes(nl(row.previous!)));
      expect(hit, row.key).toBeDefined();
      for (const c of ca.columns) expect(hit!, `${row.key} ${c.key}`).toContain(nl(row.amounts[c.key]!));
    }
    await tb.call('org.update', { layout: 'rj640' });
  });
});

describe('CLI', () => {
  test('kassa report … --format csv prints the same statements for both layouts', async () => {
    assertDistBuilt();
    const want: Record<string, string> = {};
    for (const layout of ['rj640', 'rj650'] as const) {
      await tb.call('org.update', { layout });
      want[`${layout} bs`] = balanceSheetCsv(await tb.call<BalanceSheet>('reports.balanceSheet', { year: Y2 }));
      want[`${layout} is`] = incomeStatementCsv(await tb.call<IncomeStatement>('reports.incomeStatement', { year: Y2 }));
      want[`${layout} cf`] = cashFlowCsv(await tb.call<CashFlow>('reports.cashFlow', { year: Y2 }));
    }
    // The CLI opens the file itself: close the session (rj650 is the layout left in the file).
    tb.close();
    for (const [key, report] of [['bs', 'balance-sheet'], ['is', 'income-statement'], ['cf', 'cash-flow']] as const) {
      const r = await runCli(['report', tb.file, report, '--year', String(Y2), '--format', 'csv']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout, key).toBe(want[`rj650 ${key}`]);
    }
    expect(want['rj650 is']).toContain('lastenverdeelstaat,');
    expect(want['rj640 is']).not.toContain('lastenverdeelstaat,');
  });
});
