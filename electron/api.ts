import { ZodError } from 'zod';
import { contract, isMethodName, type ApiOutput, type Contract, type MethodName } from '../shared/api';
import type { ParsedInputOf } from '../shared/api/define';
import { KassaError, type KassaErrorData } from '../shared/errors';
import type { Phrase } from '../shared/phrase';
import type { Books } from './db/books';
import { translateDbError } from './db/errors';
import { openBooks } from './db/open';
import { quickCheck } from './db/quickCheck';
import { appHandlers } from './app/handlers';
import { grantsHandlers } from './books/grants/handlers';
import { invoiceHandlers } from './books/invoices/handlers';
import { volunteersHandlers } from './books/volunteers/handlers';
import { statementsHandlers } from './books/statements/handlers';
import { bankHandlers } from './books/bank/handlers';
import { lineChoices } from './books/statements/layout';
import { backupsHandlers } from './backups/handlers';
import { openingHandlers } from './books/opening';
import { postWithReceipts, receiptsHandlers } from './books/receipts/handlers';
import { reviewHandlers } from './books/review/handlers';
import { overviewHandlers } from './books/overview/handlers';
import { underReview } from './books/review/guard';
import { archiveAccount, createAccount, deleteAccount, listAccounts, updateAccount } from './books/accounts';
import { adminInfo, createAdministration } from './books/administration';
import { deleteDraft, getEntry, listEntries, postDraft, postEntry, reverseEntry, saveDraft } from './books/entries';
import { exportHledgerFile } from './books/exportHledger';
import { moneyReceived, moneySpent, moneyTransfer } from './books/money';
import { getOrganisation, updateOrganisation } from './books/organisation';
import { generalLedger, ledgerPage } from './books/ledger';
import { dashboard, trialBalance } from './books/reports';
import { verifyBooks } from './books/verify';
import { parseSince } from './books/history/verifyChain';
import { closeYear, listYears, openNextYear } from './books/years';
import type { Session } from './session';
import { said } from '../shared/phrase';

export type Handler<M extends MethodName> = (
  ctx: { session: Session; books: Books },
  input: ParsedInputOf<Contract[M]>,
) => ApiOutput<M> | Promise<ApiOutput<M>>;

type Handlers = { [M in MethodName]: Handler<M> };

async function openInto(session: Session, open: () => Promise<Books>): Promise<Books> {
  const books = await open();
  await session.switchTo(books);
  return books;
}

/** The one method table: contract name -> service call. Every door goes through dispatch(). */
export const handlers: Handlers = {
  'admin.create': async ({ session }, input) =>
    adminInfo(await openInto(session, () => createAdministration(input, session.options.nativeBinding ? { nativeBinding: session.options.nativeBinding } : {}))),
  'admin.open': async ({ session }, input) =>
    adminInfo(await openInto(session, async () => {
      const books = await openBooks(input.path, session.options.nativeBinding ? { nativeBinding: session.options.nativeBinding } : {});
      if (!session.options.skipQuickCheck) quickCheck(books);
      return books;
    })),
  'admin.close': async ({ session }) => {
    const had = session.books !== null;
    await session.finish();
    return { closed: had };
  },
  'admin.info': ({ session }) => (session.books ? adminInfo(session.books) : null),

  'org.get': ({ books }) => getOrganisation(books),
  'org.update': ({ books }, input) => updateOrganisation(books, input),

  'accounts.list': ({ books }, input) => listAccounts(books, input.includeArchived),
  'accounts.lineChoices': () => lineChoices(),
  'accounts.create': ({ books }, input) => createAccount(books, input),
  'accounts.update': ({ books }, input) => updateAccount(books, input),
  'accounts.archive': ({ books }, input) => archiveAccount(books, input.code, input.archived ?? true),
  'accounts.delete': ({ books }, input) => deleteAccount(books, input.code),

  'years.list': ({ books }) => listYears(books),
  'years.openNext': ({ books }) => openNextYear(books),
  'years.close': ({ books }, input) => closeYear(books, input.year),

  'journals.list': ({ books }) =>
    books
      .all(books.db.selectFrom('journals as j').leftJoin('accounts as a', 'a.id', 'j.account_id').select(['j.code', 'j.name', 'a.code as account']).orderBy('j.id'))
      .map((j) => ({ code: j.code, name: j.name, account: j.account ?? null })),

  'entries.post': ({ books }, input) => postEntry(books, input),
  'entries.saveDraft': ({ books }, input) => saveDraft(books, input),
  'entries.postDraft': ({ books }, input) => postDraft(books, input.id),
  'entries.deleteDraft': ({ books }, input) => deleteDraft(books, input.id),
  'entries.reverse': ({ books }, input) => reverseEntry(books, input),
  'entries.get': ({ books }, input) => getEntry(books, input.id),
  'entries.list': ({ books }, input) => listEntries(books, input),

  'money.received': ({ books }, input) => postWithReceipts(books, input.receipts, () => moneyReceived(books, input)),
  'money.spent': ({ books }, input) => postWithReceipts(books, input.receipts, () => moneySpent(books, input)),
  'money.transfer': ({ books }, input) => moneyTransfer(books, input),

  'reports.trialBalance': ({ books }, input) => trialBalance(books, input),
  'reports.generalLedger': ({ books }, input) => generalLedger(books, input),
  'reports.ledgerPage': ({ books }, input) => ledgerPage(books, input),
  'reports.journal': ({ books }, input) => listEntries(books, { ...input, status: 'posted' }),
  'reports.dashboard': ({ books }, input) => dashboard(books, input),

  'audit.verify': ({ books }, input) => verifyBooks(books, input.since ? { since: parseSince(input.since)! } : {}),
  'export.hledger': ({ books }, input) => exportHledgerFile(books, input.path, input),
  ...appHandlers,
  ...grantsHandlers,
  ...invoiceHandlers,
  ...volunteersHandlers,
  ...statementsHandlers,
  ...bankHandlers,
  ...backupsHandlers,
  ...openingHandlers,
  ...receiptsHandlers,
  ...reviewHandlers,
  ...overviewHandlers,
};

