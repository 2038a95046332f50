import Decimal from 'decimal.js';
import { formatEuro } from '../money';
import { said, Sentences, type Said } from '../phrase';
import type { LimitsRow } from './volunteerLimitsData';
import { ageOnYmd, compareYmd, monthName, parseYmd, type Ymd } from './volunteerDates';
import { atLeast80, countsToward, hasVolunteerFee, percentOf, personCents, toDated, type DatedPayment } from './volunteerCounting';
import type { CheckVolunteerPaymentInput, CheckVolunteerPaymentResult, Issue, VolunteerTotals } from './volunteerTypes';

/**
 * Pure rules for the tax-free volunteer fee (vrijwilligersvergoeding), DESIGN.md section 5.
 *
 * Money is always integer euro cents (a JS number that is a safe integer); totals are added up in
 * BigInt and handed on only when they are exact (personCents). Anything that needs
 * division or multiplication with a non-integer (the hourly rate) goes through decimal.js and is
 * compared exactly. Messages are Dutch at language level B1; code and comments are English.
 * No I/O: the caller supplies the person, the payment, the person's other payments and the limits.
 */

export type { LimitsRow } from './volunteerLimitsData';
export { applicableYear, BUILT_IN_VOLUNTEER_LIMITS } from './volunteerLimitsData';
// The rules' parts, one idea each; this module checks one payment and is the door to all of them.
export * from './volunteerTypes';
export { issueSaid, limitsForYear, limitsRowSchema } from './volunteerYearLimits';
export { ageOn, hourlyLimitFor } from './volunteerDates';
export { personCents } from './volunteerCounting';
export { summariseYear } from './volunteerYearSummary';

const HOURS_RE = /^\d{1,5}(\.\d{1,4})?$/;

function hoursNl(hours: Decimal): string {
  return hours.toString().replace('.', ',');
}

function minCents(a: number, b: number): number {
  return a < b ? a : b;
}

const AS_WAGES_ADVICE = 'Of betaal het bewust als loon. Dat moet u dan apart bevestigen.';
const REIMBURSEMENT_NOTE =
  'Onkostenvergoedingen tellen hier mee, omdat deze persoon dit jaar ook een vrijwilligersvergoeding krijgt.';
const OTHER_ORGS_NOTE =
  'Werkt deze persoon ook als vrijwilliger bij een andere organisatie? Dan tellen de vergoedingen samen. Vraag dat na.';

/**
 * The other month of the same year in which this amount would fit (the nearest later month first),
 * or null when no month would allow it (too high for any month, or for what is left of the year).
 */
function otherMonthThatFits(
  month: number, amountCents: number, history: readonly DatedPayment[], limits: LimitsRow, yearLeftCents: number, reimbursementsCount: boolean,
): number | null {
  if (amountCents > limits.perMonthCents || amountCents > yearLeftCents) return null;
  const perMonth = new Array<bigint>(13).fill(0n);
  for (const p of history) if (countsToward(p, reimbursementsCount)) perMonth[p.ymd.m]! += BigInt(p.amountCents);
  const order = [...Array.from({ length: 12 - month }, (_, i) => month + 1 + i), ...Array.from({ length: month - 1 }, (_, i) => month - 1 - i)];
  return order.find((m) => perMonth[m]! + BigInt(amountCents) <= BigInt(limits.perMonthCents)) ?? null;
}

/**
 * One short message for a payment over the monthly and/or yearly maximum: what is wrong, the most
 * that can still be paid this month and this year, another month only when one would allow it.
 */
