/**
 * Helpers for the volunteers tests: an administration with a few volunteers, and a snapshot of
 * every row count a volunteer action could change (to prove "bad input writes nothing").
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Books } from '../../../electron/db/books';
import { makeBooks, type MakeBooksOptions, type TestBooks } from '../helpers';

export const IBAN_ORG = 'NL91ABNA0417164300';
/** Valid test IBANs (mod 97). */
export const IBAN_A = 'NL02ABNA0123456789';
export const IBAN_B = 'NL20INGB0001234567';
export const IBAN_C = 'NL39RABO0300065264';

export function booksOf(t: TestBooks): Books {
  const b = t.session.books;
  if (!b) throw new Error('no administration open');
  return b;
}

const TABLES = ['persons', 'volunteer_payments', 'volunteer_limits', 'volunteer_sepa_batches', 'attachments', 'entries', 'lines', 'audit_log'] as const;

export function counts(t: TestBooks): Record<string, number> {
  const b = booksOf(t);
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = (b.raw(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  out.paid = (b.raw(`SELECT COUNT(*) AS n FROM volunteer_payments WHERE status = 'paid'`).get() as { n: number }).n;
  return out;
}

/** Run fn and assert no row count changed. */
export async function expectNothingWritten(t: TestBooks, fn: () => Promise<unknown>): Promise<void> {
  const before = counts(t);
  await fn();
  expect(counts(t)).toEqual(before);
}

export async function volunteerBooks(opts: MakeBooksOptions = {}): Promise<TestBooks> {
  return makeBooks({ name: 'Stichting Buurtkracht', extra: { iban: IBAN_ORG, street: 'Pleinweg 1', postcode: '3083 AA', city: 'Rotterdam', kvk: '12345678' }, ...opts });
}

/** A volunteer on bijstand, born 1980, with an IBAN. */
export const FATIMA = {
  name: 'Fatima El Amrani',
  birthDate: '1980-05-31',
  street: 'Dorpsstraat 12',
  postcode: '3083 AB',
  city: 'Rotterdam',
  iban: IBAN_A,
  email: 'fatima@example.nl',
  benefit: 'bijstand',
  benefitNote: 'Gemeente Rotterdam, klantnummer 123',
};

export const JAN = { name: 'Jan de Vries', birthDate: '1955-01-15', iban: IBAN_B, benefit: 'none' };

/** A volunteer without a date of birth. */
export const ZOE = { name: 'Zoë Öztürk-Çelik & Co', iban: IBAN_C, benefit: 'uwv' };

/**
 * A folder where creating a file fails with EACCES/EPERM/EROFS, or null. As root a chmod 555 folder
 * is still writable, so /sys (which refuses new files even to root) is tried as well.
 */
export function readOnlyDir(base: string): string | null {
  const candidates: string[] = [];
  const ro = path.join(base, 'alleen-lezen');
  fs.mkdirSync(ro, { recursive: true, mode: 0o555 });
  fs.chmodSync(ro, 0o555);
  candidates.push(ro, '/sys');
  for (const dir of candidates) {
    const probe = path.join(dir, `probe-${process.pid}.tmp`);
    try {
      fs.closeSync(fs.openSync(probe, 'w'));
      fs.rmSync(probe, { force: true });
    } catch (e) {
      if (['EACCES', 'EPERM', 'EROFS'].includes((e as NodeJS.ErrnoException).code ?? '')) return dir;
    }
  }
  return null;
}
