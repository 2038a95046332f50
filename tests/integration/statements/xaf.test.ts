/**
 * XAF 3.2 as an auditor reads it (issue 16). Real books with invoices (21 % and 9 % sales, a purchase
 * with VAT), payments and two fiscal years, exported through the API and the CLI, validated with
 * xmllint against the published XSD and parsed independently of the app's code:
 * - opening balance + the year's lines per account = the app's trial balance at year end, with the
 *   previous year still open and after it was closed;
 * - the opening balance holds balance-sheet accounts only (earlier results on one equity line);
 * - debtors and creditors can be rebuilt (customersSuppliers, custSupID), VAT codes and `vat` on the
 *   VAT lines add up, invoice numbers are on the lines, every account carries its RGS code;
 * - no empty elements; a missing RSIN is refused with a Dutch error and no file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TrialBalance } from '../../../shared/api/types';
import type { Contact, FinaliseResult } from '../../../shared/api/invoiceTypes';
import { DEFAULT_RGS } from '../../../shared/rgs';
import {
  assertDistBuilt, cents, cleanupTempDirs, cliError, expectKassaError, fingerprint, openBooksSession, ROOT, runCli, simpleEntry, tempDir, type TestBooks,
} from '../helpers';
import { customer, makeInvoiceBooks, salesDraft, supplier } from '../invoices/helpers';

const XSD = path.join(ROOT, 'tests', 'fixtures', 'schemas', 'xaf', 'XmlAuditfileFinancieel3.2.xsd');
const RSIN = '002165879';

afterAll(cleanupTempDirs);

function xmllint(file: string): void {
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}

const ARRAYS = new Set(['journal', 'transaction', 'trLine', 'ledgerAccount', 'obLine', 'period', 'customerSupplier', 'vatCode', 'vat']);
const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

interface TrLine { nr: string; accID: string; amnt: string; amntTp: 'D' | 'C'; desc?: string; custSupID?: string; invRef?: string; vat?: { vatID: string; vatPerc: string; vatAmnt: string; vatAmntTp: 'D' | 'C' }[] }
interface Parsed {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  company: any;
  ledger: Map<string, { accTp: string; leadReference?: string; leadCode?: string }>;
  opening: Map<string, bigint>;
  lines: (TrLine & { trNr: string; jrnID: string })[];
}

/** The auditor's own reading of the file: fast-xml-parser, amounts as exact cents. */
function parseXaf(file: string): Parsed {
  const doc = new XMLParser({ parseTagValue: false, isArray: (name) => ARRAYS.has(name) }).parse(fs.readFileSync(file, 'utf8'));
  const company = doc.auditfile.company;
  const ledger = new Map<string, { accTp: string; leadReference?: string; leadCode?: string }>();
  for (const a of company.generalLedger.ledgerAccount) ledger.set(a.accID, a);
  const opening = new Map<string, bigint>();
  for (const l of asArray(company.openingBalance?.obLine) as { accID: string; amnt: string; amntTp: string }[]) {
    opening.set(l.accID, (opening.get(l.accID) ?? 0n) + (l.amntTp === 'D' ? cents(l.amnt) : -cents(l.amnt)));
  }
  const lines: Parsed['lines'] = [];
  for (const j of asArray(company.transactions?.journal) as { jrnID: string; transaction?: { nr: string; trLine: TrLine[] }[] }[]) {
    for (const t of asArray(j.transaction)) for (const l of t.trLine) lines.push({ ...l, trNr: t.nr, jrnID: j.jrnID });
  }
  return { company, ledger, opening, lines };
}

const signed = (l: { amnt: string; amntTp: string }) => (l.amntTp === 'D' ? cents(l.amnt) : -cents(l.amnt));

/** opening + mutations per account, read from the XAF alone. */
function auditorClosing(p: Parsed): Map<string, bigint> {
  const m = new Map(p.opening);
  for (const l of p.lines) m.set(l.accID, (m.get(l.accID) ?? 0n) + signed(l));
  return m;
}

function expectAuditorEqualsTrialBalance(p: Parsed, tb: TrialBalance, what: string): void {
  const auditor = auditorClosing(p);
  const app = new Map(tb.accounts.map((a) => [a.code, cents(a.closing)]));
  for (const code of new Set([...auditor.keys(), ...app.keys()])) {
    expect(auditor.get(code) ?? 0n, `${what}: ${code}`).toBe(app.get(code) ?? 0n);
  }
  // Opening balance: balance-sheet accounts (accTp B) only, and it balances.
  for (const [code, v] of p.opening) {
    expect(p.ledger.get(code)?.accTp, `${what}: opening line ${code} is a balance-sheet account`).toBe('B');
    expect(v, `${what}: opening of ${code} equals the trial balance`).toBe(cents(tb.accounts.find((a) => a.code === code)!.opening));
  }
  expect([...p.opening.values()].reduce((a, b) => a + b, 0n), `${what}: opening balances`).toBe(0n);
}

