import { describe, expect, it } from 'vitest';
import {
  bestRule, contentKey, descriptionKey, matchInvoice, mentionsInvoiceNumber, normaliseText, suggestFor,
  type MatchContext, type MatchInvoice, type MatchLine, type MatchRule,
} from '../../../shared/rules/bankMatch';
import { BANK_FORMAT_NAMES } from '../../../shared/api/bank';
import { BANK_FORMATS } from '../../../electron/books/bank/types';

const line = (o: Partial<MatchLine> = {}): MatchLine => ({ amountCents: -45000, counterpartyIban: 'NL74RABO0398765432', counterpartyName: 'Woonstichting De Linie', description: 'Huur buurtruimte januari 2026', ...o });
const rule = (o: Partial<MatchRule>): MatchRule => ({ id: 1, iban: null, text: null, direction: null, account: '4100', grant: null, budgetLine: null, person: null, priority: 0, ...o });
const ctx = (o: Partial<MatchContext> = {}): MatchContext => ({
  rules: [], invoices: [], ownAccounts: new Map(), historyByIban: new Map(), historyByText: new Map(), accountName: (c) => ({ '4100': 'Huur en ruimte', '1110': 'Spaarrekening' })[c] ?? '', ...o,
});

describe('text keys', () => {
  it('normalises case, accents and punctuation', () => {
    expect(normaliseText('  Huur—Buurtruimte, JANUARI  (Zoë & Noël) ')).toBe('huur buurtruimte januari zoe noel');
  });
  it('descriptionKey drops numbers and months so monthly costs share a key', () => {
    expect(descriptionKey('Kosten zakelijk betalingsverkeer januari 2026')).toBe('kosten zakelijk betalingsverkeer');
    expect(descriptionKey('Kosten zakelijk betalingsverkeer FEB 2026')).toBe('kosten zakelijk betalingsverkeer');
    expect(descriptionKey('2026-01')).toBe('');
  });
  it('contentKey is the same for the same booking written differently', () => {
    const a = contentKey({ date: '2026-01-12', amountCents: 15000, counterpartyIban: 'nl97rabo0156789012', description: 'Factuur 2026-0007 Coaching' });
    const b = contentKey({ date: '2026-01-12', amountCents: 15000, counterpartyIban: 'NL97RABO0156789012', description: 'factuur 2026-0007  coaching' });
    expect(a).toBe(b);
    expect(contentKey({ date: '2026-01-12', amountCents: 15001, description: 'x' })).not.toBe(contentKey({ date: '2026-01-12', amountCents: 15000, description: 'x' }));
  });
});

describe('rules', () => {
  it('IBAN, text and direction must all fit', () => {
    expect(bestRule([rule({ iban: 'NL74RABO0398765432' })], line())?.id).toBe(1);
    expect(bestRule([rule({ iban: 'NL74RABO0398765433' })], line())).toBeNull();
    expect(bestRule([rule({ text: 'BUURTRUIMTE' })], line())?.id).toBe(1);
    expect(bestRule([rule({ text: 'linie' })], line())?.id).toBe(1); // the counterparty name counts too
    expect(bestRule([rule({ text: 'huur', direction: 'in' })], line())).toBeNull();
    expect(bestRule([rule({ text: 'huur', direction: 'out' })], line())?.id).toBe(1);
  });
  it('priority first, then the more specific rule, then the longer text, then the newest', () => {
    const rules = [
      rule({ id: 1, text: 'huur', account: 'A' }),
      rule({ id: 2, iban: 'NL74RABO0398765432', account: 'B' }),
      rule({ id: 3, iban: 'NL74RABO0398765432', text: 'huur', account: 'C' }),
      rule({ id: 4, text: 'huur buurtruimte', account: 'D' }),
    ];
    expect(bestRule(rules, line())?.account).toBe('C');
    expect(bestRule([rules[0]!, rules[3]!], line())?.account).toBe('D');
    expect(bestRule([rules[0]!, rule({ id: 5, text: 'huur', account: 'E' })], line())?.account).toBe('E');
    expect(bestRule([...rules, rule({ id: 6, text: 'januari', priority: 5, account: 'P' })], line())?.account).toBe('P');
  });
});

