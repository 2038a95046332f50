import { z } from 'zod';
import {
  AccountCode, Amount, AmountOrZero, RgsCode, IsoDate, Iban, Id, Kvk, Layout, NonEmpty, Paging, Rsin, VatStatus, Year,
} from './common';
import { method } from './define';
import { field } from './fieldTexts';
import { ReceiptFiles } from './receipts';
import { booksReadMethods, FilePath, Period } from './booksRead';
import type {
  Account, AdminInfo, Entry, EntryList, FiscalYear, Journal, Organisation, VerifyResult,
} from './types';

const AccountType = z.enum(['asset', 'liability', 'equity', 'income', 'expense']);
/** The statement line an account is shown on, per layout (a key such as 'langlopende_schulden'); checked against the type by the service. */
const StatementLineChoice = {
  lineRj640: z.string().trim().min(1).max(60).optional(),
  lineRj650: z.string().trim().min(1).max(60).optional(),
};

export const OrganisationInput = z.object({
  name: NonEmpty(field.foundationName),
  kvk: Kvk.optional(),
  rsin: Rsin.optional(),
  iban: Iban.optional(),
  vat: VatStatus.optional(),
  layout: Layout.optional(),
  anbi: z.boolean().optional(),
  street: z.string().max(200).optional(),
  postcode: z.string().max(20).optional(),
  city: z.string().max(100).optional(),
  email: z.string().max(200).optional(),
  phone: z.string().max(50).optional(),
  website: z.string().max(200).optional(),
  vatNumber: z.string().max(30).optional(),
});

export const OrganisationUpdate = OrganisationInput.partial().extend({
  kvk: Kvk.nullable().optional(),
  rsin: Rsin.nullable().optional(),
  iban: Iban.nullable().optional(),
});

const EntryLineInput = z
  .object({
    account: AccountCode,
    debit: Amount.optional(),
    credit: Amount.optional(),
    description: z.string().max(500).optional(),
    grant: Id.optional(),
    budgetLine: Id.optional(),
    person: Id.optional(),
    contact: Id.optional(),
  })
  .refine((l) => (l.debit === undefined) !== (l.credit === undefined), {
    message: 'Vul per regel óf debet óf credit in, niet allebei.',
    path: ['debit'],
  });

const EntryInput = z.object({
  date: IsoDate,
  description: NonEmpty(field.description, 500),
  journal: z.string().optional(),
  lines: z.array(EntryLineInput).min(2, { message: 'Een boeking heeft minstens twee regels.' }).max(500),
});

const DraftLineInput = z.object({
  account: AccountCode,
  debit: Amount.optional(),
  credit: Amount.optional(),
  description: z.string().max(500).optional(),
  grant: Id.optional(),
  budgetLine: Id.optional(),
});

const GuidedBase = {
  date: IsoDate,
  description: NonEmpty(field.description, 500),
  amount: Amount,
  grant: Id.optional(),
  budgetLine: Id.optional(),
  person: Id.optional(),
  contact: Id.optional(),
};