interface World { b: TestBooks; cust: Contact; sup: Contact; sale: FinaliseResult; purchase: FinaliseResult; sale2026: FinaliseResult }

/** VAT-liable books over 2025–2026: invoices, payments, a contact line outside any invoice. */
async function build(): Promise<World> {
  const b = await makeInvoiceBooks({ vat: 'liable', year: 2025 });
  await b.call('org.update', { rsin: RSIN });
  const cust = await customer(b, { kvk: '87654321', email: 'crediteuren@voorbeeldstad.example', vatNumber: 'NL002165879B01' });
  const sup = await supplier(b);
  await b.call('entries.post', simpleEntry('2025-01-10', '1100', '8000', '1500.00', 'Gift'));
  await b.call('entries.post', simpleEntry('2025-02-01', '4100', '1100', '450.00', 'Huur'));
  await b.call('entries.post', simpleEntry('2025-02-02', '1000', '1100', '100.00', 'Kas aanvullen'));
  const d = await b.call<{ id: number }>('invoices.saveDraft', salesDraft(cust.id, {
    issueDate: '2025-03-14', supplyDate: null,
    lines: [
      { description: 'Begeleiding bewonersavond', quantity: '3.5', unitPrice: '42.50', vatRate: '21' },
      { description: 'Koffie en thee', quantity: '12', unitPrice: '1.85', vatRate: '9' },
      { description: 'Zaalhuur (vrijgesteld)', quantity: '1', unitPrice: '75.00', vatRate: 'exempt' },
    ],
  }));
  const sale = await b.call<FinaliseResult>('invoices.finalise', { id: d.id });
  await b.call('invoices.registerPayment', { invoice: sale.id, date: '2025-04-01' });
  const pd = await b.call<{ id: number }>('invoices.saveDraft', {
    kind: 'purchase', contact: sup.id, number: 'DL-2025-88', issueDate: '2025-05-02',
    lines: [
      { description: 'Flyers', account: '4500', amount: '200.00', vat: '42.00' },
      { description: 'Boekjes', account: '4300', amount: '50.00', vat: '4.50' },
    ],
  });
  const purchase = await b.call<FinaliseResult>('invoices.finalise', { id: pd.id });
  // Paid in 2026: the payable crosses the year end.
  await b.call('entries.post', {
    date: '2025-06-01', description: 'Terugbetaling voorschot', lines: [{ account: '1100', debit: '30.00' }, { account: '8900', credit: '30.00', contact: cust.id }],
  });
  await b.call('years.openNext');
  await b.call('entries.post', simpleEntry('2026-01-15', '4000', '1000', '68.51', 'Vrijwilliger'));
  await b.call('invoices.registerPayment', { invoice: purchase.id, date: '2026-01-20' });
  const d2 = await b.call<{ id: number }>('invoices.saveDraft', salesDraft(cust.id, { issueDate: '2026-02-01', supplyDate: null, lines: [{ description: 'Workshop', quantity: '1', unitPrice: '100.00', vatRate: '21' }] }));
  const sale2026 = await b.call<FinaliseResult>('invoices.finalise', { id: d2.id });
  return { b, cust, sup, sale, purchase, sale2026 };
}

let open: World;
let out: string;

beforeAll(async () => {
  open = await build();
  out = tempDir('kassa-xaf-');
});

afterAll(() => open.b.close());

async function exportYear(b: TestBooks, year: number, name: string): Promise<Parsed> {
  const file = path.join(out, name);
  await b.call('export.xaf', { year, path: file });
  xmllint(file);
  const text = fs.readFileSync(file, 'utf8');
  expect(text.match(/<(\w+)><\/\1>|<\w+\/>/g), 'no empty elements').toBeNull();
  return parseXaf(file);
}

