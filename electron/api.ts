import { KassaError, type KassaErrorData } from '../shared/errors';
import { said } from '../shared/phrase';
import { findMethod } from './apiDomains';
import { toErrorData } from './apiErrors';
import { runMethod } from './dispatchCore';
import type { Session } from './session';

export { toErrorData };

/** Validate with the shared schema, then run the service. Throws KassaError. */
export async function dispatch(session: Session, method: string, rawInput: unknown): Promise<unknown> {
  // The method table is read domain by domain (apiDomains.ts), so a call loads only its own domain.
  const found = typeof method === 'string' ? await findMethod(method) : undefined;
  if (!found) throw new KassaError('UNKNOWN_METHOD', said('err.app.unknownMethod', 'Onbekende opdracht "{{method}}".', { method: String(method).slice(0, 100) }));
  return runMethod(session, method, found, rawInput);
}

/** The transport-friendly form: never throws, returns {result} or {error}. */
export async function handle(session: Session, method: string, rawInput: unknown): Promise<{ result: unknown } | { error: KassaErrorData }> {
  try {
    return { result: await dispatch(session, method, rawInput) };
  } catch (e) {
    return { error: toErrorData(e) };
  }
}
