import { centsToString, parseAmount } from '../../../shared/money';
import { formatDateNl } from '../../../shared/dates';
import { KassaError } from '../../../shared/errors';
import type { Grant, GrantBudgetLine } from '../../../shared/api/grants';
import { GRANT_STATUS_NL, incomeAccountFor, type FundType, type GrantStatus } from '../../../shared/rules/grants';
import type { Books } from '../../db/books';
import { appendAudit } from '../audit';
import { nowIso } from '../clock';
import { getFund } from './funds';
import { said } from '../../../shared/phrase';

/** Grants (applications and awards) from a fund for a project, with their budget lines. */

export interface GrantRow {
  id: number; fund_id: number; fund_name: string; fund_type: FundType | null; project: string; reference: string | null;
  status: GrantStatus; applied_cents: number; awarded_cents: number | null; start_date: string; end_date: string;
  conditions: string | null; must_return_unspent: number; archived: number; has_allocations: number; budget_cents: number;
}

export const GRANT_SELECT = `SELECT g.id, g.fund_id, c.name AS fund_name, c.fund_type, g.project, g.reference, g.status, g.applied_cents,
  g.awarded_cents, g.start_date, g.end_date, g.conditions, g.must_return_unspent, g.archived,
  EXISTS (SELECT 1 FROM lines l WHERE l.grant_id = g.id) AS has_allocations,
  (SELECT COALESCE(SUM(b.amount_cents), 0) FROM grant_budget_lines b WHERE b.grant_id = g.id) AS budget_cents
  FROM grants g JOIN contacts c ON c.id = g.fund_id`;

interface BudgetLineRow { id: number; name: string; amount_cents: number; sort: number; accounts: string | null; used: number }

export function budgetLinesOf(books: Books, grantId: number): GrantBudgetLine[] {
  const rows = books
    .raw(
      `SELECT b.id, b.name, b.amount_cents, b.sort,
         (SELECT group_concat(code, ',') FROM (SELECT a.code FROM grant_budget_line_accounts x JOIN accounts a ON a.id = x.account_id
            WHERE x.budget_line_id = b.id ORDER BY a.code)) AS accounts,
         EXISTS (SELECT 1 FROM lines l WHERE l.grant_id = b.grant_id AND l.budget_line_id = b.id) AS used
       FROM grant_budget_lines b WHERE b.grant_id = ? ORDER BY b.sort, b.id`,
    )
    .all(grantId) as BudgetLineRow[];
  return rows.map((r) => ({
    id: r.id, name: r.name, amount: centsToString(r.amount_cents), sort: r.sort, accounts: r.accounts ? r.accounts.split(',') : [], hasAllocations: r.used === 1,
  }));
}

/** The income account a grant's receipts went to: the one used most, else the usual one for the fund type. */
export function grantIncomeAccount(books: Books, grantId: number, fundType: FundType | null): string {
  const used = books
    .raw(
      `SELECT a.code FROM (SELECT account_id, SUM(amount_cents) AS s FROM lines WHERE grant_id = ? AND posted = 1 GROUP BY account_id) x
       JOIN accounts a ON a.id = x.account_id WHERE a.type = 'income' AND x.s < 0 ORDER BY x.s, a.code LIMIT 1`,
    )
    .get(grantId) as { code: string } | undefined;
  return used?.code ?? incomeAccountFor(fundType);
}

export function toGrantBase(books: Books, r: GrantRow): Omit<Grant, 'budgetLines'> {
  return {
    id: r.id,
    fund: { id: r.fund_id, name: r.fund_name, fundType: r.fund_type },
    project: r.project,
    reference: r.reference,
    status: r.status,
    applied: centsToString(r.applied_cents),
    awarded: r.awarded_cents === null ? null : centsToString(r.awarded_cents),
    startDate: r.start_date,
    endDate: r.end_date,
    conditions: r.conditions,
    mustReturnUnspent: r.must_return_unspent === 1,
    archived: r.archived === 1,
    hasAllocations: r.has_allocations === 1,
    incomeAccount: incomeAccountFor(r.fund_type),
    budgetTotal: centsToString(r.budget_cents),
  };
}

export function grantRow(books: Books, id: number, field = 'grant'): GrantRow {
  const r = books.raw(`${GRANT_SELECT} WHERE g.id = ?`).get(id) as GrantRow | undefined;
  if (!r) throw new KassaError('NOT_FOUND', said('err.grant.notInAdministration', 'Deze subsidie bestaat niet in deze administratie. Kies een subsidie uit de lijst.'), { field });
  return r;
}