describe('XAF: an auditor\'s reading equals the trial balance', () => {
  test('previous year still open: opening holds balance-sheet accounts and one line for the 2025 result', async () => {
    const p = await exportYear(open.b, 2026, 'open-2026.xaf');
    const tb = await open.b.call<TrialBalance>('reports.trialBalance', { year: 2026 });
    expectAuditorEqualsTrialBalance(p, tb, '2026 (2025 open)');
    const earlier = tb.accounts.find((a) => a.kind === 'earlierResult')!;
    expect(p.opening.get('RESULTAAT-EERDER')).toBe(cents(earlier.opening));
    expect(p.ledger.get('RESULTAAT-EERDER')).toMatchObject({ accTp: 'B', leadReference: 'BEivOre' });
    // No income or expense account opens the year.
    for (const code of p.opening.keys()) expect(code, 'P&L account in the opening balance').not.toMatch(/^[48]/);
    // The 2025 result is what the app's income statement says.
    const is = await open.b.call<{ result: { current: string } }>('reports.incomeStatement', { year: 2025 });
    expect(-cents(earlier.opening)).toBe(cents(is.result.current));
  });

  test('the first year opens empty and still balances', async () => {
    const p = await exportYear(open.b, 2025, 'open-2025.xaf');
    expect(p.opening.size).toBe(0);
    expectAuditorEqualsTrialBalance(p, await open.b.call<TrialBalance>('reports.trialBalance', { year: 2025 }), '2025');
  });

  test('previous year closed: its result sits in the reserves, no earlier-result line', async () => {
    const w = await build();
    try {
      await w.b.call('yearEnd.close', { year: 2025 });
      const p = await exportYear(w.b, 2026, 'closed-2026.xaf');
      const tb = await w.b.call<TrialBalance>('reports.trialBalance', { year: 2026 });
      expect(tb.accounts.some((a) => a.kind === 'earlierResult')).toBe(false);
      expect(p.opening.has('RESULTAAT-EERDER')).toBe(false);
      expect(p.ledger.has('RESULTAAT-EERDER')).toBe(false);
      expect(p.opening.get('0590')).toBeDefined();
      expectAuditorEqualsTrialBalance(p, tb, '2026 (2025 closed)');
      // Closed or open, the balance-sheet accounts open alike; only the equity lines differ.
      const openP = await exportYear(open.b, 2026, 'open-2026b.xaf');
      for (const [code, v] of p.opening) if (!code.startsWith('05')) expect(openP.opening.get(code), code).toBe(v);
    } finally {
      w.b.close();
    }
  });
});

