import { normaliseIban } from '../../../../shared/validation/iban';
import { amountProblemText, parseAmount, type AmountStyle } from '../amount';
import { atLine, bankError, quote } from '../errors';
import { BANK_PART, type BankPart } from '../parts';
import { said } from '../../../../shared/phrase';
import type { ParsedTransaction, ParseWarning, StatementPart } from '../types';
import { headerIndex, type CsvRow } from './reader';

/** A CSV booking plus the running balance some banks print beside it. */
export interface CsvTransaction extends ParsedTransaction {
  line: number;
  balanceBeforeCents?: number;
  balanceAfterCents?: number;
}

export interface CsvParseResult {
  part: StatementPart;
  warnings: ParseWarning[];
}

export function cell(row: CsvRow, index: number): string {
  return (row.cells[index] ?? '').trim();
}

/** A column the file may lack: empty text when it is not there. */
export function optionalCell(row: CsvRow, index: number | undefined): string {
  return index === undefined ? '' : cell(row, index);
}

/** Every CSV parser refuses a booking in another currency the same way; `optional` lets an empty cell pass. */
export function requireEuro(row: CsvRow, currency: string, opts: { optional?: boolean } = {}): void {
  if (currency === 'EUR' || (opts.optional === true && currency === '')) return;
  throw bankError(said('err.bankFile.csv.currency', "{{at}}deze boeking is in '{{currency}}'. De app werkt alleen met euro's.", { at: atLine(row.line), currency: quote(currency, 8) }), { reason: 'currency', line: row.line });
}

/**
 * A CSV with a header row (bunq, ING, Rabobank): its columns looked up by header key (headerKey),
 * the first of several names that is present wins. `need` is for a column the bank always writes: a
 * missing one is a Dutch error naming the first name. `rowsOf` gives the body rows, each checked to
 * have as many cells as the header (a shorter row means a cut-off file).
 */
export function headedCsv(rows: CsvRow[], bank: string) {
  const [header, ...body] = rows;
  if (!header) throw bankError(said('err.bankFile.csv.noHeader', 'Het bestand bevat geen kopregel.'), { reason: 'missing' });
  const idx = headerIndex(header.cells);
  const names = (keys: string | readonly string[]): readonly string[] => (typeof keys === 'string' ? [keys] : keys);
  const find = (keys: string | readonly string[]): number | undefined => names(keys).map((k) => idx.get(k)).find((i) => i !== undefined);
  const need = (keys: string | readonly string[], label = names(keys)[0]!): number => {
    const i = find(keys);
    if (i === undefined) {
      throw bankError(said('err.bankFile.csv.noColumn', "{{at}}de kolom '{{column}}' ontbreekt in de kopregel van dit {{bank}}-bestand.", { at: atLine(header.line), column: label, bank }), { reason: 'missing', line: header.line });
    }
    return i;
  };
  function* rowsOf(): Generator<CsvRow> {
    for (const row of body) {
      if (row.cells.length !== header!.cells.length) {
        throw bankError(
          said('err.bankFile.csv.rowVsHeader', '{{at}}deze regel heeft {{count}} kolommen, maar de kopregel heeft er {{header}}. Het bestand is misschien niet compleet.', { at: atLine(row.line), count: row.cells.length, header: header!.cells.length }),
          { reason: 'syntax', line: row.line },
        );
      }
      yield row;
    }
  }
  return { header, body, find, need, rowsOf };
}

export function requireColumns(row: CsvRow, min: number, bank: string): void {
  if (row.cells.length < min) {
    throw bankError(
      said('err.bankFile.csv.tooFewColumns', '{{at}}deze regel heeft {{count}} {{columns}}, maar een {{bank}}-export heeft er {{min}}. Het bestand is misschien niet compleet.', {
        at: atLine(row.line),
        count: row.cells.length,
        columns: row.cells.length === 1 ? said('err.bankFile.csv.column', 'kolom') : said('err.bankFile.csv.columns', 'kolommen'),
        bank,
        min,
      }),
      { reason: 'syntax', line: row.line },
    );
  }
}

export function amountAt(row: CsvRow, raw: string, style: AmountStyle, what: BankPart = 'amount'): number {
  const r = parseAmount(raw, style);
  if (!r.ok) {
    throw bankError(said('err.bankFile.badAmount', "{{at}}{{what}} '{{raw}}' {{problem}}.", { at: atLine(row.line), what: BANK_PART[what], raw: quote(raw), problem: amountProblemText(r.problem) }), {
      reason: 'amount',
      line: row.line,
    });
  }
  return r.cents;
}

/** An amount the bank writes without sign (the direction stands in another column). */
export function unsignedAmountAt(row: CsvRow, raw: string): number {
  const cents = amountAt(row, raw, 'nl');
  if (cents < 0) throw bankError(said('err.bankFile.csv.minus', '{{at}}het bedrag hoort zonder min-teken te staan.', { at: atLine(row.line) }), { reason: 'amount', line: row.line });
  return cents;
}

