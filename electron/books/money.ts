import { KassaError } from '../../shared/errors';
import type { Books } from '../db/books';
import { accountForPosting } from './accounts';
import { postEntry, type Posted } from './entries';
import { said } from '../../shared/phrase';

/**
 * Guided helpers for treasurers who don't think in debit and credit: "money came in", "money went
 * out", "money moved". Each writes an ordinary two-sided entry through postEntry.
 */
interface Guided {
  date: string;
  description: string;
  amount: string;
  grant?: number;
  budgetLine?: number;
  person?: number;
  contact?: number;
}

function moneyAccount(books: Books, code: string, field: string) {
  const a = accountForPosting(books, code, field);
  if (a.kind === null) {
    throw new KassaError('INVALID_INPUT', said('err.money.notMoneyAccountPay', 'Rekening {{code}} ({{name}}) is geen bank- of kasrekening. Kies waar het geld binnenkwam of vandaan ging.', { code, name: a.name }), { field });
  }
  return a;
}

function categoryAccount(books: Books, code: string, field: string) {
  const a = accountForPosting(books, code, field);
  if (a.kind !== null) {
    throw new KassaError('INVALID_INPUT', said('err.money.useTransfer', 'Rekening {{code}} is zelf een bank- of kasrekening. Gebruik "geld overboeken" om geld tussen eigen rekeningen te verplaatsen.', { code }), { field });
  }
  return a;
}

const dims = (g: Guided) => ({
  ...(g.grant !== undefined ? { grant: g.grant } : {}),
  ...(g.budgetLine !== undefined ? { budgetLine: g.budgetLine } : {}),
  ...(g.person !== undefined ? { person: g.person } : {}),
  ...(g.contact !== undefined ? { contact: g.contact } : {}),
});

export function moneyReceived(books: Books, input: Guided & { into: string; category: string }): Posted {
  moneyAccount(books, input.into, 'into');
  categoryAccount(books, input.category, 'category');
  return postEntry(books, {
    date: input.date,
    description: input.description,
    lines: [
      { account: input.into, debit: input.amount },
      { account: input.category, credit: input.amount, ...dims(input) },
    ],
  }, { source: 'money.received' });
}

export function moneySpent(books: Books, input: Guided & { from: string; category: string }): Posted {
  moneyAccount(books, input.from, 'from');
  categoryAccount(books, input.category, 'category');
  return postEntry(books, {
    date: input.date,
    description: input.description,
    lines: [
      { account: input.category, debit: input.amount, ...dims(input) },
      { account: input.from, credit: input.amount },
    ],
  }, { source: 'money.spent' });
}

export function moneyTransfer(books: Books, input: { date: string; description: string; amount: string; from: string; to: string }): Posted {
  moneyAccount(books, input.from, 'from');
  moneyAccount(books, input.to, 'to');
  if (input.from === input.to) throw new KassaError('INVALID_INPUT', said('err.money.twoAccounts', 'Kies twee verschillende rekeningen.'), { field: 'to' });
  return postEntry(books, {
    date: input.date,
    description: input.description,
    lines: [
      { account: input.to, debit: input.amount },
      { account: input.from, credit: input.amount },
    ],
  }, { source: 'money.transfer' });
}
