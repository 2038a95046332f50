/**
 * The plain invoice object the document layer works on (PDF, UBL, EPC QR, checks).
 * No database ids, no storage concerns: the invoices service maps its rows onto these types.
 * Dates are ISO calendar dates ("2025-03-31"); money is integer cents; quantities are decimal
 * strings with a dot ("1.5").
 */

/** VAT status of the administration (DESIGN.md section 3 and 7). */
export type VatStatus = 'none' | 'exempt' | 'kor' | 'liable';

/**
 * VAT rate of one invoice line. '21' | '9' | '0' are percentages (only for a VAT-liable
 * administration); 'exempt' = exempt supply (art. 11 Wet OB 1968); 'none' = no VAT at all
 * (not a VAT entrepreneur, or the small-business scheme).
 */
export type VatRate = '21' | '9' | '0' | 'exempt' | 'none';

/**
 * Why a line carries 0 % VAT (only with rate '0'; required there). The Dutch 0 % rate (tabel II Wet
 * OB 1968) is mostly these two: an intra-community supply (EN 16931 category K) and an export
 * outside the EU (category G). 'zeroRated' (category Z) is the rest of tabel II (e.g. supplies for
 * sea-going ships or goods under a customs arrangement): EN 16931 reserves Z for goods a member
 * state taxes at a zero rate, and a Dutch supply taxed at 0 % that is neither K nor G is exactly that.
 */
export type VatReason = 'intraCommunity' | 'export' | 'zeroRated';
export const VAT_REASONS: readonly VatReason[] = ['intraCommunity', 'export', 'zeroRated'];

/** EN 16931 VAT category code (UNCL5305 subset) of a line. */
export type VatCategory = 'S' | 'Z' | 'K' | 'G' | 'E' | 'O';

export const VAT_RATES: readonly VatRate[] = ['21', '9', '0', 'exempt', 'none'];
export const VAT_STATUSES: readonly VatStatus[] = ['none', 'exempt', 'kor', 'liable'];

export interface InvoiceLineInput {
  description: string;
  /** Decimal string with a dot, e.g. "1.5". Negative for a discount line (or on a credit note). */
  quantity: string;
  /** Price per unit excluding VAT, integer cents, never negative (a discount has a negative quantity). */
  unitPriceCents: number;
  vatRate: VatRate;
  /** Required with rate '0', never with another rate. */
  vatReason?: VatReason | null;
}

export interface PostalAddress {
  /** Street and house number, e.g. "Dorpsstraat 12a". */
  street: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2, default "NL". */
  countryCode?: string;
}

/** Wording of the VAT statement per status; missing entries fall back to the defaults. */
export type VatStatementSettings = Partial<Record<'none' | 'exempt' | 'kor', string>>;

/** The foundation that issues the invoice (the administration's organisation record). */
export interface SellerParty {
  name: string;
  address: PostalAddress;
  /** KvK number, 8 digits. Required on every invoice. */
  kvk: string;
  /** RSIN (fiscal number, 9 digits). Optional. */
  rsin?: string | null;
  /** Btw-identificatienummer, e.g. "NL123456782B01". Required when VAT-liable. */
  vatNumber?: string | null;
  vatStatus: VatStatus;
  iban: string;
  bic?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  /** The administration's setting for the VAT statement texts (DESIGN.md section 7). */
  vatStatements?: VatStatementSettings | null;
}

/** The customer. */
export interface BuyerParty {
  name: string;
  address: PostalAddress;
  /** Attention line ("t.a.v."). */
  contactName?: string | null;
  /** KvK number, when the customer is a Dutch organisation. */
  kvk?: string | null;
  /** OIN (Organisatie-identificatienummer, 20 digits): Dutch government bodies receive e-invoices on it. */
  oin?: string | null;
  vatNumber?: string | null;
  email?: string | null;
  /** Wants e-invoices (UBL) although it has no OIN. */
  einvoice?: boolean;
}

export interface InvoiceData {
  /** Invoice number from the unbroken series, e.g. "2025-0012". */
  number: string;
  issueDate: string;
  /** Date of delivery, only when it differs from the issue date. */
  supplyDate?: string | null;
  /** Default: issue date + 30 days. */
  dueDate?: string | null;
  /** A credit note: own number, negative amounts, names the invoice it corrects. */
  credit?: boolean;
  originalInvoiceNumber?: string | null;
  originalInvoiceDate?: string | null;
  /** The customer's reference ("uw referentie"). */
  buyerReference?: string | null;
  /** The customer's purchase order number ("inkoopordernummer"), often required by municipalities. */
  orderReference?: string | null;
  /** Free text printed on the invoice. */
  note?: string | null;
  lines: InvoiceLineInput[];
}

/** Everything needed to draw or check one invoice. */
export interface InvoiceDocument {
  invoice: InvoiceData;
  seller: SellerParty;
  buyer: BuyerParty;
}
