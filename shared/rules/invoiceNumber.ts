import { KassaError } from '../errors';

/**
 * Invoice number formats. A format is literal text with placeholders:
 *   {year}    the fiscal year of the invoice date, 4 digits ("2026")
 *   {yy}      the same, 2 digits ("26")
 *   {seq}     the place in the series, no leading zeros ("7")
 *   {seq:N}   the same, padded with zeros to N digits (1–9): {seq:4} -> "0007"
 * Exactly one {seq}; at most one year placeholder. Default "{year}-{seq:4}" -> "2026-0001".
 *
 * The series is the format with the year filled in and {seq…} left as it is ("2026-{seq:4}"): a new
 * year, or another format, starts a new series at 1, and numbers within a series are gapless.
 */

export const DEFAULT_NUMBER_FORMAT = '{year}-{seq:4}';
export const MAX_NUMBER_LENGTH = 30;

const TOKEN_RE = /\{(year|yy|seq)(?::(\d))?\}/g;
const LITERAL_RE = /^[A-Za-z0-9\-/._ ]*$/;

export interface ParsedFormat {
  format: string;
  seqWidth: number;
  hasYear: boolean;
}

function invalid(message: string): KassaError {
  return new KassaError('INVALID_INPUT', message, { field: 'numberFormat' });
}

/** Check a number format. Throws INVALID_INPUT (field numberFormat) with a Dutch message. */
export function parseNumberFormat(format: string): ParsedFormat {
  const f = typeof format === 'string' ? format.trim() : '';
  if (f === '') throw invalid('Vul een nummering in, bijvoorbeeld {year}-{seq:4}.');
  let seqCount = 0;
  let yearCount = 0;
  let seqWidth = 0;
  for (const m of f.matchAll(TOKEN_RE)) {
    if (m[1] === 'seq') {
      seqCount++;
      seqWidth = m[2] === undefined ? 0 : Number(m[2]);
      if (m[2] !== undefined && seqWidth < 1) throw invalid('Het aantal cijfers van het volgnummer moet tussen 1 en 9 liggen, bijvoorbeeld {seq:4}.');
    } else {
      if (m[2] !== undefined) throw invalid(`Achter {${m[1]}} hoort geen getal.`);
      yearCount++;
    }
  }
  if (seqCount !== 1) throw invalid('De nummering moet precies één keer {seq} bevatten: het volgnummer.');
  if (yearCount > 1) throw invalid('Het jaar mag maar één keer in de nummering staan.');
  const literal = f.replace(TOKEN_RE, '');
  if (/[{}]/.test(literal)) throw invalid('De nummering kent alleen {year}, {yy}, {seq} en {seq:4}. Controleer de accolades.');
  if (!LITERAL_RE.test(literal)) throw invalid('Gebruik in de nummering alleen letters, cijfers, streepjes, punten, schuine strepen en spaties.');
  const example = renderNumber({ format: f, seqWidth, hasYear: yearCount > 0 }, 2026, 1);
  if (example.length > MAX_NUMBER_LENGTH) throw invalid(`Een factuurnummer mag hoogstens ${MAX_NUMBER_LENGTH} tekens hebben.`);
  return { format: f, seqWidth, hasYear: yearCount > 0 };
}

function fillYear(format: string, year: number): string {
  return format.replace(/\{year\}/g, String(year)).replace(/\{yy\}/g, String(year % 100).padStart(2, '0'));
}

/** The series key of a format in a year: "{year}-{seq:4}" in 2026 -> "2026-{seq:4}". */
export function seriesKey(p: ParsedFormat, year: number): string {
  return fillYear(p.format, year);
}

/** The number at place seq: ("{year}-{seq:4}", 2026, 7) -> "2026-0007". */
export function renderNumber(p: ParsedFormat, year: number, seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`seq must be a positive integer: ${seq}`);
  return fillYear(p.format, year).replace(/\{seq(?::\d)?\}/, String(seq).padStart(p.seqWidth, '0'));
}
