import { defaultStatementLines, type AccountType, type MoneyKind } from '../../shared/chart';
import { KassaError } from '../../shared/errors';
import type { Account } from '../../shared/api/types';
import type { Books } from '../db/books';
import type { Selectable, Updateable } from 'kysely';
import type { AccountsTable } from '../db/schema';

type AccountRow = Selectable<AccountsTable> & { has_postings: unknown };
import { appendAudit } from './audit';
import { lineFits } from './statements/layout';
import { said } from '../../shared/phrase';

export interface AccountRef {
  id: number;
  code: string;
  name: string;
  type: AccountType;
  kind: MoneyKind | null;
  archived: number;
}

function toAccount(r: AccountRow): Account {
  return {
    code: r.code, name: r.name, type: r.type, kind: r.kind, iban: r.iban, lineRj640: r.line_rj640, lineRj650: r.line_rj650,
    rgsCode: r.rgs_code, archived: r.archived === 1, hasPostings: Number(r.has_postings) === 1,
  };
}

function selectAccounts(books: Books) {
  return books.db
    .selectFrom('accounts as a')
    .selectAll('a')
    .select((eb) => eb.exists(eb.selectFrom('lines').select('lines.id').whereRef('lines.account_id', '=', 'a.id')).as('has_postings'));
}

export function listAccounts(books: Books, includeArchived = false): Account[] {
  let q = selectAccounts(books).orderBy('a.code');
  if (!includeArchived) q = q.where('a.archived', '=', 0);
  return books.all(q).map((r) => toAccount(r));
}

export function getAccount(books: Books, code: string): Account {
  const r = books.first(selectAccounts(books).where('a.code', '=', code));
  if (!r) throw new KassaError('UNKNOWN_ACCOUNT', said('err.account.unknown', 'Rekening {{code}} bestaat niet.', { code }), { field: 'code' });
  return toAccount(r);
}

/** Resolve a code for posting: it must exist and not be archived. */
export function accountForPosting(books: Books, code: string, field: string): AccountRef {
  // Raw SQL: every posted line passes here, and building the query with kysely cost more than running it.
  const r = books.raw('SELECT id, code, name, type, kind, archived FROM accounts WHERE code = ?').get(code) as (AccountRef & { archived: number }) | undefined;
  if (!r) throw new KassaError('UNKNOWN_ACCOUNT', said('err.account.unknownChoose', 'Rekening {{code}} bestaat niet. Kies een rekening uit het rekeningschema.', { code }), { field });
  if (r.archived) throw new KassaError('ACCOUNT_ARCHIVED', said('err.account.archived', 'Rekening {{code}} ({{name}}) is gearchiveerd. Daarop kunt u niet meer boeken.', { code, name: r.name }), { field });
  return r;
}

/** The statement lines a treasurer chose for an account, checked against its type (Dutch error, field named). */
function chosenLines(type: AccountType, input: StatementLineInput): { line_rj640?: string; line_rj650?: string } {
  const out: { line_rj640?: string; line_rj650?: string } = {};
  for (const layout of ['rj640', 'rj650'] as const) {
    const field = layout === 'rj640' ? 'lineRj640' : 'lineRj650';
    const line = input[field];
    if (line === undefined) continue;
    if (!lineFits(layout, type, line)) {
      throw new KassaError('INVALID_INPUT', said('err.account.lineNotFitting', 'Deze rekening kan niet op die regel van de jaarrekening ({{layout}}) staan. Kies een regel die past bij het soort rekening.', { layout: layout === 'rj640' ? 'RJ 640' : 'RJ 650' }), { field });
    }
    out[layout === 'rj640' ? 'line_rj640' : 'line_rj650'] = line;
  }
  return out;
}

interface StatementLineInput {
  lineRj640?: string | undefined;
  lineRj650?: string | undefined;
}

