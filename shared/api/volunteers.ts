import { z } from 'zod';
import type { Phrase, Said } from '../phrase';
import type { VolunteerIssueCode } from '../rules/volunteerLimits';
import { AccountCode, Amount, Iban, Id, IsoDate, NonEmpty, Year } from './common';
import { method } from './define';
import { field, tooLong } from './fieldTexts';

/**
 * Volunteers (DESIGN.md section 5): persons, fee and reimbursement payments checked against the
 * yearly limits before they are saved, the yearly statement (PDF), the overview (Excel), the SEPA
 * batch (pain.001.001.03) and the limits the treasurer adds in settings.
 * Amounts are decimal strings with a dot ("12.50"); hours too ("2.5").
 */

// ---------------------------------------------------------------------------------------------
// Output types
// ---------------------------------------------------------------------------------------------

export type Benefit = 'none' | 'bijstand' | 'uwv' | 'other';
export type VolunteerPaymentKind = 'fee' | 'reimbursement';
export type VolunteerPaymentStatus = 'approved' | 'paid' | 'cancelled';
/** ok; warn80: 80 % or more of the maximum used; blocked: the maximum is reached (or passed). */
export type VolunteerLevel = 'ok' | 'warn80' | 'blocked';

export interface Person {
  id: number;
  name: string;
  birthDate: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  iban: string | null;
  email: string | null;
  benefit: Benefit;
  benefitNote: string | null;
  alsoPaidOrInvoices: boolean;
  archived: boolean;
  createdAt: string;
}

export interface VolunteerIssue {
  code: VolunteerIssueCode;
  /** Dutch (B1): why, and what to do. */
  message: string;
  /** The same text as phrases, for a UI in another language (shared/phrase.ts). */
  says?: Phrase[];
  /** Input field of volunteers.pay the issue is about: amount, hours, date or person. */
  field?: string;
}

export interface VolunteerLimits {
  year: number;
  perHourAdult: string;
  perHourYoung: string;
  ageThreshold: number;
  perMonth: string;
  perYear: string;
  source: string;
  /** builtin: the app's own table; settings: a row the treasurer entered. */
  origin: 'builtin' | 'settings';
}

/** The limits used for a year, and whether they were a fallback from another year. */
export interface VolunteerLimitsUsed extends VolunteerLimits {
  requestedYear: number;
  exact: boolean;
  fallbackFrom: number | null;
  /** Dutch explanation when the limits come from another year. */
  message: string | null;
  /** The same as phrases, for the UI language. */
  says?: Phrase[];
}

export interface VolunteerTotals {
  /** Counted so far this month / year (without the payment being checked). */
  month: string;
  year: string;
  /** Room left before this payment (never below 0). */
  monthLeft: string;
  yearLeft: string;
  /** Counted totals including this payment (when it counts). */
  monthAfter: string;
  yearAfter: string;
}

export interface VolunteerCheck {
  status: 'ok' | 'warn' | 'blocked';
  blocks: VolunteerIssue[];
  warnings: VolunteerIssue[];
  totals: VolunteerTotals;
  /** Largest amount that still fits this month and this year. */
  maxAmount: string;
  hourlyRate: string | null;
  hourlyLimit: string | null;
  /** Highest fee allowed for the given hours. */
  maxForHours: string | null;
  counted: boolean;
  reimbursementsCount: boolean;
  limits: VolunteerLimitsUsed;
  person: { id: number; name: string; benefit: Benefit; birthDate: string | null };
}

export interface VolunteerPayment {
  id: number;
  person: number;
  personName: string;
  date: string;
  periodFrom: string | null;
  periodTo: string | null;
  hours: string | null;
  amount: string;
  kind: VolunteerPaymentKind;
  description: string;
  asWages: boolean;
  wagesConfirmation: string | null;
  /** Account the payment was credited to: a bank or cash account, or 1500 (to be paid). */
  payFrom: string;
  grant: number | null;
  budgetLine: number | null;
  status: VolunteerPaymentStatus;
  entryId: number;
  entryRef: string | null;
  paidEntryId: number | null;
  paidEntryRef: string | null;
  paidDate: string | null;
  cancelEntryId: number | null;
  sepaBatch: number | null;
  hasReceipt: boolean;
  createdAt: string;
}

export interface Posted {
  id: number;
  number: number;
  ref: string;
}

export interface VolunteerPayResult {
  payment: VolunteerPayment;
  entry: Posted;
  /** Things the treasurer must know (benefit, 80 % of the year, …). */
  warnings: VolunteerIssue[];
  totals: VolunteerTotals;
}

