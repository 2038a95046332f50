import { call, type AnyMethod, type InputFor, type OutputFor } from './api';

/**
 * Calls started before the screen that needs them has mounted: boot() asks for the dashboard's
 * figures beside admin.info, so they are not one round trip (and one render) behind it. A primed
 * answer is handed out once, to the first useApi() that asks for the same method and input.
 */
const primed = new Map<string, Promise<unknown>>();

const keyOf = (method: string, inputJson: string) => `${method} ${inputJson}`;

export function prime<M extends AnyMethod>(method: M, input: InputFor<M>): void {
  // Only for the first screen: answers not taken before the first navigation are dropped (a card
  // that did not show, or a dashboard that opens later with other figures).
  if (primed.size === 0) window.addEventListener('hashchange', clearPrimed, { once: true });
  const p = call(method, input);
  // Nobody may ever take it (no file open: the welcome screen shows instead).
  p.catch(() => undefined);
  primed.set(keyOf(method, JSON.stringify(input)), p);
}

/** The primed call for this method and input (its JSON), once; undefined when there is none. */
export function takePrimed<M extends AnyMethod>(method: M, inputJson: string): Promise<OutputFor<M>> | undefined {
  const k = keyOf(method, inputJson);
  const p = primed.get(k);
  primed.delete(k);
  return p as Promise<OutputFor<M>> | undefined;
}

/** Drop every primed call not taken yet (no administration was open, or the first screen was left). */
export function clearPrimed(): void {
  primed.clear();
}
