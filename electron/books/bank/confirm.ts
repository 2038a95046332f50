/**
 * Confirm: assigned inbox lines become posted entries in the bank account's own journal, through
 * postEntry (source 'import', sourceRef = the bank line's id), all lines of one confirm in one
 * transaction: one line that cannot be booked (a closed year, an archived account) stops the whole
 * batch with a message naming that line, and nothing is written.
 *
 * Two special cases:
 * - a transfer between two own accounts that is already in the books (booked from the other
 *   account's statement, or by hand) is linked to that entry instead of being booked twice;
 * - a line assigned to an invoice posts bank against 1300/1400 and registers the invoice payment.
 *
 * reopen undoes a confirm: the entry is reversed (never edited) and the line returns to the inbox.
 */
import { KassaError } from '../../../shared/errors';
import { centsToString } from '../../../shared/money';
import type { BankConfirmResult, BankTransaction } from '../../../shared/api/bank';
import type { Books } from '../../db/books';
import { appendAudit } from '../audit';
import { nowIso } from '../clock';
import { entryRef, postEntry, reverseEntry, type LineInput } from '../entries';
import { bankAccountByCode } from './bankAccounts';
import { moveLineReceipts } from '../receipts/bankLines';
import { EntryBatch } from './batchPost';
import { assertVolunteerPaymentAllowed, cancelPaymentsOfEntry, registerBookedVolunteerPayment, volunteerKindOf } from '../volunteers/bankBooked';
import { unlinkTransaction } from './handMatch';
import { registerInvoicePayment, undoInvoicePayments } from './invoiceLink';
import { refreshReconciliations, shiftDays } from './reconciliation';
import { refreshSuggestions } from './suggest';
import { getTransaction, lineSaid, txRow, TX_SELECT, type TxRow } from './transactions';
import { joinSaid, said } from '../../../shared/phrase';

/** How far apart the two sides of a transfer between own accounts may be booked by the banks. */
const TRANSFER_DAYS = 7;


/** The text of the entry: the treasurer's own, else the counterparty and the bank's description. */
function entryDescription(r: TxRow): string {
  const own = r.assign_description?.trim();
  if (own) return own.slice(0, 500);
  const name = r.counterparty_name?.trim();
  const text = r.description.trim();
  const out = name && text ? `${name}: ${text}` : name || text || `Bankregel ${r.date}`;
  return out.slice(0, 500);
}

interface MoneyAccount { id: number; code: string; kind: string | null; journal: string | null }

/** An existing, unreversed entry that already books this transfer between two own accounts. */
function existingTransfer(books: Books, r: TxRow, contraId: number): number | null {
  const row = books
    .raw(
      `SELECT e.id FROM entries e
       WHERE e.status = 'posted' AND e.date BETWEEN ? AND ? AND e.reversal_of IS NULL
         AND NOT EXISTS (SELECT 1 FROM entries x WHERE x.reversal_of = e.id)
         AND EXISTS (SELECT 1 FROM lines l WHERE l.entry_id = e.id AND l.account_id = ? AND l.amount_cents = ?)
         AND EXISTS (SELECT 1 FROM lines l WHERE l.entry_id = e.id AND l.account_id = ? AND l.amount_cents = ?)
         AND NOT EXISTS (SELECT 1 FROM bank_transactions o WHERE o.entry_id = e.id AND o.account_id = ?)
       ORDER BY abs(julianday(e.date) - julianday(?)), e.id LIMIT 1`,
    )
    .get(shiftDays(r.date, -TRANSFER_DAYS), shiftDays(r.date, TRANSFER_DAYS), r.account_id, r.amount_cents, contraId, -r.amount_cents, r.account_id, r.date) as
    | { id: number }
    | undefined;
  return row?.id ?? null;
}

