import Decimal from 'decimal.js';
import { centsToString } from '../../../shared/money';
import { normaliseIban } from '../../../shared/validation/iban';
import { daysBetween, dueDateOf, formatDateNl } from '../../../shared/rules/invoiceDates';
import type { BuyerParty, InvoiceData, PostalAddress, SellerParty, VatRate, VatReason } from '../../../shared/rules/invoiceModel';
import { assertNoProblems, exemptionStatement, requiredFieldsCheck, vatStatement, type FieldProblem } from '../../../shared/rules/invoiceText';
import { eInvoiceProblems } from '../../../shared/rules/invoiceReadiness';
import { calculateInvoice, checkZeroRateBuyer, vatCategory, VAT_PERCENT, ZERO_RATE_TEXT, type InvoiceCalculation } from '../../../shared/rules/invoiceVat';
import { vatTexts } from '../../../shared/rules/invoiceVatText';
import { leaf, node, toXmlString, type XmlChild, type XmlElement } from './xml';

/**
 * UBL 2.1 e-invoice (Invoice, or CreditNote for a credit note) following Peppol BIS Billing 3.0,
 * which is what SI-UBL 2.0 and Dutch government bodies accept. Element order follows the UBL 2.1
 * XSD sequences (checked by the tests with xmllint against the OASIS schemas).
 *
 * Choices:
 * - VAT categories: S (21/9); 0 % by its reason: K (intra-community supply, with the buyer's VAT
 *   number, the delivery date and country), G (export outside the EU), Z (another 0 % supply);
 *   E (exempt, also the KOR since 2020, with the exemption text); O (not subject: the
 *   administration is no VAT entrepreneur). Category O forbids any VAT identifier of seller or
 *   buyer (BR-O-02), so none is written for it. E, K and G carry their legal text as the
 *   exemption reason; Z and S carry none (BR-Z-10, BR-S-10).
 * - A discount line has a negative quantity and a positive price (BR-27: the price is never negative).
 * - A credit note carries positive amounts: in Peppol the document type already says "credit"
 *   (a negative amount on a CreditNote would mean a debit). Our own credit notes are negative.
 * - No PaymentMeans/PaymentTerms on a credit note: the customer has nothing to pay.
 */

const NS_INVOICE = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
const NS_CREDIT_NOTE = 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2';
const NS_CAC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
const NS_CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';

export const PEPPOL_CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PEPPOL_PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

/** ISO 6523 ICD scheme of the KvK number. */
export const SCHEME_KVK = '0106';
/** ISO 6523 ICD scheme of the Dutch government's OIN. */
export const SCHEME_OIN = '0190';


const cleanId = (s: string): string => s.replace(/[\s.]/g, '').toUpperCase();

/** Problems that make an e-invoice impossible even when the paper invoice is fine. */
export function ublProblems(invoice: InvoiceData, seller: SellerParty, buyer: BuyerParty): FieldProblem[] {
  return eInvoiceProblems({ invoice, seller, buyer });
}

function address(a: PostalAddress, name = 'cac:PostalAddress'): XmlElement | null {
  return node(name, [
    leaf('cbc:StreetName', a.street),
    leaf('cbc:CityName', a.city),
    leaf('cbc:PostalZone', a.postalCode),
    node('cac:Country', [leaf('cbc:IdentificationCode', (a.countryCode?.trim() || 'NL').toUpperCase())]),
  ]);
}

function taxScheme(companyId: string, scheme: 'VAT' | 'TAX'): XmlElement | null {
  return node('cac:PartyTaxScheme', [leaf('cbc:CompanyID', companyId), node('cac:TaxScheme', [leaf('cbc:ID', scheme)])]);
}

function sellerParty(seller: SellerParty): XmlElement | null {
  const kvk = seller.kvk.trim();
  let tax: XmlElement | null = null;
  if (seller.vatStatus === 'liable' && seller.vatNumber) {
    tax = taxScheme(cleanId(seller.vatNumber), 'VAT');
  } else if (seller.vatStatus === 'exempt' || seller.vatStatus === 'kor') {
    // BR-E-02 wants the seller's VAT identifier or, failing that, a tax registration identifier
    // (BT-32: a PartyTaxScheme whose scheme is not VAT) — the RSIN is that fiscal number.
    tax = seller.vatNumber?.trim() ? taxScheme(cleanId(seller.vatNumber), 'VAT') : seller.rsin?.trim() ? taxScheme(seller.rsin.trim(), 'TAX') : null;
  }
  return node('cac:AccountingSupplierParty', [
    node('cac:Party', [
      leaf('cbc:EndpointID', kvk, { schemeID: SCHEME_KVK }),
      node('cac:PartyName', [leaf('cbc:Name', seller.name)]),
      address(seller.address),
      tax,
      node('cac:PartyLegalEntity', [leaf('cbc:RegistrationName', seller.name), leaf('cbc:CompanyID', kvk, { schemeID: SCHEME_KVK })]),
      node('cac:Contact', [leaf('cbc:Telephone', seller.phone), leaf('cbc:ElectronicMail', seller.email)]),
    ]),
  ]);
}

