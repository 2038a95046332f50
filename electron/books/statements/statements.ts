import { centsToString } from '../../../shared/money';
import { formatDateNl } from '../../../shared/dates';
import { KassaError } from '../../../shared/errors';
import type { BalanceSheet, IncomeStatement, StatementRow } from '../../../shared/api/statements';
import type { Books } from '../../db/books';
import {
  accountsInfo, activeClosingEntry, balancesAt, budgetBalances, dayBefore, entriesBalances, findYear, getYear,
  isProfitAndLossAccount, mappedLine, operatingBalances, organisationLayout, yearOfDate, type AccountInfo, type Balances,
} from './balances';
import { APPROPRIATION_LINES, BALANCE_ACTIVA, BALANCE_PASSIVA, incomeLayout, lineFor, RESULT_CURRENT, RESULT_EARLIER } from './layout';
import { buildRows, type Columns } from './rows';
import { listObjectives, storedKeys } from './allocation';
import { costAllocationStatement, splitCosts } from './split';
import { said, phrase, type Phrase } from '../../../shared/phrase';

/** Sum of the profit-and-loss accounts in a set of balances (signed: a surplus is negative, a credit). */
function profitAndLoss(accounts: AccountInfo[], b: Balances): bigint {
  let t = 0n;
  for (const a of accounts) if (isProfitAndLossAccount(a)) t += b.get(a.id) ?? 0n;
  return t;
}

function onlyProfitAndLoss(accounts: AccountInfo[], b: Balances): Balances {
  const out: Balances = new Map();
  for (const a of accounts) {
    const v = b.get(a.id);
    if (v !== undefined && isProfitAndLossAccount(a)) out.set(a.id, v);
  }
  return out;
}

interface Snapshot {
  balances: Balances;
  resultCurrent: bigint;
  resultEarlier: bigint;
}

/** Balances at a date plus the not-yet-appropriated result, split into the date's fiscal year and earlier years. */
function snapshot(books: Books, accounts: AccountInfo[], date: string): Snapshot {
  const balances = balancesAt(books, date);
  const fy = yearOfDate(books, date);
  const total = profitAndLoss(accounts, balances);
  if (!fy) return { balances, resultCurrent: total, resultEarlier: 0n };
  const before = profitAndLoss(accounts, balancesAt(books, dayBefore(fy.start)));
  return { balances, resultCurrent: total - before, resultEarlier: before };
}

/**
 * Balance sheet (balans) at a year end or any date. The result not yet appropriated by a closing
 * entry is shown inside reserves and funds, so assets always equal liabilities plus equity.
 */
export function balanceSheet(books: Books, input: { year?: number; date?: string }): BalanceSheet {
  const layout = organisationLayout(books);
  const accounts = accountsInfo(books);
  let date: string;
  if (input.year !== undefined) date = getYear(books, input.year).end;
  else if (input.date !== undefined) date = input.date;
  else throw new KassaError('INVALID_INPUT', said('err.statement.yearOrDate', 'Kies een boekjaar of een datum.'), { field: 'year' });

  const fy = yearOfDate(books, date);
  const prevYear = fy ? findYear(books, fy.year - 1) : undefined;
  const previousDate = prevYear ? prevYear.end : null;

  const cur = snapshot(books, accounts, date);
  const prev = previousDate ? snapshot(books, accounts, previousDate) : null;
  const specials: Record<string, Columns<bigint>> = {
    [RESULT_CURRENT]: { current: cur.resultCurrent, budget: null, previous: prev ? prev.resultCurrent : null },
    [RESULT_EARLIER]: { current: cur.resultEarlier, budget: null, previous: prev ? prev.resultEarlier : null },
  };
  const cols: Columns<Balances> = { current: cur.balances, budget: null, previous: prev ? prev.balances : null };
  const activa = buildRows({ nodes: BALANCE_ACTIVA, layout, accounts, profitAndLoss: false, balances: cols, specials });
  const passiva = buildRows({ nodes: BALANCE_PASSIVA, layout, accounts, profitAndLoss: false, balances: cols, specials });
  const ta = activa.values.get('totaal_activa')!;
  const tp = passiva.values.get('totaal_passiva')!;

  const notes: string[] = [];
  const notesSays: Phrase[] = [];
  if (cur.resultCurrent !== 0n) {
    notes.push('Het resultaat van dit boekjaar is nog niet verdeeld over de reserves en fondsen. Dat gebeurt bij het afsluiten van het boekjaar.');
    notesSays.push(phrase('statements.resultNotAppropriated'));
  }
  if (cur.resultEarlier !== 0n) {
    notes.push('Een eerder boekjaar is nog niet afgesloten. Het resultaat daarvan staat apart onder reserves en fondsen.');
    notesSays.push(phrase('statements.earlierYearOpen'));
  }

  return {
    layout,
    date,
    year: fy?.year ?? null,
    yearStatus: fy?.status ?? null,
    previousDate,
    columns: { current: `${formatDateNl(date)}`, budget: null, previous: previousDate ? formatDateNl(previousDate) : null },
    activa: activa.rows,
    passiva: passiva.rows,
    totals: {
      activa: centsToString(ta.current),
      passiva: centsToString(tp.current),
      previousActiva: ta.previous === null ? null : centsToString(ta.previous),
      previousPassiva: tp.previous === null ? null : centsToString(tp.previous),
    },
    balanced: ta.current === tp.current && ta.previous === tp.previous,
    notes,
    notesSays,
  };
}

/** The equity lines of a closing entry, grouped as the appropriation (positive = added to the reserve). */
function appropriationOf(books: Books, accounts: AccountInfo[], year: number | null): Balances | null {
  if (year === null) return null;
  const closing = activeClosingEntry(books, year);
  if (!closing) return null;
  const b = entriesBalances(books, [closing.id]);
  const out: Balances = new Map();
  for (const a of accounts) {
    const v = b.get(a.id);
    if (v !== undefined && a.type === 'equity') out.set(a.id, v);
  }
  return out;
}

