import { centsToString, formatEuro } from '../../../shared/money';
import type {
  GrantOption, GrantPosting, GrantPostings, GrantReport, GrantReportLine, GrantSummary, GrantWarning,
} from '../../../shared/api/grants';
import type { AccountType } from '../../../shared/chart';
import { incomeAccountFor, spendLevel, spendWarning, type GrantStatus } from '../../../shared/rules/grants';
import type { Books } from '../../db/books';
import { exactAll } from '../../db/exact';
import { entryRef } from '../entries';
import { GRANT_SELECT, getGrant, grantRow, toGrantBase, type GrantRow } from './grants';
import { said } from '../../../shared/phrase';

/**
 * Budget vs actual of a grant. Every figure is one SQL aggregate over the partial index
 * lines_grant(grant_id, budget_line_id): summed as integers in SQLite, carried as bigint here.
 */

interface SumRow { bl: number | null; acc: number; s: bigint }

/**
 * Posted sums of a grant per budget line and account, up to a date: the partial index
 * lines_grant(grant_id, budget_line_id) finds the grant's lines; no join, the few accounts are a map.
 */
function grantSums(books: Books, grantId: number, to: string | null): SumRow[] {
  const rows = exactAll<{ bl: bigint | null; acc: bigint; s: bigint }>(books.raw(
    `SELECT l.budget_line_id AS bl, l.account_id AS acc, SUM(l.amount_cents) AS s
     FROM lines l WHERE l.grant_id = ? AND l.posted = 1 ${to ? 'AND l.date <= ?' : ''}
     GROUP BY l.budget_line_id, l.account_id`,
  ), ...(to ? [grantId, to] : [grantId]));
  return rows.map((r) => ({ bl: r.bl === null ? null : Number(r.bl), acc: Number(r.acc), s: r.s }));
}

export interface GrantFlows {
  /** Costs per budget line (key null: without a budget line). */
  spentByLine: Map<number | null, bigint>;
  spent: bigint;
  received: bigint;
  /** The income account most of the grant's receipts went to (null: nothing received yet). */
  incomeAccount: string | null;
}

export function grantFlows(books: Books, grantId: number, to: string | null): GrantFlows {
  const accounts = new Map((books.raw('SELECT id, code, type FROM accounts').all() as { id: number; code: string; type: AccountType }[]).map((a) => [a.id, a]));
  const spentByLine = new Map<number | null, bigint>();
  const incomeBy = new Map<string, bigint>();
  let spent = 0n;
  let received = 0n;
  for (const r of grantSums(books, grantId, to)) {
    const a = accounts.get(r.acc);
    const s = r.s;
    if (a?.type === 'expense') {
      spentByLine.set(r.bl, (spentByLine.get(r.bl) ?? 0n) + s);
      spent += s;
    } else if (a?.type === 'income') {
      received -= s;
      incomeBy.set(a.code, (incomeBy.get(a.code) ?? 0n) - s);
    }
  }
  let incomeAccount: string | null = null;
  for (const [code, v] of [...incomeBy].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    if (v > 0n && (incomeAccount === null || v > incomeBy.get(incomeAccount)!)) incomeAccount = code;
  }
  return { spentByLine, spent, received, incomeAccount };
}

const NO_LINE = 'Zonder begrotingsregel';

