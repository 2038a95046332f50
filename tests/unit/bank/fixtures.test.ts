import { describe, expect, it } from 'vitest';
import { parseStatement } from '../../../electron/books/bank/parse';
import type { ParsedStatement } from '../../../electron/books/bank/types';
import { fixture, sum } from './helpers';

/** [date, cents, counterparty name, counterparty IBAN, description] */
type Row = [string, number, string | undefined, string | undefined, string];

function rows(s: ParsedStatement): Row[] {
  return s.transactions.map((t) => [t.date, t.amountCents, t.counterpartyName, t.counterpartyIban, t.description]);
}

function expectBalanced(s: ParsedStatement): void {
  expect(s.openingBalanceCents).toBeDefined();
  expect((s.openingBalanceCents ?? 0) + sum(s)).toBe(s.closingBalanceCents);
}

const JANUARY_ING: Row[] = [
  ['2026-01-05', 2500, 'J. de Vries', 'NL86INGB0002345678', 'Gift januari'],
  ['2026-01-07', 250000, 'Gemeente Utrecht', 'NL38BNGH0285012345', 'Subsidie bewonersinitiatief 2026 beschikking BI-2026-0412'],
  ['2026-01-08', -45000, 'Woonstichting De Linie', 'NL74RABO0398765432', 'Huur buurtruimte januari 2026'],
  ['2026-01-12', 15000, 'Wijkcentrum De Kroon', 'NL97RABO0156789012', 'Factuur 2026-0007 coaching bewonersavond'],
  ['2026-01-15', -8500, 'M. Bakker', 'NL47ABNA0562345671', 'Vrijwilligersvergoeding december 2025'],
];

describe('camt.053 fixtures', () => {
  it('camt.053.001.02 (ING): entries, batch split, balances, entities', () => {
    const s = parseStatement(fixture('camt053-001-02-ing.xml'));
    expect(s).toMatchObject({
      format: 'camt053',
      accountIban: 'NL36INGB0007654321',
      currency: 'EUR',
      statementId: '2026-01-NL36INGB0007654321',
      from: '2026-01-01',
      to: '2026-01-31',
      openingBalanceCents: 123456,
      closingBalanceCents: 430221,
      warnings: [],
    });
    expect(rows(s)).toEqual([
      ...JANUARY_ING.slice(0, 3),
      ['2026-01-12', 15000, 'Wijkcentrum De Kroon', 'NL97RABO0156789012', 'Factuur 2026-0007 Coaching bewonersavond'],
      JANUARY_ING[4],
      ['2026-01-15', -6000, 'Zoë Öztürk', 'NL22SNSB0912345678', 'Vrijwilligersvergoeding december 2025'],
      ['2026-01-20', 100000, 'Vrienden van Oost & Omstreken', 'NL71INGB0009876543', 'Bijdrage buurtmoestuin 2026'],
      ['2026-01-31', -1235, undefined, undefined, 'Kosten zakelijk betalingsverkeer januari 2026'],
    ]);
    expect(s.transactions[0]).toMatchObject({ bankRef: '0105A1B2C3D4E5F6', line: 49 });
    expect(s.transactions[0]?.endToEndId).toBeUndefined(); // NOTPROVIDED is no reference
    expect(s.transactions[1]?.endToEndId).toBe('BI-2026-0412');
    // the batch entry of 145.00 is split into its two payments, each with its own reference
    expect(s.transactions[4]?.bankRef).toBe('0115E5F6A7B8C9D0/1');
    expect(s.transactions[5]?.bankRef).toBe('0115E5F6A7B8C9D0/2');
    expectBalanced(s);
  });

  it('camt.053.001.04 (Rabobank): two statements merged, structured reference', () => {
    const s = parseStatement(fixture('camt053-001-04-rabobank.xml'));
    expect(s).toMatchObject({
      format: 'camt053',
      accountIban: 'NL81RABO0312345678',
      from: '2026-02-02',
      to: '2026-02-03',
      openingBalanceCents: 50000,
      closingBalanceCents: 134050,
      warnings: [],
    });
    expect(rows(s)).toEqual([
      ['2026-02-02', 5000, 'A. Janssen', 'NL03INGB0004567890', 'Gift voor de buurtmaaltijd'],
      ['2026-02-02', -45000, 'Woonstichting De Linie', 'NL74RABO0398765432', 'Huur buurtruimte februari 2026'],
      ['2026-02-03', 125000, 'Gemeente Utrecht', 'NL38BNGH0285012345', 'Betalingskenmerk 5000123456789012 Subsidie leefbaarheid eerste termijn'],
      ['2026-02-03', -950, undefined, undefined, 'Rabo BasisPakket Zakelijk kosten januari'],
    ]);
    expectBalanced(s);
  });

  it('camt.053.001.08 (ABN AMRO): prefixed namespace, Pty names, pending entry skipped with a warning', () => {
    const s = parseStatement(fixture('camt053-001-08-abnamro.xml'));
    expect(s).toMatchObject({ accountIban: 'NL91ABNA0417164300', openingBalanceCents: 200000, closingBalanceCents: 228575 });
    expect(rows(s)).toEqual([
      ['2026-02-03', 7500, 'René Vermeulen', 'NL94RABO0300111222', 'Gift t.b.v. kinderactiviteiten'],
      ['2026-02-10', -8500, 'M. Bakker', 'NL47ABNA0562345671', 'Vrijwilligersvergoeding januari 2026'],
      ['2026-02-17', 30000, 'Stichting Present Utrecht', 'NL07KNAB0255123456', 'Factuur 2026-0008 workshop buurtbudget'],
      ['2026-02-28', -425, undefined, undefined, 'ABN AMRO Bank N.V. Basic Package kosten februari'],
    ]);
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]?.message).toMatch(/^Boeking 5 \(regel \d+\): .*PDNG.*niet ingelezen/);
    expectBalanced(s);
  });
});

