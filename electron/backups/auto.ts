import { KassaError } from '../../shared/errors';
import { said, type Said } from '../../shared/phrase';
import { defaultSettingsDir } from '../app/paths';
import type { Books } from '../db/books';
import type { Session } from '../session';
import { checkCopy } from '../db/checkCopy';
import { damagedFile, quickCheck } from '../db/quickCheck';
import { createBackup, type CopyCheck } from './backups';

/**
 * Automatic backups for sessions with a user behind them (an Electron window, the browser mode):
 * one when an administration is opened, and then one after every 30 minutes in which something
 * was written. "Something was written" is SQLite's own count of changed rows on this connection
 * (total_changes()), so no service has to remember to report its writes. Backups run in the
 * session's queue, so they never interleave with a user's action. A failed automatic backup (USB
 * stick not plugged in, disk full) never stops the treasurer; it is kept as lastError for the
 * backup screen and tried again a few minutes later.
 */

export const AUTO_BACKUP_EVERY_MS = 30 * 60_000;
const CHECK_EVERY_MS = 60_000;
const RETRY_AFTER_MS = 5 * 60_000;

export interface AutoBackupOptions {
  everyMs?: number;
  checkEveryMs?: number;
  /** Clock for tests. */
  now?: () => number;
}

interface AutoState {
  books: Books;
  settingsDir: string;
  nativeBinding?: string;
  everyMs: number;
  now: () => number;
  lastAt: number;
  lastAttemptAt: number;
  changesAtBackup: number;
  lastError: Said | null;
  lastPath: string | null;
  timer: NodeJS.Timeout | null;
}

const states = new WeakMap<Session, AutoState>();

function totalChanges(books: Books): number {
  return Number((books.raw('SELECT total_changes() AS n').get() as { n: number }).n);
}

function stop(session: Session, state: AutoState): void {
  if (state.timer) clearInterval(state.timer);
  state.timer = null;
  if (states.get(session) === state) states.delete(session);
}

function current(session: Session, state: AutoState): boolean {
  return states.get(session) === state && session.books === state.books && state.books.sqlite.open;
}

async function run(session: Session, state: AutoState, check?: CopyCheck): Promise<boolean> {
  if (!current(session, state)) {
    stop(session, state);
    return false;
  }
  const at = state.now();
  state.lastAttemptAt = at;
  try {
    const changes = totalChanges(state.books);
    const made = await createBackup(state.books, {
      settingsDir: state.settingsDir,
      kind: 'auto',
      now: new Date(at),
      dedupe: true,
      ...(check ? { check } : {}),
      ...(state.nativeBinding ? { nativeBinding: state.nativeBinding } : {}),
    });
    state.lastAt = at;
    state.changesAtBackup = changes;
    state.lastError = null;
    state.lastPath = made.path;
    return true;
  } catch (e) {
    state.lastError = e instanceof KassaError ? e.said : said('err.backup.autoFailed', 'De automatische back-up is mislukt.');
    return false;
  }
}

/** Start automatic backups for the administration just opened in this session: one now, then every 30 minutes with changes. */
export function startAutoBackups(session: Session, books: Books, opts: AutoBackupOptions = {}): void {
  const previous = states.get(session);
  if (previous) stop(session, previous);
  const now = opts.now ?? Date.now;
  const state: AutoState = {
    books,
    settingsDir: session.options.settingsDir ?? defaultSettingsDir(),
    ...(session.options.nativeBinding ? { nativeBinding: session.options.nativeBinding } : {}),
    everyMs: opts.everyMs ?? AUTO_BACKUP_EVERY_MS,
    now,
    lastAt: now(),
    lastAttemptAt: 0,
    changesAtBackup: -1,
    lastError: null,
    lastPath: null,
    timer: null,
  };
  states.set(session, state);
  if (session.options.checksWithOpeningBackup?.(books.path)) {
    // Beside the first reads, not in the queue: writes wait for it (Session.opened, api.ts).
    session.holdWrites(openingRun(session, state));
  } else {
    // Queued behind the call that opened the file, so the backup sees the file as opened.
    // Never an unhandled rejection: a background backup must not take the app down.
    session.serial(() => run(session, state)).catch(() => undefined);
  }
  const timer = setInterval(() => {
    autoBackupTick(session).catch(() => undefined);
  }, opts.checkEveryMs ?? CHECK_EVERY_MS);
  timer.unref?.();
  state.timer = timer;
}

