import type { Books } from '../../db/books';
import { PAYABLES, RECEIVABLES, VAT_ACCOUNT } from '../invoices/finalise';
import { VAT_PERCENT } from '../../../shared/rules/invoiceVat';
import type { VatRate } from '../../../shared/rules/invoiceModel';
import { centsToString } from '../../../shared/money';
import { el } from './xafXml';

/**
 * What the XAF lines of a year know beyond account and amount, read once before streaming:
 * - `invRef`: the invoice number on every line of an invoice's own entry, and on the debtor or
 *   creditor line of a payment of exactly one invoice;
 * - `custSupID` for debtor/creditor lines that have no contact of their own but belong to an invoice;
 * - `vat`: the VAT on the VAT-account lines of invoice entries, per rate. Sales post one VAT line per
 *   rate; a purchase posts one VAT line for all its lines. The rate of each line is recomputed from
 *   the invoice lines and only written when the amounts agree to the cent — no guessed VAT.
 */

export interface VatPart { id: string; perc: string; cents: bigint }
/** The VAT elements of one expected VAT-account line; the line's amount must equal their sum. */
type VatSlot = VatPart[];

export interface XafRefs {
  invoiceOfEntry: Map<number, string>;
  paymentOfEntry: Map<number, string>;
  contactOfEntry: Map<number, number>;
  vatOfEntry: Map<number, VatSlot[]>;
}

export const VAT_CODES: Record<string, { desc: string; pay: boolean }> = {
  V21: { desc: 'Btw verkoop 21%', pay: true },
  V9: { desc: 'Btw verkoop 9%', pay: true },
  I21: { desc: 'Voorbelasting 21%', pay: false },
  I9: { desc: 'Voorbelasting 9%', pay: false },
  IX: { desc: 'Voorbelasting ander percentage', pay: false },
};

/** |cents| × pct / 100, rounded half away from zero (as the invoice rules round), with the sign of cents. */
function vatOf(cents: bigint, pct: bigint): bigint {
  const a = cents < 0n ? -cents : cents;
  const v = (a * pct + 50n) / 100n;
  return cents < 0n ? -v : v;
}

function salesSlots(lines: { vat_rate: VatRate; net_cents: number }[]): VatSlot[] {
  const net = new Map<string, bigint>();
  for (const l of lines) {
    const pct = VAT_PERCENT[l.vat_rate];
    if (pct === null || pct === '0') continue;
    net.set(pct, (net.get(pct) ?? 0n) + BigInt(l.net_cents));
  }
  const slots: VatSlot[] = [];
  for (const [pct, n] of net) {
    const vat = vatOf(n, BigInt(pct));
    // Sales VAT is owed: a credit on the VAT account (a debit on a credit note).
    if (vat !== 0n) slots.push([{ id: `V${pct}`, perc: pct, cents: -vat }]);
  }
  return slots;
}

/** vat / net as a percentage with 3 decimals (XSD Decimal8: at most 99999.999), or null when it does not fit. */
function percText(vat: bigint, net: bigint): string | null {
  const abs = (x: bigint) => (x < 0n ? -x : x);
  if (net === 0n) return null;
  const thousandths = (abs(vat) * 100_000n) / abs(net);
  if (thousandths > 99_999_999n) return null;
  return `${thousandths / 1000n}.${String(thousandths % 1000n).padStart(3, '0')}`;
}

function purchaseSlot(lines: { net_cents: number; vat_cents: number }[]): VatSlot[] {
  const parts = new Map<string, VatPart & { net: bigint }>();
  for (const l of lines) {
    if (l.vat_cents === 0) continue;
    const net = BigInt(l.net_cents);
    const vat = BigInt(l.vat_cents);
    const id = vatOf(net, 21n) === vat ? 'I21' : vatOf(net, 9n) === vat ? 'I9' : 'IX';
    const p = parts.get(id) ?? { id, perc: id.slice(1), cents: 0n, net: 0n };
    p.cents += vat;
    p.net += net;
    parts.set(id, p);
  }
  const out: VatPart[] = [];
  for (const p of parts.values()) {
    // A rate the two Dutch rates don't explain: the effective percentage of the group.
    const perc = p.id !== 'IX' ? p.perc : percText(p.cents, p.net);
    if (perc === null) return [];
    out.push({ id: p.id, perc, cents: p.cents });
  }
  return out.length ? [out] : [];
}