export interface VolunteerOverviewMonth {
  month: number;
  fee: string;
  reimbursement: string;
  /** What counts toward the monthly maximum. */
  counted: string;
  asWages: string;
  left: string;
  over: string;
  level: VolunteerLevel;
}

export interface VolunteerOverviewPerson {
  person: { id: number; name: string; benefit: Benefit; archived: boolean; iban: string | null };
  months: VolunteerOverviewMonth[];
  fee: string;
  reimbursement: string;
  /** Counted toward the yearly maximum. */
  total: string;
  asWages: string;
  left: string;
  over: string;
  percentOfYear: number;
  reimbursementsCount: boolean;
  /** Approved but not yet paid (booked on 1500). */
  unpaid: string;
  level: VolunteerLevel;
}

export interface VolunteerOverview {
  year: number;
  limits: VolunteerLimitsUsed;
  persons: VolunteerOverviewPerson[];
  totals: { fee: string; reimbursement: string; total: string; asWages: string; unpaid: string };
}

export interface SepaExportResult {
  path: string;
  batch: number;
  messageId: string;
  count: number;
  total: string;
  /** The payout entry (1500 -> bank) when markPaid was asked. */
  paidEntry: Posted | null;
}

export interface MarkPaidResult {
  entry: Posted;
  count: number;
  total: string;
}

// ---------------------------------------------------------------------------------------------
// Input schemas
// ---------------------------------------------------------------------------------------------

/**
 * The text the treasurer confirms to pay a volunteer on purpose as (taxable) wages. The API asks it
 * literally so no door (the CLI included) can set "as wages" by accident.
 */
export const AS_WAGES_CONFIRMATION = 'Ik betaal dit bewust als loon';

const HOURS_RE = /^\d{1,5}(\.\d{1,4})?$/;

export const Hours = z
  .string({ error: 'Vul het aantal uren in als getal, bijvoorbeeld 2.5.' })
  .trim()
  .refine((h) => !h.startsWith('-'), { message: 'Het aantal uren mag niet negatief zijn.' })
  .refine((h) => h.startsWith('-') || HOURS_RE.test(h), {
    message: 'Het aantal uren klopt niet. Gebruik cijfers en een punt, bijvoorbeeld 2.5.',
  })
  .refine((h) => !HOURS_RE.test(h) || /[1-9]/.test(h), { message: 'Het aantal uren moet hoger zijn dan 0.' });

export const BenefitSchema = z.enum(['none', 'bijstand', 'uwv', 'other'], {
  error: 'Kies of deze persoon een uitkering heeft: geen, bijstand, UWV of een andere uitkering.',
});

export const KindSchema = z.enum(['fee', 'reimbursement'], {
  error: 'Kies de soort: vergoeding voor inzet (fee) of onkostenvergoeding (reimbursement).',
});

const todayIso = () => new Date().toISOString().slice(0, 10);

const BirthDate = IsoDate.refine((d) => d >= '1900-01-01' && d <= todayIso(), {
  message: 'Deze geboortedatum kan niet kloppen. Controleer het jaar.',
});

const Email = z
  .string()
  .trim()
  .max(200, { message: 'Het e-mailadres is te lang.' })
  .refine((e) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e), { message: 'Dit e-mailadres klopt niet. Het ziet eruit als naam@voorbeeld.nl.' });

/** '' from an empty form field means "nothing": null. */
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optionalText = (max: number, what: Said) =>
  z.preprocess(blankToNull, z.string().trim().max(max, { message: tooLong(what, max) }).nullable().optional());
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToNull, schema.nullable().optional());

const PersonFields = {
  birthDate: optional(BirthDate),
  street: optionalText(200, field.street),
  postcode: optionalText(20, field.postcode),
  city: optionalText(100, field.city),
  iban: optional(Iban),
  email: optional(Email),
  benefit: BenefitSchema.optional(),
  benefitNote: optionalText(500, field.benefitNote),
  alsoPaidOrInvoices: z.boolean().optional(),
};

const ReceiptInput = z.union(
  [
    z.object({ path: z.string().min(1).max(4096) }).strict(),
    z.object({ fileName: NonEmpty(field.fileName, 200), dataBase64: z.string().min(1).max(28_000_000) }).strict(),
  ],
  { error: 'Kies het bestand van de bon.' },
);

const FilePath = z.string({ error: 'Kies waar het bestand moet komen.' }).min(1, { message: 'Kies waar het bestand moet komen.' }).max(4096);

