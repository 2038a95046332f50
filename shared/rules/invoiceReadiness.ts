import type { BuyerParty, InvoiceDocument } from './invoiceModel';
import { Problems, requiredFieldsCheck, type FieldProblem } from './invoiceText';

/**
 * E-invoice readiness (issue 16): what keeps a sales invoice from being finalised, checked when the
 * draft is saved and again before "definitief" — not only when the UBL is made, because by then the
 * invoice is booked and can only be credited and issued again.
 *
 * Each problem has a stable code, a Dutch and an English message, the field and where it is fixed
 * (fixAt: the organisation settings, the contact, or the draft).
 */

/** A customer that receives e-invoices: a government body (OIN) or one marked for e-invoicing. */
export function wantsEInvoice(buyer: BuyerParty): boolean {
  return (buyer.oin?.trim() ?? '') !== '' || buyer.einvoice === true;
}

/** Problems that make an e-invoice (UBL, Peppol BIS 3.0) impossible even when the paper invoice is fine. */
export function eInvoiceProblems(doc: InvoiceDocument): FieldProblem[] {
  const { invoice, seller, buyer } = doc;
  const p = new Problems();
  const oin = buyer.oin?.trim() ?? '';
  const kvk = buyer.kvk?.trim() ?? '';
  if (oin === '' && kvk === '') {
    p.add('EINVOICE_BUYER_ENDPOINT', 'buyer.oin', 'Vul het OIN (bij een overheid) of het KvK-nummer van de klant in. Daarop komt de e-factuur aan.',
      "Fill in the customer's OIN (for a government body) or KvK number. The e-invoice is delivered to it.");
  }
  if (oin !== '' && !/^\d{20}$/.test(oin)) p.add('EINVOICE_BUYER_OIN_INVALID', 'buyer.oin', 'Het OIN van de klant moet uit 20 cijfers bestaan.', "The customer's OIN must have 20 digits.");
  if (kvk !== '' && !/^\d{8}$/.test(kvk)) p.add('EINVOICE_BUYER_KVK_INVALID', 'buyer.kvk', 'Het KvK-nummer van de klant moet uit 8 cijfers bestaan.', "The customer's KvK number must have 8 digits.");
  if (!invoice.buyerReference?.trim() && !invoice.orderReference?.trim()) {
    p.add('EINVOICE_REFERENCE_MISSING', 'invoice.orderReference', 'Vul het inkoopordernummer of de referentie van de klant in. Een e-factuur kan niet zonder.',
      "Fill in the customer's purchase order number or reference. An e-invoice cannot do without.");
  }
  if ((seller.vatStatus === 'exempt' || seller.vatStatus === 'kor') && !seller.vatNumber?.trim() && !seller.rsin?.trim()) {
    p.add('EINVOICE_SELLER_TAX_ID', 'seller.vatNumber', 'Vul het btw-nummer of het RSIN van de stichting in. Een e-factuur met vrijgestelde btw kan niet zonder.',
      "Fill in the foundation's VAT number or RSIN. An e-invoice with exempt VAT cannot do without.");
  }
  for (const [field, addr] of [['seller.address', seller.address], ['buyer.address', buyer.address]] as const) {
    const cc = addr?.countryCode?.trim();
    if (cc && !/^[A-Za-z]{2}$/.test(cc)) p.add('COUNTRY_CODE_INVALID', `${field}.countryCode`, 'De landcode moet uit 2 letters bestaan, bijvoorbeeld NL.', 'The country code must have 2 letters, for example NL.');
  }
  return p.list;
}

/**
 * Everything that blocks finalising: the legal invoice fields, plus the e-invoice rules for a
 * customer that receives e-invoices. The number is given on finalising, so it is never listed.
 */
export function invoiceReadiness(doc: InvoiceDocument): FieldProblem[] {
  const legal = requiredFieldsCheck(doc).filter((x) => x.code !== 'NUMBER_MISSING');
  const einvoice = wantsEInvoice(doc.buyer) ? eInvoiceProblems(doc) : [];
  const seen = new Set(legal.map((x) => x.field));
  return [...legal, ...einvoice.filter((x) => !seen.has(x.field))];
}
