import { z } from 'zod';
import { AccountCode, Amount, AmountOrZero, IsoDate, Iban, Id, Kvk, NonEmpty, Paging } from './common';
import { method } from './define';
import { EU_VAT_PREFIXES, isValidEuVatNumber } from '../validation/vatNumber';
import { field, notText, tooLong } from './fieldTexts';
import { FileInput, FilePath } from './files';
import type { Said } from '../phrase';
import type {
  AttachmentData, Contact, ContactList, CreditResult, FileWritten, FinaliseResult, Invoice, InvoiceList, InvoiceSettings,
  OpenItems, PaymentResult, PdfData, SaveDraftResult,
} from './invoiceTypes';

/**
 * Contacts and invoices (issue 4). Sales and purchase invoices share the invoices.* methods; the
 * `kind` field ('sales' default, or 'purchase') says which. Sales invoices get their number when
 * finalised; a purchase invoice carries the supplier's own number. Credit notes are sales invoices
 * made with invoices.credit.
 */


/** Optional text: '' and null both mean "empty". */
const optText = (what: Said, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    z.string({ error: notText(what) }).trim().max(max, { message: tooLong(what, max) }).nullable(),
  ).optional();

const blankToNull = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema.nullable()).optional();

const Email = z.string().trim().max(200, { message: 'Het e-mailadres is te lang.' }).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: 'Dit e-mailadres klopt niet. Voorbeeld: naam@voorbeeld.nl.' });
const Oin = z.string().trim().regex(/^\d{20}$/, { message: 'Een OIN bestaat uit 20 cijfers.' });
const VatNumber = z
  .string()
  .transform((s) => s.replace(/[\s.]/g, '').toUpperCase())
  .refine((s) => /^[A-Z]{2}[0-9A-Z+*]{2,13}$/.test(s), { message: 'Dit btw-nummer heeft niet de juiste vorm. Voorbeeld: NL123456782B01.' })
  // A number of an EU member state must have that state's form (and a Dutch one its check digits).
  .refine((s) => !EU_VAT_PREFIXES.has(s.slice(0, 2)) || isValidEuVatNumber(s), {
    message: 'Dit btw-nummer klopt niet voor dit EU-land. Controleer de letters en cijfers (voorbeeld voor Nederland: NL123456782B01).',
  });
const Country = z.string().trim().regex(/^[A-Za-z]{2}$/, { message: 'De landcode heeft 2 letters, bijvoorbeeld NL.' }).transform((s) => s.toUpperCase());

export const ContactKind = z.enum(['customer', 'supplier', 'fund', 'other'], { error: 'Kies klant, leverancier, fonds of anders.' });
export const FundType = z.enum(['government', 'fund', 'lottery', 'company', 'private'], {
  error: 'Kies het soort fonds: overheid, fonds, loterij, bedrijf of particulier.',
});

const ContactFields = {
  name: NonEmpty(field.aName, 200),
  contactName: optText(field.attention, 200),
  street: optText(field.street, 200),
  postcode: optText(field.postcode, 20),
  city: optText(field.city, 100),
  country: Country.optional(),
  email: blankToNull(Email),
  phone: optText(field.phone, 50),
  kvk: blankToNull(Kvk),
  vatNumber: blankToNull(VatNumber),
  iban: blankToNull(Iban),
  oin: blankToNull(Oin),
  orderReference: optText(field.orderNumber, 100),
  einvoice: z.boolean({ error: 'Kies of deze klant e-facturen wil (ja of nee).' }).optional(),
  fundType: blankToNull(FundType),
  note: optText(field.note, 2000),
};

export const ContactInput = z.object({ kind: ContactKind, ...ContactFields });
export const ContactUpdateInput = z.object({ id: Id, kind: ContactKind.optional(), ...ContactFields, name: NonEmpty(field.aName, 200).optional() });

const Quantity = z
  .string({ error: 'Vul een aantal in, bijvoorbeeld "1" of "2.5".' })
  .trim()
  .regex(/^-?\d{1,9}(\.\d{1,4})?$/, { message: 'Het aantal is geen geldig getal. Gebruik een punt en hoogstens 4 decimalen, bijvoorbeeld "1.5".' });

export const VatReasonInput = z.enum(['intraCommunity', 'export', 'zeroRated'], {
  error: 'Kies een reden voor 0% btw: intracommunautaire levering, uitvoer buiten de EU of ander 0%-tarief.',
});