function limitMessage(x: {
  date: Ymd; limits: LimitsRow; totals: VolunteerTotals; maxAmountCents: number; overMonth: boolean; overYear: boolean; amountCents: number;
  reimbursementInvolved: boolean; history: readonly DatedPayment[]; reimbursementsCount: boolean;
}): Said {
  const { date, limits, totals } = x;
  const month = monthName(date.m);
  const v = {
    month: date.m, year: date.y, perMonth: formatEuro(limits.perMonthCents), perYear: formatEuro(limits.perYearCents),
    monthAfter: formatEuro(totals.monthAfterCents), yearAfter: formatEuro(totals.yearAfterCents),
    max: formatEuro(x.maxAmountCents), left: formatEuro(totals.yearLeftCents),
  };
  const text = new Sentences();
  if (x.overMonth && x.overYear) {
    text.add(`Deze betaling is te hoog voor ${month} en voor heel ${date.y}. Het maximum is ${v.perMonth} per maand en ${v.perYear} per jaar.`, 'vol.bothTooHigh', v);
  } else if (x.overMonth) {
    text.add(`Deze betaling is te hoog voor ${month} ${date.y}. Deze persoon krijgt in ${month} dan ${v.monthAfter}. Het maximum is ${v.perMonth} per maand.`, 'vol.monthTooHigh', v);
  } else {
    text.add(`Deze betaling is te hoog voor het jaar ${date.y}. Deze persoon krijgt in ${date.y} dan ${v.yearAfter}. Het maximum is ${v.perYear} per jaar.`, 'vol.yearTooHigh', v);
  }
  if (x.reimbursementInvolved) text.add(REIMBURSEMENT_NOTE, 'vol.reimbursementNote');
  if (x.maxAmountCents > 0) text.add(`Wat kunt u doen? Betaal in ${month} niet meer dan ${v.max}.`, 'vol.monthAdviceMax', v);
  else text.add(`Wat kunt u doen? In ${month} kan er niets meer bij.`, 'vol.monthAdviceNothing', v);
  if (totals.yearLeftCents === 0) text.add(`In ${date.y} kan er niets meer bij.`, 'vol.yearAdviceNothing', v);
  else if (totals.yearLeftCents !== x.maxAmountCents) text.add(`In heel ${date.y} kan nog ${v.left}.`, 'vol.yearAdviceLeft', v);
  const other = otherMonthThatFits(date.m, x.amountCents, x.history, limits, totals.yearLeftCents, x.reimbursementsCount);
  if (other !== null) text.add(`Of betaal het in een andere maand, bijvoorbeeld ${monthName(other)}.`, 'vol.otherMonth', { otherMonth: other });
  text.add('Boven het maximum wordt de hele vergoeding loon.', 'vol.aboveIsWages');
  return text.said();
}

/**
 * Check one volunteer payment before it is saved. Blocks stop the payment; warnings need the
 * treasurer's attention. `history` holds the person's other payments (any year; only the
 * payment's calendar month and year are used) and must not contain the payment itself.
 */
