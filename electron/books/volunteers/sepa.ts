import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import { KassaError } from '../../../shared/errors';
import { centsToString } from '../../../shared/money';
import { formatDateNl } from '../../../shared/dates';
import type { SepaExportResult } from '../../../shared/api/volunteers';
import { isValidIban, normaliseIban } from '../../../shared/validation/iban';
import type { Books } from '../../db/books';
import { appendAudit } from '../audit';
import { nowIso, today } from '../clock';
import { writeFileGuarded } from '../../files/write';
import { pain001Xml } from './pain001';
import { bookPayout, payableRows } from './payout';
import { said } from '../../../shared/phrase';

/**
 * volunteers.sepa: a pain.001.001.03 batch for approved (booked on 1500, not yet paid) payments.
 *
 * Design: exporting records the batch (volunteer_sepa_batches) and links the payments to it, but
 * does NOT mark them paid by default: the money only leaves once the treasurer has uploaded the
 * file and the bank has executed it. Then `volunteers.markPaid {batch, date, account}` books ONE
 * payout entry (debit 1500 per volunteer, credit the bank with the total), which matches the single
 * batch line on the bank statement (BtchBookg=true). Who uploads at once may pass markPaid: true
 * to book that entry right away, dated on the execution date. A payment that is already in an
 * earlier file is refused unless `again` is set, so a volunteer is not paid twice by mistake.
 */

