import fs from 'node:fs';
import path from 'node:path';
import { KassaError } from '../../../shared/errors';
import { parseAmount } from '../../../shared/money';
import { summariseYear } from '../../../shared/rules/volunteerLimits';
import type { Books } from '../../db/books';
import { appendAudit } from '../audit';
import { today } from '../clock';
import { writeFileGuarded } from '../../files/write';
import { existingDir, safeFileName } from './files';
import { limitsFor } from './limits';
import { listPayments } from './payments';
import { personRow } from './persons';
import { renderStatementPdf, type StatementDocument } from './statementPdf';
import { buildOverviewWorkbook } from './overviewXlsx';
import { said } from '../../../shared/phrase';

/**
 * The volunteer documents: yearly statements (PDF, one or all) and the overview (Excel).
 */

export function statementDocument(books: Books, personId: number, year: number): StatementDocument {
  const p = personRow(books, personId);
  const org = books.first(books.db.selectFrom('organisation').select(['name', 'street', 'postcode', 'city', 'kvk']));
  const { row, used } = limitsFor(books, year);
  const payments = listPayments(books, { year, person: personId }).filter((x) => x.status !== 'cancelled');
  const summary = summariseYear(
    payments.map((x) => ({ date: x.date, kind: x.kind, amountCents: parseAmount(x.amount), asWages: x.asWages })),
    row,
    year,
  );
  return {
    organisation: { name: org?.name ?? '', street: org?.street ?? null, postcode: org?.postcode ?? null, city: org?.city ?? null, kvk: org?.kvk ?? null },
    person: { name: p.name, street: p.street, postcode: p.postcode, city: p.city, iban: p.iban, benefit: p.benefit },
    year,
    payments,
    summary,
    limits: row,
    limitsUsed: used,
    printedOn: today(),
  };
}

export async function statementPdf(books: Books, input: { person: number; year: number; path: string }): Promise<{ path: string; payments: number }> {
  const doc = statementDocument(books, input.person, input.year);
  const pdf = await renderStatementPdf(doc);
  const written = writeFileGuarded(input.path, pdf).path;
  books.tx(() => appendAudit(books, 'volunteers.statementPdf', 'person', input.person, { year: input.year, file: path.basename(written) }));
  return { path: written, payments: doc.payments.length };
}

/** One statement per person with payments in the year, in `dir`. All files or none. */
export async function statementsPdf(books: Books, input: { year: number; dir: string }): Promise<{ dir: string; files: { person: number; name: string; path: string }[] }> {
  const dir = existingDir(input.dir);
  const persons = books
    .raw(
      `SELECT DISTINCT p.id, p.name FROM persons p JOIN volunteer_payments v ON v.person_id = p.id
       WHERE v.date >= ? AND v.date <= ? AND v.status <> 'cancelled' ORDER BY p.name COLLATE NOCASE, p.id`,
    )
    .all(`${input.year}-01-01`, `${input.year}-12-31`) as { id: number; name: string }[];
  if (persons.length === 0) {
    throw new KassaError('NOT_FOUND', said('err.vol.noPaymentsInYear', 'In {{year}} zijn er geen betalingen aan vrijwilligers. Er is geen overzicht gemaakt.', { year: input.year }), { field: 'year' });
  }
  const used = new Set<string>();
  const files: { person: number; name: string; path: string }[] = [];
  try {
    for (const p of persons) {
      let base = safeFileName(`Jaaroverzicht vrijwilligersvergoeding ${input.year} - ${p.name}`);
      if (used.has(base.toLowerCase())) base = `${base} (${p.id})`;
      used.add(base.toLowerCase());
      const pdf = await renderStatementPdf(statementDocument(books, p.id, input.year));
      files.push({ person: p.id, name: p.name, path: writeFileGuarded(path.join(dir, `${base}.pdf`), pdf, { field: 'dir' }).path });
    }
  } catch (e) {
    for (const f of files) fs.rmSync(f.path, { force: true });
    throw e;
  }
  books.tx(() => appendAudit(books, 'volunteers.statementsPdf', 'volunteer_statements', input.year, { year: input.year, files: files.map((f) => path.basename(f.path)) }));
  return { dir, files };
}

export async function overviewXlsx(books: Books, input: { year: number; path: string }): Promise<{ path: string; persons: number }> {
  const { buffer, persons } = await buildOverviewWorkbook(books, input.year);
  const written = writeFileGuarded(input.path, buffer).path;
  books.tx(() => appendAudit(books, 'volunteers.overviewXlsx', 'volunteer_overview', input.year, { year: input.year, file: path.basename(written) }));
  return { path: written, persons };
}
