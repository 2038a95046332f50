import { KassaError } from '../errors';
import { formatEuro } from '../money';
import { formatIban, isValidIban } from '../validation/iban';
import { isValidKvk, isValidRsin } from '../validation/kvk';
import { isValidDutchVatNumber } from '../validation/vatNumber';
import { formatDateNl, isIsoDate } from './invoiceDates';
import type { InvoiceDocument, PostalAddress, VatStatementSettings, VatStatus } from './invoiceModel';

/**
 * Texts and legal checks for sales invoices (DESIGN.md section 7).
 */

/** Default VAT statements per status. `liable` prints a VAT breakdown instead. */
export const DEFAULT_VAT_STATEMENTS: Readonly<Record<'none' | 'exempt' | 'kor', string>> = {
  none: 'Over dit bedrag is geen btw verschuldigd.',
  exempt: 'Vrijgesteld van btw op grond van artikel 11 Wet OB 1968.',
  kor: 'Vrijgesteld van btw: kleineondernemersregeling (artikel 25 Wet OB 1968).',
};

/**
 * The statement printed instead of a VAT breakdown, for a non-liable administration.
 * A non-empty setting overrides the default. Returns null for a VAT-liable administration.
 */
export function vatStatement(status: VatStatus, settings?: VatStatementSettings | null): string | null {
  if (status === 'liable') return null;
  const custom = settings?.[status]?.trim();
  return custom ? custom : DEFAULT_VAT_STATEMENTS[status];
}

/**
 * The exemption text for exempt lines. For a liable administration that also has exempt lines,
 * this is the 'exempt' statement (the art. 11 text unless overridden).
 */
export function exemptionStatement(status: VatStatus, settings?: VatStatementSettings | null): string {
  return vatStatement(status === 'liable' ? 'exempt' : status, settings) ?? DEFAULT_VAT_STATEMENTS.exempt;
}

/** Dutch VAT identification number ("btw-id"), form and check digits: see validation/vatNumber. */
export { isValidDutchVatNumber } from '../validation/vatNumber';

/** Where the treasurer fixes a problem: the organisation settings, the contact, or the draft itself. */
export type FixAt = 'organisation' | 'contact' | 'draft';

export interface FieldProblem {
  /** Stable code, e.g. "SELLER_KVK_MISSING" (the form and the tests key on it, never on the text). */
  code: string;
  /** Dot path of the field, e.g. "seller.kvk" or "invoice.lines.2.description". */
  field: string;
  /** Where it is fixed: seller.* in the organisation settings, buyer.* on the contact, the rest on the draft. */
  fixAt: FixAt;
  /** Dutch, B1. */
  message: string;
  /** The same in English (the app's second language). */
  messageEn: string;
}

function blank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function addressComplete(a: PostalAddress | null | undefined): boolean {
  return !!a && !blank(a.street) && !blank(a.postalCode) && !blank(a.city);
}

export function fixAtOf(field: string): FixAt {
  if (field.startsWith('seller.')) return 'organisation';
  if (field.startsWith('buyer.')) return 'contact';
  return 'draft';
}

/** A problem list under construction. */
export class Problems {
  readonly list: FieldProblem[] = [];
  add(code: string, field: string, message: string, messageEn: string): void {
    this.list.push({ code, field, fixAt: fixAtOf(field), message, messageEn });
  }
}

/**
 * Throw KassaError('INVALID_INPUT') when the list is not empty: the message is the first problem
 * (plus how many more), `field` its field, `details.problems` the whole list for the form.
 */
export function assertNoProblems(problems: FieldProblem[], opts: { listAll?: boolean } = {}): void {
  const first = problems[0];
  if (!first) return;
  const rest = problems.length - 1;
  const message = opts.listAll && rest > 0
    ? `Deze factuur kan nog niet definitief worden. Dit ontbreekt nog:\n${problems.map((p) => `- ${p.message}`).join('\n')}`
    : rest === 0 ? first.message : `${first.message} (En nog ${rest} ${rest === 1 ? 'ander punt' : 'andere punten'}.)`;
  throw new KassaError('INVALID_INPUT', message, { field: first.field, details: { problems } });
}

