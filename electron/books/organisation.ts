import type { z } from 'zod';
import type { OrganisationUpdate } from '../../shared/api/books';
import type { Organisation } from '../../shared/api/types';
import type { Books } from '../db/books';
import type { OrganisationTable } from '../db/schema';
import { appendAudit } from './audit';

type OrgInput = z.output<typeof OrganisationUpdate>;

export function toOrganisation(r: OrganisationTable): Organisation {
  return {
    name: r.name, kvk: r.kvk, rsin: r.rsin, iban: r.iban, street: r.street, postcode: r.postcode, city: r.city,
    email: r.email, phone: r.phone, website: r.website, vatStatus: r.vat_status, vatNumber: r.vat_number,
    anbi: r.anbi === 1, layout: r.layout,
  };
}

/** Input field -> column, for both insert and update. */
export function orgColumns(input: OrgInput): Partial<OrganisationTable> {
  const out: Partial<OrganisationTable> = {};
  if (input.name !== undefined) out.name = input.name;
  if (input.kvk !== undefined) out.kvk = input.kvk;
  if (input.rsin !== undefined) out.rsin = input.rsin;
  if (input.iban !== undefined) out.iban = input.iban;
  if (input.vat !== undefined) out.vat_status = input.vat;
  if (input.layout !== undefined) out.layout = input.layout;
  if (input.anbi !== undefined) out.anbi = input.anbi ? 1 : 0;
  if (input.street !== undefined) out.street = input.street;
  if (input.postcode !== undefined) out.postcode = input.postcode;
  if (input.city !== undefined) out.city = input.city;
  if (input.email !== undefined) out.email = input.email;
  if (input.phone !== undefined) out.phone = input.phone;
  if (input.website !== undefined) out.website = input.website;
  if (input.vatNumber !== undefined) out.vat_number = input.vatNumber;
  return out;
}

export function getOrganisation(books: Books): Organisation {
  const row = books.first(books.db.selectFrom('organisation').selectAll());
  if (!row) throw new Error('organisation row missing');
  return toOrganisation(row);
}

export function updateOrganisation(books: Books, input: OrgInput): Organisation {
  return books.tx(() => {
    const cols = orgColumns(input);
    if (Object.keys(cols).length > 0) books.run(books.db.updateTable('organisation').set(cols).where('id', '=', 1));
    appendAudit(books, 'org.update', 'organisation', 1, input);
    return getOrganisation(books);
  });
}
