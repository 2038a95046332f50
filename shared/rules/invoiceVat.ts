import Decimal from 'decimal.js';
import { KassaError } from '../errors';
import type { InvoiceLineInput, VatRate, VatStatus } from './invoiceModel';

/**
 * VAT calculation of one invoice.
 *
 * - Line net = quantity × unit price, rounded to the cent, half away from zero.
 * - VAT is computed once per rate over the sum of the line nets at that rate (per invoice, not per
 *   line), rounded to the cent half away from zero. This is also how EN 16931 / Peppol compute the
 *   VAT breakdown (BT-117 = BT-116 × BT-119), so the UBL totals never disagree with the PDF.
 *
 * Rounding: decimal.js ROUND_HALF_UP (mode 4) is documented as "rounds towards nearest neighbour;
 * if equidistant, rounds away from zero" — so 0.125 -> 0.13 and -0.125 -> -0.13 (verified by the
 * unit tests). It is NOT "towards +infinity" like ROUND_HALF_CEIL. A credit note is therefore the
 * exact mirror image of the invoice it corrects.
 */

export const HALF_AWAY_FROM_ZERO = Decimal.ROUND_HALF_UP;

/** Percentage per rate; null for rates that carry no VAT percentage of their own. */
export const VAT_PERCENT: Record<VatRate, string | null> = {
  '21': '21',
  '9': '9',
  '0': '0',
  exempt: null,
  none: null,
};

/** Order in which rates appear in the breakdown (and on the PDF). */
const RATE_ORDER: readonly VatRate[] = ['21', '9', '0', 'exempt', 'none'];

export interface CalculatedLine extends InvoiceLineInput {
  /** Quantity × unit price in cents (negative on a credit note). */
  netCents: number;
}

export interface VatBreakdownRow {
  rate: VatRate;
  /** Sum of the line nets at this rate. */
  netCents: number;
  /** VAT over netCents; always 0 for 'exempt' and 'none'. */
  vatCents: number;
}

export interface InvoiceTotals {
  netCents: number;
  vatCents: number;
  grossCents: number;
}

export interface InvoiceCalculation {
  lines: CalculatedLine[];
  breakdown: VatBreakdownRow[];
  totals: InvoiceTotals;
}

export interface CalculateOptions {
  /** A credit note: every quantity (and so every amount) is negative. */
  credit?: boolean;
}

const QUANTITY_RE = /^-?\d{1,9}(\.\d{1,4})?$/;

const STATUS_REASON: Record<Exclude<VatStatus, 'liable'>, string> = {
  none: 'deze stichting is geen btw-ondernemer',
  exempt: 'deze administratie is vrijgesteld van btw',
  kor: 'deze administratie gebruikt de kleineondernemersregeling (KOR)',
};

function lineLabel(index: number, line: { description?: unknown }): string {
  const d = typeof line.description === 'string' ? line.description.trim() : '';
  const short = d.length > 40 ? `${d.slice(0, 37)}...` : d;
  return short ? `Regel ${index + 1} ("${short}")` : `Regel ${index + 1}`;
}

function invalid(message: string, field: string): KassaError {
  return new KassaError('INVALID_INPUT', message, { field });
}

/**
 * The rate a line really gets. A non-liable administration charges no VAT at all, so the choice
 * between 'exempt' and 'none' on its lines carries no meaning: every line takes the administration's
 * own category ('exempt' for an exempt administration, 'none' for none/kor). That keeps the
 * breakdown to one row, as Peppol requires for category O.
 */
function effectiveRate(status: VatStatus, rate: VatRate): VatRate {
  if (status === 'liable') return rate;
  return status === 'exempt' ? 'exempt' : 'none';
}