function selectRows(books: Books, input: { transactions: number[] | 'all-assigned'; account?: string | undefined }): TxRow[] {
  const accountId = input.account !== undefined ? bankAccountByCode(books, input.account).id : null;
  if (input.transactions === 'all-assigned') {
    return books
      .raw(`${TX_SELECT} WHERE t.status = 'inbox' AND t.assign_account_id IS NOT NULL ${accountId !== null ? 'AND t.account_id = ?' : ''} ORDER BY t.date, t.id`)
      .all(...(accountId !== null ? [accountId] : [])) as TxRow[];
  }
  const ids = [...new Set(input.transactions)];
  const rows = books.raw(`${TX_SELECT} WHERE t.id IN (SELECT value FROM json_each(?)) ORDER BY t.date, t.id`).all(JSON.stringify(ids)) as TxRow[];
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined) throw new KassaError('NOT_FOUND', said('err.bank.lineNotFound', 'Bankregel {{missing}} bestaat niet.', { missing }), { field: 'transactions' });
  for (const r of rows) {
    if (accountId !== null && r.account_id !== accountId) {
      throw new KassaError('INVALID_INPUT', said('err.bank.lineOtherAccount', '{{line}} hoort bij rekening {{bank}}, niet bij {{account}}.', { line: lineSaid(r, true), bank: r.bank_code, account: input.account }), { field: 'transactions', details: { transaction: r.id } });
    }
    if (r.status === 'booked') throw new KassaError('POSTED_IMMUTABLE', said('err.bank.linePosted', '{{line}} is al geboekt.', { line: lineSaid(r, true) }), { field: 'transactions', details: { transaction: r.id } });
    if (r.status === 'ignored') throw new KassaError('INVALID_INPUT', said('err.bank.lineIgnored', '{{line}} staat op "negeren". Zet de regel eerst terug in de inbox.', { line: lineSaid(r, true) }), { field: 'transactions', details: { transaction: r.id } });
    if (r.assign_account_id === null) {
      throw new KassaError('INVALID_INPUT', said('err.bank.lineNoAccount', 'Bij {{line}} is nog geen rekening gekozen. Kies eerst waar het geld voor was.', { line: lineSaid(r) }), { field: 'transactions', details: { transaction: r.id } });
    }
  }
  return rows;
}

export function confirmTransactions(books: Books, input: { transactions: number[] | 'all-assigned'; account?: string | undefined }): BankConfirmResult {
  return books.tx(() => {
    const rows = selectRows(books, input);
    const money = new Map(
      (books.raw(`SELECT a.id, a.code, a.kind, (SELECT j.code FROM journals j WHERE j.account_id = a.id ORDER BY j.id LIMIT 1) AS journal FROM accounts a WHERE a.kind IS NOT NULL`).all() as MoneyAccount[]).map(
        (a) => [a.id, a],
      ),
    );
    const batch = new EntryBatch(books);
    const setBooked = books.raw(`UPDATE bank_transactions SET status = 'booked', entry_id = ?, booked_at = ? WHERE id = ?`);
    const out: BankConfirmResult['entries'] = [];
    const touched = new Set<number>();
    let invoicePayments = 0;
    const now = nowIso();
    for (const r of rows) {
      const bank = money.get(r.account_id);
      if (!bank) throw new Error(`bank account ${r.account_id} is no money account`);
      try {
        if (r.amount_cents === 0) {
          throw new KassaError('INVALID_INPUT', said('err.bank.zeroLine', 'Een regel van € 0,00 kan niet geboekt worden. Negeer deze regel.'));
        }
        const contraId = r.assign_account_id as number;
        const linked = money.has(contraId) ? existingTransfer(books, r, contraId) : null;
        // A fee or reimbursement to a volunteer: the same limit check as volunteers.pay, counting the
        // lines booked earlier in this batch (they are registered as payments as they go).
        const outKind = r.assign_code !== null && r.amount_cents < 0 ? volunteerKindOf(r.assign_code) : null;
        if (outKind === 'fee' && r.assign_person_id === null) {
          throw new KassaError('INVALID_INPUT', said('err.bank.feeNeedsVolunteer', 'Een vrijwilligersvergoeding hoort bij een vrijwilliger. Kies eerst wie deze vergoeding krijgt.'), { field: 'person' });
        }
        const volunteerKind = r.assign_person_id !== null ? outKind : null;
        if (volunteerKind !== null) {
          assertVolunteerPaymentAllowed(books, { person: r.assign_person_id!, date: r.date, kind: volunteerKind, amountCents: -r.amount_cents });
        }
        let posted: { id: number; number: number; ref: string };
        if (linked !== null) {
          const e = books.raw('SELECT e.id, e.number, e.year, j.code FROM entries e JOIN journals j ON j.id = e.journal_id WHERE e.id = ?').get(linked) as { id: number; number: number; year: number; code: string };
          posted = { id: e.id, number: e.number, ref: entryRef(e.code, e.year, e.number) ?? '' };
        } else {
          const amount = centsToString(Math.abs(r.amount_cents));
          const incoming = r.amount_cents > 0;
          const contra: LineInput = {
            account: r.assign_code as string,
            ...(incoming ? { credit: amount } : { debit: amount }),
            ...(r.assign_grant_id !== null ? { grant: r.assign_grant_id } : {}),
            ...(r.assign_budget_line_id !== null ? { budgetLine: r.assign_budget_line_id } : {}),
            ...(r.assign_person_id !== null ? { person: r.assign_person_id } : {}),
            ...(r.assign_contact_id !== null ? { contact: r.assign_contact_id } : {}),
          };
          const entry = {
            date: r.date,
            description: entryDescription(r),
            lines: [{ account: bank.code, ...(incoming ? { debit: amount } : { credit: amount }) }, contra],
          };
          const opts = { source: 'import', sourceRef: String(r.id) };
          // The batch path runs postEntry's checks with lookups cached (see batchPost.ts).
          posted = bank.journal !== null ? batch.post({ ...entry, journal: bank.journal }, opts) : postEntry(books, entry, opts);
        }
        setBooked.run(posted.id, now, r.id);
        moveLineReceipts(books, r.id, posted.id);
        if (volunteerKind !== null && linked === null) {
          registerBookedVolunteerPayment(books, {
            person: r.assign_person_id!, date: r.date, kind: volunteerKind, amountCents: -r.amount_cents, description: entryDescription(r),
            payFromId: r.account_id, entryId: posted.id, source: `bank:${r.id}`,
          });
        }
        if (r.assign_invoice_id !== null && linked === null) {
          registerInvoicePayment(books, r.assign_invoice_id, posted.id);
          invoicePayments++;
        }
        touched.add(r.account_id);
        if (money.has(contraId)) touched.add(contraId);
        out.push({ transaction: r.id, id: posted.id, number: posted.number, ref: posted.ref, linked: linked !== null });
      } catch (e) {
        if (!(e instanceof KassaError)) throw e;
        const head = said('err.bank.lineFailed', '{{line}}:', { line: lineSaid(r, true) });
        throw new KassaError(e.code, joinSaid(head, e.said, said('err.bank.nothingPosted', 'Er is niets geboekt.')), {
          field: 'transactions',
          details: { transaction: r.id, ...(e.field ? { cause: e.field } : {}), ...(e.details ?? {}) },
        });
      }
    }
    if (out.length > 0) {
      refreshSuggestions(books);
      for (const id of touched) if (books.raw('SELECT 1 FROM reconciliations WHERE account_id = ? LIMIT 1').get(id)) refreshReconciliations(books, id);
      appendAudit(books, 'bank.confirm', 'bank_transaction', null, { count: out.length, transactions: out.map((o) => o.transaction), linked: out.filter((o) => o.linked).length });
    }
    return { count: out.length, entries: out, invoicePayments };
  });
}

