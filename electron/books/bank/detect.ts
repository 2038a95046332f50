import { looksLikeAbnRow } from './csv/abnamro';
import { looksLikeAsnRow } from './csv/asn';
import { isBunqHeader } from './csv/bunq';
import { isIngHeader } from './csv/ing';
import { isKnabHeader, isKnabTitle } from './csv/knab';
import { isRabobankHeader } from './csv/rabobank';
import { detectSeparator, headerKey, readCsv } from './csv/reader';
import { looksLikeTriodosRow } from './csv/triodos';
import type { BankFormat } from './types';

/** "camt.053.001.02" etc. from the document's namespace, or null. */
export function camtVersion(text: string): string | null {
  const m = /urn:iso:std:iso:20022:tech:xsd:(camt\.\d{3}\.\d{3}\.\d{2})/.exec(text.slice(0, 65536));
  return m ? (m[1] as string) : null;
}

function firstLine(text: string): string {
  const m = /^[^\r\n]*/.exec(text.replace(/^[\s\uFEFF]*/, ''));
  return m ? m[0] : '';
}

function detectCsv(text: string): BankFormat | null {
  const line = firstLine(text);
  if (line === '') return null;
  let cells: string[];
  try {
    cells = readCsv(line, detectSeparator(line))[0]?.cells ?? [];
  } catch {
    return null;
  }
  if (isKnabTitle(cells)) return 'csv-knab';
  const keys = new Set(cells.map(headerKey));
  if (isIngHeader(keys)) return 'csv-ing';
  if (isRabobankHeader(keys)) return 'csv-rabobank';
  if (isBunqHeader(keys)) return 'csv-bunq';
  if (isKnabHeader(keys)) return 'csv-knab';
  if (looksLikeAbnRow(cells)) return 'csv-abnamro';
  if (looksLikeAsnRow(cells)) return 'csv-asn';
  if (looksLikeTriodosRow(cells)) return 'csv-triodos';
  return null;
}

/**
 * Which format is this, judged by the content only (never the file name): camt.053 XML by its
 * namespace, MT940 by its :20:/:25:/:60F: tags, each bank's CSV by its heading or column layout.
 * Returns null when nothing fits.
 */
export function detectFormat(text: string): BankFormat | null {
  const head = text.replace(/^[\s\uFEFF]+/, '');
  if (head.startsWith('<')) {
    const v = camtVersion(head);
    return v !== null && v.startsWith('camt.053.') ? 'camt053' : null;
  }
  const has20 = /^:20:/m.test(text);
  const has25 = /^:25:/m.test(text);
  const has60 = /^:60[FM]:/m.test(text);
  if ((has20 && has25) || has60) return 'mt940';
  return detectCsv(text);
}
