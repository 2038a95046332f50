import { centsToString, formatEuro } from '../../../shared/money';
import { formatDateNl } from '../../../shared/dates';
import { limitsForYear, summariseYear, type LimitsRow, type PastVolunteerPayment } from '../../../shared/rules/volunteerLimits';
import type { YearEndCheck, YearEndHistoryItem, YearEndProblem } from '../../../shared/api/statements';
import type { Books } from '../../db/books';
import { today as clockToday } from '../clock';
import { entryRef } from '../entries';
import { yearNotOverMessage } from '../years';
import { accountsInfo, activeClosingEntry, balancesAt, findYear, getYear, hasTable, type AccountInfo } from './balances';
import { defaultEquityAccount, yearResult } from './statements';
import { phrase } from '../../../shared/phrase';
import { differenceWords } from '../../../shared/rules/bankDifference';

/**
 * The year-end check: what must be done (or looked at) before a year can be closed, with the result
 * and the default appropriation the close will propose. Read-only; yearEnd.ts closes and reopens.
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