function buyerParty(buyer: BuyerParty, allowVatId: boolean): XmlElement | null {
  const oin = buyer.oin?.trim();
  const kvk = buyer.kvk?.trim();
  const endpoint = oin ? leaf('cbc:EndpointID', oin, { schemeID: SCHEME_OIN }) : leaf('cbc:EndpointID', kvk, { schemeID: SCHEME_KVK });
  const legalId = oin ? leaf('cbc:CompanyID', oin, { schemeID: SCHEME_OIN }) : kvk ? leaf('cbc:CompanyID', kvk, { schemeID: SCHEME_KVK }) : null;
  return node('cac:AccountingCustomerParty', [
    node('cac:Party', [
      endpoint,
      node('cac:PartyName', [leaf('cbc:Name', buyer.name)]),
      address(buyer.address),
      allowVatId && buyer.vatNumber?.trim() ? taxScheme(cleanId(buyer.vatNumber), 'VAT') : null,
      node('cac:PartyLegalEntity', [leaf('cbc:RegistrationName', buyer.name), legalId]),
      node('cac:Contact', [leaf('cbc:Name', buyer.contactName), leaf('cbc:ElectronicMail', buyer.email)]),
    ]),
  ]);
}

function taxCategory(elementName: string, rate: VatRate, vatReason: VatReason | null | undefined, reason: string | null): XmlElement | null {
  const category = vatCategory(rate, vatReason);
  const percent = VAT_PERCENT[rate];
  return node(elementName, [
    leaf('cbc:ID', category),
    // Category O carries no rate at all (BR-O-05 / BR-O-09); E, K and G carry 0.
    category === 'O' ? null : leaf('cbc:Percent', percent ?? '0'),
    category === 'S' || category === 'Z' ? null : leaf('cbc:TaxExemptionReason', reason),
    node('cac:TaxScheme', [leaf('cbc:ID', 'VAT')]),
  ]);
}

/** First line of a description, at most 100 characters: Peppol's item name. */
function itemName(description: string): string {
  const first = description.trim().split(/\r?\n/)[0]?.trim() ?? '';
  return first.length > 100 ? `${first.slice(0, 97)}...` : first;
}

