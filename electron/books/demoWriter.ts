import type { Books } from '../db/books';

/**
 * Writes the demo load's entries a batch at a time, still draft -> posted under every trigger: the
 * entries of a batch in one INSERT, then their lines in one INSERT, then each entry posted by its own
 * UPDATE (the triggers fire per row as before, so the database still checks every entry balanced,
 * gapless and in an open year). A statement run per entry and per line cost more than the work
 * SQLite does in it: each run binds, steps, resets and seeks its tables from the root again.
 *
 * The entries get their ids from here: the load runs in one transaction on an exclusively locked
 * file, so nothing else can take one, and a taken id would fail the INSERT, not go unnoticed.
 */

const BATCH = 100;

export class DemoWriter {
  private nextId: number;
  private entries: (string | number)[] = [];
  private lines: (string | number)[] = [];
  /** id, number of each queued entry, in id order. */
  private numbers: number[] = [];
  private readonly sqlOf = new Map<string, string>();
  private readonly post;

  constructor(private readonly books: Books, private readonly accountIds: ReadonlyMap<string, number>) {
    this.nextId = (books.raw('SELECT COALESCE(MAX(id), 0) AS id FROM entries').get() as { id: number }).id + 1;
    this.post = books.raw(`UPDATE entries SET status = 'posted', number = ? WHERE id = ?`);
  }

  /** Queue one entry (lines as [account code, signed cents]); it is written and posted as `number` by flush(). */
  add(journalId: number, year: number, number: number, date: string, description: string, lines: readonly (readonly [string, number])[]): void {
    const id = this.nextId++;
    this.entries.push(id, journalId, year, date, description);
    for (const [code, cents] of lines) this.lines.push(id, this.accountIds.get(code)!, cents, date);
    this.numbers.push(id, number);
    if (this.numbers.length === BATCH * 2) this.flush();
  }

  flush(): void {
    const n = this.numbers.length / 2;
    if (n === 0) return;
    this.books.raw(this.sql('e', n, () => `INSERT INTO entries (id, journal_id, year, number, date, description, status, source) VALUES ${rows(n, "(?, ?, ?, NULL, ?, ?, 'draft', 'demo')")}`)).run(...this.entries);
    const m = this.lines.length / 4;
    this.books.raw(this.sql('l', m, () => `INSERT INTO lines (entry_id, account_id, amount_cents, date, posted) VALUES ${rows(m, '(?, ?, ?, ?, 0)')}`)).run(...this.lines);
    // Posted one by one: a multi-row UPDATE of a batch changes so many pages that its statement
    // journal passes the 64 KiB SQLite keeps in memory and goes to a temp file (strace showed the
    // writes), which cost more than the statement calls it saved.
    for (let i = 0; i < this.numbers.length; i += 2) this.post.run(this.numbers[i + 1], this.numbers[i]);
    this.entries = [];
    this.lines = [];
    this.numbers = [];
  }

  private sql(what: string, rows: number, make: () => string): string {
    const key = `${what}${rows}`;
    let s = this.sqlOf.get(key);
    if (s === undefined) {
      s = make();
      this.sqlOf.set(key, s);
    }
    return s;
  }
}

const rows = (n: number, row: string): string => Array.from({ length: n }, () => row).join(', ');
