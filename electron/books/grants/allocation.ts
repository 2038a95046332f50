import { KassaError } from '../../../shared/errors';
import { allocationProblem, type GrantForAllocation, type GrantStatus } from '../../../shared/rules/grants';
import type { Books } from '../../db/books';
import type { AccountRef } from '../accounts';
import { said } from '../../../shared/phrase';

interface GrantRow { id: number; project: string; status: GrantStatus; start_date: string; end_date: string; archived: number }

/**
 * The check postEntry runs for every line that names a grant or budget line (called from
 * electron/books/entries.ts resolveLines). The rules themselves are pure: shared/rules/grants.ts.
 * The triggers of migration 0004 repeat the structural part (existence, budget line of THAT grant).
 */
export function checkLineAllocation(
  books: Books,
  line: { grant?: number | undefined; budgetLine?: number | undefined },
  account: Pick<AccountRef, 'type'>,
  date: string,
  field: string,
): void {
  if (line.grant === undefined) {
    if (line.budgetLine === undefined) return;
    throw new KassaError('INVALID_INPUT', said('err.grant.chooseGrantOfLine', 'Kies ook de subsidie waar deze begrotingsregel bij hoort.'), { field: `${field}.grant` });
  }
  const row = books.raw('SELECT id, project, status, start_date, end_date, archived FROM grants WHERE id = ?').get(line.grant) as GrantRow | undefined;
  const grant: GrantForAllocation | null = row
    ? { id: row.id, project: row.project, status: row.status, startDate: row.start_date, endDate: row.end_date, archived: row.archived === 1 }
    : null;
  let budgetLine: { grantId: number | null } | undefined;
  if (line.budgetLine !== undefined) {
    const bl = books.raw('SELECT grant_id FROM grant_budget_lines WHERE id = ?').get(line.budgetLine) as { grant_id: number } | undefined;
    budgetLine = { grantId: bl?.grant_id ?? null };
  }
  const problem = allocationProblem(grant, { accountType: account.type, date, ...(budgetLine ? { budgetLine } : {}) }, line.budgetLine !== undefined);
  if (problem) {
    throw new KassaError(problem.code, { message: problem.message, says: problem.says }, {
      field: `${field}.${problem.field}`,
      details: { grant: line.grant, ...(line.budgetLine !== undefined ? { budgetLine: line.budgetLine } : {}) },
    });
  }
}
