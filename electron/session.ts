import type { DialogOpenInput, DialogSaveInput } from '../shared/api/app';
import type { Books } from './db/books';

/** Native file dialogs, supplied by the Electron door (electron/ipc.ts); absent in browser mode. */
export interface AppDialogs {
  open(input: DialogOpenInput): Promise<string | null>;
  save(input: DialogSaveInput): Promise<string | null>;
}

export interface SessionOptions {
  /** Better-sqlite3 binding built for Electron's ABI (DESIGN.md section 2). */
  nativeBinding?: string;
  /** Folder for settings.json and the practice administration (default: the OS app-data folder). */
  settingsDir?: string;
  mode?: 'electron' | 'browser';
  /**
   * Skip PRAGMA quick_check when admin.open opens a file. Only the CLI's read-only commands set it:
   * they change nothing, and the check would cost more than the report itself on large books.
   */
  skipQuickCheck?: boolean;
  /**
   * True when the opening backup of this file runs PRAGMA quick_check on its copy (app sessions,
   * electron/backups/auto.ts): admin.open then answers at once and writes wait for that check.
   * Absent or false: admin.open runs quick_check itself before it answers.
   */
  checksWithOpeningBackup?: (file: string) => boolean;
  dialogs?: AppDialogs;
  /** Called each time an administration is opened or created in this session (recent files). */
  onOpen?: (books: Books) => void;
  /** The door's last work on an administration before it is closed (a final automatic backup). */
  beforeClose?: (books: Books) => Promise<void>;
}

/**
 * What one window (or one CLI run, or one browser-mode server) has open: at most one
 * administration. Calls are queued so an async step (opening, migrating) never interleaves with
 * another call on the same file.
 */
export class Session {
  private current: Books | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  /** Work on the file just opened that every write (and the backup methods) must wait for. */
  private opening: Promise<void> = Promise.resolve();
  /** Quiet after the last call: the first screen has its answers (see unhurried()). */
  static QUIET_MS = 250;
  /** The longest that opening work waits for a quiet moment. */
  static MAX_WAIT_MS = 3_000;
  /** Opening work waiting for its turn (unhurried()): each resolves when it may start. */
  private waitingToStart: (() => void)[] = [];
  /** A call came in while opening work waited: the quiet after it counts. */
  private calledSinceWait = false;
  private quietTimer: NodeJS.Timeout | null = null;
  /** Why the file just opened was closed again (quick_check failed on its opening copy). */
  private refusal: Error | null = null;

  /** When the last call ended or a door last served something (noteActivity), in ms since the epoch. */
  private lastActivity = Date.now();

  constructor(readonly options: SessionOptions = {}) {}

  /**
   * The door served something that is not a call (the browser mode's script chunks): background
   * work that waits for quietFor() waits for that too.
   */
  noteActivity(): void {
    this.lastActivity = Date.now();
  }

  /**
   * Resolves once no call has been running and nothing was served for `ms`: for background work
   * that blocks the event loop (loading the other screens' server code), so it does not stand
   * between a click and its answer (issue 18). Never keeps the process alive on its own.
   */
  async quietFor(ms: number): Promise<void> {
    for (;;) {
      const since = Date.now() - this.lastActivity;
      if (this.waiting === 0 && since >= ms) return;
      await new Promise<void>((resolve) => setTimeout(resolve, this.waiting === 0 ? ms - since : ms).unref?.());
    }
  }

  get books(): Books | null {
    return this.current;
  }

  set books(books: Books | null) {
    this.current = books;
    if (books) this.refusal = null;
    if (books) this.options.onOpen?.(books);
  }

  serial<T>(fn: () => Promise<T> | T): Promise<T> {
    this.waiting++;
    if (this.waitingToStart.length > 0) this.calledSinceWait = true;
    this.stopQuietTimer();
    const run = this.queue.then(fn, fn).finally(() => {
      this.waiting--;
      this.lastActivity = Date.now();
      if (this.waiting === 0) this.startQuietTimer();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Register work on the file just opened (its check and opening backup) that runs beside the
   * first reads. Writes wait for it through opened(); when it fails, refuse() says why.
   */
  holdWrites(work: Promise<void>): void {
    this.opening = Promise.all([this.opening, work.catch(() => undefined)]).then(() => undefined);
  }

  /** Resolves (never rejects) when the opening work registered so far is done; starts it if it still waits. */
  opened(): Promise<void> {
    this.release();
    return this.opening;
  }

  /**
   * For the heavy part of the opening work (the check of the opening copy: a worker thread that
   * reads the whole file): resolves when it may take the CPU. At once when something waits for
   * opened() (a write, a backup method, closing); else once the first screen's calls are answered
   * (the queue has been empty for QUIET_MS after a call that came in meanwhile), so that on a
   * two-core machine the check does not compete with the browser drawing the first screen; at the
   * latest after MAX_WAIT_MS.
   * Writes wait for the check all the same, so the file is checked before anything is written.
   */
  unhurried(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.waitingToStart.push(resolve);
      const latest = setTimeout(() => this.release(), Session.MAX_WAIT_MS);
      latest.unref?.();
    });
  }

  private release(): void {
    this.stopQuietTimer();
    const ready = this.waitingToStart;
    this.waitingToStart = [];
    this.calledSinceWait = false;
    for (const start of ready) start();
  }

  private startQuietTimer(): void {
    if (this.waitingToStart.length === 0 || !this.calledSinceWait || this.quietTimer) return;
    this.quietTimer = setTimeout(() => this.release(), Session.QUIET_MS);
    this.quietTimer.unref?.();
  }

  private stopQuietTimer(): void {
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = null;
  }

  /** The file was found damaged after it was opened: close it, and answer the next calls with `error`. */
  refuse(books: Books, error: Error): void {
    if (this.current !== books) return;
    this.close();
    this.refusal = error;
  }

  /** The error of a file refused after opening (see refuse()), until another one is opened. */
  get refused(): Error | null {
    return this.refusal;
  }

  /** Calls queued or running: work that a closing window still waits for. */
  get pending(): number {
    return this.waiting;
  }

  close(): void {
    this.books?.close();
    this.books = null;
  }

  /**
   * Close after beforeClose has run: how a user closes or switches an administration. Never inside
   * serial() from beforeClose itself: callers are already in the queue. A failing beforeClose must
   * not keep the file open.
   */
  async finish(): Promise<void> {
    // The opening backup of this file (and its check) completes before the final one.
    await this.opened();
    const books = this.current;
    if (books && this.options.beforeClose) {
      try {
        await this.options.beforeClose(books);
      } catch {
        // the file is closed all the same
      }
    }
    this.close();
  }

  /** Leave the open administration (finish: its final backup) for `books`, which is already open. */
  async switchTo(books: Books): Promise<void> {
    if (this.current === books) return;
    await this.finish();
    this.books = books;
  }
}
