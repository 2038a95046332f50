import { guessDecimalStyle } from '../amount';
import { fromIso } from '../dates';
import type { ParseWarning } from '../types';
import { amountAt, buildCsvPart, cell, compact, dateAt, headedCsv, optionalCell, optionalDateAt, singleAccount, type CsvParseResult, type CsvTransaction } from './common';
import type { CsvRow } from './reader';

/**
 * bunq statement export (CSV): headings Date · Interest Date · Amount · Account · Counterparty ·
 * Name · Description; dates YYYY-MM-DD; signed amounts whose decimal mark follows the export
 * setting (",": "-12,50", "."; "-12.50"), separator ";" or ",". No running balance.
 */
export function isBunqHeader(keys: Set<string>): boolean {
  return keys.has('date') && keys.has('interestdate') && keys.has('counterparty') && keys.has('amount');
}

export function parseBunqCsv(rows: CsvRow[]): CsvParseResult {
  const { body, find, need, rowsOf } = headedCsv(rows, 'bunq');
  const c = {
    date: need('date', 'Date'),
    valueDate: find('interestdate'),
    amount: need('amount', 'Amount'),
    account: need('account', 'Account'),
    counterparty: find('counterparty'),
    name: find('name'),
    description: find('description'),
  };
  const get = optionalCell;
  const style = guessDecimalStyle(body.map((r) => cell(r, c.amount)));
  const warnings: ParseWarning[] = [];
  const txs: CsvTransaction[] = [];
  for (const row of rowsOf()) {
    txs.push(
      compact({
        line: row.line,
        date: dateAt(row, cell(row, c.date), fromIso),
        valueDate: optionalDateAt(row, get(row, c.valueDate), fromIso, 'interestDate'),
        amountCents: amountAt(row, cell(row, c.amount), style),
        counterpartyName: get(row, c.name),
        counterpartyIban: get(row, c.counterparty).replace(/\s+/g, '').toUpperCase(),
        description: get(row, c.description).replace(/\s+/g, ' ') || get(row, c.name),
      }),
    );
  }
  const account = singleAccount(body.map((r) => ({ line: r.line, account: cell(r, c.account) })));
  return { part: buildCsvPart(txs, account, warnings), warnings };
}
