import type { Books } from '../../db/books';
import { today } from '../clock';
import { BACKFILLED_KEY, FactAppender, factJson, factKinds, HEAD_KEY, readState, STARTED_KEY, ZERO_HASH, type FactKind } from './facts';
import './kinds';

/**
 * Start the chain of a file that has none yet: a new file, or one made before the chain existed
 * (migration 0007 creates the tables; this fills them). All in one transaction, so a kill leaves
 * either no chain (and the next open starts it again) or the whole one.
 *
 * Existing facts are appended kind by kind, each in the order its all() gives (entries by id, the
 * order they were created and nearly always posted in). Their hashes prove nothing about the time
 * before today, so meta remembers from when and for how many facts: verify says "controleerbaar
 * vanaf …".
 */
export function ensureHistory(books: Books): void {
  if (readState(books)) return;
  books.tx(() => {
    const put = books.raw('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    put.run(HEAD_KEY, `0:${ZERO_HASH}`);
    const a = new FactAppender(books);
    let n = 0;
    for (const def of factKinds()) {
      const rows: Iterable<[string, string | null]> = def.allJson ? def.allJson(books) : withJson(books, def);
      for (const [ref, json] of rows) {
        if (json === null) continue; // cannot happen: refs() lists what exists
        a.append(def.kind, ref, json);
        n++;
      }
    }
    a.finish();
    put.run(STARTED_KEY, today());
    put.run(BACKFILLED_KEY, String(n));
  });
}

function* withJson(books: Books, def: FactKind): Iterable<[string, string | null]> {
  for (const r of [...def.refs(books)]) yield [r, factJson(def, books, r)];
}