/** A bank or cash account code, or 'payable': book on 1500 and pay later (e.g. by SEPA batch). */
const PayFrom = z.string({ error: 'Kies waarmee u betaalt: bank, kas of "later betalen".' }).trim().min(1, { message: 'Kies waarmee u betaalt: bank, kas of "later betalen".' }).max(12);

const LimitAmount = Amount;

export const volunteersMethods = {
  'persons.list': method<Person[]>()(z.object({ includeArchived: z.boolean().optional(), search: z.string().max(100).optional() })),
  'persons.get': method<Person>()(z.object({ id: Id })),
  'persons.create': method<Person>()(z.object({ name: NonEmpty(field.name, 100), ...PersonFields })),
  'persons.update': method<Person>()(z.object({ id: Id, name: NonEmpty(field.name, 100).optional(), ...PersonFields })),
  'persons.archive': method<Person>()(z.object({ id: Id, archived: z.boolean().optional() })),

  'volunteers.check': method<VolunteerCheck>()(
    z.object({
      person: Id,
      date: IsoDate,
      kind: KindSchema,
      /** Optional so the screen can show the totals before an amount is typed. */
      amount: Amount.optional(),
      hours: Hours.optional(),
      asWages: z.boolean().optional(),
    }),
  ),
  'volunteers.pay': method<VolunteerPayResult>()(
    z
      .object({
        person: Id,
        date: IsoDate,
        periodFrom: IsoDate.optional(),
        periodTo: IsoDate.optional(),
        hours: Hours.optional(),
        amount: Amount,
        kind: KindSchema,
        description: NonEmpty(field.description, 300),
        payFrom: PayFrom,
        grant: Id.optional(),
        budgetLine: Id.optional(),
        asWages: z.boolean().optional(),
        confirmWages: z.string().max(200).optional(),
        receipt: ReceiptInput.optional(),
      })
      .refine((p) => !p.periodFrom || !p.periodTo || p.periodFrom <= p.periodTo, {
        message: 'De periode klopt niet: de einddatum ligt voor de begindatum.',
        path: ['periodTo'],
      }),
  ),
  'volunteers.payments': method<VolunteerPayment[]>()(
    z.object({ year: Year, person: Id.optional(), status: z.enum(['approved', 'paid', 'cancelled']).optional() }),
  ),
  'volunteers.cancel': method<VolunteerPayment>()(z.object({ id: Id, date: IsoDate.optional() })),
  'volunteers.attachReceipt': method<VolunteerPayment>()(z.object({ payment: Id, receipt: ReceiptInput })),
  'volunteers.receipt': method<{ fileName: string; mime: string; dataBase64: string }>()(z.object({ payment: Id })),
  'volunteers.overview': method<VolunteerOverview>()(z.object({ year: Year })),
  'volunteers.statementPdf': method<{ path: string; payments: number }>()(z.object({ person: Id, year: Year, path: FilePath })),
  'volunteers.statementsPdf': method<{ dir: string; files: { person: number; name: string; path: string }[] }>()(
    z.object({ year: Year, dir: FilePath }),
  ),
  'volunteers.overviewXlsx': method<{ path: string; persons: number }>()(z.object({ year: Year, path: FilePath })),
  'volunteers.sepa': method<SepaExportResult>()(
    z.object({
      paymentIds: z.array(Id).min(1, { message: 'Kies minstens één betaling.' }).max(5000),
      executionDate: IsoDate,
      debtorAccount: AccountCode,
      path: FilePath,
      /** Book the payout (1500 -> bank) at once, dated executionDate. */
      markPaid: z.boolean().optional(),
      /** Put payments in a new file even though an earlier file already held them. */
      again: z.boolean().optional(),
    }),
  ),
  'volunteers.markPaid': method<MarkPaidResult>()(
    z
      .object({ paymentIds: z.array(Id).min(1).max(5000).optional(), batch: Id.optional(), date: IsoDate, account: AccountCode })
      .refine((i) => (i.paymentIds === undefined) !== (i.batch === undefined), {
        message: 'Kies de betalingen of het betaalbestand dat is betaald.',
        path: ['paymentIds'],
      }),
  ),
  'volunteers.limits.list': method<VolunteerLimits[]>()(z.object({})),
  'volunteers.limits.set': method<VolunteerLimits>()(
    z.object({
      year: Year,
      perHourAdult: LimitAmount,
      perHourYoung: LimitAmount,
      ageThreshold: z.number({ error: 'Vul de leeftijd in.' }).int().min(0).max(120),
      perMonth: LimitAmount,
      perYear: LimitAmount,
      source: z.string().trim().max(300).optional(),
    }),
  ),
  'volunteers.limits.reset': method<{ removed: boolean }>()(z.object({ year: Year })),
} as const;
