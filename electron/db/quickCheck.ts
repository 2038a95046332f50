import { KassaError } from '../../shared/errors';
import type { Books } from './books';
import { translateDbError } from './errors';
import { said } from '../../shared/phrase';

/**
 * PRAGMA quick_check when the app opens a file: a damaged file is refused with a clear message
 * before anyone posts into it (SQLite would otherwise keep accepting writes into the damaged parts
 * until someone runs verify). quick_check skips the index-content comparison of integrity_check,
 * which `kassa verify` still does. Closes the books when they fail.
 */
export function quickCheck(books: Books): void {
  let rows: { quick_check: string }[];
  try {
    rows = books.sqlite.prepare('PRAGMA quick_check(5)').all() as { quick_check: string }[];
  } catch (e) {
    books.close();
    const err = translateDbError(e);
    if (err instanceof KassaError) throw err;
    rows = [{ quick_check: String((e as Error)?.message ?? e) }];
  }
  if (rows.length === 1 && rows[0]!.quick_check === 'ok') return;
  if (books.sqlite.open) books.close();
  throw damagedFile(rows.map((r) => r.quick_check));
}

/** The refusal of a file that quick_check found damaged (here, or on its opening copy: backups/auto.ts). */
export function damagedFile(problems: string[]): KassaError {
  return new KassaError('CORRUPT_FILE', said('err.file.damaged', 'Het bestand is beschadigd. Er kan niets meer in worden geboekt. Zet een back-up terug (Back-ups, Terugzetten) of vraag hulp.'), {
    details: { problems },
  });
}
