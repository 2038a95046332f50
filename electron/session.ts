import type { Books } from './db/books';

/**
 * What one window (or one CLI run, or one browser-mode server) has open: at most one
 * administration. Calls are queued so an async step (opening, migrating) never interleaves with
 * another call on the same file.
 */
export class Session {
  books: Books | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly options: { nativeBinding?: string; settingsDir?: string } = {}) {}

  serial<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  close(): void {
    this.books?.close();
    this.books = null;
  }
}
