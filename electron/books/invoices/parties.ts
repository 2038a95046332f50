import type { BuyerParty, SellerParty } from '../../../shared/rules/invoiceModel';
import type { Books } from '../../db/books';
import type { ContactsTable } from '../../db/schema';
import type { Selectable } from 'kysely';
import { readConfig, vatStatementSettings } from './settings';

/**
 * The two parties of an invoice in the document layer's shape. A final invoice keeps the snapshot
 * taken when it was finalised (seller_json/buyer_json); drafts and reminders use today's data.
 */

/** The seller as stored in seller_json: the party plus the logo that was printed. */
export interface SellerSnapshot extends SellerParty {
  logoId?: number | null;
}

export function currentSeller(books: Books): SellerSnapshot {
  const o = books.first(books.db.selectFrom('organisation').selectAll());
  if (!o) throw new Error('organisation row missing');
  const c = readConfig(books);
  return {
    name: o.name,
    address: { street: o.street ?? '', postalCode: o.postcode ?? '', city: o.city ?? '', countryCode: 'NL' },
    kvk: o.kvk ?? '',
    rsin: o.rsin,
    vatNumber: o.vat_number,
    vatStatus: o.vat_status,
    iban: o.iban ?? '',
    bic: c.bic,
    email: o.email,
    phone: o.phone,
    website: o.website,
    vatStatements: vatStatementSettings(c),
    logoId: c.logoId,
  };
}

export function buyerOf(c: Selectable<ContactsTable>): BuyerParty {
  return {
    name: c.name,
    address: { street: c.street ?? '', postalCode: c.postcode ?? '', city: c.city ?? '', countryCode: c.country || 'NL' },
    contactName: c.contact_name,
    kvk: c.kvk,
    oin: c.oin,
    vatNumber: c.vat_number,
    email: c.email,
    // Only when set: older snapshots (and the facts hashed over them) have no such key.
    ...(c.einvoice === 1 ? { einvoice: true } : {}),
  };
}

export function parseSeller(json: string): SellerSnapshot {
  return JSON.parse(json) as SellerSnapshot;
}

export function parseBuyer(json: string): BuyerParty {
  return JSON.parse(json) as BuyerParty;
}

/** The document layer's SellerParty without our extra field. */
export function sellerParty(s: SellerSnapshot): SellerParty {
  const { logoId: _logo, ...party } = s;
  return party;
}
