/**
 * Issue 5: persons and volunteer payments through dispatch(), on real SQLite files. The limits are
 * checked BEFORE saving; a blocked or bad payment writes nothing (every row count stays the same).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { AS_WAGES_CONFIRMATION } from '../../../shared/api/volunteers';
import { cleanupTempDirs, expectDutch, expectKassaError, type TestBooks } from '../helpers';
import { monthTotalsProblems } from '../../../electron/books/volunteers/overview';
import { booksOf, counts, expectNothingWritten, FATIMA, IBAN_B, JAN, volunteerBooks, ZOE } from './helpers';

afterAll(() => cleanupTempDirs());

/** formatEuro puts a non-breaking space after the euro sign. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

// 2026: € 5,75 / € 3,40 per hour (21+), € 220 per month, € 2.200 per year.

async function withFatima(): Promise<{ t: TestBooks; id: number }> {
  const t = await volunteerBooks({ year: 2026 });
  const p = await t.call('persons.create', FATIMA);
  return { t, id: p.id };
}

describe('persons', () => {
  it('creates, lists, updates and archives a person', async () => {
    const t = await volunteerBooks();
    const p = await t.call('persons.create', { ...FATIMA, iban: 'nl02 abna 0123 4567 89', postcode: '3083 ab' });
    expect(p).toMatchObject({ name: 'Fatima El Amrani', birthDate: '1980-05-31', iban: 'NL02ABNA0123456789', postcode: '3083 AB', benefit: 'bijstand', archived: false, alsoPaidOrInvoices: false });
    const j = await t.call('persons.create', { name: '  Jan de Vries ', benefit: 'none', street: '' });
    expect(j.name).toBe('Jan de Vries');
    expect(j.street).toBeNull();
    expect((await t.call('persons.list')).map((x: { name: string }) => x.name)).toEqual(['Fatima El Amrani', 'Jan de Vries']);
    expect((await t.call('persons.list', { search: 'jan' })).map((x: { name: string }) => x.name)).toEqual(['Jan de Vries']);
    expect(await t.call('persons.list', { search: '%' })).toEqual([]);

    const u = await t.call('persons.update', { id: p.id, iban: null, benefit: 'uwv', alsoPaidOrInvoices: true });
    expect(u).toMatchObject({ iban: null, benefit: 'uwv', alsoPaidOrInvoices: true, birthDate: '1980-05-31', name: 'Fatima El Amrani' });

    await t.call('persons.archive', { id: j.id });
    expect((await t.call('persons.list')).map((x: { id: number }) => x.id)).toEqual([p.id]);
    expect(await t.call('persons.list', { includeArchived: true })).toHaveLength(2);
    expect((await t.call('persons.archive', { id: j.id, archived: false })).archived).toBe(false);
    const audit = booksOf(t).raw(`SELECT action FROM audit_log WHERE entity = 'person' ORDER BY id`).all() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['persons.create', 'persons.create', 'persons.update', 'persons.archive', 'persons.unarchive']);
  });

  it('refuses an IBAN that fails mod-97, a future birth date and a bad benefit, writing nothing', async () => {
    const t = await volunteerBooks();
    const p = await t.call('persons.create', JAN);
    await expectNothingWritten(t, async () => {
      const e1 = await expectKassaError(t.call('persons.create', { ...FATIMA, iban: 'NL91ABNA0417164301' }), 'INVALID_INPUT');
      expect(e1.field).toBe('iban');
      const e2 = await expectKassaError(t.call('persons.update', { id: p.id, iban: 'NL03ABNA0123456789' }), 'INVALID_INPUT');
      expect(e2.field).toBe('iban');
      const e3 = await expectKassaError(t.call('persons.create', { ...FATIMA, birthDate: '2999-01-01' }), 'INVALID_INPUT');
      expect(e3.field).toBe('birthDate');
      const e4 = await expectKassaError(t.call('persons.create', { ...FATIMA, benefit: 'ww' }), 'INVALID_INPUT');
      expect(e4.field).toBe('benefit');
      const e5 = await expectKassaError(t.call('persons.create', { ...FATIMA, name: '   ' }), 'INVALID_INPUT');
      expect(e5.field).toBe('name');
      const e6 = await expectKassaError(t.call('persons.update', { id: 999, name: 'X' }), 'NOT_FOUND');
      expect(e6.field).toBe('id');
      await expectKassaError(t.call('persons.create', { ...FATIMA, email: 'geen-mail' }), 'INVALID_INPUT');
    });
  });
});

describe('volunteers.check and volunteers.pay', () => {
  it('shows the totals and what is left before saving, then books fee and reimbursement', async () => {
    const { t, id } = await withFatima();
    const before = await t.call('volunteers.check', { person: id, date: '2026-03-10', kind: 'fee' });
    expect(before.status).toBe('warn'); // bijstand: report every payment
    expect(before.blocks).toEqual([]);
    expect(before.totals).toEqual({ month: '0.00', year: '0.00', monthLeft: '220.00', yearLeft: '2200.00', monthAfter: '0.00', yearAfter: '0.00' });
    expect(before.maxAmount).toBe('220.00');
    expect(before.limits).toMatchObject({ year: 2026, exact: true, perMonth: '220.00', perYear: '2200.00', perHourAdult: '5.75', origin: 'builtin' });
    expect(before.warnings.map((w: { code: string }) => w.code)).toContain('BENEFIT_REPORT');
    for (const w of before.warnings) expectDutch(w.message);

    const r1 = await t.call('volunteers.pay', {
      person: id, date: '2026-03-10', periodFrom: '2026-03-01', periodTo: '2026-03-07', hours: '10', amount: '50.00', kind: 'fee',
      description: 'Koken buurthuis week 10', payFrom: '1100',
    });
    expect(r1.payment).toMatchObject({ status: 'paid', amount: '50.00', hours: '10', kind: 'fee', payFrom: '1100', personName: 'Fatima El Amrani', asWages: false, periodFrom: '2026-03-01' });
    expect(r1.payment.paidEntryId).toBe(r1.entry.id);
    expect(r1.entry.ref).toMatch(/^BANK/);
    expect(r1.warnings.map((w: { code: string }) => w.code)).toContain('BENEFIT_REPORT');
    expect(r1.totals).toMatchObject({ month: '0.00', monthAfter: '50.00', yearAfter: '50.00' });
    const e1 = await t.call('entries.get', { id: r1.entry.id });
    expect(e1.source).toBe('volunteer');
    expect(e1.lines).toEqual([
      expect.objectContaining({ account: '4000', debit: '50.00', credit: null, person: id }),
      expect.objectContaining({ account: '1100', debit: null, credit: '50.00', person: id }),
    ]);

    const r2 = await t.call('volunteers.pay', {
      person: id, date: '2026-03-12', amount: '30.00', kind: 'reimbursement', description: 'Boodschappen (bon)', payFrom: 'payable',
    });
    expect(r2.payment).toMatchObject({ status: 'approved', payFrom: '1500', paidEntryId: null });
    expect(r2.entry.ref).toMatch(/^MEM/);
    const e2 = await t.call('entries.get', { id: r2.entry.id });
    expect(e2.lines.map((l: { account: string }) => l.account)).toEqual(['4010', '1500']);

    // The reimbursement counts, because she also gets a fee this year.
    const after = await t.call('volunteers.check', { person: id, date: '2026-03-20', kind: 'fee', amount: '10.00' });
    expect(after.totals).toMatchObject({ month: '80.00', year: '80.00', monthLeft: '140.00', yearLeft: '2120.00', monthAfter: '90.00' });
    expect(after.reimbursementsCount).toBe(true);
    expect(after.maxAmount).toBe('140.00');

    const list = await t.call('volunteers.payments', { year: 2026, person: id });
    expect(list.map((p: { amount: string }) => p.amount)).toEqual(['50.00', '30.00']);
    expect(await t.call('volunteers.payments', { year: 2026, status: 'approved' })).toHaveLength(1);
    expect(await t.call('volunteers.payments', { year: 2025 })).toEqual([]);
    const tb = await t.call('reports.trialBalance', { year: 2026 });
    const bal = (code: string) => tb.accounts.find((a: { code: string }) => a.code === code)?.balance;
    expect(bal('4000')).toBe('50.00');
    expect(bal('4010')).toBe('30.00');
    expect(bal('1500')).toBe('-30.00');
    expect((await t.call('audit.verify')).ok).toBe(true);
  });

  it('blocks a payment over the monthly maximum with the Dutch explanation and writes nothing', async () => {
    const { t, id } = await withFatima();
    await t.call('volunteers.pay', { person: id, date: '2026-03-05', amount: '120.00', kind: 'fee', description: 'Inzet maart deel 1', payFrom: '1100' });
    await t.call('volunteers.pay', { person: id, date: '2026-03-19', amount: '80.00', kind: 'fee', description: 'Inzet maart deel 2', payFrom: '1000' });
    const check = await t.call('volunteers.check', { person: id, date: '2026-03-26', kind: 'fee', amount: '50.00' });
    expect(check.status).toBe('blocked');
    expect(check.blocks.map((b: { code: string }) => b.code)).toEqual(['MONTH_LIMIT']);
    expect(check.totals).toMatchObject({ month: '200.00', monthLeft: '20.00', monthAfter: '250.00' });

    await expectNothingWritten(t, async () => {
      const e = await expectKassaError(
        t.call('volunteers.pay', { person: id, date: '2026-03-26', amount: '50.00', kind: 'fee', description: 'Inzet maart deel 3', payFrom: '1100' }),
        'LIMIT_EXCEEDED',
      );
      expect(e.field).toBe('amount');
      expect(e.message).toContain('maart 2026');
      expect(plain(e.message)).toContain('€ 220,00');
      expect(e.message).toContain('Wat kunt u doen?');
      expect(plain(e.message)).toContain('€ 20,00');
      expect((e.details as { reason: string }).reason).toBe('MONTH_LIMIT');
    });
    // Exactly what is left still fits.
    const ok = await t.call('volunteers.pay', { person: id, date: '2026-03-26', amount: '20.00', kind: 'fee', description: 'Inzet maart deel 3', payFrom: '1100' });
    expect(ok.totals.monthAfter).toBe('220.00');
    // A reimbursement now counts too: blocked.
    await expectKassaError(
      t.call('volunteers.pay', { person: id, date: '2026-03-27', amount: '5.00', kind: 'reimbursement', description: 'Bus', payFrom: '1000' }),
      'LIMIT_EXCEEDED',
    );
  });

  it('blocks the hourly limit and the yearly limit', async () => {
    const { t, id } = await withFatima();
    await expectNothingWritten(t, async () => {
      const e = await expectKassaError(
        t.call('volunteers.pay', { person: id, date: '2026-02-01', hours: '10', amount: '60.00', kind: 'fee', description: 'Te hoog per uur', payFrom: '1100' }),
        'LIMIT_EXCEEDED',
      );
      expect(plain(e.message)).toContain('€ 5,75');
      expect(plain(e.message)).toContain('€ 57,50');
      expect((e.details as { reason: string }).reason).toBe('HOUR_LIMIT');
    });
    for (let m = 1; m <= 10; m++) {
      await t.call('volunteers.pay', { person: id, date: `2026-${String(m).padStart(2, '0')}-15`, amount: '210.00', kind: 'fee', description: `Inzet maand ${m}`, payFrom: 'payable' });
    }
    const c = await t.call('volunteers.check', { person: id, date: '2026-11-15', kind: 'fee', amount: '150.00' });
    expect(c.blocks.map((b: { code: string }) => b.code)).toEqual(['YEAR_LIMIT']);
    expect(c.totals.yearLeft).toBe('100.00');
    await expectNothingWritten(t, () =>
      expectKassaError(t.call('volunteers.pay', { person: id, date: '2026-11-15', amount: '150.00', kind: 'fee', description: 'November', payFrom: '1100' }), 'LIMIT_EXCEEDED'),
    );
    const near = await t.call('volunteers.pay', { person: id, date: '2026-11-15', amount: '100.00', kind: 'fee', description: 'November', payFrom: '1100' });
    expect(near.warnings.map((w: { code: string }) => w.code)).toContain('YEAR_80');
  });

  it('pays as wages only with the explicit confirmation; wages do not count', async () => {
    const { t, id } = await withFatima();
    await t.call('volunteers.pay', { person: id, date: '2026-04-02', amount: '200.00', kind: 'fee', description: 'April', payFrom: '1100' });
    const input = { person: id, date: '2026-04-20', amount: '300.00', kind: 'fee', description: 'Extra klus april', payFrom: '1100', asWages: true };
    await expectNothingWritten(t, async () => {
      const e = await expectKassaError(t.call('volunteers.pay', input), 'INVALID_INPUT');
      expect(e.field).toBe('confirmWages');
      expect(e.message).toContain(AS_WAGES_CONFIRMATION);
      await expectKassaError(t.call('volunteers.pay', { ...input, confirmWages: 'ja' }), 'INVALID_INPUT');
    });
    const r = await t.call('volunteers.pay', { ...input, confirmWages: AS_WAGES_CONFIRMATION.toUpperCase() + '.' });
    expect(r.payment).toMatchObject({ asWages: true, wagesConfirmation: AS_WAGES_CONFIRMATION });
    expect(r.warnings.map((w: { code: string }) => w.code)).toContain('AS_WAGES');
    const c = await t.call('volunteers.check', { person: id, date: '2026-04-25', kind: 'fee' });
    expect(c.totals.month).toBe('200.00');
    const ov = await t.call('volunteers.overview', { year: 2026 });
    expect(ov.persons[0]).toMatchObject({ total: '200.00', asWages: '300.00', fee: '200.00' });
  });

  it('refuses bad input with a clear Dutch error and the field, writing nothing', async () => {
    const t = await volunteerBooks({ year: 2025 });
    const fatima = (await t.call('persons.create', FATIMA)).id;
    const zoe = (await t.call('persons.create', ZOE)).id;
    await t.call('volunteers.pay', { person: fatima, date: '2025-06-01', amount: '10.00', kind: 'fee', description: 'Juni', payFrom: '1100' });
    await t.call('years.openNext');
    await t.call('years.close', { year: 2025 });
    const base = { person: fatima, date: '2026-03-01', amount: '25.00', kind: 'fee', description: 'Inzet', payFrom: '1100' };
    const cases: [unknown, string, string][] = [
      [{ ...base, person: 4242 }, 'NOT_FOUND', 'person'],
      [{ ...base, person: zoe, hours: '4' }, 'INVALID_INPUT', 'person'], // no date of birth, paid per hour
      [{ ...base, hours: '-2' }, 'INVALID_INPUT', 'hours'],
      [{ ...base, hours: '0' }, 'INVALID_INPUT', 'hours'],
      [{ ...base, hours: 'twee' }, 'INVALID_INPUT', 'hours'],
      [{ ...base, amount: '-25.00' }, 'INVALID_AMOUNT', 'amount'],
      [{ ...base, amount: '0.00' }, 'INVALID_AMOUNT', 'amount'],
      [{ ...base, amount: '12,50' }, 'INVALID_AMOUNT', 'amount'],
      [{ ...base, date: '2025-12-01' }, 'YEAR_CLOSED', 'date'],
      [{ ...base, date: '2031-01-01' }, 'NO_OPEN_YEAR', 'date'],
      [{ ...base, date: '2026-02-30' }, 'INVALID_INPUT', 'date'],
      [{ ...base, kind: 'reimbursement', hours: '2' }, 'INVALID_INPUT', 'hours'],
      [{ ...base, payFrom: '4100' }, 'INVALID_INPUT', 'payFrom'],
      [{ ...base, payFrom: '9999' }, 'UNKNOWN_ACCOUNT', 'payFrom'],
      [{ ...base, description: ' ' }, 'INVALID_INPUT', 'description'],
      [{ ...base, periodFrom: '2026-03-10', periodTo: '2026-03-01' }, 'INVALID_INPUT', 'periodTo'],
      [{ ...base, receipt: { fileName: 'bon.txt', dataBase64: Buffer.from('geen bon').toString('base64') } }, 'INVALID_INPUT', 'receipt'],
      [{ ...base, receipt: { path: '/nonexistent/bon.pdf' } }, 'FILE_NOT_FOUND', 'receipt'],
    ];
    await expectNothingWritten(t, async () => {
      for (const [input, code, field] of cases) {
        const e = await expectKassaError(t.call('volunteers.pay', input), code);
        expect(e.field, `${JSON.stringify(input)} -> ${e.message}`).toBe(field);
      }
    });
    const noBirth = await expectKassaError(t.call('volunteers.pay', { ...base, person: zoe, hours: '4' }), 'INVALID_INPUT');
    expect(noBirth.message).toContain('geboortedatum');
    expect((noBirth.details as { reason: string }).reason).toBe('BIRTHDATE_REQUIRED');
    // volunteers.check reports the same before saving
    const c = await t.call('volunteers.check', { person: zoe, date: '2026-03-01', kind: 'fee', hours: '4', amount: '10.00' });
    expect(c.blocks.map((b: { code: string; field: string }) => [b.code, b.field])).toEqual([['BIRTHDATE_REQUIRED', 'person']]);
    await expectKassaError(t.call('volunteers.check', { person: 4242, date: '2026-03-01', kind: 'fee' }), 'NOT_FOUND');
    // Paying as wages needs no date of birth (the hourly limit does not apply)
    const w = await t.call('volunteers.pay', { ...base, person: zoe, hours: '4', asWages: true, confirmWages: AS_WAGES_CONFIRMATION });
    expect(w.payment.asWages).toBe(true);
    // An archived person cannot be paid
    await t.call('persons.archive', { id: fatima });
    await expectNothingWritten(t, async () => {
      const e = await expectKassaError(t.call('volunteers.pay', base), 'INVALID_INPUT');
      expect(e.field).toBe('person');
    });
  });

  it('cancels a payment by a reversal in the same year; the totals drop', async () => {
    const { t, id } = await withFatima();
    const r = await t.call('volunteers.pay', { person: id, date: '2026-05-04', amount: '100.00', kind: 'fee', description: 'Mei', payFrom: '1100' });
    await expectNothingWritten(t, async () => {
      const e = await expectKassaError(t.call('volunteers.cancel', { id: r.payment.id, date: '2027-01-02' }), 'INVALID_INPUT');
      expect(e.field).toBe('date');
      await expectKassaError(t.call('volunteers.cancel', { id: 999 }), 'NOT_FOUND');
    });
    const c = await t.call('volunteers.cancel', { id: r.payment.id });
    expect(c.status).toBe('cancelled');
    const rev = await t.call('entries.get', { id: c.cancelEntryId });
    expect(rev.reversalOf).toBe(r.entry.id);
    expect((await t.call('volunteers.check', { person: id, date: '2026-05-10', kind: 'fee' })).totals.month).toBe('0.00');
    await expectKassaError(t.call('volunteers.cancel', { id: r.payment.id }), 'ALREADY_REVERSED');
    expect((await t.call('volunteers.overview', { year: 2026 })).persons[0].total).toBe('0.00');
    // the running month totals follow the cancellation
    expect(monthTotalsProblems(booksOf(t))).toEqual([]);
  });

  it('keeps a receipt with the payment, as an attachment that cannot be changed or deleted', async () => {
    const { t, id } = await withFatima();
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6300010000050001' + '0d0a2db40000000049454e44ae426082', 'hex');
    const r = await t.call('volunteers.pay', {
      person: id, date: '2026-06-01', amount: '12.35', kind: 'reimbursement', description: 'Materiaal knutselmiddag', payFrom: '1000',
      receipt: { fileName: 'bon.png', dataBase64: png.toString('base64') },
    });
    expect(r.payment.hasReceipt).toBe(true);
    const back = await t.call('volunteers.receipt', { payment: r.payment.id });
    expect(back).toEqual({ fileName: 'bon.png', mime: 'image/png', dataBase64: png.toString('base64') });
    await expectKassaError(t.call('volunteers.attachReceipt', { payment: r.payment.id, receipt: { fileName: 'x.png', dataBase64: png.toString('base64') } }), 'CONFLICT');
    const r2 = await t.call('volunteers.pay', { person: id, date: '2026-06-02', amount: '3.00', kind: 'reimbursement', description: 'Bus', payFrom: '1000' });
    await expectKassaError(t.call('volunteers.receipt', { payment: r2.payment.id }), 'NOT_FOUND');
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
    expect((await t.call('volunteers.attachReceipt', { payment: r2.payment.id, receipt: { fileName: 'bus.pdf', dataBase64: pdf.toString('base64') } })).hasReceipt).toBe(true);
    const b = booksOf(t);
    expect(() => b.raw('DELETE FROM attachments').run()).toThrow(/POSTED_IMMUTABLE/);
    expect(() => b.raw('UPDATE volunteer_payments SET amount_cents = 1').run()).toThrow(/POSTED_IMMUTABLE/);
    expect(() => b.raw('DELETE FROM volunteer_payments').run()).toThrow(/POSTED_IMMUTABLE/);
  });
});

describe('volunteers.overview', () => {
  it('gives per person per month totals, the distance to the limits and a warning level', async () => {
    const t = await volunteerBooks();
    const f = (await t.call('persons.create', FATIMA)).id;
    const j = (await t.call('persons.create', JAN)).id;
    const z = (await t.call('persons.create', ZOE)).id;
    await t.call('persons.create', { name: 'Archief Persoon', benefit: 'none' }).then((p: { id: number }) => t.call('persons.archive', { id: p.id }));
    // Fatima: the full month of March, and 10 x 180 = 1800 (82 %) over the year.
    for (let m = 1; m <= 9; m++) {
      await t.call('volunteers.pay', { person: f, date: `2026-${String(m).padStart(2, '0')}-10`, amount: m === 3 ? '220.00' : '180.00', kind: 'fee', description: `Inzet ${m}`, payFrom: 'payable' });
    }
    // Jan: only reimbursements, which do not count without a fee.
    await t.call('volunteers.pay', { person: j, date: '2026-02-01', amount: '400.00', kind: 'reimbursement', description: 'Zaalhuur voorgeschoten', payFrom: '1100' });
    // Zoë: small fee plus a reimbursement, which now counts.
    await t.call('volunteers.pay', { person: z, date: '2026-07-01', amount: '40.00', kind: 'fee', description: 'Juli', payFrom: '1100' });
    await t.call('volunteers.pay', { person: z, date: '2026-07-02', amount: '12.00', kind: 'reimbursement', description: 'Bus', payFrom: '1100' });

    const ov = await t.call('volunteers.overview', { year: 2026 });
    expect(ov.limits).toMatchObject({ year: 2026, exact: true });
    expect(ov.persons.map((p: { person: { name: string } }) => p.person.name)).toEqual(['Fatima El Amrani', 'Jan de Vries', 'Zoë Öztürk-Çelik & Co']);
    const [fa, ja, zo] = ov.persons;
    expect(fa).toMatchObject({ total: '1660.00', left: '540.00', percentOfYear: 75, level: 'ok', unpaid: '1660.00' });
    expect(fa.months[2]).toMatchObject({ month: 3, counted: '220.00', left: '0.00', level: 'blocked' });
    expect(fa.months[0]).toMatchObject({ counted: '180.00', level: 'warn80' });
    expect(fa.months[11]).toMatchObject({ counted: '0.00', level: 'ok' });
    expect(ja).toMatchObject({ total: '0.00', reimbursement: '400.00', reimbursementsCount: false, level: 'ok', unpaid: '0.00' });
    expect(zo).toMatchObject({ total: '52.00', fee: '40.00', reimbursement: '12.00', reimbursementsCount: true });
    expect(ov.totals).toEqual({ fee: '1700.00', reimbursement: '412.00', total: '1712.00', asWages: '0.00', unpaid: '1660.00' });

    await t.call('volunteers.pay', { person: f, date: '2026-10-10', amount: '200.00', kind: 'fee', description: 'Inzet 10', payFrom: 'payable' });
    const ov2 = await t.call('volunteers.overview', { year: 2026 });
    expect(ov2.persons[0]).toMatchObject({ total: '1860.00', percentOfYear: 84, level: 'warn80' });
    expect(monthTotalsProblems(booksOf(t))).toEqual([]);
    expect(() => booksOf(t).raw('DELETE FROM volunteer_month_totals').run()).toThrow(/POSTED_IMMUTABLE/);

    // A year without payments still lists the active persons; a year without limits falls back.
    const empty = await t.call('volunteers.overview', { year: 2031 });
    expect(empty.persons).toHaveLength(3);
    expect(empty.limits).toMatchObject({ requestedYear: 2031, exact: false, fallbackFrom: 2026, year: 2026 });
    expectDutch(empty.limits.message);
  });
});

describe('volunteers.limits', () => {
  it('adds and edits a year in settings (checked with limitsRowSchema) and uses it', async () => {
    const t = await volunteerBooks({ year: 2026 });
    await t.call('years.openNext');
    const id = (await t.call('persons.create', JAN)).id;
    const before = await t.call('volunteers.check', { person: id, date: '2027-02-01', kind: 'fee' });
    expect(before.limits).toMatchObject({ exact: false, fallbackFrom: 2026, perMonth: '220.00' });
    expect(before.warnings.map((w: { code: string }) => w.code)).toContain('LIMITS_OTHER_YEAR');

    const row = { year: 2027, perHourAdult: '5.90', perHourYoung: '3.50', ageThreshold: 21, perMonth: '230.00', perYear: '2300.00', source: 'belastingdienst.nl, 2027' };
    await expectNothingWritten(t, async () => {
      const e1 = await expectKassaError(t.call('volunteers.limits.set', { ...row, perHourYoung: '6.00' }), 'INVALID_INPUT');
      expect(e1.field).toBe('perHourYoung');
      const e2 = await expectKassaError(t.call('volunteers.limits.set', { ...row, perMonth: '2400.00' }), 'INVALID_INPUT');
      expect(e2.field).toBe('perMonth');
      const e3 = await expectKassaError(t.call('volunteers.limits.set', { ...row, perYear: '-1.00' }), 'INVALID_AMOUNT');
      expect(e3.field).toBe('perYear');
      await expectKassaError(t.call('volunteers.limits.set', { ...row, ageThreshold: 200 }), 'INVALID_INPUT');
    });
    expect(await t.call('volunteers.limits.set', row)).toMatchObject({ year: 2027, perMonth: '230.00', origin: 'settings' });
    const after = await t.call('volunteers.check', { person: id, date: '2027-02-01', kind: 'fee', amount: '225.00' });
    expect(after.status).toBe('ok');
    expect(after.limits).toMatchObject({ exact: true, origin: 'settings', perMonth: '230.00' });
    await t.call('volunteers.limits.set', { ...row, perMonth: '200.00' });
    expect((await t.call('volunteers.check', { person: id, date: '2027-02-01', kind: 'fee', amount: '225.00' })).status).toBe('blocked');

    // Overriding a built-in year, listing, and resetting.
    await t.call('volunteers.limits.set', { ...row, year: 2026, perMonth: '100.00', perYear: '1000.00' });
    const list = await t.call('volunteers.limits.list');
    expect(list.find((r: { year: number }) => r.year === 2026)).toMatchObject({ origin: 'settings', perMonth: '100.00' });
    expect(list.find((r: { year: number }) => r.year === 2025)).toMatchObject({ origin: 'builtin', perMonth: '210.00' });
    expect(list.find((r: { year: number }) => r.year === 2027)).toMatchObject({ origin: 'settings' });
    expect(await t.call('volunteers.limits.reset', { year: 2026 })).toEqual({ removed: true });
    expect(await t.call('volunteers.limits.reset', { year: 2026 })).toEqual({ removed: false });
    expect((await t.call('volunteers.limits.list')).find((r: { year: number }) => r.year === 2026).origin).toBe('builtin');
    expect(counts(t).volunteer_limits).toBe(1);
  });
});

describe('IBAN on a person', () => {
  it('stores the IBAN normalised', async () => {
    const t = await volunteerBooks();
    const p = await t.call('persons.create', { name: 'X', iban: IBAN_B.toLowerCase() });
    expect(p.iban).toBe(IBAN_B);
  });
});