describe('MT940 fixtures', () => {
  it('ING structured MT940: /CNTP/ and /REMI/USTD// split over 65-character lines', () => {
    const s = parseStatement(fixture('mt940-ing.sta'));
    expect(s).toMatchObject({
      format: 'mt940',
      accountIban: 'NL36INGB0007654321',
      statementId: 'P260131000000001',
      from: '2026-01-05',
      to: '2026-01-31',
      openingBalanceCents: 123456,
      closingBalanceCents: 430221,
      warnings: [],
    });
    expect(rows(s)).toEqual([
      ...JANUARY_ING,
      ['2026-01-15', -6000, 'Z. Ozturk', 'NL22SNSB0912345678', 'Vrijwilligersvergoeding december 2025'],
      ['2026-01-20', 100000, 'Vrienden van Oost en Omstreken', 'NL71INGB0009876543', 'Bijdrage buurtmoestuin 2026'],
      ['2026-01-31', -1235, undefined, undefined, 'Kosten zakelijk betalingsverkeer januari 2026'],
    ]);
    expect(s.transactions[1]).toMatchObject({ bankRef: '0107B2C3D4E5F6A7', endToEndId: 'BI-2026-0412', line: 12 });
    expectBalanced(s);
  });

  it('Rabobank MT940S: two statements, counterparty IBAN on the :61: line, /ORDP//NAME/ and /BENM//NAME/', () => {
    const s = parseStatement(fixture('mt940-rabobank.swi'));
    expect(s).toMatchObject({ accountIban: 'NL81RABO0312345678', openingBalanceCents: 50000, closingBalanceCents: 134050, warnings: [] });
    expect(rows(s)).toEqual([
      ['2026-02-02', 5000, 'A. Janssen', 'NL03INGB0004567890', 'Gift voor de buurtmaaltijd'],
      ['2026-02-02', -45000, 'Woonstichting De Linie', 'NL74RABO0398765432', 'Huur buurtruimte februari 2026'],
      ['2026-02-03', 125000, 'Gemeente Utrecht', 'NL38BNGH0285012345', 'Subsidie leefbaarheid eerste termijn'],
      ['2026-02-03', -950, undefined, undefined, 'Rabo BasisPakket Zakelijk kosten januari'],
    ]);
    expectBalanced(s);
  });

  it('ABN AMRO MT940: old account number to IBAN, /TRTP/ and labelled free text', () => {
    const s = parseStatement(fixture('mt940-abnamro.sta'));
    expect(s).toMatchObject({ accountIban: 'NL91ABNA0417164300', openingBalanceCents: 228575, closingBalanceCents: 238445, warnings: [] });
    expect(rows(s)).toEqual([
      ['2026-03-03', 4000, 'R. Vermeulen', 'NL94RABO0300111222', 'Gift maart voor de kinderactiviteiten'],
      ['2026-03-05', -8500, 'M. Bakker', 'NL47ABNA0562345671', 'Vrijwilligersvergoeding februari 2026'],
      ['2026-03-16', 15000, 'Wijkcentrum De Kroon', 'NL97RABO0156789012', 'Factuur 2026-0007'],
      ['2026-03-31', -630, undefined, undefined, 'ABN AMRO Bank N.V. Basic Package 6,30'],
    ]);
    expect(s.transactions[2]?.endToEndId).toBe('KROON-2026-0007');
    expectBalanced(s);
  });
});

