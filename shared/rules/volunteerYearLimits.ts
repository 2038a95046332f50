import { z } from 'zod';
import { KassaError } from '../errors';
import { joinSaid, said, type Phrase, type Said } from '../phrase';
import { applicableYear, BUILT_IN_VOLUNTEER_LIMITS, type LimitsRow } from './volunteerLimitsData';
import type { LimitsForYearResult } from './volunteerTypes';

/** The tax-free volunteer-fee limits of a calendar year: the built-in table and the treasurer's own rows. */

const centsField = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

// The refinements' texts with their phrases: the zod issue carries them in its params (issueSaid).
const YOUNG_ABOVE_ADULT = said('err.vol.limits.youngAboveAdult', 'Het maximum per uur voor jongeren mag niet hoger zijn dan voor volwassenen.');
const MONTH_ABOVE_YEAR = said('err.vol.limits.monthAboveYear', 'Het maximum per maand mag niet hoger zijn dan het maximum per jaar.');

/** A zod issue of limitsRowSchema as said text: its phrases when the refinement gave them, else only its Dutch. */
export function issueSaid(issue: z.core.$ZodIssue): Said {
  const says = 'params' in issue ? (issue.params as { says?: Phrase[] } | undefined)?.says : undefined;
  return says ? { message: issue.message, says } : { message: issue.message };
}

/** Schema for a limits row the treasurer enters in settings. */
export const limitsRowSchema = z
  .object({
    year: z.number().int().min(1900).max(9999),
    perHourAdultCents: centsField,
    perHourYoungCents: centsField,
    ageThreshold: z.number().int().min(0).max(120),
    perMonthCents: centsField,
    perYearCents: centsField,
    source: z.string(),
  })
  .refine((r) => r.perHourYoungCents <= r.perHourAdultCents, {
    message: YOUNG_ABOVE_ADULT.message,
    params: { says: YOUNG_ABOVE_ADULT.says },
    path: ['perHourYoungCents'],
  })
  .refine((r) => r.perMonthCents <= r.perYearCents, {
    message: MONTH_ABOVE_YEAR.message,
    params: { says: MONTH_ABOVE_YEAR.says },
    path: ['perMonthCents'],
  });

/**
 * The limits for a calendar year. Rows from `overrides` (the treasurer's settings) win over the
 * built-in table; among overrides the last row for a year wins. A year without any row falls back
 * to the latest known year before it, or to the earliest known year when it is before all rows.
 */
export function limitsForYear(year: number, overrides: readonly LimitsRow[] = []): LimitsForYearResult {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new KassaError('INVALID_INPUT', said('err.vol.invalidYear', '"{{year}}" is geen geldig jaar.', { year: String(year) }), { field: 'year' });
  }
  const byYear = new Map<number, { row: LimitsRow; fromOverride: boolean }>();
  for (const row of BUILT_IN_VOLUNTEER_LIMITS) byYear.set(row.year, { row: { ...row }, fromOverride: false });
  overrides.forEach((row, i) => {
    const parsed = limitsRowSchema.safeParse(row);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const wrong = said('err.vol.limits.settingsWrong', 'De bedragen voor de vrijwilligersvergoeding in de instellingen kloppen niet (regel {{row}}).', { row: i + 1 });
      const fix = said('err.vol.limits.fixInSettings', 'Pas ze aan bij Instellingen.');
      throw new KassaError(
        'INVALID_INPUT',
        first ? joinSaid(wrong, issueSaid(first), fix) : joinSaid(wrong, fix),
        { field: `overrides.${i}${first && first.path.length > 0 ? `.${first.path.join('.')}` : ''}` },
      );
    }
    byYear.set(row.year, { row: { ...parsed.data }, fromOverride: true });
  });

  const exact = byYear.get(year);
  if (exact) return { limits: exact.row, exact: true, requestedYear: year, fromOverride: exact.fromOverride };

  const usedYear = applicableYear(year, [...byYear.keys()]);
  const used = byYear.get(usedYear)!;
  const { message, says } =
    usedYear < year
      ? said('volLimits.fallbackEarlier', 'Voor {{year}} kent de app nog geen bedragen. De app gebruikt daarom de bedragen van {{used}}. Kijk op belastingdienst.nl of er nieuwe bedragen zijn. Vul die dan in bij Instellingen.', { year, used: usedYear })
      : said('volLimits.fallbackOldest', 'Voor {{year}} kent de app geen bedragen. De app gebruikt daarom de bedragen van {{used}}. Dat is het oudste jaar dat de app kent. De bedragen voor {{year}} kunnen anders zijn. U kunt ze invullen bij Instellingen.', { year, used: usedYear });
  return { limits: used.row, exact: false, fallbackFrom: usedYear, requestedYear: year, fromOverride: used.fromOverride, message, ...(says ? { says } : {}) };
}
