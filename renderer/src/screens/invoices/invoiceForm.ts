/**
 * The sales invoice form's state and how it becomes the API's draft input (with the form's own
 * checks, under the same field paths the API uses).
 */
import type { Invoice } from '../../../../shared/api/invoiceTypes';
import type { VatRate } from '../../../../shared/rules/invoiceModel';
import { amountForInput, dateNl, parseInputAmount, parseInputDate, toCents } from '../../format';
import { parseQuantity, quantityNl } from './common';
import { LINE_FIELDS, type LineForm } from './InvoiceLines';

export interface FormState {
  contact: string;
  issueDate: string;
  supplyDate: string;
  dueDate: string;
  buyerReference: string;
  orderReference: string;
  note: string;
  lines: LineForm[];
}

/** Fields that show their own error on this form; an error on any other field shows at the top. */
const FORM_FIELDS = new Set(['contact', 'issueDate', 'supplyDate', 'dueDate', 'orderReference', 'buyerReference', 'note']);
const LINE_FIELD_RE = new RegExp(`^lines\\.\\d+\\.(${LINE_FIELDS.join('|')})$`);

export function shownOnForm(field: string): boolean {
  return FORM_FIELDS.has(field) || LINE_FIELD_RE.test(field);
}

export function emptyLine(vatRate: VatRate, account: string): LineForm {
  return { description: '', quantity: '1', price: '', vatRate, account };
}

export function fromInvoice(inv: Invoice): FormState {
  return {
    contact: String(inv.contact.id),
    issueDate: dateNl(inv.issueDate),
    supplyDate: dateNl(inv.supplyDate),
    dueDate: dateNl(inv.dueDate),
    buyerReference: inv.buyerReference ?? '',
    orderReference: inv.orderReference ?? '',
    note: inv.note ?? '',
    lines: inv.lines.map((l) => ({
      description: l.description,
      quantity: quantityNl(l.quantity),
      price: amountForInput(toCents(l.unitPrice) ?? 0n),
      vatRate: l.vatRate,
      vatReason: l.vatReason ?? '',
      account: l.account,
      grant: l.grant,
      budgetLine: l.budgetLine,
    })),
  };
}

/** The form as the API wants it, or the client-side field errors (same field paths as the API's). */
export function toInput(f: FormState, id: number | null): { input: Record<string, unknown> } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const date = (v: string, field: string, required: boolean) => {
    if (v.trim() === '') {
      if (required) errors[field] = 'invoices.edit.dateInvalid';
      return null;
    }
    const iso = parseInputDate(v);
    if (!iso) errors[field] = 'invoices.edit.dateInvalid';
    return iso;
  };
  const issueDate = date(f.issueDate, 'issueDate', true);
  const supplyDate = date(f.supplyDate, 'supplyDate', false);
  const dueDate = date(f.dueDate, 'dueDate', false);
  const lines = f.lines.map((l, i) => {
    const quantity = parseQuantity(l.quantity);
    if (!quantity) errors[`lines.${i}.quantity`] = 'invoices.edit.quantityInvalid';
    // A minus in the price would be dropped without a word; the minus of a discount is in its quantity.
    const negative = l.price.trim().startsWith('-');
    const price = negative ? null : parseInputAmount(l.price);
    if (price === null) errors[`lines.${i}.unitPrice`] = negative ? 'invoices.edit.priceNegative' : 'invoices.edit.priceInvalid';
    // Asked here, in the language of the screen; the API refuses it too.
    if (l.vatRate === '0' && !l.vatReason) errors[`lines.${i}.vatReason`] = 'invoices.edit.reasonMissing';
    return {
      description: l.description,
      quantity: quantity ?? '1',
      unitPrice: price ?? '0.00',
      vatRate: l.vatRate,
      ...(l.vatRate === '0' && l.vatReason ? { vatReason: l.vatReason } : {}),
      ...(l.account ? { account: l.account } : {}),
      ...(l.grant ? { grant: l.grant } : {}),
      ...(l.budgetLine ? { budgetLine: l.budgetLine } : {}),
    };
  });
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      kind: 'sales',
      ...(id !== null ? { id } : {}),
      contact: Number(f.contact),
      issueDate,
      supplyDate,
      dueDate,
      buyerReference: f.buyerReference,
      orderReference: f.orderReference,
      note: f.note,
      lines,
    },
  };
}
