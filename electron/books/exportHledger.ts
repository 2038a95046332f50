import { centsToString } from '../../shared/money';
import { writeFileChunked } from '../files/write';
import type { Books } from '../db/books';
import { resolvePeriod, type Period } from './reports';

/** hledger/ledger account names: no double spaces or tabs (they end the name), no leading/trailing space. */
function accountName(code: string, name: string): string {
  return `${code} ${name}`.replace(/[\t\r\n;]/g, ' ').replace(/ {2,}/g, ' ').trim();
}

function oneLine(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ').trim();
}

/**
 * Write the posted books as an hledger/ledger journal, streaming so a million postings never sit in
 * memory at once, through the guarded writer (never over the books, never half a file).
 */
export function exportHledgerFile(books: Books, out: string, p: Period = {}): { path: string; entries: number } {
  const { from, to } = resolvePeriod(books, p);
  const written = writeFileChunked(out, (write) => {
    let entries = 0;
    const accounts = books.raw('SELECT id, code, name FROM accounts').all() as { id: number; code: string; name: string }[];
    const names = new Map(accounts.map((a) => [a.id, accountName(a.code, a.name)]));
    let buf = '; Kijk op de Kassa — export van geboekte boekingen\n\n';
    const cond = [`e.status = 'posted'`];
    const params: string[] = [];
    if (from) { cond.push('e.date >= ?'); params.push(from); }
    if (to) { cond.push('e.date <= ?'); params.push(to); }
    const rows = books
      .raw(
        `SELECT e.id, e.date, e.description, j.code AS journal, e.year, e.number, l.account_id, l.amount_cents
         FROM entries e JOIN journals j ON j.id = e.journal_id JOIN lines l ON l.entry_id = e.id
         WHERE ${cond.join(' AND ')} ORDER BY e.date, e.id, l.id`,
      )
      .iterate(...params) as Iterable<{ id: number; date: string; description: string; journal: string; year: number; number: number; account_id: number; amount_cents: number }>;
    let current = -1;
    for (const r of rows) {
      if (r.id !== current) {
        current = r.id;
        entries++;
        buf += `\n${r.date} * (${r.journal} ${r.year}-${String(r.number).padStart(4, '0')}) ${oneLine(r.description)}\n`;
      }
      buf += `    ${names.get(r.account_id)}  ${centsToString(r.amount_cents)} EUR\n`;
      if (buf.length > 1 << 20) {
        write(buf);
        buf = '';
      }
    }
    write(buf);
    return entries;
  });
  return { path: written.path, entries: written.result };
}
