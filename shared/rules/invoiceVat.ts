import Decimal from 'decimal.js';
import { KassaError } from '../errors';
import { joinSaid, said, type Said } from '../phrase';
import { euVatPrefix } from '../validation/vatNumber';
import { VAT_REASONS, type InvoiceLineInput, type VatCategory, type VatRate, type VatReason, type VatStatus } from './invoiceModel';

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

/** Order in which categories appear in the breakdown (and on the PDF). */
const CATEGORY_ORDER: readonly VatCategory[] = ['S', 'Z', 'K', 'G', 'E', 'O'];

/**
 * The EN 16931 category of a line: S (21 % / 9 %), Z/K/G (0 % with its reason), E (exempt, also
 * the KOR), O (outside the scope of VAT: no VAT entrepreneur).
 */
export function vatCategory(rate: VatRate, reason?: VatReason | null): VatCategory {
  if (rate === '21' || rate === '9') return 'S';
  if (rate === '0') return reason === 'intraCommunity' ? 'K' : reason === 'export' ? 'G' : 'Z';
  return rate === 'exempt' ? 'E' : 'O';
}

/**
 * The legal text for a 0 % line, printed on the invoice and written as the UBL exemption reason
 * (art. 226 item 11 Directive 2006/112/EC: a reference to the provision that exempts the supply;
 * item 11a: "Reverse charge" where the customer pays the VAT — so the intra-community text carries
 * both, right for goods and for services to an EU business). Z carries no reason (BR-Z-10).
 */
export const ZERO_RATE_TEXT: Readonly<Record<'intraCommunity' | 'export', string>> = {
  intraCommunity: 'Intracommunautaire levering, btw verlegd (reverse charge): 0% btw op grond van artikel 138 Richtlijn 2006/112/EG.',
  export: 'Uitvoer buiten de EU: 0% btw op grond van artikel 146 Richtlijn 2006/112/EG.',
};

export interface CalculatedLine extends InvoiceLineInput {
  /** Quantity × unit price in cents (negative on a credit note). */
  netCents: number;
}

export interface VatBreakdownRow {
  rate: VatRate;
  category: VatCategory;
  /** The 0 % reason of this row (null for other rates). */
  reason: VatReason | null;
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
  /** A credit note: its total is negative (a line may be positive: a discount being credited). */
  credit?: boolean;
}

const QUANTITY_RE = /^-?\d{1,9}(\.\d{1,4})?$/;

/** "Regel 2 ("Zaalhuur"):" in front of a line's problem, said so an English screen can show it too. */
function lineAt(index: number, line: { description?: unknown }): Said {
  const d = typeof line.description === 'string' ? line.description.trim() : '';
  const short = d.length > 40 ? `${d.slice(0, 37)}...` : d;
  return short
    ? said('err.vat.lineNamed', 'Regel {{n}} ("{{description}}"):', { n: index + 1, description: short })
    : said('err.vat.line', 'Regel {{n}}:', { n: index + 1 });
}

function invalid(at: Said, problem: Said, field: string): KassaError {
  return new KassaError('INVALID_INPUT', joinSaid(at, problem), { field });
}

function refuse(text: Said, field: string): KassaError {
  return new KassaError('INVALID_INPUT', text, { field });
}

/**
 * The rate a line really gets. A non-liable administration charges no VAT at all, so the choice
 * between 'exempt' and 'none' on its lines carries no meaning: every line takes the administration's
 * own category ('exempt' for an exempt or KOR administration, 'none' for none). That keeps the
 * breakdown to one row, as Peppol requires for category O.
 */
function effectiveRate(status: VatStatus, rate: VatRate): VatRate {
  if (status === 'liable') return rate;
  // Since 2020 the KOR is an exemption (art. 25 Wet OB 1968): category E, not O.
  return status === 'none' ? 'none' : 'exempt';
}