/** A grant with its budget lines. `incomeAccount` when the caller already knows it (saves a scan). */
export function getGrant(books: Books, id: number, field = 'id', incomeAccount?: string): Grant {
  const r = grantRow(books, id, field);
  return { ...toGrantBase(books, r), incomeAccount: incomeAccount ?? grantIncomeAccount(books, r.id, r.fund_type), budgetLines: budgetLinesOf(books, r.id) };
}

export interface BudgetLineInput {
  id?: number | undefined;
  name: string;
  amount: string;
  accounts?: string[] | undefined;
}

export interface GrantInput {
  fund: number;
  project: string;
  reference?: string | undefined;
  status?: GrantStatus | undefined;
  applied: string;
  awarded?: string | undefined;
  startDate: string;
  endDate: string;
  conditions?: string | undefined;
  mustReturnUnspent?: boolean | undefined;
}

/**
 * Status and awarded amount together: an award needs an amount (default: the amount applied for),
 * an application or a rejection has none. Giving an awarded amount without a status means "awarded".
 */
function resolveAward(status: GrantStatus | undefined, awarded: string | undefined, applied: number, current?: { status: GrantStatus; awarded: number | null }) {
  let s: GrantStatus;
  if (status !== undefined) s = status;
  else if (awarded !== undefined) s = current?.status === 'settled' ? 'settled' : 'awarded';
  else s = current?.status ?? 'applied';
  if (status === 'applied' && awarded !== undefined) {
    throw new KassaError('INVALID_INPUT', said('err.grant.applicationNoAmount', 'Een aanvraag heeft nog geen toegekend bedrag. Kies "toegekend" als het fonds de subsidie heeft toegezegd.'), { field: 'awarded' });
  }
  let a: number | null = awarded !== undefined ? parseAmount(awarded, 'awarded', { allowZero: true }) : current?.awarded ?? null;
  if (s === 'applied' || s === 'rejected') a = null;
  if ((s === 'awarded' || s === 'settled') && a === null) a = applied;
  return { status: s, awarded: a };
}

function checkBudgetLineAccounts(books: Books, codes: string[] | undefined, field: string): number[] {
  const ids: number[] = [];
  for (const [j, code] of (codes ?? []).entries()) {
    const a = books.raw('SELECT id, type, name FROM accounts WHERE code = ?').get(code) as { id: number; type: string; name: string } | undefined;
    if (!a) throw new KassaError('UNKNOWN_ACCOUNT', said('err.grant.unknownCostAccount', 'Rekening {{code}} bestaat niet. Kies een kostenrekening uit het rekeningschema.', { code }), { field: `${field}.accounts.${j}` });
    if (a.type !== 'expense') throw new KassaError('INVALID_INPUT', said('err.grant.notCostAccount', 'Rekening {{code}} ({{name}}) is geen kostenrekening. Een begrotingsregel hoort bij kosten.', { code, name: a.name }), { field: `${field}.accounts.${j}` });
    if (!ids.includes(a.id)) ids.push(a.id);
  }
  return ids;
}

function checkUniqueNames(lines: { name: string }[], field: string): void {
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    const key = l.name.trim().toLowerCase();
    if (seen.has(key)) throw new KassaError('DUPLICATE', said('err.grant.lineNameTwice', 'Er zijn twee begrotingsregels met de naam "{{name}}". Geef elke regel een eigen naam.', { name: l.name.trim() }), { field: `${field}.${i}.name` });
    seen.add(key);
  });
}

function insertBudgetLine(books: Books, grantId: number, l: BudgetLineInput, sort: number, field: string): number {
  const cents = parseAmount(l.amount, `${field}.amount`, { allowZero: true });
  const accountIds = checkBudgetLineAccounts(books, l.accounts, field);
  const id = Number(books.raw('INSERT INTO grant_budget_lines (grant_id, name, amount_cents, sort) VALUES (?, ?, ?, ?)').run(grantId, l.name.trim(), cents, sort).lastInsertRowid);
  for (const a of accountIds) books.raw('INSERT INTO grant_budget_line_accounts (budget_line_id, account_id) VALUES (?, ?)').run(id, a);
  return id;
}

