import { amountProblemText, parseMt940Amount } from './amount';
import { fromSwift } from './dates';
import { atLine, bankError, quote } from './errors';
import { BANK_PART } from './parts';
import { said } from '../../../shared/phrase';
import { applyInfo, info86 } from './mt940-info';
import { parseLine61 } from './mt940-line61';
import { splitMt940, type Mt940Field } from './mt940-tags';
import { dutchIbanFromAccount, ibanLike } from './nl-iban';
import type { ParsedTransaction, StatementPart } from './types';

/**
 * MT940 customer statements as Dutch (and German) banks send them: ING, Rabobank (also before
 * 2014), ABN AMRO, Triodos (also its old sub-field layout), de Volksbank (SNS, ASN, RegioBank),
 * Knab. One file may hold several statements (:20: … :62F:), e.g. one per day; each becomes a
 * StatementPart.
 *
 *  :25: account — "NL69INGB0123456789EUR", "NL50RABO0123456789 EUR", or an old account number
 *  :60F:/:60M: opening balance  "C260101EUR1234,56"
 *  :61: booking (mt940-line61.ts) + optional line with the counterparty
 *  :86: information to the account owner (mt940-info.ts); old Rabobank writes several per booking
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
    throw bankError(said('err.bankFile.mt940.balanceUnreadable', "{{at}}het saldo (:{{tag}}:) '{{value}}' kan niet gelezen worden.", { at: atLine(f.line), tag: f.tag, value: quote(f.value) }), { reason: 'syntax', line: f.line });
  }
  const date = fromSwift(m[2] as string);
  if (date === null) {
    throw bankError(said('err.bankFile.mt940.balanceDate', "{{at}}de datum '{{date}}' bij het saldo (:{{tag}}:) is geen geldige datum.", { at: atLine(f.line), date: m[2], tag: f.tag }), { reason: 'date', line: f.line });
  }
  const amount = parseMt940Amount(m[4] as string);
  if (!amount.ok) {
    throw bankError(said('err.bankFile.badAmount', "{{at}}{{what}} '{{raw}}' {{problem}}.", { at: atLine(f.line), what: BANK_PART.balance, raw: quote(m[4] as string), problem: amountProblemText(amount.problem) }), { reason: 'amount', line: f.line });
  }
  return { cents: m[1] === 'D' ? -amount.cents : amount.cents, date, currency: m[3] as string };
}

/** Banks whose old account numbers (in :25:) become an IBAN with their bank code, recognised by their header. */
const OLD_NUMBER_BANKS: [RegExp, string][] = [
  [/ABNANL2A|ABN AMRO/i, 'ABNA'],
  [/TRIODOS|TRIONL2U/i, 'TRIO'],
  [/INGBNL2A/, 'INGB'],
  [/^:940:|RABONL2U/m, 'RABO'],
];

/** :25: "NL69INGB0123456789EUR" / "NL50RABO0123456789 EUR" / "ABNANL2A/123456789" / "TRIODOSBANK/0390123456" / "0123456789EUR". */
function accountFrom(value: string, text: string): string {
  const tokens = value.trim().split(/[\s/]+/).filter((t) => t !== '');
  for (const t of tokens) {
    const withoutCcy = /^([A-Z]{2}\d{2}[A-Z0-9]{11,30}?)(EUR|USD|GBP|CHF)?$/.exec(t.toUpperCase());
    if (withoutCcy && ibanLike(withoutCcy[1])) return withoutCcy[1] as string;
  }
  const digits = tokens.map((t) => /^(\d{6,10})(?:[A-Z]{3})?$/.exec(t.toUpperCase())?.[1]).find((d) => d !== undefined);
  if (digits !== undefined) {
    const bank = OLD_NUMBER_BANKS.find(([re]) => re.test(text.slice(0, 4096)))?.[1];
    return (bank !== undefined ? dutchIbanFromAccount(bank, digits) : null) ?? digits;
  }
  return tokens[0] ?? '';
}

/**
 * MT942 (interim transaction report) looks like MT940 but has no opening or closing balance: it
 * lists today's bookings so far. Say what it is and what to download instead, not which tag is missing.
 */
