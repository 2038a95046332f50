import { centsToString } from '../../../shared/money';
import { STATEMENT_LINES, type StatementLine } from '../../../shared/chart';
import type { CashFlow, CashFlowRow, CashFlowSection } from '../../../shared/api/statements';
import type { Books } from '../../db/books';
import { exactAll, exactGet } from '../../db/exact';
import { accountsInfo, balancesAt, dayBefore, getYear, mappedLine, organisationLayout, type AccountInfo } from './balances';
import { incomeLayout, lineFor } from './layout';

/**
 * Kasstroomoverzicht, direct method: every posted entry that touches a bank or cash account, split
 * over its other (counter) lines. A counter line on the credit side brought money in (a receipt), one
 * on the debit side took money out (a payment); per entry the counter lines add up to exactly the
 * change in bank and cash, so the overview always ends at the closing bank and cash balances.
 * Counter accounts are grouped by their statement line: income and expense lines, stock, receivables,
 * provisions and short-term payables are operating activities, fixed assets and securities
 * investing, equity and long-term loans (received and repaid) financing.
 */

type SectionKey = CashFlowSection['key'];

const SECTION_LABELS: Record<SectionKey, string> = {
  operationeel: 'Kasstroom uit operationele activiteiten',
  investeringen: 'Kasstroom uit investeringsactiviteiten',
  financiering: 'Kasstroom uit financieringsactiviteiten',
};

export const CASHFLOW_LABELS: Partial<Record<StatementLine, string>> = {
  vorderingen: 'Ontvangen op vorderingen',
  kortlopende_schulden: 'Betaald op kortlopende schulden',
  mva: 'Investeringen in materiële vaste activa',
  immateriele_vaste_activa: 'Investeringen in immateriële vaste activa',
  financiele_vaste_activa: 'Financiële vaste activa (waarborgsommen, leningen u/g)',
  effecten: 'Effecten',
  langlopende_schulden: 'Langlopende leningen: opgenomen en afgelost',
};

/** Fixed assets and securities are investing; equity and long-term loans financing; the rest operating. */
const INVESTING: ReadonlySet<StatementLine> = new Set(['mva', 'immateriele_vaste_activa', 'financiele_vaste_activa', 'effecten']);

function sectionOf(a: AccountInfo, line: StatementLine): SectionKey {
  if (a.type === 'equity' || line === 'langlopende_schulden') return 'financiering';
  if (INVESTING.has(line)) return 'investeringen';
  return 'operationeel';
}

interface Acc {
  receipts: bigint;
  payments: bigint;
}

