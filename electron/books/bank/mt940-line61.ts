import { amountProblemText, parseMt940Amount } from './amount';
import { fromSwift, swiftEntryDate } from './dates';
import { atLine, bankError, quote } from './errors';
import { BANK_PART } from './parts';
import { said } from '../../../shared/phrase';
import type { Mt940Field } from './mt940-tags';
import { ibanLike } from './nl-iban';
import { isValidIban } from '../../../shared/validation/iban';
import type { ParsedTransaction } from './types';

/**
 * The :61: statement line by its SWIFT structure (MT940 field 61):
 *   6!n value date YYMMDD · [4!n] entry date MMDD · 2a mark C/D/RC/RD · [1!a] funds code ·
 *   15d amount · 1!a3!c transaction type · 16x customer reference · [//16x bank reference] ·
 *   next line: [34x supplementary details]
 *
 * Dutch and German banks bend it in ways other software reads, so this reader does too:
 *   - ASN writes four spaces where the entry date goes ("200101    D65,00NOVB…");
 *   - Knab writes whole euros without a comma ("C500NTRF…");
 *   - old ING (2010) writes a two-letter type and a space ("D25,03NOV NONREF");
 *   - Commerzbank and Deutsche Bank put a space before the type ("C50,00 NTRF…");
 *   - de Volksbank (SNS, ASN, RegioBank) puts the counterparty IBAN where the customer reference
 *     goes ("NINCNL19ABNA0427093546") and the name on the next line;
 *   - old Rabobank (before 2014) puts the counterparty account and name in the reference
 *     ("N1020123456789 J. JANSEN").
 * What matters is kept strict: a real date, a known sign, a well-formed amount.
 */
const LINE61 = /^(\d{6})(\d{4}| {4})?(RC|RD|C|D)([A-Z])?(\d[\d,.]*)\s?([NFS][A-Z0-9]{3}|N[A-Z0-9]{2} )(.*)$/;

/** Customer references that only say "there is none". */
const NO_REF = /^(NONREF|NOTPROVIDED|EREF|PREF|MARF|0+)$/i;

/** Old Rabobank: counterparty account (10 digits or an IBAN), spaces, the counterparty name. */
const OLD_RABO_TAIL = /^(\d{9,10}|[A-Z]{2}\d{2}[A-Z0-9]{11,30})\s+(.*[A-Za-z].*)$/;

function amountCents(raw: string, line: number): number {
  // Whole euros without a comma (Knab) are read as "500,"; a dot or a second comma stays an error.
  const amount = parseMt940Amount(raw);
  if (!amount.ok) {
    throw bankError(said('err.bankFile.badAmount', "{{at}}{{what}} '{{raw}}' {{problem}}.", { at: atLine(line), what: BANK_PART.amount, raw: quote(raw), problem: amountProblemText(amount.problem) }), { reason: 'amount', line });
  }
  return amount.cents;
}

/** A real counterparty account: an IBAN with a right check digit, or an old Dutch number that is not all zeros. */
function counterpartyAccount(raw: string): string | null {
  const iban = ibanLike(raw);
  if (iban) return isValidIban(iban) ? iban : null;
  return /^\d{9,10}$/.test(raw) && /[1-9]/.test(raw) ? raw : null;
}

/** The supplementary details line(s): ING's "/TRCD/…/" carries nothing for us; others name the counterparty. */
function supplementary(tx: ParsedTransaction, more: string[]): void {
  const first = more[0]?.trim() ?? '';
  if (first === '' || first.startsWith('/')) return;
  const [head, ...rest] = first.split(/\s+/);
  const iban = ibanLike(head);
  const name = (iban ? rest.join(' ') : first).trim();
  if (iban) tx.counterpartyIban = iban;
  if (/[A-Za-z]/.test(name) && (iban || tx.counterpartyIban !== undefined)) tx.counterpartyName = name;
}

export function parseLine61(f: Mt940Field): ParsedTransaction {
  const m = LINE61.exec(f.value.trimEnd());
  if (!m) {
    throw bankError(said('err.bankFile.mt940.lineUnreadable', "{{at}}de boekingsregel (:61:) '{{value}}' kan niet gelezen worden.", { at: atLine(f.line), value: quote(f.value) }), { reason: 'syntax', line: f.line });
  }
  const [, valueRaw, entryRaw, mark, , amountRaw, , tailRaw] = m as unknown as [string, string, string | undefined, string, string | undefined, string, string, string];
  const valueDate = fromSwift(valueRaw);
  if (valueDate === null) {
    throw bankError(said('err.bankFile.mt940.lineDate', "{{at}}de datum '{{date}}' in de boekingsregel is geen geldige datum.", { at: atLine(f.line), date: valueRaw }), { reason: 'date', line: f.line });
  }
  const entry = entryRaw === undefined || entryRaw.trim() === '' ? undefined : entryRaw;
  const date = entry === undefined ? valueDate : swiftEntryDate(valueDate, entry);
  if (date === null) {
    throw bankError(said('err.bankFile.mt940.lineBookingDate', "{{at}}de boekdatum '{{date}}' in de boekingsregel is geen geldige datum.", { at: atLine(f.line), date: entry }), { reason: 'date', line: f.line });
  }
  const cents = amountCents(amountRaw, f.line);
  // C = credit, D = debit; RC = reversal of a credit (money out), RD = reversal of a debit (money in).
  const negative = mark === 'D' || mark === 'RC';
  const tx: ParsedTransaction = { date, amountCents: negative ? -cents : cents, description: '', line: f.line };
  if (valueDate !== date) tx.valueDate = valueDate;

  const tail = tailRaw.trim();
  const slash = tail.indexOf('//');
  const customerRef = (slash >= 0 ? tail.slice(0, slash) : tail).trim();
  const bankRef = slash >= 0 ? tail.slice(slash + 2).trim() : '';

  const rabo = slash < 0 ? OLD_RABO_TAIL.exec(customerRef) : null;
  if (rabo) {
    const account = counterpartyAccount(rabo[1] as string);
    if (account !== null) tx.counterpartyIban = account;
    tx.counterpartyName = (rabo[2] as string).replace(/\s+/g, ' ').trim();
  } else if (ibanLike(customerRef)) {
    const account = counterpartyAccount(customerRef);
    if (account !== null) tx.counterpartyIban = account;
  }

  const ref = bankRef || (tx.counterpartyIban === undefined && !rabo ? customerRef : '');
  if (ref !== '' && !NO_REF.test(ref)) tx.bankRef = ref;
  supplementary(tx, f.more);
  return tx;
}
