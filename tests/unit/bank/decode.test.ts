import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KassaError } from '../../../shared/errors';
import { decodeBankBytes, readBankFile } from '../../../electron/books/bank/decode';
import { parseStatement, parseStatementFile } from '../../../electron/books/bank/parse';
import { fixture, isDutchMessage, refusal } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'kassa-bank-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('decoding', () => {
  it('reads Windows-1252 (ë, é, – and €) when the bytes are not UTF-8', () => {
    const bytes = Buffer.from([0x4e, 0x6f, 0xeb, 0x6c, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x80]);
    expect(decodeBankBytes(bytes)).toEqual({ text: 'Noël café – €', encoding: 'windows-1252' });
    const s = parseStatement(fixture('rabobank-cp1252.csv'));
    expect(s.transactions[0]?.counterpartyName).toBe('Noël Dubois');
    expect(s.transactions[2]?.description).toContain('– café-avonden');
  });

  it('reads UTF-8 with and without BOM, and UTF-16 with BOM', () => {
    expect(decodeBankBytes(Buffer.from('Zoë', 'utf8'))).toEqual({ text: 'Zoë', encoding: 'utf-8' });
    expect(decodeBankBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Zoë', 'utf8')]))).toEqual({ text: 'Zoë', encoding: 'utf-8' });
    expect(decodeBankBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Zoë', 'utf16le')])).text).toBe('Zoë');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture('ing.csv')]);
    expect(parseStatement(bom).format).toBe('csv-ing');
  });

  it('refuses PDF, Excel and other binary files with advice', () => {
    expect(refusal(Buffer.from('%PDF-1.7\n...')).message).toMatch(/PDF-bestand.*CAMT\.053/);
    expect(refusal(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0])).message).toMatch(/Excel/);
    expect(refusal(Buffer.from([0x41, 0x00, 0x42])).details).toMatchObject({ reason: 'not-text' });
    expect(refusal(Buffer.alloc(0)).details).toMatchObject({ reason: 'empty' });
    expect(refusal(Buffer.from('  \n\n')).details).toMatchObject({ reason: 'empty' });
  });
});

describe('size limit', () => {
  it('refuses a buffer over the limit before decoding', () => {
    const err = refusal(fixture('ing.csv'), { maxBytes: 100 });
    expect(err.details).toMatchObject({ reason: 'too-large', maxBytes: 100 });
    expect(err.message).toMatch(/te groot/);
  });

  it('refuses a 200 MB file by its size, without reading it', () => {
    const path = join(dir, 'huge.xml');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024); // sparse: no data is written or read
    closeSync(fd);
    const t0 = performance.now();
    let caught: unknown;
    try {
      parseStatementFile(path);
    } catch (err) {
      caught = err;
    }
    const ms = performance.now() - t0;
    expect(caught).toBeInstanceOf(KassaError);
    const err = caught as KassaError;
    expect(err.code).toBe('BAD_BANK_FILE');
    expect(err.details).toMatchObject({ reason: 'too-large', size: 200 * 1024 * 1024 });
    expect(err.message).toBe(
      'Het bestand is te groot (200 MB). Een bankafschrift mag hoogstens 50 MB zijn. Download een kortere periode bij de bank, bijvoorbeeld één maand.',
    );
    expect(ms).toBeLessThan(200);
    const heapBefore = process.memoryUsage().arrayBuffers;
    expect(() => readBankFile(path)).toThrow(KassaError);
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(10 * 1024 * 1024);
  });

  it('reads a file within the limit and parses it', () => {
    const path = join(dir, 'asn.csv');
    writeFileSync(path, fixture('asn.csv'));
    expect(parseStatementFile(path).format).toBe('csv-asn');
    expect(() => parseStatementFile(path, { maxBytes: 10 })).toThrow(/te groot/);
  });

  it('says so when the file does not exist', () => {
    let caught: unknown;
    try {
      parseStatementFile(join(dir, 'bestaat-niet.xml'));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(KassaError);
    expect((caught as KassaError).code).toBe('FILE_NOT_FOUND');
    expect(isDutchMessage((caught as KassaError).message)).toBe(true);
  });
});
