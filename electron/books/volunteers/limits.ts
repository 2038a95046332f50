import { KassaError } from '../../../shared/errors';
import { centsToString, parseAmount } from '../../../shared/money';
import type { VolunteerLimits, VolunteerLimitsUsed } from '../../../shared/api/volunteers';
import { said } from '../../../shared/phrase';
import { BUILT_IN_VOLUNTEER_LIMITS, issueSaid, limitsForYear, limitsRowSchema, type LimitsRow } from '../../../shared/rules/volunteerLimits';
import type { Books } from '../../db/books';
import { appendAudit } from '../audit';
import { nowIso } from '../clock';

/** The treasurer's own limit rows (settings), stored per year; they win over the built-in table. */
export function limitOverrides(books: Books): LimitsRow[] {
  return books
    .all(books.db.selectFrom('volunteer_limits').selectAll().orderBy('year'))
    .map((r) => ({
      year: r.year,
      perHourAdultCents: r.per_hour_adult_cents,
      perHourYoungCents: r.per_hour_young_cents,
      ageThreshold: r.age_threshold,
      perMonthCents: r.per_month_cents,
      perYearCents: r.per_year_cents,
      source: r.source,
    }));
}

function toApi(row: LimitsRow, origin: 'builtin' | 'settings'): VolunteerLimits {
  return {
    year: row.year,
    perHourAdult: centsToString(row.perHourAdultCents),
    perHourYoung: centsToString(row.perHourYoungCents),
    ageThreshold: row.ageThreshold,
    perMonth: centsToString(row.perMonthCents),
    perYear: centsToString(row.perYearCents),
    source: row.source,
    origin,
  };
}

/** The limits for a calendar year with the fallback explained (see limitsForYear). */
export function limitsFor(books: Books, year: number, overrides: LimitsRow[] = limitOverrides(books)): { row: LimitsRow; used: VolunteerLimitsUsed } {
  const r = limitsForYear(year, overrides);
  return {
    row: r.limits,
    used: {
      ...toApi(r.limits, r.fromOverride ? 'settings' : 'builtin'),
      requestedYear: year,
      exact: r.exact,
      fallbackFrom: r.fallbackFrom ?? null,
      message: r.message ?? null,
      ...(r.says ? { says: r.says } : {}),
    },
  };
}

/** Every year the app knows: the built-in rows with the treasurer's rows on top. */
export function listLimits(books: Books): VolunteerLimits[] {
  const byYear = new Map<number, VolunteerLimits>();
  for (const row of BUILT_IN_VOLUNTEER_LIMITS) byYear.set(row.year, toApi(row, 'builtin'));
  for (const row of limitOverrides(books)) byYear.set(row.year, toApi(row, 'settings'));
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

const FIELD_OF: Record<string, string> = {
  perHourAdultCents: 'perHourAdult',
  perHourYoungCents: 'perHourYoung',
  perMonthCents: 'perMonth',
  perYearCents: 'perYear',
};

export interface LimitsInput {
  year: number;
  perHourAdult: string;
  perHourYoung: string;
  ageThreshold: number;
  perMonth: string;
  perYear: string;
  source?: string | undefined;
}

/** Add or change a year's limits in settings, checked with limitsRowSchema. */
export function setLimits(books: Books, input: LimitsInput): VolunteerLimits {
  const row: LimitsRow = {
    year: input.year,
    perHourAdultCents: parseAmount(input.perHourAdult, 'perHourAdult'),
    perHourYoungCents: parseAmount(input.perHourYoung, 'perHourYoung'),
    ageThreshold: input.ageThreshold,
    perMonthCents: parseAmount(input.perMonth, 'perMonth'),
    perYearCents: parseAmount(input.perYear, 'perYear'),
    source: input.source?.trim() || 'Ingevuld door de penningmeester',
  };
  const parsed = limitsRowSchema.safeParse(row);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    throw new KassaError('INVALID_INPUT', issue ? issueSaid(issue) : said('err.vol.limits.wrong', 'De bedragen kloppen niet.'), { field: FIELD_OF[key] ?? key });
  }
  return books.tx(() => {
    const update = {
      per_hour_adult_cents: row.perHourAdultCents,
      per_hour_young_cents: row.perHourYoungCents,
      age_threshold: row.ageThreshold,
      per_month_cents: row.perMonthCents,
      per_year_cents: row.perYearCents,
      source: row.source,
      updated_at: nowIso(),
    };
    books.run(
      books.db
        .insertInto('volunteer_limits')
        .values({ year: row.year, ...update })
        .onConflict((oc) => oc.column('year').doUpdateSet(update)),
    );
    appendAudit(books, 'volunteers.limits.set', 'volunteer_limits', row.year, row);
    return toApi(row, 'settings');
  });
}

/** Remove the treasurer's row for a year: the built-in row (or the fallback) applies again. */
export function resetLimits(books: Books, year: number): { removed: boolean } {
  return books.tx(() => {
    const { changes } = books.run(books.db.deleteFrom('volunteer_limits').where('year', '=', year));
    if (changes > 0) appendAudit(books, 'volunteers.limits.reset', 'volunteer_limits', year, { year });
    return { removed: changes > 0 };
  });
}
