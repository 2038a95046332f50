/**
 * Issue 5, paying volunteers by SEPA batch: pain.001.001.03 for approved (unpaid) payments,
 * validated with xmllint against the ISO 20022 schema, and the payout booking (1500 -> bank).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { today } from '../../../electron/books/clock';
import { monthTotalsProblems } from '../../../electron/books/volunteers/overview';
import { cleanupTempDirs, expectKassaError, tempDir, type TestBooks } from '../helpers';
import { booksOf, counts, expectNothingWritten, FATIMA, IBAN_ORG, JAN, readOnlyDir, volunteerBooks, ZOE } from './helpers';

const XSD = path.resolve(__dirname, '../../fixtures/schemas/sepa/pain.001.001.03.xsd');
const TODAY = today();
const Y = Number(TODAY.slice(0, 4));
const MONTH = TODAY.slice(0, 7);

afterAll(() => cleanupTempDirs());

function xmllint(file: string): { ok: boolean; output: string } {
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD, file], { encoding: 'utf8' });
  if (r.error) throw new Error('xmllint is missing: apt-get install -y libxml2-utils');
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

interface Setup {
  t: TestBooks;
  dir: string;
  ids: number[];
  persons: { fatima: number; jan: number; zoe: number };
}

async function setup(): Promise<Setup> {
  const t = await volunteerBooks({ year: Y });
  const dir = tempDir('kassa-sepa-');
  const fatima = (await t.call('persons.create', FATIMA)).id;
  const jan = (await t.call('persons.create', JAN)).id;
  const zoe = (await t.call('persons.create', ZOE)).id;
  const pay = async (person: number, amount: string, kind: string, description: string) =>
    (await t.call('volunteers.pay', { person, date: `${MONTH}-01`, amount, kind, description, payFrom: 'payable' })).payment.id as number;
  const ids = [
    await pay(fatima, '95.00', 'fee', 'Koken & schoonmaken'),
    await pay(jan, '12.34', 'reimbursement', 'Parkeren (bon #12)'),
    await pay(zoe, '150.00', 'fee', 'Taalcafé — “extra” uren'),
  ];
  return { t, dir, ids, persons: { fatima, jan, zoe } };
}

describe('volunteers.sepa', () => {
  it('writes a pain.001.001.03 that validates against the XSD, then books the payout as one entry', async () => {
    const { t, dir, ids } = await setup();
    const file = path.join(dir, 'vrijwilligers.xml');
    const r = await t.call('volunteers.sepa', { paymentIds: ids, executionDate: TODAY, debtorAccount: '1100', path: file });
    expect(r).toMatchObject({ path: file, count: 3, total: '257.34', paidEntry: null });
    expect(r.messageId).toMatch(/^KASSA-VRW-\d{14}-1$/);
    const v = xmllint(file);
    expect(v.ok, v.output).toBe(true);

    const doc = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(fs.readFileSync(file, 'utf8'));
    const root = doc.Document.CstmrCdtTrfInitn;
    expect(root.GrpHdr).toMatchObject({ MsgId: r.messageId, NbOfTxs: '3', CtrlSum: '257.34', InitgPty: { Nm: 'Stichting Buurtkracht' } });
    const pmt = root.PmtInf;
    expect(pmt).toMatchObject({ PmtMtd: 'TRF', BtchBookg: 'true', ReqdExctnDt: TODAY, ChrgBr: 'SLEV', DbtrAcct: { Id: { IBAN: IBAN_ORG } } });
    const txs = pmt.CdtTrfTxInf;
    expect(txs.map((x: { Cdtr: { Nm: string } }) => x.Cdtr.Nm)).toEqual(['Fatima El Amrani', 'Jan de Vries', 'Zoe Ozturk-Celik en Co']);
    expect(txs.map((x: { Amt: { InstdAmt: { '#text': string; '@_Ccy': string } } }) => [x.Amt.InstdAmt['#text'], x.Amt.InstdAmt['@_Ccy']])).toEqual([
      ['95.00', 'EUR'], ['12.34', 'EUR'], ['150.00', 'EUR'],
    ]);
    expect(txs.map((x: { PmtId: { EndToEndId: string } }) => x.PmtId.EndToEndId)).toEqual(ids.map((id) => `VRW-${id}`));
    for (const x of txs) expect(x.RmtInf.Ustrd).toMatch(/^[A-Za-z0-9/\-?:().,'+ ]+$/);
    expect(txs[0].RmtInf.Ustrd).toContain('Koken en schoonmaken');

    // Exported, not yet paid: the treasurer still has to upload it to the bank.
    const listed = await t.call('volunteers.payments', { year: Y, status: 'approved' });
    expect(listed.map((p: { sepaBatch: number }) => p.sepaBatch)).toEqual([r.batch, r.batch, r.batch]);

    // The same payments again: refused, unless asked on purpose.
    await expectNothingWritten(t, async () => {
      const e = await expectKassaError(t.call('volunteers.sepa', { paymentIds: [ids[1]], executionDate: TODAY, debtorAccount: '1100', path: path.join(dir, 'again.xml') }), 'CONFLICT');
      expect(e.message).toContain(r.messageId);
    });
    expect(fs.existsSync(path.join(dir, 'again.xml'))).toBe(false);
    const again = await t.call('volunteers.sepa', { paymentIds: [ids[1]], executionDate: TODAY, debtorAccount: '1100', path: path.join(dir, 'again.xml'), again: true });
    expect(again.batch).toBe(r.batch + 1);
    expect(xmllint(again.path).ok).toBe(true);

    // The bank executed it: one payout entry for the whole batch.
    const paid = await t.call('volunteers.markPaid', { batch: r.batch, date: TODAY, account: '1100' });
    expect(paid).toMatchObject({ count: 2, total: '245.00' }); // Jan's payment moved to the second file
    const entry = await t.call('entries.get', { id: paid.entry.id });
    expect(entry.lines.map((l: { account: string; debit: string | null; credit: string | null }) => [l.account, l.debit, l.credit])).toEqual([
      ['1500', '95.00', null], ['1500', '150.00', null], ['1100', null, '245.00'],
    ]);
    expect(entry.description).toContain(r.messageId);
    const paid2 = await t.call('volunteers.markPaid', { batch: again.batch, date: TODAY, account: '1100' });
    expect(paid2.total).toBe('12.34');
    const tb = await t.call('reports.trialBalance', { year: Y });
    expect(tb.accounts.find((a: { code: string }) => a.code === '1500')?.balance ?? '0.00').toBe('0.00');
    expect((await t.call('volunteers.payments', { year: Y })).every((p: { status: string; paidDate: string }) => p.status === 'paid' && p.paidDate === TODAY)).toBe(true);

    // Paid payments cannot be exported or paid again.
    await expectNothingWritten(t, async () => {
      await expectKassaError(t.call('volunteers.sepa', { paymentIds: [ids[0]], executionDate: TODAY, debtorAccount: '1100', path: path.join(dir, 'x.xml'), again: true }), 'CONFLICT');
      await expectKassaError(t.call('volunteers.markPaid', { batch: r.batch, date: TODAY, account: '1100' }), 'CONFLICT');
      await expectKassaError(t.call('volunteers.markPaid', { paymentIds: [ids[0]], date: TODAY, account: '1100' }), 'CONFLICT');
      // and a payment that was paid out later cannot be cancelled
      await expectKassaError(t.call('volunteers.cancel', { id: ids[0] }), 'INVALID_INPUT');
    });
    expect((await t.call('audit.verify')).ok).toBe(true);
    expect(monthTotalsProblems(booksOf(t))).toEqual([]);
    expect((await t.call('volunteers.overview', { year: Y })).totals.unpaid).toBe('0.00');
  });

  it('books the payout at once with markPaid', async () => {
    const { t, dir, ids } = await setup();
    const r = await t.call('volunteers.sepa', { paymentIds: ids, executionDate: TODAY, debtorAccount: '1100', path: path.join(dir, 'b.xml'), markPaid: true });
    expect(r.paidEntry.ref).toMatch(/^BANK/);
    expect(counts(t).paid).toBe(3);
  });

  it('refuses bad input, writing neither the file nor any row', async () => {
    const { t, dir, ids, persons } = await setup();
    await t.call('accounts.create', { code: '1120', name: 'Tweede bank', type: 'asset', kind: 'bank' });
    const direct = (await t.call('volunteers.pay', { person: persons.jan, date: `${MONTH}-02`, amount: '5.00', kind: 'reimbursement', description: 'Direct', payFrom: '1100' })).payment.id;
    const noIban = (await t.call('persons.create', { name: 'Zonder Rekening', benefit: 'none' })).id;
    const noIbanPay = (await t.call('volunteers.pay', { person: noIban, date: `${MONTH}-02`, amount: '5.00', kind: 'fee', description: 'X', payFrom: 'payable' })).payment.id;
    const file = path.join(dir, 'bad.xml');
    const base = { paymentIds: ids, executionDate: TODAY, debtorAccount: '1100', path: file };
    const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const cases: [unknown, string, string][] = [
      [{ ...base, executionDate: yesterday }, 'INVALID_INPUT', 'executionDate'],
      [{ ...base, debtorAccount: '1000' }, 'INVALID_INPUT', 'debtorAccount'],
      [{ ...base, debtorAccount: '1120' }, 'INVALID_INPUT', 'debtorAccount'], // no IBAN on the account
      [{ ...base, debtorAccount: '9999' }, 'UNKNOWN_ACCOUNT', 'debtorAccount'],
      [{ ...base, paymentIds: [ids[0], 4242] }, 'NOT_FOUND', 'paymentIds.1'],
      [{ ...base, paymentIds: [ids[0], ids[0]] }, 'INVALID_INPUT', 'paymentIds.1'],
      [{ ...base, paymentIds: [direct] }, 'CONFLICT', 'paymentIds.0'], // paid straight from the bank
      [{ ...base, paymentIds: [ids[0], noIbanPay] }, 'INVALID_INPUT', 'paymentIds.1'],
      [{ ...base, paymentIds: [] }, 'INVALID_INPUT', 'paymentIds'],
      [{ ...base, path: path.join(dir, 'nope', 'x.xml') }, 'FILE_NOT_FOUND', 'path'],
    ];
    await expectNothingWritten(t, async () => {
      for (const [input, code, field] of cases) {
        const e = await expectKassaError(t.call('volunteers.sepa', input), code);
        expect(e.field, e.message).toBe(field);
      }
      const e = await expectKassaError(t.call('volunteers.markPaid', { paymentIds: ids, date: `${MONTH}-01`, account: '4100' }), 'INVALID_INPUT');
      expect(e.field).toBe('account');
      await expectKassaError(t.call('volunteers.markPaid', { paymentIds: ids, batch: 1, date: TODAY, account: '1100' }), 'INVALID_INPUT');
      await expectKassaError(t.call('volunteers.markPaid', { batch: 77, date: TODAY, account: '1100' }), 'NOT_FOUND');
      await expectKassaError(t.call('volunteers.markPaid', { paymentIds: ids, date: `${Y - 1}-12-31`, account: '1100' }), 'NO_OPEN_YEAR');
    });
    expect(fs.readdirSync(dir)).toEqual([]);
    // A file that cannot be written rolls the batch back.
    const ro = readOnlyDir(tempDir('kassa-ro-'));
    expect(ro, 'no read-only folder to test with').not.toBeNull();
    await expectNothingWritten(t, () => expectKassaError(t.call('volunteers.sepa', { ...base, path: path.join(ro!, 'x.xml') }), 'READ_ONLY'));
    expect(booksOf(t).raw('SELECT COUNT(*) AS n FROM volunteer_sepa_batches').get()).toEqual({ n: 0 });
  });
});
