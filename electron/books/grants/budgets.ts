import { centsToString, parseAmount } from '../../../shared/money';
import { formatDateNl } from '../../../shared/dates';
import { KassaError } from '../../../shared/errors';
import type { Budget, BudgetSuggestion, BudgetVsActual, VsActualAccount, VsActualFigures, VsActualLine } from '../../../shared/api/grants';
import { STATEMENT_LINES, type Layout } from '../../../shared/chart';
import { proRata, roundToEuro, spendLevel } from '../../../shared/rules/grants';
import type { Books } from '../../db/books';
import { exactAll } from '../../db/exact';
import { appendAudit } from '../audit';
import { said } from '../../../shared/phrase';

/**
 * The annual budget (begroting): one positive amount per income or expense account and year, in
 * the account's natural direction. Actuals come from account_totals (whole years) or one aggregate
 * over the covering index lines_account(account_id, date, entry_id, amount_cents, posted) (year to date).
 */

type PlType = 'income' | 'expense';
interface AccountRow { id: number; code: string; name: string; type: PlType; line_rj640: string; line_rj650: string; archived: number }

function plAccounts(books: Books): AccountRow[] {
  return books.raw(`SELECT id, code, name, type, line_rj640, line_rj650, archived FROM accounts WHERE type IN ('income','expense') ORDER BY CASE type WHEN 'income' THEN 0 ELSE 1 END, code`).all() as AccountRow[];
}

function yearRow(books: Books, year: number): { start_date: string; end_date: string; status: 'open' | 'closed' } | undefined {
  return books.raw('SELECT start_date, end_date, status FROM fiscal_years WHERE year = ?').get(year) as { start_date: string; end_date: string; status: 'open' | 'closed' } | undefined;
}

/** Actual per account for a whole fiscal year, natural sign (income credit positive, costs debit positive). */
function wholeYearActuals(books: Books, year: number): Map<number, bigint> {
  const rows = exactAll<{ id: bigint; type: PlType; bal: bigint }>(books.raw(
    `SELECT t.account_id AS id, a.type, t.debit_cents - t.credit_cents AS bal FROM account_totals t JOIN accounts a ON a.id = t.account_id
     WHERE t.year = ? AND a.type IN ('income','expense')`,
  ), year);
  return new Map(rows.map((r) => [Number(r.id), r.type === 'income' ? -r.bal : r.bal]));
}

/**
 * Actual per account between two dates (inclusive), natural sign: one range seek per income or
 * expense account on the covering index lines_account(account_id, date, entry_id, amount_cents, posted), so only the
 * period's postings of those accounts are read.
 */
function periodActuals(books: Books, from: string, to: string): Map<number, bigint> {
  const rows = exactAll<{ id: bigint; type: PlType; bal: bigint | null }>(books.raw(
    `SELECT a.id, a.type, (SELECT SUM(l.amount_cents) FROM lines l WHERE l.account_id = a.id AND l.date >= ? AND l.date <= ? AND l.posted = 1) AS bal
     FROM accounts a WHERE a.type IN ('income','expense')`,
  ), from, to);
  const out = new Map<number, bigint>();
  for (const r of rows) if (r.bal !== null) out.set(Number(r.id), r.type === 'income' ? -r.bal : r.bal);
  return out;
}

function budgetRows(books: Books, year: number): Map<number, bigint> {
  const rows = books.raw('SELECT account_id, amount_cents FROM budgets WHERE year = ?').all(year) as { account_id: number; amount_cents: number }[];
  return new Map(rows.map((r) => [r.account_id, BigInt(r.amount_cents)]));
}

function totals(lines: { type: PlType; cents: bigint }[]): { income: string; expense: string; result: string } {
  let inc = 0n;
  let exp = 0n;
  for (const l of lines) {
    if (l.type === 'income') inc += l.cents;
    else exp += l.cents;
  }
  return { income: centsToString(inc), expense: centsToString(exp), result: centsToString(inc - exp) };
}

export function getBudget(books: Books, year: number): Budget {
  const fy = yearRow(books, year);
  const budget = budgetRows(books, year);
  const prev = yearRow(books, year - 1) ? wholeYearActuals(books, year - 1) : new Map<number, bigint>();
  const lines = plAccounts(books)
    .filter((a) => a.archived === 0 || budget.has(a.id))
    .map((a) => ({
      account: a.code, name: a.name, type: a.type, amount: centsToString(budget.get(a.id) ?? 0n), set: budget.has(a.id),
      previousActual: centsToString(prev.get(a.id) ?? 0n), cents: budget.get(a.id) ?? 0n,
    }));
  return {
    year,
    yearStatus: fy ? fy.status : 'none',
    lines: lines.map(({ cents: _c, ...l }) => l),
    totals: totals(lines.map((l) => ({ type: l.type, cents: l.cents }))),
  };
}

