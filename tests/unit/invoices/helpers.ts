/**
 * Test helpers for the invoice document layer: Debian's xmllint (libxml2-utils) and pdftotext /
 * pdfimages (poppler-utils), QR decoding with jsqr + pngjs, and a small path reader over
 * fast-xml-parser output.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export const UBL_SCHEMA_DIR = resolve(__dirname, '../../fixtures/schemas/ubl-2.1/maindoc');
export const INVOICE_XSD = join(UBL_SCHEMA_DIR, 'UBL-Invoice-2.1.xsd');
export const CREDIT_NOTE_XSD = join(UBL_SCHEMA_DIR, 'UBL-CreditNote-2.1.xsd');

function requireTool(name: string, pkg: string): void {
  const r = spawnSync('which', [name]);
  if (r.status !== 0) throw new Error(`${name} is missing: apt-get install -y ${pkg}`);
}

function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'kassa-inv-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Validate XML against an XSD with xmllint. Returns { ok, output }. */
export function xmllintValidate(xml: string, xsd: string): { ok: boolean; output: string } {
  requireTool('xmllint', 'libxml2-utils');
  return withTempDir((dir) => {
    const file = join(dir, 'doc.xml');
    writeFileSync(file, xml);
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, file], { encoding: 'utf8' });
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
  });
}

/** Text of a PDF as pdftotext reads it, with non-breaking spaces made plain and whitespace collapsed. */
export function pdfToText(pdf: Buffer): string {
  requireTool('pdftotext', 'poppler-utils');
  return withTempDir((dir) => {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    return raw.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
  });
}

/** Number of pages according to pdftotext's form-feed separators. */
export function pdfPageCount(pdf: Buffer): number {
  requireTool('pdftotext', 'poppler-utils');
  return withTempDir((dir) => {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const raw = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    return raw.split('\f').filter((p) => p.trim() !== '').length;
  });
}

/** Decode a QR code from a PNG buffer. */
export function decodeQrPng(png: Buffer): string | null {
  const img = PNG.sync.read(png);
  const code = jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height);
  return code ? code.data : null;
}

/**
 * The images embedded in a PDF (pdfimages -png), as PNG buffers. Soft masks (the alpha channel
 * pdfkit splits off a PNG with transparency) are left out: only real pictures are returned.
 */
export function pdfImagesPng(pdf: Buffer): Buffer[] {
  requireTool('pdfimages', 'poppler-utils');
  return withTempDir((dir) => {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    // "-list" prints: page num type width height ...; rows are in the same order as the files.
    const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
    const types = list.map((l) => l.trim().split(/\s+/)[2]);
    execFileSync('pdfimages', ['-png', file, join(dir, 'img')]);
    const files = readdirSync(dir)
      .filter((f) => f.startsWith('img') && f.endsWith('.png'))
      .sort();
    return files.filter((_f, i) => types[i] === 'image').map((f) => readFileSync(join(dir, f)));
  });
}

const ALWAYS_ARRAYS = new Set(['cac:InvoiceLine', 'cac:CreditNoteLine', 'cac:TaxSubtotal', 'cac:PartyTaxScheme', 'cbc:Note']);

export function parseUbl(xml: string): Record<string, unknown> {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (name) => ALWAYS_ARRAYS.has(name),
  });
  return parser.parse(xml) as Record<string, unknown>;
}

/** Walk a slash path ("cac:Party/cbc:EndpointID"); arrays on the way resolve to their first item. */
export function at(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('/')) {
    if (Array.isArray(cur)) cur = cur[0];
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** All values at a path, expanding every array on the way. */
export function all(obj: unknown, path: string): unknown[] {
  let level: unknown[] = [obj];
  for (const part of path.split('/')) {
    const next: unknown[] = [];
    for (const item of level) {
      const items = Array.isArray(item) ? item : [item];
      for (const it of items) {
        if (it !== null && typeof it === 'object' && part in (it as Record<string, unknown>)) next.push((it as Record<string, unknown>)[part]);
      }
    }
    level = next;
  }
  return level.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

/** Text content of a parsed element (with or without attributes). */
export function text(v: unknown): string | undefined {
  if (Array.isArray(v)) return text(v[0]);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && '#text' in (v as Record<string, unknown>)) return String((v as Record<string, unknown>)['#text']);
  return undefined;
}

export function attr(v: unknown, name: string): string | undefined {
  if (v !== null && typeof v === 'object') {
    const a = (v as Record<string, unknown>)[`@_${name}`];
    return a === undefined ? undefined : String(a);
  }
  return undefined;
}
