import type { ApiOutput, Contract } from '../../../shared/api';
import type { bankMethods } from '../../../shared/api/bank';
import type { ParsedInputOf } from '../../../shared/api/define';
import type { Books } from '../../db/books';
import type { Session } from '../../session';
import { confirmTransactions, reopenTransaction } from './confirm';
import { linkTransaction } from './handMatch';
import { importStatement, listImports } from './importer';
import { acceptSuggestions, assignTransaction, ignoreTransactions, listInbox, unassignTransaction } from './inbox';
import { bankReconciliation, reconciliationStatus } from './reconciliation';
import { createRule, deleteRule, listRules } from './rules';

type BankMethodName = keyof typeof bankMethods;
type BankHandler<M extends BankMethodName> = (
  ctx: { session: Session; books: Books },
  input: ParsedInputOf<Contract[M]>,
) => ApiOutput<M> | Promise<ApiOutput<M>>;

/** The bank.* methods (issue 8), spread into the one dispatcher table in electron/api.ts. */
export const bankHandlers: { [M in BankMethodName]: BankHandler<M> } = {
  'bank.import': ({ books }, input) => importStatement(books, input),
  'bank.imports': ({ books }, input) => listImports(books, input.account),
  'bank.inbox': ({ books }, input) => listInbox(books, input),
  'bank.assign': ({ books }, input) => assignTransaction(books, input),
  'bank.unassign': ({ books }, input) => unassignTransaction(books, input.transaction),
  'bank.ignore': ({ books }, input) => ignoreTransactions(books, input.transactions, input.ignored ?? true),
  'bank.confirm': ({ books }, input) => confirmTransactions(books, input),
  'bank.link': ({ books }, input) => linkTransaction(books, input),
  'bank.reopen': ({ books }, input) => reopenTransaction(books, input),
  'bank.acceptSuggestions': ({ books }, input) =>
    books.tx(() => {
      const r = acceptSuggestions(books, input);
      const confirmed = input.confirm && r.ids.length > 0 ? confirmTransactions(books, { transactions: r.ids }) : null;
      return { accepted: r.accepted, skipped: r.skipped, confirmed };
    }),
  'bank.rules.list': ({ books }) => listRules(books),
  'bank.rules.create': ({ books }, input) => createRule(books, input),
  'bank.rules.delete': ({ books }, input) => deleteRule(books, input.id),
  'bank.reconciliation': ({ books }, input) => bankReconciliation(books, input.account, input.limit),
  'bank.reconciliationStatus': ({ books }, input) => reconciliationStatus(books, input.year),
};