/** Replace the whole budget of a year. Amounts are never negative; a closed year's budget stays as it was. */
export function setBudget(books: Books, input: { year: number; lines: { account: string; amount: string }[] }): Budget {
  return books.tx(() => {
    const fy = yearRow(books, input.year);
    if (fy?.status === 'closed') {
      throw new KassaError('YEAR_CLOSED', said('err.budget.yearClosed', 'Boekjaar {{year}} is afgesloten. De begroting van dat jaar kan niet meer veranderen.', { year: input.year }), { field: 'year' });
    }
    const accounts = new Map(plAccounts(books).map((a) => [a.code, a]));
    const seen = new Set<string>();
    const rows = input.lines.map((l, i) => {
      const field = `lines.${i}`;
      const a = accounts.get(l.account);
      if (!a) {
        const other = books.raw('SELECT name FROM accounts WHERE code = ?').get(l.account) as { name: string } | undefined;
        if (other) throw new KassaError('INVALID_INPUT', said('err.budget.notIncomeOrCost', 'Rekening {{account}} ({{name}}) is geen baten- of lastenrekening. Een begroting gaat over baten en lasten.', { account: l.account, name: other.name }), { field: `${field}.account` });
        throw new KassaError('UNKNOWN_ACCOUNT', said('err.account.unknownChooseAccount', 'Rekening {{account}} bestaat niet. Kies een rekening uit het rekeningschema.', { account: l.account }), { field: `${field}.account` });
      }
      if (seen.has(l.account)) throw new KassaError('DUPLICATE', said('err.budget.accountTwice', 'Rekening {{account}} staat twee keer in de begroting.', { account: l.account }), { field: `${field}.account` });
      seen.add(l.account);
      return { id: a.id, cents: parseAmount(l.amount, `${field}.amount`, { allowZero: true }) };
    });
    books.raw('DELETE FROM budgets WHERE year = ?').run(input.year);
    const ins = books.raw('INSERT INTO budgets (year, account_id, amount_cents) VALUES (?, ?, ?)');
    for (const r of rows) ins.run(input.year, r.id, r.cents);
    appendAudit(books, 'budgets.set', 'budget', input.year, input);
    return getBudget(books, input.year);
  });
}