function checkLine(line: InvoiceLineInput, index: number, status: VatStatus, credit: boolean): Decimal {
  const label = lineLabel(index, line);
  const rate = line.vatRate;
  if (!(rate in VAT_PERCENT)) {
    throw invalid(`${label}: kies een geldig btw-tarief.`, `lines.${index}.vatRate`);
  }
  if (status !== 'liable' && VAT_PERCENT[rate] !== null) {
    throw invalid(
      `${label}: ${STATUS_REASON[status]}, dus een btw-tarief van ${rate}% kan niet. Kies "geen btw".`,
      `lines.${index}.vatRate`,
    );
  }
  if (status === 'liable' && rate === 'none') {
    throw invalid(`${label}: kies een btw-tarief (21%, 9%, 0% of vrijgesteld).`, `lines.${index}.vatRate`);
  }

  const q = typeof line.quantity === 'string' ? line.quantity.trim() : '';
  if (!QUANTITY_RE.test(q)) {
    throw invalid(
      `${label}: het aantal "${String(line.quantity)}" is geen geldig getal. Gebruik een punt en hoogstens 4 decimalen, bijvoorbeeld "1.5".`,
      `lines.${index}.quantity`,
    );
  }
  const quantity = new Decimal(q);
  if (quantity.isZero()) {
    throw invalid(`${label}: het aantal mag niet 0 zijn.`, `lines.${index}.quantity`);
  }
  if (!credit && quantity.isNegative()) {
    throw invalid(`${label}: een negatief aantal mag alleen op een creditfactuur.`, `lines.${index}.quantity`);
  }
  if (credit && !quantity.isNegative()) {
    throw invalid(
      `${label}: op een creditfactuur zijn alle bedragen negatief. Vul een negatief aantal in, bijvoorbeeld "-1".`,
      `lines.${index}.quantity`,
    );
  }

  const price = line.unitPriceCents;
  if (typeof price !== 'number' || !Number.isSafeInteger(price) || price < 0) {
    throw invalid(`${label}: de prijs moet een heel aantal centen zijn en mag niet negatief zijn.`, `lines.${index}.unitPriceCents`);
  }
  return quantity;
}

function toSafeCents(d: Decimal, field: string): number {
  const n = d.toNumber();
  if (!Number.isSafeInteger(n)) throw invalid('Het bedrag is te groot.', field);
  return n === 0 ? 0 : n; // never -0 (0% of a negative amount)
}

/**
 * Calculate line nets, the per-rate breakdown and the totals.
 * Throws KassaError('INVALID_INPUT') with a Dutch message naming the line.
 */
export function calculateInvoice(lines: readonly InvoiceLineInput[], vatStatus: VatStatus, opts: CalculateOptions = {}): InvoiceCalculation {
  const credit = opts.credit === true;
  if (!Array.isArray(lines) || lines.length === 0) {
    throw invalid('Een factuur heeft minstens één regel.', 'lines');
  }

  const calculated: CalculatedLine[] = lines.map((line, index) => {
    const quantity = checkLine(line, index, vatStatus, credit);
    const net = quantity.times(line.unitPriceCents).toDecimalPlaces(0, HALF_AWAY_FROM_ZERO);
    return { ...line, quantity: quantity.toFixed(), vatRate: effectiveRate(vatStatus, line.vatRate), netCents: toSafeCents(net, `lines.${index}`) };
  });

  const netPerRate = new Map<VatRate, Decimal>();
  for (const line of calculated) {
    netPerRate.set(line.vatRate, (netPerRate.get(line.vatRate) ?? new Decimal(0)).plus(line.netCents));
  }

  const breakdown: VatBreakdownRow[] = [];
  for (const rate of RATE_ORDER) {
    const net = netPerRate.get(rate);
    if (net === undefined) continue;
    const percent = VAT_PERCENT[rate];
    const vat = percent === null ? new Decimal(0) : net.times(percent).dividedBy(100).toDecimalPlaces(0, HALF_AWAY_FROM_ZERO);
    breakdown.push({ rate, netCents: toSafeCents(net, 'lines'), vatCents: toSafeCents(vat, 'lines') });
  }

  const netCents = breakdown.reduce((s, r) => s + r.netCents, 0);
  const vatCents = breakdown.reduce((s, r) => s + r.vatCents, 0);
  const grossCents = netCents + vatCents;
  if (!Number.isSafeInteger(grossCents)) throw invalid('Het bedrag is te groot.', 'lines');
  return { lines: calculated, breakdown, totals: { netCents, vatCents, grossCents } };
}

/** Dutch label of a rate for tables: "21%", "vrijgesteld", "geen btw". */
export function vatRateLabel(rate: VatRate): string {
  if (rate === 'exempt') return 'vrijgesteld';
  if (rate === 'none') return 'geen btw';
  return `${rate}%`;
}
