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

const keyOf = (method: string, inputJson: string) => `${method} ${inputJson}`;

export function prime<M extends MethodName>(method: M, input: ApiInput<M>): void {
  // Only for the first screen: answers not taken before the first navigation are dropped (a card
  // that did not show, or a dashboard that opens later with other figures).
  if (primed.size === 0) window.addEventListener('hashchange', clearPrimed, { once: true });
  primed.set(keyOf(method, JSON.stringify(input)), send(method, input));
}

/** The primed raw answer for this method and input (its JSON), once; undefined when there is none. */
export function takeRaw(method: string, inputJson: string): Promise<Raw> | undefined {
  const k = keyOf(method, inputJson);
  const p = primed.get(k);
  primed.delete(k);
  return p;
}

/** Drop every primed call not taken yet (no administration was open, or the first screen was left). */
export function clearPrimed(): void {
  primed.clear();
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
