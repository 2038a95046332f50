import { centsToString, formatEuro, parseAmount } from '../../../shared/money';
import { formatDateNl } from '../../../shared/dates';
import { KassaError } from '../../../shared/errors';
import { limitsForYear, summariseYear, type LimitsRow, type PastVolunteerPayment } from '../../../shared/rules/volunteerLimits';
import type {
  AppropriationLine, YearEndCheck, YearEndClosed, YearEndHistoryItem, YearEndProblem, YearEndReopened,
} from '../../../shared/api/statements';
import type { FiscalYear } from '../../../shared/api/types';
import type { Books } from '../../db/books';
import { appendAudit } from '../audit';
import { appendFact } from '../history/facts';
import { lastYearStepRef } from '../history/finalFacts';
import { nowIso, today as clockToday } from '../clock';
import { entryRef, postEntry, reverseEntry, type LineInput } from '../entries';
import { closeYear, insertYear, yearNotOverMessage } from '../years';
import {
  accountsInfo, activeClosingEntry, balancesAt, findYear, getYear, hasTable, isProfitAndLossAccount, yearBalances,
  type AccountInfo,
} from './balances';
import { defaultEquityAccount, yearResult } from './statements';
import { joinSaid, said, phrase } from '../../../shared/phrase';
import { differenceWords } from '../../../shared/rules/bankDifference';

/**
 * Year-end: check, close (closing entry + lock + next year) and reopen (with a reason, reversing the
 * closing entry).
 *
 * The closing entry (source 'closing', journal MEM, dated on the last day of the year) moves the
 * balance of every income and expense account of the year into equity, per the appropriation the
 * treasurer chose (default: everything to the other reserves). No opening-balance entry is booked in
 * the next year: balance-sheet accounts carry on because all balances are cumulative, and the opening
 * balance of a year is derived when needed (statements, XAF openingBalance).
 */

export const SUSPENSE_ACCOUNT = '2000';

/** A problem with its Dutch text and the same text as one phrase `yearEnd.<key>` (shared/phrase.ts). */
function problem(
  code: YearEndProblem['code'],
  severity: YearEndProblem['severity'],
  message: string,
  details: Record<string, unknown> | undefined,
  key: string,
  params?: Record<string, string | number>,
): YearEndProblem {
  const says = [phrase(`yearEnd.${key}`, params)];
  return details ? { code, severity, message, details, says } : { code, severity, message, says };
}

// --- checks ----------------------------------------------------------------------------------------

function draftsProblem(books: Books, year: number): YearEndProblem | null {
  const n = (books.raw(`SELECT COUNT(*) AS n FROM entries WHERE year = ? AND status = 'draft'`).get(year) as { n: number }).n;
  if (n === 0) return null;
  return problem('DRAFTS', 'block', `Er ${n === 1 ? 'staat nog 1 concept' : `staan nog ${n} concepten`} in ${year}. Boek of verwijder ${n === 1 ? 'het' : 'ze'} eerst.`, { count: n }, n === 1 ? 'draftsOne' : 'draftsMany', { count: n, year });
}

/**
 * Invoices saved as a draft and dated in the year: once the year is closed they can't be finalised
 * (sales) or booked (purchase) with that date any more, and the income or cost is missing from the
 * year. A warning, not a block: a sales draft may rightly move to the next year.
 */
function invoiceDraftsProblem(books: Books, year: number, start: string, end: string): YearEndProblem | null {
  if (!hasTable(books, 'invoices')) return null;
  const rows = books
    .raw(`SELECT kind, COUNT(*) AS n FROM invoices WHERE status = 'draft' AND issue_date BETWEEN ? AND ? GROUP BY kind`)
    .all(start, end) as { kind: 'sales' | 'purchase'; n: number }[];
  const sales = rows.find((r) => r.kind === 'sales')?.n ?? 0;
  const purchase = rows.find((r) => r.kind === 'purchase')?.n ?? 0;
  if (sales + purchase === 0) return null;
  const parts = [
    ...(sales ? [sales === 1 ? '1 verkoopfactuur' : `${sales} verkoopfacturen`] : []),
    ...(purchase ? [purchase === 1 ? '1 inkoopfactuur' : `${purchase} inkoopfacturen`] : []),
  ];
  const one = sales + purchase === 1;
  return problem(
    'INVOICE_DRAFTS',
    'warn',
    `Er ${one ? 'staat' : 'staan'} nog ${parts.join(' en ')} als concept met een datum in ${year}. ` +
      `Na het afsluiten kunt u ${one ? 'die' : 'ze'} niet meer in ${year} boeken. Maak ${one ? 'hem' : 'ze'} eerst definitief, of verwijder ${one ? 'hem' : 'ze'}.`,
    { sales, purchase },
    'invoiceDrafts',
    { sales, purchase, year },
  );
}

