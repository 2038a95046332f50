import { descriptionKey, suggestFor, type MatchChoice, type MatchContext, type MatchRule } from '../../../shared/rules/bankMatch';
import type { Books } from '../../db/books';
import { openInvoicesForMatching } from './invoiceLink';

/**
 * Suggestions for inbox lines: loads what the pure rules in shared/rules/bankMatch.ts need (rules,
 * earlier booked choices, open invoices, own accounts) once, then matches every line in memory and
 * writes only the suggestions that changed. A line matched to an open invoice is also assigned to
 * it (matched automatically); the treasurer still confirms before anything is booked.
 */

interface AccountRow { id: number; code: string; name: string; kind: string | null; iban: string | null; archived: number }

export interface MatchData {
  ctx: Omit<MatchContext, 'ownAccounts'>;
  /** IBAN -> code of every own bank/cash account. */
  own: Map<string, string>;
  ownCodeById: Map<number, string>;
  idByCode: Map<string, number>;
}

export function loadMatchData(books: Books): MatchData {
  const accounts = books.raw('SELECT id, code, name, kind, iban, archived FROM accounts').all() as AccountRow[];
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const names = new Map(accounts.map((a) => [a.code, a.name]));
  const idByCode = new Map(accounts.map((a) => [a.code, a.id]));
  const own = new Map<string, string>();
  const ownCodeById = new Map<number, string>();
  for (const a of accounts) {
    if (a.kind === null) continue;
    ownCodeById.set(a.id, a.code);
    if (a.iban && !a.archived) own.set(a.iban.toUpperCase(), a.code);
  }

  const rules: MatchRule[] = (
    books.raw(
      `SELECT r.id, r.match_iban AS iban, r.match_text AS text, r.direction, a.code AS account, r.grant_id AS grantId,
              r.budget_line_id AS budgetLine, r.person_id AS person, r.priority
       FROM bank_rules r JOIN accounts a ON a.id = r.account_id WHERE a.archived = 0`,
    ).all() as (Omit<MatchRule, 'grant'> & { grantId: number | null })[]
  ).map(({ grantId, ...r }) => ({ ...r, grant: grantId }));

  // Earlier choices: the newest booked line per counterparty IBAN (or, without IBAN, per description
  // key). Grants and budget lines are left out on purpose: a grant has a period, the account does not.
  const historyByIban = new Map<string, MatchChoice>();
  const historyByText = new Map<string, MatchChoice>();
  const booked = books
    .raw(
      `SELECT counterparty_iban AS iban, description, assign_account_id AS account, assign_person_id AS person, assign_contact_id AS contact
       FROM bank_transactions WHERE status = 'booked' AND assign_invoice_id IS NULL ORDER BY id`,
    )
    .iterate() as Iterable<{ iban: string | null; description: string; account: number; person: number | null; contact: number | null }>;
  for (const b of booked) {
    const a = byId.get(b.account);
    if (!a || a.archived) continue;
    const choice: MatchChoice = { account: a.code, grant: null, budgetLine: null, person: b.person, contact: b.contact, invoice: null };
    if (b.iban !== null) historyByIban.set(b.iban.toUpperCase(), choice);
    else {
      const key = descriptionKey(b.description);
      if (key !== '') historyByText.set(key, choice);
    }
  }

  return {
    ctx: { rules, invoices: openInvoicesForMatching(books), historyByIban, historyByText, accountName: (code) => names.get(code) ?? '' },
    own,
    ownCodeById,
    idByCode,
  };
}

interface InboxRow {
  id: number;
  account_id: number;
  amount_cents: number;
  counterparty_iban: string | null;
  counterparty_name: string | null;
  description: string;
  end_to_end_id: string | null;
  assign_account_id: number | null;
  suggest_account_id: number | null;
  suggest_grant_id: number | null;
  suggest_budget_line_id: number | null;
  suggest_person_id: number | null;
  suggest_contact_id: number | null;
  suggest_invoice_id: number | null;
  suggest_kind: string | null;
  suggest_rule_id: number | null;
  suggest_reason: string | null;
  suggest_says: string | null;
}

/**
 * Recompute the suggestions of inbox lines (all, or those of one import / some ids) and store the
 * changed ones. Returns how many of those lines now have a suggestion. Runs inside the caller's tx.
 */
export function refreshSuggestions(books: Books, filter: { importId?: number; ids?: number[] } = {}): number {
  const data = loadMatchData(books);
  let where = `status = 'inbox'`;
  const params: unknown[] = [];
  if (filter.importId !== undefined) {
    where += ' AND import_id = ?';
    params.push(filter.importId);
  }
  if (filter.ids !== undefined) {
    where += ' AND id IN (SELECT value FROM json_each(?))';
    params.push(JSON.stringify(filter.ids));
  }
  const rows = books
    .raw(
      `SELECT id, account_id, amount_cents, counterparty_iban, counterparty_name, description, end_to_end_id, assign_account_id,
              suggest_account_id, suggest_grant_id, suggest_budget_line_id, suggest_person_id, suggest_contact_id, suggest_invoice_id,
              suggest_kind, suggest_rule_id, suggest_reason, suggest_says
       FROM bank_transactions WHERE ${where}`,
    )
    .all(...params) as InboxRow[];
  const update = books.raw(
    `UPDATE bank_transactions SET suggest_account_id = ?, suggest_grant_id = ?, suggest_budget_line_id = ?, suggest_person_id = ?,
       suggest_contact_id = ?, suggest_invoice_id = ?, suggest_kind = ?, suggest_rule_id = ?, suggest_reason = ?, suggest_says = ? WHERE id = ?`,
  );
  const autoAssign = books.raw(
    `UPDATE bank_transactions SET assign_account_id = ?, assign_contact_id = ?, assign_invoice_id = ? WHERE id = ? AND assign_account_id IS NULL`,
  );
  // Own accounts without the line's own account, computed once per bank account.
  const ownFor = new Map<number, Map<string, string>>();
  let suggested = 0;
  for (const r of rows) {
    let ownAccounts = ownFor.get(r.account_id);
    if (!ownAccounts) {
      const code = data.ownCodeById.get(r.account_id);
      ownAccounts = new Map([...data.own].filter(([, c]) => c !== code));
      ownFor.set(r.account_id, ownAccounts);
    }
    const s = suggestFor(
      { amountCents: r.amount_cents, counterpartyIban: r.counterparty_iban, counterpartyName: r.counterparty_name, description: r.description, reference: r.end_to_end_id },
      { ...data.ctx, ownAccounts },
    );
    const next = s
      ? [data.idByCode.get(s.account) ?? null, s.grant, s.budgetLine, s.person, s.contact, s.invoice, s.kind, s.rule, s.reason, s.says ? JSON.stringify(s.says) : null]
      : [null, null, null, null, null, null, null, null, null, null];
    // A row suggested before its phrases were kept (schema < 18) differs in suggest_says and gets them now.
    const prev = [r.suggest_account_id, r.suggest_grant_id, r.suggest_budget_line_id, r.suggest_person_id, r.suggest_contact_id, r.suggest_invoice_id, r.suggest_kind, r.suggest_rule_id, r.suggest_reason, r.suggest_says];
    if (next.some((v, i) => v !== prev[i])) update.run(...next, r.id);
    if (s) {
      suggested++;
      // Only when the invoice match is new: a treasurer who took it off again keeps it off.
      if (s.kind === 'invoice' && r.assign_account_id === null && r.suggest_invoice_id !== s.invoice) {
        autoAssign.run(data.idByCode.get(s.account) ?? null, s.contact, s.invoice, r.id);
      }
    }
  }
  return suggested;
}
