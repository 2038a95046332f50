import { z } from 'zod';
import { KassaError } from '../errors';
import { parseAmount } from '../money';
import { isValidIban, normaliseIban } from '../validation/iban';
import { isValidKvk, isValidRsin } from '../validation/kvk';
import { RGS_CODE, RGS_FORMAT_MESSAGE } from '../rgs';
import type { Said } from '../phrase';
import { fillIn, tooLong } from './fieldTexts';

// The fields a report's input has (and zod's Dutch messages): their own module, so `kassa report`
// builds only these schemas (shared/api/booksRead.ts); every other domain has them from here.
export { AccountCode, IsoDate, isRealDate, Paging, Year } from './fields';

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
