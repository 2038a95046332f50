import { centsToString, formatEuro, parseAmount } from '../../../shared/money';
import { KassaError } from '../../../shared/errors';
import type { AppropriationLine, YearEndClosed, YearEndReopened } from '../../../shared/api/statements';
import type { FiscalYear } from '../../../shared/api/types';
import type { Books } from '../../db/books';
import { appendAudit } from '../audit';
import { appendFact } from '../history/facts';
import { lastYearStepRef } from '../history/finalFacts';
import { nowIso, today as clockToday } from '../clock';
import { postEntry, reverseEntry, type LineInput } from '../entries';
import { closeYear, insertYear } from '../years';
import { accountsInfo, activeClosingEntry, findYear, getYear, isProfitAndLossAccount, yearBalances, type AccountInfo } from './balances';
import { defaultEquityAccount } from './statements';
import { joinSaid, said } from '../../../shared/phrase';
import { checkYear } from './yearEndCheck';

/**
 * Year-end: close (closing entry + lock + next year, after yearEndCheck.ts) and reopen (with a reason,
 * reversing the closing entry).
 *
 * The closing entry (source 'closing', journal MEM, dated on the last day of the year) moves the
 * balance of every income and expense account of the year into equity, per the appropriation the
 * treasurer chose (default: everything to the other reserves). No opening-balance entry is booked in
 * the next year: balance-sheet accounts carry on because all balances are cumulative, and the opening
 * balance of a year is derived when needed (statements, XAF openingBalance).
 */

// --- close ---------------------------------------------------------------------------------------------

function resolveAppropriation(
  accounts: AccountInfo[],
  given: { account: string; amount: string }[] | undefined,
  result: bigint,
): { account: AccountInfo; cents: bigint }[] {
  if (!given || given.length === 0) {
    const target = defaultEquityAccount(accounts);
    if (!target) throw new KassaError('INVALID_INPUT', said('err.yearEnd.noReserveAccount', 'Er is geen rekening voor reserves. Maak eerst een rekening van het soort eigen vermogen.'), { field: 'appropriation' });
    return result === 0n ? [] : [{ account: target, cents: result }];
  }
  const byCode = new Map(accounts.map((a) => [a.code, a]));
  const merged = new Map<string, { account: AccountInfo; cents: bigint }>();
  given.forEach((g, i) => {
    const a = byCode.get(g.account);
    const field = `appropriation.${i}.account`;
    if (!a) throw new KassaError('UNKNOWN_ACCOUNT', said('err.account.unknown', 'Rekening {{code}} bestaat niet.', { code: g.account }), { field });
    if (a.type !== 'equity') {
      throw new KassaError('INVALID_INPUT', said('err.yearEnd.notReserve', 'Rekening {{code}} ({{name}}) is geen reserve of fonds. Kies een rekening van het eigen vermogen, bijvoorbeeld 0590 Overige reserves.', { code: a.code, name: a.name }), { field });
    }
    if (a.archived) throw new KassaError('ACCOUNT_ARCHIVED', said('err.yearEnd.reserveArchived', 'Rekening {{code}} ({{name}}) is gearchiveerd. Kies een andere reserve.', { code: a.code, name: a.name }), { field });
    const cents = BigInt(parseAmount(g.amount, `appropriation.${i}.amount`, { allowNegative: true, allowZero: true }));
    const prev = merged.get(a.code);
    merged.set(a.code, { account: a, cents: (prev?.cents ?? 0n) + cents });
  });
  const list = [...merged.values()].filter((m) => m.cents !== 0n);
  const total = list.reduce((t, m) => t + m.cents, 0n);
  if (total !== result) {
    throw new KassaError(
      'INVALID_INPUT',
      result < 0n
        ? said('err.yearEnd.splitDeficit', 'De verdeling telt op tot {{total}}, maar het saldo van het tekort is {{result}}. Verdeel precies het saldo.', { total: formatEuro(total), result: formatEuro(result) })
        : said('err.yearEnd.splitResult', 'De verdeling telt op tot {{total}}, maar het saldo van het jaar is {{result}}. Verdeel precies het saldo.', { total: formatEuro(total), result: formatEuro(result) }),
      { field: 'appropriation', details: { total: centsToString(total), result: centsToString(result) } },
    );
  }
  return list;
}

const amountLine = (account: string, signed: bigint, description?: string): LineInput => ({
  account,
  ...(signed > 0n ? { debit: centsToString(signed) } : { credit: centsToString(-signed) }),
  ...(description ? { description } : {}),
});