function checkLine(line: InvoiceLineInput, index: number, status: VatStatus): Decimal {
  const label = lineAt(index, line);
  const rate = line.vatRate;
  if (!(rate in VAT_PERCENT)) {
    throw invalid(label, said('err.vat.chooseValidRate', 'kies een geldig btw-tarief.'), `lines.${index}.vatRate`);
  }
  if (status !== 'liable' && VAT_PERCENT[rate] !== null) {
    const why = status === 'none'
      ? said('err.vat.rateNotVatPayer', 'deze stichting is geen btw-ondernemer, dus een btw-tarief van {{rate}}% kan niet. Kies "geen btw".', { rate })
      : status === 'exempt'
        ? said('err.vat.rateExempt', 'deze administratie is vrijgesteld van btw, dus een btw-tarief van {{rate}}% kan niet. Kies "geen btw".', { rate })
        : said('err.vat.rateKor', 'deze administratie gebruikt de kleineondernemersregeling (KOR), dus een btw-tarief van {{rate}}% kan niet. Kies "geen btw".', { rate });
    throw invalid(label, why, `lines.${index}.vatRate`);
  }
  if (status === 'liable' && rate === 'none') {
    throw invalid(label, said('err.vat.chooseRate', 'kies een btw-tarief (21%, 9%, 0% of vrijgesteld).'), `lines.${index}.vatRate`);
  }
  const reason = line.vatReason ?? null;
  if (reason !== null && !VAT_REASONS.includes(reason)) {
    throw invalid(label, said('err.vat.chooseValidReason', 'kies een geldige reden voor 0% btw.'), `lines.${index}.vatReason`);
  }
  if (reason !== null && rate !== '0') {
    throw invalid(label, said('err.vat.reasonOnlyZero', 'een reden voor 0% btw past alleen bij het tarief 0%.'), `lines.${index}.vatReason`);
  }

  const q = typeof line.quantity === 'string' ? line.quantity.trim() : '';
  if (!QUANTITY_RE.test(q)) {
    throw invalid(
      label,
      said('err.vat.quantityInvalid', 'het aantal "{{quantity}}" is geen geldig getal. Gebruik een punt en hoogstens 4 decimalen, bijvoorbeeld "1.5".', { quantity: String(line.quantity) }),
      `lines.${index}.quantity`,
    );
  }
  const quantity = new Decimal(q);
  if (quantity.isZero()) {
    throw invalid(label, said('err.vat.quantityZero', 'het aantal mag niet 0 zijn.'), `lines.${index}.quantity`);
  }
  // A negative quantity on an invoice is a discount (Peppol allows negative lines; the price itself
  // stays positive, BR-27); the total is checked over all lines in calculateInvoice.

  const price = line.unitPriceCents;
  if (typeof price !== 'number' || !Number.isSafeInteger(price) || price < 0) {
    throw invalid(label, said('err.vat.priceCents', 'de prijs moet een heel aantal centen zijn en mag niet negatief zijn.'), `lines.${index}.unitPriceCents`);
  }
  return quantity;
}

function toSafeCents(d: Decimal, field: string): number {
  const n = d.toNumber();
  if (!Number.isSafeInteger(n)) throw refuse(said('err.money.tooBig', 'Het bedrag is te groot.'), field);
  return n === 0 ? 0 : n; // never -0 (0% of a negative amount)
}

/**
 * Calculate line nets, the per-rate breakdown and the totals.
 * Throws KassaError('INVALID_INPUT') with a Dutch message naming the line.
 */
