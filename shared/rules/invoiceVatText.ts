import type { SellerParty } from './invoiceModel';
import { exemptionStatement, vatStatement } from './invoiceText';
import { ZERO_RATE_TEXT, type InvoiceCalculation } from './invoiceVat';

/**
 * The VAT sentences an invoice carries, in order, the same on the PDF and in the UBL note: the
 * statement of a non-liable administration (no VAT entrepreneur, exempt, KOR), or for a liable one
 * the exemption text when a line is exempt, and the legal text of each 0 % reason it uses
 * ("Intracommunautaire levering…", "Uitvoer buiten de EU…").
 */
export function vatTexts(seller: Pick<SellerParty, 'vatStatus' | 'vatStatements'>, calc: Pick<InvoiceCalculation, 'breakdown'>): string[] {
  const statement = vatStatement(seller.vatStatus, seller.vatStatements);
  if (statement) return [statement];
  const out: string[] = [];
  if (calc.breakdown.some((r) => r.rate === 'exempt')) out.push(exemptionStatement(seller.vatStatus, seller.vatStatements));
  for (const reason of ['intraCommunity', 'export'] as const) {
    if (calc.breakdown.some((r) => r.reason === reason)) out.push(ZERO_RATE_TEXT[reason]);
  }
  return out;
}
