/**
 * Output shapes of the invoices and contacts API. Amounts are decimal strings with a dot
 * ("1234.56"; negative on a credit note), dates YYYY-MM-DD, quantities decimal strings ("1.5").
 */
import type { BuyerParty, SellerParty, VatCategory, VatRate, VatReason, VatStatus } from '../rules/invoiceModel';
import type { AttachmentMime } from '../rules/attachmentKind';
import type { AgeBucket } from '../rules/openItems';

export type ContactKind = 'customer' | 'supplier' | 'fund' | 'other';
export type FundType = 'government' | 'fund' | 'lottery' | 'company' | 'private';

export interface Contact {
  id: number;
  kind: ContactKind;
  name: string;
  /** Attention line ("t.a.v."). */
  contactName: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  email: string | null;
  phone: string | null;
  kvk: string | null;
  vatNumber: string | null;
  iban: string | null;
  /** Government bodies: Organisatie-identificatienummer (20 digits), where e-invoices arrive. */
  oin: string | null;
  /** The purchase order reference this customer wants on every invoice. */
  orderReference: string | null;
  /** The customer wants e-invoices (UBL) even without an OIN. */
  einvoice: boolean;
  /** Only for kind 'fund'. */
  fundType: FundType | null;
  note: string | null;
  archived: boolean;
}

export interface ContactList {
  total: number;
  items: Contact[];
}

export type InvoiceKind = 'sales' | 'purchase';

/**
 * Where an invoice stands: draft; open (nothing paid yet); partial; paid; credited (settled by
 * credit notes, with or without payments); refund (more paid or credited than invoiced: money goes
 * back); creditNote (a credit note itself: it settles its original, it is never open on its own).
 */
export type InvoiceState = 'draft' | 'open' | 'partial' | 'paid' | 'credited' | 'refund' | 'creditNote';

export interface EntryRef {
  id: number;
  ref: string;
}

export interface InvoiceSummary {
  id: number;
  kind: InvoiceKind;
  status: 'draft' | 'final';
  state: InvoiceState;
  /** Sales: null until finalised. Purchase: the supplier's number. */
  number: string | null;
  credit: boolean;
  creditOf: number | null;
  creditOfNumber: string | null;
  contact: { id: number; name: string };
  issueDate: string;
  /** Null on a draft without an explicit due date (finalising fills it in), and on a purchase paid on the spot. */
  dueDate: string | null;
  /** A purchase paid on the spot (draft or final): the kas or bank account it was paid from. Never late. */
  paidFrom: string | null;
  net: string;
  vat: string;
  gross: string;
  /** Received (sales) or paid (purchase) so far; refunds count negative. */
  paid: string;
  /** Credited by final credit notes (sales). */
  credited: string;
  /** gross − paid − credited; 0.00 for drafts and credit notes. */
  open: string;
  overdue: boolean;
  daysOverdue: number;
  entry: EntryRef | null;
  hasAttachment: boolean;
}

export interface InvoiceList {
  total: number;
  items: InvoiceSummary[];
  /** Sums over every invoice that matches the filter (not only this page). */
  totals: { gross: string; open: string };
}

export interface InvoiceLine {
  position: number;
  description: string;
  quantity: string;
  unitPrice: string;
  vatRate: VatRate;
  /** Why 0 %: intra-community supply (K), export (G) or another 0 % supply (Z); null otherwise. */
  vatReason: VatReason | null;
  /** Quantity × unit price (excl. VAT). */
  net: string;
  /** Purchase lines: the VAT on the supplier's invoice. Sales lines: 0.00 (VAT is per rate). */
  vat: string;
  account: string;
  accountName: string;
  grant: number | null;
  budgetLine: number | null;
}

export interface VatRow {
  rate: VatRate;
  /** EN 16931 category: S, Z, K, G, E or O. */
  category: VatCategory;
  reason: VatReason | null;
  label: string;
  net: string;
  vat: string;
}