export function createGrant(books: Books, input: GrantInput & { budgetLines?: BudgetLineInput[] | undefined }): Grant {
  return books.tx(() => {
    getFund(books, input.fund);
    const applied = parseAmount(input.applied, 'applied', { allowZero: true });
    const award = resolveAward(input.status, input.awarded, applied);
    const { lastInsertRowid: id } = books.run(
      books.db.insertInto('grants').values({
        fund_id: input.fund, project: input.project.trim(), reference: input.reference?.trim() || null, status: award.status,
        applied_cents: applied, awarded_cents: award.awarded, start_date: input.startDate, end_date: input.endDate,
        conditions: input.conditions?.trim() || null, must_return_unspent: input.mustReturnUnspent ? 1 : 0, archived: 0, created_at: nowIso(),
      }),
    );
    const lines = input.budgetLines ?? [];
    checkUniqueNames(lines, 'budgetLines');
    lines.forEach((l, i) => insertBudgetLine(books, id, l, i + 1, `budgetLines.${i}`));
    appendAudit(books, 'grants.create', 'grant', id, input);
    return getGrant(books, id);
  });
}

/** Expense allocations must stay inside the grant period: find the first one outside a new period. */
function expenseOutside(books: Books, grantId: number, start: string, end: string): string | null {
  const r = books
    .raw(
      `SELECT MIN(l.date) AS first, MAX(l.date) AS last FROM lines l JOIN accounts a ON a.id = l.account_id
       WHERE l.grant_id = ? AND a.type = 'expense'`,
    )
    .get(grantId) as { first: string | null; last: string | null };
  if (r.first !== null && r.first < start) return r.first;
  if (r.last !== null && r.last > end) return r.last;
  return null;
}

export function updateGrant(books: Books, input: Partial<GrantInput> & { id: number; budgetLines?: BudgetLineInput[] | undefined }): Grant {
  return books.tx(() => {
    const cur = grantRow(books, input.id, 'id');
    if (input.fund !== undefined) getFund(books, input.fund);
    const applied = input.applied !== undefined ? parseAmount(input.applied, 'applied', { allowZero: true }) : cur.applied_cents;
    const award = resolveAward(input.status, input.awarded, applied, { status: cur.status, awarded: cur.awarded_cents });
    if (award.status === 'rejected' && cur.status !== 'rejected' && cur.has_allocations) {
      throw new KassaError('HAS_POSTINGS', said('err.grant.rejectedHasPostings', 'Op de subsidie voor "{{project}}" staan al boekingen. Een afgewezen subsidie kan geen boekingen hebben. Maak eerst tegenboekingen of kies een andere stand.', { project: cur.project }), { field: 'status' });
    }
    const start = input.startDate ?? cur.start_date;
    const end = input.endDate ?? cur.end_date;
    if (end < start) throw new KassaError('INVALID_INPUT', said('err.grant.endBeforeStart', 'De einddatum ligt voor de begindatum. Kies een einddatum op of na de begindatum.'), { field: 'endDate' });
    const outside = expenseOutside(books, cur.id, start, end);
    if (outside) {
      throw new KassaError('GRANT_PERIOD', said('err.grant.costsOutsidePeriod', 'Er zijn kosten op deze subsidie geboekt op {{outside}}. Die datum valt dan buiten de periode. Kies een periode waar alle geboekte kosten in vallen.', { outside: formatDateNl(outside) }), {
        field: outside < start ? 'startDate' : 'endDate',
      });
    }
    books.run(
      books.db.updateTable('grants').set({
        fund_id: input.fund ?? cur.fund_id,
        project: input.project !== undefined ? input.project.trim() : cur.project,
        reference: input.reference !== undefined ? input.reference.trim() || null : cur.reference,
        status: award.status,
        applied_cents: applied,
        awarded_cents: award.awarded,
        start_date: start,
        end_date: end,
        conditions: input.conditions !== undefined ? input.conditions.trim() || null : cur.conditions,
        must_return_unspent: input.mustReturnUnspent !== undefined ? (input.mustReturnUnspent ? 1 : 0) : cur.must_return_unspent,
      }).where('id', '=', cur.id),
    );
    const { budgetLines, ...fields } = input;
    appendAudit(books, 'grants.update', 'grant', cur.id, fields);
    // The grant and its budget in one transaction: one user action, all or nothing.
    if (budgetLines !== undefined) setBudgetLines(books, cur.id, budgetLines, 'budgetLines');
    return getGrant(books, cur.id);
  });
}

