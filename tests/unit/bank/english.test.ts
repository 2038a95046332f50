import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KassaError } from '../../../shared/errors';
import { said } from '../../../shared/phrase';
import { atLine, bankError, wrapUnexpected } from '../../../electron/books/bank/errors';
import { parseStatement } from '../../../electron/books/bank/parse';
import { suggestFor, type MatchContext, type MatchLine, type MatchRule } from '../../../shared/rules/bankMatch';
import i18n from '../../../renderer/src/i18n';
import { phrasesOf, serverText } from '../../../renderer/src/serverText';
import { DUTCH_ALLOWED, DUTCH_WORDS, leftovers } from '../../e2e/languageWords';
import { fixture, refusal } from './helpers';

/**
 * Issue 18: a refused bank file reads in English on an English screen. The refusal is rendered by
 * the renderer's own serverText() from the phrases the parser attached; the Dutch text stays what
 * the Dutch tests expect. Quoted fragments of the file ('Af', 'Bij') are the bank's words, not ours.
 */

const text = (name: string): string => fixture(name).toString('utf8');

function english(err: KassaError): string {
  return serverText({ message: err.message, says: phrasesOf(err.details) });
}

/** Dutch words left in an English text, outside what it quotes from the file. */
const dutchIn = (s: string) => leftovers(s.replace(/'[^']*'/g, "''"), DUTCH_WORDS, DUTCH_ALLOWED, []);

beforeAll(async () => {
  await i18n.changeLanguage('en');
});
afterAll(async () => {
  await i18n.changeLanguage('nl');
});

describe('bank file refusals in English', () => {
  it.each([
    ['a broken CAMT amount, with its entry and line', () => refusal(text('camt053-001-02-ing.xml').replace('<Amt Ccy="EUR">25.00</Amt>', '<Amt Ccy="EUR">25.0x</Amt>')),
      /^Boeking \d+ \(regel 49\): het bedrag '25\.0x' is geen geldig bedrag\.$/, /^Entry \d+ \(line 49\): The amount '25\.0x' is not a valid amount\.$/],
    ['a file in no known format', () => refusal('Boodschappenlijstje: melk, brood'),
      /^De app herkent dit bestand niet als bankafschrift\./, /^The app does not recognise this file as a bank statement\./],
    ['an impossible date in an ING CSV', () => refusal(text('ing.csv').replace('"20260131"', '"20261331"')),
      /^Regel 2: de datum '20261331' is geen geldige datum\.$/, /^Line 2: The date '20261331' is not a valid date\.$/],
    ['an MT940 statement without its closing balance', () => refusal(text('mt940-ing.sta').replace(/^:62F:.*\r?\n/m, '')),
      /heeft geen eindsaldo \(:62F:\)/, /has no closing balance \(:62F:\)\. The file is probably not complete\.$/],
    ['a PDF instead of a statement', () => refusal('%PDF-1.4\n%âãÏÓ\n1 0 obj'),
      /^Dit is een PDF-bestand, geen bankafschrift/, /^This is a PDF file, not a bank statement/],
    ['an unexpected failure', () => wrapUnexpected(new TypeError('x is undefined')),
      /onverwachte fout/, /^The bank file cannot be read because of an unexpected error\./],
  ])('%s', (_what, refuse, dutch, inEnglish) => {
    const err = refuse();
    expect(err.code).toBe('BAD_BANK_FILE');
    expect(err.message).toMatch(dutch);
    const en = english(err);
    expect(en).toMatch(inEnglish);
    expect(dutchIn(en)).toEqual([]);
  });

  it('starts a sentence with a capital in both languages, with or without a line', () => {
    const without = bankError(said('err.bankFile.csv.minus', '{{at}}het bedrag hoort zonder min-teken te staan.', { at: atLine(undefined) }), { reason: 'amount' });
    expect(without.message).toBe('Het bedrag hoort zonder min-teken te staan.');
    expect(english(without)).toBe('The amount should be written without a minus sign.');
    const withLine = bankError(said('err.bankFile.csv.minus', '{{at}}het bedrag hoort zonder min-teken te staan.', { at: atLine(7) }), { reason: 'amount', line: 7 });
    expect(withLine.message).toBe('Regel 7: het bedrag hoort zonder min-teken te staan.');
    expect(english(withLine)).toBe('Line 7: The amount should be written without a minus sign.');
  });

  it('says the warnings about a file in English too', () => {
    // A running balance that does not follow on: the row's warning names its line.
    const s = parseStatement(Buffer.from(text('ing.csv').replace('"4302,21"', '"4302,22"'), 'utf8'));
    expect(s.warnings.length).toBeGreaterThan(0);
    for (const w of s.warnings) {
      expect(w.says, w.message).toBeDefined();
      const en = serverText(w);
      expect(en).not.toBe(w.message);
      expect(dutchIn(en), en).toEqual([]);
    }
  });
});

describe('bank suggestion reasons in English', () => {
  const line = (o: Partial<MatchLine> = {}): MatchLine => ({ amountCents: -4599, counterpartyIban: 'NL44RABO0123456789', counterpartyName: 'Boekhandel Lombok', description: 'Werkboeken 2026-0007', ...o });
  const rule = (o: Partial<MatchRule>): MatchRule => ({ id: 1, iban: null, text: null, direction: null, account: '4300', grant: null, budgetLine: null, person: null, priority: 0, ...o });
  const none = { account: '4300', grant: null, budgetLine: null, person: null, contact: null, invoice: null };
  const ctx = (o: Partial<MatchContext>): MatchContext => ({
    rules: [], invoices: [], ownAccounts: new Map(), historyByIban: new Map(), historyByText: new Map(), accountName: () => 'Materialen', ...o,
  });
  it.each([
    ['an open invoice named in the description', line(), ctx({ invoices: [{ id: 1, kind: 'purchase', number: '2026-0007', openCents: 4599, contact: 1, account: '1400' }] }),
      'Inkoopfactuur 2026-0007 staat open voor precies €\u00a045,99 en het nummer staat in de omschrijving.', 'Purchase invoice 2026-0007 is open for exactly €\u00a045,99 and its number is in the description.'],
    ['a rule with all three conditions', line(), ctx({ rules: [rule({ iban: 'NL44RABO0123456789', text: 'Werkboeken', direction: 'out' })] }),
      'Regel: tegenrekening NL44 RABO 0123 4567 89, omschrijving bevat "Werkboeken", geld betaald → 4300 Materialen.',
      'Rule: counter account NL44 RABO 0123 4567 89, description contains "Werkboeken", money paid → 4300 Materialen.'],
    ['a rule with two', line(), ctx({ rules: [rule({ iban: 'NL44RABO0123456789', direction: 'out' })] }), null, null],
    ['a rule on the text alone', line(), ctx({ rules: [rule({ text: 'Werkboeken' })] }),
      'Regel: omschrijving bevat "Werkboeken" → 4300 Materialen.', 'Rule: description contains "Werkboeken" → 4300 Materialen.'],
    ['a transfer', line(), ctx({ ownAccounts: new Map([['NL44RABO0123456789', '1110']]) }),
      'Overboeking tussen eigen rekeningen: NL44 RABO 0123 4567 89 is rekening 1110 Materialen.', 'Transfer between own accounts: NL44 RABO 0123 4567 89 is account 1110 Materialen.'],
    ['the same counter account before', line(), ctx({ historyByIban: new Map([['NL44RABO0123456789', none]]) }), null, null],
    ['the same description before', line({ counterpartyIban: null, description: 'Kosten maart' }), ctx({ historyByText: new Map([['kosten', none]]) }),
      'Eerder geboekt: een regel met dezelfde omschrijving ging naar 4300 Materialen.', 'Booked before: a line with the same description went to 4300 Materialen.'],
  ])('%s', (_what, l, c, dutch, inEnglish) => {
    const s = suggestFor(l, c)!;
    if (dutch) expect(s.reason).toBe(dutch);
    const en = serverText({ message: s.reason, says: s.says });
    if (inEnglish) expect(en).toBe(inEnglish);
    expect(en).not.toBe(s.reason);
    expect(dutchIn(en), en).toEqual([]);
  });
});