/** Last year's actuals, rounded to whole euros, as the starting point for this year's budget. */
export function suggestBudget(books: Books, year: number): BudgetSuggestion {
  const prevYear = year - 1;
  const prev = yearRow(books, prevYear) ? wholeYearActuals(books, prevYear) : new Map<number, bigint>();
  const lines = plAccounts(books)
    .filter((a) => a.archived === 0 && (prev.get(a.id) ?? 0n) !== 0n)
    .map((a) => {
      const actual = prev.get(a.id) ?? 0n;
      const amount = actual > 0n ? roundToEuro(actual) : 0n;
      return { account: a.code, name: a.name, type: a.type, previousActual: centsToString(actual), amount: centsToString(amount), cents: amount };
    });
  return {
    year,
    previousYear: prevYear,
    lines: lines.map(({ cents: _c, ...l }) => l),
    totals: totals(lines.map((l) => ({ type: l.type, cents: l.cents }))),
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

function figures(budget: bigint, budgetToDate: bigint, actual: bigint): VsActualFigures {
  return {
    budget: centsToString(budget),
    budgetToDate: centsToString(budgetToDate),
    actual: centsToString(actual),
    difference: centsToString(actual - budget),
    percent: spendLevel(budget, actual).percent,
  };
}

/** Order of the income and expense lines in each layout (DESIGN.md section 6). */
const LINE_ORDER: Record<Layout, string[]> = {
  rj640: [
    'subsidiebaten', 'giften_fondsenwerving', 'sponsorbijdragen', 'baten_tegenprestatie', 'financiele_baten', 'overige_baten',
    'lasten_vrijwilligers', 'lasten_huisvesting', 'lasten_activiteiten', 'lasten_inhuur', 'lasten_fondsenwerving', 'lasten_kantoor',
    'lasten_afschrijvingen', 'lasten_overige',
  ],
  rj650: [
    'baten_particulieren', 'baten_bedrijven', 'baten_loterij', 'baten_subsidies_overheden', 'baten_andere_organisaties', 'baten_tegenprestatie',
    'overige_baten', 'financiele_baten_lasten', 'besteed_doelstellingen', 'wervingskosten', 'beheer_administratie',
  ],
};
const rank = (layout: Layout, key: string) => {
  const i = LINE_ORDER[layout].indexOf(key);
  return i < 0 ? 1000 : i;
};

/**
 * Budget vs actual of a year, up to `to` (year to date): per account and per statement line of the
 * layout the foundation chose (RJ 640 or RJ 650), with the pro-rata budget for the days so far.
 */
export function budgetVsActual(books: Books, input: { year: number; to?: string | undefined }): BudgetVsActual {
  const fy = yearRow(books, input.year);
  if (!fy) throw new KassaError('NOT_FOUND', said('err.year.notInAdministration', 'Boekjaar {{year}} bestaat niet in deze administratie.', { year: input.year }), { field: 'year' });
  const to = input.to === undefined || input.to > fy.end_date ? fy.end_date : input.to;
  if (to < fy.start_date) {
    throw new KassaError('INVALID_INPUT', said('err.budget.dateBeforeYear', 'De datum {{to}} ligt voor het begin van boekjaar {{year}} ({{start}}).', { to: formatDateNl(to), year: input.year, start: formatDateNl(fy.start_date) }), { field: 'to' });
  }
  const layout = ((books.raw('SELECT layout FROM organisation WHERE id = 1').get() as { layout: Layout } | undefined)?.layout ?? 'rj640') as Layout;
  const actuals = to === fy.end_date ? wholeYearActuals(books, input.year) : periodActuals(books, fy.start_date, to);
  const budget = budgetRows(books, input.year);
  const elapsed = daysBetween(fy.start_date, to);
  const yearDays = daysBetween(fy.start_date, fy.end_date);

  const accRows = plAccounts(books).filter((a) => a.archived === 0 || budget.has(a.id) || (actuals.get(a.id) ?? 0n) !== 0n);
  const accounts: (VsActualAccount & { b: bigint; btd: bigint; act: bigint })[] = accRows.map((a) => {
    const b = budget.get(a.id) ?? 0n;
    const btd = proRata(b, elapsed, yearDays);
    const act = actuals.get(a.id) ?? 0n;
    return { account: a.code, name: a.name, type: a.type, line: layout === 'rj650' ? a.line_rj650 : a.line_rj640, ...figures(b, btd, act), b, btd, act };
  });

  const byLine = new Map<string, { type: PlType; b: bigint; btd: bigint; act: bigint; accounts: string[] }>();
  for (const a of accounts) {
    const key = `${a.type}:${a.line}`;
    const cur = byLine.get(key) ?? { type: a.type, b: 0n, btd: 0n, act: 0n, accounts: [] };
    cur.b += a.b;
    cur.btd += a.btd;
    cur.act += a.act;
    cur.accounts.push(a.account);
    byLine.set(key, cur);
  }
  const lines: VsActualLine[] = [...byLine.entries()]
    .map(([k, v]) => {
      const key = k.slice(k.indexOf(':') + 1);
      return { key, name: (STATEMENT_LINES as Record<string, string>)[key] ?? key, type: v.type, accounts: v.accounts, ...figures(v.b, v.btd, v.act) };
    })
    .sort((x, y) => (x.type === y.type ? rank(layout, x.key) - rank(layout, y.key) : x.type === 'income' ? -1 : 1));

  const sum = (type: PlType) => accounts.filter((a) => a.type === type).reduce((s, a) => ({ b: s.b + a.b, btd: s.btd + a.btd, act: s.act + a.act }), { b: 0n, btd: 0n, act: 0n });
  const inc = sum('income');
  const exp = sum('expense');
  return {
    year: input.year,
    from: fy.start_date,
    to,
    layout,
    accounts: accounts.map(({ b: _b, btd: _btd, act: _act, ...a }) => a),
    lines,
    totals: {
      income: figures(inc.b, inc.btd, inc.act),
      expense: figures(exp.b, exp.btd, exp.act),
      result: { budget: centsToString(inc.b - exp.b), budgetToDate: centsToString(inc.btd - exp.btd), actual: centsToString(inc.act - exp.act) },
    },
  };
}
