import { formatEuro } from '../money';
import { Sentences } from '../phrase';

/**
 * One sign convention for a bank difference, said in words so no screen shows "€ -150" where
 * another shows "€ 150": the difference is always bank minus books, and it is told as a positive
 * amount "more/less on the bank than in the books".
 */
export function differenceWords(bankCents: number | bigint, bookCents: number | bigint): { dutch: string; key: string; params: { amount: string } } {
  const diff = BigInt(bankCents) - BigInt(bookCents);
  const amount = formatEuro(diff < 0n ? -diff : diff);
  if (diff < 0n) return { dutch: `Er staat ${amount} minder op de bank dan in de boeken.`, key: 'bank.less', params: { amount } };
  if (diff > 0n) return { dutch: `Er staat ${amount} meer op de bank dan in de boeken.`, key: 'bank.more', params: { amount } };
  return { dutch: 'De bank en de boeken zijn gelijk.', key: 'bank.equal', params: { amount } };
}

/** Add the difference sentence to a text being built. */
export function addDifference(s: Sentences, bankCents: number | bigint, bookCents: number | bigint): Sentences {
  const w = differenceWords(bankCents, bookCents);
  return s.add(w.dutch, w.key, w.params);
}
