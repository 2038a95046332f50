/**
 * Payments and open items: posting a receipt, linking a bank entry (on 1300 or parked on 2000
 * Vraagposten), partial payments, refunds after a credit note, undoing a payment, the ageing list on
 * a date and the payment reminder PDF.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Entry, TrialBalance } from '../../../shared/api/types';
import type { CreditResult, OpenItems, PaymentResult } from '../../../shared/api/invoiceTypes';
import { cleanupTempDirs, expectKassaError } from '../helpers';
import { pdfToText } from '../../unit/invoices/helpers';
import { customer, expectNothingWritten, getInvoice, issue, makeInvoiceBooks } from './helpers';

afterAll(cleanupTempDirs);

const balance = (tb: TrialBalance, code: string) => tb.accounts.find((a) => a.code === code)?.balance ?? '0.00';

describe('registerPayment', () => {
  it('posts the receipt (debit 1100, credit 1300 with the contact): partial, then the rest', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    const f = await issue(b, c.id);
    const p1 = await b.call<PaymentResult>('invoices.registerPayment', { invoice: f.id, date: '2026-03-30', amount: '100.00' });
    expect(p1).toMatchObject({ amount: '100.00', open: '123.75', state: 'partial', bankEntry: null });
    expect(p1.entry.ref).toBe('BANK 2026-0001');
    const e = await b.call<Entry>('entries.get', { id: p1.entry.id });
    expect(e.lines.map((l) => [l.account, l.debit, l.credit, l.contact])).toEqual([
      ['1100', '100.00', null, null],
      ['1300', null, '100.00', c.id],
    ]);
    // Default amount: what is open.
    const p2 = await b.call<PaymentResult>('invoices.registerPayment', { invoice: f.id, date: '2026-04-02' });
    expect(p2).toMatchObject({ amount: '123.75', open: '0.00', state: 'paid' });
    const tb = await b.call<TrialBalance>('reports.trialBalance', {});
    expect(balance(tb, '1300')).toBe('0.00');
    expect(balance(tb, '1100')).toBe('223.75');
    const inv = await getInvoice(b, f.id);
    expect(inv.payments.map((p) => [p.date, p.amount, p.method])).toEqual([
      ['2026-03-30', '100.00', 'posted'],
      ['2026-04-02', '123.75', 'posted'],
    ]);
    // Nothing more to pay: refused, nothing written.
    await expectNothingWritten(b, () => expectKassaError(b.call('invoices.registerPayment', { invoice: f.id, date: '2026-04-03' }), 'INVALID_INPUT'));
    b.close();
  });

  it('never more than what is open, and only to a bank or cash account', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    const f = await issue(b, c.id);
    await expectNothingWritten(b, async () => {
      const e = await expectKassaError(b.call('invoices.registerPayment', { invoice: f.id, date: '2026-03-30', amount: '300.00' }), 'INVALID_INPUT');
      expect(e.field).toBe('amount');
      const e2 = await expectKassaError(b.call('invoices.registerPayment', { invoice: f.id, date: '2026-03-30', account: '8400' }), 'INVALID_INPUT');
      expect(e2.field).toBe('account');
      await expectKassaError(b.call('invoices.registerPayment', { invoice: f.id, date: '2027-01-02' }), 'NO_OPEN_YEAR');
    });
    b.close();
  });

  it('links a bank entry that already booked the money on 1300, up to what that entry holds', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    const f1 = await issue(b, c.id);
    const f2 = await issue(b, c.id, { lines: [{ description: 'Workshop', unitPrice: '50.00' }] });
    // One bank transfer pays both invoices, imported as one entry on 1300.
    const bank = await b.call<{ id: number; ref: string }>('entries.post', {
      date: '2026-04-01', description: 'Gemeente Voorbeeldstad, facturen 2026-0001 en 0002',
      lines: [{ account: '1100', debit: '273.75' }, { account: '1300', credit: '273.75', contact: c.id }],
    });
    const entriesBefore = (await b.call<{ total: number }>('entries.list', {})).total;
    const p1 = await b.call<PaymentResult>('invoices.registerPayment', { invoice: f1.id, bankEntry: bank.id });
    expect(p1).toMatchObject({ amount: '223.75', state: 'paid', entry: { id: bank.id }, bankEntry: { id: bank.id } });
    const p2 = await b.call<PaymentResult>('invoices.registerPayment', { invoice: f2.id, bankEntry: bank.id });
    expect(p2).toMatchObject({ amount: '50.00', state: 'paid' });
    expect((await b.call<{ total: number }>('entries.list', {})).total).toBe(entriesBefore); // only linked
    // The bank entry is used up now.
    const f3 = await issue(b, c.id);
    await expectNothingWritten(b, () => expectKassaError(b.call('invoices.registerPayment', { invoice: f3.id, bankEntry: bank.id }), 'INVALID_INPUT'));
    b.close();
  });

  it('a receipt parked on 2000 Vraagposten is moved to 1300 by a memorial entry', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    const f = await issue(b, c.id);
    const bank = await b.call<{ id: number }>('entries.post', {
      date: '2026-04-01', description: 'Onbekende ontvangst',
      lines: [{ account: '1100', debit: '223.75' }, { account: '2000', credit: '223.75' }],
    });
    const p = await b.call<PaymentResult>('invoices.registerPayment', { invoice: f.id, bankEntry: bank.id });
    expect(p.state).toBe('paid');
    expect(p.entry.ref).toBe('MEM 2026-0001');
    expect(p.bankEntry?.id).toBe(bank.id);
    const tb = await b.call<TrialBalance>('reports.trialBalance', {});
    expect(balance(tb, '2000')).toBe('0.00');
    expect(balance(tb, '1300')).toBe('0.00');
    b.close();
  });

  it('refuses a bank entry that is not on 1300 or 2000 (e.g. booked straight to income)', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    const f = await issue(b, c.id);
    const bank = await b.call<{ id: number }>('entries.post', {
      date: '2026-04-01', description: 'Ontvangst', lines: [{ account: '1100', debit: '223.75' }, { account: '8400', credit: '223.75' }],
    });
    await expectNothingWritten(b, async () => {
      const e = await expectKassaError(b.call('invoices.registerPayment', { invoice: f.id, bankEntry: bank.id }), 'INVALID_INPUT');
      expect(e.field).toBe('bankEntry');
    });
    b.close();
  });

  it('after a credit note on a paid invoice the money goes back: a refund, then settled', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    const f = await issue(b, c.id);
    await b.call('invoices.registerPayment', { invoice: f.id, date: '2026-03-30' });
    await b.call<CreditResult>('invoices.credit', { id: f.id, date: '2026-04-01', lines: [{ description: 'Zaalhuur vervalt', quantity: '-1', unitPrice: '75.00' }] });
    const inv = await getInvoice(b, f.id);
    expect(inv).toMatchObject({ state: 'refund', open: '-75.00' });
    const r = await b.call<PaymentResult>('invoices.registerPayment', { invoice: f.id, date: '2026-04-03' });
    expect(r).toMatchObject({ amount: '-75.00', open: '0.00', state: 'paid' });
    const e = await b.call<Entry>('entries.get', { id: r.entry.id });
    expect(e.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['1100', null, '75.00'],
      ['1300', '75.00', null],
    ]);
    b.close();
  });

  it('reversePayment undoes a posted payment with a reversal entry; the invoice is open again', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    const f = await issue(b, c.id);
    const p = await b.call<PaymentResult>('invoices.registerPayment', { invoice: f.id, date: '2026-03-30' });
    const r = await b.call<PaymentResult>('invoices.reversePayment', { payment: p.payment });
    expect(r).toMatchObject({ amount: '-223.75', open: '223.75', state: 'open' });
    const e = await b.call<Entry>('entries.get', { id: r.entry.id });
    expect(e.reversalOf).toBe(p.entry.id);
    await expectKassaError(b.call('invoices.reversePayment', { payment: p.payment }), 'ALREADY_REVERSED');
    const db = b.session.books!.sqlite;
    expect(() => db.prepare('DELETE FROM invoice_payments').run()).toThrow(/POSTED_IMMUTABLE/);
    expect(() => db.prepare('UPDATE invoice_payments SET amount_cents = 1').run()).toThrow(/POSTED_IMMUTABLE/);
    b.close();
  });
});

describe('open items', () => {
  it('lists what is open on a date, with age buckets 0–30, 31–60, 61–90 and > 90 days', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    const other = await customer(b, { name: 'Buurtvereniging Noord', oin: null });
    const dates = ['2026-01-05', '2026-03-01', '2026-04-10', '2026-05-20', '2026-06-15'];
    const ids: number[] = [];
    for (const d of dates) ids.push((await issue(b, d === '2026-03-01' ? other.id : c.id, { issueDate: d, supplyDate: null })).id);
    await b.call('invoices.registerPayment', { invoice: ids[4]!, date: '2026-06-20', amount: '23.75' });
    await b.call('invoices.registerPayment', { invoice: ids[3]!, date: '2026-06-25' });

    const o = await b.call<OpenItems>('invoices.openItems', { date: '2026-06-20' });
    expect(o.items.map((i) => [i.issueDate, i.ageDays, i.bucket, i.open])).toEqual([
      ['2026-01-05', 166, '90+', '223.75'],
      ['2026-03-01', 111, '90+', '223.75'],
      ['2026-04-10', 71, '61-90', '223.75'],
      ['2026-05-20', 31, '31-60', '223.75'], // paid on 25 June: still open on 20 June
      ['2026-06-15', 5, '0-30', '200.00'],
    ]);
    expect(o.items[0]!.daysOverdue).toBe(136);
    expect(o.buckets.map((x) => [x.bucket, x.count, x.open])).toEqual([
      ['0-30', 1, '200.00'],
      ['31-60', 1, '223.75'],
      ['61-90', 1, '223.75'],
      ['90+', 2, '447.50'],
    ]);
    expect(o.total).toBe('1095.00');
    // Before the first invoice nothing was open; after the June 25 payment one fewer.
    expect((await b.call<OpenItems>('invoices.openItems', { date: '2026-01-01' })).items).toEqual([]);
    expect((await b.call<OpenItems>('invoices.openItems', { date: '2026-06-30' })).items).toHaveLength(4);
    expect((await b.call<OpenItems>('invoices.openItems', { date: '2026-06-30', contact: other.id })).items).toHaveLength(1);
    b.close();
  });

  it('a payment reminder PDF lists a customer\'s open invoices with the total and the QR payment text', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    await issue(b, c.id, { issueDate: '2026-01-05', supplyDate: null });
    const f2 = await issue(b, c.id, { issueDate: '2026-02-05', supplyDate: null });
    await b.call('invoices.registerPayment', { invoice: f2.id, date: '2026-02-20', amount: '200.00' });
    const out = path.join(b.dir, 'herinnering.pdf');
    const r = await b.call<{ path: string; invoices: number; total: string }>('invoices.reminderPdf', { contact: c.id, path: out, date: '2026-04-01' });
    expect(r).toMatchObject({ invoices: 2, total: '247.50' });
    const t = pdfToText(fs.readFileSync(out));
    for (const s of ['Betalingsherinnering', '2026-0001', '2026-0002', '€ 223,75', '€ 23,75', '€ 247,50', 'Gemeente Voorbeeldstad', 'NL91 ABNA 0417 1643 00']) {
      expect(t).toContain(s);
    }
    // Nothing open: a reminder is refused in Dutch.
    const paidUp = await customer(b, { name: 'Betaalt Altijd' });
    await expectKassaError(b.call('invoices.reminderPdf', { contact: paidUp.id, path: path.join(b.dir, 'x.pdf') }), 'INVALID_INPUT');
    expect(fs.existsSync(path.join(b.dir, 'x.pdf'))).toBe(false);
    b.close();
  });
});
