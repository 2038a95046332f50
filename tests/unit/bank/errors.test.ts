import { describe, expect, it } from 'vitest';
import { parseStatement } from '../../../electron/books/bank/parse';
import { fixture, isDutchMessage, refusal } from './helpers';

const text = (name: string): string => fixture(name).toString('utf8');

describe('DOCTYPE and entities are refused', () => {
  it('refuses an external entity (XXE)', () => {
    const xxe = text('camt053-001-02-ing.xml').replace(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    ).replace('<Ustrd>Gift januari</Ustrd>', '<Ustrd>&xxe;</Ustrd>');
    const err = refusal(xxe);
    expect(err.code).toBe('BAD_BANK_FILE');
    expect(err.details).toMatchObject({ reason: 'unsafe-xml', line: 2 });
    expect(err.message).toBe(
      'Regel 2: dit XML-bestand bevat een DOCTYPE-verklaring. Een bankafschrift heeft die nooit; om veiligheidsredenen leest de app dit bestand niet.',
    );
  });

  it('refuses entity expansion ("billion laughs") and a bare DOCTYPE', () => {
    const lol =
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n' +
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>&lol2;</BkToCstmrStmt></Document>';
    expect(refusal(lol).details).toMatchObject({ reason: 'unsafe-xml' });
    const bare = '<!doctype Document>\n' + text('camt053-001-02-ing.xml').replace(/^<\?xml[^>]*>\n/, '');
    expect(refusal(bare, { format: 'camt053' }).details).toMatchObject({ reason: 'unsafe-xml', line: 1 });
  });

  it('keeps the predefined entities and character references as text, nothing more', () => {
    const xml = text('camt053-001-02-ing.xml').replace('<Ustrd>Gift januari</Ustrd>', '<Ustrd>Gift &#233;&#x20AC; &lt;januari&gt; &amp;amp;</Ustrd>');
    expect(parseStatement(Buffer.from(xml)).transactions[0]?.description).toBe('Gift é€ <januari> &amp;');
  });
});

describe('truncated files give a Dutch error naming the line', () => {
  it('XML cut off in the middle', () => {
    const xml = text('camt053-001-02-ing.xml');
    const err = refusal(xml.slice(0, xml.indexOf('<Ntry>', 3000) + 40));
    expect(err.details).toMatchObject({ reason: 'syntax' });
    expect(err.message).toMatch(/^Regel \d+: het XML-bestand is hier niet goed opgebouwd \(kolom \d+\)\. Het bestand is waarschijnlijk niet compleet of beschadigd\.$/);
  });

  it('MT940 without its closing balance', () => {
    const mt = text('mt940-ing.sta');
    const err = refusal(mt.slice(0, mt.indexOf(':62F:')));
    expect(err.details).toMatchObject({ reason: 'truncated', line: 4 });
    expect(err.message).toBe('Regel 4: het afschrift dat hier begint heeft geen eindsaldo (:62F:). Het bestand is waarschijnlijk niet compleet.');
  });

  it('CSV cut off in the middle of a row or a quoted field', () => {
    const csv = text('ing.csv');
    const cut = csv.slice(0, csv.lastIndexOf('"Bij";') + 3);
    const err = refusal(cut);
    expect(err.message).toMatch(/^Regel 9: /);
    const rows = text('asn.csv').split('\n');
    const asn = refusal(rows.slice(0, 3).join('\n') + '\n' + (rows[3] ?? '').slice(0, 40));
    expect(asn.message).toMatch(/^Regel 4: deze regel heeft \d+ kolommen, maar een ASN\/SNS\/RegioBank-export heeft er 18\./);
  });
});