function suspenseProblem(books: Books, accounts: AccountInfo[], end: string): YearEndProblem | null {
  const acc = accounts.find((a) => a.code === SUSPENSE_ACCOUNT);
  if (!acc) return null;
  const bal = balancesAt(books, end).get(acc.id) ?? 0n;
  if (bal === 0n) return null;
  return problem(
    'SUSPENSE_NOT_EMPTY',
    'block',
    `Op rekening ${acc.code} (${acc.name}) staat nog ${formatEuro(bal < 0n ? -bal : bal)}. Boek deze bedragen eerst naar de juiste rekening.`,
    { account: acc.code, balance: centsToString(bal) },
    'suspense',
    { account: `${acc.code} (${acc.name})`, amount: formatEuro(bal < 0n ? -bal : bal) },
  );
}

function moneyProblems(books: Books, accounts: AccountInfo[], end: string): YearEndProblem[] {
  const bal = balancesAt(books, end);
  const out: YearEndProblem[] = [];
  for (const a of accounts) {
    if (a.kind !== 'cash') continue;
    const v = bal.get(a.id) ?? 0n;
    if (v < 0n) {
      out.push(problem('NEGATIVE_MONEY', 'warn', `De kas (${a.code} ${a.name}) staat op ${formatDateNl(end)} negatief: ${formatEuro(v)}. Dat kan niet. Controleer de kasboekingen.`, { account: a.code, balance: centsToString(v) }, 'negativeCash', { account: `${a.code} ${a.name}`, date: formatDateNl(end), amount: formatEuro(v) }));
    }
  }
  return out;
}

/**
 * Bank reconciliation against the imported statements (bank import, migration 0006):
 * - transactions of the year still waiting in the inbox block the close (the books are not complete);
 * - per bank account, the closing balance of the last statement of the year must equal the book
 *   balance on that date (block when the statement runs to the last day of the year, else a warning
 *   that the year-end statement is missing).
 * Without imported statements the check is skipped and the treasurer is told to compare by hand.
 */
function bankProblems(books: Books, accounts: AccountInfo[], start: string, end: string): YearEndProblem[] {
  const skipped = problem(
    'BANK_CHECK_SKIPPED',
    'info',
    `Of de bank klopt met de boeken, is niet gecontroleerd: er zijn geen bankafschriften van dit jaar ingelezen. Vergelijk zelf het saldo op het afschrift van ${formatDateNl(end)} met het saldo in de boeken.`,
    undefined,
    'bankSkipped',
    { date: formatDateNl(end) },
  );
  if (!hasTable(books, 'bank_transactions') || !hasTable(books, 'bank_imports')) return [skipped];
  const out: YearEndProblem[] = [];
  const inbox = (books.raw(`SELECT COUNT(*) AS n FROM bank_transactions WHERE status = 'inbox' AND date >= ? AND date <= ?`).get(start, end) as { n: number }).n;
  if (inbox > 0) {
    out.push(problem('BANK_NOT_RECONCILED', 'block', `${inbox === 1 ? 'Er staat nog 1 banktransactie' : `Er staan nog ${inbox} banktransacties`} van dit jaar in de inbox. Boek ${inbox === 1 ? 'die' : 'ze'} eerst (of zet ${inbox === 1 ? 'hem' : 'ze'} op negeren).`, { inbox }, 'bankInbox', { count: inbox }));
  }
  let checked = 0;
  const last = books.raw(
    `SELECT date_to, closing_cents FROM bank_imports WHERE account_id = ? AND closing_cents IS NOT NULL AND date_to >= ? AND date_to <= ?
     ORDER BY date_to DESC, id DESC LIMIT 1`,
  );
  for (const a of accounts) {
    if (a.kind !== 'bank') continue;
    const st = last.get(a.id, start, end) as { date_to: string; closing_cents: number } | undefined;
    if (!st) continue;
    checked++;
    const book = balancesAt(books, st.date_to).get(a.id) ?? 0n;
    const bank = BigInt(st.closing_cents);
    if (book !== bank) {
      out.push(
        problem(
          'BANK_NOT_RECONCILED',
          st.date_to === end ? 'block' : 'warn',
          `${a.code} ${a.name}: op het bankafschrift van ${formatDateNl(st.date_to)} staat ${formatEuro(bank)}, in de boeken ${formatEuro(book)}. ${differenceWords(bank, book).dutch} Zoek het verschil en boek het.`,
          { account: a.code, date: st.date_to, bank: centsToString(bank), book: centsToString(book) },
          bank < book ? 'bankLess' : 'bankMore',
          { account: `${a.code} ${a.name}`, date: formatDateNl(st.date_to), bank: formatEuro(bank), book: formatEuro(book), amount: differenceWords(bank, book).params.amount },
        ),
      );
    } else if (st.date_to !== end) {
      out.push(problem('BANK_NOT_RECONCILED', 'warn', `${a.code} ${a.name}: het laatste ingelezen afschrift loopt tot ${formatDateNl(st.date_to)}. Lees ook het afschrift tot ${formatDateNl(end)} in, dan controleert het programma het saldo aan het eind van het jaar.`, { account: a.code, date: st.date_to }, 'bankLastStatement', { account: `${a.code} ${a.name}`, last: formatDateNl(st.date_to), date: formatDateNl(end) }));
    }
  }
  if (checked === 0 && inbox === 0) out.push(skipped);
  return out;
}

