import { z } from 'zod';
import { KassaError } from '../errors';
import { parseAmount } from '../money';
import { isValidIban, normaliseIban } from '../validation/iban';
import { isValidKvk, isValidRsin } from '../validation/kvk';
import { RGS_CODE, RGS_FORMAT_MESSAGE } from '../rgs';
import type { Said } from '../phrase';
import { fillIn, tooLong } from './fieldTexts';

// Generic validation messages in Dutch; our own schemas add B1 messages where it matters.
z.config(z.locales.nl());

function amountSchema(opts: { allowNegative?: boolean; allowZero?: boolean }) {
  return z.custom<string>().superRefine((v, ctx) => {
    try {
      parseAmount(v, 'amount', opts);
    } catch (e) {
      // The amount's own phrases ride along, so the API error can be shown in the UI's language.
      const says = e instanceof KassaError ? e.details?.says : undefined;
      ctx.addIssue({ code: 'custom', message: e instanceof KassaError ? e.message : String(e), params: { kassaCode: 'INVALID_AMOUNT', ...(says ? { says } : {}) } });
    }
  });
}

/** A positive amount as a decimal string with a dot and at most 2 decimals: "1234.56". */
export const Amount = amountSchema({});
export const AmountOrZero = amountSchema({ allowZero: true });
export const SignedAmount = amountSchema({ allowNegative: true, allowZero: true });

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

/** An RGS reference code (shared/rgs.ts); "BLimKasKas". */
export const RgsCode = z.string({ error: RGS_FORMAT_MESSAGE }).trim().regex(RGS_CODE, { message: RGS_FORMAT_MESSAGE });

/** Required text; `what` is one of fieldTexts.ts `field`, so the refusal can be said in the UI language. */
export const NonEmpty = (what: Said, max = 200) =>
  z.string({ error: fillIn(what) }).trim().min(1, { message: fillIn(what) }).max(max, { message: tooLong(what, max) });

export const Iban = z
  .string()
  .transform((s) => normaliseIban(s))
  .refine(isValidIban, { message: 'Dit IBAN klopt niet. Controleer de cijfers en letters.' });

export const Kvk = z.string().trim().refine(isValidKvk, { message: 'Een KvK-nummer heeft 8 cijfers.' });
export const Rsin = z.string().trim().refine(isValidRsin, { message: 'Dit RSIN klopt niet (9 cijfers die de elfproef doorstaan).' });

export const VatStatus = z.enum(['none', 'exempt', 'kor', 'liable']);
export const Layout = z.enum(['rj640', 'rj650']);
export const Id = z.number().int().positive();
export const Paging = {
  limit: z.number().int().min(1).max(1000).optional(),
  offset: z.number().int().min(0).optional(),
};
