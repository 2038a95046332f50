/** Contacts: customers, suppliers, funds (for the grants engineer) and others. */
import { afterAll, describe, expect, it } from 'vitest';
import type { Contact, ContactList } from '../../../shared/api/invoiceTypes';
import { cleanupTempDirs, expectKassaError } from '../helpers';
import { customer, expectNothingWritten, makeInvoiceBooks, supplier } from './helpers';

afterAll(cleanupTempDirs);

describe('contacts', () => {
  it('create, read, update, archive; lists filter by kind and search; archived hidden unless asked', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b, { email: 'factuur@voorbeeldstad.example', kvk: '' });
    expect(c).toMatchObject({ kind: 'customer', name: 'Gemeente Voorbeeldstad', country: 'NL', kvk: null, archived: false, fundType: null });
    const s = await supplier(b, { iban: 'nl02 abna 0123 4567 89' });
    expect(s.iban).toBe('NL02ABNA0123456789');
    const fund = await b.call<Contact>('contacts.create', { kind: 'fund', name: 'Oranje Fonds', fundType: 'fund' });
    const lottery = await b.call<Contact>('contacts.create', { kind: 'fund', name: 'VriendenLoterij', fundType: 'lottery', vatNumber: 'nl 1234.56782.b01' });
    expect(lottery.vatNumber).toBe('NL123456782B01');

    expect((await b.call<ContactList>('contacts.list', {})).total).toBe(4);
    expect((await b.call<ContactList>('contacts.list', { kind: 'fund' })).items.map((x) => x.name)).toEqual(['Oranje Fonds', 'VriendenLoterij']);
    expect((await b.call<ContactList>('contacts.list', { kind: ['customer', 'supplier'] })).total).toBe(2);
    expect((await b.call<ContactList>('contacts.list', { search: 'voorbeeld' })).items.map((x) => x.id)).toEqual([c.id]);
    expect((await b.call<ContactList>('contacts.list', { search: 'NL02 ABNA' })).items.map((x) => x.id)).toEqual([s.id]);

    const u = await b.call<Contact>('contacts.update', { id: c.id, city: 'Anderstad', email: '' });
    expect(u).toMatchObject({ city: 'Anderstad', email: null, street: 'Stadhuisplein 1' });
    // A fund that becomes "other" loses its fund type.
    expect((await b.call<Contact>('contacts.update', { id: fund.id, kind: 'other' })).fundType).toBeNull();

    await b.call('contacts.archive', { id: s.id });
    expect((await b.call<ContactList>('contacts.list', {})).total).toBe(3);
    expect((await b.call<ContactList>('contacts.list', { includeArchived: true })).total).toBe(4);
    expect((await b.call<Contact>('contacts.archive', { id: s.id, archived: false })).archived).toBe(false);
    b.close();
  });

  it('an archived customer gets no new invoices; bad fields are refused in Dutch with the field', async () => {
    const b = await makeInvoiceBooks();
    const c = await customer(b);
    await b.call('contacts.archive', { id: c.id });
    await expectNothingWritten(b, async () => {
      const e = await expectKassaError(
        b.call('invoices.saveDraft', { contact: c.id, issueDate: '2026-02-01', lines: [{ description: 'Workshop', unitPrice: '10.00' }] }),
        'INVALID_INPUT',
      );
      expect(e.field).toBe('contact');
      expect((await expectKassaError(b.call('contacts.create', { kind: 'customer', name: ' ' }), 'INVALID_INPUT')).field).toBe('name');
      expect((await expectKassaError(b.call('contacts.create', { kind: 'customer', name: 'X', kvk: '1234' }), 'INVALID_INPUT')).field).toBe('kvk');
      expect((await expectKassaError(b.call('contacts.create', { kind: 'customer', name: 'X', oin: '123' }), 'INVALID_INPUT')).field).toBe('oin');
      expect((await expectKassaError(b.call('contacts.create', { kind: 'customer', name: 'X', email: 'geen-mail' }), 'INVALID_INPUT')).field).toBe('email');
      expect((await expectKassaError(b.call('contacts.create', { kind: 'klant', name: 'X' }), 'INVALID_INPUT')).field).toBe('kind');
      await expectKassaError(b.call('contacts.update', { id: 999, name: 'X' }), 'NOT_FOUND');
    });
    b.close();
  });
});
