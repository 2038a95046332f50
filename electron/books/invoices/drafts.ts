import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { DraftInput, PurchaseDraftInput, SalesDraftInput } from '../../../shared/api/invoices';
import type { FieldProblemOut, SaveDraftResult } from '../../../shared/api/invoiceTypes';
import { KassaError } from '../../../shared/errors';
import { centsToString, formatEuro, parseAmount } from '../../../shared/money';
import { formatDateNl } from '../../../shared/rules/invoiceDates';
import type { InvoiceData, InvoiceLineInput, VatRate, VatReason, VatStatus } from '../../../shared/rules/invoiceModel';
import { invoiceReadiness } from '../../../shared/rules/invoiceReadiness';
import { calculateInvoice, checkZeroRateReasons, type InvoiceCalculation } from '../../../shared/rules/invoiceVat';
import type { Books } from '../../db/books';
import type { ContactsTable } from '../../db/schema';
import type { AccountRef } from '../accounts';
import { appendAudit } from '../audit';
import { nowIso } from '../clock';
import { openYearFor } from '../years';
import { dropAttachmentIfUnused, readAttachmentSource, storeAttachment } from './attachments';
import { contactRow } from './contacts';
import { checkPaidFrom } from './paidFrom';
import { buyerOf, currentSeller, sellerParty } from './parties';
import { readConfig } from './settings';
import { said } from '../../../shared/phrase';

/**
 * Drafts: check, calculate and store what the treasurer typed. A draft may still miss legally
 * required fields (they are listed as `problems` and block finalising), but its VAT rates, accounts,
 * dates and year are checked on every save, so a draft can always be calculated and previewed.
 */

export type DraftIn = z.output<typeof DraftInput>;
type SalesIn = z.output<typeof SalesDraftInput>;
type PurchaseIn = z.output<typeof PurchaseDraftInput>;

export interface PreparedLine {
  position: number;
  description: string;
  quantity: string;
  unitPriceCents: number;
  vatRate: VatRate;
  vatReason: VatReason | null;
  netCents: number;
  vatCents: number;
  accountId: number;
  accountCode: string;
  grant: number | null;
  budgetLine: number | null;
}

export interface PreparedDraft {
  kind: 'sales' | 'purchase';
  contact: Selectable<ContactsTable>;
  issueDate: string;
  dueDate: string | null;
  supplyDate: string | null;
  buyerReference: string | null;
  orderReference: string | null;
  note: string | null;
  /** Purchase: the supplier's number. */
  number: string | null;
  creditOf: number | null;
  vatStatus: VatStatus;
  lines: PreparedLine[];
  netCents: number;
  vatCents: number;
  grossCents: number;
  calc: InvoiceCalculation | null;
  /** A purchase paid on the spot: the kas or bank account, checked. */
  paidFrom: AccountRef | null;
}

export const DRAFT_NUMBER = 'CONCEPT';