export const VatRateInput = z.enum(['21', '9', '0', 'exempt', 'none'], { error: 'Kies een btw-tarief: 21, 9, 0, vrijgesteld of geen btw.' });

export const SalesLineInput = z.object({
  description: NonEmpty(field.description, 500),
  quantity: Quantity.default('1'),
  unitPrice: AmountOrZero,
  /** Default: 'none' (no VAT). A VAT-liable administration must choose. */
  vatRate: VatRateInput.optional(),
  /** Required with 0 %: intra-community supply (K), export (G) or another 0 % supply (Z). */
  vatReason: VatReasonInput.nullable().optional(),
  /** Income account; default from the settings (8400). */
  account: AccountCode.optional(),
  grant: Id.optional(),
  budgetLine: Id.optional(),
});

export const PurchaseLineInput = z.object({
  description: NonEmpty(field.description, 500),
  /** Expense (or asset) account. */
  account: AccountCode,
  /** Excl. VAT when VAT-liable; otherwise the whole amount of the line. */
  amount: Amount,
  /** VAT on this line as on the supplier's invoice; only for a VAT-liable administration. */
  vat: AmountOrZero.optional(),
  grant: Id.optional(),
  budgetLine: Id.optional(),
});

/** An attachment: see FileInput (a path, or the bytes as base64). */
export const AttachmentInput = FileInput;

const DraftBase = {
  id: Id.optional(),
  contact: Id,
  issueDate: IsoDate,
  dueDate: blankToNull(IsoDate),
  note: optText(field.note, 2000),
  /**
   * A purchase paid on the spot (cash, or the PIN card): the kas or bank account it was paid from.
   * Kept with the draft; finalising books the payment with it on the invoice date and gives no due
   * date. null or left out: still to be paid. Refused on a sales invoice (here in the shared base so
   * that it is refused there, not silently dropped).
   */
  paidFrom: blankToNull(AccountCode),
};

export const SalesDraftInput = z.object({
  kind: z.literal('sales'),
  ...DraftBase,
  supplyDate: blankToNull(IsoDate),
  buyerReference: optText(field.customerReference, 100),
  orderReference: optText(field.orderNumber, 100),
  lines: z.array(SalesLineInput).min(1, { message: 'Een factuur heeft minstens één regel.' }).max(500, { message: 'Een factuur heeft hoogstens 500 regels.' }),
});

export const PurchaseDraftInput = z.object({
  kind: z.literal('purchase'),
  ...DraftBase,
  number: NonEmpty(field.supplierInvoiceNumber, 50),
  lines: z.array(PurchaseLineInput).min(1, { message: 'Een factuur heeft minstens één regel.' }).max(500, { message: 'Een factuur heeft hoogstens 500 regels.' }),
  /** New attachment; null removes it; left out keeps what the draft had. */
  attachment: AttachmentInput.nullable().optional(),
});

const withSalesDefault = (v: unknown): unknown =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && (v as { kind?: unknown }).kind === undefined ? { ...(v as object), kind: 'sales' } : v;

export const DraftInput = z.preprocess(withSalesDefault, z.discriminatedUnion('kind', [SalesDraftInput, PurchaseDraftInput], { error: 'Kies verkoop of inkoop.' }));

export const InvoiceStatusFilter = z.enum(['draft', 'final', 'open', 'paid', 'overdue'], {
  error: 'Kies concept, definitief, open, betaald of te laat.',
});

const VatStatementsInput = z.object({
  none: z.string().trim().max(300).optional(),
  exempt: z.string().trim().max(300).optional(),
  kor: z.string().trim().max(300).optional(),
});

