import { formatEuro } from '../../../shared/money';
import { isValidIban, normaliseIban } from '../../../shared/validation/iban';
import { atLine, bankError, quote } from './errors';
import { said } from '../../../shared/phrase';
import type { BankFormat, ParsedStatement, ParseWarning, StatementPart } from './types';

function sumCents(part: StatementPart): bigint {
  return part.transactions.reduce((acc, t) => acc + BigInt(t.amountCents), 0n);
}

/** opening + sum(bookings) = closing; a mismatch is a warning the user must see, never an error. */
function sumCheck(part: StatementPart, index: number, count: number, warnings: ParseWarning[]): void {
  if (part.openingBalanceCents === undefined || part.closingBalanceCents === undefined) return;
  const sum = sumCents(part);
  const expected = BigInt(part.openingBalanceCents) + sum;
  if (expected === BigInt(part.closingBalanceCents)) return;
  const diff = BigInt(part.closingBalanceCents) - expected;
  const amounts = { opening: formatEuro(part.openingBalanceCents), sum: formatEuro(sum), closing: formatEuro(part.closingBalanceCents), diff: formatEuro(diff) };
  const which = part.statementId ? quote(part.statementId, 20) : String(index + 1);
  const w: ParseWarning =
    count === 1
      ? said('err.bankWarn.sumMismatch', 'Het beginsaldo ({{opening}}) plus de boekingen ({{sum}}) is niet gelijk aan het eindsaldo ({{closing}}). Het verschil is {{diff}}. Misschien ontbreken er boekingen in het bestand. Controleer het afschrift bij de bank.', amounts)
      : said('err.bankWarn.sumMismatchIn', 'In afschrift {{which}} is het beginsaldo ({{opening}}) plus de boekingen ({{sum}}) niet gelijk aan het eindsaldo ({{closing}}). Het verschil is {{diff}}. Misschien ontbreken er boekingen in het bestand. Controleer het afschrift bij de bank.', { which, opening: amounts.opening, sum: amounts.sum, closing: amounts.closing, diff: amounts.diff });
  if (part.line !== undefined) w.line = part.line;
  warnings.push(w);
}

/** The account of the statement: an IBAN with a wrong check digit is refused; an old number only warned about. */
function checkAccount(part: StatementPart, warnings: ParseWarning[]): string {
  const account = normaliseIban(part.account);
  if (account === '') {
    throw bankError(said('err.bankFile.noAccount', '{{at}}het rekeningnummer van het afschrift ontbreekt.', { at: atLine(part.accountLine ?? part.line) }), {
      reason: 'account',
      ...(part.accountLine !== undefined ? { line: part.accountLine } : {}),
    });
  }
  if (/^[A-Z]{2}\d{2}/.test(account)) {
    if (!isValidIban(account)) {
      throw bankError(
        said('err.bankFile.badIban', "{{at}}het rekeningnummer '{{account}}' is geen geldig IBAN. Het bestand is misschien beschadigd.", { at: atLine(part.accountLine ?? part.line), account: quote(account, 34) }),
        { reason: 'account', ...(part.accountLine !== undefined ? { line: part.accountLine } : {}) },
      );
    }
  } else {
    const w: ParseWarning = said('err.bankWarn.notIban', "{{at}}het rekeningnummer '{{account}}' is geen IBAN. Controleer zelf of dit de juiste rekening is.", { at: atLine(part.accountLine), account: quote(account, 34) });
    if (part.accountLine !== undefined) w.line = part.accountLine;
    warnings.push(w);
  }
  return account;
}

/**
 * Join the statements of one file into one result: one account and euro only, balances from the
 * first and last statement, a sum check per statement, and a check that each statement starts
 * where the previous one ended.
 */
export function mergeParts(format: BankFormat, parts: StatementPart[], warnings: ParseWarning[]): ParsedStatement {
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (!first || !last) throw bankError(said('err.bankFile.noStatement', 'Het bestand bevat geen afschrift.'), { reason: 'missing' });

  const accounts = parts.map((p) => checkAccount(p, []));
  const accountIban = checkAccount(first, warnings);
  parts.forEach((p, i) => {
    if (accounts[i] !== accountIban) {
      throw bankError(
        said('err.bankFile.twoAccounts', '{{at}}dit bestand bevat afschriften van meer dan één rekening ({{account}} en {{other}}). Download per rekening een apart bestand.', { at: atLine(p.accountLine ?? p.line), account: accountIban, other: quote(accounts[i] ?? '', 34) }),
        { reason: 'account', ...(p.accountLine !== undefined ? { line: p.accountLine } : {}) },
      );
    }
    if (p.currency !== 'EUR') {
      throw bankError(said('err.bankFile.statementCurrency', "{{at}}dit afschrift is in '{{currency}}'. De app werkt alleen met rekeningen in euro's.", { at: atLine(p.line), currency: quote(p.currency, 8) }), {
        reason: 'currency',
        ...(p.line !== undefined ? { line: p.line } : {}),
      });
    }
  });

  parts.forEach((p, i) => {
    sumCheck(p, i, parts.length, warnings);
    const prev = parts[i - 1];
    if (prev?.closingBalanceCents !== undefined && p.openingBalanceCents !== undefined && prev.closingBalanceCents !== p.openingBalanceCents) {
      const w: ParseWarning = said(
        'err.bankWarn.gap',
        '{{at}}het beginsaldo van dit afschrift ({{opening}}) is niet gelijk aan het eindsaldo van het afschrift ervoor ({{closing}}). Misschien ontbreekt er een afschrift.',
        { at: atLine(p.line), opening: formatEuro(p.openingBalanceCents), closing: formatEuro(prev.closingBalanceCents) },
      );
      if (p.line !== undefined) w.line = p.line;
      warnings.push(w);
    }
  });

  const transactions = parts.flatMap((p) => p.transactions);
  const froms = parts.map((p) => p.from).filter((d): d is string => d !== undefined);
  const tos = parts.map((p) => p.to).filter((d): d is string => d !== undefined);
  const dates = transactions.map((t) => t.date);
  const from = [...froms, ...dates].sort()[0];
  const to = [...tos, ...dates].sort().reverse()[0];
  const ids = parts.map((p) => p.statementId).filter((s): s is string => s !== undefined && s !== '');

  const out: ParsedStatement = { format, accountIban, currency: 'EUR', transactions, warnings };
  if (ids.length === 1) out.statementId = ids[0];
  else if (ids.length > 1) out.statementId = `${ids[0]}–${ids[ids.length - 1]}`;
  if (from !== undefined) out.from = from;
  if (to !== undefined) out.to = to;
  if (first.openingBalanceCents !== undefined) out.openingBalanceCents = first.openingBalanceCents;
  if (last.closingBalanceCents !== undefined) out.closingBalanceCents = last.closingBalanceCents;
  return out;
}
