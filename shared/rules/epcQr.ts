import { KassaError } from '../errors';
import { centsToString } from '../money';
import { isValidIban, normaliseIban } from '../validation/iban';

/**
 * Payload of the EPC payment QR code (EPC069-12, "GiroCode"): the customer's banking app reads
 * name, IBAN, amount and invoice number from it.
 *
 * Elements, one per line, separated by LF:
 *   1 BCD · 2 version 002 · 3 character set 1 (UTF-8) · 4 SCT · 5 BIC (may be empty in 002)
 *   6 beneficiary name (≤ 70) · 7 IBAN · 8 EUR + amount with a dot · 9 purpose code (empty)
 *   10 structured creditor reference (empty) · 11 unstructured remittance (≤ 140)
 * The whole payload may not exceed 331 bytes.
 *
 * Trailing empty elements: the guideline lets a payload end at its last populated element, with no
 * separator after it. We do exactly that (no trailing "\n"), so a payload without remittance text
 * ends at the amount line. Empty elements in the middle (BIC, purpose, structured reference) stay as
 * empty lines, because the position of every element is fixed.
 */

export interface EpcPaymentInput {
  /** Beneficiary (the foundation) as the bank knows it, ≤ 70 characters. */
  name: string;
  iban: string;
  /** Optional in version 002 within the EEA. */
  bic?: string | null;
  /** Integer cents, 1 … 99 999 999 999. */
  amountCents: number;
  /** Unstructured remittance information, e.g. "Factuur 2025-0012" (≤ 140 characters). */
  remittance?: string | null;
}

export const EPC_MAX_BYTES = 331;
export const EPC_MAX_NAME = 70;
export const EPC_MAX_REMITTANCE = 140;
const MAX_AMOUNT_CENTS = 99_999_999_999; // EUR 999999999.99

const BIC_RE = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

function invalid(message: string, field: string): KassaError {
  return new KassaError('INVALID_INPUT', message, { field });
}

function singleLine(value: string, what: string, field: string): string {
  if (/[\r\n]/.test(value)) throw invalid(`${what} mag geen regeleinde bevatten (voor de betaal-QR-code).`, field);
  return value.trim();
}

/** Build the EPC QR payload. Throws KassaError('INVALID_INPUT') with a Dutch message. */
export function buildEpcPayload(input: EpcPaymentInput): string {
  const name = singleLine(input.name ?? '', 'De naam van de ontvanger', 'name');
  if (name === '') throw invalid('De naam van de ontvanger ontbreekt (voor de betaal-QR-code).', 'name');
  if ([...name].length > EPC_MAX_NAME) {
    throw invalid(`De naam van de ontvanger is te lang voor de betaal-QR-code: hoogstens ${EPC_MAX_NAME} tekens.`, 'name');
  }

  const iban = normaliseIban(input.iban ?? '');
  if (!isValidIban(iban)) throw invalid('Het IBAN klopt niet. Controleer het rekeningnummer.', 'iban');

  const bic = (input.bic ?? '').replace(/\s+/g, '').toUpperCase();
  if (bic !== '' && !BIC_RE.test(bic)) throw invalid('De BIC klopt niet. Een BIC heeft 8 of 11 tekens, of laat hem leeg.', 'bic');

  const cents = input.amountCents;
  if (!Number.isSafeInteger(cents) || cents < 1 || cents > MAX_AMOUNT_CENTS) {
    throw invalid('Het bedrag voor de betaal-QR-code moet tussen € 0,01 en € 999.999.999,99 liggen.', 'amountCents');
  }

  const remittance = singleLine(input.remittance ?? '', 'De omschrijving', 'remittance');
  if ([...remittance].length > EPC_MAX_REMITTANCE) {
    throw invalid(`De omschrijving is te lang voor de betaal-QR-code: hoogstens ${EPC_MAX_REMITTANCE} tekens.`, 'remittance');
  }

  const elements = ['BCD', '002', '1', 'SCT', bic, name, iban, `EUR${centsToString(cents)}`, '', '', remittance];
  while (elements.length > 0 && elements[elements.length - 1] === '') elements.pop();
  const payload = elements.join('\n');

  // TextEncoder rather than Buffer: this module also runs in the renderer.
  if (new TextEncoder().encode(payload).length > EPC_MAX_BYTES) {
    throw invalid(`De gegevens voor de betaal-QR-code zijn samen te lang (meer dan ${EPC_MAX_BYTES} bytes). Maak de omschrijving korter.`, 'remittance');
  }
  return payload;
}