function refuseMt942(fields: Mt940Field[], text: string): void {
  const hasBalance = fields.some((f) => /^6[02][FM]$/.test(f.tag));
  const looks942 = /\{2:[IO]942/.test(text) || fields.some((f) => f.tag === '34F' || f.tag === '13D' || f.tag === '90D' || f.tag === '90C');
  if (hasBalance || !looks942) return;
  throw bankError(
    said('err.bankFile.mt940.isMt942', 'Dit is een MT942-bestand: een tussentijds overzicht van de boekingen van vandaag. Daarin staan geen begin- en eindsaldo, en de boekingen kunnen nog veranderen. Download bij uw bank het dagafschrift als MT940 of CAMT.053, over een periode die al voorbij is.'),
    { reason: 'unknown-format' },
  );
}

export function parseMt940(text: string): StatementPart[] {
  const fields = splitMt940(text);
  if (!fields.some((f) => f.tag === '20' || f.tag === '25')) {
    throw bankError(said('err.bankFile.mt940.noStatement', 'Dit MT940-bestand bevat geen afschrift (de velden :20: en :25: ontbreken).'), { reason: 'missing' });
  }
  refuseMt942(fields, text);
  const parts: StatementPart[] = [];
  let part: (StatementPart & { hasOpening: boolean; hasClosing: boolean }) | undefined;
  let lastTx: ParsedTransaction | undefined;
  let infos: string[] = [];

  const finish = (): void => {
    if (!part) return;
    if (!part.hasOpening) {
      throw bankError(said('err.bankFile.mt940.noOpening', '{{at}}het afschrift dat hier begint heeft geen beginsaldo (:60F:).', { at: atLine(part.line) }), { reason: 'missing', ...(part.line !== undefined ? { line: part.line } : {}) });
    }
    if (!part.hasClosing) {
      throw bankError(
        said('err.bankFile.mt940.noClosing', '{{at}}het afschrift dat hier begint heeft geen eindsaldo (:62F:). Het bestand is waarschijnlijk niet compleet.', { at: atLine(part.line) }),
        { reason: 'truncated', ...(part.line !== undefined ? { line: part.line } : {}) },
      );
    }
    if (part.account === '') {
      throw bankError(said('err.bankFile.mt940.noAccount', '{{at}}bij het afschrift dat hier begint ontbreekt het rekeningnummer (:25:).', { at: atLine(part.line) }), { reason: 'account', ...(part.line !== undefined ? { line: part.line } : {}) });
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
          throw bankError(said('err.bankFile.mt940.lineOutside', '{{at}}deze boekingsregel (:61:) staat niet tussen een beginsaldo (:60F:) en een eindsaldo (:62F:).', { at: atLine(f.line) }), {
            reason: 'syntax',
            line: f.line,
          });
        }
        lastTx = parseLine61(f);
        infos = [];
        part.transactions.push(lastTx);
        break;
      }
      case '86':
        // Every :86: after a :61: belongs to it; the closing /SUM/ :86: after :62F: has no booking.
        if (lastTx) {
          infos.push(info86(f));
          applyInfo(lastTx, infos);
        }
        break;
      case '62F':
      case '62M': {
        if (!part?.hasOpening) {
          throw bankError(said('err.bankFile.mt940.closingFirst', '{{at}}er staat een eindsaldo (:{{tag}}:) zonder beginsaldo (:60F:) ervoor.', { at: atLine(f.line), tag: f.tag }), { reason: 'syntax', line: f.line });
        }
        if (part.hasClosing) {
          throw bankError(said('err.bankFile.mt940.twoClosings', '{{at}}dit afschrift heeft twee eindsaldi (:62F:).', { at: atLine(f.line) }), { reason: 'syntax', line: f.line });
        }
        const b = balanceAt(f);
        if (b.currency !== part.currency) {
          throw bankError(said('err.bankFile.mt940.currencies', '{{at}}het eindsaldo is in {{closing}}, het beginsaldo in {{opening}}.', { at: atLine(f.line), closing: quote(b.currency, 8), opening: quote(part.currency, 8) }), {
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