export function cashFlow(books: Books, input: { year: number }): CashFlow {
  const fy = getYear(books, input.year);
  const layout = organisationLayout(books);
  const accounts = accountsInfo(books);
  const money = accounts.filter((a) => a.kind !== null);
  const moneyIds = JSON.stringify(money.map((a) => a.id));

  // Counter lines of the entries that touch bank or cash = all lines of the year (account_totals)
  // minus the lines of the few entries that touch no bank or cash account (memorial, invoices, the
  // closing entry). Exact, and it avoids joining a million postings back to their entries.
  // Exact sums (BigInt; see db/exact.ts), account ids back to numbers.
  type Sums = { account_id: number; d: bigint; c: bigint; s?: bigint };
  const sums = (rows: (Omit<Sums, 'account_id'> & { account_id: bigint })[]): Sums[] => rows.map((r) => ({ ...r, account_id: Number(r.account_id) }));
  const totals = sums(exactAll(books.raw('SELECT account_id, debit_cents AS d, credit_cents AS c FROM account_totals WHERE year = ?'), fy.year));
  const nonMoney = sums(exactAll(books
    .raw(
      `SELECT l.account_id, COALESCE(SUM(CASE WHEN l.amount_cents > 0 THEN l.amount_cents END), 0) AS d,
              -COALESCE(SUM(CASE WHEN l.amount_cents < 0 THEN l.amount_cents END), 0) AS c
       FROM lines l WHERE l.entry_id IN (
         SELECT e.id FROM entries e WHERE e.year = @year AND e.status = 'posted'
           AND NOT EXISTS (SELECT 1 FROM lines m WHERE m.entry_id = e.id AND m.account_id IN (SELECT value FROM json_each(@money)))
       ) GROUP BY l.account_id`,
    ), { year: fy.year, money: moneyIds }));
  // The opening balance (beginbalans, source 'opening', and reversals of it) is the money the year
  // starts with, not money received in it: its lines count in the opening figure, not as a flow.
  const openingLines = sums(exactAll(books
    .raw(
      `SELECT l.account_id, COALESCE(SUM(CASE WHEN l.amount_cents > 0 THEN l.amount_cents END), 0) AS d,
              -COALESCE(SUM(CASE WHEN l.amount_cents < 0 THEN l.amount_cents END), 0) AS c, SUM(l.amount_cents) AS s
       FROM lines l WHERE l.posted = 1 AND l.entry_id IN (
         SELECT e.id FROM entries e WHERE e.year = @year AND e.status = 'posted'
           AND (e.source = 'opening' OR e.reversal_of IN (SELECT o.id FROM entries o WHERE o.source = 'opening'))
       ) GROUP BY l.account_id`,
    ), { year: fy.year }));
  const isMoney = new Set(money.map((a) => a.id));
  for (const o of openingLines) {
    if (isMoney.has(o.account_id)) continue;
    const n = nonMoney.find((r) => r.account_id === o.account_id);
    if (n) {
      n.d += o.d;
      n.c += o.c;
    } else nonMoney.push({ account_id: o.account_id, d: o.d, c: o.c });
  }
  const less = new Map(nonMoney.map((r) => [r.account_id, r]));
  const rows = totals
    .filter((t) => !isMoney.has(t.account_id))
    .map((t) => {
      const n = less.get(t.account_id);
      return { account_id: t.account_id, receipts: t.c - (n?.c ?? 0n), payments: t.d - (n?.d ?? 0n) };
    })
    .filter((r) => r.receipts !== 0n || r.payments !== 0n);

  // Money moved between own bank and cash accounts: entries with only money lines.
  const transfers = exactGet<{ s: bigint }>(books
    .raw(
      `SELECT COALESCE(SUM(l.amount_cents), 0) AS s FROM lines l
       WHERE l.account_id IN (SELECT value FROM json_each(@money)) AND l.posted = 1 AND l.date >= @from AND l.date <= @to AND l.amount_cents > 0
         AND NOT EXISTS (SELECT 1 FROM lines o WHERE o.entry_id = l.entry_id AND o.account_id NOT IN (SELECT value FROM json_each(@money)))`,
    ), { money: moneyIds, from: fy.start, to: fy.end })!;

  const byId = new Map(accounts.map((a) => [a.id, a]));
  const sections = new Map<SectionKey, Map<string, { label: string; order: number; acc: Acc; accounts: Map<number, Acc> }>>();
  const incomeOrder = incomeLayout(layout).flatMap((n) => (n.kind === 'line' ? n.lines : []));
  const orderOf = (line: StatementLine): number => {
    const i = incomeOrder.indexOf(line);
    return i >= 0 ? i : 100 + Object.keys(STATEMENT_LINES).indexOf(line);
  };

  for (const r of rows) {
    const a = byId.get(r.account_id);
    if (!a) continue;
    const line = lineFor(layout, a.type, mappedLine(a, layout));
    const sKey = sectionOf(a, line);
    const section = sections.get(sKey) ?? new Map();
    sections.set(sKey, section);
    const row = section.get(line) ?? { label: CASHFLOW_LABELS[line] ?? STATEMENT_LINES[line], order: orderOf(line), acc: { receipts: 0n, payments: 0n }, accounts: new Map() };
    section.set(line, row);
    const rec = r.receipts;
    const pay = r.payments;
    row.acc.receipts += rec;
    row.acc.payments += pay;
    row.accounts.set(a.id, { receipts: rec, payments: pay });
  }

  let netChange = 0n;
  const outSections: CashFlowSection[] = (['operationeel', 'investeringen', 'financiering'] as SectionKey[]).map((key) => {
    const section = sections.get(key) ?? new Map();
    let rec = 0n;
    let pay = 0n;
    const outRows: CashFlowRow[] = [...section.entries()]
      .sort((x, y) => x[1].order - y[1].order)
      .map(([line, r]) => {
        rec += r.acc.receipts;
        pay += r.acc.payments;
        return {
          key: line,
          label: r.label,
          receipts: centsToString(r.acc.receipts),
          payments: centsToString(r.acc.payments),
          net: centsToString(r.acc.receipts - r.acc.payments),
          accounts: [...r.accounts.entries()]
            .map(([id, v]) => ({ a: byId.get(id)!, v }))
            .sort((x, y) => x.a.code.localeCompare(y.a.code))
            .map(({ a, v }) => ({ code: a.code, name: a.name, receipts: centsToString(v.receipts), payments: centsToString(v.payments), net: centsToString(v.receipts - v.payments) })),
        };
      });
    netChange += rec - pay;
    return { key, label: SECTION_LABELS[key], rows: outRows, receipts: centsToString(rec), payments: centsToString(pay), net: centsToString(rec - pay) };
  });

  const openBal = balancesAt(books, dayBefore(fy.start));
  const closeBal = balancesAt(books, fy.end);
  let opening = 0n;
  let closingSum = 0n;
  const openingMoney = new Map(openingLines.filter((o) => isMoney.has(o.account_id)).map((o) => [o.account_id, o.s ?? 0n]));
  const moneyAccounts = money.map((a) => {
    const o = (openBal.get(a.id) ?? 0n) + (openingMoney.get(a.id) ?? 0n);
    const c = closeBal.get(a.id) ?? 0n;
    opening += o;
    closingSum += c;
    return { code: a.code, name: a.name, kind: a.kind!, opening: centsToString(o), closing: centsToString(c) };
  });
  const closing = opening + netChange;

  return {
    year: fy.year,
    from: fy.start,
    to: fy.end,
    opening: centsToString(opening),
    sections: outSections,
    internalTransfers: centsToString(transfers.s),
    netChange: centsToString(netChange),
    closing: centsToString(closing),
    moneyAccounts,
    matchesBalances: closing === closingSum,
  };
}
