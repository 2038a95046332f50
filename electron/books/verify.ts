import type { VerifyProblem, VerifyResult } from '../../shared/api/types';
import type { Books } from '../db/books';
import { said } from '../../shared/phrase';
import { auditHash } from './audit';
import { formatHead, shortHash } from './history/facts';
import { checkTriggers, expectedTriggers } from './history/triggers';
import { verifyChain, type SinceHead } from './history/verifyChain';

/**
 * Integrity check of a whole administration, independent of the triggers (which a tool outside the
 * app could have dropped): SQLite's own integrity check, every posted entry balanced, numbers gapless
 * per journal and year, line copies consistent with their entry, the audit hash chain, the expected
 * triggers with their SQL unchanged, and the fact chain recomputed from the data (history/).
 * With `since` (a head kept outside the file) it also proves the history up to that head unchanged.
 */
export async function verifyBooks(books: Books, opts: { since?: SinceHead } = {}): Promise<VerifyResult> {
  const triggers = await expectedTriggers();
  const problems: VerifyProblem[] = [];
  const checks: { name: string; ok: boolean }[] = [];
  const check = (name: string, found: VerifyProblem[]) => {
    checks.push({ name, ok: found.length === 0 });
    problems.push(...found);
  };

  const integrity = books.raw('PRAGMA integrity_check').all() as { integrity_check: string }[];
  check('integrity_check', integrity.filter((r) => r.integrity_check !== 'ok').map((r) => ({ code: 'SQLITE_INTEGRITY', ...said('verify.sqlite', 'SQLite meldt: {{text}}', { text: r.integrity_check }) })));

  const fk = books.raw('PRAGMA foreign_key_check').all() as { table: string; rowid: number }[];
  check('foreign_keys', fk.map((r) => ({ code: 'FOREIGN_KEY', ...said('verify.foreignKey', 'Rij {{row}} in {{table}} verwijst naar iets dat niet bestaat.', { row: r.rowid, table: r.table }) })));

  const unbalanced = books
    .raw(
      `SELECT e.id, j.code, e.year, e.number, SUM(l.amount_cents) AS diff, COUNT(l.id) AS n
       FROM entries e JOIN journals j ON j.id = e.journal_id LEFT JOIN lines l ON l.entry_id = e.id
       WHERE e.status = 'posted' GROUP BY e.id HAVING COALESCE(SUM(l.amount_cents), 0) <> 0 OR COUNT(l.id) < 2`,
    )
    .all() as { id: number; code: string; year: number; number: number; diff: number | null; n: number }[];
  check('balanced', unbalanced.map((r) => ({
    code: 'UNBALANCED',
    ...said('verify.unbalanced', 'Boeking {{journal}} {{year}}-{{number}} (id {{id}}) is niet in evenwicht: verschil {{diff}} cent, {{lines}} regels.', {
      journal: r.code, year: r.year, number: r.number, id: r.id, diff: r.diff ?? 0, lines: r.n,
    }),
  })));

  const gaps = books
    .raw(
      `SELECT j.code, e.year, COUNT(*) AS n, MIN(e.number) AS lo, MAX(e.number) AS hi
       FROM entries e JOIN journals j ON j.id = e.journal_id WHERE e.status = 'posted'
       GROUP BY e.journal_id, e.year HAVING lo <> 1 OR hi <> n`,
    )
    .all() as { code: string; year: number; n: number; lo: number; hi: number }[];
  check('gapless', gaps.map((g) => ({
    code: 'NUMBER_GAP',
    ...said('verify.numberGap', 'Dagboek {{journal}} {{year}}: {{entries}} boekingen maar nummers {{from}} tot {{to}}. Er ontbreken nummers.', {
      journal: g.code, year: g.year, entries: g.n, from: g.lo, to: g.hi,
    }),
  })));

  const mismatch = books
    .raw(
      `SELECT l.id, l.entry_id FROM lines l JOIN entries e ON e.id = l.entry_id
       WHERE l.date <> e.date OR l.posted <> (e.status = 'posted') LIMIT 100`,
    )
    .all() as { id: number; entry_id: number }[];
  check('line_copies', mismatch.map((m) => ({ code: 'LINE_MISMATCH', ...said('verify.lineMismatch', 'Regel {{line}} hoort niet bij de datum of status van boeking {{entry}}.', { line: m.id, entry: m.entry_id }) })));

  const outside = books
    .raw(
      `SELECT e.id FROM entries e LEFT JOIN fiscal_years f ON f.year = e.year
       WHERE f.year IS NULL OR e.date NOT BETWEEN f.start_date AND f.end_date LIMIT 100`,
    )
    .all() as { id: number }[];
  check('dates_in_year', outside.map((o) => ({ code: 'DATE_OUTSIDE_YEAR', ...said('verify.outsideYear', 'Boeking {{entry}} valt buiten haar boekjaar.', { entry: o.id }) })));

  const totals = books
    .raw(
      `SELECT COALESCE(t.account_id, d.account_id) AS account_id, COALESCE(t.year, d.year) AS year FROM account_totals t
       FULL OUTER JOIN (
         SELECT l.account_id, e.year, SUM(MAX(l.amount_cents, 0)) AS debit, -SUM(MIN(l.amount_cents, 0)) AS credit
         FROM lines l JOIN entries e ON e.id = l.entry_id WHERE l.posted = 1 GROUP BY l.account_id, e.year
       ) d ON d.account_id = t.account_id AND d.year = t.year
       WHERE t.debit_cents IS NOT d.debit OR t.credit_cents IS NOT d.credit LIMIT 100`,
    )
    .all() as { account_id: number; year: number }[];
  check('account_totals', totals.map((t) => ({ code: 'TOTALS_MISMATCH', ...said('verify.totals', 'De opgetelde saldi van rekening-id {{account}} in {{year}} kloppen niet met de boekingen.', { account: t.account_id, year: t.year }) })));

  // A year reopens only through yearEnd.reopen, which logs it; an open year whose last logged
  // action is a close was reopened behind the app's back.
  const sneaky = books
    .raw(
      `SELECT f.year FROM fiscal_years f WHERE f.status = 'open'
       AND (SELECT action FROM year_end_log y WHERE y.year = f.year ORDER BY y.id DESC LIMIT 1) = 'close'`,
    )
    .all() as { year: number }[];
  check('year_status', sneaky.map((y) => ({ code: 'YEAR_REOPENED', ...said('verify.yearReopened', 'Boekjaar {{year}} is afgesloten geweest en buiten het programma om weer geopend.', { year: y.year }) })));

  const chainProblems: VerifyProblem[] = [];
  let prev = '';
  let auditRows = 0;
  for (const r of books.raw('SELECT id, at, action, entity, entity_id, payload, prev_hash, hash FROM audit_log ORDER BY id').iterate() as Iterable<{
    id: number; at: string; action: string; entity: string | null; entity_id: string | null; payload: string; prev_hash: string; hash: string;
  }>) {
    auditRows++;
    if (r.prev_hash !== prev) chainProblems.push({ code: 'AUDIT_CHAIN', ...said('verify.auditChain', 'Logboekregel {{row}} sluit niet aan op de regel ervoor: er is iets verwijderd of veranderd.', { row: r.id }) });
    if (auditHash(r.prev_hash, r.at, r.action, r.entity, r.entity_id, r.payload) !== r.hash) {
      chainProblems.push({ code: 'AUDIT_HASH', ...said('verify.auditHash', 'Logboekregel {{row}} is achteraf veranderd.', { row: r.id }) });
    }
    prev = r.hash;
    if (chainProblems.length >= 100) break;
  }
  check('audit_chain', chainProblems);

  check('triggers', checkTriggers(books, triggers));
  const history = verifyChain(books, opts.since);
  check('history', history.problems);

  const counts = books.raw(`SELECT (SELECT COUNT(*) FROM entries) AS entries, (SELECT COUNT(*) FROM lines) AS lines`).get() as { entries: number; lines: number };
  const head = { count: history.count, hash: history.hash };
  return {
    ok: problems.length === 0, checks, problems, counts: { ...counts, auditRows },
    history: {
      head: formatHead(head), count: head.count, hash: head.hash, short: shortHash(head.hash),
      started: history.started, backfilled: history.backfilled, note: historyNote(history.started, history.backfilled),
    },
  };
}

/** "controleerbaar vanaf …": from when the chain proves the history. */
function historyNote(started: string | null, backfilled: number): string {
  if (!started) return 'De geschiedenis van dit bestand is niet controleerbaar: het begin ervan ontbreekt.';
  const date = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${started}T00:00:00Z`));
  return backfilled > 0
    ? `Geschiedenis controleerbaar vanaf ${date}: de ${backfilled.toLocaleString('nl-NL')} feiten van daarvoor zijn toen eenmalig vastgelegd.`
    : `Geschiedenis controleerbaar vanaf het begin (${date}).`;
}