export function checkVolunteerPayment(input: CheckVolunteerPaymentInput): CheckVolunteerPaymentResult {
  const { person, payment, limits } = input;
  const blocks: Issue[] = [];
  const warnings: Issue[] = [];
  const asWages = payment.asWages === true;

  // --- input checks -------------------------------------------------------------------------
  const date = parseYmd(payment.date);
  if (!date) {
    blocks.push({
      code: 'INVALID_DATE',
      ...said('err.vol.check.dateInvalid', 'De datum van de betaling klopt niet. Gebruik de vorm jjjj-mm-dd, bijvoorbeeld 2026-03-15.'),
      field: 'payment.date',
    });
  }

  let amountOk = false;
  if (!Number.isSafeInteger(payment.amountCents)) {
    blocks.push({
      code: 'INVALID_AMOUNT',
      ...said('err.vol.check.amountInvalid', 'Het bedrag klopt niet. Vul een bedrag in euro en cent in, bijvoorbeeld 25,50.'),
      field: 'payment.amount',
    });
  } else if (payment.amountCents <= 0) {
    blocks.push({
      code: 'INVALID_AMOUNT',
      ...said('err.vol.check.amountNotPositive', 'Het bedrag moet hoger zijn dan € 0,00. Vul het bedrag in dat u betaalt.'),
      field: 'payment.amount',
    });
  } else {
    amountOk = true;
  }

  let hours: Decimal | undefined;
  if (payment.hours !== undefined) {
    const h = typeof payment.hours === 'string' ? payment.hours.trim() : '';
    if (payment.kind !== 'fee') {
      blocks.push({
        code: 'INVALID_HOURS',
        ...said('err.vol.check.hoursNotFee', 'Uren horen alleen bij een vergoeding voor inzet. Bij een onkostenvergoeding laat u de uren leeg.'),
        field: 'payment.hours',
      });
    } else if (!HOURS_RE.test(h) || new Decimal(h).lte(0)) {
      blocks.push({
        code: 'INVALID_HOURS',
        ...said('err.vol.check.hoursInvalid', 'Het aantal uren klopt niet. Vul een getal hoger dan 0 in. Gebruik een punt voor een deel van een uur, bijvoorbeeld 2.5.'),
        field: 'payment.hours',
      });
    } else {
      hours = new Decimal(h);
    }
  }

  let birth: Ymd | undefined;
  if (person.birthDate !== undefined && person.birthDate !== '') {
    const b = parseYmd(person.birthDate);
    if (!b) {
      blocks.push({
        code: 'INVALID_BIRTHDATE',
        ...said('err.vol.check.birthDateInvalid', 'De geboortedatum klopt niet. Gebruik de vorm jjjj-mm-dd, bijvoorbeeld 1990-05-31.'),
        field: 'person.birthDate',
      });
    } else if (date && compareYmd(b, date) > 0) {
      blocks.push({
        code: 'INVALID_BIRTHDATE',
        ...said('err.vol.check.birthAfterPayment', 'De geboortedatum ligt na de datum van de betaling. Controleer de geboortedatum.'),
        field: 'person.birthDate',
      });
    } else {
      birth = b;
    }
  }

  const emptyTotals: VolunteerTotals = {
    monthCents: 0,
    yearCents: 0,
    monthLeftCents: limits.perMonthCents,
    yearLeftCents: limits.perYearCents,
    monthAfterCents: 0,
    yearAfterCents: 0,
  };
  if (!date) {
    return {
      status: 'blocked',
      blocks,
      warnings,
      totals: emptyTotals,
      maxAmountCents: minCents(limits.perMonthCents, limits.perYearCents),
      counted: false,
      reimbursementsCount: false,
    };
  }

  // --- totals ---------------------------------------------------------------------------------
  const history = input.history.map((p, i) => toDated(p, `history.${i}`));
  const sameYear = history.filter((p) => p.ymd.y === date.y);
  const current: DatedPayment = { ymd: date, kind: payment.kind, amountCents: amountOk ? payment.amountCents : 0, asWages };
  const reimbursementsCount = hasVolunteerFee([...sameYear, current], date.y);

  // Added up in BigInt: the sums and the limit checks on them stay exact (personCents).
  let yearSum = 0n;
  let monthSum = 0n;
  let monthReimbursementCents = 0n;
  let yearReimbursementCents = 0n;
  for (const p of sameYear) {
    if (!countsToward(p, reimbursementsCount)) continue;
    const cents = BigInt(p.amountCents);
    yearSum += cents;
    if (p.kind === 'reimbursement') yearReimbursementCents += cents;
    if (p.ymd.m === date.m) {
      monthSum += cents;
      if (p.kind === 'reimbursement') monthReimbursementCents += cents;
    }
  }
  const counted = amountOk && countsToward(current, reimbursementsCount);
  const add = counted ? BigInt(current.amountCents) : 0n;
  const monthCents = personCents(monthSum, date.y);
  const yearCents = personCents(yearSum, date.y);
  const totals: VolunteerTotals = {
    monthCents,
    yearCents,
    monthLeftCents: Math.max(0, limits.perMonthCents - monthCents),
    yearLeftCents: Math.max(0, limits.perYearCents - yearCents),
    monthAfterCents: personCents(monthSum + add, date.y),
    yearAfterCents: personCents(yearSum + add, date.y),
  };
  const maxAmountCents = minCents(totals.monthLeftCents, totals.yearLeftCents);
  const reimbursementInvolved = reimbursementsCount && (payment.kind === 'reimbursement' || monthReimbursementCents > 0n || yearReimbursementCents > 0n);

  // --- hourly limit -------------------------------------------------------------------------
  let hourlyRateCents: number | undefined;
  let hourlyLimitCents: number | undefined;
  let maxForHoursCents: number | undefined;
  if (hours && amountOk && payment.kind === 'fee') {
    hourlyRateCents = new Decimal(payment.amountCents).div(hours).toDecimalPlaces(0, Decimal.ROUND_UP).toNumber();
    if (birth) {
      const age = ageOnYmd(birth, date);
      const adult = age >= limits.ageThreshold;
      hourlyLimitCents = adult ? limits.perHourAdultCents : limits.perHourYoungCents;
      maxForHoursCents = new Decimal(hourlyLimitCents).times(hours).toDecimalPlaces(0, Decimal.ROUND_DOWN).toNumber();
      // Exact comparison: amount > limit × hours, both sides as exact decimals.
      const over = new Decimal(payment.amountCents).gt(new Decimal(hourlyLimitCents).times(hours));
      if (over && !asWages) {
        const group = adult ? `van ${limits.ageThreshold} jaar of ouder` : `jonger dan ${limits.ageThreshold} jaar`;
        const v = { amount: formatEuro(payment.amountCents), hours: hoursNl(hours), limit: formatEuro(hourlyLimitCents), age: limits.ageThreshold, year: limits.year, max: formatEuro(maxForHoursCents) };
        const text = new Sentences()
          .add(`De vergoeding per uur is te hoog. U betaalt ${v.amount} voor ${v.hours} uur. Dat is meer dan ${v.limit} per uur.`, 'vol.hourTooHigh', v)
          .add(`Voor iemand ${group} is dat het maximum in ${limits.year}.`, adult ? 'vol.hourMaxAdult' : 'vol.hourMaxYoung', v)
          .add('Boven dat maximum is de vergoeding loon.', 'vol.hourAboveIsWages')
          .add(`Wat kunt u doen? Betaal voor ${v.hours} uur niet meer dan ${v.max}.`, 'vol.hourAdvice', v)
          .add(AS_WAGES_ADVICE, 'vol.asWagesAdvice')
          .said();
        blocks.push({ code: 'HOUR_LIMIT', ...text, field: 'payment.amount' });
      }
    } else if (!asWages && (person.birthDate === undefined || person.birthDate === '')) {
      const text = new Sentences()
        .add(
          'Vul eerst de geboortedatum van deze persoon in. Het maximum per uur hangt af van de leeftijd. ' +
            'Zonder geboortedatum kan de app niet controleren of de vergoeding per uur te hoog is.',
          'vol.birthDateRequired',
        )
        .said();
      blocks.push({ code: 'BIRTHDATE_REQUIRED', ...text, field: 'person.birthDate' });
    }
  }

  // --- monthly and yearly limits --------------------------------------------------------------
  if (counted) {
    const overMonth = totals.monthAfterCents > limits.perMonthCents;
    const overYear = totals.yearAfterCents > limits.perYearCents;
    if (overMonth || overYear) {
      // One message for both maxima: the same advice twice in red only hides what is possible.
      blocks.push({
        code: overMonth ? 'MONTH_LIMIT' : 'YEAR_LIMIT',
        ...limitMessage({ date, limits, totals, maxAmountCents, overMonth, overYear, amountCents: current.amountCents, reimbursementInvolved, history: sameYear, reimbursementsCount }),
        field: 'payment.amount',
      });
    }
    // 80 % of the yearly maximum, in integer arithmetic: after / max >= 4 / 5. Not beside a block:
    // "with this payment" would describe a payment that cannot be made.
    if (!overMonth && !overYear && atLeast80(totals.yearAfterCents, limits.perYearCents)) {
      const percent = percentOf(totals.yearAfterCents, limits.perYearCents);
      const v = { year: date.y, after: formatEuro(totals.yearAfterCents), percent, perYear: formatEuro(limits.perYearCents), left: formatEuro(limits.perYearCents - totals.yearAfterCents) };
      const text = new Sentences()
        .add(
          `Deze persoon krijgt in ${date.y} met deze betaling samen ${v.after}. Dat is ${percent}% van het maximum van ${v.perYear} per jaar. Er blijft nog ${v.left} over voor dit jaar.`,
          'vol.year80',
          v,
        )
        .add(OTHER_ORGS_NOTE, 'vol.otherOrgs')
        .said();
      warnings.push({ code: 'YEAR_80', ...text });
    }
  }

  // --- warnings -------------------------------------------------------------------------------
  if (asWages) {
    warnings.push({
      code: 'AS_WAGES',
      says: [{ key: 'vol.asWages' }],
      message:
        'U betaalt dit bewust als loon. Dan is het geen vrijwilligersvergoeding. ' +
        'De stichting moet loonbelasting inhouden en aangifte doen bij de Belastingdienst. ' +
        'Dit bedrag telt niet mee voor het maximum van de vrijwilligersvergoeding. ' +
        'Let op: krijgt deze persoon voor hetzelfde werk ook een vrijwilligersvergoeding? Dan is dat ook loon. Vraag bij twijfel advies.',
    });
  }

  if (limits.year !== date.y) {
    warnings.push({
      code: 'LIMITS_OTHER_YEAR',
      says: [{ key: 'vol.limitsOtherYear', params: { year: date.y, used: limits.year } }],
      message:
        `Voor ${date.y} kent de app nog geen bedragen. De controle gebruikt de bedragen van ${limits.year}. ` +
        `Kijk op belastingdienst.nl of er nieuwe bedragen zijn. Vul die dan in bij Instellingen.`,
    });
  }

  if (person.benefit !== 'none') {
    const who =
      person.benefit === 'bijstand'
        ? { has: 'een bijstandsuitkering', to: 'de gemeente' }
        : person.benefit === 'uwv'
          ? { has: 'een uitkering van het UWV', to: 'het UWV' }
          : { has: 'een uitkering', to: 'de instantie die de uitkering betaalt' };
    warnings.push({
      code: 'BENEFIT_REPORT',
      says: [{ key: `vol.benefitReport.${person.benefit}` }],
      message:
        `Deze persoon heeft ${who.has}. De persoon moet elke betaling doorgeven aan ${who.to}. ` +
        `Dat moet ook als de vergoeding onbelast is. Wijs de persoon hierop.`,
    });
  }

  if (person.benefit === 'bijstand' && (payment.kind === 'fee' || counted)) {
    if (birth) {
      if (ageOnYmd(birth, date) < 27) {
        warnings.push({
          code: 'BIJSTAND_UNDER_27',
          says: [{ key: 'vol.bijstandUnder27' }],
          message:
            'Deze persoon is jonger dan 27 jaar en heeft bijstand. Voor jongeren onder 27 jaar gelden strengere regels. ' +
            'De gemeente mag de vergoeding dan van de uitkering aftrekken. Laat de persoon dit eerst navragen bij de gemeente.',
        });
      }
    } else if (person.birthDate === undefined || person.birthDate === '') {
      warnings.push({
        code: 'BIJSTAND_AGE_UNKNOWN',
        says: [{ key: 'vol.bijstandAgeUnknown' }],
        message:
          'Deze persoon heeft bijstand, maar de geboortedatum is niet bekend. ' +
          'Is de persoon jonger dan 27 jaar? Dan mag de gemeente de vergoeding van de uitkering aftrekken. ' +
          'Vul de geboortedatum in. Of laat de persoon het navragen bij de gemeente.',
      });
    }
  }

  if (person.alsoPaidOrInvoices) {
    warnings.push({
      code: 'PAID_ELSEWHERE_SAME_ORG',
      says: [{ key: 'vol.paidElsewhere' }],
      message:
        'Deze persoon krijgt van de stichting ook loon, of stuurt facturen. ' +
        'Voor hetzelfde werk mag de stichting dan geen vrijwilligersvergoeding geven. ' +
        'Gaat deze betaling over ander werk? Dan mag het wel. Is het hetzelfde werk? Betaal het dan als loon of via een factuur.',
    });
  }

  const result: CheckVolunteerPaymentResult = {
    status: blocks.length > 0 ? 'blocked' : warnings.length > 0 ? 'warn' : 'ok',
    blocks,
    warnings,
    totals,
    maxAmountCents,
    counted,
    reimbursementsCount,
  };
  if (hourlyRateCents !== undefined) result.hourlyRateCents = hourlyRateCents;
  if (hourlyLimitCents !== undefined) result.hourlyLimitCents = hourlyLimitCents;
  if (maxForHoursCents !== undefined) result.maxForHoursCents = maxForHoursCents;
  return result;
}
