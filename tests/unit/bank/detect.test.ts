import { describe, expect, it } from 'vitest';
import { decodeBankBytes } from '../../../electron/books/bank/decode';
import { detectFormat } from '../../../electron/books/bank/detect';
import { parseStatement } from '../../../electron/books/bank/parse';
import { FIXTURE_FORMATS, fixture, isDutchMessage, refusal } from './helpers';

describe('format detection from the content', () => {
  it.each(FIXTURE_FORMATS)('%s is %s', (name, format) => {
    expect(detectFormat(decodeBankBytes(fixture(name)).text)).toBe(format);
  });

  it('ignores what the file is called: only bytes go in', () => {
    for (const [name, format] of FIXTURE_FORMATS) {
      expect(parseStatement(fixture(name)).format).toBe(format);
    }
  });

  it('recognises the comma-separated ING layout and the English headings', () => {
    const comma =
      '"Datum","Naam / Omschrijving","Rekening","Tegenrekening","Code","Af Bij","Bedrag (EUR)","MutatieSoort","Mededelingen"\r\n' +
      '"20260105","J. de Vries","NL36INGB0007654321","NL86INGB0002345678","OV","Bij","25,00","Overschrijving","Omschrijving: Gift"\r\n';
    expect(detectFormat(comma)).toBe('csv-ing');
    const s = parseStatement(Buffer.from(comma));
    expect(s.transactions[0]).toMatchObject({ amountCents: 2500, description: 'Gift' });

    const english =
      '"Date";"Name / Description";"Account";"Counterparty";"Code";"Debit/credit";"Amount (EUR)";"Transaction type";"Notifications"\n' +
      '"20260105";"Huur";"NL36INGB0007654321";"NL74RABO0398765432";"GT";"Debit";"450,00";"Online Banking";"Huur januari"\n';
    expect(detectFormat(english)).toBe('csv-ing');
    expect(parseStatement(Buffer.from(english)).transactions[0]?.amountCents).toBe(-45000);
  });

  it('recognises MT940 inside SWIFT blocks', () => {
    const text = '{1:F01RABONL2UXXXX0000000000}{2:O940RABONL2UXXXXN}{4:\n:20:940S260202\n:25:NL81RABO0312345678 EUR\n:28C:1\n:60F:C260201EUR100,00\n:61:260202D10,00N093NONREF\n:86:/REMI/Kosten\n:62F:C260202EUR90,00\n-}\n';
    expect(detectFormat(text)).toBe('mt940');
    const s = parseStatement(Buffer.from(text));
    expect(s).toMatchObject({ openingBalanceCents: 10000, closingBalanceCents: 9000, warnings: [] });
  });

  it('refuses other XML, other CSV and other files with a clear Dutch message', () => {
    const pain = '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn/></Document>';
    expect(detectFormat(pain)).toBeNull();
    expect(refusal(pain).message).toContain('camt.054.001.02');
    const other = refusal('naam,bedrag\nfoo,12\n');
    expect(other.code).toBe('BAD_BANK_FILE');
    expect(other.message).toMatch(/herkent dit bestand niet/);
    expect(isDutchMessage(other.message)).toBe(true);
  });

  it('lets the caller override the format', () => {
    const s = parseStatement(fixture('asn.csv'), { format: 'csv-asn' });
    expect(s.format).toBe('csv-asn');
    const wrong = refusal(fixture('asn.csv'), { format: 'camt053' });
    expect(wrong.code).toBe('BAD_BANK_FILE');
    expect(isDutchMessage(wrong.message)).toBe(true);
  });
});
