import { amountProblemText, parseAmount } from './amount';
import { fromSwift, swiftEntryDate } from './dates';
import { atLine, bankError, quote } from './errors';
import { splitMt940, type Mt940Field } from './mt940-tags';
import { parseNarrative } from './narrative';
import { dutchIbanFromAccount, ibanLike } from './nl-iban';
import type { ParsedTransaction, StatementPart } from './types';

/**
 * MT940 customer statements as Dutch banks send them (ING, Rabobank, ABN AMRO). One file may
 * hold several statements (:20: … :62F:), e.g. one per day; each becomes a StatementPart.
 *
 *  :25: account — "NL69INGB0123456789EUR", "NL50RABO0123456789 EUR", or an old ABN AMRO number
 *  :60F:/:60M: opening balance  "C260101EUR1234,56"
 *  :61: booking  "2601050105C250,00NTRFEREF//bankref" + optional line with the counterparty IBAN
 *  :86: information to the account owner (structured /CODE/ words or free text, multi-line)
 *  :62F:/:62M: closing balance
 */

interface Balance {
  cents: number;
  date: string;
  currency: string;
}

function balanceAt(f: Mt940Field): Balance {
  const m = /^([CD])(\d{6})([A-Z]{3})(\S*)\s*$/.exec(f.value);
  if (!m) {
    throw bankError(`${atLine(f.line)}het saldo (:${f.tag}:) '${quote(f.value)}' kan niet gelezen worden.`, { reason: 'syntax', line: f.line });
  }
  const date = fromSwift(m[2] as string);
  if (date === null) {
    throw bankError(`${atLine(f.line)}de datum '${m[2]}' bij het saldo (:${f.tag}:) is geen geldige datum.`, { reason: 'date', line: f.line });
  }
  const amount = parseAmount(m[4] as string, 'mt940');
  if (!amount.ok) {
    throw bankError(`${atLine(f.line)}het saldo '${quote(m[4] as string)}' ${amountProblemText(amount.problem)}.`, { reason: 'amount', line: f.line });
  }
  return { cents: m[1] === 'D' ? -amount.cents : amount.cents, date, currency: m[3] as string };
}

/** :25: "NL69INGB0123456789EUR" / "NL50RABO0123456789 EUR" / "ABNANL2A/123456789" / "123456789". */
function accountFrom(value: string, text: string): string {
  const tokens = value.trim().split(/[\s/]+/).filter((t) => t !== '');
  for (const t of tokens) {
    const withoutCcy = /^([A-Z]{2}\d{2}[A-Z0-9]{11,30}?)(EUR|USD|GBP|CHF)?$/.exec(t.toUpperCase());
    if (withoutCcy && ibanLike(withoutCcy[1])) return withoutCcy[1] as string;
  }
  const digits = tokens.find((t) => /^\d{6,10}$/.test(t));
  if (digits !== undefined && /ABNANL2A|ABN AMRO/i.test(text)) return dutchIbanFromAccount('ABNA', digits) ?? digits;
  return digits ?? tokens[0] ?? '';
}

const LINE61 = /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?([0-9][0-9,.]*)([NFS][A-Z0-9]{3})(.*)$/;

function transactionAt(f: Mt940Field): ParsedTransaction {
  const m = LINE61.exec(f.value.trim());
  if (!m) {
    throw bankError(`${atLine(f.line)}de boekingsregel (:61:) '${quote(f.value)}' kan niet gelezen worden.`, { reason: 'syntax', line: f.line });
  }
  const valueDate = fromSwift(m[1] as string);
  if (valueDate === null) {
    throw bankError(`${atLine(f.line)}de datum '${m[1]}' in de boekingsregel is geen geldige datum.`, { reason: 'date', line: f.line });
  }
  const date = m[2] === undefined ? valueDate : swiftEntryDate(valueDate, m[2]);
  if (date === null) {
    throw bankError(`${atLine(f.line)}de boekdatum '${m[2]}' in de boekingsregel is geen geldige datum.`, { reason: 'date', line: f.line });
  }
  const amount = parseAmount(m[5] as string, 'mt940');
  if (!amount.ok) {
    throw bankError(`${atLine(f.line)}het bedrag '${quote(m[5] as string)}' ${amountProblemText(amount.problem)}.`, { reason: 'amount', line: f.line });
  }
  // C = credit, D = debit; RC = reversal of a credit (money out), RD = reversal of a debit (money in).
  const negative = m[3] === 'D' || m[3] === 'RC';
  const tx: ParsedTransaction = { date, amountCents: negative ? -amount.cents : amount.cents, description: '', line: f.line };
  if (valueDate !== date) tx.valueDate = valueDate;
  const [customerRef, bankRef] = (m[7] as string).split('//');
  const ref = (bankRef ?? '').trim() || (customerRef ?? '').trim();
  if (ref !== '' && !/^(NONREF|EREF|PREF|MARF)$/i.test(ref)) tx.bankRef = ref;
  // Rabobank puts the counterparty IBAN on the line after :61:.
  const iban = ibanLike(f.more[0]?.trim().split(/\s+/)[0]);
  if (iban) tx.counterpartyIban = iban;
  return tx;
}

