import { KassaError } from '../../../shared/errors';
import type { Said } from '../../../shared/phrase';

/** Why a bank file was refused; tests and the import layer can match on it. */
export type BankErrorReason =
  | 'too-large'
  | 'empty'
  | 'not-text'
  | 'unknown-format'
  | 'unsafe-xml'
  | 'syntax'
  | 'missing'
  | 'amount'
  | 'date'
  | 'currency'
  | 'account'
  | 'truncated'
  | 'unexpected';

export interface BankErrorDetails {
  reason: BankErrorReason;
  line?: number;
  entry?: number;
  [key: string]: unknown;
}

/** Start a message with a capital, also when it had no "Regel n: " in front. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * Every refusal of a bank file goes through here, so the code and shape stay the same. A said text
 * (shared/phrase.ts) can be shown in English too; plain text stays Dutch-only.
 */
export function bankError(message: string | Said, details: BankErrorDetails): KassaError {
  return new KassaError('BAD_BANK_FILE', typeof message === 'string' ? sentence(message) : message, { details });
}

/** "Regel 14: " — the prefix for messages about a source line. */
export function atLine(line: number | undefined): string {
  return line === undefined ? '' : `Regel ${line}: `;
}

/** Shorten what we quote from the file so a message stays readable. */
export function quote(raw: string, max = 40): string {
  // Control characters (C0 and DEL) become spaces so a message never carries them.
  const clean = [...raw.slice(0, max + 40)].map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? ' ' : ch)).join('').trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** Turn anything unexpected into a Dutch KassaError; KassaErrors pass through unchanged. */
export function wrapUnexpected(err: unknown): KassaError {
  if (err instanceof KassaError) return err;
  const cause = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return bankError(
    'Het bankbestand kan niet gelezen worden door een onverwachte fout. Controleer of het bestand compleet is en download het zo nodig opnieuw bij de bank.',
    { reason: 'unexpected', cause },
  );
}
