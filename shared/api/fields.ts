import { z } from 'zod';

/**
 * The few fields of the reports' input (shared/api/booksRead.ts), apart from the other common
 * schemas (common.ts, which re-exports these): `kassa report` starts by building the schemas it
 * uses and no others (issue 18). zod's messages in Dutch are set here, so before any schema parses.
 */

// Generic validation messages in Dutch; our own schemas add B1 messages where it matters.
z.config(z.locales.nl());

export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export const IsoDate = z
  .string({ error: 'Vul een datum in.' })
  .refine(isRealDate, { message: 'Dit is geen geldige datum. Gebruik jjjj-mm-dd, bijvoorbeeld 2026-03-31.' });

export const Year = z.number({ error: 'Vul een jaar in.' }).int().min(1990, { message: 'Kies een jaar na 1990.' }).max(2200, { message: 'Kies een jaar voor 2200.' });

export const AccountCode = z
  .string({ error: 'Kies een rekening.' })
  .trim()
  .regex(/^[0-9A-Za-z.-]{1,12}$/, { message: 'Een rekeningnummer bestaat uit 1 tot 12 cijfers of letters.' });

export const Paging = {
  limit: z.number().int().min(1).max(1000).optional(),
  offset: z.number().int().min(0).optional(),
};
