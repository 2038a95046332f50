/**
 * Matching rules: "counterparty IBAN X → account 4100", "description contains 'huur' → 4100". The
 * treasurer makes them (or ticks "remember" when assigning a line); they are settings, not books,
 * so they can be deleted. Every change is in the audit log and refreshes the inbox suggestions.
 */
import { KassaError } from '../../../shared/errors';
import { normaliseIban } from '../../../shared/validation/iban';
import { haystack, ruleMatches } from '../../../shared/rules/bankMatch';
import type { BankRule } from '../../../shared/api/bank';
import type { Books } from '../../db/books';
import { accountForPosting } from '../accounts';
import { appendAudit } from '../audit';
import { nowIso } from '../clock';
import { refreshSuggestions } from './suggest';
import { said } from '../../../shared/phrase';

export interface RuleInput {
  iban?: string | undefined;
  text?: string | undefined;
  direction?: 'in' | 'out' | undefined;
  account: string;
  grant?: number | undefined;
  budgetLine?: number | undefined;
  person?: number | undefined;
  description?: string | undefined;
  priority?: number | undefined;
}

interface RuleRow {
  id: number; match_iban: string | null; match_text: string | null; direction: 'in' | 'out' | null; code: string; name: string;
  grant_id: number | null; budget_line_id: number | null; person_id: number | null; description: string | null; priority: number;
  created_from: string; created_at: string;
}

const SELECT = `SELECT r.*, a.code, a.name FROM bank_rules r JOIN accounts a ON a.id = r.account_id`;

/**
 * Insert (or, for the same IBAN/text/direction, replace) a rule. Validates the account and the grant
 * dimensions; runs inside the caller's transaction.
 */
export function createRuleRow(books: Books, input: RuleInput, createdFrom = 'user'): number {
  const account = accountForPosting(books, input.account, 'account');
  if (input.iban === undefined && !input.text?.trim()) {
    throw new KassaError('INVALID_INPUT', said('err.bank.ruleNeedsIbanOrText', 'Vul een tegenrekening (IBAN) of een tekst in.'), { field: 'iban' });
  }
  if (input.budgetLine !== undefined && input.grant === undefined) {
    throw new KassaError('INVALID_INPUT', said('err.grant.chooseGrantOfLine', 'Kies ook de subsidie waar deze begrotingsregel bij hoort.'), { field: 'grant' });
  }
  if (input.grant !== undefined && books.raw('SELECT 1 FROM grants WHERE id = ?').get(input.grant) === undefined) {
    throw new KassaError('NOT_FOUND', said('err.grant.notFound', 'Subsidie {{grant}} bestaat niet.', { grant: input.grant }), { field: 'grant' });
  }
  if (input.budgetLine !== undefined && books.raw('SELECT 1 FROM grant_budget_lines WHERE id = ? AND grant_id = ?').get(input.budgetLine, input.grant) === undefined) {
    throw new KassaError('BUDGET_LINE_MISMATCH', said('err.grant.lineNotOfGrant', 'Deze begrotingsregel hoort niet bij die subsidie.'), { field: 'budgetLine' });
  }
  if (input.person !== undefined && books.raw('SELECT 1 FROM persons WHERE id = ?').get(input.person) === undefined) {
    throw new KassaError('NOT_FOUND', said('err.vol.personNotFound', 'Vrijwilliger {{person}} bestaat niet.', { person: input.person }), { field: 'person' });
  }
  const iban = input.iban !== undefined ? normaliseIban(input.iban) : null;
  const text = input.text?.trim() || null;
  const direction = input.direction ?? null;
  const same = books
    .raw('SELECT id FROM bank_rules WHERE match_iban IS ? AND lower(match_text) IS lower(?) AND direction IS ?')
    .get(iban, text, direction) as { id: number } | undefined;
  if (same) {
    books.raw('DELETE FROM bank_rules WHERE id = ?').run(same.id);
    appendAudit(books, 'bank.rules.replace', 'bank_rule', same.id, { replacedBy: input });
  }
  const { lastInsertRowid: id } = books.run(
    books.db.insertInto('bank_rules').values({
      match_iban: iban, match_text: text, direction, account_id: account.id, grant_id: input.grant ?? null,
      budget_line_id: input.budgetLine ?? null, person_id: input.person ?? null, description: input.description?.trim() || null,
      priority: input.priority ?? 0, created_from: createdFrom, created_at: nowIso(),
    }),
  );
  appendAudit(books, 'bank.rules.create', 'bank_rule', id, { ...input, createdFrom });
  return id;
}

export function listRules(books: Books): BankRule[] {
  const rows = books.raw(`${SELECT} ORDER BY r.priority DESC, r.id`).all() as RuleRow[];
  const inbox = books
    .raw(`SELECT amount_cents, counterparty_iban, counterparty_name, description FROM bank_transactions WHERE status = 'inbox'`)
    .all() as { amount_cents: number; counterparty_iban: string | null; counterparty_name: string | null; description: string }[];
  const lines = inbox.map((t) => {
    const line = { amountCents: t.amount_cents, counterpartyIban: t.counterparty_iban, counterpartyName: t.counterparty_name, description: t.description };
    return { line, hay: haystack(line) };
  });
  return rows.map((r) => {
    const rule = {
      id: r.id, iban: r.match_iban, text: r.match_text, direction: r.direction, account: r.code, grant: r.grant_id, budgetLine: r.budget_line_id,
      person: r.person_id, priority: r.priority,
    };
    const matches = lines.filter((l) => ruleMatches(rule, l.line, l.hay)).length;
    return {
      ...rule, accountName: r.name, description: r.description, createdFrom: r.created_from, createdAt: r.created_at, matches,
    };
  });
}

export function getRule(books: Books, id: number): BankRule {
  const r = listRules(books).find((x) => x.id === id);
  if (!r) throw new KassaError('NOT_FOUND', said('err.bank.ruleNotFound', 'Regel {{id}} bestaat niet.', { id }), { field: 'id' });
  return r;
}

export function createRule(books: Books, input: RuleInput): BankRule {
  return books.tx(() => {
    const id = createRuleRow(books, input);
    refreshSuggestions(books);
    return getRule(books, id);
  });
}

export function deleteRule(books: Books, id: number): { deleted: boolean } {
  return books.tx(() => {
    const r = books.raw(`${SELECT} WHERE r.id = ?`).get(id) as RuleRow | undefined;
    if (!r) throw new KassaError('NOT_FOUND', said('err.bank.ruleNotFound', 'Regel {{id}} bestaat niet.', { id }), { field: 'id' });
    books.raw('DELETE FROM bank_rules WHERE id = ?').run(id);
    appendAudit(books, 'bank.rules.delete', 'bank_rule', id, { iban: r.match_iban, text: r.match_text, account: r.code });
    refreshSuggestions(books);
    return { deleted: true };
  });
}