export function calculateInvoice(lines: readonly InvoiceLineInput[], vatStatus: VatStatus, opts: CalculateOptions = {}): InvoiceCalculation {
  const credit = opts.credit === true;
  if (!Array.isArray(lines) || lines.length === 0) {
    throw refuse(said('err.vat.minOneLine', 'Een factuur heeft minstens één regel.'), 'lines');
  }

  const calculated: CalculatedLine[] = lines.map((line, index) => {
    const quantity = checkLine(line, index, vatStatus);
    const net = quantity.times(line.unitPriceCents).toDecimalPlaces(0, HALF_AWAY_FROM_ZERO);
    const rate = effectiveRate(vatStatus, line.vatRate);
    const vatReason = rate === '0' ? (line.vatReason ?? null) : null;
    return { ...line, quantity: quantity.toFixed(), vatRate: rate, vatReason, netCents: toSafeCents(net, `lines.${index}`) };
  });

  // One breakdown row per category and rate (S 21 and S 9 are two rows).
  const rows = new Map<string, { rate: VatRate; category: VatCategory; reason: VatReason | null; net: Decimal }>();
  for (const line of calculated) {
    const category = vatCategory(line.vatRate, line.vatReason);
    const key = `${category}/${line.vatRate}`;
    const row = rows.get(key) ?? { rate: line.vatRate, category, reason: line.vatReason ?? null, net: new Decimal(0) };
    row.net = row.net.plus(line.netCents);
    rows.set(key, row);
  }
  const ordered = [...rows.values()].sort(
    (a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || Number(VAT_PERCENT[b.rate] ?? 0) - Number(VAT_PERCENT[a.rate] ?? 0),
  );
  const breakdown: VatBreakdownRow[] = ordered.map((r) => {
    const percent = VAT_PERCENT[r.rate];
    const vat = percent === null ? new Decimal(0) : r.net.times(percent).dividedBy(100).toDecimalPlaces(0, HALF_AWAY_FROM_ZERO);
    return { rate: r.rate, category: r.category, reason: r.reason, netCents: toSafeCents(r.net, 'lines'), vatCents: toSafeCents(vat, 'lines') };
  });

  const netCents = breakdown.reduce((s, r) => s + r.netCents, 0);
  const vatCents = breakdown.reduce((s, r) => s + r.vatCents, 0);
  const grossCents = netCents + vatCents;
  if (!Number.isSafeInteger(grossCents)) throw refuse(said('err.money.tooBig', 'Het bedrag is te groot.'), 'lines');
  if (!credit && grossCents < 0) {
    throw refuse(said('err.vat.totalNegative', 'Het totaal van de factuur is negatief. Een korting mag niet groter zijn dan de rest van de factuur. Wilt u geld terugbetalen? Maak dan een creditfactuur.'), 'lines');
  }
  if (credit && grossCents > 0) {
    throw refuse(said('err.vat.creditPositive', 'Het totaal van een creditfactuur moet negatief zijn. Vul negatieve aantallen in, bijvoorbeeld "-1".'), 'lines');
  }
  return { lines: calculated, breakdown, totals: { netCents, vatCents, grossCents } };
}

/** Dutch label of a rate for tables: "21%", "0% (EU)", "vrijgesteld", "geen btw". */
export function vatRateLabel(rate: VatRate, reason?: VatReason | null): string {
  if (rate === '0' && reason === 'intraCommunity') return '0% (EU)';
  if (rate === '0' && reason === 'export') return '0% (export)';
  if (rate === 'exempt') return 'vrijgesteld';
  if (rate === 'none') return 'geen btw';
  return `${rate}%`;
}

/**
 * The rules for 0 % on a new invoice (checked when a draft is saved and when it is finalised; a
 * final invoice from before these rules, with 0 % and no reason, still calculates as category Z):
 * - every 0 % line has its reason;
 * - an intra-community supply needs the buyer's VAT number of another EU member state, in that
 *   state's form (art. 138 Directive 2006/112: the buyer is identified for VAT in another member
 *   state; art. 226 item 4: his number is on the invoice).
 * Throws a Dutch KassaError naming the line.
 */
export function checkZeroRateReasons(lines: readonly InvoiceLineInput[], buyer: { vatNumber?: string | null }): void {
  lines.forEach((line, index) => {
    if (line.vatRate === '0' && (line.vatReason ?? null) === null) {
      throw invalid(
        lineAt(index, line),
        said('err.vat.zeroNeedsReason', 'bij 0% btw hoort een reden. Kies "levering aan een ondernemer in een ander EU-land" (intracommunautaire levering) of "uitvoer buiten de EU". Geldt geen van beide, dan rekent u 21% of 9% btw.'),
        `lines.${index}.vatReason`,
      );
    }
  });
  checkZeroRateBuyer(lines, buyer);
}

/** The buyer's VAT number for an intra-community supply (see checkZeroRateReasons). */
export function checkZeroRateBuyer(lines: readonly InvoiceLineInput[], buyer: { vatNumber?: string | null }): void {
  const index = lines.findIndex((l) => l.vatRate === '0' && l.vatReason === 'intraCommunity');
  if (index < 0) return;
  const label = lineAt(index, lines[index]!);
  const vatNumber = buyer.vatNumber?.trim() ?? '';
  if (vatNumber === '') {
    throw invalid(label, said('err.vat.icNeedsNumber', 'bij een intracommunautaire levering hoort het btw-nummer van de klant. Vul het in bij het contact.'), 'buyer.vatNumber');
  }
  const prefix = euVatPrefix(vatNumber);
  if (prefix === null) {
    throw invalid(label, said('err.vat.icNotEu', 'het btw-nummer van de klant ({{vatNumber}}) is geen geldig btw-nummer van een EU-land. Controleer het bij het contact.', { vatNumber }), 'buyer.vatNumber');
  }
  if (prefix === 'NL') {
    throw invalid(label, said('err.vat.icDutch', 'de klant heeft een Nederlands btw-nummer. Een levering binnen Nederland is geen intracommunautaire levering: reken 21% of 9% btw.'), 'buyer.vatNumber');
  }
}
