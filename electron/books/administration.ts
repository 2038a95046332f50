import type { z } from 'zod';
import { chartRgs, DEFAULT_CHART, DEFAULT_JOURNALS } from '../../shared/chart';
import type { OrganisationInput } from '../../shared/api/books';
import type { AdminInfo } from '../../shared/api/types';
import type { Books } from '../db/books';
import { SCHEMA_VERSION } from '../db/migrations';
import { createBooks } from '../db/create';
import { appendAudit } from './audit';
import { orgColumns, getOrganisation } from './organisation';
import { insertYear } from './years';

export type CreateInput = z.output<typeof OrganisationInput> & { path: string; year?: number };

/**
 * A new administration: organisation profile, the first open fiscal year, the default chart of
 * accounts for a small stichting and its journals, all in one transaction. `more` adds to it (the
 * practice administration's demo books) before the file gets its real name (electron/db/create.ts),
 * so a crash never leaves half an administration under that name.
 */
export async function createAdministration(input: CreateInput, opts: { nativeBinding?: string } = {}, more?: (books: Books) => void): Promise<Books> {
  return createBooks(input.path, opts, (books) => {
    books.tx(() => {
      const vat = input.vat ?? 'none';
      books.run(
        books.db.insertInto('organisation').values({
          id: 1, name: input.name, vat_status: vat, anbi: 0, layout: 'rj640', fiscal_year_start_month: 1, settings: '{}',
          kvk: null, rsin: null, iban: null, street: null, postcode: null, city: null, email: null, phone: null, website: null, vat_number: null,
          ...orgColumns(input),
        }),
      );
      books.run(books.db.insertInto('meta').values([
        { key: 'created_at', value: new Date().toISOString() },
        { key: 'created_schema', value: String(SCHEMA_VERSION) },
      ]));
      const ids = new Map<string, number>();
      for (const a of DEFAULT_CHART) {
        if (a.vatOnly && vat !== 'liable') continue;
        const { lastInsertRowid } = books.run(
          books.db.insertInto('accounts').values({
            code: a.code, name: a.name, type: a.type, line_rj650: a.rj650, line_rj640: a.rj640, kind: a.kind ?? null,
            iban: a.code === '1100' && input.iban ? input.iban : null, rgs_code: chartRgs(a.code), archived: 0,
          }),
        );
        ids.set(a.code, lastInsertRowid);
      }
      for (const j of DEFAULT_JOURNALS) {
        books.run(books.db.insertInto('journals').values({ code: j.code, name: j.name, account_id: j.account ? ids.get(j.account)! : null }));
      }
      insertYear(books, input.year ?? new Date().getFullYear());
      appendAudit(books, 'admin.create', 'organisation', 1, { name: input.name, year: input.year, vat });
    });
    more?.(books);
  });
}

export function adminInfo(books: Books): AdminInfo {
  const practice = books.first(books.db.selectFrom('meta').select('value').where('key', '=', 'practice'));
  const review = books.raw(`SELECT year, number FROM reviews WHERE status = 'active'`).get() as { year: number; number: number } | undefined;
  return {
    path: books.path, organisation: getOrganisation(books), schemaVersion: SCHEMA_VERSION, practice: practice?.value === '1',
    review: review ? { year: review.year, code: `KC ${review.year}-${review.number}` } : null,
  };
}
