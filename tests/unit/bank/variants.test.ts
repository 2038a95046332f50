import { describe, expect, it } from 'vitest';
import { parseStatement } from '../../../electron/books/bank/parse';
import type { ParsedStatement } from '../../../electron/books/bank/types';
import { fixture, isDutchMessage, refusal, sum } from './helpers';

/**
 * Issue 15: bank files as Dutch banks really write them. One fixture per variant (see
 * tests/fixtures/bank/SOURCES.md); each test checks count, signed total, dates, counterparty
 * IBAN (or account number) and name, the full description and the statement balances.
 */

/** [date, cents, counterparty name, counterparty IBAN/account, description] */
type Row = [string, number, string | undefined, string | undefined, string];

function rows(s: ParsedStatement): Row[] {
  return s.transactions.map((t) => [t.date, t.amountCents, t.counterpartyName, t.counterpartyIban, t.description]);
}

function expectStatement(s: ParsedStatement, want: { account: string; opening: number; closing: number; from: string; to: string; rows: Row[] }): void {
  expect(s).toMatchObject({ accountIban: want.account, openingBalanceCents: want.opening, closingBalanceCents: want.closing, from: want.from, to: want.to });
  expect(rows(s)).toEqual(want.rows);
  expect(s.transactions).toHaveLength(want.rows.length);
  expect(sum(s)).toBe(want.closing - want.opening);
}

