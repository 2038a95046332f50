import Decimal from 'decimal.js';
import { KassaError } from './errors';
import { said } from './phrase';


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

// Display and parsing of typed amounts, without decimal.js: the renderer's first chunk needs them.
export { centsToString, formatAmountNl, formatEuro, parseDutchAmount } from './moneyText';

/** Sum API decimal strings exactly. */
export function sumAmounts(values: string[]): string {
  return values.reduce((acc, v) => acc.plus(v), new Decimal(0)).toFixed(2);
}
