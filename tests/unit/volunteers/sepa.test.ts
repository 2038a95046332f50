/**
 * SEPA text rules and the pure pain.001.001.03 builder: whatever a treasurer types as a name or a
 * description, the file keeps to the SEPA character set and validates against the ISO 20022 XSD.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pain001Xml } from '../../../electron/books/volunteers/pain001';
import { sepaId, sepaText } from '../../../shared/rules/sepaText';

const XSD = path.resolve(__dirname, '../../fixtures/schemas/sepa/pain.001.001.03.xsd');
const SEPA = /^[A-Za-z0-9/\-?:().,'+ ]*$/;

describe('sepaText', () => {
  it('transliterates Dutch and other names', () => {
    expect(sepaText('Zoë Öztürk-Çelik & Co', 70)).toBe('Zoe Ozturk-Celik en Co');
    expect(sepaText('Straße 1; “quote” — ĳs', 70)).toBe("Strasse 1, 'quote' - ijs");
    expect(sepaText('  veel    ruimte\n\tregels ', 70)).toBe('veel ruimte regels');
    expect(sepaText('€ 12,50 voor 日本', 70)).toBe('EUR 12,50 voor');
    expect(sepaText('a'.repeat(100), 70)).toHaveLength(70);
  });

  it('makes identifiers without spaces or double slashes', () => {
    expect(sepaId('VRW 12//3/')).toBe('VRW-12/3');
    expect(sepaId('日本')).toBe('NOTPROVIDED');
    expect(sepaId('x'.repeat(50))).toHaveLength(35);
  });

  it('always gives SEPA characters within the length', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 1, max: 140 }), (s, max) => {
        const out = sepaText(s, max);
        expect(out).toMatch(SEPA);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out).toBe(out.trim());
      }),
    );
  });
});

describe('pain001Xml', () => {
  it('validates against the XSD for any names and descriptions', () => {
    const names = fc.sample(fc.string({ unit: 'grapheme', minLength: 0, maxLength: 120 }), { numRuns: 150, seed: 42 });
    const xml = pain001Xml({
      messageId: 'KASSA-VRW-20260301120000-1',
      createdAt: '2026-03-01T12:00:00',
      executionDate: '2026-03-02',
      debtorName: 'Stichting <Buurt> & "Kracht"',
      debtorIban: 'NL91ABNA0417164300',
      transfers: names.map((n, i) => ({
        endToEndId: `VRW-${i + 1}`,
        amountCents: 1 + i * 997,
        creditorName: n === '' ? 'x' : n,
        creditorIban: 'NL02ABNA0123456789',
        remittance: `${n} ${n}`,
      })),
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-pain-'));
    try {
      const file = path.join(dir, 'p.xml');
      fs.writeFileSync(file, xml);
      const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD, file], { encoding: 'utf8' });
      expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(xml).toContain('<NbOfTxs>150</NbOfTxs>');
    expect(xml.match(/<Cdtr>/g)).toHaveLength(150); // every transfer names its creditor
    const total = names.reduce((s, _n, i) => s + 1 + i * 997, 0);
    expect(xml).toContain(`<CtrlSum>${Math.floor(total / 100)}.${String(total % 100).padStart(2, '0')}</CtrlSum>`);
  });
});
