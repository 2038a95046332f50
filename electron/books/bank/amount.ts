/**
 * Exact parsing of the amounts banks write, into integer cents. Never parseFloat: the digits are
 * split as text and combined with BigInt, then checked to fit safely in a JS number.
 */

/**
 * - 'dot':   XML decimal, "1234.56", up to 5 fraction digits (camt), no sign, no grouping.
 * - 'mt940': SWIFT amount, "1234,56" or "1234," — comma mandatory, no sign, no grouping.
 * - 'nl':    Dutch CSV, optional sign, "1.234,56" or "1234,56" or "1234".
 * - 'en':    dot-decimal CSV, optional sign, "1,234.56" or "1234.56" or "1234".
 */
import { said, type Said } from '../../../shared/phrase';

export type AmountStyle = 'dot' | 'mt940' | 'nl' | 'en';

export type AmountResult = { ok: true; cents: number } | { ok: false; problem: 'format' | 'precision' | 'too-large' };

/** Larger than any real statement line: 999 999 999 999,99. Keeps sums far inside Number's safe range. */
export const MAX_ABS_CENTS = 99_999_999_999_999n;

const PATTERNS: Record<AmountStyle, RegExp> = {
  dot: /^()(\d{1,18})(?:\.(\d{1,5}))?$/,
  mt940: /^()(\d{1,15}),(\d{0,5})$/,
  nl: /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d{1,15})(?:,(\d{1,5}))?$/,
  en: /^([+-]?)(\d{1,3}(?:,\d{3})+|\d{1,15})(?:\.(\d{1,5}))?$/,
};

export function parseAmount(raw: string, style: AmountStyle): AmountResult {
  const s = raw.trim();
  const m = PATTERNS[style].exec(s);
  if (!m) return { ok: false, problem: 'format' };
  const sign = m[1] === '-' ? -1n : 1n;
  const intDigits = (m[2] ?? '').replace(/[.,]/g, '');
  const frac = m[3] ?? '';
  if (frac.length > 2 && /[1-9]/.test(frac.slice(2))) return { ok: false, problem: 'precision' };
  const cents = BigInt(intDigits) * 100n + BigInt((frac.slice(0, 2) + '00').slice(0, 2));
  if (cents > MAX_ABS_CENTS) return { ok: false, problem: 'too-large' };
  return { ok: true, cents: Number(sign * cents) };
}

/** An MT940 amount; whole euros without the comma (Knab writes "500") are read as "500,". */
export function parseMt940Amount(raw: string): AmountResult {
  return parseAmount(/^\d+$/.test(raw.trim()) ? `${raw.trim()},` : raw, 'mt940');
}

/** Why an amount was refused, said as a part that finishes "het bedrag 'x' …". */
export function amountProblemText(problem: 'format' | 'precision' | 'too-large'): Said {
  switch (problem) {
    case 'format':
      return said('err.bankFile.amountProblem.format', 'is geen geldig bedrag');
    case 'precision':
      return said('err.bankFile.amountProblem.precision', 'heeft meer dan 2 cijfers achter de komma');
    case 'too-large':
      return said('err.bankFile.amountProblem.tooLarge', 'is te groot');
  }
}

/**
 * For files whose decimal mark may differ per export setting (bunq): pick the style that fits
 * every sample. Comma wins when some value ends in ",d" or ",dd"; otherwise dot.
 */
export function guessDecimalStyle(samples: string[]): 'nl' | 'en' {
  for (const s of samples) {
    if (/,\d{1,2}$/.test(s.trim())) return 'nl';
  }
  return 'en';
}
