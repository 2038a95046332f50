import { ZodError } from 'zod';
import { KassaError, type KassaErrorData } from '../shared/errors';
import { schemaPhrases } from '../shared/api/fieldTexts';
import { said, type Phrase } from '../shared/phrase';
import { translateDbError } from './db/errors';

// The dispatcher's error forms, apart from its method table (apiDomains.ts), so the CLI's report
// bundle (cliReport.ts) reports errors exactly as the dispatcher does without loading every domain.

/** zod issues -> our error: the first problem, in Dutch, with the field it concerns. */
export function fromZod(err: ZodError): KassaError {
  const issue = err.issues[0];
  const field = issue?.path.join('.') || undefined;
  const params = issue && 'params' in issue ? (issue.params as { kassaCode?: string; says?: Phrase[] } | undefined) : undefined;
  const code = params?.kassaCode === 'INVALID_AMOUNT' ? 'INVALID_AMOUNT' : 'INVALID_INPUT';
  const message = issue?.message ?? 'De invoer klopt niet.';
  // An amount brings its phrases, a text naming a field has them kept by its words (fieldTexts.ts);
  // the schemas' fixed texts are found by the renderer (serverText.ts).
  const says = params?.says ?? schemaPhrases(message);
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