/** The account the result goes to when the treasurer does not choose: other reserves (0590), else the continuity reserve (0500), else any equity account. */
export function defaultEquityAccount(accounts: AccountInfo[]): AccountInfo | undefined {
  const equity = accounts.filter((a) => a.type === 'equity' && !a.archived);
  return equity.find((a) => a.code === '0590') ?? equity.find((a) => a.code === '0500') ?? equity[0];
}

function appropriationRows(
  layout: ReturnType<typeof organisationLayout>,
  accounts: AccountInfo[],
  current: Balances,
  previous: Balances | null,
): { rows: StatementRow[]; total: bigint } {
  const nodes = APPROPRIATION_LINES.map((l) => ({ kind: 'line' as const, key: `bestemming_${l.line}`, label: l.label, level: 1, nature: 'credit' as const, lines: [l.line] }));
  const equity = accounts.filter((a) => a.type === 'equity');
  // Every equity account sits on one of the four appropriation lines (others fall back to overige reserves).
  const remapped = equity.map((a) => {
    const l = lineFor(layout, a.type, mappedLine(a, layout));
    const known = APPROPRIATION_LINES.some((x) => x.line === l);
    return known ? a : { ...a, lineRj640: 'overige_reserves', lineRj650: 'overige_reserves' };
  });
  const built = buildRows({
    nodes: [
      { kind: 'heading', key: 'bestemming', label: 'Bestemming van het saldo van baten en lasten', level: 0 },
      ...nodes,
      { kind: 'total', key: 'bestemming_totaal', label: 'Totaal bestemd', level: 0, plus: nodes.map((n) => n.key), minus: [] },
    ],
    layout,
    accounts: remapped,
    profitAndLoss: false,
    balances: { current, budget: null, previous },
  });
  return { rows: built.rows, total: built.values.get('bestemming_totaal')!.current };
}

/** Income statement (staat van baten en lasten) of a fiscal year: this year, the budget, last year. */
export function incomeStatement(books: Books, input: { year: number }): IncomeStatement {
  const layout = organisationLayout(books);
  const accounts = accountsInfo(books);
  const fy = getYear(books, input.year);
  const prevYear = findYear(books, input.year - 1);
  const current = onlyProfitAndLoss(accounts, operatingBalances(books, fy.year));
  const previous = prevYear ? onlyProfitAndLoss(accounts, operatingBalances(books, prevYear.year)) : null;
  const budget = budgetBalances(books, fy.year, accounts);
  // RJ 650: costs spread over the objectives, fundraising and management by the allocation keys.
  const objectives = layout === 'rj650' ? listObjectives(books) : [];
  const split = layout === 'rj650' ? splitCosts(accounts, { current, budget, previous }, storedKeys(books, fy.year), objectives) : null;
  const built = buildRows({
    nodes: incomeLayout(layout, objectives),
    layout,
    accounts: split?.accounts ?? accounts,
    profitAndLoss: true,
    balances: split?.balances ?? { current, budget, previous },
    ...(split ? { extraLines: split.extraLines } : {}),
  });
  const saldo = built.values.get('saldo')!;

  // Appropriation: as booked when the year is closed, else the default proposal.
  const booked = appropriationOf(books, accounts, fy.year);
  const bookedPrev = prevYear ? appropriationOf(books, accounts, prevYear.year) : null;
  let proposed = false;
  let appr: Balances;
  if (booked) {
    appr = booked;
  } else {
    proposed = true;
    appr = new Map();
    const target = defaultEquityAccount(accounts);
    if (target && saldo.current !== 0n) appr.set(target.id, -saldo.current);
  }
  const approp = appropriationRows(layout, accounts, appr, prevYear ? (bookedPrev ?? new Map()) : null);

  const notes: string[] = [];
  const notesSays: Phrase[] = [];
  if (proposed) {
    notes.push('Het boekjaar is nog niet afgesloten. De bestemming van het saldo is een voorstel: alles naar de overige reserves.');
    notesSays.push(phrase('statements.appropriationProposed'));
  }
  if (!budget) {
    notes.push(`Er is geen begroting voor ${fy.year}. De kolom begroting blijft leeg.`);
    notesSays.push(phrase('statements.noBudget', { year: fy.year }));
  }
  if (fy.status === 'closed' && !booked) {
    notes.push('Dit boekjaar is afgesloten zonder afsluitboeking. Het saldo is nog niet over de reserves verdeeld.');
    notesSays.push(phrase('statements.closedWithoutEntry'));
  }

  return {
    layout,
    year: fy.year,
    from: fy.start,
    to: fy.end,
    yearStatus: fy.status,
    previousYear: prevYear?.year ?? null,
    budgetAvailable: budget !== null,
    columns: { current: String(fy.year), budget: budget ? `Begroting ${fy.year}` : null, previous: prevYear ? String(prevYear.year) : null },
    rows: built.rows,
    result: {
      current: centsToString(saldo.current),
      budget: saldo.budget === null ? null : centsToString(saldo.budget),
      previous: saldo.previous === null ? null : centsToString(saldo.previous),
    },
    appropriation: { proposed, rows: approp.rows, total: centsToString(approp.total) },
    costAllocation: split ? costAllocationStatement(split, objectives) : null,
    notes,
    notesSays,
  };
}

/** Saldo van baten en lasten of a year in cents (closing entries left out): positive = surplus. */
export function yearResult(books: Books, year: number): bigint {
  const accounts = accountsInfo(books);
  return -profitAndLoss(accounts, operatingBalances(books, year));
}

