/**
 * Amounts as people read and type them, in BigInt cents and strings only (no decimal.js): the
 * renderer's first script chunk formats the dashboard's figures with these, and decimal.js
 * (~30 kB) stays out of it. shared/money.ts re-exports them for everyone else.
 */

// Cents as a decimal string lives in ./cents (the CLI report needs only that, without Intl).
import { centsToString } from './cents';

export { centsToString };

// Made on first use: building an Intl formatter loads ICU's locale data (~20 ms), which a CLI report
// that prints decimal strings never needs.
let nlFormatter: Intl.NumberFormat | undefined;
let nlPlain: Intl.NumberFormat | undefined;

function euroFormatter(): Intl.NumberFormat {
  nlFormatter ??= new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });
  return nlFormatter;
}

/**
 * Build the euro formatter now. The renderer's first chunk does, in the time it waits for the
 * app's chunk: the first one cost 20–70 ms of the first render (ICU's locale data) otherwise.
 */
export function prepareEuroFormat(): void {
  euroFormatter();
}

/** Format cents for Dutch readers: "€ 1.234,56". Via the exact decimal string, so large sums never lose a cent. */
export function formatEuro(cents: number | bigint): string {
  // Intl formats a string decimal exactly (ES2023 "exact decimal" strings); stay within Number for sane sums.
  return euroFormatter().format(centsToString(cents) as unknown as number);
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
  // Exact in BigInt cents: "007,5" -> "7.50", and "-0,00" has no sign.
  const [whole = '0', fraction = ''] = normalised.split('.');
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  const str = centsToString(cents);
  return neg && cents !== 0n ? `-${str}` : str;
}