/**
 * Put a booked line back in the inbox: its entry is reversed (dated `date`, default the line's own
 * date), a linked invoice payment is undone, and every line that shared the entry returns too.
 */
export function reopenTransaction(books: Books, input: { transaction: number; date?: string | undefined }): { transaction: BankTransaction; reversal: { id: number; number: number; ref: string } | null } {
  return books.tx(() => {
    const r = txRow(books, input.transaction);
    if (r.status !== 'booked' || r.entry_id === null) {
      throw new KassaError('INVALID_INPUT', said('err.bank.lineNotPosted', '{{line}} is nog niet geboekt; u kunt de keuze gewoon aanpassen.', { line: lineSaid(r, true) }), { field: 'transaction' });
    }
    const entryId = r.entry_id;
    if (r.linked === 1) {
      // Linked to an entry made by hand: that entry stays, only the link goes.
      unlinkTransaction(books, { id: r.id, account_id: r.account_id, entry_id: entryId });
      return { transaction: getTransaction(books, r.id), reversal: null };
    }
    undoInvoicePayments(books, entryId, input.date);
    const reversed = books.raw('SELECT 1 FROM entries WHERE reversal_of = ?').get(entryId) !== undefined;
    const reversal = reversed ? null : reverseEntry(books, { id: entryId, ...(input.date ? { date: input.date } : {}) });
    if (reversal) cancelPaymentsOfEntry(books, entryId, reversal.id);
    const sharing = books.raw('SELECT id, account_id FROM bank_transactions WHERE entry_id = ?').all(entryId) as { id: number; account_id: number }[];
    const back = books.raw(`UPDATE bank_transactions SET status = 'inbox', entry_id = NULL, booked_at = NULL WHERE id = ?`);
    for (const s of sharing) back.run(s.id);
    refreshSuggestions(books, { ids: sharing.map((s) => s.id) });
    for (const id of new Set(sharing.map((s) => s.account_id))) refreshReconciliations(books, id);
    appendAudit(books, 'bank.reopen', 'bank_transaction', r.id, { entry: entryId, reversal: reversal?.ref ?? null, transactions: sharing.map((s) => s.id) });
    return { transaction: getTransaction(books, r.id), reversal };
  });
}
