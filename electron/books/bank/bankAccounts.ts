import { KassaError } from '../../../shared/errors';
import { formatIban, isValidIban, normaliseIban } from '../../../shared/validation/iban';
import type { BankAccountRef } from '../../../shared/api/bank';
import type { Books } from '../../db/books';
import { joinSaid, said } from '../../../shared/phrase';

/** A bank account of the administration (accounts.kind = 'bank') with the journal it books in. */
export interface BankAccountRow {
  id: number;
  code: string;
  name: string;
  iban: string | null;
  archived: number;
  journal: string | null;
}

const SELECT = `SELECT a.id, a.code, a.name, a.iban, a.archived, (SELECT j.code FROM journals j WHERE j.account_id = a.id ORDER BY j.id LIMIT 1) AS journal
  FROM accounts a WHERE a.kind = 'bank'`;

export function bankAccounts(books: Books): BankAccountRow[] {
  return books.raw(`${SELECT} ORDER BY a.code`).all() as BankAccountRow[];
}

export function accountRef(a: { code: string; name: string; iban: string | null }): BankAccountRef {
  return { code: a.code, name: a.name, iban: a.iban };
}

/** A bank account by code, for the API: exists and is a bank account. */
export function bankAccountByCode(books: Books, code: string, field = 'account'): BankAccountRow {
  const a = books.raw(`${SELECT} AND a.code = ?`).get(code) as BankAccountRow | undefined;
  if (a) return a;
  const other = books.raw('SELECT name FROM accounts WHERE code = ?').get(code) as { name: string } | undefined;
  if (other) throw new KassaError('INVALID_INPUT', said('err.bank.notBankAccount', 'Rekening {{code}} ({{name}}) is geen bankrekening. Kies een bankrekening, bijvoorbeeld 1100.', { code, name: other.name }), { field });
  throw new KassaError('UNKNOWN_ACCOUNT', said('err.bank.unknownBankAccount', 'Rekening {{code}} bestaat niet. Kies een bankrekening, bijvoorbeeld 1100.', { code }), { field });
}

/**
 * Is this account number the same account as that IBAN? Equal IBANs, or an old Dutch account number
 * (ABN AMRO's text exports still show "417164300") that is the tail of a Dutch IBAN.
 */
export function sameBankAccount(statementAccount: string, iban: string | null): boolean {
  if (iban === null) return false;
  const a = normaliseIban(statementAccount);
  const b = normaliseIban(iban);
  if (a === b) return true;
  if (/^\d{1,10}$/.test(a) && /^NL\d{2}[A-Z]{4}\d{10}$/.test(b)) return b.slice(8).replace(/^0+/, '') === a.replace(/^0+/, '');
  return false;
}

function describe(statementAccount: string): string {
  return isValidIban(statementAccount) ? formatIban(statementAccount) : statementAccount;
}

/**
 * The bank account a statement belongs to. Without a choice: the one bank account with that IBAN.
 * With a choice: that account, unless it carries another IBAN (a file of another account is
 * refused). An account without IBAN takes the statement's IBAN (stored, so next time it is found).
 */
export function accountForStatement(books: Books, statementAccount: string, chosen: string | undefined): { account: BankAccountRow; setIban: boolean } {
  const shown = describe(statementAccount);
  if (chosen !== undefined) {
    const account = bankAccountByCode(books, chosen);
    if (account.iban !== null && !sameBankAccount(statementAccount, account.iban)) {
      throw new KassaError(
        'INVALID_INPUT',
        said('err.bank.statementOtherIban', 'Dit afschrift is van rekening {{shown}}, maar rekening {{code}} ({{name}}) heeft IBAN {{iban}}. Kies de bankrekening van dit afschrift.', { shown, code: account.code, name: account.name, iban: formatIban(account.iban) }),
        { field: 'account', details: { statementIban: statementAccount, accountIban: account.iban } },
      );
    }
    if (account.archived) {
      throw new KassaError('ACCOUNT_ARCHIVED', said('err.bank.archivedNoImport', 'Rekening {{code}} ({{name}}) is gearchiveerd. Daarop kunt u geen afschrift inlezen.', { code: account.code, name: account.name }), { field: 'account' });
    }
    const owner = bankAccounts(books).find((a) => a.id !== account.id && sameBankAccount(statementAccount, a.iban));
    if (owner) {
      throw new KassaError(
        'INVALID_INPUT',
        said('err.bank.statementOtherAccount', 'Dit afschrift is van rekening {{shown}}. Dat is rekening {{code}} ({{name}}), niet {{chosen}}. Kies rekening {{code}}.', { shown, code: owner.code, name: owner.name, chosen: account.code }),
        { field: 'account', details: { statementIban: statementAccount, accountIban: owner.iban } },
      );
    }
    return { account, setIban: account.iban === null && isValidIban(statementAccount) };
  }
  const all = bankAccounts(books);
  const hits = all.filter((a) => sameBankAccount(statementAccount, a.iban));
  const hit = hits[0];
  if (hits.length === 1 && hit) {
    if (hit.archived) {
      throw new KassaError('ACCOUNT_ARCHIVED', said('err.bank.archivedNoImport', 'Rekening {{code}} ({{name}}) is gearchiveerd. Daarop kunt u geen afschrift inlezen.', { code: hit.code, name: hit.name }), { field: 'account' });
    }
    return { account: hit, setIban: false };
  }
  const candidates = all.filter((a) => !a.archived).map((a) => ({ code: a.code, name: a.name, iban: a.iban }));
  const withoutIban = candidates.filter((a) => a.iban === null);
  const head = said('err.bank.statementUnknownAccount', 'Dit afschrift is van rekening {{shown}}. Die rekening staat niet bij de bankrekeningen van deze administratie.', { shown });
  const hint = withoutIban.length > 0
    ? said('err.bank.maybeAccount', 'Hoort het bij {{accounts}}? Kies dan die rekening.', { accounts: withoutIban.map((a) => `${a.code} (${a.name})`).join(' / ') })
    : said('err.bank.addAccountFirst', 'Voeg die rekening eerst toe als bankrekening, of kies de juiste rekening.');
  throw new KassaError(
    'INVALID_INPUT',
    joinSaid(head, hint),
    { field: 'account', details: { statementIban: statementAccount, candidates } },
  );
}
