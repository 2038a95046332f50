import { parseCamt053 } from './camt053';
import { parseCsvStatement } from './csv';
import { assertSizeWithinLimit, byteLimit, decodeBankBytes, readBankFile } from './decode';
import { camtVersion, detectFormat } from './detect';
import { bankError, sentence, wrapUnexpected } from './errors';
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
    const what = v !== null ? `een ${v}-bestand` : 'een XML-bestand';
    throw bankError(
      `Dit is ${what}, geen dagafschrift in camt.053-formaat. Download bij de bank het afschrift als CAMT.053, MT940 of CSV.`,
      { reason: 'unknown-format' },
    );
  }
  throw bankError(
    'De app herkent dit bestand niet als bankafschrift. Gebruik een CAMT.053- of MT940-bestand, of de CSV-download van ING, Rabobank, ABN AMRO, Triodos, bunq of ASN/SNS/RegioBank.',
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
 * Bytes of a bank file to one statement: size check first, then decoding, detection (unless a
 * format is given) and parsing. Every failure is a KassaError 'BAD_BANK_FILE' (or FILE_NOT_FOUND
 * for a path) with a Dutch message naming the line or entry; nothing else is ever thrown.
 */
export function parseStatement(bytes: Uint8Array, opts: ParseOptions = {}): ParsedStatement {
  try {
    assertSizeWithinLimit(bytes.length, byteLimit(opts.maxBytes));
    if (opts.format !== undefined && !(BANK_FORMATS as readonly string[]).includes(opts.format)) {
      throw bankError(`Het formaat '${String(opts.format)}' bestaat niet.`, { reason: 'unknown-format' });
    }
    const { text } = decodeBankBytes(bytes);
    const format = opts.format ?? detectFormat(text) ?? unknownFormat(text);
    const { parts, warnings } = parseText(text, format);
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
