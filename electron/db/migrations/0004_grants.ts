import { Kysely, sql } from 'kysely';

/**
 * Grants per fund, their budget lines, the annual budget (begroting) and project coverage plans
 * (dekkingsplan). Funds are rows of `contacts` (kind 'fund', migration 0002).
 *
 * The triggers guard what a grant report depends on, whatever code writes to the file:
 * - a line's grant must exist, its budget line must belong to THAT grant, and a rejected grant takes
 *   no allocations (reversals of existing allocations stay possible: a grant with allocations can
 *   never become rejected);
 * - a grant or budget line with allocations is never deleted (archive it instead) and a budget line
 *   never moves to another grant;
 * - budget amounts are never negative, and the budget of a closed year is not changed.
 * The service code checks the same rules first, with a Dutch message and the field; trigger messages
 * are the last line of defence.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE grants (
      id INTEGER PRIMARY KEY,
      fund_id INTEGER NOT NULL REFERENCES contacts(id),
      project TEXT NOT NULL CHECK (length(trim(project)) > 0),
      reference TEXT,
      status TEXT NOT NULL DEFAULT 'applied' CHECK (status IN ('applied','awarded','rejected','settled')),
      applied_cents INTEGER NOT NULL DEFAULT 0 CHECK (applied_cents >= 0),
      awarded_cents INTEGER CHECK (awarded_cents IS NULL OR awarded_cents >= 0),
      start_date TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      end_date TEXT NOT NULL CHECK (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      conditions TEXT,
      must_return_unspent INTEGER NOT NULL DEFAULT 0 CHECK (must_return_unspent IN (0,1)),
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0,1)),
      created_at TEXT NOT NULL,
      CHECK (end_date >= start_date)
    ) STRICT`,
    `CREATE INDEX grants_fund ON grants(fund_id)`,

    `CREATE TABLE grant_budget_lines (
      id INTEGER PRIMARY KEY,
      grant_id INTEGER NOT NULL REFERENCES grants(id),
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
      sort INTEGER NOT NULL DEFAULT 0
    ) STRICT`,
    `CREATE INDEX grant_budget_lines_grant ON grant_budget_lines(grant_id, sort)`,

    // Expense accounts a budget line usually takes: used to suggest the line when booking.
    `CREATE TABLE grant_budget_line_accounts (
      budget_line_id INTEGER NOT NULL REFERENCES grant_budget_lines(id) ON DELETE CASCADE,
      account_id INTEGER NOT NULL REFERENCES accounts(id),
      PRIMARY KEY (budget_line_id, account_id)
    ) STRICT, WITHOUT ROWID`,

    // The annual budget (begroting): one amount per income or expense account and year, as a
    // positive figure in the account's natural direction (income credit, expenses debit).
    `CREATE TABLE budgets (
      year INTEGER NOT NULL,
      account_id INTEGER NOT NULL REFERENCES accounts(id),
      amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
      PRIMARY KEY (year, account_id)
    ) STRICT, WITHOUT ROWID`,

    // Coverage plan (dekkingsplan) of a project: its cost budget and the non-grant sources; the grants
    // of the project (grants.project) are linked by name.
    `CREATE TABLE coverage_plans (
      id INTEGER PRIMARY KEY,
      project TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(project)) > 0),
      note TEXT,
      updated_at TEXT NOT NULL
    ) STRICT`,
    `CREATE TABLE coverage_items (
      id INTEGER PRIMARY KEY,
      plan_id INTEGER NOT NULL REFERENCES coverage_plans(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('cost','source')),
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
      confirmed INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0,1)),
      sort INTEGER NOT NULL DEFAULT 0
    ) STRICT`,
    `CREATE INDEX coverage_items_plan ON coverage_items(plan_id, kind, sort)`,

    // --- allocations on lines (lines and their partial index lines_grant come from 0001) ---
    // WHEN keeps the hot path (lines without a grant) free of any lookup.
    `CREATE TRIGGER lines_grant_insert_check BEFORE INSERT ON lines
      WHEN NEW.grant_id IS NOT NULL OR NEW.budget_line_id IS NOT NULL BEGIN
      SELECT RAISE(ABORT, 'GRANT_LINK: de subsidie bestaat niet in deze administratie')
        WHERE NEW.grant_id IS NULL OR NOT EXISTS (SELECT 1 FROM grants WHERE id = NEW.grant_id);
      SELECT RAISE(ABORT, 'GRANT_LINK: de begrotingsregel hoort niet bij deze subsidie')
        WHERE NEW.budget_line_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM grant_budget_lines WHERE id = NEW.budget_line_id AND grant_id = NEW.grant_id);
      SELECT RAISE(ABORT, 'GRANT_LINK: de subsidie is afgewezen')
        WHERE (SELECT status FROM grants WHERE id = NEW.grant_id) = 'rejected';
    END`,
    `CREATE TRIGGER lines_grant_update_check BEFORE UPDATE OF grant_id, budget_line_id ON lines
      WHEN NEW.grant_id IS NOT NULL OR NEW.budget_line_id IS NOT NULL BEGIN
      SELECT RAISE(ABORT, 'GRANT_LINK: de subsidie bestaat niet in deze administratie')
        WHERE NEW.grant_id IS NULL OR NOT EXISTS (SELECT 1 FROM grants WHERE id = NEW.grant_id);
      SELECT RAISE(ABORT, 'GRANT_LINK: de begrotingsregel hoort niet bij deze subsidie')
        WHERE NEW.budget_line_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM grant_budget_lines WHERE id = NEW.budget_line_id AND grant_id = NEW.grant_id);
      SELECT RAISE(ABORT, 'GRANT_LINK: de subsidie is afgewezen')
        WHERE (SELECT status FROM grants WHERE id = NEW.grant_id) = 'rejected';
    END`,

    // --- grants and budget lines with allocations are archived, never deleted ---
    `CREATE TRIGGER grants_no_delete BEFORE DELETE ON grants
      WHEN EXISTS (SELECT 1 FROM lines WHERE grant_id = OLD.id) BEGIN
      SELECT RAISE(ABORT, 'HAS_POSTINGS');
    END`,
    `CREATE TRIGGER grants_no_reject_allocated BEFORE UPDATE OF status ON grants
      WHEN NEW.status = 'rejected' AND OLD.status <> 'rejected' AND EXISTS (SELECT 1 FROM lines WHERE grant_id = OLD.id) BEGIN
      SELECT RAISE(ABORT, 'GRANT_LINK: een subsidie met boekingen kan niet worden afgewezen');
    END`,
    `CREATE TRIGGER grant_budget_lines_no_delete BEFORE DELETE ON grant_budget_lines
      WHEN EXISTS (SELECT 1 FROM lines WHERE budget_line_id = OLD.id) BEGIN
      SELECT RAISE(ABORT, 'HAS_POSTINGS');
    END`,
    `CREATE TRIGGER grant_budget_lines_fixed_grant BEFORE UPDATE OF grant_id ON grant_budget_lines
      WHEN NEW.grant_id <> OLD.grant_id BEGIN
      SELECT RAISE(ABORT, 'GRANT_LINK: een begrotingsregel blijft bij zijn eigen subsidie');
    END`,

    // --- the budget of a closed year stays as it was ---
    `CREATE TRIGGER budgets_closed_insert BEFORE INSERT ON budgets
      WHEN (SELECT status FROM fiscal_years WHERE year = NEW.year) = 'closed' BEGIN
      SELECT RAISE(ABORT, 'YEAR_CLOSED');
    END`,
    `CREATE TRIGGER budgets_closed_update BEFORE UPDATE ON budgets
      WHEN (SELECT status FROM fiscal_years WHERE year = OLD.year) = 'closed'
        OR (SELECT status FROM fiscal_years WHERE year = NEW.year) = 'closed' BEGIN
      SELECT RAISE(ABORT, 'YEAR_CLOSED');
    END`,
    `CREATE TRIGGER budgets_closed_delete BEFORE DELETE ON budgets
      WHEN (SELECT status FROM fiscal_years WHERE year = OLD.year) = 'closed' BEGIN
      SELECT RAISE(ABORT, 'YEAR_CLOSED');
    END`,
    `CREATE TRIGGER budgets_account_type BEFORE INSERT ON budgets
      WHEN (SELECT type FROM accounts WHERE id = NEW.account_id) NOT IN ('income','expense') BEGIN
      SELECT RAISE(ABORT, 'BUDGET_ACCOUNT: alleen baten- en lastenrekeningen hebben een begroting');
    END`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The books are never migrated down; restore the backup copy instead.');
}
