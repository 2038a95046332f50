import type { ApiInput, MethodName } from '../../shared/api';
import { parseHash } from './hashRoute';
import { browserToken, send, type Raw } from './transport';

/**
 * Calls started before the code that needs them has even loaded. main.tsx (the first, tiny script
 * chunk) sends the boot calls (context.tsx boot()) and, when the first screen is the dashboard,
 * the dashboard's own, while the browser is still fetching and compiling React and the app: on
 * 100,000 entries the server's answers are ready by the time the app asks for them. A primed
 * answer is handed out once, to the first caller that asks for the same method and input
 * (api.ts takePrimed), as the raw answer that api.ts turns into a result or an ApiError.
 */
const primed = new Map<string, Promise<Raw>>();
/** The primed answers that have come in, by the same key: taken without waiting (takeSettledRaw). */
const settled = new Map<string, Raw>();

const keyOf = (method: string, inputJson: string) => `${method} ${inputJson}`;

export function prime<M extends MethodName>(method: M, input: ApiInput<M>): void {
  // Only for the first screen: answers not taken before the first navigation are dropped (a card
  // that did not show, or a dashboard that opens later with other figures).
  if (primed.size === 0) window.addEventListener('hashchange', clearPrimed, { once: true });
  const k = keyOf(method, JSON.stringify(input));
  const answer = send(method, input);
  primed.set(k, answer);
  void answer.then((raw) => {
    if (primed.get(k) === answer) settled.set(k, raw);
  });
}

/** The primed raw answer for this method and input (its JSON), once; undefined when there is none. */
export function takeRaw(method: string, inputJson: string): Promise<Raw> | undefined {
  const k = keyOf(method, inputJson);
  const p = primed.get(k);
  primed.delete(k);
  settled.delete(k);
  return p;
}

/**
 * The primed answers that have already come in and that `wanted` accepts, taken (once) without
 * waiting: the shell keeps them for the first screen's first render (keptAnswers.ts keepPrimed).
 */
export function takeSettledRaw(wanted: (method: string, inputJson: string, raw: Raw) => boolean): { method: string; inputJson: string; raw: Raw }[] {
  const out: { method: string; inputJson: string; raw: Raw }[] = [];
  for (const [k, raw] of settled) {
    const space = k.indexOf(' ');
    const method = k.slice(0, space);
    const inputJson = k.slice(space + 1);
    if (!wanted(method, inputJson, raw)) continue;
    settled.delete(k);
    primed.delete(k);
    out.push({ method, inputJson, raw });
  }
  return out;
}

/** Drop every primed call not taken yet (no administration was open, or the first screen was left). */
export function clearPrimed(): void {
  primed.clear();
  settled.clear();
}

/**
 * The calls every start makes (boot() in context.tsx), plus the dashboard's when it is the first
 * screen. Takes the token out of the address first, before anything can be drawn.
 */
export function primeBoot(): void {
  if (!window.kassa) browserToken();
  prime('app.capabilities', {});
  prime('app.settings.get', {});
  prime('admin.info', {});
  if (parseHash(window.location.hash).screen === 'dashboard') {
    prime('reports.dashboard', {});
    prime('opening.get', {});
  }
}
