import { call, type AnyMethod, type InputFor, type OutputFor } from './api';

/**
 * The small lists nearly every screen reads as it mounts (accounts, years). The last answer is
 * kept, so the next screen draws with it at once instead of one round trip (and one render) later,
 * and is asked for again in the background; a different answer replaces it. A kept answer counts
 * only for the same administration and the same books version (bumped after every change made in
 * the app), and screens that mount together share one call.
 *
 * The background refresh waits for an idle moment: asked at once, it went to the server before the
 * screen's own data and the one-threaded server answered it first (issue 18: the journal's first
 * page waited for the accounts and the years it already had).
 */
const SHARED: ReadonlySet<string> = new Set(['accounts.list', 'years.list']);

interface Kept {
  json: string;
  data: unknown;
}

const kept = new Map<string, Kept>();
const inflight = new Map<string, Promise<Kept>>();

export function isShared(method: string): boolean {
  return SHARED.has(method);
}

/** Scope: the open administration's path and the books version. */
export const sharedScope = (path: string, booksVersion: number) => `${path}\n${booksVersion}`;

const keyOf = (method: string, inputJson: string, scope: string) => `${scope}\n${method}\n${inputJson}`;

export function keptAnswer<M extends AnyMethod>(method: M, inputJson: string, scope: string): { json: string; data: OutputFor<M> } | undefined {
  return kept.get(keyOf(method, inputJson, scope)) as { json: string; data: OutputFor<M> } | undefined;
}

type IdleWindow = Window & { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number };

/**
 * After the screen's own calls and its render: an idle moment at least half a second on (the main
 * thread is idle too while it waits for the screen's data), at the latest a second after that.
 */
function idle(): Promise<void> {
  const w = window as IdleWindow;
  return new Promise((resolve) =>
    window.setTimeout(() => (w.requestIdleCallback ? w.requestIdleCallback(() => resolve(), { timeout: 1000 }) : resolve()), 500),
  );
}

/**
 * The list's answer: asked at once when none is kept (the screen waits for it), else at the next
 * idle moment (`background`: the kept answer is on screen meanwhile).
 */
export function callShared<M extends AnyMethod>(method: M, inputJson: string, scope: string, background = false): Promise<{ json: string; data: OutputFor<M> }> {
  const k = keyOf(method, inputJson, scope);
  let p = inflight.get(k);
  if (!p) {
    const asked = background ? idle().then(() => call(method, JSON.parse(inputJson) as InputFor<M>)) : call(method, JSON.parse(inputJson) as InputFor<M>);
    p = asked.then((data) => {
      const answer = { json: JSON.stringify(data), data };
      // Only the newest scope's answers are worth keeping.
      for (const old of kept.keys()) if (!old.startsWith(`${scope}\n`)) kept.delete(old);
      kept.set(k, answer);
      return answer;
    });
    const mine = p;
    const clear = () => {
      if (inflight.get(k) === mine) inflight.delete(k);
    };
    mine.then(clear, clear);
    inflight.set(k, mine);
  }
  return p as Promise<{ json: string; data: OutputFor<M> }>;
}

/** The lists as the screens ask for them: the journal and the ledger with archived accounts too. */
const WARM: [AnyMethod, string][] = [
  ['years.list', '{}'],
  ['accounts.list', '{"includeArchived":true}'],
  ['accounts.list', '{}'],
];

/**
 * Ask for the shared lists ahead (the shell does, in idle time after the dashboard), so the first
 * visit of the ledger, the trial balance or the statements does not ask for the years first and
 * only then for its own figures (issue 18). A failure is left to the screen that needs the list.
 */
export function warmShared(scope: string): Promise<unknown> {
  return Promise.all(WARM.filter(([m, input]) => !keptAnswer(m, input, scope)).map(([m, input]) => callShared(m, input, scope).catch(() => undefined)));
}
