import fs from 'node:fs';
import path from 'node:path';
import type { ApiOutput, Contract } from '../../shared/api';
import type { appMethods, RecentFile } from '../../shared/api/app';
import type { ParsedInputOf } from '../../shared/api/define';
import type { AdminInfo } from '../../shared/api/types';
import { KassaError } from '../../shared/errors';
import { adminInfo, createAdministration } from '../books/administration';
import { generateDemo } from '../books/demo';
import { openNextYear } from '../books/years';
import type { Books } from '../db/books';
import { openBooks } from '../db/open';
import { finalAutoBackup, startAutoBackups } from '../backups/auto';
import { Session, type SessionOptions } from '../session';
import { browseFolder } from './browse';
import { appVersion, defaultDocumentsDir, defaultSettingsDir, practicePath } from './paths';
import { addRecent, readSettings, samePath, updateSettings } from './settings';
import { said } from '../../shared/phrase';

type AppMethodName = keyof typeof appMethods;
type AppHandler<M extends AppMethodName> = (
  ctx: { session: Session; books: Books },
  input: ParsedInputOf<Contract[M]>,
) => ApiOutput<M> | Promise<ApiOutput<M>>;

export function settingsDirOf(session: Session): string {
  return session.options.settingsDir ?? defaultSettingsDir();
}

function nativeOpts(session: Session): { nativeBinding?: string } {
  return session.options.nativeBinding ? { nativeBinding: session.options.nativeBinding } : {};
}

function isPracticeFile(settingsDir: string, file: string): boolean {
  return samePath(path.resolve(file), path.resolve(practicePath(settingsDir)));
}

/**
 * A session for a door that has a user behind it (an Electron window, the browser mode): every
 * administration it opens or creates goes to the top of the recent files. The practice
 * administration has its own button and stays out of that list. The CLI and tests use a plain
 * Session, which records nothing.
 */
export function createAppSession(options: Omit<SessionOptions, 'onOpen' | 'beforeClose'> = {}): Session {
  const settingsDir = options.settingsDir ?? defaultSettingsDir();
  const session: Session = new Session({
    ...options,
    settingsDir,
    // Every file but the practice one gets an opening backup, and that copy is what quick_check reads.
    checksWithOpeningBackup: (file) => !isPracticeFile(settingsDir, file),
    onOpen: (books) => {
      if (isPracticeFile(settingsDir, books.path)) return;
      startAutoBackups(session, books);
      try {
        addRecent(settingsDir, books.path);
      } catch {
        // A settings file we cannot write must never stop the treasurer from working.
      }
    },
    beforeClose: async () => {
      await finalAutoBackup(session);
    },
  });
  return session;
}

/** Settings that make the practice administration the same for every learner. */
export const PRACTICE = {
  name: 'Oefenstichting De Buurt',
  city: 'Utrecht',
  iban: 'NL91ABNA0417164300',
  transactions: 400,
  seed: 1,
  /** Demo years before the current one; the current year is opened empty to practise in. */
  years: 2,
} as const;

function removeFileSet(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

async function createPractice(session: Session, file: string): Promise<Books> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const thisYear = new Date().getFullYear();
  // The demo books go in before the file gets its name: a crash never leaves half a practice file.
  return createAdministration(
    { path: file, name: PRACTICE.name, city: PRACTICE.city, iban: PRACTICE.iban, year: thisYear - PRACTICE.years },
    nativeOpts(session),
    (books) => {
      generateDemo(books, { transactions: PRACTICE.transactions, seed: PRACTICE.seed, years: PRACTICE.years, endYear: thisYear - 1 });
      books.tx(() => {
        books.run(books.db.insertInto('meta').values({ key: 'practice', value: '1' }).onConflict((oc) => oc.column('key').doUpdateSet({ value: '1' })));
        const latest = books.first(books.db.selectFrom('fiscal_years').select('year').orderBy('year', 'desc').limit(1));
        if (!latest || latest.year < thisYear) openNextYear(books);
      });
    },
  );
}

async function useBooks(session: Session, books: Books): Promise<AdminInfo> {
  await session.switchTo(books);
  return adminInfo(books);
}

async function openPractice(session: Session): Promise<AdminInfo> {
  const file = practicePath(settingsDirOf(session));
  if (session.books && samePath(session.books.path, path.resolve(file))) return adminInfo(session.books);
  const books = fs.existsSync(file) ? await openBooks(file, nativeOpts(session)) : await createPractice(session, file);
  return useBooks(session, books);
}

async function resetPractice(session: Session): Promise<AdminInfo> {
  const file = practicePath(settingsDirOf(session));
  if (session.books && samePath(session.books.path, path.resolve(file))) session.close();
  if (fs.existsSync(file)) {
    // Take the lock once before deleting: if another window or program has the practice
    // administration open, say so instead of pulling the file away from under it.
    try {
      (await openBooks(file, nativeOpts(session))).close();
    } catch (e) {
      if (e instanceof KassaError && e.code === 'FILE_LOCKED') throw e;
      // A damaged or newer practice file is exactly what a reset is for: delete it anyway.
    }
    try {
      removeFileSet(file);
    } catch (e) {
      throw new KassaError('FILE_LOCKED', said('err.app.practiceOpenElsewhere', 'De oefenadministratie is nog geopend in een ander venster. Sluit dat venster en probeer het opnieuw.'), {
        details: { cause: String((e as Error)?.message ?? e) },
      });
    }
  }
  return useBooks(session, await createPractice(session, file));
}

function recentFiles(session: Session): RecentFile[] {
  return readSettings(settingsDirOf(session))
    .recentFiles.filter((p) => {
      try {
        return fs.statSync(p).isFile();
      } catch {
        return false;
      }
    })
    .map((p) => ({ path: p, name: path.basename(p) }));
}

/** App-level methods: settings, recent files, the practice administration, file dialogs. */
export const appHandlers: { [M in AppMethodName]: AppHandler<M> } = {
  'app.capabilities': ({ session }) => ({
    mode: session.options.mode ?? (process.versions.electron ? 'electron' : 'browser'),
    dialogs: Boolean(session.options.dialogs),
    version: appVersion(),
    defaultDir: defaultDocumentsDir(),
    practicePath: practicePath(settingsDirOf(session)),
  }),
  'app.settings.get': ({ session }) => readSettings(settingsDirOf(session)),
  'app.settings.set': ({ session }, input) => updateSettings(settingsDirOf(session), input),
  'app.recent': ({ session }) => recentFiles(session),
  'app.practice.open': ({ session }) => openPractice(session),
  'app.practice.reset': ({ session }) => resetPractice(session),
  'app.dialog.open': async ({ session }, input) => (session.options.dialogs ? session.options.dialogs.open(input) : null),
  'app.dialog.save': async ({ session }, input) => (session.options.dialogs ? session.options.dialogs.save(input) : null),
  'app.browse': (_ctx, input) => browseFolder(input.dir),
};
