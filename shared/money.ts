import Decimal from 'decimal.js';
import { KassaError } from './errors';
import { said } from './phrase';
import { centsToString } from './cents';

// Cents as a decimal string has its own module (no decimal.js): `kassa report` needs only that.
export { centsToString } from './cents';

/**
 * Money crosses every boundary as a decimal string with a dot ("1234.56") and is stored as integer
 * cents. Floats never touch it: a JS number is only ever an integer count of cents.
 */

const AMOUNT_RE = /^-?(0|[1-9]\d{0,8})(\.\d{1,2})?$/;

/**
 * The largest amount of one line: € 999.999.999,99. The database refuses more too (migration
 * 0008_admin_id). Sums of lines are read as BigInt where they could pass 2^53 cents.
 */
export const MAX_AMOUNT_CENTS = 99_999_999_999;

/** Parse an API amount string into integer cents. Throws INVALID_AMOUNT with a Dutch message. */
export function parseAmount(value: unknown, field = 'amount', opts: { allowNegative?: boolean; allowZero?: boolean } = {}): number {
  if (typeof value !== 'string') {
    throw new KassaError('INVALID_AMOUNT', said('err.money.asText', 'Het bedrag moet als tekst met een punt worden gegeven, bijvoorbeeld "12.50".'), { field });
  }
  const s = value.trim();
  if (s === '') throw new KassaError('INVALID_AMOUNT', said('err.money.fillIn', 'Vul een bedrag in.'), { field });
  if (!AMOUNT_RE.test(s)) {
    if (/^-?[1-9]\d{9,}(\.\d{1,2})?$/.test(s)) {
      throw new KassaError('INVALID_AMOUNT', said('err.money.tooBigValue', 'Het bedrag "{{amount}}" is te groot. Het hoogste bedrag is 999999999.99 (€ 999.999.999,99).', { amount: s }), { field });
    }
    if (/^-?\d+\.\d{3,}$/.test(s)) {
      throw new KassaError('INVALID_AMOUNT', said('err.money.twoDecimals', 'Het bedrag "{{amount}}" heeft meer dan 2 cijfers achter de punt.', { amount: s }), { field });
    }
    throw new KassaError('INVALID_AMOUNT', said('err.money.invalid', '"{{amount}}" is geen geldig bedrag. Gebruik cijfers met een punt, bijvoorbeeld "1234.56".', { amount: s }), { field });
  }
  const cents = new Decimal(s).times(100);
  if (cents.isNegative() && !opts.allowNegative) {
    throw new KassaError('INVALID_AMOUNT', said('err.money.negative', 'Het bedrag mag niet negatief zijn.'), { field });
  }
  if (cents.isZero() && !opts.allowZero) {
    throw new KassaError('INVALID_AMOUNT', said('err.money.zero', 'Het bedrag mag niet nul zijn.'), { field });
  }
  return cents.toNumber();
}


// Made on first use: building an Intl formatter loads ICU's locale data (~20 ms), which a CLI report
// that prints decimal strings never needs.
let nlFormatter: Intl.NumberFormat | undefined;
let nlPlain: Intl.NumberFormat | undefined;

/** Format cents for Dutch readers: "€ 1.234,56". Uses Decimal so large sums never lose a cent. */
export function formatEuro(cents: number | bigint): string {
  // Intl formats a string decimal exactly (ES2023 "exact decimal" strings); stay within Number for sane sums.
  nlFormatter ??= new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });
  return nlFormatter.format(centsToString(cents) as unknown as number);
}

/** "1.234,56" without the euro sign, for tables and inputs. */
export function formatAmountNl(cents: number | bigint): string {
  nlPlain ??= new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return nlPlain.format(centsToString(cents) as unknown as number);
}

/**
 * Parse what a Dutch user typed: "1.234,56", "1234,56", "12", "€ 12,50", also "12.50" when it is
 * unambiguous (one dot followed by 1–2 digits and no comma). Returns the API decimal string or null.
 */
export function parseDutchAmount(input: string): string | null {
  let s = input.replace(/[€\s\u00a0]/g, '');
  if (s === '') return null;
  let neg = false;
  if (s.startsWith('-')) {
    neg = true;
    s = s.slice(1);
  }
  let normalised: string;
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s) || /^\d+(,\d{1,2})?$/.test(s)) {
    normalised = s.replace(/\./g, '').replace(',', '.');
  } else if (/^\d+\.\d{1,2}$/.test(s)) {
    normalised = s;
  } else {
    return null;
  }
  const d = new Decimal(normalised);
  const str = d.toFixed(2);
  return neg && !d.isZero() ? `-${str}` : str;
}

/** Sum API decimal strings exactly. */
export function sumAmounts(values: string[]): string {
  return values.reduce((acc, v) => acc.plus(v), new Decimal(0)).toFixed(2);
}