/**
 * Join the lines of :86:. Structured text is cut anywhere, so its lines join without a space.
 * Free text joins without a space only after a full 65-character line (a hard wrap).
 */
function info86(f: Mt940Field): string {
  if (/^\s*\/[A-Z]{2,4}\//.test(f.value)) return [f.value, ...f.more].join('');
  let out = f.value;
  let previousLength = f.value.length + ':86:'.length;
  for (const l of f.more) {
    out += (previousLength >= 65 ? '' : ' ') + l;
    previousLength = l.length;
  }
  return out;
}

function applyInfo(tx: ParsedTransaction, text: string): void {
  const info = parseNarrative(text);
  tx.description = info.description;
  if (info.name !== undefined) tx.counterpartyName = info.name;
  if (info.iban !== undefined) tx.counterpartyIban = info.iban;
  if (info.endToEndId !== undefined) tx.endToEndId = info.endToEndId;
}

export function parseMt940(text: string): StatementPart[] {
  const fields = splitMt940(text);
  if (!fields.some((f) => f.tag === '20' || f.tag === '25')) {
    throw bankError('Dit MT940-bestand bevat geen afschrift (de velden :20: en :25: ontbreken).', { reason: 'missing' });
  }
  const parts: StatementPart[] = [];
  let part: (StatementPart & { hasOpening: boolean; hasClosing: boolean }) | undefined;
  let lastTx: ParsedTransaction | undefined;

  const finish = (): void => {
    if (!part) return;
    if (!part.hasOpening) {
      throw bankError(`${atLine(part.line)}het afschrift dat hier begint heeft geen beginsaldo (:60F:).`, { reason: 'missing', ...(part.line !== undefined ? { line: part.line } : {}) });
    }
    if (!part.hasClosing) {
      throw bankError(
        `${atLine(part.line)}het afschrift dat hier begint heeft geen eindsaldo (:62F:). Het bestand is waarschijnlijk niet compleet.`,
        { reason: 'truncated', ...(part.line !== undefined ? { line: part.line } : {}) },
      );
    }
    if (part.account === '') {
      throw bankError(`${atLine(part.line)}bij het afschrift dat hier begint ontbreekt het rekeningnummer (:25:).`, { reason: 'account', ...(part.line !== undefined ? { line: part.line } : {}) });
    }
    const { hasOpening: _o, hasClosing: _c, ...plain } = part;
    // The opening balance carries the date of the previous statement; the period is its bookings.
    const first = plain.transactions.map((t) => t.date).sort()[0];
    plain.from = first !== undefined && (plain.to === undefined || first < plain.to) ? first : plain.to;
    parts.push(plain);
    part = undefined;
  };

  for (const f of fields) {
    switch (f.tag) {
      case '20':
        finish();
        part = { account: '', currency: 'EUR', line: f.line, transactions: [], hasOpening: false, hasClosing: false };
        if (f.value.trim() !== '') part.statementId = f.value.trim();
        lastTx = undefined;
        break;
      case '25':
        if (!part) part = { account: '', currency: 'EUR', line: f.line, transactions: [], hasOpening: false, hasClosing: false };
        part.account = accountFrom(f.value, text);
        part.accountLine = f.line;
        break;
      case '60F':
      case '60M': {
        if (!part || part.hasClosing) {
          finish();
          part = { account: '', currency: 'EUR', line: f.line, transactions: [], hasOpening: false, hasClosing: false };
        }
        const b = balanceAt(f);
        part.openingBalanceCents = b.cents;
        part.currency = b.currency;
        part.hasOpening = true;
        lastTx = undefined;
        break;
      }
      case '61': {
        if (!part?.hasOpening || part.hasClosing) {
          throw bankError(`${atLine(f.line)}deze boekingsregel (:61:) staat niet tussen een beginsaldo (:60F:) en een eindsaldo (:62F:).`, {
            reason: 'syntax',
            line: f.line,
          });
        }
        lastTx = transactionAt(f);
        part.transactions.push(lastTx);
        break;
      }
      case '86':
        if (lastTx) applyInfo(lastTx, info86(f));
        lastTx = undefined;
        break;
      case '62F':
      case '62M': {
        if (!part?.hasOpening) {
          throw bankError(`${atLine(f.line)}er staat een eindsaldo (:${f.tag}:) zonder beginsaldo (:60F:) ervoor.`, { reason: 'syntax', line: f.line });
        }
        if (part.hasClosing) {
          throw bankError(`${atLine(f.line)}dit afschrift heeft twee eindsaldi (:62F:).`, { reason: 'syntax', line: f.line });
        }
        const b = balanceAt(f);
        if (b.currency !== part.currency) {
          throw bankError(`${atLine(f.line)}het eindsaldo is in ${quote(b.currency, 8)}, het beginsaldo in ${quote(part.currency, 8)}.`, {
            reason: 'currency',
            line: f.line,
          });
        }
        part.closingBalanceCents = b.cents;
        part.to = b.date;
        part.hasClosing = true;
        lastTx = undefined;
        break;
      }
      default:
        lastTx = undefined;
    }
  }
  finish();
  for (const p of parts) {
    for (const t of p.transactions) {
      if (t.description === '') t.description = t.counterpartyName ?? 'Geen omschrijving';
    }
  }
  return parts;
}
