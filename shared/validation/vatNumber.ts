/**
 * Btw-identificatienummers (VAT identification numbers).
 *
 * Dutch numbers (Belastingdienst): "NL" + 9 digits + "B" + 2 digits. Two checks exist side by side:
 * - the numbers given since 1 January 2020 (sole traders) pass the mod-97 check over the whole
 *   number, letters counted as in IBAN (A = 10 … Z = 35, so N = 23, L = 21, B = 11): the resulting
 *   number modulo 97 is 1 (the Belastingdienst's example NL000099998B57 does);
 * - the older numbers, derived from the RSIN/fiscal number, pass the 11-proof on the 9 digits
 *   (9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11), as the RSIN does.
 * A number is accepted when either check passes.
 *
 * Other EU numbers: only their form can be checked offline (the European Commission's VIES
 * formats per member state). Greece uses the prefix EL, Northern Ireland (goods) XI.
 */

const EU_FORMATS: Readonly<Record<string, RegExp>> = {
  AT: /^ATU\d{8}$/,
  BE: /^BE[01]\d{9}$/,
  BG: /^BG\d{9,10}$/,
  CY: /^CY\d{8}[A-Z]$/,
  CZ: /^CZ\d{8,10}$/,
  DE: /^DE\d{9}$/,
  DK: /^DK\d{8}$/,
  EE: /^EE\d{9}$/,
  EL: /^EL\d{9}$/,
  ES: /^ES[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^FI\d{8}$/,
  FR: /^FR[A-HJ-NP-Z0-9]{2}\d{9}$/,
  HR: /^HR\d{11}$/,
  HU: /^HU\d{8}$/,
  IE: /^IE(\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^IT\d{11}$/,
  LT: /^LT(\d{9}|\d{12})$/,
  LU: /^LU\d{8}$/,
  LV: /^LV\d{11}$/,
  MT: /^MT\d{8}$/,
  NL: /^NL\d{9}B\d{2}$/,
  PL: /^PL\d{10}$/,
  PT: /^PT\d{9}$/,
  RO: /^RO\d{2,10}$/,
  SE: /^SE\d{10}01$/,
  SI: /^SI\d{8}$/,
  SK: /^SK\d{10}$/,
  XI: /^XI(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
};

/** The prefixes of the member states' VAT numbers. */
export const EU_VAT_PREFIXES: ReadonlySet<string> = new Set(Object.keys(EU_FORMATS));

/** ISO 3166 country codes of the EU member states (GR for Greece; XI is Northern Ireland under GB). */
export const EU_COUNTRIES: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'GR', 'ES', 'FI', 'FR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
]);

/** "nl 0012.34.567.b01" → "NL123456782B01". */
export function normaliseVatNumber(input: string): string {
  return input.replace(/[\s.-]/g, '').toUpperCase();
}

function mod97(s: string): number {
  let rest = 0;
  for (const ch of s) {
    const v = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest;
}

function elevenProof(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0 && digits !== '000000000';
}

/** A Dutch btw-id of the right form that passes the mod-97 check or the 11-proof. */
export function isValidDutchVatNumber(input: string): boolean {
  const s = normaliseVatNumber(input);
  if (!EU_FORMATS.NL!.test(s)) return false;
  return mod97(s) === 1 || elevenProof(s.slice(2, 11));
}

/** The member-state prefix ("DE", "EL", …) when the number has that state's form; else null. */
export function euVatPrefix(input: string): string | null {
  const s = normaliseVatNumber(input);
  const prefix = s.slice(0, 2);
  const re = EU_FORMATS[prefix];
  if (!re || !re.test(s)) return null;
  if (prefix === 'NL' && !isValidDutchVatNumber(s)) return null;
  return prefix;
}

/** Valid EU VAT number: the form of its member state, and for NL also the check digits. */
export function isValidEuVatNumber(input: string): boolean {
  return euVatPrefix(input) !== null;
}
