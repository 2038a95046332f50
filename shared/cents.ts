// Cents as the API's decimal string, with BigInt and without decimal.js: the trial balance of
// `kassa report` needs only this of shared/money.ts (issue 18), which re-exports it for the rest.

/** Integer cents to the API's decimal string: 123456 -> "1234.56", -5 -> "-0.05". */
export function centsToString(cents: number | bigint): string {
  const big = BigInt(cents);
  const neg = big < 0n;
  const abs = neg ? -big : big;
  const euros = abs / 100n;
  const rest = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${euros}.${rest}`;
}