export function createAccount(
  books: Books,
  input: { code: string; name: string; type: AccountType; kind?: MoneyKind; iban?: string; rgsCode?: string } & StatementLineInput,
): Account {
  return books.tx(() => {
    const exists = books.first(books.db.selectFrom('accounts').select('id').where('code', '=', input.code));
    if (exists) throw new KassaError('ACCOUNT_EXISTS', said('err.account.exists', 'Rekeningnummer {{code}} bestaat al. Kies een ander nummer.', { code: input.code }), { field: 'code' });
    if (input.kind && input.type !== 'asset') {
      throw new KassaError('INVALID_INPUT', said('err.account.moneyIsAsset', 'Een bank- of kasrekening is altijd een bezitting (activa).'), { field: 'type' });
    }
    const lines = input.kind ? { rj650: 'liquide', rj640: 'liquide' } : defaultStatementLines(input.type);
    const { lastInsertRowid } = books.run(
      books.db.insertInto('accounts').values({
        code: input.code, name: input.name, type: input.type, kind: input.kind ?? null, iban: input.iban ?? null,
        rgs_code: input.rgsCode ?? null, line_rj650: lines.rj650, line_rj640: lines.rj640, archived: 0, ...chosenLines(input.type, input),
      }),
    );
    if (input.kind === 'bank') {
      // Each bank account gets its own bank book, named after its code so it is unique.
      books.run(books.db.insertInto('journals').values({ code: `BANK${input.code}`, name: `Bankboek ${input.name}`, account_id: lastInsertRowid }));
    }
    appendAudit(books, 'accounts.create', 'account', input.code, input);
    return getAccount(books, input.code);
  });
}

export function updateAccount(books: Books, input: { code: string; name?: string; iban?: string; rgsCode?: string | null } & StatementLineInput): Account {
  return books.tx(() => {
    const acc = getAccount(books, input.code);
    const set: Updateable<AccountsTable> = { ...chosenLines(acc.type, input) };
    if (input.name !== undefined) set.name = input.name;
    if (input.iban !== undefined) set.iban = input.iban;
    if (input.rgsCode !== undefined) set.rgs_code = input.rgsCode;
    if (Object.keys(set).length) books.run(books.db.updateTable('accounts').set(set).where('code', '=', input.code));
    appendAudit(books, 'accounts.update', 'account', input.code, input);
    return getAccount(books, input.code);
  });
}

export function archiveAccount(books: Books, code: string, archived = true): Account {
  return books.tx(() => {
    getAccount(books, code);
    books.run(books.db.updateTable('accounts').set({ archived: archived ? 1 : 0 }).where('code', '=', code));
    appendAudit(books, archived ? 'accounts.archive' : 'accounts.unarchive', 'account', code, { code });
    return getAccount(books, code);
  });
}

export function deleteAccount(books: Books, code: string): { deleted: boolean } {
  return books.tx(() => {
    const acc = getAccount(books, code);
    if (acc.hasPostings) {
      throw new KassaError('HAS_POSTINGS', said('err.account.hasPostingsArchive', 'Op rekening {{code}} staan boekingen. Verwijderen kan niet; archiveer de rekening.', { code }), { field: 'code' });
    }
    const journal = books.first(books.db.selectFrom('journals as j').innerJoin('accounts as a', 'a.id', 'j.account_id').select('j.id').where('a.code', '=', code));
    if (journal) {
      const used = books.first(books.db.selectFrom('entries').select('id').where('journal_id', '=', journal.id).limit(1));
      if (used) throw new KassaError('HAS_POSTINGS', said('err.account.journalHasPostings', 'Het dagboek van rekening {{code}} heeft boekingen. Archiveer de rekening.', { code }), { field: 'code' });
      books.run(books.db.deleteFrom('journals').where('id', '=', journal.id));
    }
    books.run(books.db.deleteFrom('accounts').where('code', '=', code));
    appendAudit(books, 'accounts.delete', 'account', code, { code });
    return { deleted: true };
  });
}