describe('XAF: debtors, creditors, VAT and invoices', () => {
  let p2025: Parsed;
  let p2026: Parsed;
  beforeAll(async () => {
    p2025 = await exportYear(open.b, 2025, 'details-2025.xaf');
    p2026 = await exportYear(open.b, 2026, 'details-2026.xaf');
  });

  test('customersSuppliers lists the contacts on the lines; every debtor and creditor line names one', () => {
    const parties = p2025.company.customersSuppliers.customerSupplier as { custSupID: string; custSupName: string; custSupTp: string; commerceNr?: string; taxRegIdent?: string; bankAccount?: { bankAccNr: string } }[];
    const byId = new Map(parties.map((c) => [c.custSupID, c]));
    expect(byId.get(String(open.cust.id))).toMatchObject({ custSupName: 'Gemeente Voorbeeldstad', custSupTp: 'C', commerceNr: '87654321', taxRegIdent: 'NL002165879B01' });
    expect(byId.get(String(open.sup.id))).toMatchObject({ custSupName: 'Drukkerij De Letter', custSupTp: 'S', bankAccount: { bankAccNr: 'NL02ABNA0123456789' } });
    expect(parties).toHaveLength(2);
    const control = p2025.lines.filter((l) => l.accID === '1300' || l.accID === '1400');
    expect(control.length).toBeGreaterThanOrEqual(3);
    for (const l of control) expect(l.custSupID, `${l.jrnID} ${l.trNr} ${l.accID}`).toBeDefined();
    // A line with a contact outside any invoice carries it too.
    expect(p2025.lines.find((l) => l.accID === '8900')?.custSupID).toBe(String(open.cust.id));
    // The debtor ledger rebuilt from the file: the customer owes nothing after paying.
    const owed = p2025.lines.filter((l) => l.accID === '1300' && l.custSupID === String(open.cust.id)).reduce((s, l) => s + signed(l), 0n);
    expect(owed).toBe(0n);
    // The creditor ledger: the 2025 purchase is still open at year end and paid in 2026.
    const due = p2025.lines.filter((l) => l.accID === '1400' && l.custSupID === String(open.sup.id)).reduce((s, l) => s + signed(l), 0n);
    expect(due).toBe(-cents(open.purchase.gross));
    const paid = p2026.lines.filter((l) => l.accID === '1400' && l.custSupID === String(open.sup.id)).reduce((s, l) => s + signed(l), 0n);
    expect(paid).toBe(cents(open.purchase.gross));
  });

  test('invoice numbers on the invoice lines and on the payment\'s debtor/creditor line', () => {
    const saleLines = p2025.lines.filter((l) => l.jrnID === 'VRK');
    expect(saleLines.length).toBeGreaterThanOrEqual(4);
    for (const l of saleLines) expect(l.invRef).toBe(open.sale.number);
    const payment = p2025.lines.filter((l) => l.accID === '1300' && l.amntTp === 'C');
    expect(payment.map((l) => l.invRef)).toEqual([open.sale.number]);
    expect(p2025.lines.filter((l) => l.jrnID === 'INK').every((l) => l.invRef === 'DL-2025-88')).toBe(true);
    expect(p2026.lines.filter((l) => l.accID === '1400').map((l) => l.invRef)).toEqual(['DL-2025-88']);
    // Lines of entries without an invoice have no invRef.
    expect(p2025.lines.filter((l) => l.accID === '4100').every((l) => l.invRef === undefined)).toBe(true);
  });

  test('VAT codes are declared and the vat on the VAT lines adds up to the VAT account', () => {
    const codes = (p2025.company.vatCodes.vatCode as { vatID: string; vatToPayAccID?: string; vatToClaimAccID?: string }[]).map((c) => [c.vatID, c.vatToPayAccID ?? c.vatToClaimAccID]);
    expect(codes).toEqual([['V21', '1700'], ['V9', '1700'], ['I21', '1700'], ['I9', '1700']]);
    const vatLines = p2025.lines.filter((l) => l.accID === '1700');
    for (const l of vatLines) {
      expect(l.vat, `${l.jrnID} ${l.trNr}`).toBeDefined();
      const sum = l.vat!.reduce((s, v) => s + (v.vatAmntTp === 'D' ? cents(v.vatAmnt) : -cents(v.vatAmnt)), 0n);
      expect(sum).toBe(signed(l));
    }
    const per = (id: string) => vatLines.flatMap((l) => l.vat!).filter((v) => v.vatID === id).map((v) => [v.vatPerc, v.vatAmnt, v.vatAmntTp]);
    // 3.5 × 42.50 = 148.75 at 21 % = 31.24; 12 × 1.85 = 22.20 at 9 % = 2.00; flyers 42.00 and booklets 4.50.
    expect(per('V21')).toEqual([['21', '31.24', 'C']]);
    expect(per('V9')).toEqual([['9', '2.00', 'C']]);
    expect(per('I21')).toEqual([['21', '42.00', 'D']]);
    expect(per('I9')).toEqual([['9', '4.50', 'D']]);
    // Only lines that have VAT carry it.
    expect(p2025.lines.filter((l) => l.accID !== '1700').every((l) => l.vat === undefined)).toBe(true);
    expect(p2026.company.vatCodes.vatCode.map((c: { vatID: string }) => c.vatID)).toEqual(['V21']);
  });

  test('every account carries its RGS code as leadReference; the statement line stays the leadCode', async () => {
    for (const [code, rgs] of Object.entries(DEFAULT_RGS)) expect(p2025.ledger.get(code)?.leadReference, code).toBe(rgs);
    expect(p2025.ledger.get('1000')?.leadCode).toBe('liquide');
    await open.b.call('accounts.update', { code: '4200', rgsCode: 'WBedAlkOal' });
    await open.b.call('accounts.create', { code: '4950', name: 'Zonder RGS', type: 'expense' });
    const p = await exportYear(open.b, 2025, 'rgs-2025.xaf');
    expect(p.ledger.get('4200')?.leadReference).toBe('WBedAlkOal');
    expect(p.ledger.get('4950')).toBeDefined();
    expect(p.ledger.get('4950')?.leadReference).toBeUndefined();
  });
});

describe('XAF: refused without a fiscal number', () => {
  test('no RSIN and no VAT number: a Dutch error, no file (API and CLI exit 1, file untouched)', async () => {
    const b = await makeInvoiceBooks({ year: 2026 });
    const target = path.join(tempDir(), 'zonder-rsin.xaf');
    try {
      await b.call('entries.post', simpleEntry('2026-02-01', '1100', '8000', '10.00'));
      const e = await expectKassaError(b.call('export.xaf', { year: 2026, path: target }), 'INVALID_INPUT');
      expect(e.field).toBe('rsin');
      expect(e.message).toMatch(/RSIN/);
      expect(fs.existsSync(target)).toBe(false);
      expect(fs.readdirSync(path.dirname(target))).toEqual([]);
    } finally {
      b.close();
    }
    assertDistBuilt();
    const before = fingerprint(b.file);
    const r = await runCli(['export', b.file, 'xaf', '--year', '2026', '--out', target, '--json']);
    expect(r.status).toBe(1);
    expect(cliError(r)).toMatchObject({ code: 'INVALID_INPUT' });
    expect(cliError(r).message).toMatch(/RSIN/);
    expect(fs.existsSync(target)).toBe(false);
    expect(fingerprint(b.file)).toEqual(before);
    // With the RSIN filled in the same command works.
    const again = await openBooksSession(b.file);
    await again.call('org.update', { rsin: RSIN });
    again.close();
    const ok = await runCli(['export', b.file, 'xaf', '--year', '2026', '--out', target]);
    expect(ok.status, ok.stderr).toBe(0);
    xmllint(target);
  });
});