describe('invoices', () => {
  it('the number must appear as a whole token', () => {
    expect(mentionsInvoiceNumber('Factuur 2026-0007 coaching', '2026-0007')).toBe(true);
    expect(mentionsInvoiceNumber('factuur 20260007', '2026-0007')).toBe(true);
    expect(mentionsInvoiceNumber('Factuur 2026-00071', '2026-0007')).toBe(false);
    expect(mentionsInvoiceNumber('12026-0007', '2026-0007')).toBe(false);
    expect(mentionsInvoiceNumber('ref 7', '7')).toBe(false);
  });
  const inv = (o: Partial<MatchInvoice>): MatchInvoice => ({ id: 1, kind: 'sales', number: '2026-0007', openCents: 15000, contact: 3, account: '1300', ...o });
  it('amount, direction and number; exactly one', () => {
    const l = line({ amountCents: 15000, description: 'Factuur 2026-0007 coaching' });
    expect(matchInvoice([inv({})], l)?.id).toBe(1);
    expect(matchInvoice([inv({ openCents: 14999 })], l)).toBeNull();
    expect(matchInvoice([inv({ kind: 'purchase', account: '1400' })], l)).toBeNull();
    expect(matchInvoice([inv({ kind: 'purchase', account: '1400' })], line({ amountCents: -15000, description: 'Factuur 2026-0007' }))?.id).toBe(1);
    expect(matchInvoice([inv({}), inv({ id: 2 })], l)).toBeNull();
  });
});

describe('suggestFor: the order of evidence', () => {
  it('invoice, then rule, then own-account transfer, then history', () => {
    const l = line({ amountCents: 15000, counterpartyIban: 'NL81RABO0312345678', description: 'Factuur 2026-0007' });
    const full = ctx({
      invoices: [{ id: 9, kind: 'sales', number: '2026-0007', openCents: 15000, contact: 3, account: '1300' }],
      rules: [rule({ text: 'factuur', account: '8400' })],
      ownAccounts: new Map([['NL81RABO0312345678', '1110']]),
      historyByIban: new Map([['NL81RABO0312345678', { account: '8000', grant: null, budgetLine: null, person: null, contact: null, invoice: null }]]),
    });
    expect(suggestFor(l, full)).toMatchObject({ kind: 'invoice', account: '1300', invoice: 9, contact: 3 });
    expect(suggestFor(l, { ...full, invoices: [] })).toMatchObject({ kind: 'rule', account: '8400' });
    expect(suggestFor(l, { ...full, invoices: [], rules: [] })).toMatchObject({ kind: 'transfer', account: '1110', reason: 'Overboeking tussen eigen rekeningen: NL81 RABO 0312 3456 78 is rekening 1110 Spaarrekening.' });
    expect(suggestFor(l, { ...full, invoices: [], rules: [], ownAccounts: new Map() })).toMatchObject({ kind: 'history', account: '8000' });
    expect(suggestFor(l, ctx())).toBeNull();
  });
  it('history by description only for lines without IBAN', () => {
    const costs = line({ counterpartyIban: null, counterpartyName: null, description: 'Kosten zakelijk betalingsverkeer maart 2026' });
    const c = ctx({ historyByText: new Map([['kosten zakelijk betalingsverkeer', { account: '4610', grant: null, budgetLine: null, person: null, contact: null, invoice: null }]]) });
    expect(suggestFor(costs, c)).toMatchObject({ kind: 'history', account: '4610' });
    expect(suggestFor(line({ description: 'Kosten zakelijk betalingsverkeer maart 2026' }), c)).toBeNull();
  });
});

it('the API lists the same bank formats as the parsers', () => {
  expect([...BANK_FORMAT_NAMES]).toEqual([...BANK_FORMATS]);
});
