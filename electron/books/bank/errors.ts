import { KassaError } from '../../../shared/errors';
import { said, type Said, type SaidValue } from '../../../shared/phrase';

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
 * Every refusal of a bank file goes through here, so the code and shape stay the same. Only a said
 * text (shared/phrase.ts): a treasurer with an English screen reads it in English too. The Dutch
 * gets its capital here when it starts with a lower-case part (no "Regel n: " in front).
 */
export function bankError(message: Said, details: BankErrorDetails): KassaError {
  return new KassaError('BAD_BANK_FILE', { ...message, message: sentence(message.message) }, { details });
}

/**
 * "Regel 14: ", the start of a message about a source line, said as a part of its own (nothing when
 * there is no line). The Dutch message goes on in lower case after it; the English always with a
 * capital ("Line 14: The amount…"), so it reads right with or without the line.
 */
export function atLine(line: number | undefined): SaidValue {
  return line === undefined ? '' : said('err.bankFile.at.line', 'Regel {{line}}: ', { line });
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
    said('err.bankFile.unexpected', 'Het bankbestand kan niet gelezen worden door een onverwachte fout. Controleer of het bestand compleet is en download het zo nodig opnieuw bij de bank.'),
    { reason: 'unexpected', cause },
  );
}