describe('MT940 :61: read by its SWIFT structure', () => {
  it('Knab: amounts without decimals ("C500NTRF")', () => {
    const s = parseStatement(fixture('mt940-knab.sta'));
    expectStatement(s, {
      account: 'NL07KNAB0255123456', opening: 100000, closing: 104505, from: '2026-03-02', to: '2026-03-31',
      rows: [
        ['2026-03-02', 50000, 'Gemeente Utrecht', 'NL38BNGH0285012345', 'Subsidie buurtfeest 2026'],
        ['2026-03-10', -45000, 'Woonstichting De Linie', 'NL74RABO0398765432', 'Huur buurtruimte maart 2026'],
        ['2026-03-31', -495, undefined, undefined, 'Knab Zakelijk Rekening maart 2026'],
      ],
    });
    expect(s.warnings).toEqual([]);
    expect(s.transactions.map((t) => t.bankRef)).toEqual(['K260302A1', 'K260310B2', 'K260331C3']);
  });

  it('old ING (2010): type "NOV " with a space, old account number in :25: becomes the IBAN', () => {
    const s = parseStatement(fixture('mt940-ing-2010.sta'));
    expectStatement(s, {
      account: 'NL36INGB0007654321', opening: 228673, closing: 230050, from: '2010-07-22', to: '2010-07-30',
      rows: [
        ['2010-07-22', -2503, undefined, undefined, '0562345671 M. BAKKER VRIJWILLIGERSVERGOEDING JUNI 2010'],
        ['2010-07-23', 4000, undefined, undefined, '0002345678 J. DE VRIES GIFT JULI VOOR DE SPEELTUIN'],
        ['2010-07-30', -120, undefined, undefined, 'KOSTEN BETALINGSVERKEER JULI 2010'],
      ],
    });
    expect(s.warnings).toEqual([]);
  });

  it('ASN: four spaces as entry date, counterparty IBAN in the reference and the name on the next line', () => {
    const s = parseStatement(fixture('mt940-asn.sta'));
    expectStatement(s, {
      account: 'NL44ASNB0708123456', opening: 31250, closing: 27000, from: '2026-01-02', to: '2026-01-31',
      rows: [
        ['2026-01-02', 2500, 'J. de Vries', 'NL86INGB0002345678', 'Gift januari'],
        ['2026-01-05', -6500, 'M. Bakker', 'NL47ABNA0562345671', 'Vrijwilligersvergoeding december 2025'],
        ['2026-01-31', -250, undefined, undefined, 'Kosten rekening januari 2026'],
      ],
    });
    // the IBAN is the counterparty, not a bank reference
    expect(s.transactions.map((t) => t.bankRef)).toEqual([undefined, undefined, undefined]);
    expect(s.transactions.every((t) => t.valueDate === undefined)).toBe(true);
  });

  it('SNS (de Volksbank): incasso and transfer with the counterparty in :61:', () => {
    const s = parseStatement(fixture('mt940-sns.sta'));
    expectStatement(s, {
      account: 'NL64SNSB0937465012', opening: 150000, closing: 160500, from: '2026-02-03', to: '2026-02-04',
      rows: [
        ['2026-02-03', -4500, 'Woonstichting De Linie', 'NL74RABO0398765432', 'Servicekosten februari 2026 machtiging DL-2026-0042'],
        ['2026-02-04', 15000, 'Wijkcentrum De Kroon', 'NL97RABO0156789012', 'Factuur 2026-0008'],
      ],
    });
  });

  it('Commerzbank (EUR): a space before the type, ?-sub-fields with SEPA words', () => {
    const s = parseStatement(fixture('mt940-commerzbank.sta'));
    expectStatement(s, {
      account: 'DE60500400000123456789', opening: 200000, closing: 204210, from: '2026-03-31', to: '2026-03-31',
      rows: [
        ['2026-03-31', 5000, 'J. de Vries', 'NL86INGB0002345678', 'Gift buurtfeest Oost'],
        ['2026-03-31', -790, undefined, undefined, 'Kontofuehrung Maerz 2026'],
      ],
    });
    expect(s.transactions[0]?.bankRef).toBe('POS 1');
    expect(s.transactions[0]?.endToEndId).toBeUndefined(); // EREF+NOTPROVIDED is no reference
  });

  it('old Rabobank (before 2014): account and name in the :61: tail, every :86: of a booking kept', () => {
    const s = parseStatement(fixture('mt940-rabobank-2013.swi'));
    expectStatement(s, {
      account: 'NL81RABO0312345678', opening: 50000, closing: 8755, from: '2013-01-31', to: '2013-01-31',
      rows: [
        ['2013-01-31', 4000, 'J. DE VRIES', '0002345678', 'GIFT JANUARI VOOR DE KINDERMIDDAG'],
        ['2013-01-31', -45000, 'WOONSTICHTING DE LINIE', '0398765432', 'HUUR BUURTRUIMTE FEBRUARI 2013 BETALINGSKENM. 2013020001'],
        ['2013-01-31', -245, undefined, undefined, 'KOSTEN RABO BEDRIJVENPAKKET'],
      ],
    });
    expect(s.transactions[2]?.bankRef).toBeUndefined(); // "0000000000" is no reference
  });

  it('old Triodos: >20/>21 markers out of the text, account (>31) and name (>32) read', () => {
    const s = parseStatement(fixture('mt940-triodos-2012.sta'));
    expectStatement(s, {
      account: 'NL49TRIO0390123456', opening: 497509, closing: 519009, from: '2012-01-02', to: '2012-01-05',
      rows: [
        ['2012-01-02', 25000, 'Vrienden van Oost', '0198765432', 'Bijdrage buurtmoestuin 2012'],
        ['2012-01-05', -3500, 'M. Bakker', '0562345671', 'Vrijwilligersvergoeding december 2011'],
      ],
    });
    for (const t of s.transactions) expect(t.description).not.toMatch(/>\d\d/);
  });

  it('stays strict about what matters: date, sign and amount', () => {
    const knab = fixture('mt940-knab.sta').toString('utf8');
    expect(refusal(knab.replace(':61:2603020302C500NTRF', ':61:2613020302C500NTRF')).details).toMatchObject({ reason: 'date', line: 5 });
    expect(refusal(knab.replace(':61:2603020302C500NTRF', ':61:2603020302X500NTRF')).details).toMatchObject({ reason: 'syntax', line: 5 });
    expect(refusal(knab.replace(':61:2603020302C500NTRF', ':61:2603020302C5.00NTRF')).message).toBe("Regel 5: het bedrag '5.00' is geen geldig bedrag.");
    expect(refusal(knab.replace(':61:2603020302C500NTRF', ':61:2603020302C5,0,0NTRF')).details).toMatchObject({ reason: 'amount' });
    const asn = fixture('mt940-asn.sta').toString('utf8');
    expect(refusal(asn.replace(':61:260102    C', ':61:260102  C')).details).toMatchObject({ reason: 'syntax', line: 6 });
  });

  it('reversals: RC is money out, RD money in', () => {
    const knab = fixture('mt940-knab.sta').toString('utf8').replace('2603020302C500NTRF', '2603020302RD500NTRF').replace('2603100310D450NTRF', '2603100310RC450NTRF');
    const s = parseStatement(Buffer.from(knab));
    expect(s.transactions.map((t) => t.amountCents)).toEqual([50000, -45000, -495]);
  });
});

