/**
 * Tax-free volunteer fee (vrijwilligersvergoeding) limits per calendar year, as data.
 *
 * This is the table of DESIGN.md section 5. All amounts are integer euro cents.
 * When the Belastingdienst publishes new amounts, the treasurer adds a row in settings
 * (stored in the administration file); such rows override the built-in ones here.
 */

export interface LimitsRow {
  /** Calendar year the row applies to. */
  year: number;
  /** Maximum fee per hour for a volunteer of `ageThreshold` years or older. */
  perHourAdultCents: number;
  /** Maximum fee per hour for a volunteer younger than `ageThreshold`. */
  perHourYoungCents: number;
  /** Age (in whole years) from which the adult hourly limit applies. */
  ageThreshold: number;
  /** Maximum total per calendar month. */
  perMonthCents: number;
  /** Maximum total per calendar year. */
  perYearCents: number;
  /** Where the amounts were read. */
  source: string;
}

export const BUILT_IN_VOLUNTEER_LIMITS: readonly Readonly<LimitsRow>[] = Object.freeze([
  {
    year: 2017,
    perHourAdultCents: 450,
    perHourYoungCents: 250,
    ageThreshold: 23,
    perMonthCents: 15000,
    perYearCents: 150000,
    source: 'vcra.nl; meerdansport.nl (bijstand equal to everyone from 1 April 2017; before: € 95/€ 764)',
  },
  {
    year: 2018,
    perHourAdultCents: 450,
    perHourYoungCents: 250,
    ageThreshold: 23,
    perMonthCents: 15000,
    perYearCents: 150000,
    source: 'adfinadvies.nl; the seed\'s 2018 annual report ("maximaal €1500 per jaar")',
  },
  {
    year: 2019,
    perHourAdultCents: 500,
    perHourYoungCents: 275,
    ageThreshold: 22,
    perMonthCents: 17000,
    perYearCents: 170000,
    source: "adfinadvies.nl (the coalition's € 200 raise took effect in 2019)",
  },
  {
    year: 2020,
    perHourAdultCents: 500,
    perHourYoungCents: 275,
    ageThreshold: 22,
    perMonthCents: 17000,
    perYearCents: 170000,
    source: 'vrijwilligershuis-nieuwegein.nl; financieelenzo.nl',
  },
  {
    year: 2021,
    perHourAdultCents: 500,
    perHourYoungCents: 275,
    ageThreshold: 21,
    perMonthCents: 18000,
    perYearCents: 180000,
    source: 'belastingdienst.nl (werken als vrijwilliger)',
  },
  {
    year: 2022,
    perHourAdultCents: 500,
    perHourYoungCents: 275,
    ageThreshold: 21,
    perMonthCents: 18000,
    perYearCents: 180000,
    source: 'belastingdienst.nl',
  },
  {
    year: 2023,
    perHourAdultCents: 500,
    perHourYoungCents: 275,
    ageThreshold: 21,
    perMonthCents: 19000,
    perYearCents: 190000,
    source: 'belastingdienst.nl',
  },
  {
    year: 2024,
    perHourAdultCents: 550,
    perHourYoungCents: 325,
    ageThreshold: 21,
    perMonthCents: 21000,
    perYearCents: 210000,
    source: 'belastingdienst.nl (vrijwilligersvergoedingen)',
  },
  {
    year: 2025,
    perHourAdultCents: 560,
    perHourYoungCents: 330,
    ageThreshold: 21,
    perMonthCents: 21000,
    perYearCents: 210000,
    source: 'dewve.nl; vwg.nl',
  },
  {
    year: 2026,
    perHourAdultCents: 575,
    perHourYoungCents: 340,
    ageThreshold: 21,
    perMonthCents: 22000,
    perYearCents: 220000,
    source: "vwg.nl (2025-10-23, citing the State Secretary's letter: indexation for 2026)",
  },
].map((row) => Object.freeze(row)));

/**
 * The year whose row applies to `year`, given the years that have a row: that year itself, else the
 * latest year before it, else the earliest year. Here, without the rest of the rules, so the
 * renderer's first chunk can name this year's limits (lesson tips) without loading zod.
 */
export function applicableYear(year: number, years: readonly number[]): number {
  const sorted = [...years].sort((a, b) => a - b);
  const earlier = sorted.filter((y) => y <= year);
  return earlier.length > 0 ? earlier[earlier.length - 1]! : sorted[0]!;
}
