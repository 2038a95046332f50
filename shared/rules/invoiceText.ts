import { KassaError } from '../errors';
import { formatEuro } from '../money';
import { formatIban, isValidIban } from '../validation/iban';
import { isValidKvk, isValidRsin } from '../validation/kvk';
import { formatDateNl, isIsoDate } from './invoiceDates';
import type { InvoiceDocument, PostalAddress, VatStatementSettings, VatStatus } from './invoiceModel';

/**
 * Texts and legal checks for sales invoices (DESIGN.md section 7).
 */

/** Default VAT statements per status. `liable` prints a VAT breakdown instead. */
export const DEFAULT_VAT_STATEMENTS: Readonly<Record<'none' | 'exempt' | 'kor', string>> = {
  none: 'Over dit bedrag is geen btw verschuldigd.',
  exempt: 'Vrijgesteld van btw op grond van artikel 11 Wet OB 1968.',
  kor: 'Vrijgesteld van btw (kleineondernemersregeling).',
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

/** Dutch VAT identification number ("btw-id"): NL + 9 digits + B + 2 digits. */
export function isValidDutchVatNumber(input: string): boolean {
  return /^NL\d{9}B\d{2}$/.test(input.replace(/[\s.]/g, '').toUpperCase());
}

export interface FieldProblem {
  /** Dot path of the field, e.g. "seller.kvk" or "invoice.lines.2.description". */
  field: string;
  /** Dutch, B1. */
  message: string;
}

function blank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function addressComplete(a: PostalAddress | null | undefined): boolean {
  return !!a && !blank(a.street) && !blank(a.postalCode) && !blank(a.city);
}

/**
 * Throw KassaError('INVALID_INPUT') when the list is not empty: the message is the first problem
 * (plus how many more), `field` its field, `details.problems` the whole list for the form.
 */
export function assertNoProblems(problems: FieldProblem[]): void {
  const first = problems[0];
  if (!first) return;
  const rest = problems.length - 1;
  const message = rest === 0 ? first.message : `${first.message} (En nog ${rest} ${rest === 1 ? 'ander punt' : 'andere punten'}.)`;
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
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string): void => {
    problems.push({ field, message });
  };

  // Seller (the foundation)
  if (blank(seller?.name)) add('seller.name', 'De naam van de stichting ontbreekt.');
  if (!addressComplete(seller?.address)) {
    add('seller.address', 'Het adres van de stichting is niet compleet. Vul straat en huisnummer, postcode en plaats in.');
  }
  if (blank(seller?.kvk)) add('seller.kvk', 'Het KvK-nummer van de stichting ontbreekt. Dat moet op elke factuur staan.');
  else if (!isValidKvk(seller.kvk)) add('seller.kvk', 'Het KvK-nummer van de stichting moet uit 8 cijfers bestaan.');
  if (seller?.rsin && !isValidRsin(seller.rsin)) add('seller.rsin', 'Het RSIN van de stichting klopt niet. Het heeft 9 cijfers.');
  if (seller?.vatStatus === 'liable') {
    if (blank(seller.vatNumber)) {
      add('seller.vatNumber', 'Het btw-nummer van de stichting ontbreekt. Dat moet op de factuur, omdat de stichting btw rekent.');
    } else if (!isValidDutchVatNumber(seller.vatNumber ?? '')) {
      add('seller.vatNumber', 'Het btw-nummer van de stichting heeft niet de juiste vorm. Voorbeeld: NL001234567B01.');
    }
  }
  if (blank(seller?.iban)) add('seller.iban', 'Het IBAN van de stichting ontbreekt. De klant weet dan niet waar hij moet betalen.');
  else if (!isValidIban(seller.iban)) add('seller.iban', 'Het IBAN van de stichting klopt niet.');

  // Buyer (the customer)
  if (blank(buyer?.name)) add('buyer.name', 'De naam van de klant ontbreekt.');
  if (!addressComplete(buyer?.address)) {
    add('buyer.address', 'Het adres van de klant is niet compleet. Vul straat en huisnummer, postcode en plaats in.');
  }

  // The invoice itself
  if (blank(invoice?.number)) add('invoice.number', 'Het factuurnummer ontbreekt.');
  if (blank(invoice?.issueDate)) add('invoice.issueDate', 'De factuurdatum ontbreekt.');
  else if (!isIsoDate(invoice.issueDate)) add('invoice.issueDate', `De factuurdatum "${invoice.issueDate}" is geen geldige datum.`);
  if (invoice?.supplyDate && !isIsoDate(invoice.supplyDate)) {
    add('invoice.supplyDate', `De leverdatum "${invoice.supplyDate}" is geen geldige datum.`);
  }
  if (invoice?.dueDate) {
    if (!isIsoDate(invoice.dueDate)) add('invoice.dueDate', `De vervaldatum "${invoice.dueDate}" is geen geldige datum.`);
    else if (isIsoDate(invoice.issueDate) && invoice.dueDate < invoice.issueDate) {
      add('invoice.dueDate', 'De vervaldatum ligt vóór de factuurdatum.');
    }
  }
  const lines = Array.isArray(invoice?.lines) ? invoice.lines : [];
  if (lines.length === 0) add('invoice.lines', 'De factuur heeft nog geen regels. Zet erop wat u levert.');
  lines.forEach((line, i) => {
    if (blank(line?.description)) add(`invoice.lines.${i}.description`, `Regel ${i + 1}: de omschrijving ontbreekt.`);
    if (blank(line?.quantity)) add(`invoice.lines.${i}.quantity`, `Regel ${i + 1}: het aantal ontbreekt.`);
  });
  if (invoice?.credit) {
    if (blank(invoice.originalInvoiceNumber)) {
      add('invoice.originalInvoiceNumber', 'Vul het nummer in van de factuur die deze creditfactuur corrigeert.');
    }
    if (invoice.originalInvoiceDate && !isIsoDate(invoice.originalInvoiceDate)) {
      add('invoice.originalInvoiceDate', `De datum van de oorspronkelijke factuur "${invoice.originalInvoiceDate}" is geen geldige datum.`);
    }
  }
  return problems;
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