/** zod issues -> our error: the first problem, in Dutch, with the field it concerns. */
function fromZod(err: ZodError): KassaError {
  const issue = err.issues[0];
  const field = issue?.path.join('.') || undefined;
  const params = issue && 'params' in issue ? (issue.params as { kassaCode?: string; says?: Phrase[] } | undefined) : undefined;
  const code = params?.kassaCode === 'INVALID_AMOUNT' ? 'INVALID_AMOUNT' : 'INVALID_INPUT';
  const message = issue?.message ?? 'De invoer klopt niet.';
  // An amount brings its phrases; the schemas' fixed texts are found by the renderer (serverText.ts).
  const says = params?.says;
  return new KassaError(code, says ? { message, says } : message, {
    ...(field ? { field } : {}),
    details: { issues: err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
  });
}

export function toErrorData(e: unknown): KassaErrorData {
  if (e instanceof KassaError) return e.toJSON();
  // Raw statements (reports, verify, lists) bypass Books' own translation: map SQLite errors here too,
  // so a corrupt or locked file reports CORRUPT_FILE / FILE_LOCKED instead of INTERNAL.
  const db = translateDbError(e);
  if (db instanceof KassaError) return db.toJSON();
  if (e instanceof ZodError) return fromZod(e).toJSON();
  return { code: 'INTERNAL', message: 'Er ging iets mis in het programma. Er is niets veranderd. Probeer het opnieuw of maak een melding.', details: { cause: String((e as Error)?.message ?? e) } };
}

/** Validate with the shared schema, then run the service. Throws KassaError. */
export async function dispatch(session: Session, method: string, rawInput: unknown): Promise<unknown> {
  if (!isMethodName(method)) throw new KassaError('UNKNOWN_METHOD', said('err.app.unknownMethod', 'Onbekende opdracht "{{method}}".', { method: String(method).slice(0, 100) }));
  const spec = contract[method];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) throw fromZod(parsed.error);
  return session.serial(async () => {
    if (spec.file && !session.books) throw new KassaError('NO_FILE_OPEN', said('err.app.openFirst', 'Open eerst een administratie.'));
    const handler = handlers[method] as (ctx: { session: Session; books: Books }, input: unknown) => unknown;
    try {
      // While the kascommissie reviews, only reads and the review's own methods run (guard.ts).
      return await underReview(session.books, method, async () => handler({ session, books: session.books as Books }, parsed.data));
    } catch (e) {
      throw translateDbError(e);
    }
  });
}

/** The transport-friendly form: never throws, returns {result} or {error}. */
export async function handle(session: Session, method: string, rawInput: unknown): Promise<{ result: unknown } | { error: KassaErrorData }> {
  try {
    return { result: await dispatch(session, method, rawInput) };
  } catch (e) {
    return { error: toErrorData(e) };
  }
}