/**
 * Lists what is missing or wrong for a legally valid invoice (empty list = fine).
 * Covers: seller name, address and KvK; buyer name and address; number; date; description and
 * quantity per line; a valid delivery date when one is given; the seller's VAT number when
 * VAT-liable; for a credit note the number of the original invoice. Also checks the IBAN the
 * payment instruction names.
 */
export function requiredFieldsCheck(doc: InvoiceDocument): FieldProblem[] {
  const { invoice, seller, buyer } = doc;
  const p = new Problems();

  // Seller (the foundation)
  if (blank(seller?.name)) p.add('SELLER_NAME_MISSING', 'seller.name', 'De naam van de stichting ontbreekt.', "The foundation's name is missing.");
  if (!addressComplete(seller?.address)) {
    p.add('SELLER_ADDRESS_INCOMPLETE', 'seller.address', 'Het adres van de stichting is niet compleet. Vul straat en huisnummer, postcode en plaats in.',
      "The foundation's address is incomplete. Fill in street and number, postcode and town.");
  }
  if (blank(seller?.kvk)) {
    p.add('SELLER_KVK_MISSING', 'seller.kvk', 'Het KvK-nummer van de stichting ontbreekt. Dat moet op elke factuur staan.',
      "The foundation's Chamber of Commerce (KvK) number is missing. It must be on every invoice.");
  } else if (!isValidKvk(seller.kvk)) {
    p.add('SELLER_KVK_INVALID', 'seller.kvk', 'Het KvK-nummer van de stichting moet uit 8 cijfers bestaan.', "The foundation's KvK number must have 8 digits.");
  }
  if (seller?.rsin && !isValidRsin(seller.rsin)) p.add('SELLER_RSIN_INVALID', 'seller.rsin', 'Het RSIN van de stichting klopt niet. Het heeft 9 cijfers.', "The foundation's RSIN is not valid. It has 9 digits.");
  if (seller?.vatStatus === 'liable') {
    if (blank(seller.vatNumber)) {
      p.add('SELLER_VAT_NUMBER_MISSING', 'seller.vatNumber', 'Het btw-nummer van de stichting ontbreekt. Dat moet op de factuur, omdat de stichting btw rekent.',
        "The foundation's VAT number is missing. It must be on the invoice because the foundation charges VAT.");
    } else if (!isValidDutchVatNumber(seller.vatNumber ?? '')) {
      p.add('SELLER_VAT_NUMBER_INVALID', 'seller.vatNumber', 'Het btw-nummer van de stichting klopt niet: controleer de cijfers. Voorbeeld: NL123456782B01.',
        "The foundation's VAT number is not valid: check the digits. Example: NL123456782B01.");
    }
  }
  if (blank(seller?.iban)) {
    p.add('SELLER_IBAN_MISSING', 'seller.iban', 'Het IBAN van de stichting ontbreekt. De klant weet dan niet waar hij moet betalen.',
      "The foundation's IBAN is missing. The customer would not know where to pay.");
  } else if (!isValidIban(seller.iban)) p.add('SELLER_IBAN_INVALID', 'seller.iban', 'Het IBAN van de stichting klopt niet.', "The foundation's IBAN is not valid.");

  // Buyer (the customer)
  if (blank(buyer?.name)) p.add('BUYER_NAME_MISSING', 'buyer.name', 'De naam van de klant ontbreekt.', "The customer's name is missing.");
  if (!addressComplete(buyer?.address)) {
    p.add('BUYER_ADDRESS_INCOMPLETE', 'buyer.address', 'Het adres van de klant is niet compleet. Vul straat en huisnummer, postcode en plaats in.',
      "The customer's address is incomplete. Fill in street and number, postcode and town.");
  }

  // The invoice itself
  if (blank(invoice?.number)) p.add('NUMBER_MISSING', 'invoice.number', 'Het factuurnummer ontbreekt.', 'The invoice number is missing.');
  if (blank(invoice?.issueDate)) p.add('ISSUE_DATE_MISSING', 'invoice.issueDate', 'De factuurdatum ontbreekt.', 'The invoice date is missing.');
  else if (!isIsoDate(invoice.issueDate)) {
    p.add('ISSUE_DATE_INVALID', 'invoice.issueDate', `De factuurdatum "${invoice.issueDate}" is geen geldige datum.`, `The invoice date "${invoice.issueDate}" is not a valid date.`);
  }
  if (invoice?.supplyDate && !isIsoDate(invoice.supplyDate)) {
    p.add('SUPPLY_DATE_INVALID', 'invoice.supplyDate', `De leverdatum "${invoice.supplyDate}" is geen geldige datum.`, `The delivery date "${invoice.supplyDate}" is not a valid date.`);
  }
  if (invoice?.dueDate) {
    if (!isIsoDate(invoice.dueDate)) {
      p.add('DUE_DATE_INVALID', 'invoice.dueDate', `De vervaldatum "${invoice.dueDate}" is geen geldige datum.`, `The due date "${invoice.dueDate}" is not a valid date.`);
    } else if (isIsoDate(invoice.issueDate) && invoice.dueDate < invoice.issueDate) {
      p.add('DUE_DATE_BEFORE_ISSUE', 'invoice.dueDate', 'De vervaldatum ligt vóór de factuurdatum.', 'The due date is before the invoice date.');
    }
  }
  const lines = Array.isArray(invoice?.lines) ? invoice.lines : [];
  if (lines.length === 0) p.add('NO_LINES', 'invoice.lines', 'De factuur heeft nog geen regels. Zet erop wat u levert.', 'The invoice has no lines yet. Add what you supply.');
  lines.forEach((line, i) => {
    if (blank(line?.description)) p.add('LINE_DESCRIPTION_MISSING', `invoice.lines.${i}.description`, `Regel ${i + 1}: de omschrijving ontbreekt.`, `Line ${i + 1}: the description is missing.`);
    if (blank(line?.quantity)) p.add('LINE_QUANTITY_MISSING', `invoice.lines.${i}.quantity`, `Regel ${i + 1}: het aantal ontbreekt.`, `Line ${i + 1}: the quantity is missing.`);
  });
  if (invoice?.credit) {
    if (blank(invoice.originalInvoiceNumber)) {
      p.add('CREDIT_ORIGINAL_MISSING', 'invoice.originalInvoiceNumber', 'Vul het nummer in van de factuur die deze creditfactuur corrigeert.',
        'Fill in the number of the invoice this credit note corrects.');
    }
    if (invoice.originalInvoiceDate && !isIsoDate(invoice.originalInvoiceDate)) {
      p.add('CREDIT_ORIGINAL_DATE_INVALID', 'invoice.originalInvoiceDate', `De datum van de oorspronkelijke factuur "${invoice.originalInvoiceDate}" is geen geldige datum.`,
        `The date of the original invoice "${invoice.originalInvoiceDate}" is not a valid date.`);
    }
  }
  return p.list;
}