function localDateTime(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

export interface SepaInput {
  paymentIds: number[];
  executionDate: string;
  debtorAccount: string;
  path: string;
  markPaid?: boolean | undefined;
  again?: boolean | undefined;
}

export function exportSepa(books: Books, input: SepaInput): SepaExportResult {
  if (input.executionDate < today()) {
    throw new KassaError('INVALID_INPUT', said('err.vol.executionPast', 'De uitvoerdatum {{executionDate}} ligt in het verleden. Kies vandaag of een latere dag.', { executionDate: formatDateNl(input.executionDate) }), {
      field: 'executionDate',
    });
  }
  const debtor = books.first(
    books.db.selectFrom('accounts').select(['id', 'code', 'name', 'kind', 'iban', 'archived']).where('code', '=', input.debtorAccount),
  );
  if (!debtor) throw new KassaError('UNKNOWN_ACCOUNT', said('err.account.unknown', 'Rekening {{code}} bestaat niet.', { code: input.debtorAccount }), { field: 'debtorAccount' });
  if (debtor.kind !== 'bank') {
    throw new KassaError('INVALID_INPUT', said('err.vol.debtorNotBank', 'Rekening {{code}} ({{name}}) is geen bankrekening. Kies de bankrekening waarvan u betaalt.', { code: debtor.code, name: debtor.name }), { field: 'debtorAccount' });
  }
  if (debtor.archived) throw new KassaError('ACCOUNT_ARCHIVED', said('err.account.archivedNamed', 'Rekening {{code}} ({{name}}) is gearchiveerd.', { code: debtor.code, name: debtor.name }), { field: 'debtorAccount' });
  if (!debtor.iban || !isValidIban(debtor.iban)) {
    throw new KassaError('INVALID_INPUT', said('err.vol.debtorNoIban', 'Bij rekening {{code}} ({{name}}) staat geen goed IBAN. Vul het IBAN in bij Rekeningen.', { code: debtor.code, name: debtor.name }), { field: 'debtorAccount' });
  }
  const org = books.first(books.db.selectFrom('organisation').select(['name']));
  const target = path.resolve(input.path);
  const dir = path.dirname(target);
  if (!fs.existsSync(dir)) throw new KassaError('FILE_NOT_FOUND', said('err.file.folderNotFound', 'De map {{dir}} bestaat niet.', { dir }), { field: 'path' });

  let written = false;
  try {
    return books.tx(() => {
      const rows = payableRows(books, input.paymentIds);
      const personSt = books.raw('SELECT name, iban FROM persons WHERE id = ?');
      const batchSt = books.raw('SELECT message_id, created_at FROM volunteer_sepa_batches WHERE id = ?');
      const transfers = rows.map((r, i) => {
        if (r.sepa_batch_id !== null && !input.again) {
          const b = batchSt.get(r.sepa_batch_id) as { message_id: string; created_at: string };
          throw new KassaError(
            'CONFLICT',
            said('err.vol.alreadyInBatch', 'De vergoeding van {{person}} van {{date}} stond al in betaalbestand {{batch}}. Hebt u dat bestand nog niet bij de bank ingeleverd? Maak het bestand dan opnieuw, met "opnieuw maken" aangevinkt.', { person: r.person_name, date: formatDateNl(r.date), batch: b.message_id }),
            { field: `paymentIds.${i}`, details: { batch: r.sepa_batch_id } },
          );
        }
        const p = personSt.get(r.person_id) as { name: string; iban: string | null };
        if (!p.iban || !isValidIban(p.iban)) {
          throw new KassaError('INVALID_INPUT', said('err.vol.personNoIban', 'Van {{name}} is geen goed IBAN bekend. Vul het IBAN in bij de vrijwilliger.', { name: p.name }), {
            field: `paymentIds.${i}`,
            details: { person: r.person_id },
          });
        }
        const month = MONTHS[Number(r.date.slice(5, 7)) - 1] ?? '';
        return {
          endToEndId: `VRW-${r.id}`,
          amountCents: r.amount_cents,
          creditorName: p.name,
          creditorIban: normaliseIban(p.iban),
          remittance: `Vrijwilligersvergoeding ${month} ${r.date.slice(0, 4)} ${r.description}`,
        };
      });

      const next = (books.raw('SELECT COALESCE(MAX(id), 0) + 1 AS n FROM volunteer_sepa_batches').get() as { n: number }).n;
      const createdAt = localDateTime();
      const messageId = `KASSA-VRW-${createdAt.replace(/\D/g, '').slice(0, 14)}-${next}`;
      const xml = pain001Xml({
        messageId,
        createdAt,
        executionDate: input.executionDate,
        debtorName: org?.name ?? 'Stichting',
        debtorIban: normaliseIban(debtor.iban!),
        transfers,
      });
      const total = transfers.reduce((s, t) => s + BigInt(t.amountCents), 0n); // exact, stored as a 64-bit integer
      const sha = createHash('sha256').update(xml).digest('hex');
      const { lastInsertRowid: batch } = books.run(
        books.db.insertInto('volunteer_sepa_batches').values({
          message_id: messageId,
          created_at: nowIso(),
          execution_date: input.executionDate,
          debtor_account_id: debtor.id,
          count: transfers.length,
          // Bound as a 64-bit integer: exact also above 2^53 cents.
          total_cents: sql<number>`${total}`,
          file_name: path.basename(target),
          file_sha256: sha,
        }),
      );
      const link = books.raw('UPDATE volunteer_payments SET sepa_batch_id = ? WHERE id = ?');
      for (const r of rows) link.run(batch, r.id);

      let paidEntry: SepaExportResult['paidEntry'] = null;
      if (input.markPaid) {
        paidEntry = bookPayout(books, rows, {
          date: input.executionDate,
          account: debtor.code,
          description: `Uitbetaling vrijwilligers, betaalbestand ${messageId}`,
          sourceRef: `sepa:${batch}`,
          accountField: 'debtorAccount',
          dateField: 'executionDate',
        }).entry;
      }
      appendAudit(books, 'volunteers.sepa', 'volunteer_sepa_batch', batch, {
        messageId, ids: rows.map((r) => r.id), total: centsToString(total), executionDate: input.executionDate,
        debtorAccount: debtor.code, file: path.basename(target), sha256: sha, paidEntry: paidEntry?.ref ?? null,
      });
      // Last step inside the transaction: if the file cannot be written, nothing is recorded either.
      writeFileGuarded(target, xml);
      written = true;
      return { path: target, batch, messageId, count: transfers.length, total: centsToString(total), paidEntry };
    });
  } catch (e) {
    // The commit itself failed after the file was written: take the file away again.
    if (written) fs.rmSync(target, { force: true });
    throw e;
  }
}