describe('MT942 and a wrong format get a message a treasurer can act on', () => {
  it('MT942 (interim report): says what the file is and what to download instead', () => {
    const e = refusal(fixture('mt942-ing.sta'));
    expect(e.code).toBe('BAD_BANK_FILE');
    expect(e.message).toMatch(/^Dit is een MT942-bestand: een tussentijds overzicht/);
    expect(e.message).toMatch(/Download bij uw bank het dagafschrift als MT940 of CAMT\.053/);
    expect(e.message).not.toMatch(/:6[012]/); // no tag jargon
    expect(isDutchMessage(e.message)).toBe(true);
  });

  it('a forced format the file does not look like: names both, no column jargon', () => {
    const e = refusal(fixture('ing.csv'), { format: 'csv-abnamro' });
    expect(e.message).toBe(
      'Dit bestand lijkt niet op een bestand in het formaat TXT/TAB van ABN AMRO. Het lijkt op een bestand in het formaat CSV van ING. Kies het juiste formaat, of kies geen formaat: dan herkent de app het zelf.',
    );
    expect(e.details).toMatchObject({ reason: 'unknown-format', chosen: 'csv-abnamro', detected: 'csv-ing' });
    expect(refusal(fixture('knab.csv'), { format: 'mt940' }).message).toMatch(/^Dit bestand lijkt niet op een bestand in het formaat MT940\. Het lijkt op een bestand in het formaat CSV van Knab\./);
    // a file of the chosen format with one bad value keeps its own precise message
    const bad = fixture('ing.csv').toString('utf8').replace('"450,00"', '"abc"');
    expect(refusal(bad, { format: 'csv-ing' }).message).toBe("Regel 7: het bedrag 'abc' is geen geldig bedrag.");
  });
});

