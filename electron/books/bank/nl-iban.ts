import { isValidIban, normaliseIban } from '../../../shared/validation/iban';

/**
 * A Dutch IBAN is NL + two check digits + the bank's 4-letter code + the old account number padded to
 * 10 digits. ABN AMRO's text export still shows the old number; this rebuilds the IBAN from it.
 */
export function dutchIbanFromAccount(bankCode: string, accountNumber: string): string | null {
  if (!/^[A-Z]{4}$/.test(bankCode) || !/^\d{1,10}$/.test(accountNumber)) return null;
  const bban = bankCode + accountNumber.padStart(10, '0');
  const digits = (bban + 'NL00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  const iban = `NL${String(98 - rest).padStart(2, '0')}${bban}`;
  return isValidIban(iban) ? iban : null;
}

/** An IBAN-looking token (no spaces), upper-cased; null otherwise. Does not check the checksum. */
export function ibanLike(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const s = normaliseIban(raw);
  return /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s) ? s : null;
}
