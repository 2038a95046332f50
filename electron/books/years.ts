import { formatDateNl } from '../../shared/dates';
import { said, phrase } from '../../shared/phrase';
import { KassaError } from '../../shared/errors';
import type { FiscalYear } from '../../shared/api/types';
import type { Books } from '../db/books';
import { appendAudit } from './audit';
import { nowIso, today as clockToday } from './clock';

interface YearRow { year: number; start_date: string; end_date: string; status: 'open' | 'closed' }

const toYear = (r: YearRow): FiscalYear => ({ year: r.year, startDate: r.start_date, endDate: r.end_date, status: r.status });

/** Fiscal year `year` runs from the start month in that year to the day before it a year later. */
export function yearBounds(year: number, startMonth = 1): { start: string; end: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const start = `${year}-${pad(startMonth)}-01`;
  const endDate = new Date(Date.UTC(year + 1, startMonth - 1, 1) - 86_400_000);
  const end = `${endDate.getUTCFullYear()}-${pad(endDate.getUTCMonth() + 1)}-${pad(endDate.getUTCDate())}`;
  return { start, end };
}

export function listYears(books: Books): FiscalYear[] {
  return books.all(books.db.selectFrom('fiscal_years').select(['year', 'start_date', 'end_date', 'status']).orderBy('year')).map(toYear);
}

export function insertYear(books: Books, year: number): FiscalYear {
  const org = books.first(books.db.selectFrom('organisation').select('fiscal_year_start_month'));
  const { start, end } = yearBounds(year, org?.fiscal_year_start_month ?? 1);
  books.run(books.db.insertInto('fiscal_years').values({ year, start_date: start, end_date: end, status: 'open', closed_at: null }));
  return { year, startDate: start, endDate: end, status: 'open' };
}

export function openNextYear(books: Books): FiscalYear {
  return books.tx(() => {
    const last = books.first(books.db.selectFrom('fiscal_years').select('year').orderBy('year', 'desc').limit(1));
    if (!last) throw new KassaError('NOT_FOUND', said('err.year.noneYet', 'Er is nog geen boekjaar.'));
    const fy = insertYear(books, last.year + 1);
    appendAudit(books, 'years.openNext', 'fiscal_year', fy.year, fy);
    return fy;
  });
}

/**
 * A year can only be closed once its last day has passed: money can still come in or go out on
 * that day, and a closed year takes no more entries. `today` is the treasurer's local date.
 * Returns the Dutch message, or null when the year is over.
 */
export function yearNotOverMessage(year: number, endDate: string, today: string): string | null {
  if (today > endDate) return null;
  return `Boekjaar ${year} loopt nog tot en met ${formatDateNl(endDate)}. U kunt het pas afsluiten na die dag, want tot dan kan er nog geld binnenkomen of uitgaan.`;
}

/** Refuse (YEAR_NOT_READY) closing a year whose last day has not passed yet. */
export function assertYearOver(year: number, endDate: string, today: string): void {
  const message = yearNotOverMessage(year, endDate, today);
  if (message) {
    const says = [phrase('yearEnd.yearNotOver', { year, end: formatDateNl(endDate) })];
    throw new KassaError('YEAR_NOT_READY', message, { field: 'year', details: { year, endDate, today, says } });
  }
}

export function closeYear(books: Books, year: number, today: string = clockToday()): FiscalYear {
  return books.tx(() => {
    const row = books.first(books.db.selectFrom('fiscal_years').selectAll().where('year', '=', year));
    if (!row) throw new KassaError('NOT_FOUND', said('err.year.notFound', 'Boekjaar {{year}} bestaat niet.', { year }), { field: 'year' });
    if (row.status === 'closed') throw new KassaError('YEAR_CLOSED', said('err.year.alreadyClosed', 'Boekjaar {{year}} is al afgesloten.', { year }), { field: 'year' });
    const drafts = books.first(books.db.selectFrom('entries').select((eb) => eb.fn.countAll<number>().as('n')).where('year', '=', year).where('status', '=', 'draft'));
    if (drafts && drafts.n > 0) {
      throw new KassaError('INVALID_INPUT', said('err.year.draftsLeft', 'Er staan nog {{n}} concepten in {{year}}. Boek of verwijder ze eerst.', { n: drafts.n, year }), { field: 'year' });
    }
    assertYearOver(year, row.end_date, today);
    books.run(books.db.updateTable('fiscal_years').set({ status: 'closed', closed_at: nowIso() }).where('year', '=', year));
    appendAudit(books, 'years.close', 'fiscal_year', year, { year });
    return { ...toYear(row as YearRow), status: 'closed' };
  });
}

/** The fiscal year a date falls in, checked open. Dutch errors name the date. */
export function openYearFor(books: Books, date: string, field = 'date'): number {
  // Raw SQL: every posting passes here, and building the query with kysely cost more than running it.
  const row = books.raw('SELECT year, status FROM fiscal_years WHERE start_date <= ? AND end_date >= ?').get(date, date) as { year: number; status: string } | undefined;
  if (!row) {
    throw new KassaError('NO_OPEN_YEAR', said('err.year.dateOutside', 'De datum {{date}} valt niet in een boekjaar van deze administratie. Open eerst het juiste boekjaar.', { date: formatDateNl(date) }), { field });
  }
  if (row.status !== 'open') {
    throw new KassaError('YEAR_CLOSED', said('err.year.closedPosting', 'Boekjaar {{year}} is afgesloten. U kunt niet meer boeken op {{date}}.', { year: row.year, date: formatDateNl(date) }), { field });
  }
  return row.year;
}