export function dateAt(row: CsvRow, raw: string, parse: (s: string) => string | null, what: BankPart = 'date'): string {
  const iso = parse(raw);
  if (iso === null) {
    throw bankError(said('err.bankFile.badDate', "{{at}}{{what}} '{{raw}}' is geen geldige datum.", { at: atLine(row.line), what: BANK_PART[what], raw: quote(raw) }), { reason: 'date', line: row.line });
  }
  return iso;
}

/** Optional date column: empty is fine, garbage is not. */
export function optionalDateAt(row: CsvRow, raw: string, parse: (s: string) => string | null, what: BankPart): string | undefined {
  return raw === '' ? undefined : dateAt(row, raw, parse, what);
}

/** Every row must be for the same own account; returns that account. */
export function singleAccount(rows: { line: number; account: string }[]): { account: string; line: number } {
  const first = rows[0];
  if (!first) throw bankError(said('err.bankFile.csv.noBookings', 'Het bestand bevat geen boekingen.'), { reason: 'missing' });
  const account = normaliseIban(first.account);
  if (account === '') {
    throw bankError(said('err.bankFile.csv.noOwnAccount', '{{at}}het eigen rekeningnummer ontbreekt.', { at: atLine(first.line) }), { reason: 'account', line: first.line });
  }
  for (const r of rows) {
    const other = normaliseIban(r.account);
    if (other !== account) {
      throw bankError(
        said('err.bankFile.csv.twoAccounts', '{{at}}dit bestand bevat boekingen van meer dan één rekening ({{account}} en {{other}}). Download per rekening een apart bestand.', { at: atLine(r.line), account, other: quote(other, 34) }),
        { reason: 'account', line: r.line },
      );
    }
  }
  return { account, line: first.line };
}

/** Drop optional keys that are undefined or empty text, so they stay absent; the description stays. */
export function compact<T extends object>(obj: T): T {
  const out = { ...obj } as Record<string, unknown>;
  for (const k of Object.keys(out)) {
    if (k !== 'description' && (out[k] === undefined || out[k] === '')) delete out[k];
  }
  return out as T;
}

function balanceAfter(t: CsvTransaction): number | undefined {
  if (t.balanceAfterCents !== undefined) return t.balanceAfterCents;
  return t.balanceBeforeCents !== undefined ? t.balanceBeforeCents + t.amountCents : undefined;
}

/** How many rows do not follow from the row before (balance before + amount = balance after)? */
function chainBreaks(rows: CsvTransaction[]): number {
  let breaks = 0;
  for (let i = 1; i < rows.length; i++) {
    const before = balanceAfter(rows[i - 1] as CsvTransaction);
    const after = balanceAfter(rows[i] as CsvTransaction);
    if (before === undefined || after === undefined || before + (rows[i] as CsvTransaction).amountCents !== after) breaks++;
  }
  return breaks;
}

/**
 * Oldest first. The running balances decide when they chain better one way than the other (a file
 * of one day has equal dates, so only the balances tell); then the dates; then what the bank is
 * known to do (ING lists the newest first).
 */
export function oldestFirst(txs: CsvTransaction[], newestFirst = false): CsvTransaction[] {
  const reversed = [...txs].reverse();
  if (txs.length > 1 && txs.every((t) => balanceAfter(t) !== undefined)) {
    const forward = chainBreaks(txs);
    const backward = chainBreaks(reversed);
    if (forward !== backward) return forward < backward ? [...txs] : reversed;
  }
  const first = txs[0];
  const last = txs[txs.length - 1];
  if (first && last && first.date !== last.date) return first.date > last.date ? reversed : [...txs];
  return newestFirst ? reversed : [...txs];
}

/**
 * Order bookings oldest first (oldestFirst), derive opening and closing balance from the running
 * balance when every row has one, and warn where the running balance does not follow from the
 * previous row.
 */
export function buildCsvPart(
  txs: CsvTransaction[],
  account: { account: string; line: number },
  warnings: ParseWarning[],
  opts: { newestFirst?: boolean } = {},
): StatementPart {
  const ordered = oldestFirst(txs, opts.newestFirst);
  const withAfter = ordered.map(balanceAfter);
  const part: StatementPart = {
    account: account.account,
    accountLine: account.line,
    currency: 'EUR',
    line: account.line,
    transactions: ordered.map(({ balanceAfterCents: _a, balanceBeforeCents: _b, ...t }) => t),
  };
  if (ordered.length > 0 && withAfter.every((b) => b !== undefined)) {
    const after = withAfter as number[];
    const firstTx = ordered[0] as CsvTransaction;
    part.openingBalanceCents = (after[0] as number) - firstTx.amountCents;
    part.closingBalanceCents = after[after.length - 1] as number;
    for (let i = 1; i < ordered.length; i++) {
      const tx = ordered[i] as CsvTransaction;
      if ((after[i - 1] as number) + tx.amountCents !== after[i]) {
        warnings.push({
          line: tx.line,
          ...said('err.bankWarn.runningBalance', '{{at}}het saldo bij deze boeking sluit niet aan op het saldo van de boeking ervoor. Misschien ontbreekt er een boeking in het bestand.', { at: atLine(tx.line) }),
        });
      }
    }
  }
  const dates = ordered.map((t) => t.date).sort();
  if (dates.length > 0) {
    part.from = dates[0];
    part.to = dates[dates.length - 1];
  }
  return part;
}