/** Build the UBL document. Throws KassaError('INVALID_INPUT') listing what is missing. */
export function invoiceToUbl(invoice: InvoiceData, seller: SellerParty, buyer: BuyerParty): string {
  const problems = [...requiredFieldsCheck({ invoice, seller, buyer }), ...ublProblems(invoice, seller, buyer)];
  assertNoProblems(problems);

  const credit = invoice.credit === true;
  const calc: InvoiceCalculation = calculateInvoice(invoice.lines, seller.vatStatus, { credit });
  checkZeroRateBuyer(calc.lines, buyer);
  const sign = credit ? -1 : 1;
  const amt = (cents: number): string => centsToString(cents * sign || 0);
  const eur = (name: string, cents: number): XmlElement | null => leaf(name, amt(cents), { currencyID: 'EUR' });

  const statement = vatStatement(seller.vatStatus, seller.vatStatements);
  const exemptText = exemptionStatement(seller.vatStatus, seller.vatStatements);
  const reasonFor = (rate: VatRate, reason: VatReason | null): string | null =>
    rate === 'exempt' ? exemptText : rate === 'none' ? statement : reason === 'intraCommunity' || reason === 'export' ? ZERO_RATE_TEXT[reason] : null;
  const noteParts = [...vatTexts(seller, calc), invoice.note?.trim() || null].filter((s): s is string => !!s);
  const intraCommunity = calc.breakdown.some((r) => r.category === 'K');
  const allowBuyerVatId = !calc.breakdown.some((r) => r.rate === 'none');

  const root = credit ? 'CreditNote' : 'Invoice';
  const dueDate = dueDateOf(invoice);
  const iban = normaliseIban(seller.iban);

  const children: XmlChild[] = [
    leaf('cbc:CustomizationID', PEPPOL_CUSTOMIZATION_ID),
    leaf('cbc:ProfileID', PEPPOL_PROFILE_ID),
    leaf('cbc:ID', invoice.number),
    leaf('cbc:IssueDate', invoice.issueDate),
    credit ? null : leaf('cbc:DueDate', dueDate),
    credit ? leaf('cbc:CreditNoteTypeCode', '381') : leaf('cbc:InvoiceTypeCode', '380'),
    leaf('cbc:Note', noteParts.join('\n')),
    leaf('cbc:DocumentCurrencyCode', 'EUR'),
    leaf('cbc:BuyerReference', invoice.buyerReference),
    node('cac:OrderReference', [leaf('cbc:ID', invoice.orderReference)]),
    credit
      ? node('cac:BillingReference', [
          node('cac:InvoiceDocumentReference', [leaf('cbc:ID', invoice.originalInvoiceNumber), leaf('cbc:IssueDate', invoice.originalInvoiceDate)]),
        ])
      : null,
    sellerParty(seller),
    buyerParty(buyer, allowBuyerVatId),
    invoice.supplyDate || intraCommunity
      ? node('cac:Delivery', [
          // An intra-community supply names when and to which country it was delivered (BR-IC-11, BR-IC-12).
          leaf('cbc:ActualDeliveryDate', invoice.supplyDate || invoice.issueDate),
          intraCommunity ? node('cac:DeliveryLocation', [address(buyer.address, 'cac:Address')]) : null,
        ])
      : null,
    credit
      ? null
      : node('cac:PaymentMeans', [
          leaf('cbc:PaymentMeansCode', '58', { name: 'SEPA credit transfer' }),
          leaf('cbc:PaymentID', invoice.number),
          node('cac:PayeeFinancialAccount', [
            leaf('cbc:ID', iban),
            leaf('cbc:Name', seller.name),
            node('cac:FinancialInstitutionBranch', [leaf('cbc:ID', seller.bic?.replace(/\s+/g, '').toUpperCase())]),
          ]),
        ]),
    credit ? null : node('cac:PaymentTerms', [leaf('cbc:Note', paymentTermsNote(invoice.issueDate, dueDate))]),
    node('cac:TaxTotal', [
      eur('cbc:TaxAmount', calc.totals.vatCents),
      ...calc.breakdown.map((row) =>
        node('cac:TaxSubtotal', [eur('cbc:TaxableAmount', row.netCents), eur('cbc:TaxAmount', row.vatCents), taxCategory('cac:TaxCategory', row.rate, row.reason, reasonFor(row.rate, row.reason))]),
      ),
    ]),
    node('cac:LegalMonetaryTotal', [
      eur('cbc:LineExtensionAmount', calc.totals.netCents),
      eur('cbc:TaxExclusiveAmount', calc.totals.netCents),
      eur('cbc:TaxInclusiveAmount', calc.totals.grossCents),
      eur('cbc:PayableAmount', calc.totals.grossCents),
    ]),
    ...calc.lines.map((line, i) =>
      node(credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine', [
        leaf('cbc:ID', String(i + 1)),
        leaf(credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', new Decimal(line.quantity).times(sign).toFixed(), { unitCode: 'C62' }),
        eur('cbc:LineExtensionAmount', line.netCents),
        node('cac:Item', [
          itemName(line.description) !== line.description.trim() ? leaf('cbc:Description', line.description) : null,
          leaf('cbc:Name', itemName(line.description)),
          taxCategory('cac:ClassifiedTaxCategory', line.vatRate, line.vatReason, null),
        ]),
        node('cac:Price', [leaf('cbc:PriceAmount', centsToString(line.unitPriceCents), { currencyID: 'EUR' })]),
      ]),
    ),
  ];

  const rootEl = node(root, children, { xmlns: credit ? NS_CREDIT_NOTE : NS_INVOICE, 'xmlns:cac': NS_CAC, 'xmlns:cbc': NS_CBC });
  return toXmlString(rootEl as XmlElement);
}

function paymentTermsNote(issueDate: string, dueDate: string): string {
  return `Betalen binnen ${daysBetween(issueDate, dueDate)} dagen, uiterlijk ${formatDateNl(dueDate)}.`;
}