export function readXafRefs(books: Books, year: number): XafRefs {
  const invoices = books
    .raw(
      `SELECT i.id, i.kind, i.number, i.entry_id, i.contact_id FROM invoices i JOIN entries e ON e.id = i.entry_id
       WHERE i.status = 'final' AND e.year = ? AND e.status = 'posted'`,
    )
    .all(year) as { id: number; kind: 'sales' | 'purchase'; number: string | null; entry_id: number; contact_id: number }[];
  const refs: XafRefs = { invoiceOfEntry: new Map(), paymentOfEntry: new Map(), contactOfEntry: new Map(), vatOfEntry: new Map() };
  if (invoices.length > 0) {
    const lines = books
      .raw('SELECT invoice_id, vat_rate, net_cents, vat_cents FROM invoice_lines WHERE invoice_id IN (SELECT value FROM json_each(?)) ORDER BY invoice_id, position')
      .all(JSON.stringify(invoices.map((i) => i.id))) as { invoice_id: number; vat_rate: VatRate; net_cents: number; vat_cents: number }[];
    const byInvoice = new Map<number, typeof lines>();
    for (const l of lines) byInvoice.set(l.invoice_id, [...(byInvoice.get(l.invoice_id) ?? []), l]);
    for (const i of invoices) {
      if (i.number) refs.invoiceOfEntry.set(i.entry_id, i.number);
      refs.contactOfEntry.set(i.entry_id, i.contact_id);
      const il = byInvoice.get(i.id) ?? [];
      const slots = i.kind === 'sales' ? salesSlots(il) : purchaseSlot(il);
      if (slots.length) refs.vatOfEntry.set(i.entry_id, slots);
    }
  }
  const payments = books
    .raw(
      `SELECT p.entry_id, i.number, i.contact_id FROM invoice_payments p JOIN invoices i ON i.id = p.invoice_id JOIN entries e ON e.id = p.entry_id
       WHERE e.year = ? AND e.status = 'posted'`,
    )
    .all(year) as { entry_id: number; number: string | null; contact_id: number }[];
  const seen = new Map<number, { number: string | null; contact: number } | null>();
  for (const p of payments) {
    const prev = seen.get(p.entry_id);
    if (prev === undefined) seen.set(p.entry_id, { number: p.number, contact: p.contact_id });
    else if (prev !== null && (prev.number !== p.number || prev.contact !== p.contact_id)) seen.set(p.entry_id, null); // several invoices: no single reference
  }
  for (const [entry, v] of seen) {
    if (v === null || refs.invoiceOfEntry.has(entry)) continue;
    if (v.number) refs.paymentOfEntry.set(entry, v.number);
    refs.contactOfEntry.set(entry, v.contact);
  }
  return refs;
}

/** Debtor and creditor accounts: the lines an auditor rebuilds the sub-ledgers from. */
export function isControlAccount(code: string): boolean {
  return code === RECEIVABLES || code === PAYABLES;
}

export function isVatAccount(code: string): boolean {
  return code === VAT_ACCOUNT;
}

/** Take the expected VAT slot whose total equals this line's amount (signed, debit +), if any. */
export function takeVatSlot(slots: VatSlot[] | undefined, amount: bigint): VatSlot | null {
  if (!slots) return null;
  const i = slots.findIndex((s) => s.reduce((t, p) => t + p.cents, 0n) === amount);
  if (i < 0) return null;
  return slots.splice(i, 1)[0]!;
}

export function vatXml(slot: VatSlot): string {
  return slot
    .map((p) => `<vat>${el('vatID', p.id, 35)}<vatPerc>${p.perc}</vatPerc><vatAmnt>${centsToString(p.cents < 0n ? -p.cents : p.cents)}</vatAmnt><vatAmntTp>${p.cents < 0n ? 'C' : 'D'}</vatAmntTp></vat>`)
    .join('');
}

/** `<vatCodes>` with the codes the year's invoices use, or '' when there are none. */
export function vatCodesXml(refs: XafRefs): string {
  const used = new Set<string>();
  for (const slots of refs.vatOfEntry.values()) for (const s of slots) for (const p of s) used.add(p.id);
  if (used.size === 0) return '';
  const codes = Object.entries(VAT_CODES).filter(([id]) => used.has(id));
  return (
    '<vatCodes>\n' +
    codes.map(([id, c]) => `<vatCode>${el('vatID', id, 35)}${el('vatDesc', c.desc, 999)}${el(c.pay ? 'vatToPayAccID' : 'vatToClaimAccID', VAT_ACCOUNT, 35)}</vatCode>\n`).join('') +
    '</vatCodes>\n'
  );
}