function tableExists(books: Books, name: string): boolean {
  return books.raw(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

/** A grant (and budget line) named on a line must exist, belong together and not be rejected. */
export function checkGrant(books: Books, grant: number | undefined | null, budgetLine: number | undefined | null, field: string): void {
  if (grant == null && budgetLine == null) return;
  if (grant == null) throw new KassaError('INVALID_INPUT', said('err.grant.chooseGrantFirst', 'Kies eerst de subsidie waar deze begrotingsregel bij hoort.'), { field: `${field}.grant` });
  if (!tableExists(books, 'grants')) throw new KassaError('NOT_FOUND', said('err.grant.notFound', 'Subsidie {{grant}} bestaat niet.', { grant }), { field: `${field}.grant` });
  const g = books.raw('SELECT status FROM grants WHERE id = ?').get(grant) as { status: string } | undefined;
  if (!g) throw new KassaError('NOT_FOUND', said('err.grant.notFound', 'Subsidie {{grant}} bestaat niet.', { grant }), { field: `${field}.grant` });
  if (g.status === 'rejected') throw new KassaError('INVALID_INPUT', said('err.grant.rejected', 'Deze subsidie is afgewezen. Daarop kunt u niets boeken.'), { field: `${field}.grant` });
  if (budgetLine != null) {
    const b = tableExists(books, 'grant_budget_lines') ? books.raw('SELECT grant_id FROM grant_budget_lines WHERE id = ?').get(budgetLine) as { grant_id: number } | undefined : undefined;
    if (!b) throw new KassaError('NOT_FOUND', said('err.grant.budgetLineNotFound', 'Begrotingsregel {{budgetLine}} bestaat niet.', { budgetLine }), { field: `${field}.budgetLine` });
    if (b.grant_id !== grant) throw new KassaError('INVALID_INPUT', said('err.grant.lineNotOfChosenGrant', 'Deze begrotingsregel hoort niet bij de gekozen subsidie.'), { field: `${field}.budgetLine` });
  }
}

interface AccountRow { id: number; code: string; name: string; type: string; kind: string | null; archived: number }

function lineAccount(books: Books, code: string, field: string, kind: 'sales' | 'purchase'): AccountRow {
  const a = books.first(books.db.selectFrom('accounts').select(['id', 'code', 'name', 'type', 'kind', 'archived']).where('code', '=', code)) as AccountRow | undefined;
  if (!a) throw new KassaError('UNKNOWN_ACCOUNT', said('err.account.unknownChoose', 'Rekening {{code}} bestaat niet. Kies een rekening uit het rekeningschema.', { code }), { field });
  if (a.archived) throw new KassaError('ACCOUNT_ARCHIVED', said('err.account.archivedChooseOther', 'Rekening {{code}} ({{name}}) is gearchiveerd. Kies een andere rekening.', { code, name: a.name }), { field });
  if (kind === 'sales' && a.type !== 'income') {
    throw new KassaError('INVALID_INPUT', said('err.invoice.notIncomeAccount', 'Rekening {{code}} ({{name}}) is geen opbrengstenrekening. Kies waar de opbrengst bij hoort, bijvoorbeeld 8400.', { code, name: a.name }), { field });
  }
  if (kind === 'purchase' && !(a.type === 'expense' || (a.type === 'asset' && a.kind === null && a.code !== '1300'))) {
    throw new KassaError('INVALID_INPUT', said('err.invoice.notCostAccount', 'Rekening {{code}} ({{name}}) is geen kostenrekening. Kies waar de kosten bij horen, bijvoorbeeld 4300.', { code, name: a.name }), { field });
  }
  return a;
}

function checkDates(issueDate: string, dueDate: string | null | undefined): void {
  if (dueDate && dueDate < issueDate) {
    throw new KassaError('INVALID_INPUT', said('err.invoice.dueBeforeIssue', 'De vervaldatum ({{dueDate}}) ligt vóór de factuurdatum ({{issueDate}}).', { dueDate: formatDateNl(dueDate), issueDate: formatDateNl(issueDate) }), { field: 'dueDate' });
  }
}

function orgVatStatus(books: Books): VatStatus {
  const o = books.first(books.db.selectFrom('organisation').select('vat_status'));
  return o?.vat_status ?? 'none';
}

function prepareSales(books: Books, input: SalesIn, creditOf: number | null): PreparedDraft {
  const config = readConfig(books);
  const vatStatus = orgVatStatus(books);
  const accounts = input.lines.map((l, i) => lineAccount(books, l.account ?? config.defaultIncomeAccount, `lines.${i}.account`, 'sales'));
  input.lines.forEach((l, i) => checkGrant(books, l.grant, l.budgetLine, `lines.${i}`));
  const docLines: InvoiceLineInput[] = input.lines.map((l) => ({
    description: l.description,
    quantity: l.quantity,
    unitPriceCents: parseAmount(l.unitPrice, 'unitPrice', { allowZero: true }),
    vatRate: l.vatRate ?? 'none',
    vatReason: l.vatReason ?? null,
  }));
  const calc = calculateInvoice(docLines, vatStatus, { credit: creditOf !== null });
  const contact = contactRow(books, input.contact);
  checkZeroRateReasons(calc.lines, buyerOf(contact));
  const lines: PreparedLine[] = calc.lines.map((l, i) => ({
    position: i + 1,
    description: l.description,
    quantity: l.quantity,
    unitPriceCents: l.unitPriceCents,
    vatRate: l.vatRate,
    vatReason: l.vatReason ?? null,
    netCents: l.netCents,
    vatCents: 0,
    accountId: accounts[i]!.id,
    accountCode: accounts[i]!.code,
    grant: input.lines[i]!.grant ?? null,
    budgetLine: input.lines[i]!.budgetLine ?? null,
  }));
  return {
    kind: 'sales', contact, issueDate: input.issueDate, dueDate: input.dueDate ?? null,
    supplyDate: input.supplyDate ?? null, buyerReference: input.buyerReference ?? null, orderReference: input.orderReference ?? null,
    note: input.note ?? null, number: null, creditOf, vatStatus, lines,
    netCents: calc.totals.netCents, vatCents: calc.totals.vatCents, grossCents: calc.totals.grossCents, calc, paidFrom: null,
  };
}

function preparePurchase(books: Books, input: PurchaseIn): PreparedDraft {
  const vatStatus = orgVatStatus(books);
  let net = 0;
  let vat = 0;
  const lines: PreparedLine[] = input.lines.map((l, i) => {
    const a = lineAccount(books, l.account, `lines.${i}.account`, 'purchase');
    checkGrant(books, l.grant, l.budgetLine, `lines.${i}`);
    const amount = parseAmount(l.amount, `lines.${i}.amount`);
    const lineVat = l.vat !== undefined ? parseAmount(l.vat, `lines.${i}.vat`, { allowZero: true }) : 0;
    if (lineVat !== 0 && vatStatus !== 'liable') {
      throw new KassaError(
        'INVALID_INPUT',
        said('err.invoice.noVatBack', 'Regel {{line}}: deze stichting rekent geen btw en krijgt de btw dus niet terug. Vul het hele bedrag inclusief btw in bij "bedrag" en laat de btw leeg.', { line: i + 1 }),
        { field: `lines.${i}.vat` },
      );
    }
    net += amount;
    vat += lineVat;
    return {
      position: i + 1, description: l.description, quantity: '1', unitPriceCents: amount, vatRate: 'none' as VatRate, vatReason: null, netCents: amount,
      vatCents: lineVat, accountId: a.id, accountCode: a.code, grant: l.grant ?? null, budgetLine: l.budgetLine ?? null,
    };
  });
  if (!Number.isSafeInteger(net + vat)) throw new KassaError('INVALID_INPUT', said('err.money.tooBig', 'Het bedrag is te groot.'), { field: 'lines' });
  return {
    kind: 'purchase', contact: contactRow(books, input.contact), issueDate: input.issueDate, dueDate: input.dueDate ?? null,
    supplyDate: null, buyerReference: null, orderReference: null, note: input.note ?? null, number: input.number.trim(), creditOf: null,
    vatStatus, lines, netCents: net, vatCents: vat, grossCents: net + vat, calc: null, paidFrom: null,
  };
}

/** Check and calculate a draft without writing anything (also used for a live preview). */
export function prepareDraft(books: Books, input: DraftIn, opts: { creditOf?: number | null; checkContact?: boolean } = {}): PreparedDraft {
  openYearFor(books, input.issueDate, 'issueDate');
  checkDates(input.issueDate, input.dueDate);
  const p = input.kind === 'purchase' ? preparePurchase(books, input) : prepareSales(books, input, opts.creditOf ?? null);
  if (input.paidFrom != null) p.paidFrom = checkPaidFrom(books, p, input.paidFrom);
  if (opts.checkContact !== false && p.contact.archived) {
    throw new KassaError('INVALID_INPUT', said('err.contact.archived', '{{name}} is gearchiveerd. Zet het contact eerst terug, of kies een ander.', { name: p.contact.name }), { field: 'contact' });
  }
  return p;
}

/** The document-layer invoice of a prepared sales draft (number "CONCEPT" until finalised). */
export function draftDocument(p: PreparedDraft, number = DRAFT_NUMBER, original?: { number: string | null; issueDate: string } | null): InvoiceData {
  return {
    number,
    issueDate: p.issueDate,
    supplyDate: p.supplyDate,
    dueDate: p.dueDate,
    credit: p.creditOf !== null,
    originalInvoiceNumber: original?.number ?? null,
    originalInvoiceDate: original?.issueDate ?? null,
    buyerReference: p.buyerReference,
    orderReference: p.orderReference,
    note: p.note,
    lines: p.lines.map((l) => ({ description: l.description, quantity: l.quantity, unitPriceCents: l.unitPriceCents, vatRate: l.vatRate, vatReason: l.vatReason })),
  };
}

/** What still blocks finalising a sales draft (the number is given on finalising, so not listed). */
export function salesProblems(books: Books, p: PreparedDraft, original?: { number: string | null; issueDate: string } | null): FieldProblemOut[] {
  if (p.kind !== 'sales') return [];
  const doc = { invoice: draftDocument(p, DRAFT_NUMBER, original ?? (p.creditOf !== null ? { number: DRAFT_NUMBER, issueDate: p.issueDate } : null)), seller: sellerParty(currentSeller(books)), buyer: buyerOf(p.contact) };
  return invoiceReadiness(doc);
}

function checkDuplicatePurchase(books: Books, p: PreparedDraft, selfId: number | null): void {
  if (p.kind !== 'purchase' || !p.number) return;
  const dup = books
    .raw(`SELECT id, issue_date, status FROM invoices WHERE kind = 'purchase' AND number IS NOT NULL AND contact_id = ? AND upper(trim(number)) = upper(trim(?)) AND id <> ? LIMIT 1`)
    .get(p.contact.id, p.number, selfId ?? 0) as { id: number; issue_date: string; status: string } | undefined;
  if (dup) {
    throw new KassaError(
      'DUPLICATE',
      said('err.invoice.duplicatePurchase', 'Factuur {{number}} van {{name}} is al ingevoerd (factuurdatum {{issueDate}}). Dezelfde factuur twee keer boeken kan niet.', { number: p.number, name: p.contact.name, issueDate: formatDateNl(dup.issue_date) }),
      { field: 'number', details: { existing: dup.id } },
    );
  }
}

/** Insert or replace a draft's row and lines. Runs inside the caller's transaction. */
export function writeDraft(
  books: Books,
  p: PreparedDraft,
  opts: { id?: number | undefined; attachment?: z.output<typeof PurchaseDraftInput>['attachment'] },
): number {
  let attachmentId: number | null = null;
  let oldAttachment: number | null = null;
  if (opts.id !== undefined) {
    const old = books.first(books.db.selectFrom('invoices').select(['status', 'kind', 'attachment_id', 'number', 'credit_of']).where('id', '=', opts.id));
    if (!old) throw new KassaError('NOT_FOUND', said('err.invoice.notFound', 'Factuur {{id}} bestaat niet.', { id: opts.id }), { field: 'id' });
    if (old.status !== 'draft') {
      throw new KassaError('POSTED_IMMUTABLE', said('err.invoice.finalNoChange', 'Factuur {{number}} is al definitief en kan niet meer worden veranderd. Maak een creditfactuur.', { number: old.number ?? opts.id }), { field: 'id' });
    }
    if (old.kind !== p.kind) throw new KassaError('INVALID_INPUT', said('err.invoice.kindFixed', 'Een verkoopfactuur kan geen inkoopfactuur worden, of andersom. Maak een nieuwe.'), { field: 'kind' });
    attachmentId = old.attachment_id;
    oldAttachment = old.attachment_id;
  }
  checkDuplicatePurchase(books, p, opts.id ?? null);
  if (p.kind === 'purchase' && opts.attachment !== undefined) {
    attachmentId = opts.attachment === null ? null : storeAttachment(books, readAttachmentSource(opts.attachment)).id;
  }
  const values = {
    kind: p.kind, contact_id: p.contact.id, issue_date: p.issueDate, supply_date: p.supplyDate, due_date: p.dueDate,
    buyer_reference: p.buyerReference, order_reference: p.orderReference, note: p.note, number: p.kind === 'purchase' ? p.number : null,
    credit_of: p.creditOf, vat_status: p.vatStatus, net_cents: p.netCents, vat_cents: p.vatCents, gross_cents: p.grossCents,
    attachment_id: attachmentId, paid_from_account_id: p.paidFrom?.id ?? null,
  };
  let id: number;
  if (opts.id !== undefined) {
    id = opts.id;
    books.run(books.db.deleteFrom('invoice_lines').where('invoice_id', '=', id));
    books.run(books.db.updateTable('invoices').set(values).where('id', '=', id));
  } else {
    id = books.run(books.db.insertInto('invoices').values({ ...values, status: 'draft', created_at: nowIso() })).lastInsertRowid;
  }
  const ins = books.raw(
    `INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit_price_cents, vat_rate, vat_reason, net_cents, vat_cents, account_id, grant_id, budget_line_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const l of p.lines) {
    ins.run(id, l.position, l.description, l.quantity, l.unitPriceCents, l.vatRate, l.vatReason, l.netCents, l.vatCents, l.accountId, l.grant, l.budgetLine);
  }
  if (oldAttachment !== null && oldAttachment !== attachmentId) dropAttachmentIfUnused(books, oldAttachment);
  return id;
}

/** invoices.saveDraft: check, calculate and store a draft in one transaction. */
export function saveDraft(books: Books, input: DraftIn): SaveDraftResult {
  return books.tx(() => {
    let creditOf: number | null = null;
    let original: { number: string | null; issueDate: string } | null = null;
    if (input.id !== undefined) {
      const old = books.first(books.db.selectFrom('invoices').select(['credit_of', 'contact_id']).where('id', '=', input.id));
      creditOf = old?.credit_of ?? null;
      if (creditOf !== null) {
        const o = books.first(books.db.selectFrom('invoices').select(['number', 'issue_date', 'contact_id']).where('id', '=', creditOf))!;
        original = { number: o.number, issueDate: o.issue_date };
        if (input.contact !== o.contact_id) {
          throw new KassaError('INVALID_INPUT', said('err.invoice.creditSameCustomer', 'Een creditfactuur gaat naar dezelfde klant als de factuur die hij corrigeert.'), { field: 'contact' });
        }
      }
    }
    const p = prepareDraft(books, input, { creditOf, checkContact: creditOf === null });
    if (creditOf !== null) checkCreditRoom(books, creditOf, p.grossCents, input.id ?? null);
    const id = writeDraft(books, p, { id: input.id, attachment: input.kind === 'purchase' ? input.attachment : undefined });
    const { attachment: _a, ...auditInput } = input as DraftIn & { attachment?: unknown };
    appendAudit(books, 'invoices.saveDraft', 'invoice', id, { ...auditInput, gross: centsToString(p.grossCents) });
    return { id, gross: centsToString(p.grossCents), paidFrom: p.paidFrom?.code ?? null, problems: salesProblems(books, p, original) };
  });
}

/**
 * A credit note may not credit more than is left of its original: the original's gross minus what
 * final credit notes already credited. creditGross is the (negative) gross of the credit note.
 */
export function checkCreditRoom(books: Books, originalId: number, creditGross: number, selfId: number | null): void {
  const o = books.raw(
    `SELECT number, gross_cents,
       COALESCE((SELECT -SUM(gross_cents) FROM invoices WHERE credit_of = ? AND status = 'final' AND id <> ?), 0) AS credited
     FROM invoices WHERE id = ?`,
  ).get(originalId, selfId ?? 0, originalId) as { number: string; gross_cents: number; credited: number };
  const room = o.gross_cents - o.credited;
  if (-creditGross > room) {
    throw new KassaError(
      'LIMIT_EXCEEDED',
      room <= 0
        ? said('err.invoice.fullyCredited', 'Factuur {{number}} is al helemaal gecrediteerd. Een nieuwe creditfactuur kan niet.', { number: o.number })
        : said('err.invoice.creditTooHigh', 'Deze creditfactuur ({{credit}}) is hoger dan wat er van factuur {{number}} nog over is ({{room}}). Maak het bedrag lager.', { credit: formatEuroAbs(creditGross), number: o.number, room: formatEuroAbs(room) }),
      { field: 'lines', details: { room: centsToString(room), credit: centsToString(-creditGross) } },
    );
  }
}

const formatEuroAbs = (cents: number): string => formatEuro(Math.abs(cents));

/** invoices.deleteDraft */
export function deleteDraft(books: Books, id: number): { deleted: boolean } {
  return books.tx(() => {
    const r = books.first(books.db.selectFrom('invoices').select(['status', 'number', 'attachment_id']).where('id', '=', id));
    if (!r) throw new KassaError('NOT_FOUND', said('err.invoice.notFound', 'Factuur {{id}} bestaat niet.', { id }), { field: 'id' });
    if (r.status !== 'draft') {
      throw new KassaError('POSTED_IMMUTABLE', said('err.invoice.finalNoDelete', 'Factuur {{number}} is definitief en kan niet worden verwijderd. Maak een creditfactuur.', { number: r.number ?? id }), { field: 'id' });
    }
    books.run(books.db.deleteFrom('invoice_lines').where('invoice_id', '=', id));
    books.run(books.db.deleteFrom('invoices').where('id', '=', id));
    dropAttachmentIfUnused(books, r.attachment_id);
    appendAudit(books, 'invoices.deleteDraft', 'invoice', id, {});
    return { deleted: true };
  });
}
