import { describe, expect, it } from 'vitest';
import { KassaError } from '../../shared/errors';
import {
  BUILT_IN_VOLUNTEER_LIMITS,
  ageOn,
  checkVolunteerPayment,
  hourlyLimitFor,
  limitsForYear,
  summariseYear,
  type CheckVolunteerPaymentResult,
  type LimitsRow,
  type PastVolunteerPayment,
  type VolunteerPayment,
  type VolunteerPerson,
} from '../../shared/rules/volunteerLimits';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const ROWS: LimitsRow[] = BUILT_IN_VOLUNTEER_LIMITS.map((r) => ({ ...r }));

const ADULT: VolunteerPerson = { birthDate: '1960-01-01', benefit: 'none', alsoPaidOrInvoices: false };

function ymd(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function fee(date: string, amountCents: number, extra: Partial<VolunteerPayment> = {}): VolunteerPayment {
  return { date, kind: 'fee', amountCents, ...extra };
}

function reimbursement(date: string, amountCents: number, extra: Partial<VolunteerPayment> = {}): VolunteerPayment {
  return { date, kind: 'reimbursement', amountCents, ...extra };
}

function check(
  limits: LimitsRow,
  payment: VolunteerPayment,
  history: PastVolunteerPayment[] = [],
  person: VolunteerPerson = ADULT,
): CheckVolunteerPaymentResult {
  return checkVolunteerPayment({ person, payment, history, limits });
}

/** formatEuro puts a no-break space after the euro sign; compare with plain spaces. */
function plain(message: string | undefined): string {
  return (message ?? '').replace(/\u00a0/g, ' ');
}

function codes(issues: { code: string }[]): string[] {
  return issues.map((i) => i.code);
}

/**
 * Split `total` into monthly fees of at most the monthly maximum, from January on. The last chunk
 * is the payment under test; the rest is history.
 */
function spread(limits: LimitsRow, total: number): { history: PastVolunteerPayment[]; payment: VolunteerPayment } {
  const chunks: number[] = [];
  let rest = total;
  while (rest > 0) {
    const c = Math.min(rest, limits.perMonthCents);
    chunks.push(c);
    rest -= c;
  }
  expect(chunks.length).toBeLessThanOrEqual(12);
  const history = chunks.slice(0, -1).map((c, i) => fee(ymd(limits.year, i + 1, 15), c));
  const last = chunks[chunks.length - 1]!;
  return { history, payment: fee(ymd(limits.year, chunks.length, 15), last) };
}

function nextYearLimits(year: number): LimitsRow {
  return limitsForYear(year + 1).limits;
}

// ---------------------------------------------------------------------------------------------
// The data table
// ---------------------------------------------------------------------------------------------

describe('built-in limits table', () => {
  it('has one row per year 2017–2026, in order', () => {
    expect(ROWS.map((r) => r.year)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it('holds every amount as integer cents (never a float) and names a source', () => {
    for (const r of ROWS) {
      for (const v of [r.perHourAdultCents, r.perHourYoungCents, r.perMonthCents, r.perYearCents, r.ageThreshold]) {
        expect(Number.isSafeInteger(v)).toBe(true);
        expect(v).toBeGreaterThan(0);
      }
      expect(r.perHourYoungCents).toBeLessThan(r.perHourAdultCents);
      expect(r.source.length).toBeGreaterThan(3);
    }
  });

  it.each([
    [2017, 450, 250, 23, 15000, 150000],
    [2018, 450, 250, 23, 15000, 150000],
    [2019, 500, 275, 22, 17000, 170000],
    [2020, 500, 275, 22, 17000, 170000],
    [2021, 500, 275, 21, 18000, 180000],
    [2022, 500, 275, 21, 18000, 180000],
    [2023, 500, 275, 21, 19000, 190000],
    [2024, 550, 325, 21, 21000, 210000],
    [2025, 560, 330, 21, 21000, 210000],
    [2026, 575, 340, 21, 22000, 220000],
  ])('matches DESIGN.md section 5 for %i', (year, adult, young, threshold, month, yearMax) => {
    const r = limitsForYear(year);
    expect(r.exact).toBe(true);
    expect(r.fallbackFrom).toBeUndefined();
    expect(r.limits).toMatchObject({
      year,
      perHourAdultCents: adult,
      perHourYoungCents: young,
      ageThreshold: threshold,
      perMonthCents: month,
      perYearCents: yearMax,
    });
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(BUILT_IN_VOLUNTEER_LIMITS)).toBe(true);
    expect(Object.isFrozen(BUILT_IN_VOLUNTEER_LIMITS[0])).toBe(true);
    const r = limitsForYear(2026);
    r.limits.perMonthCents = 1;
    expect(limitsForYear(2026).limits.perMonthCents).toBe(22000);
  });
});

// ---------------------------------------------------------------------------------------------
// Table-driven rules, for every year in the table
// ---------------------------------------------------------------------------------------------

describe.each(ROWS)('limits of $year', (limits) => {
  const Y = limits.year;

  describe('monthly maximum', () => {
    it('passes exactly at the monthly maximum (one payment)', () => {
      const r = check(limits, fee(ymd(Y, 3, 10), limits.perMonthCents));
      expect(r.blocks).toEqual([]);
      expect(r.status).toBe('ok');
      expect(r.totals.monthAfterCents).toBe(limits.perMonthCents);
    });

    it('passes exactly at the monthly maximum (with earlier payments that month)', () => {
      const history = [fee(ymd(Y, 3, 1), 1234), fee(ymd(Y, 3, 5), 2000)];
      const r = check(limits, fee(ymd(Y, 3, 31), limits.perMonthCents - 3234), history);
      expect(r.blocks).toEqual([]);
      expect(r.totals).toMatchObject({ monthCents: 3234, monthLeftCents: limits.perMonthCents - 3234, monthAfterCents: limits.perMonthCents });
      expect(r.maxAmountCents).toBe(limits.perMonthCents - 3234);
    });

    it('blocks one cent over the monthly maximum', () => {
      const history = [fee(ymd(Y, 3, 1), 1234), fee(ymd(Y, 3, 5), 2000)];
      const r = check(limits, fee(ymd(Y, 3, 31), limits.perMonthCents - 3234 + 1), history);
      expect(r.status).toBe('blocked');
      expect(codes(r.blocks)).toEqual(['MONTH_LIMIT']);
      expect(r.totals.monthAfterCents).toBe(limits.perMonthCents + 1);
    });

    it('does not count other months toward the monthly maximum', () => {
      const history = [fee(ymd(Y, 2, 28), limits.perMonthCents), fee(ymd(Y, 4, 1), limits.perMonthCents)];
      const r = check(limits, fee(ymd(Y, 3, 15), limits.perMonthCents), history);
      expect(r.blocks).toEqual([]);
      expect(r.totals.monthCents).toBe(0);
      expect(r.totals.yearCents).toBe(2 * limits.perMonthCents);
    });
  });

  describe('yearly maximum', () => {
    it('passes exactly at the yearly maximum, spread over months', () => {
      const { history, payment } = spread(limits, limits.perYearCents);
      const r = check(limits, payment, history);
      expect(r.blocks).toEqual([]);
      expect(r.totals.yearAfterCents).toBe(limits.perYearCents);
      expect(r.totals.monthAfterCents).toBeLessThanOrEqual(limits.perMonthCents);
      expect(codes(r.warnings)).toEqual(['YEAR_80']);
    });

    it('blocks one cent over the yearly maximum (monthly maximum not hit)', () => {
      const { history, payment } = spread(limits, limits.perYearCents);
      const all: PastVolunteerPayment[] = [...history, payment];
      const r = check(limits, fee(ymd(Y, 12, 1), 1), all);
      expect(r.status).toBe('blocked');
      expect(codes(r.blocks)).toEqual(['YEAR_LIMIT']);
      expect(r.totals.monthAfterCents).toBe(1);
      expect(r.totals.yearLeftCents).toBe(0);
      expect(r.maxAmountCents).toBe(0);
    });
  });

  describe('80 % warning', () => {
    it('warns at exactly 80 % of the yearly maximum', () => {
      const { history, payment } = spread(limits, (limits.perYearCents * 80) / 100);
      const r = check(limits, payment, history);
      expect(r.status).toBe('warn');
      expect(codes(r.warnings)).toEqual(['YEAR_80']);
      expect(plain(r.warnings[0]!.message)).toContain('80%');
    });

    it('does not warn at 79.99 %', () => {
      const total = (limits.perYearCents * 7999) / 10000;
      expect(Number.isInteger(total)).toBe(true);
      const { history, payment } = spread(limits, total);
      const r = check(limits, payment, history);
      expect(r.status).toBe('ok');
      expect(r.warnings).toEqual([]);
    });
  });

  describe('hourly limit and age', () => {
    const T = limits.ageThreshold;
    const birthDate = ymd(Y - T, 6, 15);
    const person: VolunteerPerson = { birthDate, benefit: 'none', alsoPaidOrInvoices: false };

    it(`uses the young rate the day before the ${T}th birthday and the adult rate on it`, () => {
      expect(ageOn(birthDate, ymd(Y, 6, 14))).toBe(T - 1);
      expect(ageOn(birthDate, ymd(Y, 6, 15))).toBe(T);
      expect(hourlyLimitFor(limits, birthDate, ymd(Y, 6, 14))).toBe(limits.perHourYoungCents);
      expect(hourlyLimitFor(limits, birthDate, ymd(Y, 6, 15))).toBe(limits.perHourAdultCents);
    });

    it('blocks the adult rate the day before the birthday, allows it on the birthday', () => {
      const before = check(limits, fee(ymd(Y, 6, 14), limits.perHourAdultCents * 4, { hours: '4' }), [], person);
      expect(codes(before.blocks)).toEqual(['HOUR_LIMIT']);
      expect(before.hourlyLimitCents).toBe(limits.perHourYoungCents);
      const youngOk = check(limits, fee(ymd(Y, 6, 14), limits.perHourYoungCents * 4, { hours: '4' }), [], person);
      expect(youngOk.blocks).toEqual([]);
      const on = check(limits, fee(ymd(Y, 6, 15), limits.perHourAdultCents * 4, { hours: '4' }), [], person);
      expect(on.blocks).toEqual([]);
      expect(on.hourlyLimitCents).toBe(limits.perHourAdultCents);
      expect(on.hourlyRateCents).toBe(limits.perHourAdultCents);
    });

    it('adult: exactly at the hourly limit passes, one cent more over 10 hours is blocked', () => {
      const ok = check(limits, fee(ymd(Y, 5, 5), limits.perHourAdultCents * 10, { hours: '10' }));
      expect(ok.blocks).toEqual([]);
      expect(ok.maxForHoursCents).toBe(limits.perHourAdultCents * 10);
      const over = check(limits, fee(ymd(Y, 5, 5), limits.perHourAdultCents * 10 + 1, { hours: '10' }));
      expect(codes(over.blocks)).toEqual(['HOUR_LIMIT']);
      expect(over.hourlyRateCents).toBe(limits.perHourAdultCents + 1); // 0.1 cent over, shown rounded up
    });

    it('young: exactly at the hourly limit passes, one cent more over 10 hours is blocked', () => {
      const young: VolunteerPerson = { birthDate: ymd(Y - T + 1, 1, 1), benefit: 'none', alsoPaidOrInvoices: false };
      const ok = check(limits, fee(ymd(Y, 5, 5), limits.perHourYoungCents * 10, { hours: '10' }), [], young);
      expect(ok.blocks).toEqual([]);
      const over = check(limits, fee(ymd(Y, 5, 5), limits.perHourYoungCents * 10 + 1, { hours: '10' }), [], young);
      expect(codes(over.blocks)).toEqual(['HOUR_LIMIT']);
    });
  });

  describe('calendar year boundary', () => {
    it('a payment on 31 December counts in that year', () => {
      const history = [fee(ymd(Y, 12, 1), limits.perMonthCents)];
      const r = check(limits, fee(ymd(Y, 12, 31), 1), history);
      expect(codes(r.blocks)).toEqual(['MONTH_LIMIT']);
      expect(r.totals.monthCents).toBe(limits.perMonthCents);
      expect(r.totals.yearCents).toBe(limits.perMonthCents);
    });

    it('a payment on 1 January counts in the next year; last year does not count', () => {
      const { history, payment } = spread(limits, limits.perYearCents);
      const lastYear = [...history, payment, fee(ymd(Y, 12, 31), limits.perMonthCents), reimbursement(ymd(Y, 12, 31), 5000)];
      const next = nextYearLimits(Y);
      const r = check(next, fee(ymd(Y + 1, 1, 1), next.perMonthCents), lastYear);
      expect(r.blocks).toEqual([]);
      expect(r.totals).toMatchObject({ monthCents: 0, yearCents: 0, monthAfterCents: next.perMonthCents, yearAfterCents: next.perMonthCents });
    });
  });

  describe('specified cost reimbursements', () => {
    it('alone (no fee this year): not counted, no cap', () => {
      const r = check(limits, reimbursement(ymd(Y, 7, 1), 1_000_000), [reimbursement(ymd(Y, 7, 1), 50_000)]);
      expect(r.status).toBe('ok');
      expect(r.counted).toBe(false);
      expect(r.reimbursementsCount).toBe(false);
      expect(r.totals).toMatchObject({ monthCents: 0, yearCents: 0, monthAfterCents: 0, yearAfterCents: 0 });
    });

    it('a fee in the previous year does not make them count', () => {
      const r = check(limits, reimbursement(ymd(Y, 1, 2), limits.perMonthCents + 1), [fee(ymd(Y - 1, 12, 31), 100)]);
      expect(r.status).toBe('ok');
      expect(r.counted).toBe(false);
    });

    it('with a fee in the same year (other month): counted toward the maxima', () => {
      const r = check(limits, reimbursement(ymd(Y, 7, 1), limits.perMonthCents + 1), [fee(ymd(Y, 2, 1), 1000)]);
      expect(r.counted).toBe(true);
      expect(codes(r.blocks)).toEqual(['MONTH_LIMIT']);
      expect(plain(r.blocks[0]!.message)).toContain('Onkostenvergoedingen tellen hier mee');
      const ok = check(limits, reimbursement(ymd(Y, 7, 1), limits.perMonthCents), [fee(ymd(Y, 2, 1), 1000)]);
      expect(ok.blocks).toEqual([]);
    });

    it('a fee paid now makes earlier reimbursements that year count', () => {
      const history = [reimbursement(ymd(Y, 4, 2), limits.perMonthCents - 100)];
      const ok = check(limits, fee(ymd(Y, 4, 20), 100), history);
      expect(ok.blocks).toEqual([]);
      expect(ok.totals.monthCents).toBe(limits.perMonthCents - 100);
      const over = check(limits, fee(ymd(Y, 4, 20), 101), history);
      expect(codes(over.blocks)).toEqual(['MONTH_LIMIT']);
    });

    it('the Belastingdienst example (€ 160 fee + € 48 travel = € 208 in a month) is over the maximum when that is below € 208', () => {
      if (limits.perMonthCents < 16000) return; // the fee alone is already too much in this year
      const feeOnly = check(limits, fee(ymd(Y, 5, 4), 16000, { hours: '40' }));
      expect(feeOnly.blocks).toEqual([]);
      const r = check(limits, reimbursement(ymd(Y, 5, 29), 4800), [fee(ymd(Y, 5, 4), 16000)]);
      expect(r.totals.monthAfterCents).toBe(20800);
      if (limits.perMonthCents < 20800) expect(codes(r.blocks)).toEqual(['MONTH_LIMIT']);
      else expect(r.blocks).toEqual([]);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Specific cases
// ---------------------------------------------------------------------------------------------

describe('Belastingdienst € 208 example in 2021', () => {
  const limits = limitsForYear(2021).limits;
  it('blocks € 4/hour for 40 hours plus € 48 travel in one month (monthly max € 180)', () => {
    const weeks = [4, 11, 18, 25];
    const history: PastVolunteerPayment[] = weeks.flatMap((d) => [fee(ymd(2021, 10, d), 4000), reimbursement(ymd(2021, 10, d), 1200)]);
    const last = history.pop()!; // the last travel reimbursement is the payment under test
    const r = check(limits, { ...last, kind: 'reimbursement' }, history);
    expect(r.totals.monthAfterCents).toBe(20800);
    expect(r.status).toBe('blocked');
    expect(codes(r.blocks)).toEqual(['MONTH_LIMIT']);
    expect(plain(r.blocks[0]!.message)).toContain('€ 208,00');
    expect(plain(r.blocks[0]!.message)).toContain('€ 180,00');
  });

  it('also blocks when the fee comes last (reimbursements already paid)', () => {
    const history = [reimbursement(ymd(2021, 10, 1), 4800)];
    const r = check(limits, fee(ymd(2021, 10, 31), 16000, { hours: '40' }), history);
    expect(r.hourlyRateCents).toBe(400);
    expect(codes(r.blocks)).toEqual(['MONTH_LIMIT']);
  });
});

describe('hourly rate, exact decimal arithmetic', () => {
  const limits = limitsForYear(2026).limits;
  it('10 hours at € 5,75 = € 57,50 passes in 2026; € 57,51 is blocked', () => {
    const ok = check(limits, fee('2026-03-03', 5750, { hours: '10' }));
    expect(ok.status).toBe('ok');
    expect(ok.hourlyRateCents).toBe(575);
    const over = check(limits, fee('2026-03-03', 5751, { hours: '10' }));
    expect(over.status).toBe('blocked');
    expect(codes(over.blocks)).toEqual(['HOUR_LIMIT']);
    expect(plain(over.blocks[0]!.message)).toContain('€ 57,50');
    expect(plain(over.blocks[0]!.message)).toContain('€ 5,75');
    expect(plain(over.blocks[0]!.message)).toContain('10 uur');
  });

  it.each([
    ['2.5', 1437, true], // 2.5 × 575 = 1437.5
    ['2.5', 1438, false],
    ['0.7', 402, true], // 0.7 × 575 = 402.5
    ['0.7', 403, false],
    ['0.3', 172, true], // 0.3 × 575 = 172.5 (floats would give 172.49999…)
    ['0.3', 173, false],
    ['1.25', 718, true], // 1.25 × 575 = 718.75
    ['1.25', 719, false],
  ])('%s hours for %i cents: ok = %s', (hours, amount, ok) => {
    const r = check(limits, fee('2026-03-03', amount, { hours }));
    expect(r.blocks.length === 0).toBe(ok);
  });

  it('paying per hour without a date of birth is an input error', () => {
    const r = check(limits, fee('2026-03-03', 1000, { hours: '2' }), [], { benefit: 'none', alsoPaidOrInvoices: false });
    expect(codes(r.blocks)).toEqual(['BIRTHDATE_REQUIRED']);
    expect(r.blocks[0]!.field).toBe('person.birthDate');
  });

  it('a flat fee without hours needs no date of birth', () => {
    const r = check(limits, fee('2026-03-03', 1000), [], { benefit: 'none', alsoPaidOrInvoices: false });
    expect(r.status).toBe('ok');
  });
});

describe('input errors', () => {
  const limits = limitsForYear(2026).limits;
  it.each([
    ['zero amount', fee('2026-01-10', 0), 'INVALID_AMOUNT'],
    ['negative amount', fee('2026-01-10', -100), 'INVALID_AMOUNT'],
    ['float amount', fee('2026-01-10', 57.5), 'INVALID_AMOUNT'],
    ['zero hours', fee('2026-01-10', 100, { hours: '0' }), 'INVALID_HOURS'],
    ['zero hours with decimals', fee('2026-01-10', 100, { hours: '0.00' }), 'INVALID_HOURS'],
    ['negative hours', fee('2026-01-10', 100, { hours: '-2' }), 'INVALID_HOURS'],
    ['hours with a comma', fee('2026-01-10', 100, { hours: '2,5' }), 'INVALID_HOURS'],
    ['hours not a number', fee('2026-01-10', 100, { hours: 'twee' }), 'INVALID_HOURS'],
    ['hours on a reimbursement', reimbursement('2026-01-10', 100, { hours: '2' }), 'INVALID_HOURS'],
    ['bad date', fee('2026-02-30', 100), 'INVALID_DATE'],
    ['date in another form', fee('10-01-2026', 100), 'INVALID_DATE'],
  ])('%s', (_name, payment, code) => {
    const r = check(limits, payment);
    expect(r.status).toBe('blocked');
    expect(codes(r.blocks)).toContain(code);
  });

  it('rejects a date of birth after the payment date or not a real date', () => {
    const later = check(limits, fee('2026-01-10', 100), [], { birthDate: '2026-01-11', benefit: 'none', alsoPaidOrInvoices: false });
    expect(codes(later.blocks)).toEqual(['INVALID_BIRTHDATE']);
    const bad = check(limits, fee('2026-01-10', 100, { hours: '1' }), [], { birthDate: '1990-13-01', benefit: 'none', alsoPaidOrInvoices: false });
    expect(codes(bad.blocks)).toEqual(['INVALID_BIRTHDATE']);
  });

  it('throws on a broken history row (a programming error, not user input)', () => {
    expect(() => check(limits, fee('2026-01-10', 100), [fee('2026-01-01', 1.5)])).toThrow(KassaError);
    expect(() => check(limits, fee('2026-01-10', 100), [fee('nope', 100)])).toThrow(KassaError);
  });
});

describe('paid deliberately as wages', () => {
  const limits = limitsForYear(2026).limits;
  it('is not blocked by the limits but warned, and stays out of the volunteer totals', () => {
    const history = [fee('2026-05-01', 20000)];
    const r = check(limits, fee('2026-05-20', 50000, { hours: '2', asWages: true }), history);
    expect(r.blocks).toEqual([]);
    expect(r.status).toBe('warn');
    expect(codes(r.warnings)).toEqual(['AS_WAGES']);
    expect(r.counted).toBe(false);
    expect(r.totals).toMatchObject({ monthCents: 20000, monthAfterCents: 20000, yearAfterCents: 20000 });
  });

  it('earlier wages do not count toward the maxima', () => {
    const r = check(limits, fee('2026-05-20', 22000), [fee('2026-05-01', 90000, { asWages: true })]);
    expect(r.status).toBe('ok');
    expect(r.totals.monthCents).toBe(0);
  });

  it('a wages-only fee does not make reimbursements count', () => {
    const r = check(limits, reimbursement('2026-05-20', 50000), [fee('2026-05-01', 90000, { asWages: true })]);
    expect(r.counted).toBe(false);
    expect(r.status).toBe('ok');
  });

  it('input errors still block', () => {
    const r = check(limits, fee('2026-05-20', 0, { asWages: true }));
    expect(codes(r.blocks)).toEqual(['INVALID_AMOUNT']);
  });
});

describe('warnings about the person', () => {
  const limits = limitsForYear(2026).limits;
  const base = { alsoPaidOrInvoices: false };

  it('reminds to report to the municipality (bijstand) or UWV', () => {
    const bijstand = check(limits, fee('2026-05-20', 1000), [], { ...base, birthDate: '1970-01-01', benefit: 'bijstand' });
    expect(codes(bijstand.warnings)).toEqual(['BENEFIT_REPORT']);
    expect(plain(bijstand.warnings[0]!.message)).toContain('gemeente');
    const uwv = check(limits, reimbursement('2026-05-20', 1000), [], { ...base, benefit: 'uwv' });
    expect(codes(uwv.warnings)).toEqual(['BENEFIT_REPORT']);
    expect(plain(uwv.warnings[0]!.message)).toContain('UWV');
    const other = check(limits, fee('2026-05-20', 1000), [], { ...base, benefit: 'other' });
    expect(codes(other.warnings)).toEqual(['BENEFIT_REPORT']);
  });

  it('warns about bijstand under 27, up to the day before the 27th birthday', () => {
    const p = { ...base, birthDate: '1999-05-20', benefit: 'bijstand' as const };
    const under = check(limits, fee('2026-05-19', 1000), [], p);
    expect(codes(under.warnings)).toEqual(['BENEFIT_REPORT', 'BIJSTAND_UNDER_27']);
    const at27 = check(limits, fee('2026-05-20', 1000), [], p);
    expect(codes(at27.warnings)).toEqual(['BENEFIT_REPORT']);
  });

  it('warns when on bijstand and the age is unknown', () => {
    const r = check(limits, fee('2026-05-20', 1000), [], { ...base, benefit: 'bijstand' });
    expect(codes(r.warnings)).toEqual(['BENEFIT_REPORT', 'BIJSTAND_AGE_UNKNOWN']);
  });

  it('warns when the person is also paid or invoices the organisation', () => {
    const r = check(limits, fee('2026-05-20', 1000), [], { ...ADULT, alsoPaidOrInvoices: true });
    expect(r.status).toBe('warn');
    expect(codes(r.warnings)).toEqual(['PAID_ELSEWHERE_SAME_ORG']);
  });

  it('warns when the limits come from another year', () => {
    const fallback = limitsForYear(2031);
    const r = check(fallback.limits, fee('2031-05-20', 1000));
    expect(codes(r.warnings)).toEqual(['LIMITS_OTHER_YEAR']);
    expect(plain(r.warnings[0]!.message)).toContain('2031');
    expect(plain(r.warnings[0]!.message)).toContain('2026');
  });
});

describe('messages', () => {
  const limits = limitsForYear(2026).limits;
  it('say why and what to do, with Dutch euro amounts', () => {
    const r = check(limits, fee('2026-03-20', 10000), [fee('2026-03-01', 15000), fee('2026-01-05', 1000)]);
    const m = r.blocks[0]!.message;
    expect(plain(m)).toContain('maart 2026');
    expect(plain(m)).toContain('€ 250,00');
    expect(plain(m)).toContain('€ 220,00');
    expect(plain(m)).toContain('niet meer dan € 70,00');
    expect(plain(m)).toContain('andere maand');
    expect(plain(m)).toContain('loon');
    expect(plain(m)).not.toMatch(/\d\.\d{2}\b/); // no API-style "70.00"
  });

  it('the yearly block formats thousands Dutch style', () => {
    const { history, payment } = spread(limits, limits.perYearCents);
    const r = check(limits, fee('2026-12-01', 1), [...history, payment]);
    expect(plain(r.blocks[0]!.message)).toContain('€ 2.200,01');
    expect(plain(r.blocks[0]!.message)).toContain('€ 2.200,00');
  });
});

// ---------------------------------------------------------------------------------------------
// limitsForYear: fallback and overrides
// ---------------------------------------------------------------------------------------------

describe('limitsForYear', () => {
  it('falls back to the latest known year for a later year', () => {
    const r = limitsForYear(2031);
    expect(r.exact).toBe(false);
    expect(r.fallbackFrom).toBe(2026);
    expect(r.requestedYear).toBe(2031);
    expect(r.limits.year).toBe(2026);
    expect(r.message).toContain('2031');
    expect(r.message).toContain('2026');
  });

  it('falls back to the earliest known year for a year before 2017', () => {
    const r = limitsForYear(2016);
    expect(r.exact).toBe(false);
    expect(r.fallbackFrom).toBe(2017);
    expect(r.limits.perMonthCents).toBe(15000);
    expect(r.message).toContain('oudste');
  });

  it('exact years carry no message', () => {
    const r = limitsForYear(2024);
    expect(r.exact).toBe(true);
    expect(r.message).toBeUndefined();
    expect(r.fromOverride).toBe(false);
  });

  const override2026: LimitsRow = {
    year: 2026,
    perHourAdultCents: 600,
    perHourYoungCents: 350,
    ageThreshold: 21,
    perMonthCents: 23000,
    perYearCents: 230000,
    source: 'penningmeester',
  };

  it('overrides win over the built-in data', () => {
    const r = limitsForYear(2026, [override2026]);
    expect(r.exact).toBe(true);
    expect(r.fromOverride).toBe(true);
    expect(r.limits.perMonthCents).toBe(23000);
    const pay = check(r.limits, fee('2026-03-03', 23000));
    expect(pay.blocks).toEqual([]);
  });

  it('an override for a new year is used exactly and becomes the fallback for later years', () => {
    const o2027 = { ...override2026, year: 2027, perMonthCents: 24000, perYearCents: 240000 };
    expect(limitsForYear(2027, [o2027])).toMatchObject({ exact: true, fromOverride: true });
    const later = limitsForYear(2030, [o2027]);
    expect(later).toMatchObject({ exact: false, fallbackFrom: 2027, fromOverride: true });
    expect(later.limits.perMonthCents).toBe(24000);
  });

  it('the last override for a year wins', () => {
    const r = limitsForYear(2026, [override2026, { ...override2026, perMonthCents: 22500 }]);
    expect(r.limits.perMonthCents).toBe(22500);
  });

  it('refuses overrides with float or impossible amounts', () => {
    expect(() => limitsForYear(2026, [{ ...override2026, perMonthCents: 220.5 }])).toThrow(KassaError);
    expect(() => limitsForYear(2026, [{ ...override2026, perHourYoungCents: 700 }])).toThrow(KassaError);
    expect(() => limitsForYear(2026, [{ ...override2026, perMonthCents: 300000 }])).toThrow(KassaError);
  });

  it('refuses a year that is not a whole number', () => {
    expect(() => limitsForYear(2026.5)).toThrow(KassaError);
  });
});

// ---------------------------------------------------------------------------------------------
// ageOn
// ---------------------------------------------------------------------------------------------

describe('ageOn', () => {
  it.each([
    ['2000-06-15', '2021-06-14', 20],
    ['2000-06-15', '2021-06-15', 21],
    ['2000-06-15', '2000-06-15', 0],
    ['2000-12-31', '2001-01-01', 0],
    // Born on 29 February: in a non-leap year the birthday counts as 1 March.
    ['2004-02-29', '2025-02-28', 20],
    ['2004-02-29', '2025-03-01', 21],
    ['2004-02-29', '2024-02-28', 19],
    ['2004-02-29', '2024-02-29', 20],
    ['2004-02-29', '2100-02-28', 95], // 2100 is not a leap year
    ['2004-02-29', '2100-03-01', 96],
  ])('born %s, on %s: %i', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it('throws on invalid dates or a birth date after the date', () => {
    expect(() => ageOn('2001-02-29', '2020-01-01')).toThrow(KassaError);
    expect(() => ageOn('2000-01-01', '2020-1-1')).toThrow(KassaError);
    expect(() => ageOn('2020-01-02', '2020-01-01')).toThrow(KassaError);
  });
});

// ---------------------------------------------------------------------------------------------
// summariseYear
// ---------------------------------------------------------------------------------------------

describe('summariseYear', () => {
  const limits = limitsForYear(2026).limits;

  it('gives 12 months, the year total and the distance to the limits', () => {
    const payments: PastVolunteerPayment[] = [
      fee('2025-12-31', 99999), // other year: ignored
      fee('2026-01-10', 10000),
      reimbursement('2026-01-20', 2500), // counts: there is a fee this year
      fee('2026-03-01', 22000),
      fee('2026-04-01', 25000), // over the monthly maximum
      fee('2026-05-01', 77777, { asWages: true }),
    ];
    const s = summariseYear(payments, limits);
    expect(s.year).toBe(2026);
    expect(s.months).toHaveLength(12);
    expect(s.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(s.reimbursementsCount).toBe(true);
    expect(s.months[0]).toMatchObject({ feeCents: 10000, reimbursementCents: 2500, countedCents: 12500, leftCents: 9500, overCents: 0 });
    expect(s.months[1]).toMatchObject({ countedCents: 0, leftCents: 22000 });
    expect(s.months[2]).toMatchObject({ countedCents: 22000, leftCents: 0, overCents: 0 });
    expect(s.months[3]).toMatchObject({ countedCents: 25000, leftCents: 0, overCents: 3000 });
    expect(s.months[4]).toMatchObject({ countedCents: 0, asWagesCents: 77777 });
    expect(s).toMatchObject({
      feeCents: 57000,
      reimbursementCents: 2500,
      totalCents: 59500,
      asWagesCents: 77777,
      leftCents: 220000 - 59500,
      overCents: 0,
      percentOfYear: 27,
    });
  });

  it('does not count reimbursements in a year without a fee', () => {
    const s = summariseYear([reimbursement('2026-02-02', 500000)], limits);
    expect(s.reimbursementsCount).toBe(false);
    expect(s.totalCents).toBe(0);
    expect(s.reimbursementCents).toBe(500000);
    expect(s.months[1]).toMatchObject({ reimbursementCents: 500000, countedCents: 0, leftCents: 22000 });
  });

  it('uses the given year when the limits are a fallback', () => {
    const fb = limitsForYear(2031).limits;
    const s = summariseYear([fee('2031-06-01', 1000), fee('2026-06-01', 5000)], fb, 2031);
    expect(s.year).toBe(2031);
    expect(s.totalCents).toBe(1000);
  });

  it('agrees with checkVolunteerPayment', () => {
    const history = [fee('2026-01-10', 10000), reimbursement('2026-02-02', 3000)];
    const r = check(limits, fee('2026-02-20', 5000), history);
    const s = summariseYear([...history, fee('2026-02-20', 5000)], limits);
    expect(s.months[1]!.countedCents).toBe(r.totals.monthAfterCents);
    expect(s.totalCents).toBe(r.totals.yearAfterCents);
  });
});

describe('one short limit message that says what is possible (issue 18)', () => {
  const limits = limitsForYear(2026).limits;
  it('an amount too high for any month does not advise another month; it names the most for the month and the year', () => {
    const r = check(limits, fee('2026-03-20', 25000), [fee('2026-03-01', 17000), fee('2026-01-05', 1000)]);
    expect(codes(r.blocks)).toEqual(['MONTH_LIMIT']);
    const m = plain(r.blocks[0]!.message);
    expect(m).not.toContain('andere maand');
    expect(m).toContain('niet meer dan € 50,00');
    expect(m).toContain('In heel 2026 kan nog € 2.020,00');
    expect(r.warnings).toEqual([]);
  });

  it('over both maxima gives one block, not two', () => {
    const history = [...Array.from({ length: 10 }, (_, i) => fee(`2026-${String(i + 1).padStart(2, '0')}-02`, 21000)), fee('2026-12-05', 5000)];
    const r = check(limits, fee('2026-12-20', 20000), history);
    expect(r.blocks).toHaveLength(1);
    const m = plain(r.blocks[0]!.message);
    expect(m).toContain('per maand en € 2.200,00 per jaar');
    expect(m).toContain('€ 50,00');
    expect(m.match(/Wat kunt u doen\?/g)).toHaveLength(1);
  });

  it('names another month only when one would allow it', () => {
    const history = [fee('2026-03-01', 22000), fee('2026-04-01', 22000)];
    const r = check(limits, fee('2026-03-20', 10000), history);
    expect(plain(r.blocks[0]!.message)).toContain('andere maand, bijvoorbeeld mei');
    expect(plain(r.blocks[0]!.message)).toContain('In maart kan er niets meer bij');
    const full = Array.from({ length: 10 }, (_, i) => fee(`2026-${String(i + 1).padStart(2, '0')}-02`, 21000));
    const y = check(limits, fee('2026-11-20', 15000), full);
    expect(codes(y.blocks)).toEqual(['YEAR_LIMIT']);
    expect(plain(y.blocks[0]!.message)).not.toContain('andere maand');
    expect(plain(y.blocks[0]!.message)).toContain('niet meer dan € 100,00');
  });
});

// ---------------------------------------------------------------------------------------------
// Totals at the edge of what a number holds exactly (issue 17)
// ---------------------------------------------------------------------------------------------

describe('totals up to 2^53 cents', () => {
  const limits = limitsForYear(2026).limits;
  const CAP = 99_999_999_999;
  const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
  // Payments at the cap of a line plus a remainder: exactly Number.MAX_SAFE_INTEGER cents in 2026.
  const full = Number(SAFE / BigInt(CAP));
  const rest = Number(SAFE % BigInt(CAP));
  const payments: PastVolunteerPayment[] = [...Array.from({ length: full }, () => fee('2026-05-04', CAP, { asWages: true })), fee('2026-05-05', rest, { asWages: true })];

  it('a person\'s year of exactly 2^53 - 1 cents is summed exactly; one cent more is refused in Dutch', () => {
    const s = summariseYear(payments, limits);
    expect(s.asWagesCents).toBe(Number.MAX_SAFE_INTEGER);
    expect(s.months[4]!.asWagesCents).toBe(Number.MAX_SAFE_INTEGER);
    let error: unknown = null;
    try {
      summariseYear([...payments, fee('2026-12-31', 1, { asWages: true })], limits);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KassaError);
    expect((error as KassaError).code).toBe('INVALID_AMOUNT');
    expect((error as KassaError).message).toContain('in 2026 tellen op tot meer dan € 90.071.992.547.409,91');
    expect((error as KassaError).details?.says).toEqual([{ key: 'vol.totalTooLarge', params: { year: 2026 } }]);
  });

  it('the check refuses when the person\'s counted payments of the year pass 2^53 cents', () => {
    const counted = payments.map((p) => ({ ...p, asWages: false }));
    expect(() => checkVolunteerPayment({ person: ADULT, payment: fee('2026-06-01', 100), history: [...counted, fee('2026-01-02', 1)], limits })).toThrow(/niet precies optellen/);
  });
});