export const booksMethods = {
  'admin.create': method<AdminInfo>()(
    OrganisationInput.extend({ path: FilePath, year: Year.optional() }),
    { file: false },
  ),
  'admin.open': booksReadMethods['admin.open'],
  'admin.close': method<{ closed: boolean }>()(z.object({}), { file: false }),
  'admin.info': method<AdminInfo | null>()(z.object({}), { file: false }),

  'org.get': method<Organisation>()(z.object({})),
  // null removes a checked number (a KvK typed by mistake, an old IBAN); leaving it out keeps it.
  'org.update': method<Organisation>()(OrganisationUpdate),

  'accounts.list': method<Account[]>()(z.object({ includeArchived: z.boolean().optional() })),
  /** Per layout and account type: the statement lines an account may be put on (key and Dutch label). */
  'accounts.lineChoices': method<Record<'rj640' | 'rj650', Record<'asset' | 'liability' | 'equity' | 'income' | 'expense', { key: string; label: string }[]>>>()(z.object({})),
  'accounts.create': method<Account>()(
    z.object({
      code: AccountCode,
      name: NonEmpty(field.aName, 100),
      type: AccountType,
      kind: z.enum(['bank', 'cash']).optional(),
      iban: Iban.optional(),
      rgsCode: RgsCode.optional(),
      ...StatementLineChoice,
    }),
  ),
  'accounts.update': method<Account>()(
    // rgsCode null removes the code (an accountant's mapping that no longer fits).
    z.object({ code: AccountCode, name: NonEmpty(field.aName, 100).optional(), iban: Iban.optional(), rgsCode: RgsCode.nullable().optional(), ...StatementLineChoice }),
  ),
  'accounts.archive': method<Account>()(z.object({ code: AccountCode, archived: z.boolean().optional() })),
  'accounts.delete': method<{ deleted: boolean }>()(z.object({ code: AccountCode })),

  'years.list': method<FiscalYear[]>()(z.object({})),
  'years.openNext': method<FiscalYear>()(z.object({})),
  'years.close': method<FiscalYear>()(z.object({ year: Year })),

  'journals.list': method<Journal[]>()(z.object({})),

  'entries.post': method<{ id: number; number: number; ref: string }>()(EntryInput),
  'entries.saveDraft': method<{ id: number }>()(
    EntryInput.extend({ id: Id.optional(), lines: z.array(DraftLineInput).max(500) }),
  ),
  'entries.postDraft': method<{ id: number; number: number; ref: string }>()(z.object({ id: Id })),
  'entries.deleteDraft': method<{ deleted: boolean }>()(z.object({ id: Id })),
  'entries.reverse': method<{ id: number; number: number; ref: string }>()(
    z.object({ id: Id, date: IsoDate.optional(), description: z.string().max(500).optional() }),
  ),
  'entries.get': method<Entry>()(z.object({ id: Id })),
  'entries.list': method<EntryList>()(
    z.object({
      ...Period,
      account: AccountCode.optional(),
      journal: z.string().optional(),
      search: z.string().max(200).optional(),
      status: z.enum(['draft', 'posted']).optional(),
      // Only entries that should have a receipt and have none, with a total above this amount.
      withoutReceiptAbove: AmountOrZero.optional(),
      ...Paging,
    }),
  ),

  // receipts: photos or PDFs kept with the entry (checked before anything is booked).
  'money.received': method<{ id: number; number: number; ref: string }>()(
    z.object({ ...GuidedBase, into: AccountCode, category: AccountCode, receipts: ReceiptFiles.optional() }),
  ),
  'money.spent': method<{ id: number; number: number; ref: string }>()(
    z.object({ ...GuidedBase, from: AccountCode, category: AccountCode, receipts: ReceiptFiles.optional() }),
  ),
  'money.transfer': method<{ id: number; number: number; ref: string }>()(
    z.object({ date: IsoDate, description: NonEmpty(field.description, 500), amount: Amount, from: AccountCode, to: AccountCode }),
  ),

  'reports.trialBalance': booksReadMethods['reports.trialBalance'],
  'reports.generalLedger': booksReadMethods['reports.generalLedger'],
  'reports.ledgerPage': booksReadMethods['reports.ledgerPage'],
  'reports.journal': booksReadMethods['reports.journal'],
  'reports.dashboard': booksReadMethods['reports.dashboard'],

  'audit.verify': method<VerifyResult>()(z.object({
    /** A head kept outside the file (`count:hash`): prove the history up to it is unchanged. */
    since: z.string().trim().regex(/^\d{1,12}:[0-9a-fA-F]{12,64}$/, { message: 'Een kop heeft de vorm aantal:code, bijvoorbeeld 1234:3fa9c0d1e2b4.' }).optional(),
  })),
  'export.hledger': method<{ path: string; entries: number }>()(z.object({ path: FilePath, ...Period })),
} as const;