function volunteerProblems(books: Books, year: number): YearEndProblem[] {
  if (!hasTable(books, 'persons') || !hasTable(books, 'volunteer_payments')) {
    return [problem('VOLUNTEER_CHECK_SKIPPED', 'info', 'De vrijwilligersvergoedingen zijn niet gecontroleerd: deze administratie houdt geen vrijwilligers bij.', undefined, 'volunteersSkipped')];
  }
  const overrides: LimitsRow[] = hasTable(books, 'volunteer_limits')
    ? (books.raw('SELECT year, per_hour_adult_cents, per_hour_young_cents, age_threshold, per_month_cents, per_year_cents, source FROM volunteer_limits').all() as {
        year: number; per_hour_adult_cents: number; per_hour_young_cents: number; age_threshold: number; per_month_cents: number; per_year_cents: number; source: string;
      }[]).map((r) => ({
        year: r.year, perHourAdultCents: r.per_hour_adult_cents, perHourYoungCents: r.per_hour_young_cents, ageThreshold: r.age_threshold,
        perMonthCents: r.per_month_cents, perYearCents: r.per_year_cents, source: r.source,
      }))
    : [];
  const limits = limitsForYear(year, overrides).limits;
  const rows = books
    .raw(
      `SELECT p.id, p.name, v.date, v.kind, v.amount_cents, v.as_wages FROM volunteer_payments v JOIN persons p ON p.id = v.person_id
       WHERE v.date >= ? AND v.date <= ? AND v.status <> 'cancelled' ORDER BY p.id, v.date`,
    )
    .all(`${year}-01-01`, `${year}-12-31`) as { id: number; name: string; date: string; kind: 'fee' | 'reimbursement'; amount_cents: number; as_wages: number }[];
  const byPerson = new Map<number, { name: string; payments: PastVolunteerPayment[] }>();
  for (const r of rows) {
    const p = byPerson.get(r.id) ?? { name: r.name, payments: [] };
    p.payments.push({ date: r.date, kind: r.kind, amountCents: r.amount_cents, asWages: r.as_wages === 1 });
    byPerson.set(r.id, p);
  }
  const out: YearEndProblem[] = [];
  for (const [id, p] of byPerson) {
    const s = summariseYear(p.payments, limits, year);
    const overMonths = s.months.filter((m) => m.overCents > 0).map((m) => m.month);
    if (s.overCents > 0 || overMonths.length > 0) {
      const parts: string[] = [];
      if (s.overCents > 0) parts.push(`${formatEuro(s.overCents)} boven het maximum per jaar (${formatEuro(limits.perYearCents)})`);
      if (overMonths.length > 0) parts.push(`boven het maximum per maand in ${overMonths.length === 1 ? 'maand' : 'maanden'} ${overMonths.join(', ')}`);
      out.push(
        problem(
          'VOLUNTEER_OVER_LIMIT',
          'warn',
          `${p.name} kreeg in ${year} ${parts.join(' en ')}. Dan is het geen vrijwilligersvergoeding meer maar loon. Overleg met een adviseur.`,
          { person: id, name: p.name, totalCents: s.totalCents, overCents: s.overCents, months: overMonths },
          s.overCents > 0 ? (overMonths.length > 0 ? 'volunteerOverBoth' : 'volunteerOverYear') : 'volunteerOverMonth',
          { name: p.name, year, over: formatEuro(s.overCents), perYear: formatEuro(limits.perYearCents), months: overMonths.join(', ') },
        ),
      );
    }
  }
  return out;
}

/**
 * Reserves and funds that stand below zero once the year's result is added with the default
 * appropriation (after a loss, or a loss in an earlier year). Allowed, but an accountant and the
 * audit committee will ask how the board means to make up the shortfall, so the treasurer hears it
 * before closing. A warning, not a block.
 */
