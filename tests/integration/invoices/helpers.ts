/**
 * Helpers for the invoice tests: an administration whose organisation has everything an invoice
 * needs (KvK, address, IBAN), customers and suppliers, a draft in one call, and a snapshot of the
 * row counts that tells whether a failed call wrote anything.
 */
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { Contact, FinaliseResult, Invoice } from '../../../shared/api/invoiceTypes';
import { makeBooks, type TestBooks } from '../helpers';

export const ORG_IBAN = 'NL91ABNA0417164300';

export async function makeInvoiceBooks(opts: { vat?: 'none' | 'exempt' | 'kor' | 'liable'; year?: number; name?: string } = {}): Promise<TestBooks> {
  return makeBooks({
    year: opts.year ?? 2026,
    ...(opts.vat ? { vat: opts.vat } : {}),
    name: opts.name ?? 'Stichting Buurtkracht Oost',
    extra: {
      kvk: '12345678',
      iban: ORG_IBAN,
      street: 'Dorpsstraat 12a',
      postcode: '3512 AB',
      city: 'Utrecht',
      email: 'penningmeester@buurtkracht.example',
      ...(opts.vat === 'liable' ? { vatNumber: 'NL123456782B01' } : {}),
      // An e-invoice with exempt VAT (also the KOR) names the seller's VAT number or RSIN (BR-E-02).
      ...(opts.vat === 'exempt' || opts.vat === 'kor' ? { rsin: '123456782' } : {}),
    },
  });
}

export async function customer(b: TestBooks, extra: Record<string, unknown> = {}): Promise<Contact> {
  return b.call<Contact>('contacts.create', {
    kind: 'customer',
    name: 'Gemeente Voorbeeldstad',
    contactName: 'Crediteurenadministratie',
    street: 'Stadhuisplein 1',
    postcode: '1234 ZZ',
    city: 'Voorbeeldstad',
    oin: '00000001001234567000',
    ...extra,
  });
}

export async function supplier(b: TestBooks, extra: Record<string, unknown> = {}): Promise<Contact> {
  return b.call<Contact>('contacts.create', { kind: 'supplier', name: 'Drukkerij De Letter', city: 'Utrecht', iban: 'NL02ABNA0123456789', ...extra });
}

export function salesDraft(contact: number, extra: Record<string, unknown> = {}) {
  return {
    kind: 'sales',
    contact,
    issueDate: '2026-03-14',
    supplyDate: '2026-02-28',
    orderReference: 'IO-2026-4711',
    lines: [
      { description: 'Begeleiding bewonersavond (coaching), februari', quantity: '3.5', unitPrice: '42.50' },
      { description: 'Zaalhuur buurthuis inclusief koffie en thee', quantity: '1', unitPrice: '75.00' },
    ],
    ...extra,
  };
}

/** Save and finalise a sales invoice; returns the finalise result. */
export async function issue(b: TestBooks, contact: number, extra: Record<string, unknown> = {}): Promise<FinaliseResult & { draft: number }> {
  const d = await b.call<{ id: number }>('invoices.saveDraft', salesDraft(contact, extra));
  const f = await b.call<FinaliseResult>('invoices.finalise', { id: d.id });
  return { ...f, draft: d.id };
}

export async function getInvoice(b: TestBooks, id: number): Promise<Invoice> {
  return b.call<Invoice>('invoices.get', { id });
}

const COUNTED = ['invoices', 'invoice_lines', 'invoice_payments', 'attachments', 'contacts', 'invoice_settings', 'entries', 'lines', 'accounts', 'audit_log'];

/** Row counts of every table a write could touch (read through the open session's connection). */
export function counts(b: TestBooks): Record<string, number> {
  const db = b.session.books!.sqlite as Database.Database;
  return Object.fromEntries(COUNTED.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]));
}

/** Run a call that must fail, and check that not a single row changed. */
export async function expectNothingWritten(b: TestBooks, fn: () => Promise<unknown>): Promise<void> {
  const before = counts(b);
  const db = b.session.books!.sqlite as Database.Database;
  const lastAudit = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get();
  await fn();
  expect(counts(b)).toEqual(before);
  expect(db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get()).toEqual(lastAudit);
}