describe('bad values give a Dutch error naming the line and the value', () => {
  it('an amount that is not an amount', () => {
    const csv = text('ing.csv').replace('"450,00"', '"abc"');
    const err = refusal(csv);
    expect(err.code).toBe('BAD_BANK_FILE');
    expect(err.message).toBe("Regel 7: het bedrag 'abc' is geen geldig bedrag.");
    expect(err.details).toMatchObject({ reason: 'amount', line: 7 });
  });

  it('an MT940 amount without comma and a camt amount with too many decimals', () => {
    const mt = text('mt940-ing.sta').replace('C2500,00NTRF', 'C2500.00NTRF');
    expect(refusal(mt).message).toBe("Regel 12: het bedrag '2500.00' is geen geldig bedrag.");
    const xml = text('camt053-001-02-ing.xml').replace('<Amt Ccy="EUR">2500.00</Amt>', '<Amt Ccy="EUR">2500.001</Amt>');
    expect(refusal(xml).message).toMatch(/^Boeking 2 \(regel 90\): het bedrag '2500\.001' heeft meer dan 2 cijfers achter de komma\.$/);
  });

  it('a wrong date, a missing debit/credit sign, another currency', () => {
    expect(refusal(text('asn.csv').replace('05-01-2026', '32-01-2026')).message).toBe("Regel 1: de datum '32-01-2026' is geen geldige datum.");
    const xml = text('camt053-001-02-ing.xml').replace('<CdtDbtInd>DBIT</CdtDbtInd>', '<CdtDbtInd>XXXX</CdtDbtInd>');
    expect(refusal(xml).message).toMatch(/^Boeking 3 \(regel 131\): bij het bedrag staat 'XXXX' in plaats van CRDT \(bij\) of DBIT \(af\)\.$/);
    const usd = text('camt053-001-02-ing.xml').replace('<Amt Ccy="EUR">25.00</Amt>', '<Amt Ccy="USD">25.00</Amt>');
    expect(refusal(usd).details).toMatchObject({ reason: 'currency', entry: 1, line: 49 });
  });

  it('an IBAN with a wrong check digit, and two accounts in one file', () => {
    const bad = text('mt940-ing.sta').replace(':25:NL36INGB0007654321EUR', ':25:NL37INGB0007654321EUR');
    expect(refusal(bad).message).toBe("Regel 5: het rekeningnummer 'NL37INGB0007654321' is geen geldig IBAN. Het bestand is misschien beschadigd.");
    const two = text('mt940-rabobank.swi').replace(':25:NL81RABO0312345678 EUR\n:28C:26034', ':25:NL74RABO0398765432 EUR\n:28C:26034');
    expect(refusal(two).message).toMatch(/meer dan één rekening \(NL81RABO0312345678 en NL74RABO0398765432\)/);
  });

  it('every message is Dutch, names where and never leaks a JS error', () => {
    const samples = [
      refusal(text('bunq.csv').replace('"-450,00"', '"-450,00x"')),
      refusal(text('triodos.csv').replace('"Debet"', '"Af"')),
      refusal(text('mt940-rabobank.swi').replace(':61:260202C', ':61:26020C')),
    ];
    for (const e of samples) {
      expect(isDutchMessage(e.message), e.message).toBe(true);
      expect(e.message).toMatch(/^Regel \d+: /);
    }
  });
});

describe('sum check: a mismatch is a warning, shown, never an error', () => {
  it('camt closing balance that does not match', () => {
    const xml = text('camt053-001-02-ing.xml').replace('<Amt Ccy="EUR">4302.21</Amt>', '<Amt Ccy="EUR">4312.21</Amt>');
    const s = parseStatement(Buffer.from(xml));
    expect(s.transactions).toHaveLength(8);
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]?.message.replace(/\u00a0/g, ' ')).toBe(
      'Het beginsaldo (€ 1.234,56) plus de boekingen (€ 3.067,65) is niet gelijk aan het eindsaldo (€ 4.312,21). Het verschil is € 10,00. Misschien ontbreken er boekingen in het bestand. Controleer het afschrift bij de bank.',
    );
  });

  it('MT940 with a duplicated booking line, and a gap between two statements', () => {
    const mt = text('mt940-rabobank.swi');
    const dup = mt.replace(':61:260203D000000000009,50N093NONREF\n', ':61:260203D000000000009,50N093NONREF\n:61:260203D000000000009,50N093NONREF\n');
    const s = parseStatement(Buffer.from(dup));
    expect(s.transactions).toHaveLength(5);
    expect(s.warnings.map((w) => w.message.replace(/\u00a0/g, ' ')).join('\n')).toMatch(/In afschrift 940S260203 is het beginsaldo .* Het verschil is € 9,50\./);
    const gap = mt.replace(':60F:C260202EUR000000000100,00', ':60F:C260202EUR000000000200,00');
    const g = parseStatement(Buffer.from(gap));
    expect(g.warnings.some((w) => /niet gelijk aan het eindsaldo van het afschrift ervoor/.test(w.message))).toBe(true);
  });

  it('CSV running balance that jumps', () => {
    const csv = fixture('rabobank-cp1252.csv').toString('latin1').replace('"+100,00"', '"+90,00"');
    const s = parseStatement(Buffer.from(csv, 'latin1'));
    expect(s.warnings.some((w) => w.line === 4 && /sluit niet aan/.test(w.message))).toBe(true);
  });
});
