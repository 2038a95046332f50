import { KassaError } from '../../../shared/errors';
import { BANK_FORMAT_LABELS } from '../../../shared/api/bank';
import { parseCamt053 } from './camt053';
import { parseCsvStatement } from './csv';
import { assertSizeWithinLimit, byteLimit, decodeBankBytes, readBankFile } from './decode';
import { camtVersion, detectFormat } from './detect';
import { bankError, sentence, wrapUnexpected } from './errors';
import { joinSaid, said } from '../../../shared/phrase';
import { mergeParts } from './merge';
import { parseMt940 } from './mt940';
import { BANK_FORMATS, type BankFormat, type ParsedStatement, type ParseWarning, type StatementPart } from './types';

export interface ParseOptions {
  /** Skip detection and read the file as this format. */
  format?: BankFormat;
  /** Refuse larger files before decoding; default 50 MB. */
  maxBytes?: number;
}

function unknownFormat(text: string): never {
  const head = text.replace(/^[\s\uFEFF]+/, '');
  if (head.startsWith('<')) {
    const v = camtVersion(head);
    throw bankError(
      v !== null
        ? said('err.bankFile.otherCamt', 'Dit is een {{version}}-bestand, geen dagafschrift in camt.053-formaat. Download bij de bank het afschrift als CAMT.053, MT940 of CSV.', { version: v })
        : said('err.bankFile.otherXml', 'Dit is een XML-bestand, geen dagafschrift in camt.053-formaat. Download bij de bank het afschrift als CAMT.053, MT940 of CSV.'),
      { reason: 'unknown-format' },
    );
  }
  throw bankError(
    said('err.bankFile.unknown', 'De app herkent dit bestand niet als bankafschrift. Gebruik een CAMT.053- of MT940-bestand, of de CSV-download van ING, Rabobank, ABN AMRO, Triodos, bunq, Knab of ASN/SNS/RegioBank.'),
    { reason: 'unknown-format' },
  );
}

function parseText(text: string, format: BankFormat): { parts: StatementPart[]; warnings: ParseWarning[] } {
  switch (format) {
    case 'camt053':
      return parseCamt053(text);
    case 'mt940':
      return { parts: parseMt940(text), warnings: [] };
    default: {
      const r = parseCsvStatement(text, format);
      return { parts: [r.part], warnings: r.warnings };
    }
  }
}

/**
 * A format the user chose. When the file does not read as that format and does not look like it
 * either, say so (and what it does look like) instead of the parser's complaint about a column,
 * which would only confuse: "deze boeking is in 'Naam / O…'" says nothing to a treasurer.
 */
function parseForced(text: string, format: BankFormat): { parts: StatementPart[]; warnings: ParseWarning[] } {
  try {
    return parseText(text, format);
  } catch (err) {
    const detected = detectFormat(text);
    if (!(err instanceof KassaError) || err.code !== 'BAD_BANK_FILE' || detected === format) throw err;
    // A file nothing recognises may still be this format with one bad value: then its own message helps more.
    const reason = (err.details as { reason?: string } | undefined)?.reason;
    if (detected === null && !['syntax', 'missing', 'currency', 'unknown-format', 'account'].includes(reason ?? '')) throw err;
    const head = said('err.bankFile.notChosenFormat', 'Dit bestand lijkt niet op een bestand in het formaat {{format}}.', { format: BANK_FORMAT_LABELS[format] });
    const tail = said('err.bankFile.chooseRightFormat', 'Kies het juiste formaat, of kies geen formaat: dan herkent de app het zelf.');
    throw bankError(
      detected !== null ? joinSaid(head, said('err.bankFile.looksLike', 'Het lijkt op een bestand in het formaat {{format}}.', { format: BANK_FORMAT_LABELS[detected] }), tail) : joinSaid(head, tail),
      { reason: 'unknown-format', chosen: format, ...(detected !== null ? { detected } : {}), cause: err.message },
    );
  }
}

/**
 * Bytes of a bank file to one statement: size check first, then decoding, detection (unless a
 * format is given) and parsing. Every failure is a KassaError 'BAD_BANK_FILE' (or FILE_NOT_FOUND
 * for a path) with a Dutch message naming the line or entry; nothing else is ever thrown.
 */
export function parseStatement(bytes: Uint8Array, opts: ParseOptions = {}): ParsedStatement {
  try {
    assertSizeWithinLimit(bytes.length, byteLimit(opts.maxBytes));
    if (opts.format !== undefined && !(BANK_FORMATS as readonly string[]).includes(opts.format)) {
      throw bankError(said('err.bankFile.noSuchFormat', "Het formaat '{{format}}' bestaat niet.", { format: String(opts.format) }), { reason: 'unknown-format' });
    }
    const { text } = decodeBankBytes(bytes);
    const format = opts.format ?? detectFormat(text) ?? unknownFormat(text);
    const { parts, warnings } = opts.format !== undefined ? parseForced(text, opts.format) : parseText(text, format);
    const statement = mergeParts(format, parts, warnings);
    statement.warnings = statement.warnings.map((w) => ({ ...w, message: sentence(w.message) }));
    return statement;
  } catch (err) {
    throw wrapUnexpected(err);
  }
}

/** Read a file from disk (refused on its size before reading) and parse it. */
export function parseStatementFile(path: string, opts: ParseOptions = {}): ParsedStatement {
  let bytes: Buffer;
  try {
    bytes = readBankFile(path, opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {});
  } catch (err) {
    throw wrapUnexpected(err);
  }
  return parseStatement(bytes, opts);
}