/**
 * The opening backup of an app session, which is also the file's quick_check: admin.open answered
 * without it (handlers.ts), so the dashboard reads while the copy is checked in a worker. The copy
 * is made synchronously right after admin.open, before any other call runs. A damaged copy is not
 * kept and the file is closed with CORRUPT_FILE before any write could reach it. When no copy
 * could be checked (the backup folder is missing, the worker failed) the file itself is checked
 * here, as admin.open would have done.
 */
async function openingRun(session: Session, state: AutoState): Promise<void> {
  let checked = false;
  let damaged: KassaError | null = null;
  const check: CopyCheck = async (tmp) => {
    let problems: string[];
    try {
      // After the first screen's reads (Session.unhurried): the copy is made, only its check waits.
      await session.unhurried();
      problems = await checkCopy(tmp, state.nativeBinding ? { nativeBinding: state.nativeBinding } : {});
    } catch {
      return; // checked stays false: the file itself is checked below
    }
    checked = true;
    if (problems.length > 0) {
      damaged = damagedFile(problems);
      throw damaged;
    }
  };
  await run(session, state, check);
  if (!current(session, state)) return;
  if (!checked && !damaged) {
    try {
      quickCheck(state.books);
    } catch (e) {
      damaged = e instanceof KassaError ? e : damagedFile([String((e as Error)?.message ?? e)]);
    }
  }
  if (damaged) {
    stop(session, state);
    session.refuse(state.books, damaged);
  }
}

/**
 * Make an automatic backup when one is due: something changed since the last backup and the last
 * one is at least 30 minutes old. Called by the timer; tests call it with their own clock.
 * Resolves to true when a backup was made.
 */
export async function autoBackupTick(session: Session): Promise<boolean> {
  // After the opening backup: until it is done, nothing counts as backed up.
  await session.opened();
  const state = states.get(session);
  if (!state) return false;
  if (!current(session, state)) {
    stop(session, state);
    return false;
  }
  const now = state.now();
  if (state.lastError !== null) {
    // The last attempt failed: try again after a few minutes, changes or not.
    if (now - state.lastAttemptAt < RETRY_AFTER_MS) return false;
  } else {
    if (now - state.lastAt < state.everyMs) return false;
    if (totalChanges(state.books) === state.changesAtBackup) return false;
  }
  return session.serial(() => run(session, state));
}

export interface AutoBackupStatus {
  lastPath: string | null;
  /** In Dutch with its phrases. */
  lastError: Said | null;
  everyMs: number;
}

/** What the automatic backups of this session did last (null when they are not running). */
export function autoBackupStatus(session: Session): AutoBackupStatus | null {
  const state = states.get(session);
  if (!state || !current(session, state)) return null;
  return { lastPath: state.lastPath, lastError: state.lastError, everyMs: state.everyMs };
}

/** True when closing now would make a final backup (something changed since the last one, or it failed). */
export function finalBackupDue(session: Session): boolean {
  const state = states.get(session);
  return state !== undefined && current(session, state) && changedSinceBackup(state);
}

function changedSinceBackup(state: AutoState): boolean {
  return state.lastError !== null || totalChanges(state.books) !== state.changesAtBackup;
}

/**
 * The administration is being closed (the treasurer closes it, opens another one, or closes the
 * window): back up what changed since the last automatic backup, so the work of the last half hour
 * is in a copy too, then stop. Runs inside the session's queue (Session.finish), so not via serial().
 */
export async function finalAutoBackup(session: Session): Promise<boolean> {
  const state = states.get(session);
  if (!state) return false;
  try {
    if (!current(session, state)) return false;
    if (!changedSinceBackup(state)) return false;
    return await run(session, state);
  } finally {
    stop(session, state);
  }
}

/** Stop the automatic backups of a session (the window closed). */
export function stopAutoBackups(session: Session): void {
  const state = states.get(session);
  if (state) stop(session, state);
}