export function archiveGrant(books: Books, id: number, archived = true): Grant {
  return books.tx(() => {
    grantRow(books, id, 'id');
    books.run(books.db.updateTable('grants').set({ archived: archived ? 1 : 0 }).where('id', '=', id));
    appendAudit(books, archived ? 'grants.archive' : 'grants.unarchive', 'grant', id, { id });
    return getGrant(books, id);
  });
}

export function deleteGrant(books: Books, id: number): { deleted: boolean } {
  return books.tx(() => {
    const g = grantRow(books, id, 'id');
    if (g.has_allocations) {
      throw new KassaError('HAS_POSTINGS', said('err.grant.hasPostingsArchive', 'Op de subsidie voor "{{project}}" staan boekingen. Verwijderen kan niet; archiveer de subsidie.', { project: g.project }), { field: 'id' });
    }
    books.raw('DELETE FROM grant_budget_line_accounts WHERE budget_line_id IN (SELECT id FROM grant_budget_lines WHERE grant_id = ?)').run(id);
    books.raw('DELETE FROM grant_budget_lines WHERE grant_id = ?').run(id);
    books.raw('DELETE FROM grants WHERE id = ?').run(id);
    appendAudit(books, 'grants.delete', 'grant', id, { project: g.project, status: GRANT_STATUS_NL[g.status] });
    return { deleted: true };
  });
}

/**
 * Replace the budget of a grant: lines with an id are updated, lines without one are added, lines
 * left out are removed. A line with postings is never removed (the database refuses too).
 */
export function setBudgetLines(books: Books, grantId: number, lines: BudgetLineInput[], fieldPrefix = 'lines'): Grant {
  return books.tx(() => {
    const g = grantRow(books, grantId, 'grant');
    checkUniqueNames(lines, fieldPrefix);
    const existing = budgetLinesOf(books, grantId);
    const byId = new Map(existing.map((l) => [l.id, l]));
    const keep = new Set<number>();
    lines.forEach((l, i) => {
      if (l.id === undefined) return;
      if (!byId.has(l.id)) {
        const other = books.raw('SELECT grant_id FROM grant_budget_lines WHERE id = ?').get(l.id) as { grant_id: number } | undefined;
        if (other) throw new KassaError('BUDGET_LINE_MISMATCH', said('err.grant.lineOfOtherGrant', 'Begrotingsregel {{id}} hoort bij een andere subsidie, niet bij "{{project}}".', { id: l.id, project: g.project }), { field: `${fieldPrefix}.${i}.id` });
        throw new KassaError('NOT_FOUND', said('err.grant.lineNotFound', 'Begrotingsregel {{id}} bestaat niet.', { id: l.id }), { field: `${fieldPrefix}.${i}.id` });
      }
      if (keep.has(l.id)) throw new KassaError('DUPLICATE', said('err.grant.lineTwice', 'Begrotingsregel {{id}} staat twee keer in de lijst.', { id: l.id }), { field: `${fieldPrefix}.${i}.id` });
      keep.add(l.id);
    });
    for (const old of existing) {
      if (keep.has(old.id)) continue;
      if (old.hasAllocations) {
        throw new KassaError('HAS_POSTINGS', said('err.grant.lineHasPostings', 'Op begrotingsregel "{{name}}" staan boekingen. Die regel kan niet weg. Zet het bedrag eventueel op 0.', { name: old.name }), { field: fieldPrefix });
      }
      books.raw('DELETE FROM grant_budget_line_accounts WHERE budget_line_id = ?').run(old.id);
      books.raw('DELETE FROM grant_budget_lines WHERE id = ?').run(old.id);
    }
    lines.forEach((l, i) => {
      const field = `${fieldPrefix}.${i}`;
      if (l.id === undefined) {
        insertBudgetLine(books, grantId, l, i + 1, field);
        return;
      }
      const cents = parseAmount(l.amount, `${field}.amount`, { allowZero: true });
      const accountIds = checkBudgetLineAccounts(books, l.accounts, field);
      books.raw('UPDATE grant_budget_lines SET name = ?, amount_cents = ?, sort = ? WHERE id = ? AND grant_id = ?').run(l.name.trim(), cents, i + 1, l.id, grantId);
      books.raw('DELETE FROM grant_budget_line_accounts WHERE budget_line_id = ?').run(l.id);
      for (const a of accountIds) books.raw('INSERT INTO grant_budget_line_accounts (budget_line_id, account_id) VALUES (?, ?)').run(l.id, a);
    });
    appendAudit(books, 'grants.budgetLines.set', 'grant', grantId, { lines });
    return getGrant(books, grantId);
  });
}
