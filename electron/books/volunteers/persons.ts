import { sql, type Selectable } from 'kysely';
import { KassaError } from '../../../shared/errors';
import type { Benefit, Person } from '../../../shared/api/volunteers';
import type { Books } from '../../db/books';
import type { PersonsTable } from '../../db/schema';
import { appendAudit } from '../audit';
import { nowIso } from '../clock';
import { said } from '../../../shared/phrase';

/** Persons: volunteers (and anyone else a line's person dimension points to). Never deleted, only archived. */

type PersonRow = Selectable<PersonsTable>;

export function toPerson(r: PersonRow): Person {
  return {
    id: r.id,
    name: r.name,
    birthDate: r.birth_date,
    street: r.street,
    postcode: r.postcode,
    city: r.city,
    iban: r.iban,
    email: r.email,
    benefit: r.benefit,
    benefitNote: r.benefit_note,
    alsoPaidOrInvoices: r.also_paid_or_invoices === 1,
    archived: r.archived === 1,
    createdAt: r.created_at,
  };
}

export interface PersonInput {
  name?: string | undefined;
  birthDate?: string | null | undefined;
  street?: string | null | undefined;
  postcode?: string | null | undefined;
  city?: string | null | undefined;
  iban?: string | null | undefined;
  email?: string | null | undefined;
  benefit?: Benefit | undefined;
  benefitNote?: string | null | undefined;
  alsoPaidOrInvoices?: boolean | undefined;
}

/** The person row, or NOT_FOUND in Dutch for the given input field. */
export function personRow(books: Books, id: number, field = 'person'): PersonRow {
  const r = books.first(books.db.selectFrom('persons').selectAll().where('id', '=', id));
  if (!r) throw new KassaError('NOT_FOUND', said('err.vol.personNotFoundChoose', 'Persoon {{id}} bestaat niet. Kies een vrijwilliger uit de lijst.', { id }), { field });
  return r;
}

export function getPerson(books: Books, id: number): Person {
  return toPerson(personRow(books, id, 'id'));
}

export function listPersons(books: Books, input: { includeArchived?: boolean | undefined; search?: string | undefined }): Person[] {
  let q = books.db.selectFrom('persons').selectAll();
  if (!input.includeArchived) q = q.where('archived', '=', 0);
  const s = input.search?.trim();
  if (s) q = q.where(sql<boolean>`name LIKE ${`%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`);
  return books.all(q.orderBy('name').orderBy('id')).map(toPerson);
}

function columns(input: PersonInput): Partial<Omit<PersonRow, 'id' | 'created_at' | 'archived'>> {
  const out: Partial<Omit<PersonRow, 'id' | 'created_at' | 'archived'>> = {};
  if (input.name !== undefined) out.name = input.name.trim();
  if (input.birthDate !== undefined) out.birth_date = input.birthDate;
  if (input.street !== undefined) out.street = input.street;
  if (input.postcode !== undefined) out.postcode = input.postcode === null ? null : input.postcode.toUpperCase();
  if (input.city !== undefined) out.city = input.city;
  if (input.iban !== undefined) out.iban = input.iban;
  if (input.email !== undefined) out.email = input.email;
  if (input.benefit !== undefined) out.benefit = input.benefit;
  if (input.benefitNote !== undefined) out.benefit_note = input.benefitNote;
  if (input.alsoPaidOrInvoices !== undefined) out.also_paid_or_invoices = input.alsoPaidOrInvoices ? 1 : 0;
  return out;
}

/** Audit payloads leave out nothing but never carry more than the treasurer typed. */
export function createPerson(books: Books, input: PersonInput & { name: string }): Person {
  return books.tx(() => {
    const c = columns(input);
    const { lastInsertRowid: id } = books.run(
      books.db.insertInto('persons').values({
        name: c.name ?? input.name.trim(),
        birth_date: c.birth_date ?? null,
        street: c.street ?? null,
        postcode: c.postcode ?? null,
        city: c.city ?? null,
        iban: c.iban ?? null,
        email: c.email ?? null,
        benefit: c.benefit ?? 'none',
        benefit_note: c.benefit_note ?? null,
        also_paid_or_invoices: c.also_paid_or_invoices ?? 0,
        archived: 0,
        created_at: nowIso(),
      }),
    );
    appendAudit(books, 'persons.create', 'person', id, input);
    return getPerson(books, id);
  });
}

export function updatePerson(books: Books, input: PersonInput & { id: number }): Person {
  return books.tx(() => {
    personRow(books, input.id, 'id');
    const c = columns(input);
    if (Object.keys(c).length > 0) books.run(books.db.updateTable('persons').set(c).where('id', '=', input.id));
    appendAudit(books, 'persons.update', 'person', input.id, input);
    return getPerson(books, input.id);
  });
}

export function archivePerson(books: Books, id: number, archived = true): Person {
  return books.tx(() => {
    personRow(books, id, 'id');
    books.run(books.db.updateTable('persons').set({ archived: archived ? 1 : 0 }).where('id', '=', id));
    appendAudit(books, archived ? 'persons.archive' : 'persons.unarchive', 'person', id, { archived });
    return getPerson(books, id);
  });
}