function negativeReserveProblems(books: Books, accounts: AccountInfo[], end: string, result: bigint, target: AccountInfo | undefined): YearEndProblem[] {
  const bal = balancesAt(books, end);
  const out: YearEndProblem[] = [];
  for (const a of accounts) {
    if (a.type !== 'equity') continue;
    // Reserves are credits: their value is minus the balance, plus the result when it goes here.
    const value = -(bal.get(a.id) ?? 0n) + (target && a.id === target.id ? result : 0n);
    if (value >= 0n) continue;
    out.push(
      problem(
        'NEGATIVE_RESERVE',
        'warn',
        `Na het afsluiten staat ${a.code} ${a.name} op ${formatEuro(value)}: de reserve is negatief${result < 0n ? ' door het tekort van dit jaar' : ''}. ` +
          'Dat mag, maar schrijf in de toelichting hoe het bestuur het tekort wil aanvullen. U kunt het tekort ook ten laste van een andere reserve brengen.',
        { account: a.code, balance: centsToString(value) },
        result < 0n ? 'negativeReserveLoss' : 'negativeReserve',
        { account: `${a.code} ${a.name}`, amount: formatEuro(value) },
      ),
    );
  }
  return out;
}

function history(books: Books, year: number): YearEndHistoryItem[] {
  const rows = books
    .raw(
      `SELECT y.action, y.at, y.reason, e.number, e.year, j.code AS journal FROM year_end_log y
       LEFT JOIN entries e ON e.id = y.entry_id LEFT JOIN journals j ON j.id = e.journal_id WHERE y.year = ? ORDER BY y.id`,
    )
    .all(year) as { action: 'close' | 'reopen'; at: string; reason: string | null; number: number | null; year: number | null; journal: string | null }[];
  return rows.map((r) => ({ action: r.action, at: r.at, reason: r.reason, ref: r.journal && r.year !== null ? entryRef(r.journal, r.year, r.number) : null }));
}

export function checkYear(books: Books, input: { year: number }, today: string = clockToday()): YearEndCheck {
  const fy = getYear(books, input.year);
  const accounts = accountsInfo(books);
  const problems: YearEndProblem[] = [];
  if (fy.status === 'closed') problems.push(problem('ALREADY_CLOSED', 'block', `Boekjaar ${fy.year} is al afgesloten.`, undefined, 'alreadyClosed', { year: fy.year }));
  const notOver = fy.status === 'open' ? yearNotOverMessage(fy.year, fy.end, today) : null;
  if (notOver) problems.push(problem('YEAR_NOT_OVER', 'block', notOver, { endDate: fy.end }, 'yearNotOver', { year: fy.year, end: formatDateNl(fy.end) }));
  const prev = findYear(books, fy.year - 1);
  if (prev && prev.status === 'open') {
    problems.push(problem('PREVIOUS_YEAR_OPEN', 'block', `Boekjaar ${prev.year} is nog open. Sluit eerst ${prev.year} af, daarna ${fy.year}.`, { year: prev.year }, 'previousOpen', { previous: prev.year, year: fy.year }));
  }
  const drafts = draftsProblem(books, fy.year);
  if (drafts) problems.push(drafts);
  const invoiceDrafts = invoiceDraftsProblem(books, fy.year, fy.start, fy.end);
  if (invoiceDrafts) problems.push(invoiceDrafts);
  const suspense = suspenseProblem(books, accounts, fy.end);
  if (suspense) problems.push(suspense);
  const result = yearResult(books, fy.year);
  const target = defaultEquityAccount(accounts);
  if (!target) problems.push(problem('NO_EQUITY_ACCOUNT', 'block', 'Er is geen rekening voor reserves. Maak eerst een rekening van het soort eigen vermogen.', undefined, 'noEquity'));
  problems.push(...moneyProblems(books, accounts, fy.end), ...bankProblems(books, accounts, fy.start, fy.end), ...volunteerProblems(books, fy.year));
  if (fy.status === 'open') problems.push(...negativeReserveProblems(books, accounts, fy.end, result, target));

  const closing = activeClosingEntry(books, fy.year);
  return {
    year: fy.year,
    status: fy.status,
    canClose: !problems.some((p) => p.severity === 'block'),
    problems,
    result: centsToString(result),
    defaultAppropriation: target && result !== 0n ? [{ account: target.code, name: target.name, amount: centsToString(result) }] : [],
    equityAccounts: accounts.filter((a) => a.type === 'equity' && !a.archived).map((a) => ({ code: a.code, name: a.name, line: a.lineRj640 })),
    closing: closing ? { entryId: closing.id, ref: entryRef(closing.journal, fy.year, closing.number)!, date: closing.date } : null,
    nextYear: fy.year + 1,
    history: history(books, fy.year),
  };
}

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