/**
 * The payment sentence on an invoice or reminder:
 * "Betaal € 108,90 vóór 31-03-2025 op IBAN NL91 ABNA 0417 1643 00 t.n.v. Stichting X o.v.v. factuurnummer 2025-0001."
 */
export function paymentInstruction(p: { amountCents: number; dueDate: string; iban: string; payee: string; invoiceNumbers: string[] }): string {
  const numbers = p.invoiceNumbers.filter((n) => n.trim() !== '');
  const reference = numbers.length === 1 ? `factuurnummer ${numbers[0]}` : `factuurnummers ${numbers.join(', ')}`;
  return `Betaal ${formatEuro(p.amountCents)} vóór ${formatDateNl(p.dueDate)} op IBAN ${formatIban(p.iban)} t.n.v. ${p.payee.trim()} o.v.v. ${reference}.`;
}

/** "Creditfactuur bij factuur 2025-0001 van 01-03-2025." */
export function creditNoteReference(originalNumber: string, originalDate?: string | null): string {
  return `Creditfactuur bij factuur ${originalNumber.trim()}${originalDate ? ` van ${formatDateNl(originalDate)}` : ''}.`;
}

/** What the customer reads on a credit note instead of a payment request. */
export function creditNoteSettlement(amountCents: number): string {
  return `Wij betalen ${formatEuro(Math.abs(amountCents))} aan u terug, of verrekenen dit bedrag met een openstaande factuur.`;
}