export interface InvoicePayment {
  id: number;
  date: string;
  amount: string;
  method: 'posted' | 'linked' | 'reversal';
  entry: EntryRef;
  bankEntry: EntryRef | null;
  reversalOf: number | null;
  reversedBy: number | null;
}

export interface AttachmentMeta {
  id: number;
  name: string;
  mime: AttachmentMime;
  size: number;
  sha256: string;
}

export interface FieldProblemOut {
  /** Stable code (e.g. SELLER_KVK_MISSING). */
  code: string;
  field: string;
  /** Where it is fixed: the organisation settings, the contact, or the draft. */
  fixAt: 'organisation' | 'contact' | 'draft';
  /** Dutch. */
  message: string;
  messageEn: string;
}

export interface Invoice extends InvoiceSummary {
  supplyDate: string | null;
  buyerReference: string | null;
  orderReference: string | null;
  note: string | null;
  vatStatus: VatStatus;
  lines: InvoiceLine[];
  breakdown: VatRow[];
  /** The VAT sentence printed on the invoice (null when VAT-liable: the breakdown is printed). */
  vatStatement: string | null;
  payments: InvoicePayment[];
  creditNotes: { id: number; number: string | null; issueDate: string; gross: string; status: 'draft' | 'final' }[];
  attachment: AttachmentMeta | null;
  /** As printed: the snapshot of a final invoice, the current data for a draft. */
  seller: SellerParty;
  buyer: BuyerParty;
  /** What still blocks finalising a draft (empty for a final invoice). */
  problems: FieldProblemOut[];
  finalisedAt: string | null;
}

export interface Warning {
  code: string;
  message: string;
}

export interface SaveDraftResult {
  id: number;
  gross: string;
  /** As saved: the kas or bank account of a purchase paid on the spot, or null. */
  paidFrom: string | null;
  /** What still blocks finalising (the draft is saved anyway). */
  problems: FieldProblemOut[];
}

export interface FinaliseResult {
  id: number;
  number: string;
  entry: EntryRef;
  gross: string;
  /** null: a purchase paid on the spot (its draft's paidFrom), which has no due date. */
  dueDate: string | null;
  warnings: Warning[];
}

export interface CreditResult {
  id: number;
  status: 'draft' | 'final';
  number: string | null;
  entry: EntryRef | null;
  gross: string;
  warnings: Warning[];
}

export interface PaymentResult {
  payment: number;
  entry: EntryRef;
  bankEntry: EntryRef | null;
  amount: string;
  open: string;
  state: InvoiceState;
  warnings: Warning[];
}

export interface OpenItem {
  id: number;
  kind: InvoiceKind;
  number: string | null;
  contact: { id: number; name: string };
  issueDate: string;
  /** null: paid on the spot (a cash or PIN purchase), never overdue. */
  dueDate: string | null;
  gross: string;
  paid: string;
  credited: string;
  open: string;
  ageDays: number;
  daysOverdue: number;
  bucket: AgeBucket;
}

export interface OpenItems {
  date: string;
  kind: InvoiceKind;
  items: OpenItem[];
  buckets: { bucket: AgeBucket; label: string; count: number; open: string }[];
  total: string;
}

export interface InvoiceSettings {
  numberFormat: string;
  /** The number the next sales invoice dated today would get. */
  nextNumber: string | null;
  paymentDays: number;
  reminderDays: number;
  /** The texts as set (empty string = the default is used). */
  vatStatements: { none: string; exempt: string; kor: string };
  defaultVatStatements: { none: string; exempt: string; kor: string };
  defaultIncomeAccount: string;
  bic: string | null;
  logo: { mime: 'image/png' | 'image/jpeg'; size: number } | null;
}

export interface FileWritten {
  path: string;
  bytes: number;
}

export interface PdfData {
  /** The PDF, base64. */
  base64: string;
  fileName: string;
  mime: 'application/pdf';
}

export interface AttachmentData extends AttachmentMeta {
  /** The file, base64 (only when no path was given). */
  base64: string | null;
  /** Where it was written (only when a path was given). */
  path: string | null;
}