export function grantReport(books: Books, input: { grant: number; to?: string | undefined }): GrantReport {
  const row = grantRow(books, input.grant, 'grant');
  const to = input.to ?? null;
  const flows = grantFlows(books, row.id, to);
  const grant = getGrant(books, row.id, 'grant', flows.incomeAccount ?? incomeAccountFor(row.fund_type));
  const warnings: GrantWarning[] = [];
  let budgetTotal = 0n;
  const lines: GrantReportLine[] = grant.budgetLines.map((b) => {
    const budget = cents(b.amount);
    budgetTotal += budget;
    const actual = flows.spentByLine.get(b.id) ?? 0n;
    const s = spendLevel(budget, actual);
    const w = spendWarning({ line: b.name }, s, formatEuro(budget - actual), formatEuro(actual - budget));
    if (w) warnings.push({ level: s.level, budgetLine: b.id, ...w });
    return {
      id: b.id, name: b.name, budget: b.amount, actual: centsToString(actual), remaining: centsToString(budget - actual),
      percent: s.percent, level: s.level, accounts: b.accounts,
    };
  });
  const unassigned = flows.spentByLine.get(null) ?? 0n;
  if (unassigned !== 0n) {
    const s = spendLevel(0n, unassigned);
    lines.push({ id: null, name: NO_LINE, budget: '0.00', actual: centsToString(unassigned), remaining: centsToString(-unassigned), percent: null, level: s.level, accounts: [] });
    warnings.push({ level: 'near', budgetLine: null, ...said('err.grant.warn.noLine', 'Er is {{amount}} aan kosten op deze subsidie geboekt zonder begrotingsregel. Kies bij die boekingen een begrotingsregel (met een tegenboeking en een nieuwe boeking).', { amount: formatEuro(unassigned) }) });
  }
  const total = spendLevel(budgetTotal, flows.spent);
  const totalWarning = spendWarning('grant', total, formatEuro(budgetTotal - flows.spent), formatEuro(flows.spent - budgetTotal));
  if (totalWarning && budgetTotal > 0n) warnings.unshift({ level: total.level, budgetLine: null, ...totalWarning });
  const awarded = grant.awarded === null ? null : cents(grant.awarded);
  if (awarded !== null && budgetTotal > awarded && grant.budgetLines.length > 0) {
    warnings.push({ level: 'near', budgetLine: null, ...said('err.grant.warn.budgetAboveAward', 'De begroting ({{budget}}) is hoger dan het toegekende bedrag ({{awarded}}). Zoek dekking voor het verschil of pas de begroting aan.', { budget: formatEuro(budgetTotal), awarded: formatEuro(awarded) }) });
  }
  if (awarded !== null && flows.spent > awarded) {
    warnings.push({ level: 'over', budgetLine: null, ...said('err.grant.warn.spentAboveAward', 'Er is meer besteed ({{spent}}) dan het fonds heeft toegekend ({{awarded}}).', { spent: formatEuro(flows.spent), awarded: formatEuro(awarded) }) });
  }
  const toReceive = awarded !== null && awarded > flows.received ? awarded - flows.received : 0n;
  return {
    grant,
    to,
    lines,
    totals: { budget: centsToString(budgetTotal), actual: centsToString(flows.spent), remaining: centsToString(budgetTotal - flows.spent), percent: total.percent, level: total.level },
    received: centsToString(flows.received),
    awarded: grant.awarded,
    toReceive: centsToString(toReceive),
    unspent: centsToString(flows.received - flows.spent),
    warnings,
  };
}

/** API amount string -> bigint cents, exactly. */
export function cents(amount: string): bigint {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  if (!m) throw new Error(`not an amount: ${amount}`);
  const v = BigInt(m[2]!) * 100n + BigInt(m[3]!);
  return m[1] ? -v : v;
}

interface PostingRow {
  id: number; journal: string; year: number; number: number; date: string; description: string; code: string; name: string;
  type: AccountType; bl: number | null; bl_name: string | null; amount_cents: number;
}

const POSTINGS_FROM = `FROM lines l JOIN entries e ON e.id = l.entry_id JOIN journals j ON j.id = e.journal_id
  JOIN accounts a ON a.id = l.account_id LEFT JOIN grant_budget_lines b ON b.id = l.budget_line_id`;

function postingWhere(input: { grant: number; budgetLine?: number | undefined; to?: string | null | undefined; kinds?: 'flows' | 'all' }) {
  const cond = ['l.grant_id = ?', 'l.posted = 1'];
  const params: (string | number)[] = [input.grant];
  if (input.budgetLine !== undefined) { cond.push('l.budget_line_id = ?'); params.push(input.budgetLine); }
  if (input.to) { cond.push('l.date <= ?'); params.push(input.to); }
  if (input.kinds === 'flows') cond.push(`a.type IN ('income','expense')`);
  return { where: cond.join(' AND '), params };
}

const toPosting = (r: PostingRow): GrantPosting => ({
  entryId: r.id, ref: entryRef(r.journal, r.year, r.number)!, date: r.date, description: r.description, account: r.code, accountName: r.name,
  accountType: r.type, budgetLine: r.bl, budgetLineName: r.bl_name, amount: centsToString(r.amount_cents),
  kind: r.type === 'expense' ? 'expense' : r.type === 'income' ? 'income' : 'other',
});

/** The postings behind a grant (or one of its budget lines), oldest first, paged. */
export function grantPostings(books: Books, input: { grant: number; budgetLine?: number | undefined; limit?: number | undefined; offset?: number | undefined }): GrantPostings {
  grantRow(books, input.grant);
  const { where, params } = postingWhere(input);
  const total = (books.raw(`SELECT COUNT(*) AS n FROM lines l WHERE ${where}`).get(...params) as { n: number }).n;
  const rows = books
    .raw(
      `SELECT e.id, j.code AS journal, e.year, e.number, l.date, COALESCE(l.description, e.description) AS description, a.code, a.name, a.type,
         l.budget_line_id AS bl, b.name AS bl_name, l.amount_cents
       ${POSTINGS_FROM} WHERE ${where} ORDER BY l.date, e.id, l.id LIMIT ? OFFSET ?`,
    )
    .all(...params, input.limit ?? 100, input.offset ?? 0) as PostingRow[];
  return { total, items: rows.map(toPosting) };
}

