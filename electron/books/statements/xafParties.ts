import type { Books } from '../../db/books';
import { el, group, isoCountry, opt } from './xafXml';

/**
 * `<customersSuppliers>` of the XAF: every contact that appears on a posted line of the year, so an
 * auditor can rebuild the debtor and creditor ledgers from the `custSupID` on the lines. The ID is
 * the contact's number in the administration (stable: contacts are archived, never renumbered).
 */

interface ContactRow {
  id: number; kind: 'customer' | 'supplier' | 'fund' | 'other'; name: string; contact_name: string | null;
  street: string | null; postcode: string | null; city: string | null; country: string | null;
  email: string | null; phone: string | null; kvk: string | null; vat_number: string | null; iban: string | null;
}

/** XAF custSupTp: C customer, S supplier, O other (funds and the rest). */
const TYPE: Record<ContactRow['kind'], 'C' | 'S' | 'O'> = { customer: 'C', supplier: 'S', fund: 'O', other: 'O' };

export function custSupId(contactId: number): string {
  return String(contactId);
}

/**
 * The contacts on the posted lines of a fiscal year (partial index lines_contact), plus `extra`:
 * the contacts of the year's invoices, whose debtor/creditor lines carry them even when the line
 * itself has none.
 */
export function contactsOfYear(books: Books, year: number, extra: number[] = []): ContactRow[] {
  return books
    .raw(
      `SELECT c.id, c.kind, c.name, c.contact_name, c.street, c.postcode, c.city, c.country, c.email, c.phone, c.kvk, c.vat_number, c.iban
       FROM contacts c WHERE c.id IN (
         SELECT DISTINCT l.contact_id FROM lines l JOIN entries e ON e.id = l.entry_id
         WHERE l.contact_id IS NOT NULL AND l.posted = 1 AND e.year = ?)
       OR c.id IN (SELECT value FROM json_each(?))
       ORDER BY c.id`,
    )
    .all(year, JSON.stringify(extra)) as ContactRow[];
}

function customerSupplier(c: ContactRow): string {
  const country = isoCountry(c.country);
  const address = group('streetAddress', [opt('streetname', c.street, 999), opt('city', c.city, 50), opt('postalCode', c.postcode, 10), country ? el('country', country) : '']);
  // taxRegistrationCountry only with a VAT number: it says where that number was issued.
  const vatCountry = c.vat_number ? isoCountry(c.vat_number.slice(0, 2)) ?? country : null;
  return (
    `<customerSupplier>${el('custSupID', custSupId(c.id), 35)}${opt('custSupName', c.name, 50)}${opt('contact', c.contact_name, 50)}` +
    `${opt('telephone', c.phone, 30)}${opt('eMail', c.email)}${opt('commerceNr', c.kvk, 999)}` +
    `${c.vat_number && vatCountry ? el('taxRegistrationCountry', vatCountry) : ''}${opt('taxRegIdent', c.vat_number, 30)}` +
    `<custSupTp>${TYPE[c.kind]}</custSupTp>${address}${c.iban ? `<bankAccount>${el('bankAccNr', c.iban, 35)}</bankAccount>` : ''}</customerSupplier>\n`
  );
}

/** The whole element, or '' when no line of the year carries a contact (an empty wrapper says nothing). */
export function customersSuppliersXml(contacts: ContactRow[]): string {
  if (contacts.length === 0) return '';
  return `<customersSuppliers>\n${contacts.map(customerSupplier).join('')}</customersSuppliers>\n`;
}
