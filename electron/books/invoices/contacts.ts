import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { ContactInput, ContactUpdateInput } from '../../../shared/api/invoices';
import type { Contact, ContactKind, ContactList } from '../../../shared/api/invoiceTypes';
import { KassaError } from '../../../shared/errors';
import type { Books } from '../../db/books';
import type { ContactsTable } from '../../db/schema';
import { appendAudit } from '../audit';
import { nowIso } from '../clock';
import { said } from '../../../shared/phrase';

/**
 * Contacts: customers, suppliers, funds and others. Shared with grants (funds) and the bank import.
 * A contact with invoices is archived, never deleted; invoices keep a snapshot of the address they
 * were sent to, so editing a contact never changes an issued invoice.
 */

type Row = Selectable<ContactsTable>;
type CreateInput = z.output<typeof ContactInput>;
type UpdateInput = z.output<typeof ContactUpdateInput>;

export const CONTACT_KIND_NL: Readonly<Record<ContactKind, string>> = {
  customer: 'klant',
  supplier: 'leverancier',
  fund: 'fonds',
  other: 'contact',
};

export function toContact(r: Row): Contact {
  return {
    id: r.id, kind: r.kind, name: r.name, contactName: r.contact_name, street: r.street, postcode: r.postcode, city: r.city,
    country: r.country, email: r.email, phone: r.phone, kvk: r.kvk, vatNumber: r.vat_number, iban: r.iban, oin: r.oin,
    orderReference: r.order_reference, einvoice: r.einvoice === 1, fundType: r.fund_type, note: r.note, archived: r.archived === 1,
  };
}

export function contactRow(books: Books, id: number, field = 'contact'): Row {
  const r = books.first(books.db.selectFrom('contacts').selectAll().where('id', '=', id));
  if (!r) throw new KassaError('NOT_FOUND', said('err.contact.notFoundChoose', 'Contact {{id}} bestaat niet. Kies een bestaande klant of leverancier.', { id }), { field });
  return r;
}

export function getContact(books: Books, id: number): Contact {
  return toContact(contactRow(books, id, 'id'));
}

const like = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function listContacts(
  books: Books,
  f: { kind?: ContactKind | ContactKind[]; search?: string; includeArchived?: boolean; limit?: number; offset?: number },
): ContactList {
  const where: string[] = [];
  const params: unknown[] = [];
  const kinds = f.kind === undefined ? [] : Array.isArray(f.kind) ? f.kind : [f.kind];
  if (kinds.length > 0) {
    where.push(`kind IN (${kinds.map(() => '?').join(',')})`);
    params.push(...kinds);
  }
  if (!f.includeArchived) where.push('archived = 0');
  const s = f.search?.trim();
  if (s) {
    where.push(`(name LIKE ? ESCAPE '\\' OR city LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\' OR kvk LIKE ? ESCAPE '\\' OR iban LIKE ? ESCAPE '\\')`);
    const l = like(s);
    params.push(l, l, l, l, like(s.replace(/\s+/g, '').toUpperCase()));
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (books.raw(`SELECT COUNT(*) AS n FROM contacts ${w}`).get(...params) as { n: number }).n;
  const rows = books.raw(`SELECT * FROM contacts ${w} ORDER BY name COLLATE NOCASE, id LIMIT ? OFFSET ?`).all(...params, f.limit ?? 100, f.offset ?? 0) as Row[];
  return { total, items: rows.map(toContact) };
}

function checkFundType(kind: ContactKind, fundType: string | null | undefined): void {
  if (fundType && kind !== 'fund') {
    throw new KassaError('INVALID_INPUT', said('err.contact.fundTypeOnlyFund', 'Alleen een fonds heeft een soort fonds. Kies bij "soort contact" voor fonds, of laat het soort fonds leeg.'), { field: 'fundType' });
  }
}

function columns(input: Partial<CreateInput>): Partial<Omit<Row, 'id'>> {
  const out: Partial<Omit<Row, 'id'>> = {};
  const set = <K extends keyof Omit<Row, 'id'>>(k: K, v: Row[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('kind', input.kind);
  set('name', input.name);
  set('contact_name', input.contactName);
  set('street', input.street);
  set('postcode', input.postcode);
  set('city', input.city);
  set('country', input.country);
  set('email', input.email);
  set('phone', input.phone);
  set('kvk', input.kvk);
  set('vat_number', input.vatNumber);
  set('iban', input.iban);
  set('oin', input.oin);
  set('order_reference', input.orderReference);
  set('fund_type', input.fundType);
  set('note', input.note);
  if (input.einvoice !== undefined) out.einvoice = input.einvoice ? 1 : 0;
  return out;
}

export function createContact(books: Books, input: CreateInput): Contact {
  return books.tx(() => {
    checkFundType(input.kind, input.fundType);
    const cols = columns(input);
    const { lastInsertRowid: id } = books.run(
      books.db.insertInto('contacts').values({
        kind: input.kind, name: input.name, country: 'NL', archived: 0, created_at: nowIso(),
        contact_name: null, street: null, postcode: null, city: null, email: null, phone: null, kvk: null, vat_number: null,
        iban: null, oin: null, order_reference: null, fund_type: null, note: null,
        ...cols,
      }),
    );
    appendAudit(books, 'contacts.create', 'contact', id, input);
    return getContact(books, id);
  });
}

export function updateContact(books: Books, input: UpdateInput): Contact {
  return books.tx(() => {
    const old = contactRow(books, input.id, 'id');
    const kind = input.kind ?? old.kind;
    const fundType = input.fundType !== undefined ? input.fundType : old.fund_type;
    // Changing a fund into a customer drops its fund type instead of refusing the change.
    if (input.kind !== undefined && input.kind !== 'fund' && input.fundType === undefined) {
      checkFundType(kind, null);
    } else {
      checkFundType(kind, fundType);
    }
    const cols = columns(input);
    if (kind !== 'fund') cols.fund_type = null;
    if (Object.keys(cols).length > 0) books.run(books.db.updateTable('contacts').set(cols).where('id', '=', input.id));
    appendAudit(books, 'contacts.update', 'contact', input.id, input);
    return getContact(books, input.id);
  });
}

export function archiveContact(books: Books, id: number, archived = true): Contact {
  return books.tx(() => {
    contactRow(books, id, 'id');
    books.run(books.db.updateTable('contacts').set({ archived: archived ? 1 : 0 }).where('id', '=', id));
    appendAudit(books, archived ? 'contacts.archive' : 'contacts.unarchive', 'contact', id, { id });
    return getContact(books, id);
  });
}
