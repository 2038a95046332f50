import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { KassaError } from '../../../shared/errors';
import { parseStatement } from '../../../electron/books/bank/parse';
import type { BankFormat, ParsedStatement } from '../../../electron/books/bank/types';

export const FIXTURES = join(__dirname, '../../fixtures/bank');
export const SCHEMAS = join(__dirname, '../../fixtures/schemas/camt');

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

/** Every fixture with the format it must be detected as. */
export const FIXTURE_FORMATS: [string, BankFormat][] = [
  ['camt053-001-02-ing.xml', 'camt053'],
  ['camt053-001-04-rabobank.xml', 'camt053'],
  ['camt053-001-08-abnamro.xml', 'camt053'],
  ['mt940-ing.sta', 'mt940'],
  ['mt940-rabobank.swi', 'mt940'],
  ['mt940-abnamro.sta', 'mt940'],
  ['ing.csv', 'csv-ing'],
  ['rabobank-cp1252.csv', 'csv-rabobank'],
  ['abnamro.tab', 'csv-abnamro'],
  ['triodos.csv', 'csv-triodos'],
  ['bunq.csv', 'csv-bunq'],
  ['asn.csv', 'csv-asn'],
  // issue 15: the variants Dutch (and German) banks really write
  ['mt940-knab.sta', 'mt940'],
  ['mt940-ing-2010.sta', 'mt940'],
  ['mt940-asn.sta', 'mt940'],
  ['mt940-sns.sta', 'mt940'],
  ['mt940-commerzbank.sta', 'mt940'],
  ['mt940-rabobank-2013.swi', 'mt940'],
  ['mt940-triodos-2012.sta', 'mt940'],
  ['ing-single-day.csv', 'csv-ing'],
  ['ing-english.csv', 'csv-ing'],
  ['ing-savings.csv', 'csv-ing'],
  ['abnamro-runin.tab', 'csv-abnamro'],
  ['knab.csv', 'csv-knab'],
];

/** Run the parser and return the KassaError it throws (fails the test when it does not throw one). */
export function refusal(bytes: Uint8Array | string, opts: Parameters<typeof parseStatement>[1] = {}): KassaError {
  const input = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  try {
    parseStatement(input, opts);
  } catch (err) {
    expect(err).toBeInstanceOf(KassaError);
    return err as KassaError;
  }
  throw new Error('expected the parser to refuse this input');
}

/** A message a Dutch reader can use: Dutch words, no JS leftovers (outside what it quotes from the file). */
export function isDutchMessage(message: string): boolean {
  const own = message.replace(/'[^']*'/g, "''");
  return (
    message.trim().length > 0 &&
    /\b(het|de|een|is|niet|bestand|regel|boeking|geen|dit|deze|ontbreekt|afschrift)\b/i.test(own) &&
    !/(undefined|NaN|\[object |TypeError|RangeError|SyntaxError|Cannot read|null)/.test(own)
  );
}

export function sum(s: ParsedStatement): number {
  return s.transactions.reduce((a, t) => a + t.amountCents, 0);
}

export function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Validate an XML string or file against an XSD with Debian's xmllint; returns its stderr on failure. */
export function xmllint(xsd: string, xml: { file?: string; text?: string }): { ok: boolean; output: string } {
  let dir: string | undefined;
  let file = xml.file;
  if (file === undefined) {
    dir = mkdtempSync(join(tmpdir(), 'kassa-camt-'));
    file = join(dir, 'doc.xml');
    writeFileSync(file, xml.text ?? '');
  }
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', xsd, file], { stdio: 'pipe' });
    return { ok: true, output: '' };
  } catch (err) {
    const e = err as { stderr?: Buffer; message: string };
    return { ok: false, output: e.stderr?.toString() ?? e.message };
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
