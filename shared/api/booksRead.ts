import { z } from 'zod';
import { AccountCode, IsoDate, Paging, Year } from './fields';
import { method } from './define';
import type { AdminInfo, Dashboard, EntryList, GeneralLedger, LedgerPage, TrialBalance } from './types';

/**
 * The books methods a `kassa report` calls (opening the file and the books' own reports), apart from
 * the rest of the books contract: the CLI's report bundle (electron/cliReport.ts) builds only these
 * schemas. shared/api/books.ts puts these very objects into `booksMethods`.
 */
export const FilePath = z.string({ error: 'Kies een bestand.' }).min(1, { message: 'Kies een bestand.' });

/** A ledger line's position as the server gave it: date~entry~line. */
const LedgerCursorSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}~\d{1,15}~\d{1,15}$/, { message: 'Deze plek in het grootboek is niet geldig. Laad de pagina opnieuw.' });

export const Period = {
  year: Year.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
};

export const booksReadMethods = {
  'admin.open': method<AdminInfo>()(z.object({ path: FilePath }), { file: false }),
  'reports.trialBalance': method<TrialBalance>()(z.object({ ...Period, date: IsoDate.optional() })),
  'reports.generalLedger': method<GeneralLedger>()(z.object({ account: AccountCode, ...Period })),
  // One page of the general ledger for the screen: keyset paging from the newest (or oldest) line,
  // from a date (`at`), or on from a line of the page before (`older`/`newer`).
  'reports.ledgerPage': method<LedgerPage>()(
    z
      .object({
        account: AccountCode,
        ...Period,
        order: z.enum(['newest', 'oldest']).optional(),
        at: IsoDate.optional(),
        older: LedgerCursorSchema.optional(),
        newer: LedgerCursorSchema.optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .refine((v) => [v.at, v.older, v.newer].filter((x) => x !== undefined).length <= 1, {
        message: 'Kies één startpunt: een datum, of verder vanaf een regel.',
        path: ['at'],
      }),
  ),
  'reports.journal': method<EntryList>()(z.object({ journal: z.string().optional(), ...Period, ...Paging })),
  'reports.dashboard': method<Dashboard>()(z.object({ year: Year.optional() })),
} as const;
