/** KvK numbers have 8 digits; there is no public check digit, so only the form is checked. */
export function isValidKvk(input: string): boolean {
  return /^\d{8}$/.test(input.trim());
}

/**
 * RSIN (fiscal number of a legal entity) is 9 digits and passes the "elfproef":
 * 9·d1 + 8·d2 + … + 2·d8 − 1·d9 must be divisible by 11.
 */
export function isValidRsin(input: string): boolean {
  const s = input.trim();
  if (!/^\d{9}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(s[i]);
  sum -= Number(s[8]);
  return sum % 11 === 0 && s !== '000000000';
}