export function closeFiscalYear(
  books: Books,
  input: { year: number; appropriation?: { account: string; amount: string }[] | undefined },
  today: string = clockToday(),
): YearEndClosed {
  return books.tx(() => {
    const fy = getYear(books, input.year);
    if (fy.status === 'closed') throw new KassaError('YEAR_CLOSED', said('err.year.alreadyClosed', 'Boekjaar {{year}} is al afgesloten.', { year: fy.year }), { field: 'year' });
    const check = checkYear(books, { year: fy.year }, today);
    const blocks = check.problems.filter((p) => p.severity === 'block');
    if (blocks.length > 0) {
      throw new KassaError('YEAR_NOT_READY', joinSaid(said('err.yearEnd.cannotClose', 'Boekjaar {{year}} kan nog niet worden afgesloten.', { year: fy.year }), ...blocks), {
        field: 'year',
        details: { problems: blocks },
      });
    }
    const accounts = accountsInfo(books);
    const byId = new Map(accounts.map((a) => [a.id, a]));
    // Full-year balances: an earlier closing entry and its reversal (after a reopen) cancel out.
    const pl = [...yearBalances(books, fy.year).entries()]
      .map(([id, v]) => ({ a: byId.get(id)!, v }))
      .filter((x) => x.a && isProfitAndLossAccount(x.a) && x.v !== 0n)
      .sort((x, y) => x.a.code.localeCompare(y.a.code));
    const result = -pl.reduce((t, x) => t + x.v, 0n);
    const appropriation = resolveAppropriation(accounts, input.appropriation, result);

    const lines: LineInput[] = [
      ...pl.map((x) => amountLine(x.a.code, -x.v)),
      ...appropriation.map((m) => amountLine(m.account.code, -m.cents, `Bestemming saldo ${fy.year}`)),
    ];
    let closingEntry: { id: number; ref: string } | null = null;
    if (lines.length >= 2) {
      // Archived income/expense accounts must still be closed: lift the archive flag inside this
      // transaction only, so nothing outside it ever sees the change.
      const archived = pl.filter((x) => x.a.archived).map((x) => x.a.id);
      const setArchived = books.raw('UPDATE accounts SET archived = ? WHERE id = ?');
      for (const id of archived) setArchived.run(0, id);
      const posted = postEntry(
        books,
        { date: fy.end, description: `Afsluiting boekjaar ${fy.year}: saldo van baten en lasten naar reserves en fondsen`, journal: 'MEM', lines },
        { source: 'closing', sourceRef: String(fy.year) },
      );
      for (const id of archived) setArchived.run(1, id);
      closingEntry = { id: posted.id, ref: posted.ref };
    }
    closeYear(books, fy.year, today);
    let next: FiscalYear;
    const existing = findYear(books, fy.year + 1);
    if (existing) {
      next = { year: existing.year, startDate: existing.start, endDate: existing.end, status: existing.status };
    } else {
      next = insertYear(books, fy.year + 1);
      appendAudit(books, 'years.openNext', 'fiscal_year', next.year, next);
    }
    const appr: AppropriationLine[] = appropriation.map((m) => ({ account: m.account.code, name: m.account.name, amount: centsToString(m.cents) }));
    books
      .raw(`INSERT INTO year_end_log (year, action, at, entry_id, appropriation, reason) VALUES (?, 'close', ?, ?, ?, NULL)`)
      .run(fy.year, nowIso(), closingEntry?.id ?? null, JSON.stringify(appr));
    appendAudit(books, 'yearEnd.close', 'fiscal_year', fy.year, { year: fy.year, result: centsToString(result), appropriation: appr, closingEntry: closingEntry?.ref ?? null });
    appendFact(books, 'year_end', lastYearStepRef(books, fy.year));
    return { year: fy.year, closingEntry, appropriation: appr, nextYear: next };
  });
}

// --- reopen ----------------------------------------------------------------------------------------

export function reopenFiscalYear(books: Books, input: { year: number; reason: string }): YearEndReopened {
  return books.tx(() => {
    const fy = getYear(books, input.year);
    const reason = input.reason.trim();
    if (reason.length < 10) throw new KassaError('INVALID_INPUT', said('err.yearEnd.reopenReason', 'Schrijf in minstens 10 tekens op waarom u het boekjaar heropent.'), { field: 'reason' });
    if (fy.status !== 'closed') throw new KassaError('INVALID_INPUT', said('err.yearEnd.notClosed', 'Boekjaar {{year}} is niet afgesloten. Heropenen is niet nodig.', { year: fy.year }), { field: 'year' });
    const next = findYear(books, fy.year + 1);
    if (next && next.status === 'closed') {
      throw new KassaError('YEAR_CLOSED', said('err.yearEnd.nextClosed', 'Boekjaar {{next}} is ook afgesloten. Heropen eerst {{next}}, daarna {{year}}.', { next: next.year, year: fy.year }), { field: 'year' });
    }
    books.raw(`UPDATE fiscal_years SET status = 'open', closed_at = NULL WHERE year = ?`).run(fy.year);
    const closing = activeClosingEntry(books, fy.year);
    let reversal: { id: number; ref: string } | null = null;
    if (closing) {
      const r = reverseEntry(books, { id: closing.id, date: closing.date, description: `Heropening boekjaar ${fy.year}: afsluitboeking teruggedraaid` });
      reversal = { id: r.id, ref: r.ref };
    }
    books
      .raw(`INSERT INTO year_end_log (year, action, at, entry_id, appropriation, reason) VALUES (?, 'reopen', ?, ?, NULL, ?)`)
      .run(fy.year, nowIso(), reversal?.id ?? null, reason);
    appendAudit(books, 'yearEnd.reopen', 'fiscal_year', fy.year, { year: fy.year, reason, reversal: reversal?.ref ?? null });
    appendFact(books, 'year_end', lastYearStepRef(books, fy.year));
    return { year: fy.year, reversal };
  });
}
