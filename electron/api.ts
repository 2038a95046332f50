import { ZodError } from 'zod';
import { KassaError, type KassaErrorData } from '../shared/errors';
import { said, type Phrase } from '../shared/phrase';
import type { Books } from './db/books';
import { translateDbError } from './db/errors';
import { findMethod } from './apiDomains';
import { READ_METHODS, underReview } from './books/review/guard';
import type { Session } from './session';

/** zod issues -> our error: the first problem, in Dutch, with the field it concerns. */
function fromZod(err: ZodError): KassaError {
  const issue = err.issues[0];
  const field = issue?.path.join('.') || undefined;
  const params = issue && 'params' in issue ? (issue.params as { kassaCode?: string; says?: Phrase[] } | undefined) : undefined;
  const code = params?.kassaCode === 'INVALID_AMOUNT' ? 'INVALID_AMOUNT' : 'INVALID_INPUT';
  const message = issue?.message ?? 'De invoer klopt niet.';
  // An amount brings its phrases; the schemas' fixed texts are found by the renderer (serverText.ts).
  const says = params?.says;
  return new KassaError(code, says ? { message, says } : message, {
    ...(field ? { field } : {}),
    details: { issues: err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
  });
}

export function toErrorData(e: unknown): KassaErrorData {
  if (e instanceof KassaError) return e.toJSON();
  // Raw statements (reports, verify, lists) bypass Books' own translation: map SQLite errors here too,
  // so a corrupt or locked file reports CORRUPT_FILE / FILE_LOCKED instead of INTERNAL.
  const db = translateDbError(e);
  if (db instanceof KassaError) return db.toJSON();
  if (e instanceof ZodError) return fromZod(e).toJSON();
  const internal = said('err.app.internal', 'Er ging iets mis in het programma. Er is niets veranderd. Probeer het opnieuw of maak een melding.');
  return new KassaError('INTERNAL', internal, { details: { cause: String((e as Error)?.message ?? e) } }).toJSON();
}

/** Validate with the shared schema, then run the service. Throws KassaError. */
export async function dispatch(session: Session, method: string, rawInput: unknown): Promise<unknown> {
  // The method table is read domain by domain (apiDomains.ts), so a call loads only its own domain.
  const found = typeof method === 'string' ? await findMethod(method) : undefined;
  if (!found) throw new KassaError('UNKNOWN_METHOD', said('err.app.unknownMethod', 'Onbekende opdracht "{{method}}".', { method: String(method).slice(0, 100) }));
  const { spec, handler } = found;
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) throw fromZod(parsed.error);
  return session.serial(async () => {
    // The file just opened is still being checked and backed up (app sessions, backups/auto.ts):
    // reads go ahead, anything that may write waits, and so do the backup methods, which show that copy.
    if (!READ_METHODS.has(method) || method.startsWith('backups.')) await session.opened();
    const refused = session.refused;
    if (spec.file && !session.books && refused) throw refused;
    if (spec.file && !session.books) throw new KassaError('NO_FILE_OPEN', said('err.app.openFirst', 'Open eerst een administratie.'));
    try {
      // While the kascommissie reviews, only reads and the review's own methods run (guard.ts).
      return await underReview(session.books, method, async () => handler({ session, books: session.books as Books }, parsed.data));
    } catch (e) {
      throw translateDbError(e);
    }
  });
}

/** The transport-friendly form: never throws, returns {result} or {error}. */
export async function handle(session: Session, method: string, rawInput: unknown): Promise<{ result: unknown } | { error: KassaErrorData }> {
  try {
    return { result: await dispatch(session, method, rawInput) };
  } catch (e) {
    return { error: toErrorData(e) };
  }
}
