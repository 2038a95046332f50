import { KassaError } from '../../../shared/errors';
import { centsToString, formatEuro, MAX_AMOUNT_CENTS } from '../../../shared/money';
import { formatDateNl } from '../../../shared/dates';
import type { VolunteerPaymentStatus } from '../../../shared/api/volunteers';
import type { Books } from '../../db/books';
import { accountForPosting } from '../accounts';
import { appendAudit } from '../audit';
import { postEntry } from '../entries';
import { openYearFor } from '../years';
import { moneyAccount, PAYABLE_ACCOUNT } from './payments';
import { said } from '../../../shared/phrase';

/** Paying out approved payments (1500 -> bank), one by one or as a SEPA batch. */
interface PayableRow {
  id: number;
  person_id: number;
  person_name: string;
  date: string;
  amount_cents: number;
  description: string;
  status: VolunteerPaymentStatus;
  pay_from: string;
  sepa_batch_id: number | null;
}

/** The approved payments, in the order given, each checked payable (1500) and not yet paid. */
export function payableRows(books: Books, ids: number[], field = 'paymentIds'): PayableRow[] {
  const seen = new Set<number>();
  const st = books.raw(
    `SELECT v.id, v.person_id, pe.name AS person_name, v.date, v.amount_cents, v.description, v.status, a.code AS pay_from, v.sepa_batch_id
     FROM volunteer_payments v JOIN persons pe ON pe.id = v.person_id JOIN accounts a ON a.id = v.pay_from_account_id WHERE v.id = ?`,
  );
  return ids.map((id, i) => {
    const f = `${field}.${i}`;
    if (seen.has(id)) throw new KassaError('INVALID_INPUT', said('err.vol.paymentTwice', 'Betaling {{id}} staat twee keer in de lijst.', { id }), { field: f });
    seen.add(id);
    const r = st.get(id) as PayableRow | undefined;
    if (!r) throw new KassaError('NOT_FOUND', said('err.vol.paymentNotFound', 'Betaling {{id}} bestaat niet.', { id }), { field: f });
    if (r.status === 'paid') {
      throw new KassaError('CONFLICT', said('err.vol.alreadyPaid', 'De vergoeding van {{person}} van {{date}} is al betaald.', { person: r.person_name, date: formatDateNl(r.date) }), { field: f });
    }
    if (r.status === 'cancelled') {
      throw new KassaError('INVALID_INPUT', said('err.vol.feeCancelled', 'De vergoeding van {{person}} van {{date}} is geannuleerd.', { person: r.person_name, date: formatDateNl(r.date) }), { field: f });
    }
    return r;
  });
}

/**
 * Book the payout of approved payments as ONE entry, like the bank shows a batch as one debit:
 * debit 1500 per payment (with the person), credit the bank or cash account with the total.
 */
export function bookPayout(
  books: Books,
  rows: PayableRow[],
  input: { date: string; account: string; description: string; sourceRef: string; accountField: string; dateField: string },
) {
  openYearFor(books, input.date, input.dateField);
  const bank = moneyAccount(books, input.account, input.accountField);
  const payable = accountForPosting(books, PAYABLE_ACCOUNT, input.accountField);
  let total = 0n;
  for (const r of rows) {
    if (r.date > input.date) {
      throw new KassaError(
        'INVALID_INPUT',
        said('err.vol.paidBeforeFee', 'De betaaldatum {{date}} ligt voor de datum van de vergoeding van {{person}} ({{feeDate}}). Kies een latere datum.', { date: formatDateNl(input.date), person: r.person_name, feeDate: formatDateNl(r.date) }),
        { field: input.dateField },
      );
    }
    total += BigInt(r.amount_cents);
  }
  // The bank side is one line: more than a line can hold is refused here, added up exactly.
  if (total > BigInt(MAX_AMOUNT_CENTS)) {
    throw new KassaError(
      'INVALID_AMOUNT',
      said('err.vol.payoutTooBig', 'Samen is dit {{total}}. Dat is meer dan € 999.999.999,99, het hoogste bedrag op één regel. Betaal de vergoedingen in delen. Er is niets opgeslagen.', { total: formatEuro(total) }),
      { field: input.accountField },
    );
  }
  const entry = postEntry(
    books,
    {
      date: input.date,
      description: input.description,
      lines: [
        ...rows.map((r) => ({ account: payable.code, debit: centsToString(r.amount_cents), description: `${r.person_name}: ${r.description}`.slice(0, 500), person: r.person_id })),
        { account: bank.code, credit: centsToString(total), description: `${rows.length} vrijwilliger(s), samen ${formatEuro(total)}` },
      ],
    },
    { source: 'volunteer', sourceRef: input.sourceRef },
  );
  const upd = books.raw(`UPDATE volunteer_payments SET status = 'paid', paid_entry_id = ?, paid_date = ? WHERE id = ?`);
  for (const r of rows) upd.run(entry.id, input.date, r.id);
  return { entry, total };
}

export function markPaid(
  books: Books,
  input: { paymentIds?: number[] | undefined; batch?: number | undefined; date: string; account: string },
): { entry: { id: number; number: number; ref: string }; count: number; total: string } {
  return books.tx(() => {
    let ids = input.paymentIds;
    let description = `Uitbetaling vrijwilligersvergoedingen (${ids?.length ?? 0})`;
    let sourceRef = 'payout';
    if (input.batch !== undefined) {
      const b = books.first(books.db.selectFrom('volunteer_sepa_batches').select(['id', 'message_id']).where('id', '=', input.batch));
      if (!b) throw new KassaError('NOT_FOUND', said('err.vol.batchNotFound', 'Betaalbestand {{batch}} bestaat niet.', { batch: input.batch }), { field: 'batch' });
      ids = (books.raw(`SELECT id FROM volunteer_payments WHERE sepa_batch_id = ? AND status = 'approved' ORDER BY id`).all(b.id) as { id: number }[]).map((r) => r.id);
      if (ids.length === 0) throw new KassaError('CONFLICT', said('err.vol.batchAllPaid', 'Alle betalingen uit dit betaalbestand zijn al als betaald geboekt.'), { field: 'batch' });
      description = `Uitbetaling vrijwilligers, betaalbestand ${b.message_id}`;
      sourceRef = `sepa:${b.id}`;
    }
    const rows = payableRows(books, ids ?? []);
    const { entry, total } = bookPayout(books, rows, { date: input.date, account: input.account, description, sourceRef, accountField: 'account', dateField: 'date' });
    appendAudit(books, 'volunteers.markPaid', 'volunteer_payment', null, { ids: rows.map((r) => r.id), batch: input.batch ?? null, entry: entry.ref, date: input.date });
    return { entry, count: rows.length, total: centsToString(total) };
  });
}
