import type { booksMethods } from '../../shared/api/books';
import type { Handler } from '../handler';
import type { Books } from '../db/books';
import { openBooks } from '../db/open';
import { quickCheck } from '../db/quickCheck';
import type { Session } from '../session';
import { archiveAccount, createAccount, deleteAccount, listAccounts, updateAccount } from './accounts';
import { adminInfo, createAdministration } from './administration';
import { deleteDraft, getEntry, listEntries, postDraft, postEntry, reverseEntry, saveDraft } from './entries';
import { exportHledgerFile } from './exportHledger';
import { parseSince } from './history/verifyChain';
import { moneyReceived, moneySpent, moneyTransfer } from './money';
import { getOrganisation, updateOrganisation } from './organisation';
import { postWithReceipts } from './receipts/handlers';
import { reportHandlers } from './reportHandlers';
import { lineChoices } from './statements/layout';
import { verifyBooks } from './verify';
import { closeYear, listYears, openNextYear } from './years';

type BooksMethodName = keyof typeof booksMethods;

async function openInto(session: Session, open: () => Promise<Books>): Promise<Books> {
  const books = await open();
  await session.switchTo(books);
  return books;
}

/** The core books: administration, accounts, entries, money, reports (contract table shared/api/books.ts). */
export const booksHandlers: { [M in BooksMethodName]: Handler<M> } = {
  'admin.create': async ({ session }, input) =>
    adminInfo(await openInto(session, () => createAdministration(input, session.options.nativeBinding ? { nativeBinding: session.options.nativeBinding } : {}))),
  'admin.open': async ({ session }, input) =>
    adminInfo(await openInto(session, async () => {
      const books = await openBooks(input.path, session.options.nativeBinding ? { nativeBinding: session.options.nativeBinding } : {});
      // App sessions check the opening backup's copy instead, beside the first reads (backups/auto.ts).
      if (!session.options.skipQuickCheck && !session.options.checksWithOpeningBackup?.(books.path)) quickCheck(books);
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

  ...reportHandlers,

  'audit.verify': ({ books }, input) => verifyBooks(books, input.since ? { since: parseSince(input.since)! } : {}),
  'export.hledger': ({ books }, input) => exportHledgerFile(books, input.path, input),
};
