/**
 * Issue 18 for the kascommissie checklist: its evidence lines reach an English review screen in
 * English (phrases, shared/phrase.ts), and the Dutch texts stay exactly what they were (the
 * fixture is what the checklist said before the lines became phrases).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateNl } from '../../../shared/dates';
import i18n from '../../../renderer/src/i18n';
import { serverText } from '../../../renderer/src/serverText';
import { DUTCH_ALLOWED, DUTCH_WORDS, leftovers } from '../../e2e/languageWords';
import { cleanupTempDirs, type TestBooks } from '../helpers';
import { evidenceCases, type EvidenceCase } from './evidenceBooks';
import { openItemSaid } from '../../../electron/books/review/checklistMore';

const expectedNl = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'fixtures', 'review', 'evidence-nl.json'), 'utf8')) as string[][];

/** Names the books hold (accounts, people, projects, contacts): data, not words to translate. */
const DATA = ['Bank betaalrekening', 'Kas', 'Fatima El Amrani', 'Jan de Boer', 'Taalcafé', 'Huur', 'Gemeente Voorbeeldstad', 'Drukkerij De Letter'];

describe('the checklist\'s evidence in the UI language', () => {
  let b: TestBooks;
  let cases: EvidenceCase[] = [];
  beforeAll(async () => {
    ({ b, cases } = await evidenceCases());
  }, 60_000);
  afterAll(() => {
    i18n.changeLanguage('nl');
    b.close();
    cleanupTempDirs();
  });

  it('says every line in Dutch as before', () => {
    const today = formatDateNl(new Date().toISOString().slice(0, 10));
    const said: string[][] = [];
    for (const c of cases) {
      if (c.item === 'receipts') continue;
      const line = [c.item, c.e.label, c.e.value.replace(today, '{{today}}')];
      if (!said.some((s) => s.join('\n') === line.join('\n'))) said.push(line);
    }
    expect(said).toEqual(expectedNl);
    i18n.changeLanguage('nl');
    for (const { e } of cases) {
      expect(serverText({ message: e.label, says: e.labelSays })).toBe(e.label);
      expect(serverText({ message: e.value, says: e.valueSays })).toBe(e.value);
    }
  });

  it('shows every line in English with no Dutch left', () => {
    i18n.changeLanguage('en');
    const dutchLeft: string[] = [];
    let translated = 0;
    for (const { e } of cases) {
      for (const [nl, says] of [[e.label, e.labelSays], [e.value, e.valueSays]] as const) {
        const en = serverText({ message: nl, says });
        if (en !== nl) translated++;
        for (const l of leftovers(en, DUTCH_WORDS, DUTCH_ALLOWED, DATA)) dutchLeft.push(`${en}: ${l.word}`);
      }
    }
    expect(dutchLeft).toEqual([]);
    expect(translated).toBeGreaterThan(50);
    const en = (label: string) => cases.filter((c) => c.e.label === label).map(({ e }) => serverText({ message: e.value, says: e.valueSays }).replace(/\u00a0/g, ' '));
    expect(en('Taalcafé')).toContain('spent € 150,00 of € 100,00; over budget: Huur (€ 50,00 too much); unspent € 350,00 is not yet on the balance sheet as a debt or fund; ended on 31-12-2026: has the report been sent?');
    expect(en('Fatima El Amrani')).toContain('€ 200,00 of € 150,00 (133 %), € 50,00 too much · above a limit');
    expect(en('1000 Kas')).toContain('Counted on 31-12-2026: € 40,00. Cash book: € 42,50. Difference € -2,50.');
    const closing = cases.find((c) => c.e.label === 'Afsluitboeking')!.e;
    expect(serverText({ message: closing.label, says: closing.labelSays })).toBe('Closing entry');
  });

  it('says one day in the singular, in both languages', async () => {
    const one = openItemSaid('Jan de Boer', '€ 1,00', 1);
    const many = openItemSaid('Jan de Boer', '€ 1,00', 2);
    expect([one.message, many.message]).toEqual(['Jan de Boer · open € 1,00 · 1 dag oud', 'Jan de Boer · open € 1,00 · 2 dagen oud']);
    await i18n.changeLanguage('en');
    expect([serverText(one), serverText(many)]).toEqual(['Jan de Boer · open € 1,00 · 1 day old', 'Jan de Boer · open € 1,00 · 2 days old']);
    await i18n.changeLanguage('nl');
  });
});
