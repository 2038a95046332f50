import { sha256 } from '../history/sha256';
import type { Books } from '../../db/books';
import { said, type Said } from '../../../shared/phrase';
import { entryFactRef, entryLabel } from '../history/entryFact';
import { registerFactKind } from '../history/facts';

/**
 * A receipt linked to a posted entry is final (DESIGN.md section 10): fact kind 'entry_attachment',
 * ref `JOURNAL/YEAR/NUMBER#sha256` (the entry's fact ref and the receipt's content). The canonical
 * body hashes the stored bytes again, so a photo swapped behind the app's back is found by verify.
 */
export const RECEIPT_FACT = 'entry_attachment';

export function receiptFactRef(journal: string, year: number, number: number, sha256: string): string {
  return `${entryFactRef(journal, year, number)}#${sha256}`;
}

interface Row { journal: string; year: number; number: number; sha256: string; name: string; mime: string; data: Buffer }

const SELECT = `SELECT j.code AS journal, e.year, e.number, a.sha256, a.name, a.mime, a.data
  FROM entry_attachments ea JOIN entries e ON e.id = ea.entry_id JOIN journals j ON j.id = e.journal_id
  JOIN attachments a ON a.id = ea.attachment_id`;

function canonical(books: Books, ref: string): unknown | null {
  const m = /^(.+)\/(\d{4})\/(\d+)#([0-9a-f]{64})$/.exec(ref);
  if (!m) return null;
  const rows = books
    .raw(`${SELECT} WHERE j.code = ? AND e.year = ? AND e.number = ? AND e.status = 'posted' AND a.sha256 = ?`)
    .all(m[1], Number(m[2]), Number(m[3]), m[4]) as Row[];
  // The stored sha256 only finds the row; the body carries the hash of the bytes as they are now.
  const r = rows[0];
  if (!r) return null;
  const bytes = Buffer.from(r.data);
  return { entry: entryFactRef(r.journal, r.year, r.number), sha256: sha256().update(bytes).digest('hex'), size: bytes.length, mime: r.mime, name: r.name };
}

function* refs(books: Books): Iterable<string> {
  const rows = books
    .raw(`SELECT j.code AS journal, e.year, e.number, a.sha256 FROM entry_attachments ea JOIN entries e ON e.id = ea.entry_id
          JOIN journals j ON j.id = e.journal_id JOIN attachments a ON a.id = ea.attachment_id ORDER BY ea.created_at, e.id`)
    .iterate() as Iterable<Omit<Row, 'name' | 'mime' | 'data'>>;
  for (const r of rows) yield receiptFactRef(r.journal, r.year, r.number, r.sha256);
}

function label(ref: string): Said {
  const [entry] = ref.split('#');
  return said('history.receipt', 'Bonnetje bij {{entry}}', { entry: entryLabel(entry ?? ref, true) });
}

registerFactKind({ kind: RECEIPT_FACT, canonical, refs, label, finalVerb: said('history.verb.add', 'toevoegen') });
