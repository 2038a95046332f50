import { KassaError } from '../../../shared/errors';
import type { Fund } from '../../../shared/api/grants';
import type { FundType } from '../../../shared/rules/grants';
import type { Books } from '../../db/books';
import { appendAudit } from '../audit';
import { nowIso } from '../clock';
import { said } from '../../../shared/phrase';

/**
 * Funds are contacts of kind 'fund' (table `contacts`, migration 0002, shared with invoices): a
 * municipality, a foundation's fund, a lottery, a company or a private donor that gives grants.
 */
interface FundRow {
  id: number; name: string; fund_type: FundType | null; email: string | null; phone: string | null; iban: string | null;
  kvk: string | null; note: string | null; archived: number; grants: number;
}

const SELECT = `SELECT c.id, c.name, c.fund_type, c.email, c.phone, c.iban, c.kvk, c.note, c.archived,
  (SELECT COUNT(*) FROM grants g WHERE g.fund_id = c.id) AS grants
  FROM contacts c WHERE c.kind = 'fund'`;

const toFund = (r: FundRow): Fund => ({
  id: r.id, name: r.name, fundType: r.fund_type, email: r.email, phone: r.phone, iban: r.iban, kvk: r.kvk, note: r.note,
  archived: r.archived === 1, grants: r.grants,
});

export function listFunds(books: Books, includeArchived = false): Fund[] {
  const rows = books.raw(`${SELECT}${includeArchived ? '' : ' AND c.archived = 0'} ORDER BY c.name COLLATE NOCASE, c.id`).all() as FundRow[];
  return rows.map(toFund);
}

export function getFund(books: Books, id: number, field = 'fund'): Fund {
  const r = books.raw(`${SELECT} AND c.id = ?`).get(id) as FundRow | undefined;
  if (!r) throw new KassaError('NOT_FOUND', said('err.grant.fundNotFound', 'Dit fonds bestaat niet in deze administratie. Kies een fonds uit de lijst of maak het eerst aan.'), { field });
  return toFund(r);
}

function checkUniqueName(books: Books, name: string, exceptId: number | null): void {
  const other = books.raw(`SELECT id FROM contacts WHERE kind = 'fund' AND name = ? COLLATE NOCASE AND id IS NOT ?`).get(name, exceptId) as { id: number } | undefined;
  if (other) throw new KassaError('DUPLICATE', said('err.grant.fundExists', 'Er is al een fonds met de naam "{{name}}". Kies dat fonds of geef een andere naam.', { name }), { field: 'name' });
}

export interface FundInput {
  name: string;
  fundType: FundType;
  email?: string | undefined;
  phone?: string | undefined;
  iban?: string | undefined;
  kvk?: string | undefined;
  note?: string | undefined;
}

export function createFund(books: Books, input: FundInput): Fund {
  return books.tx(() => {
    checkUniqueName(books, input.name, null);
    const { lastInsertRowid: id } = books.run(
      books.db.insertInto('contacts').values({
        kind: 'fund', name: input.name, fund_type: input.fundType, email: input.email?.trim() || null, phone: input.phone?.trim() || null,
        iban: input.iban ?? null, kvk: input.kvk ?? null, note: input.note?.trim() || null, archived: 0, created_at: nowIso(),
        contact_name: null, street: null, postcode: null, city: null, country: 'NL', vat_number: null, oin: null, order_reference: null,
      }),
    );
    appendAudit(books, 'funds.create', 'contact', id, input);
    return getFund(books, id);
  });
}

export function updateFund(books: Books, input: Partial<FundInput> & { id: number; archived?: boolean | undefined }): Fund {
  return books.tx(() => {
    getFund(books, input.id, 'id');
    if (input.name !== undefined) checkUniqueName(books, input.name, input.id);
    const set: Record<string, unknown> = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.fundType !== undefined) set.fund_type = input.fundType;
    if (input.email !== undefined) set.email = input.email.trim() || null;
    if (input.phone !== undefined) set.phone = input.phone.trim() || null;
    if (input.iban !== undefined) set.iban = input.iban;
    if (input.kvk !== undefined) set.kvk = input.kvk;
    if (input.note !== undefined) set.note = input.note.trim() || null;
    if (input.archived !== undefined) set.archived = input.archived ? 1 : 0;
    if (Object.keys(set).length) books.run(books.db.updateTable('contacts').set(set).where('id', '=', input.id).where('kind', '=', 'fund'));
    appendAudit(books, 'funds.update', 'contact', input.id, input);
    return getFund(books, input.id);
  });
}
