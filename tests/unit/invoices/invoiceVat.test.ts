import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { KassaError } from '../../../shared/errors';
import type { InvoiceLineInput, VatRate, VatStatus } from '../../../shared/rules/invoiceModel';
import { calculateInvoice, HALF_AWAY_FROM_ZERO, vatRateLabel } from '../../../shared/rules/invoiceVat';

const line = (quantity: string, unitPriceCents: number, vatRate: VatRate = '21', description = 'Koffie'): InvoiceLineInput => ({
  description,
  quantity,
  unitPriceCents,
  vatRate,
});

function expectInvalid(fn: () => unknown, messagePart: string | RegExp, field?: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KassaError);
    const err = e as KassaError;
    expect(err.code).toBe('INVALID_INPUT');
    if (typeof messagePart === 'string') expect(err.message).toContain(messagePart);
    else expect(err.message).toMatch(messagePart);
    if (field) expect(err.field).toBe(field);
    return;
  }
  throw new Error('expected a KassaError');
}

describe('decimal.js rounding mode', () => {
  it('ROUND_HALF_UP rounds half away from zero, for negatives too', () => {
    expect(HALF_AWAY_FROM_ZERO).toBe(Decimal.ROUND_HALF_UP);
    expect(new Decimal('0.125').toDecimalPlaces(2, HALF_AWAY_FROM_ZERO).toFixed(2)).toBe('0.13');
    expect(new Decimal('-0.125').toDecimalPlaces(2, HALF_AWAY_FROM_ZERO).toFixed(2)).toBe('-0.13');
    expect(new Decimal('-2.5').toDecimalPlaces(0, HALF_AWAY_FROM_ZERO).toFixed()).toBe('-3');
    expect(new Decimal('0.124').toDecimalPlaces(2, HALF_AWAY_FROM_ZERO).toFixed(2)).toBe('0.12');
  });
});

describe('calculateInvoice: rounding table', () => {
  // [case, lines, credit, expected line nets, expected VAT per rate, expected totals]
  const table: [string, InvoiceLineInput[], boolean, number[], Partial<Record<VatRate, number>>, [number, number, number]][] = [
    ['3 × 0.10 at 21%: VAT on 0.30 = 0.063 -> 0.06', [line('1', 10), line('1', 10), line('1', 10)], false, [10, 10, 10], { '21': 6 }, [30, 6, 36]],
    ['3 × 0.50 at 21%: per invoice 0.315 -> 0.32 (per line would give 0.33)', [line('1', 50), line('1', 50), line('1', 50)], false, [50, 50, 50], { '21': 32 }, [150, 32, 182]],
    ['line net 0.5 × 0.25 = 0.125 -> 0.13', [line('0.5', 25, '0')], false, [13], { '0': 0 }, [13, 0, 13]],
    ['credit: -0.5 × 0.25 = -0.125 -> -0.13', [line('-0.5', 25, '0')], true, [-13], { '0': 0 }, [-13, 0, -13]],
    ['credit: 3 × -0.50 at 21%: -0.315 -> -0.32', [line('-1', 50), line('-1', 50), line('-1', 50)], true, [-50, -50, -50], { '21': -32 }, [-150, -32, -182]],
    ['9%: 0.50 × 9% = 0.045 -> 0.05', [line('1', 50, '9')], false, [50], { '9': 5 }, [50, 5, 55]],
    ['credit 9%: -0.045 -> -0.05', [line('-1', 50, '9')], true, [-50], { '9': -5 }, [-50, -5, -55]],
    ['1.5 hours × 42.50 = 63.75', [line('1.5', 4250)], false, [6375], { '21': 1339 }, [6375, 1339, 7714]],
    ['0.333 × 0.10 = 0.0333 -> 0.03', [line('0.333', 10, '9')], false, [3], { '9': 0 }, [3, 0, 3]],
    [
      'mixed rates are each rounded once',
      [line('1', 1999, '21'), line('2', 333, '9'), line('1', 1000, '0'), line('1', 5000, 'exempt')],
      false,
      [1999, 666, 1000, 5000],
      { '21': 420, '9': 60, '0': 0, exempt: 0 },
      [8665, 480, 9145],
    ],
  ];

  it.each(table)('%s', (_name, lines, credit, nets, vat, [net, vatTotal, gross]) => {
    const r = calculateInvoice(lines, 'liable', { credit });
    expect(r.lines.map((l) => l.netCents)).toEqual(nets);
    const perRate = Object.fromEntries(r.breakdown.map((b) => [b.rate, b.vatCents]));
    expect(perRate).toEqual(vat);
    expect(r.totals).toEqual({ netCents: net, vatCents: vatTotal, grossCents: gross });
    for (const b of r.breakdown) expect(Object.is(b.vatCents, -0)).toBe(false);
    // The breakdown adds up to the totals and the lines.
    expect(r.breakdown.reduce((s, b) => s + b.netCents, 0)).toBe(r.lines.reduce((s, l) => s + l.netCents, 0));
  });

  it('a credit note mirrors the invoice it corrects exactly', () => {
    const lines = [line('3', 50), line('0.5', 25, '9'), line('1.25', 5000, 'exempt')];
    const inv = calculateInvoice(lines, 'liable');
    const cred = calculateInvoice(
      lines.map((l) => ({ ...l, quantity: `-${l.quantity}` })),
      'liable',
      { credit: true },
    );
    expect(cred.totals).toEqual({ netCents: -inv.totals.netCents, vatCents: -inv.totals.vatCents, grossCents: -inv.totals.grossCents });
    expect(cred.breakdown.map((b) => [b.rate, 0 - b.netCents, 0 - b.vatCents])).toEqual(inv.breakdown.map((b) => [b.rate, b.netCents, b.vatCents]));
  });

  it('orders the breakdown 21, 9, 0, exempt and normalises the quantity', () => {
    const r = calculateInvoice([line('1.50', 100, 'exempt'), line('1', 100, '0'), line('1', 100, '9'), line('1', 100, '21')], 'liable');
    expect(r.breakdown.map((b) => b.rate)).toEqual(['21', '9', '0', 'exempt']);
    expect(r.lines[0]?.quantity).toBe('1.5');
  });
});

