import type { Selectable } from 'kysely';
import type { Warning } from '../../../shared/api/invoiceTypes';
import { normaliseIban } from '../../../shared/validation/iban';
import type { Books } from '../../db/books';
import type { ContactsTable } from '../../db/schema';

/**
 * Someone who is paid as a supplier and, in the same month, receives a volunteer fee is probably not
 * a volunteer for that work: the fee may then be taxable wages, which matters most to someone on a
 * benefit. That is a warning, never a block: the treasurer knows the situation.
 *
 * A contact is the same person as a volunteer (persons, migration 0003) when the IBANs match, or,
 * without an IBAN on either side, the names do (ignoring case and spaces).
 */

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

function tableExists(books: Books, name: string): boolean {
  return books.raw(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

const normName = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

export function matchingPersons(books: Books, contact: Selectable<ContactsTable>): { id: number; name: string }[] {
  if (!tableExists(books, 'persons')) return [];
  const persons = books.raw('SELECT id, name, iban FROM persons').all() as { id: number; name: string; iban: string | null }[];
  const iban = contact.iban ? normaliseIban(contact.iban) : null;
  const name = normName(contact.name);
  return persons
    .filter((p) => {
      const pIban = p.iban ? normaliseIban(p.iban) : null;
      if (iban && pIban) return iban === pIban;
      return normName(p.name) === name;
    })
    .map((p) => ({ id: p.id, name: p.name }));
}

function paidInMonth(books: Books, personId: number, month: string): boolean {
  const from = `${month}-01`;
  const to = `${month}-31`;
  if (tableExists(books, 'volunteer_payments')) {
    const hit = books.raw(`SELECT 1 FROM volunteer_payments WHERE person_id = ? AND date BETWEEN ? AND ? AND status <> 'cancelled' LIMIT 1`).get(personId, from, to);
    if (hit) return true;
  }
  // Fees booked by hand carry the person on the line; entries_date keeps this to one month's entries.
  return (
    books
      .raw(`SELECT 1 FROM entries e JOIN lines l ON l.entry_id = e.id WHERE e.date BETWEEN ? AND ? AND e.status = 'posted' AND l.person_id = ? LIMIT 1`)
      .get(from, to, personId) !== undefined
  );
}

export function volunteerWarnings(books: Books, contact: Selectable<ContactsTable>, date: string): Warning[] {
  const month = date.slice(0, 7);
  const out: Warning[] = [];
  for (const p of matchingPersons(books, contact)) {
    if (!paidInMonth(books, p.id, month)) continue;
    const monthNl = `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
    out.push({
      code: 'VOLUNTEER_ALSO_SUPPLIER',
      message:
        `Let op: ${p.name} kreeg in ${monthNl} ook een vrijwilligersvergoeding. Wie voor werk een factuur stuurt, is voor dat werk meestal geen vrijwilliger. ` +
        'Kijk of dit klopt. Is het hetzelfde werk, dan kan de vergoeding belast zijn. Iemand met een uitkering moet beide melden.',
    });
  }
  return out;
}
