import { KassaError } from '../shared/errors';
import { said } from '../shared/phrase';
import type { MethodSpec } from '../shared/api/define';
import type { Books } from './db/books';
import { fromZod } from './apiErrors';
import { translateDbError } from './db/errors';
import { READ_METHODS } from '../shared/api/methodKinds';
import { underReview } from './books/review/guard';
import type { Session } from './session';

export type AnyHandler = (ctx: { session: Session; books: Books }, input: unknown) => unknown;

/**
 * One call once its method is found: validate with the shared schema, then run the service in the
 * session's queue. Used by the dispatcher (api.ts) and the CLI's report path (cliReport.ts), which
 * finds its few methods without the dispatcher's table of every domain.
 */
export async function runMethod(session: Session, method: string, found: { spec: MethodSpec; handler: AnyHandler }, rawInput: unknown): Promise<unknown> {
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