describe('calculateInvoice: rules per VAT status', () => {
  it.each<[VatStatus, VatRate]>([
    ['exempt', '21'],
    ['exempt', '9'],
    ['none', '21'],
    ['none', '0'],
    ['kor', '9'],
  ])('a %s administration refuses rate %s, naming the line', (status, rate) => {
    expectInvalid(() => calculateInvoice([line('1', 100, 'none'), line('1', 100, rate, 'Zaalhuur')], status), 'Regel 2 ("Zaalhuur")', 'lines.1.vatRate');
  });

  it('the message for an exempt administration says why (Dutch)', () => {
    expectInvalid(() => calculateInvoice([line('1', 100, '21')], 'exempt'), /vrijgesteld van btw.*21%/);
  });

  it('a liable administration needs a rate per line ("exempt" is allowed)', () => {
    expectInvalid(() => calculateInvoice([line('1', 100, '21'), line('1', 100, 'none')], 'liable'), 'Regel 2', 'lines.1.vatRate');
    expect(calculateInvoice([line('1', 100, 'exempt')], 'liable').breakdown).toEqual([{ rate: 'exempt', category: 'E', reason: null, netCents: 100, vatCents: 0 }]);
  });

  it('non-liable administrations take their own category on every line, without VAT', () => {
    const none = calculateInvoice([line('1', 100, 'exempt'), line('2', 100, 'none')], 'none');
    expect(none.breakdown).toEqual([{ rate: 'none', category: 'O', reason: null, netCents: 300, vatCents: 0 }]);
    expect(none.lines.map((l) => l.vatRate)).toEqual(['none', 'none']);
    // Since 2020 the KOR is an exemption (art. 25 Wet OB): category E, not O.
    expect(calculateInvoice([line('1', 100, 'none')], 'kor').breakdown[0]).toMatchObject({ rate: 'exempt', category: 'E' });
    const exempt = calculateInvoice([line('1', 100, 'none')], 'exempt');
    expect(exempt.breakdown).toEqual([{ rate: 'exempt', category: 'E', reason: null, netCents: 100, vatCents: 0 }]);
    expect(exempt.totals).toEqual({ netCents: 100, vatCents: 0, grossCents: 100 });
  });

  it('a discount line (negative quantity) is allowed while the total stays positive; a credit note stays negative', () => {
    const c = calculateInvoice([line('2', 5000), line('-1', 1500)], 'liable');
    expect(c.lines.map((l) => l.netCents)).toEqual([10000, -1500]);
    expect(c.totals).toEqual({ netCents: 8500, vatCents: 1785, grossCents: 10285 });
    expectInvalid(() => calculateInvoice([line('-1', 100)], 'liable'), 'totaal van de factuur is negatief', 'lines');
    expectInvalid(() => calculateInvoice([line('1', 100), line('-2', 100)], 'liable'), 'Een korting mag niet groter', 'lines');
    expectInvalid(() => calculateInvoice([line('1', 100)], 'liable', { credit: true }), 'negatief', 'lines');
    // Crediting an invoice with a discount: the discount line turns positive, the total stays negative.
    expect(calculateInvoice([line('-2', 5000), line('1', 1500)], 'liable', { credit: true }).totals.grossCents).toBe(-10285);
  });

  it('refuses bad quantities, prices and empty invoices', () => {
    expectInvalid(() => calculateInvoice([line('1,5', 100)], 'liable'), 'Gebruik een punt');
    expectInvalid(() => calculateInvoice([line('0', 100)], 'liable'), 'niet 0');
    expectInvalid(() => calculateInvoice([line('1.23456', 100)], 'liable'), 'geen geldig getal');
    expectInvalid(() => calculateInvoice([line('1', 10.5)], 'liable'), 'heel aantal centen', 'lines.0.unitPriceCents');
    expectInvalid(() => calculateInvoice([line('1', -100)], 'liable'), 'niet negatief');
    expectInvalid(() => calculateInvoice([], 'liable'), 'minstens één regel', 'lines');
  });

  it('labels rates in Dutch', () => {
    expect(['21', '9', '0', 'exempt', 'none'].map((r) => vatRateLabel(r as VatRate))).toEqual(['21%', '9%', '0%', 'vrijgesteld', 'geen btw']);
  });
});