/** Every cost and income posting of a grant up to a date, for the verantwoording export. */
export function allGrantFlowPostings(books: Books, grantId: number, to: string | null): GrantPosting[] {
  const { where, params } = postingWhere({ grant: grantId, to, kinds: 'flows' });
  const rows = books
    .raw(
      `SELECT e.id, j.code AS journal, e.year, e.number, l.date, COALESCE(l.description, e.description) AS description, a.code, a.name, a.type,
         l.budget_line_id AS bl, b.name AS bl_name, l.amount_cents
       ${POSTINGS_FROM} WHERE ${where} ORDER BY l.date, e.id, l.id`,
    )
    .all(...params) as PostingRow[];
  return rows.map(toPosting);
}

/** Every grant with what has been spent and received: one aggregate over the allocated lines. */
export function listGrantSummaries(
  books: Books,
  input: { fund?: number | undefined; status?: GrantStatus | undefined; project?: string | undefined; includeArchived?: boolean | undefined },
): GrantSummary[] {
  const cond: string[] = [];
  const params: (string | number)[] = [];
  if (!input.includeArchived) cond.push('g.archived = 0');
  if (input.fund !== undefined) { cond.push('g.fund_id = ?'); params.push(input.fund); }
  if (input.status !== undefined) { cond.push('g.status = ?'); params.push(input.status); }
  if (input.project?.trim()) { cond.push('g.project = ? COLLATE NOCASE'); params.push(input.project.trim()); }
  const rows = books.raw(`${GRANT_SELECT} ${cond.length ? `WHERE ${cond.join(' AND ')}` : ''} ORDER BY g.start_date DESC, g.id DESC`).all(...params) as GrantRow[];
  if (rows.length === 0) return [];
  const sums = exactAll<{ g: bigint; type: string; s: bigint }>(books.raw(
    `SELECT l.grant_id AS g, a.type, SUM(l.amount_cents) AS s FROM lines l JOIN accounts a ON a.id = l.account_id
     WHERE l.grant_id IS NOT NULL AND l.posted = 1 AND a.type IN ('income','expense') GROUP BY l.grant_id, a.type`,
  ));
  const spent = new Map<number, bigint>();
  const received = new Map<number, bigint>();
  for (const s of sums) {
    if (s.type === 'expense') spent.set(Number(s.g), s.s);
    else received.set(Number(s.g), -s.s);
  }
  return rows.map((r) => {
    const sp = spent.get(r.id) ?? 0n;
    const lvl = spendLevel(BigInt(r.budget_cents), sp);
    return { ...toGrantBase(books, r), spent: centsToString(sp), received: centsToString(received.get(r.id) ?? 0n), percent: lvl.percent, level: lvl.level };
  });
}

/**
 * Grants a cost or receipt on `date` may be booked on, with their budget lines and what is left;
 * the budget line whose usual accounts include `account` is marked as suggestion.
 */
export function grantOptions(books: Books, input: { date?: string | undefined; account?: string | undefined }): GrantOption[] {
  const grants = books
    .raw(
      `SELECT g.id, g.project, c.name AS fund, g.status, g.start_date, g.end_date FROM grants g JOIN contacts c ON c.id = g.fund_id
       WHERE g.archived = 0 AND g.status <> 'rejected' ORDER BY g.project COLLATE NOCASE, g.id`,
    )
    .all() as { id: number; project: string; fund: string; status: GrantStatus; start_date: string; end_date: string }[];
  const accountId = input.account
    ? (books.raw('SELECT id FROM accounts WHERE code = ?').get(input.account) as { id: number } | undefined)?.id ?? null
    : null;
  const out = grants.map((g) => {
    const lines = exactAll<{ id: bigint; name: string; amount_cents: bigint; spent: bigint; suggested: bigint }>(books.raw(
      `SELECT b.id, b.name, b.amount_cents,
         (SELECT COALESCE(SUM(l.amount_cents), 0) FROM lines l JOIN accounts a ON a.id = l.account_id
           WHERE l.grant_id = b.grant_id AND l.budget_line_id = b.id AND l.posted = 1 AND a.type = 'expense') AS spent,
         EXISTS (SELECT 1 FROM grant_budget_line_accounts x WHERE x.budget_line_id = b.id AND x.account_id = ?) AS suggested
       FROM grant_budget_lines b WHERE b.grant_id = ? ORDER BY b.sort, b.id`,
    ), accountId, g.id);
    return {
      id: g.id, project: g.project, fund: g.fund, status: g.status, startDate: g.start_date, endDate: g.end_date,
      inPeriod: input.date === undefined || (input.date >= g.start_date && input.date <= g.end_date),
      budgetLines: lines.map((l) => ({ id: Number(l.id), name: l.name, remaining: centsToString(l.amount_cents - l.spent), suggested: l.suggested === 1n })),
    };
  });
  return out.sort((a, b) => Number(b.inPeriod) - Number(a.inPeriod));
}
