import { fromIso } from '../dates';
import type { ParseWarning } from '../types';
import { amountAt, buildCsvPart, cell, compact, dateAt, headedCsv, optionalCell, optionalDateAt, requireEuro, singleAccount, type CsvParseResult, type CsvTransaction } from './common';
import type { CsvRow } from './reader';

/**
 * Rabobank CSV ("CSV_A_…", since 2018): comma separated, every field quoted, 26 columns with headings
 * IBAN/BBAN · Munt · BIC · Volgnr · Datum (YYYY-MM-DD) · Rentedatum · Bedrag (signed, "+1234,56") ·
 * Saldo na trn · Tegenrekening IBAN/BBAN · Naam tegenpartij · Naam uiteindelijke partij ·
 * Naam initiërende partij · BIC tegenpartij · Code · Batch ID · Transactiereferentie ·
 * Machtigingskenmerk · Incassant ID · Betalingskenmerk · Omschrijving-1..3 · Reden retour ·
 * Oorspr bedrag · Oorspr munt · Koers. Oldest booking first.
 */
export function isRabobankHeader(keys: Set<string>): boolean {
  return keys.has('ibanbban') && keys.has('volgnr') && keys.has('bedrag');
}

export function parseRabobankCsv(rows: CsvRow[]): CsvParseResult {
  const { body, find, need, rowsOf } = headedCsv(rows, 'Rabobank');
  const c = {
    account: need('ibanbban', 'IBAN/BBAN'),
    currency: find('munt'),
    seq: find('volgnr'),
    date: need('datum', 'Datum'),
    valueDate: find('rentedatum'),
    amount: need('bedrag', 'Bedrag'),
    balance: find('saldonatrn'),
    counterparty: find('tegenrekeningibanbban'),
    name: find('naamtegenpartij'),
    ultimate: find('naamuiteindelijkepartij'),
    reference: find('transactiereferentie'),
    paymentRef: find('betalingskenmerk'),
    descriptions: ['omschrijving1', 'omschrijving2', 'omschrijving3'].map((k) => find(k)),
  };
  const get = optionalCell;
  const warnings: ParseWarning[] = [];
  const txs: CsvTransaction[] = [];
  for (const row of rowsOf()) {
    requireEuro(row, get(row, c.currency), { optional: true });
    const paymentRef = get(row, c.paymentRef);
    const text = c.descriptions.map((i) => get(row, i)).filter((s) => s !== '').join(' ');
    const balanceRaw = get(row, c.balance);
    txs.push(
      compact({
        line: row.line,
        date: dateAt(row, cell(row, c.date), fromIso),
        valueDate: optionalDateAt(row, get(row, c.valueDate), fromIso, 'interestDate'),
        amountCents: amountAt(row, cell(row, c.amount), 'nl'),
        counterpartyName: get(row, c.name) || get(row, c.ultimate),
        counterpartyIban: get(row, c.counterparty).replace(/\s+/g, '').toUpperCase(),
        description: text || (paymentRef ? `Betalingskenmerk ${paymentRef}` : '') || get(row, c.name),
        bankRef: get(row, c.seq).replace(/^0+(?=\d)/, ''),
        endToEndId: get(row, c.reference),
        balanceAfterCents: balanceRaw === '' ? undefined : amountAt(row, balanceRaw, 'nl', 'balance'),
      }),
    );
  }
  const account = singleAccount(body.map((r) => ({ line: r.line, account: cell(r, c.account) })));
  return { part: buildCsvPart(txs, account, warnings), warnings };
}