describe('CSV fixtures', () => {
  it('ING (semicolons, newest first, running balance): put in date order, balances derived', () => {
    const s = parseStatement(fixture('ing.csv'));
    expect(s).toMatchObject({
      format: 'csv-ing',
      accountIban: 'NL36INGB0007654321',
      from: '2026-01-05',
      to: '2026-01-31',
      openingBalanceCents: 123456,
      closingBalanceCents: 430221,
      warnings: [],
    });
    expect(rows(s)).toEqual([
      ...JANUARY_ING,
      ['2026-01-15', -6000, 'Zoë Öztürk', 'NL22SNSB0912345678', 'Vrijwilligersvergoeding december 2025'],
      ['2026-01-20', 100000, 'Vrienden van Oost & Omstreken', 'NL71INGB0009876543', 'Bijdrage buurtmoestuin 2026'],
      ['2026-01-31', -1235, 'Kosten Zakelijk Betalen', undefined, 'Kosten zakelijk betalingsverkeer januari 2026'],
    ]);
    expect(s.transactions[0]).toMatchObject({ line: 9, valueDate: '2026-01-05' });
    expect(s.transactions[1]?.endToEndId).toBe('BI-2026-0412');
    expectBalanced(s);
  });

  it('Rabobank (Windows-1252 with ë/é/–, signed amounts, running balance)', () => {
    const s = parseStatement(fixture('rabobank-cp1252.csv'));
    expect(s).toMatchObject({ format: 'csv-rabobank', accountIban: 'NL81RABO0312345678', openingBalanceCents: 50000, closingBalanceCents: 149050 });
    expect(rows(s)).toEqual([
      ['2026-02-02', 5000, 'Noël Dubois', 'NL03INGB0004567890', 'Gift voor de buurtmaaltijd, groetjes van Noël'],
      ['2026-02-02', -45000, 'Woonstichting De Linie', 'NL74RABO0398765432', 'Huur buurtruimte februari 2026'],
      ['2026-02-03', 125000, 'Gemeente Utrecht', 'NL38BNGH0285012345', 'Subsidie leefbaarheid eerste termijn – café-avonden'],
      ['2026-02-03', 15000, 'Buurtcafé Zoë', 'NL97RABO0156789012', 'Factuur 2026-0007 inzet vrijwilligers bij het buurtfeest'],
      ['2026-02-04', -950, undefined, undefined, 'Rabo BasisPakket Zakelijk kosten januari'],
    ]);
    expect(s.transactions[0]?.bankRef).toBe('4711');
    expectBalanced(s);
  });

  it('ABN AMRO TXT (tabs, start and end balance per row)', () => {
    const s = parseStatement(fixture('abnamro.tab'));
    expect(s).toMatchObject({ format: 'csv-abnamro', accountIban: 'NL91ABNA0417164300', openingBalanceCents: 228575, closingBalanceCents: 443445, warnings: [] });
    expect(rows(s)).toEqual([
      ['2026-03-03', 4000, 'R. Vermeulen', 'NL94RABO0300111222', 'Gift maart voor de kinderactiviteiten'],
      ['2026-03-05', -8500, 'M. Bakker', 'NL47ABNA0562345671', 'Vrijwilligersvergoeding februari 2026'],
      ['2026-03-10', 250000, 'GEMEENTE UTRECHT', 'NL38BNGH0285012345', 'Subsidie bewonersinitiatief 2026 tweede deel'],
      ['2026-03-12', -45000, 'Woonstichting De Linie', 'NL74RABO0398765432', 'Huur buurtruimte maart 2026'],
      ['2026-03-16', 15000, 'Wijkcentrum De Kroon', 'NL97RABO0156789012', 'Factuur 2026-0007'],
      ['2026-03-31', -630, undefined, undefined, 'ABN AMRO Bank N.V. Basic Package 6,30'],
    ]);
    expectBalanced(s);
  });

  it('Triodos (no heading, Debet/Credit, thousands separator)', () => {
    const s = parseStatement(fixture('triodos.csv'));
    expect(s).toMatchObject({ format: 'csv-triodos', accountIban: 'NL49TRIO0390123456', warnings: [] });
    expect(s.openingBalanceCents).toBeUndefined();
    expect(rows(s)).toEqual([
      ['2026-01-06', 1000, 'L. Meijer', 'NL02ABNA0123456789', 'Gift, succes met het buurtfeest!'],
      ['2026-01-09', 125000, 'Gemeente Utrecht', 'NL38BNGH0285012345', 'Subsidie Initiatievenfonds 2026 dossier IF-2026-0057'],
      ['2026-01-09', -45000, 'Woonstichting De Linie', 'NL74RABO0398765432', 'Huur buurtruimte januari 2026'],
      ['2026-01-14', 8000, 'Huurdersvereniging Oost', 'NL36TRIO0212345679', 'Factuur 2026-0007 kascontrole workshop'],
      ['2026-01-16', -5000, 'S. el Amrani', 'NL69ASNB0801234567', 'Vrijwilligersvergoeding januari 2026'],
      ['2026-01-31', -1100, undefined, undefined, 'Kosten betaalrekening januari 2026'],
    ]);
  });

  it('bunq (heading, semicolons, comma decimals, escaped quotes)', () => {
    const s = parseStatement(fixture('bunq.csv'));
    expect(s).toMatchObject({ format: 'csv-bunq', accountIban: 'NL51BUNQ2045678901', warnings: [] });
    expect(rows(s)).toEqual([
      ['2026-01-04', 1500, 'J. de Vries', 'NL86INGB0002345678', 'Gift voor de kledingruil'],
      ['2026-01-08', -45000, 'Woonstichting De Linie', 'NL74RABO0398765432', 'Huur buurtruimte januari 2026'],
      ['2026-01-09', 75000, 'Gemeente Utrecht', 'NL38BNGH0285012345', 'Subsidie buurtinitiatief "Samen Koken" 2026'],
      ['2026-01-13', 15000, 'Wijkcentrum De Kroon', 'NL97RABO0156789012', 'Factuur 2026-0007'],
      ['2026-01-17', -4250, 'M. Bakker', 'NL47ABNA0562345671', 'Vrijwilligersvergoeding januari 2026; 8,5 uur'],
      ['2026-01-31', -899, 'bunq', undefined, 'Abonnement bunq Business januari'],
    ]);
  });

  it('ASN/SNS/RegioBank (19 columns, dot decimals, balance before each booking)', () => {
    const s = parseStatement(fixture('asn.csv'));
    expect(s).toMatchObject({ format: 'csv-asn', accountIban: 'NL44ASNB0708123456', openingBalanceCents: 31250, closingBalanceCents: 59750, warnings: [] });
    expect(rows(s)).toEqual([
      ['2026-01-05', 2000, 'J. de Vries', 'NL86INGB0002345678', 'Gift nieuwjaarsborrel'],
      ['2026-01-08', 60000, 'Gemeente Utrecht', 'NL38BNGH0285012345', 'Subsidie buurtbudget 2026'],
      ['2026-01-08', -45000, 'Woonstichting De Linie', 'NL74RABO0398765432', 'Huur buurtruimte januari 2026'],
      ['2026-01-12', 15000, 'Wijkcentrum De Kroon', 'NL97RABO0156789012', 'Factuur 2026-0007'],
      ['2026-01-19', -3000, 'M. Bakker', 'NL47ABNA0562345671', 'Vrijwilligersvergoeding januari 2026'],
      ['2026-01-31', -500, undefined, undefined, 'Kosten gebruik betaalrekening'],
    ]);
    expect(s.transactions[0]?.bankRef).toBe('11000123');
    expectBalanced(s);
  });
});
