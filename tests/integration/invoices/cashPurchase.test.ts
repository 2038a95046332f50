/**
 * A purchase paid on the spot (cash from the kas, or the PIN card). "Paid from" is a fact of the
 * draft (issues 16/18): saved with it, read back when the draft is reopened, and used by finalising,
 * which books the purchase with its payment and no due date. Such an invoice is never "te laat" —
 * not as a draft, not in the list, the invoice, the overdue filter or the open items, even when its
 * payment is reversed later. Bad input writes nothing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../../shared/api/types';
import type { FinaliseResult, InvoiceList, OpenItems, PaymentResult, SaveDraftResult } from '../../../shared/api/invoiceTypes';
import { ageOf, isOverdue } from '../../../shared/rules/openItems';
import { cleanupTempDirs, expectKassaError } from '../helpers';
import { expectNothingWritten, getInvoice, makeInvoiceBooks, salesDraft, customer, supplier } from './helpers';

afterAll(cleanupTempDirs);

const cashPurchase = (contact: number, extra: Record<string, unknown> = {}) => ({
  kind: 'purchase',
  contact,
  number: 'Bon 0815',
  issueDate: '2026-03-10',
  lines: [{ description: 'Koffie en koekjes buurtavond', account: '4200', amount: '23.45' }],
  ...extra,
});

describe('the overdue rule', () => {
  it('no due date is never overdue; a due date in the past with money open is', () => {
    expect(isOverdue({ openCents: 2345, dueDate: null }, '2030-01-01')).toBe(false);
    expect(isOverdue({ openCents: 2345, dueDate: '2026-04-09' }, '2026-04-10')).toBe(true);
    expect(isOverdue({ openCents: 2345, dueDate: '2026-04-09' }, '2026-04-09')).toBe(false);
    expect(isOverdue({ openCents: 0, dueDate: '2026-04-09' }, '2026-05-01')).toBe(false);
    expect(ageOf({ issueDate: '2026-03-10', dueDate: null }, '2026-06-10')).toMatchObject({ daysOverdue: 0, ageDays: 92 });
  });
});

describe('a purchase paid on the spot', () => {
  it('keeps "paid from the kas" with the draft; finalising later books it paid, without a due date, never late', async () => {
    const b = await makeInvoiceBooks();
    const s = await supplier(b, { name: 'Supermarkt Hoek' });
    const d = await b.call<SaveDraftResult>('invoices.saveDraft', cashPurchase(s.id, { paidFrom: '1000' }));
    expect(d.paidFrom).toBe('1000');
    // Reopened (another session of the editor): the choice is still there, and nothing is due.
    expect(await getInvoice(b, d.id)).toMatchObject({ status: 'draft', paidFrom: '1000', dueDate: null, overdue: false });
    const drafts = await b.call<InvoiceList>('invoices.list', { kind: 'purchase', status: 'draft' });
    expect(drafts.items.map((i) => [i.paidFrom, i.dueDate, i.overdue])).toEqual([['1000', null, false]]);
    // Saved again as it came back: still paid from the kas.
    const again = await b.call<SaveDraftResult>('invoices.saveDraft', cashPurchase(s.id, { id: d.id, paidFrom: '1000', note: 'Met bon' }));
    expect(again.paidFrom).toBe('1000');

    const f = await b.call<FinaliseResult>('invoices.finalise', { id: d.id });
    expect(f.dueDate).toBeNull();
    const inv = await getInvoice(b, d.id);
    expect(inv).toMatchObject({ dueDate: null, paidFrom: '1000', state: 'paid', open: '0.00', overdue: false });
    const list = await b.call<InvoiceList>('invoices.list', { kind: 'purchase' });
    expect(list.items.map((i) => [i.state, i.overdue, i.dueDate])).toEqual([['paid', false, null]]);
    // The payment is a kas entry on the invoice date: debit 1400, credit 1000.
    const entries = await b.call<{ items: Entry[] }>('entries.list', { account: '1000' });
    expect(entries.items.map((e) => [e.date, e.lines.map((l) => [l.account, l.debit, l.credit])])).toEqual([
      ['2026-03-10', [['1000', null, '23.45'], ['1400', '23.45', null]]],
    ]);
    // Its payment reversed much later: money is open again, but it never turns "te laat".
    const paymentId = (b.session.books!.sqlite.prepare('SELECT id FROM invoice_payments WHERE invoice_id = ?').get(d.id) as { id: number }).id;
    await b.call<PaymentResult>('invoices.reversePayment', { payment: paymentId, date: '2026-09-01' });
    const late = await b.call<InvoiceList>('invoices.list', { kind: 'purchase', status: 'overdue' });
    expect(late.items).toEqual([]);
    const open = await b.call<OpenItems>('invoices.openItems', { kind: 'purchase', date: '2026-12-31' });
    expect(open.items.map((i) => [i.open, i.dueDate, i.daysOverdue])).toEqual([['23.45', null, 0]]);
    expect((await getInvoice(b, d.id)).overdue).toBe(false);
    b.close();
  });

  it('saved again without it, the draft is to be paid later: it gets a due date and can be late (the control case)', async () => {
    const b = await makeInvoiceBooks();
    const s = await supplier(b);
    const d = await b.call<SaveDraftResult>('invoices.saveDraft', cashPurchase(s.id, { paidFrom: '1100' }));
    const later = await b.call<SaveDraftResult>('invoices.saveDraft', cashPurchase(s.id, { id: d.id, dueDate: '2026-04-09' }));
    expect(later.paidFrom).toBeNull();
    expect((await getInvoice(b, d.id)).paidFrom).toBeNull();
    const f = await b.call<FinaliseResult>('invoices.finalise', { id: d.id });
    expect(f.dueDate).toBe('2026-04-09');
    expect((await getInvoice(b, d.id)).payments).toEqual([]);
    const open = await b.call<OpenItems>('invoices.openItems', { kind: 'purchase', date: '2026-04-19' });
    expect(open.items.map((i) => [i.dueDate, i.daysOverdue])).toEqual([['2026-04-09', 10]]);
    b.close();
  });

  it('refuses an account that is no kas or bank, a due date beside it, and a sales invoice "paid on the spot"; nothing written', async () => {
    const b = await makeInvoiceBooks();
    const s = await supplier(b);
    await expectNothingWritten(b, async () => {
      const e = await expectKassaError(b.call('invoices.saveDraft', cashPurchase(s.id, { paidFrom: '4300' })), 'INVALID_INPUT');
      expect(e.field).toBe('paidFrom');
      expect(e.message).toMatch(/geen kas of bankrekening/);
      const due = await expectKassaError(b.call('invoices.saveDraft', cashPurchase(s.id, { paidFrom: '1000', dueDate: '2026-04-09' })), 'INVALID_INPUT');
      expect(due.field).toBe('dueDate');
      expect(due.message).toMatch(/al betaald en heeft dus geen vervaldatum/);
    });
    // An existing draft keeps what it had when such a save is refused.
    const d = await b.call<SaveDraftResult>('invoices.saveDraft', cashPurchase(s.id));
    await expectNothingWritten(b, async () => {
      await expectKassaError(b.call('invoices.saveDraft', cashPurchase(s.id, { id: d.id, paidFrom: '8000', note: 'nee' })), 'INVALID_INPUT');
    });
    expect(await getInvoice(b, d.id)).toMatchObject({ status: 'draft', paidFrom: null, note: null });

    const c = await customer(b);
    await expectNothingWritten(b, async () => {
      const e = await expectKassaError(b.call('invoices.saveDraft', salesDraft(c.id, { paidFrom: '1000' })), 'INVALID_INPUT');
      expect(e.field).toBe('paidFrom');
      expect(e.message).toMatch(/Alleen een inkoopfactuur/);
    });
    b.close();
  });

  it('checks the account again when finalising: archived since the draft was saved, nothing is booked', async () => {
    const b = await makeInvoiceBooks();
    const s = await supplier(b);
    await b.call('accounts.create', { code: '1010', name: 'Kas buurtfeest', type: 'asset', kind: 'cash' });
    const d = await b.call<SaveDraftResult>('invoices.saveDraft', cashPurchase(s.id, { paidFrom: '1010' }));
    await b.call('accounts.archive', { code: '1010' });
    await expectNothingWritten(b, async () => {
      const e = await expectKassaError(b.call('invoices.finalise', { id: d.id }), 'ACCOUNT_ARCHIVED');
      expect(e.field).toBe('paidFrom');
    });
    expect((await getInvoice(b, d.id)).status).toBe('draft');
    b.close();
  });
});
