/**
 * Issue 19: the kascommissie review on real files. While a review is active the books do not
 * change (every books table byte-identical; only review rows are added), every writing method is
 * refused in Dutch, the sample is reproducible from its seed, and the report names who, what and
 * the outcome.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Checklist, Review, Sample } from '../../../shared/api/review';
import { assertDistBuilt, cleanupTempDirs, cliJson, expectKassaError, runCli, sha256 } from '../helpers';
import { demoBooks, FIRST_YEAR } from '../statements/helpers';
import type { Books } from '../../../electron/db/books';
import { chainHead } from '../../../electron/books/history/facts';

afterAll(cleanupTempDirs);

const REVIEW_TABLES = new Set(['reviews', 'review_reviewers', 'review_sample', 'review_remarks']);
const REVIEW_KINDS = ['review', 'review_remark', 'review_end'];

/**
 * Every row of every table except the review's own, in a stable order: the books as data. The
 * review's facts (and the head they move) are review rows in the chain: left out as well.
 */
export function dumpBooks(books: Books): string {
  const reviewKinds = new Set((books.raw(`SELECT id FROM fact_kinds WHERE name IN ('review','review_remark','review_end')`).all() as { id: number }[]).map((k) => k.id));
  const tables = (books.raw(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[])
    .map((t) => t.name)
    .filter((n) => !REVIEW_TABLES.has(n));
  const out: string[] = [];
  for (const t of tables) {
    const rows = (books.raw(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[]).filter((r) =>
      t === 'facts' ? !reviewKinds.has(r.kind as number) : t === 'meta' ? !['history.head', 'history.audit'].includes(r.key as string) : t === 'fact_kinds' ? !REVIEW_KINDS.includes(r.name as string) : true);
    const lines = rows.map((r) => JSON.stringify(r, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v))).sort();
    out.push(`## ${t} (${rows.length})`, ...lines);
  }
  return out.join('\n');
}

describe('kascommissie review', () => {
  test('a review of a closed year writes only review rows; writing methods are refused in Dutch', async () => {
    const tb = await demoBooks({ transactions: 600 });
    const books = tb.session.books!;
    await tb.call('yearEnd.close', { year: FIRST_YEAR });
    const before = dumpBooks(books);
    const headBefore = chainHead(books);

    const r = await tb.call<Review>('review.start', { year: FIRST_YEAR, reviewDate: `${FIRST_YEAR + 1}-03-15`, reviewers: ['Anna de Vries', 'Bram Jansen'], sampleSize: 25, seed: 4242 });
    expect(r.code).toBe(`KC ${FIRST_YEAR}-1`);
    expect(r.sample.entries.filter((e) => e.reason === 'random')).toHaveLength(25);
    expect(r.checklist.items.map((i) => i.key)).toEqual(['bank', 'cash', 'receipts', 'volunteers', 'grants', 'invoices', 'yearEnd', 'history']);

    // Every kind of write is refused while the review runs; nothing changes.
    const refused: [string, unknown][] = [
      ['entries.post', { date: `${FIRST_YEAR + 1}-01-05`, description: 'X', lines: [{ account: '4100', debit: '1.00' }, { account: '1100', credit: '1.00' }] }],
      ['money.spent', { date: `${FIRST_YEAR + 1}-01-05`, description: 'X', amount: '1.00', from: '1100', category: '4100' }],
      ['accounts.create', { code: '4999', name: 'Nieuw', type: 'expense' }],
      ['org.update', { name: 'Andere naam' }],
      ['yearEnd.reopen', { year: FIRST_YEAR, reason: 'Een fout gevonden in de boeken' }],
      ['persons.create', { name: 'Piet' }],
    ];
    for (const [m, input] of refused) {
      const e = await expectKassaError(tb.call(m, input), 'REVIEW_ACTIVE');
      expect(e.message).toContain(String(FIRST_YEAR));
    }
    // Reads still work (and run with query_only on).
    await tb.call('reports.trialBalance', { year: FIRST_YEAR });
    await tb.call('bank.inbox', {});
    await tb.call('volunteers.overview', { year: FIRST_YEAR });
    const pack = path.join(tb.dir, 'pack.pdf');
    await tb.call('statements.pdf', { year: FIRST_YEAR, path: pack });

    const first = r.sample.entries[0]!;
    let rv = await tb.call<Review>('review.mark', { on: 'checklist', target: 'bank', verdict: 'akkoord', remark: 'Afschrift gezien' });
    expect(rv.checklist.items[0]!.mark).toMatchObject({ verdict: 'akkoord', remark: 'Afschrift gezien', author: 'Anna de Vries' });
    rv = await tb.call<Review>('review.mark', { on: 'sample', target: first.ref, verdict: 'vraag', remark: 'Waar is de bon?', author: 'Bram Jansen' });
    expect(rv.questions).toHaveLength(1);
    await expectKassaError(tb.call('review.finish', { conclusion: 'discharge' }), 'INVALID_INPUT');
    rv = await tb.call<Review>('review.answer', { question: rv.questions[0]!.seq, text: 'De bon zit in de map van maart.' });
    expect(rv.questions[0]!.answer?.text).toBe('De bon zit in de map van maart.');
    // A newer mark replaces the older one; the old one stays in the table.
    rv = await tb.call<Review>('review.mark', { on: 'sample', target: first.ref, verdict: 'akkoord' });
    expect(rv.sample.entries[0]!.mark?.verdict).toBe('akkoord');
    await expectKassaError(tb.call('review.mark', { on: 'sample', target: 'BANK 1999-0001', verdict: 'akkoord' }), 'NOT_FOUND');
    await expectKassaError(tb.call('review.mark', { on: 'checklist', target: 'bank', verdict: 'niet_akkoord' }), 'INVALID_INPUT');

    rv = await tb.call<Review>('review.finish', { conclusion: 'discharge_with_remarks', text: 'Bewaar de bonnen per maand.' });
    expect(rv.status).toBe('finished');
    const out = path.join(tb.dir, 'verslag.pdf');
    // The report goes through the guarded writer: never onto the open books or their -wal.
    const booksBefore = sha256(tb.file);
    await expectKassaError(tb.call('review.reportPdf', { id: rv.id, path: tb.file }), 'PROTECTED_FILE');
    await expectKassaError(tb.call('review.reportPdf', { id: rv.id, path: `${tb.file}-wal` }), 'PROTECTED_FILE');
    expect(sha256(tb.file)).toBe(booksBefore);
    const pdf = await tb.call<{ pages: number }>('review.reportPdf', { id: rv.id, path: out });
    expect(pdf.pages).toBeGreaterThan(0);
    const text = execFileSync('pdftotext', [out, '-']).toString('utf8').replace(/\s+/g, ' ');
    expect(text).toContain('Verslag van de kascommissie');
    expect(text).toContain('Anna de Vries');
    expect(text).toContain('Bram Jansen');
    expect(text).toContain(String(FIRST_YEAR));
    expect(text).toContain('decharge');
    expect(text).toContain('Startgetal van de steekproef: 4242');
    expect(text).toContain('De bon zit in de map van maart.');
    const head = chainHead(books);
    expect(text).toContain(`Kop van de geschiedenis bij dit verslag: ${head.count}:${head.hash}`);
    // Every remark is a fact: the review (1), its remarks (4) and its end (1) moved the head by 6.
    const kinds = books.raw(`SELECT k.name, COUNT(*) AS n FROM facts f JOIN fact_kinds k ON k.id = f.kind WHERE k.name LIKE 'review%' GROUP BY k.name ORDER BY k.name`).all();
    expect(kinds).toEqual([{ name: 'review', n: 1 }, { name: 'review_end', n: 1 }, { name: 'review_remark', n: 4 }]);
    expect(head.count).toBe(headBefore.count + 6);
    // The statements pack names the finished review.
    await tb.call('statements.pdf', { year: FIRST_YEAR, path: pack });
    expect(execFileSync('pdftotext', [pack, '-']).toString('utf8').replace(/\s+/g, ' ')).toContain(`Controle KC ${FIRST_YEAR}-1 op 15-03-${FIRST_YEAR + 1} door Anna de Vries en Bram Jansen`);
    const verified = await tb.call<{ ok: boolean; problems: unknown[] }>('audit.verify', {});
    expect(verified.problems).toEqual([]);

    // After the review the books are exactly as before; the review rows are there and final.
    expect(dumpBooks(books)).toBe(before);
    expect(books.raw('SELECT COUNT(*) FROM review_remarks').pluck().get()).toBe(4);
    expect(() => books.raw('UPDATE review_remarks SET text = ? WHERE seq = 1').run('anders')).toThrow();
    expect(() => books.raw('DELETE FROM review_sample').run()).toThrow();
    // ... and writing works again.
    await tb.call('entries.post', { date: `${FIRST_YEAR + 1}-01-05`, description: 'Na de controle', lines: [{ account: '4100', debit: '1.00' }, { account: '1100', credit: '1.00' }] });
    tb.close();
  });

  test('the sample is reproducible from its seed and holds every entry of € 1,000 or more', async () => {
    const tb = await demoBooks({ transactions: 600 });
    const a = await tb.call<Sample>('review.sample', { year: FIRST_YEAR, size: 25, seed: 7 });
    const b = await tb.call<Sample>('review.sample', { year: FIRST_YEAR, size: 25, seed: 7 });
    const c = await tb.call<Sample>('review.sample', { year: FIRST_YEAR, size: 25, seed: 8 });
    const refs = (s: Sample) => s.entries.map((e) => e.ref);
    expect(refs(a)).toEqual(refs(b));
    expect(refs(a)).not.toEqual(refs(c));
    const large = tb.session.books!
      .raw(`SELECT COUNT(*) FROM entries e WHERE e.year = ? AND e.status = 'posted' AND e.source <> 'closing' AND (SELECT SUM(amount_cents) FROM lines WHERE entry_id = e.id AND amount_cents > 0) >= 100000`)
      .pluck().get(FIRST_YEAR) as number;
    expect(a.entries.filter((e) => e.reason === 'large')).toHaveLength(large);
    expect(a.entries.filter((e) => e.reason === 'random')).toHaveLength(25);
    expect(new Set(refs(a)).size).toBe(refs(a).length);
    // A started review stores exactly the sample the seed draws.
    const r = await tb.call<Review>('review.start', { year: FIRST_YEAR, reviewDate: `${FIRST_YEAR + 1}-02-01`, reviewers: ['Anna'], sampleSize: 25, seed: 7 });
    expect(r.sample.entries.map((e) => e.ref)).toEqual(refs(a));
    await expectKassaError(tb.call('review.start', { year: FIRST_YEAR, reviewDate: `${FIRST_YEAR + 1}-02-01`, reviewers: ['Anna'] }), 'REVIEW_ACTIVE');
    tb.close();

    // The CLI draws the same sample from the same seed and prints the checklist beside it.
    assertDistBuilt();
    const cli = cliJson<{ checklist: Checklist; sample: Sample }>(await runCli(['review', tb.file, '--year', String(FIRST_YEAR), '--sample', '25', '--seed', '7', '--format', 'json']));
    expect(cli.sample.entries.map((e) => e.ref)).toEqual(refs(a));
    expect(cli.checklist.items).toHaveLength(8);
    const csv = await runCli(['review', tb.file, '--year', String(FIRST_YEAR), '--sample', '25', '--seed', '7', '--format', 'csv']);
    expect(csv.status).toBe(0);
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toBe('soort,sleutel,omschrijving,uitkomst,bedrag,toelichting');
    expect(rows.filter((r) => r.startsWith('steekproef,'))).toHaveLength(a.entries.length);
    const usage = await runCli(['review', tb.file, '--year', String(FIRST_YEAR), '--format', 'xml']);
    expect(usage.status).toBe(2);
  });

  test('bad input to the review methods writes nothing', async () => {
    const tb = await demoBooks({ transactions: 200 });
    await expectKassaError(tb.call('review.start', { year: FIRST_YEAR + 2, reviewDate: `${FIRST_YEAR + 3}-02-01`, reviewers: ['Anna'] }), 'YEAR_NOT_READY');
    await expectKassaError(tb.call('review.start', { year: FIRST_YEAR, reviewDate: `${FIRST_YEAR}-06-01`, reviewers: ['Anna'] }), 'INVALID_INPUT');
    await expectKassaError(tb.call('review.start', { year: FIRST_YEAR, reviewDate: `${FIRST_YEAR + 1}-02-01`, reviewers: [] }), 'INVALID_INPUT');
    await expectKassaError(tb.call('review.start', { year: 1980, reviewDate: '2026-02-01', reviewers: ['A'] }), 'INVALID_INPUT');
    await expectKassaError(tb.call('review.mark', { on: 'checklist', target: 'bank', verdict: 'akkoord' }), 'NOT_FOUND');
    expect(tb.session.books!.raw('SELECT COUNT(*) FROM reviews').pluck().get()).toBe(0);
    tb.close();
  });
});
