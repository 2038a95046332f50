import { centsToString } from '../../shared/money';
import { writeFileChunked } from '../files/write';
import type { AccountType, MoneyKind } from '../../shared/chart';
import type { Books } from '../db/books';
import { resolvePeriod, type Period } from './reports';

/** hledger/ledger account names: no double spaces or tabs (they end the name), no leading/trailing space. */
function accountName(code: string, name: string): string {
  return `${code} ${name}`.replace(/[\t\r\n;]/g, ' ').replace(/ {2,}/g, ' ').trim();
}

interface AccountRow { id: number; code: string; name: string; type: AccountType; kind: MoneyKind | null }

/** hledger's account types: A asset, C cash (an asset that `cf` follows), L liability, E equity, R revenue, X expense. */
export function hledgerType(a: { type: AccountType; kind: MoneyKind | null }): 'A' | 'C' | 'L' | 'E' | 'R' | 'X' {
  switch (a.type) {
    case 'asset': return a.kind ? 'C' : 'A';
    case 'liability': return 'L';
    case 'equity': return 'E';
    case 'income': return 'R';
    case 'expense': return 'X';
  }
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
    const accounts = books.raw('SELECT id, code, name, type, kind FROM accounts ORDER BY code').all() as AccountRow[];
    const names = new Map(accounts.map((a) => [a.id, accountName(a.code, a.name)]));
    let buf = '; Kijk op de Kassa — export van geboekte boekingen\n\n';
    // Every account declared with its hledger type, so `hledger bs`, `is` and `cf` know which is which
    // (without it they only guess from English top-level names like "assets", and print nothing).
    for (const a of accounts) buf += `account ${names.get(a.id)}  ; type: ${hledgerType(a)}\n`;
    buf += '\n';
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