export const invoicesMethods = {
  'contacts.list': method<ContactList>()(
    z.object({
      kind: z.union([ContactKind, z.array(ContactKind)]).optional(),
      search: z.string().max(200).optional(),
      includeArchived: z.boolean().optional(),
      ...Paging,
    }),
  ),
  'contacts.get': method<Contact>()(z.object({ id: Id })),
  'contacts.create': method<Contact>()(ContactInput),
  'contacts.update': method<Contact>()(ContactUpdateInput),
  'contacts.archive': method<Contact>()(z.object({ id: Id, archived: z.boolean().optional() })),

  'invoices.list': method<InvoiceList>()(
    z.object({
      kind: z.enum(['sales', 'purchase']).optional(),
      status: InvoiceStatusFilter.optional(),
      contact: Id.optional(),
      search: z.string().max(200).optional(),
      from: IsoDate.optional(),
      to: IsoDate.optional(),
      ...Paging,
    }),
  ),
  'invoices.get': method<Invoice>()(z.object({ id: Id })),
  'invoices.saveDraft': method<SaveDraftResult>()(DraftInput),
  'invoices.deleteDraft': method<{ deleted: boolean }>()(z.object({ id: Id })),
  /** A purchase saved with paidFrom is booked together with its payment and gets no due date. */
  'invoices.finalise': method<FinaliseResult>()(z.object({ id: Id })),
  'invoices.credit': method<CreditResult>()(
    z.object({
      /** The final sales invoice to correct. */
      id: Id,
      date: IsoDate.optional(),
      /** Lines with negative quantities; left out = credit every line of the original in full. */
      lines: z.array(SalesLineInput).min(1).max(500).optional(),
      note: optText(field.note, 2000),
      /** Default true: number and book the credit note at once. false leaves a draft to check first. */
      finalise: z.boolean().optional(),
    }),
  ),
  'invoices.pdf': method<FileWritten>()(z.object({ id: Id, path: FilePath })),
  'invoices.pdfData': method<PdfData>()(
    z.union([z.object({ id: Id }), z.object({ draft: DraftInput })], { error: 'Geef een factuur (id) of een concept (draft).' }),
  ),
  'invoices.ubl': method<FileWritten>()(z.object({ id: Id, path: FilePath })),
  'invoices.attachment': method<AttachmentData>()(z.object({ id: Id, path: FilePath.optional() })),
  'invoices.registerPayment': method<PaymentResult>()(
    z.object({
      invoice: Id,
      /** Link an existing posted bank entry that already books this money on 1300 (or 1400). */
      bankEntry: Id.optional(),
      /** Or post a new bank entry: the date, the bank/cash account (default 1100) and the amount (default what is open). */
      date: IsoDate.optional(),
      account: AccountCode.optional(),
      amount: Amount.optional(),
      description: z.string().trim().max(500).optional(),
    }),
  ),
  'invoices.reversePayment': method<PaymentResult>()(z.object({ payment: Id, date: IsoDate.optional() })),
  'invoices.openItems': method<OpenItems>()(
    z.object({ date: IsoDate.optional(), kind: z.enum(['sales', 'purchase']).optional(), contact: Id.optional() }),
  ),
  'invoices.reminderPdf': method<FileWritten & { invoices: number; total: string }>()(
    z
      .object({
        contact: Id.optional(),
        ids: z.array(Id).min(1).max(200).optional(),
        path: FilePath,
        date: IsoDate.optional(),
        level: z.number().int().min(1).max(3).optional(),
        payWithinDays: z.number().int().min(1).max(365).optional(),
        note: optText(field.extraText, 1000),
      })
      .refine((v) => v.contact !== undefined || v.ids !== undefined, { message: 'Kies een klant of de facturen voor de herinnering.', path: ['contact'] }),
  ),
  'invoices.settings.get': method<InvoiceSettings>()(z.object({})),
  'invoices.settings.set': method<InvoiceSettings>()(
    z.object({
      numberFormat: z.string().trim().max(60).optional(),
      paymentDays: z.number({ error: 'Vul een aantal dagen in.' }).int().min(0, { message: 'De betaaltermijn kan niet negatief zijn.' }).max(365, { message: 'De betaaltermijn is hoogstens 365 dagen.' }).optional(),
      reminderDays: z.number().int().min(1).max(365).optional(),
      vatStatements: VatStatementsInput.optional(),
      defaultIncomeAccount: AccountCode.optional(),
      bic: blankToNull(z.string().trim().transform((s) => s.replace(/\s+/g, '').toUpperCase()).refine((s) => /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(s), { message: 'Een BIC heeft 8 of 11 tekens, bijvoorbeeld ABNANL2A.' })),
      /** PNG or JPEG as base64 (≤ 2 MB); null removes the logo. */
      logo: z.string().max(3_000_000, { message: 'Het logo is groter dan 2 MB.' }).nullable().optional(),
    }),
  ),
} as const;