describe('CSV exports as the banks write them', () => {
  it('ING of a single day, newest first: the running balances decide the order, balances right, no warnings', () => {
    const s = parseStatement(fixture('ing-single-day.csv'));
    expectStatement(s, {
      account: 'NL36INGB0007654321', opening: 162440, closing: 44638, from: '2026-02-12', to: '2026-02-12',
      rows: [
        ['2026-02-12', 15000, 'Wijkcentrum De Kroon', 'NL97RABO0156789012', 'Workshop bewonersavond'],
        ['2026-02-12', 67198, 'Gemeente Utrecht', 'NL38BNGH0285012345', 'Vergoeding buurtfeest'],
        ['2026-02-12', -200000, 'Woonstichting De Linie', 'NL74RABO0398765432', 'Borg en huur buurtruimte maart 2026'],
      ],
    });
    expect(s.warnings).toEqual([]);
    expect(s.transactions.map((t) => t.endToEndId)).toEqual(['2026-0008', 'BI-2026-0413', 'HUUR-2026-03']);
  });

  it('the same day written oldest first is read oldest first too (the balances, not a fixed rule)', () => {
    const lines = fixture('ing-single-day.csv').toString('utf8').trimEnd().split('\r\n');
    const flipped = [lines[0], ...lines.slice(1).reverse()].join('\r\n');
    const s = parseStatement(Buffer.from(flipped));
    expect(s).toMatchObject({ openingBalanceCents: 162440, closingBalanceCents: 44638, warnings: [] });
    expect(s.transactions.map((t) => t.amountCents)).toEqual([15000, 67198, -200000]);
  });

  it('ING in English: Name/Description/Reference/Value date labels read, an empty value date is no date', () => {
    const s = parseStatement(fixture('ing-english.csv'));
    expectStatement(s, {
      account: 'NL36INGB0007654321', opening: 13500, closing: 104685, from: '2026-02-16', to: '2026-02-20',
      rows: [
        ['2026-02-16', -8500, 'M. Bakker', 'NL47ABNA0562345671', 'Volunteer allowance January 2026'],
        ['2026-02-18', 100000, 'Vrienden van Oost', 'NL71INGB0009876543', 'Donation community garden'],
        ['2026-02-20', -315, 'Bank costs', undefined, 'Costs business payments February 2026'],
      ],
    });
    expect(s.transactions.map((t) => t.valueDate)).toEqual(['2026-02-16', undefined, '2026-02-20']);
    expect(s.transactions[1]?.endToEndId).toBe('FONDS-2026-119');
    expect(s.warnings).toEqual([]);
  });

  it('ING savings account: savings number as account, ISO dates, newest first', () => {
    const s = parseStatement(fixture('ing-savings.csv'));
    expectStatement(s, {
      account: 'K444-12345', opening: 225000, closing: 250127, from: '2026-03-02', to: '2026-03-31',
      rows: [
        ['2026-03-02', -25000, undefined, 'NL36INGB0007654321', 'Overboeking naar betaalrekening NL36INGB0007654321'],
        ['2026-03-15', 50000, undefined, 'NL36INGB0007654321', 'Overboeking van betaalrekening NL36INGB0007654321'],
        ['2026-03-31', 127, undefined, undefined, 'Rente over maart 2026'],
      ],
    });
    // a savings number is no IBAN: the treasurer is told to check it (the import asks for the account)
    expect(s.warnings.map((w) => w.message)).toEqual(["Regel 2: het rekeningnummer 'K444-12345' is geen IBAN. Controleer zelf of dit de juiste rekening is."]);
  });

  it('ING savings download with two accounts: the existing "one account per file" refusal', () => {
    const text = fixture('ing-savings.csv').toString('utf8').replace('"2026-03-02";"Overboeking naar betaalrekening NL36INGB0007654321";"K 444-12345"', '"2026-03-02";"Overboeking naar betaalrekening NL36INGB0007654321";"V 286-81505"');
    const e = refusal(text);
    expect(e.message).toBe('Regel 4: dit bestand bevat boekingen van meer dan één rekening (K444-12345 en V286-81505). Download per rekening een apart bestand.');
    expect(e.details).toMatchObject({ reason: 'account', line: 4 });
  });

  it('ING savings in another currency is refused like every other non-euro booking', () => {
    const e = refusal(fixture('ing-savings.csv').toString('utf8').replace('"500,00";"EUR"', '"500,00";"USD"'));
    expect(e.details).toMatchObject({ reason: 'currency', line: 3 });
  });

  it("ABN AMRO TAB: a 32-character name that runs into 'Machtiging:' is cut at the label", () => {
    const s = parseStatement(fixture('abnamro-runin.tab'));
    expectStatement(s, {
      account: 'NL91ABNA0417164300', opening: 238445, closing: 230945, from: '2026-04-01', to: '2026-04-02',
      rows: [
        ['2026-04-01', -10000, 'WOONSTICHTING DE LINIE BEHEER BV', 'NL74RABO0398765432', 'Servicekosten april 2026'],
        ['2026-04-02', 2500, 'J. de Vries', 'NL86INGB0002345678', 'Gift april'],
      ],
    });
    expect(s.transactions[0]?.endToEndId).toBe('260401-DL-0042');
    expect(s.warnings).toEqual([]);
  });

  it('Knab CSV: title line, C/D beside unsigned amounts, booking date, reference', () => {
    const s = parseStatement(fixture('knab.csv'));
    expect(s).toMatchObject({ format: 'csv-knab', accountIban: 'NL07KNAB0255123456', from: '2026-03-05', to: '2026-03-10', warnings: [] });
    expect(s.openingBalanceCents).toBeUndefined(); // Knab's CSV has no running balance
    expect(rows(s)).toEqual([
      ['2026-03-05', 125000, 'Gemeente Utrecht', 'NL38BNGH0285012345', 'Subsidie leefbaarheid tweede termijn'],
      ['2026-03-07', -8500, 'M. Bakker', 'NL47ABNA0562345671', 'Vrijwilligersvergoeding februari 2026'],
      ['2026-03-10', -4500, 'Woonstichting De Linie', 'NL74RABO0398765432', 'Servicekosten maart 2026'],
    ]);
    expect(sum(s)).toBe(112000);
    expect(s.transactions[2]).toMatchObject({ valueDate: '2026-03-09', bankRef: 'K260309C3D4E5F6A' });
    // without the title line it is still Knab, by its heading
    const noTitle = fixture('knab.csv').toString('utf8').split('\r\n').slice(1).join('\r\n');
    expect(parseStatement(Buffer.from(noTitle)).transactions).toHaveLength(3);
    expect(refusal(fixture('knab.csv').toString('utf8').replace('"EUR";"D";"85,00"', '"EUR";"X";"85,00"')).details).toMatchObject({ reason: 'syntax', line: 4 });
  });
});
