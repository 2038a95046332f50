/**
 * The history head printed where people keep it (issue 17): the statements PDF and workbook, the XAF
 * audit file (as a comment: it still validates against the XSD) and each backup's line in the list.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../../shared/api/types';
import { backupHead } from '../../../electron/backups/head';
import { cleanupTempDirs, makeBooks, ROOT, simpleEntry, tempDir } from '../helpers';

afterAll(cleanupTempDirs);

const XSD = path.join(ROOT, 'tests', 'fixtures', 'schemas', 'xaf', 'XmlAuditfileFinancieel3.2.xsd');

describe('the head on what leaves the app', () => {
  it('statements PDF and xlsx, XAF and the backup listing carry the current head', async () => {
    const b = await makeBooks({ year: 2026, extra: { kvk: '12345678', rsin: '123456782' } });
    const out = tempDir();
    let head: string;
    try {
      await b.call('entries.post', simpleEntry('2026-02-01', '1100', '8000', '10.00', 'Gift'));
      await b.call('entries.post', simpleEntry('2026-02-03', '4200', '1000', '4.50', 'Koffie'));
      head = (await b.call<VerifyResult>('audit.verify')).history.head;
      expect(head).toMatch(/^2:[0-9a-f]{12}$/);

      const xaf = path.join(out, 'audit.xaf');
      await b.call('export.xaf', { year: 2026, path: xaf });
      expect(fs.readFileSync(xaf, 'utf8')).toContain(`<!-- Kijk op de Kassa, kop van de geschiedenis: ${head} -->`);
      const lint = spawnSync('xmllint', ['--noout', '--schema', XSD, xaf], { encoding: 'utf8' });
      expect(lint.status, lint.stderr).toBe(0);

      const pdf = path.join(out, 'jaarstukken.pdf');
      await b.call('statements.pdf', { year: 2026, path: pdf });
      const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text.status, text.stderr).toBe(0);
      expect(text.stdout).toContain(`Kop van de geschiedenis: ${head}`);

      const xlsx = path.join(out, 'jaarstukken.xlsx');
      await b.call('statements.xlsx', { year: 2026, path: xlsx });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(xlsx);
      const cells: string[] = [];
      wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
      expect(cells.some((c) => c.includes(`kop van de geschiedenis ${head}`)), cells.slice(0, 4).join(' | ')).toBe(true);
    } finally {
      b.close();
    }
    // A backup is a closed .kassa file: its line shows the head, and reading it leaves no side files.
    const copy = path.join(tempDir(), 'kopie.kassa');
    fs.copyFileSync(b.file, copy);
    expect(backupHead(copy)).toBe(head);
    expect(fs.readdirSync(path.dirname(copy))).toEqual(['kopie.kassa']);
    expect(backupHead(path.join(out, 'audit.xaf'))).toBeNull();
  });
});
