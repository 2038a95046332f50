import { READ_METHODS } from '../../shared/api/methodKinds';
import { call, type AnyMethod, type InputFor, type OutputFor } from './api';
import { takeSettledRaw } from './primed';
import { forgetOnReturn, writeCount } from './writeCount';

/**
 * The last answer of each read a screen makes as it mounts (the journal's first page, the ledger,
 * the trial balance, the bank inbox, the accounts and years nearly every screen reads...), kept so
 * that the next visit draws at once instead of one round trip and one render later (issue 18:
 * every screen from click to data <= 100 ms), then asked again behind it ("stale while
 * revalidate"); a different answer replaces it, the same one draws nothing again.
 *
 * A kept answer counts only while nothing can have changed it: the same administration, the same
 * books version (bumped by the screens after every change) and the same count of calls that could
 * write (writeCount.ts, counted for every call that is not a read in shared/api/methodKinds.ts,
 * for opening and closing a file, and each time the window gets the focus back).
 * Only the newest scope's answers are kept. Answers with files in them (PDFs, Excel, receipts)
 * are never kept.
 *
 * The refresh behind a kept answer waits for an idle moment: asked at once, it went to the server
 * before the screen's other calls and the one-threaded server answered it first (the journal's
 * first page waited for the accounts and the years it already had).
 */

interface Kept {
  json: string;
  data: unknown;
  /** When it came in (Date.now()): a refresh right behind a fresh answer is not worth a call. */
  at: number;
}

/** A kept answer younger than this is drawn without asking again behind it. */
export const FRESH_MS = 2_000;

const kept = new Map<string, Kept>();
const inflight = new Map<string, Promise<Kept>>();
/** Inflight calls that wait for an idle moment: a screen that needs the answer now does not wait for them. */
const deferred = new Set<Promise<Kept>>();

if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') forgetOnReturn(window);

/** Reads of the books whose answers are figures and lists, not files or the session. */
const NOT_KEPT = /^(app|admin|overview|backups)\.|pdf|xlsx|ubl$|xaf$|hledger|attachment|\.file$|receipt$|^audit\./i;

/** Larger answers are not worth holding in memory (a journal page is ~40 kB). */
const MAX_KEPT_CHARS = 2_000_000;

export function isKept(method: string): boolean {
  return READ_METHODS.has(method) && !NOT_KEPT.test(method);
}

/** Scope: the open administration's path and the books version. */
export const keptScope = (path: string, booksVersion: number) => `${path}\n${booksVersion}`;

const keyOf = (method: string, inputJson: string, scope: string) => `${scope}\n${writeCount()}\n${method}\n${inputJson}`;

export function keptAnswer<M extends AnyMethod>(method: M, inputJson: string, scope: string): { json: string; data: OutputFor<M>; at: number } | undefined {
  return kept.get(keyOf(method, inputJson, scope)) as { json: string; data: OutputFor<M>; at: number } | undefined;
}

/**
 * The start-up calls for the first screen (primed.ts) whose answers have come in by the time the
 * shell draws: kept, so the first screen draws its figures in its first render instead of in a
 * second one after their promise (issue 18: one render and one layout fewer before the dashboard).
 */
export function keepPrimed(scope: string): void {
  const ready = takeSettledRaw((method, _input, raw) => isKept(method) && 'body' in raw && isResult(raw.body));
  for (const { method, inputJson, raw } of ready) store(keyOf(method, inputJson, scope), scope, (raw as { body: { result: unknown } }).body.result);
}

/**
 * Keep an answer under key `k` when that key is still the current one (an answer that crossed a
 * write is handed to its screen but not kept) and it is not too large; only the newest scope's
 * answers stay. Returns the answer as kept or handed out.
 */
function store(k: string, scope: string, data: unknown): Kept {
  const answer = { json: JSON.stringify(data), data, at: Date.now() };
  const current = `${scope}\n${writeCount()}\n`;
  if (k.startsWith(current) && answer.json.length <= MAX_KEPT_CHARS) {
    for (const old of kept.keys()) if (!old.startsWith(current)) kept.delete(old);
    kept.set(k, answer);
  }
  return answer;
}

const isResult = (body: unknown): boolean => typeof body === 'object' && body !== null && 'result' in body && !('error' in body && (body as { error?: unknown }).error);

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

export interface AskOptions<M extends AnyMethod> {
  /** A kept answer is on screen: ask at the next idle moment instead of at once. */
  background?: boolean;
  /**
   * With `background`: false once the screen that asked is gone. Its refresh is then not sent (the
   * kept answer stands): it would only compete with the next screen's own call (issue 18).
   */
  wanted?: () => boolean;
  /** The same question already asked (at start-up or during the render): its answer is kept. */
  started?: Promise<OutputFor<M>>;
}

/**
 * The answer to a kept read, kept for the next visit. Screens that ask the same question at the
 * same time share one call.
 */
export function askKept<M extends AnyMethod>(method: M, inputJson: string, scope: string, opts: AskOptions<M> = {}): Promise<{ json: string; data: OutputFor<M>; at: number }> {
  const k = keyOf(method, inputJson, scope);
  let p = inflight.get(k);
  // Only a refresh waiting for an idle moment is on its way: this one is wanted now.
  if (p && deferred.has(p) && !opts.background) p = undefined;
  // The same question is already on its way: a call started elsewhere is not needed.
  if (p) opts.started?.catch(() => undefined);
  if (!p) {
    const keep = (data: OutputFor<M>): Kept => store(k, scope, data);
    const ask = () => call(method, JSON.parse(inputJson) as InputFor<M>).then(keep);
    const keptNow = kept.get(k);
    const wanted = opts.wanted;
    if (opts.started) p = opts.started.then(keep);
    else if (!opts.background) p = ask();
    // Once idle; not at all when the screen that asked is gone (its kept answer stands).
    else {
      p = idle().then(() => (keptNow && wanted && !wanted() ? keptNow : ask()));
      deferred.add(p);
    }
    const mine = p;
    const clear = () => {
      deferred.delete(mine);
      if (inflight.get(k) === mine) inflight.delete(k);
    };
    mine.then(clear, clear);
    inflight.set(k, mine);
  }
  return p as Promise<{ json: string; data: OutputFor<M>; at: number }>;
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
  return Promise.all(WARM.filter(([m, input]) => !keptAnswer(m, input, scope)).map(([m, input]) => askKept(m, input, scope).catch(() => undefined)));
}
