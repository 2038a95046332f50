import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Session } from '../../electron/session';

/**
 * The opening check (a worker reading the whole file) waits for Session.unhurried(): it must not
 * take the CPU while the browser draws the first screen, yet never make a write wait longer than
 * the check itself, and never wait for ever.
 */
describe('Session.unhurried', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function watch(p: Promise<void>): { done: boolean } {
    const state = { done: false };
    void p.then(() => {
      state.done = true;
    });
    return state;
  }

  it('starts at once when something waits for opened() (a write)', async () => {
    const s = new Session();
    const started = watch(s.unhurried());
    await vi.advanceTimersByTimeAsync(10);
    expect(started.done).toBe(false);
    void s.opened();
    await vi.advanceTimersByTimeAsync(0);
    expect(started.done).toBe(true);
  });

  it('starts once the calls that came in are answered and the queue stays quiet', async () => {
    const s = new Session();
    const started = watch(s.unhurried());
    // A quiet queue before any call means nothing: the browser has not asked yet.
    await vi.advanceTimersByTimeAsync(Session.QUIET_MS * 2);
    expect(started.done).toBe(false);
    await s.serial(() => 'capabilities');
    await vi.advanceTimersByTimeAsync(Session.QUIET_MS / 2);
    // The next call comes before the quiet time is up: the wait starts again after it.
    await s.serial(() => 'dashboard');
    await vi.advanceTimersByTimeAsync(Session.QUIET_MS - 10);
    expect(started.done).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(started.done).toBe(true);
  });

  it('starts after MAX_WAIT_MS when nobody calls', async () => {
    const s = new Session();
    const started = watch(s.unhurried());
    await vi.advanceTimersByTimeAsync(Session.MAX_WAIT_MS - 10);
    expect(started.done).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(started.done).toBe(true);
  });
});

/**
 * Loading the other screens' server code blocks the event loop for tens of ms per part: it waits
 * for Session.quietFor(), so it never stands between a click and its answer or its script chunk.
 */
describe('Session.quietFor', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits while calls run and until nothing was served for the time asked', async () => {
    const s = new Session();
    let quiet = false;
    let release!: () => void;
    const running = s.serial(() => new Promise<void>((r) => (release = r)));
    void s.quietFor(150).then(() => (quiet = true));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(quiet).toBe(false);
    release();
    await running;
    await vi.advanceTimersByTimeAsync(100);
    // A script chunk served meanwhile (the door calls noteActivity): the quiet starts again.
    s.noteActivity();
    await vi.advanceTimersByTimeAsync(100);
    expect(quiet).toBe(false);
    await vi.advanceTimersByTimeAsync(60);
    expect(quiet).toBe(true);
  });
});
