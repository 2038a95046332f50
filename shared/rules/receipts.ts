/**
 * Which entries should carry a receipt (bonnetje). Money that came in or went out through the
 * guided screens, a bank line or a manual entry needs proof; entries whose proof lives elsewhere do
 * not: an invoice keeps its own document (also its payments), a volunteer payment its own receipt,
 * and the opening balance, year-end closing, transfers between own accounts and reversals are made
 * by the books themselves.
 */
export const RECEIPT_SOURCES = ['manual', 'money.received', 'money.spent', 'import'] as const;

export function needsReceipt(source: string): boolean {
  return (RECEIPT_SOURCES as readonly string[]).includes(source);
}
