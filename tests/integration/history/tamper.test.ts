/**
 * Issue 17's tamper cases, made the way an attacker would: with the sqlite3 tool, dropping the
 * triggers, editing consistently (totals adjusted) and putting the triggers back. Each must be found
 * by `kassa verify` (exit 1, a Dutch message naming what changed); the cut-off and rewritten
 * histories are found with `--since` and the head written down before. One fixture is built once
 * and copied per case.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../../shared/api/types';
import { auditHash } from '../../../electron/books/audit';
import i18n from '../../../renderer/src/i18n';
import { serverText } from '../../../renderer/src/serverText';
import { DUTCH_ALLOWED, DUTCH_WORDS, leftovers } from '../../e2e/languageWords';
import { assertDistBuilt, cleanupTempDirs, expectDutch, makeBooks, runCli, simpleEntry, tempDir } from '../helpers';

afterAll(cleanupTempDirs);

const SQLITE3 = '/usr/bin/sqlite3';
let base: string;
let head: string;
/** A second fixture with a final sales invoice, a purchase invoice with its PDF and a volunteer payment. */
let finals: string;
const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
let triggers: Map<string, string>;

beforeAll(async () => {
  assertDistBuilt();
  const b = await makeBooks({ year: 2026 });
  await b.call('entries.post', simpleEntry('2026-01-05', '1100', '8000', '25.00', 'Gift van Fatima'));
  await b.call('entries.post', simpleEntry('2026-01-07', '4200', '1000', '12.40', 'Boodschappen kookavond'));
  await b.call('entries.post', simpleEntry('2026-01-09', '4100', '1100', '450.00', 'Huur buurthuis'));
  await b.call('entries.post', simpleEntry('2026-01-12', '1100', '8000', '10.00', 'Gift van Jan'));
  const v = await b.call<VerifyResult>('audit.verify');
  expect(v.ok, JSON.stringify(v.problems)).toBe(true);
  head = v.history.head;
  b.close();
  base = b.file;

  const f = await makeBooks({ year: 2026, extra: { iban: 'NL91ABNA0417164300', street: 'Pleinweg 1', postcode: '3083 AA', city: 'Rotterdam', kvk: '12345678' } });
  const c = await f.call<{ id: number }>('contacts.create', { kind: 'customer', name: 'Gemeente Rotterdam', street: 'Coolsingel 40', postcode: '3011 AD', city: 'Rotterdam' });
  const d = await f.call<{ id: number }>('invoices.saveDraft', { kind: 'sales', contact: c.id, issueDate: '2026-03-14', lines: [{ description: 'Zaalhuur', quantity: '2', unitPrice: '75.00' }] });
  await f.call('invoices.finalise', { id: d.id });
  const sup = await f.call<{ id: number }>('contacts.create', { kind: 'supplier', name: 'Drukkerij De Letter', city: 'Utrecht' });
  const pd = await f.call<{ id: number }>('invoices.saveDraft', {
    kind: 'purchase', contact: sup.id, number: 'F-118', issueDate: '2026-03-10', dueDate: '2026-04-09',
    lines: [{ description: 'Flyers', account: '4300', amount: '120.00' }], attachment: { name: 'factuur-118.pdf', data: TINY_PDF.toString('base64') },
  });
  await f.call('invoices.finalise', { id: pd.id });
  const person = await f.call<{ id: number }>('persons.create', { name: 'Fatima El Amrani', birthDate: '1980-05-31', iban: 'NL02ABNA0123456789', benefit: 'none' });
  await f.call('volunteers.pay', { person: person.id, date: '2026-03-10', hours: '10', amount: '50.00', kind: 'fee', description: 'Koken buurthuis', payFrom: '1100' });
  const fv = await f.call<VerifyResult>('audit.verify');
  expect(fv.ok, JSON.stringify(fv.problems)).toBe(true);
  expect(fv.history.count).toBe(6); // 3 entries, 2 invoices, 1 payment
  f.close();
  finals = f.file;

  const db = new Database(base, { readonly: true });
  triggers = new Map((db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string; sql: string }[]).map((t) => [t.name, t.sql]));
  db.close();
}, 60_000);

/** A copy of the fixture edited with the sqlite3 tool: triggers dropped, SQL run, triggers put back. */
function tampered(sql: string, opts: { keepDropped?: string[]; from?: string } = {}): string {
  const file = path.join(tempDir(), 'gerommeld.kassa');
  fs.copyFileSync(opts.from ?? base, file);
  const names = [...triggers.keys()];
  const script = [
    ...names.map((n) => `DROP TRIGGER "${n}";`),
    sql,
    ...names.filter((n) => !opts.keepDropped?.includes(n)).map((n) => `${triggers.get(n)};`),
  ].join('\n');
  execFileSync(SQLITE3, [file], { input: script });
  return file;
}

async function expectFound(file: string, message: RegExp, args: string[] = []): Promise<string[]> {
  const r = await runCli(['verify', file, ...args]);
  expect(r.status, r.stdout + r.stderr).toBe(1);
  const lines = r.stderr.trim().split('\n');
  for (const l of lines) expectDutch(l);
  expect(lines.some((l) => message.test(l)), lines.join('\n')).toBe(true);
  return lines;
}

// BANK 2026-0001 gift Fatima, KAS 2026-0001 shopping, BANK 2026-0002 rent, BANK 2026-0003 gift Jan.
const entryId = (n: number) => `(SELECT id FROM entries WHERE journal_id = (SELECT id FROM journals WHERE code = 'BANK') AND year = 2026 AND number = ${n})`;
const account = (code: string) => `(SELECT id FROM accounts WHERE code = '${code}')`;

describe.concurrent('kassa verify finds edits made behind the app\'s back', () => {
  it('the untampered fixture verifies', async () => {
    const r = await runCli(['verify', base, '--since', head]);
    expect(r.status, r.stderr).toBe(0);
  });

  it('1. both lines of an entry changed, the totals adjusted', async () => {
    await expectFound(tampered(`
      UPDATE lines SET amount_cents = amount_cents * 2 WHERE entry_id = ${entryId(1)};
      UPDATE account_totals SET debit_cents = debit_cents + 2500 WHERE account_id = ${account('1100')} AND year = 2026;
      UPDATE account_totals SET credit_cents = credit_cents + 2500 WHERE account_id = ${account('8000')} AND year = 2026;`),
    /^Boeking BANK 2026-0001 is na het boeken veranderd/);
  });

  it('2. an entry\'s date and its lines\' dates moved', async () => {
    await expectFound(tampered(`UPDATE entries SET date = '2026-02-05' WHERE id = ${entryId(1)}; UPDATE lines SET date = '2026-02-05' WHERE entry_id = ${entryId(1)};`),
      /^Boeking BANK 2026-0001 is na het boeken veranderd/);
  });

  it('3. a description changed', async () => {
    await expectFound(tampered(`UPDATE entries SET description = 'Gift van iemand anders' WHERE id = ${entryId(3)};`), /^Boeking BANK 2026-0003 is na het boeken veranderd/);
  });

  it('4. a line moved to another account, the totals adjusted', async () => {
    await expectFound(tampered(`
      UPDATE lines SET account_id = ${account('4300')} WHERE entry_id = ${entryId(2)} AND account_id = ${account('4100')};
      UPDATE account_totals SET debit_cents = debit_cents - 45000 WHERE account_id = ${account('4100')} AND year = 2026;
      INSERT INTO account_totals (account_id, year, debit_cents, credit_cents) VALUES (${account('4300')}, 2026, 45000, 0);`),
    /^Boeking BANK 2026-0002 is na het boeken veranderd/);
  });

  it('5. the last entry deleted, the totals adjusted', async () => {
    await expectFound(tampered(`
      DELETE FROM lines WHERE entry_id = ${entryId(3)}; DELETE FROM entries WHERE id = ${entryId(3)};
      UPDATE account_totals SET debit_cents = debit_cents - 1000 WHERE account_id = ${account('1100')} AND year = 2026;
      UPDATE account_totals SET credit_cents = credit_cents - 1000 WHERE account_id = ${account('8000')} AND year = 2026;`),
    /^Boeking BANK 2026-0003 is verwijderd/);
  });

  it('6. a fake entry with the next number added', async () => {
    await expectFound(tampered(`
      INSERT INTO entries (journal_id, year, number, date, description, status, source)
        VALUES ((SELECT id FROM journals WHERE code = 'BANK'), 2026, 4, '2026-01-20', 'Terugbetaling', 'posted', 'manual');
      INSERT INTO lines (entry_id, account_id, amount_cents, date, posted) VALUES (${entryId(4)}, ${account('4000')}, 5000, '2026-01-20', 1);
      INSERT INTO lines (entry_id, account_id, amount_cents, date, posted) VALUES (${entryId(4)}, ${account('1100')}, -5000, '2026-01-20', 1);
      UPDATE account_totals SET credit_cents = credit_cents + 5000 WHERE account_id = ${account('1100')} AND year = 2026;
      INSERT INTO account_totals (account_id, year, debit_cents, credit_cents) VALUES (${account('4000')}, 2026, 5000, 0);`),
    /^Boeking BANK 2026-0004 staat niet in de geschiedenis/);
  });

  it('7. the last audit rows cut off', async () => {
    await expectFound(tampered(`DELETE FROM audit_log WHERE id > (SELECT MAX(id) - 3 FROM audit_log);`), /^Logboekregel \d+ ontbreekt/);
  });

  it('8. all audit rows deleted', async () => {
    await expectFound(tampered(`DELETE FROM audit_log;`), /^Logboekregel \d+ ontbreekt/);
  });

  it('9. an audit row changed and the audit chain recomputed', async () => {
    const file = tampered(`UPDATE audit_log SET payload = '{"ref":"BANK 2026-0002","note":"anders"}' WHERE id = 3;`);
    // recompute every hash from row 3 on, as the app would have
    const db = new Database(file);
    db.exec(triggers.has('audit_log_no_update') ? 'DROP TRIGGER audit_log_no_update' : '');
    let prev = (db.prepare('SELECT hash FROM audit_log WHERE id = 2').get() as { hash: string }).hash;
    for (const r of db.prepare('SELECT * FROM audit_log WHERE id >= 3 ORDER BY id').all() as { id: number; at: string; action: string; entity: string | null; entity_id: string | null; payload: string }[]) {
      const h = auditHash(prev, r.at, r.action, r.entity, r.entity_id, r.payload);
      db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, h, r.id);
      prev = h;
    }
    db.exec(`${triggers.get('audit_log_no_update')}`);
    db.close();
    await expectFound(file, /^Logboekregel \d+ is buiten het programma om veranderd of het logboek is opnieuw berekend/);
  });

  it('10. the triggers left dropped', async () => {
    const lines = await expectFound(tampered('', { keepDropped: ['entries_posted_immutable', 'lines_update_posted'] }), /^De beveiliging "entries_posted_immutable" ontbreekt/);
    expect(lines.some((l) => l.includes('"lines_update_posted"'))).toBe(true);
  });

  it('11. a trigger put back with other SQL', async () => {
    const file = tampered(`SELECT 1;`, { keepDropped: ['entries_posted_undeletable'] });
    execFileSync(SQLITE3, [file], { input: `CREATE TRIGGER entries_posted_undeletable BEFORE DELETE ON entries WHEN 0 BEGIN SELECT 1; END;` });
    await expectFound(file, /^De beveiliging "entries_posted_undeletable" is buiten het programma om veranderd/);
  });

  it('12. an extra trigger planted', async () => {
    await expectFound(tampered(`CREATE TRIGGER stil AFTER INSERT ON lines BEGIN SELECT 1; END;`), /onbekende beveiliging "stil"/);
  });

  it('13. a fact\'s tag edited to hide a change', async () => {
    await expectFound(tampered(`UPDATE entries SET description = 'x' WHERE id = ${entryId(2)}; UPDATE facts SET tag = (tag + 1) % 65536 WHERE seq = 3;`),
      /^Boeking BANK 2026-0002 is na het boeken veranderd|^De geschiedenis klopt niet/);
  });

  it('14. the head in the file moved back', async () => {
    await expectFound(tampered(`UPDATE meta SET value = '3:' || substr(value, instr(value, ':') + 1) WHERE key = 'history.head';`), /^De geschiedenis klopt niet met haar kop/);
  });

  it('15. the last fact and its entry cut off, the head recomputed: found with --since', async () => {
    // The attacker deletes the entry, the whole chain and the head; the app starts a new chain on
    // the next open, over what is left, so the file alone looks consistent…
    const file = tampered(`
      DELETE FROM lines WHERE entry_id = ${entryId(3)}; DELETE FROM entries WHERE id = ${entryId(3)};
      UPDATE account_totals SET debit_cents = debit_cents - 1000 WHERE account_id = ${account('1100')} AND year = 2026;
      UPDATE account_totals SET credit_cents = credit_cents - 1000 WHERE account_id = ${account('8000')} AND year = 2026;
      DELETE FROM facts; DELETE FROM meta WHERE key LIKE 'history.%';`);
    const alone = await runCli(['verify', file]);
    expect(alone.status, alone.stderr).toBe(0);
    // …but not against the head written down before.
    await expectFound(file, /^De geschiedenis is ingekort: feit 4/, ['--since', head]);
  });

  it('16. history rewritten consistently (a description changed, the chain recomputed): found with --since', async () => {
    const file = tampered(`UPDATE entries SET description = 'Gift' WHERE id = ${entryId(1)}; DELETE FROM facts; DELETE FROM meta WHERE key LIKE 'history.%';`);
    expect((await runCli(['verify', file])).status).toBe(0);
    await expectFound(file, /^De geschiedenis is herschreven: feit 4/, ['--since', head]);
  });

  it('17. a fact removed from the middle of the chain', async () => {
    await expectFound(tampered(`DELETE FROM facts WHERE seq = 2;`), /^Feit 2 ontbreekt in de geschiedenis/);
  });

  it('18. an entry renumbered', async () => {
    await expectFound(tampered(`UPDATE entries SET number = 9 WHERE id = ${entryId(3)};`), /^Boeking BANK 2026-0003 is verwijderd/);
  });

  it('19. a final invoice\'s price changed, its totals adjusted', async () => {
    await expectFound(tampered(`
      UPDATE invoice_lines SET unit_price_cents = 6500, net_cents = 13000 WHERE invoice_id = (SELECT id FROM invoices WHERE kind = 'sales');
      UPDATE invoices SET net_cents = 13000, gross_cents = 13000 WHERE kind = 'sales';`, { from: finals }),
    /^Factuur bij boeking VRK 2026-0001 is na het definitief maken veranderd/);
  });

  it('20. the attachment of a final invoice replaced (bytes, size and stored sha256)', async () => {
    const other = Buffer.from('%PDF-1.4\n% een andere factuur\n%%EOF\n', 'latin1');
    const sha = (await import('node:crypto')).createHash('sha256').update(other).digest('hex');
    await expectFound(tampered(`UPDATE attachments SET data = X'${other.toString('hex')}', size = ${other.length}, sha256 = '${sha}';`, { from: finals }),
      /^Factuur bij boeking INK 2026-0001 is na het definitief maken veranderd/);
  });

  it('21. a volunteer payment\'s amount changed', async () => {
    await expectFound(tampered(`UPDATE volunteer_payments SET amount_cents = 9000; UPDATE volunteer_month_totals SET amount_cents = 9000;`, { from: finals }),
      /^Vrijwilligersbetaling bij boeking BANK 2026-0001 is na het vastleggen veranderd/);
  });

  it('22. a final invoice deleted with its lines', async () => {
    await expectFound(tampered(`
      DELETE FROM invoice_lines WHERE invoice_id = (SELECT id FROM invoices WHERE kind = 'sales');
      DELETE FROM invoices WHERE kind = 'sales';`, { from: finals }),
    /^Factuur bij boeking VRK 2026-0001 is verwijderd/);
  });
});

describe('the problems carry their phrases for an English screen (issue 18)', () => {
  it('every problem of `kassa verify --json` reads in English, the Dutch on stderr unchanged', async () => {
    const files = [
      tampered(`UPDATE invoice_lines SET unit_price_cents = 6500, net_cents = 13000 WHERE invoice_id = (SELECT id FROM invoices WHERE kind = 'sales');
        UPDATE invoices SET net_cents = 13000, gross_cents = 13000 WHERE kind = 'sales';`, { from: finals }),
      tampered(`UPDATE volunteer_payments SET amount_cents = 9000; UPDATE volunteer_month_totals SET amount_cents = 9000;`, { from: finals }),
      tampered('', { keepDropped: ['entries_posted_immutable'] }),
      tampered(`UPDATE entries SET number = 9 WHERE id = ${entryId(3)}; DELETE FROM audit_log WHERE id > 2;`),
    ];
    const english: string[] = [];
    await i18n.changeLanguage('en');
    try {
      for (const file of files) {
        const r = await runCli(['verify', file, '--json', '--since', head]);
        expect(r.status).toBe(1);
        const v = JSON.parse(r.stdout) as VerifyResult;
        expect(r.stderr.trim().split('\n')).toEqual(v.problems.map((p) => p.message));
        for (const p of v.problems) {
          expect(p.says, p.message).toBeDefined();
          const en = serverText(p);
          expect(en, p.message).not.toBe(p.message);
          expect(leftovers(en, DUTCH_WORDS, DUTCH_ALLOWED, []), en).toEqual([]);
          english.push(en);
        }
      }
    } finally {
      await i18n.changeLanguage('nl');
    }
    expect(english.join('\n')).toMatch(/^Invoice of entry VRK 2026-0001 was changed after it was finalised \(fact \d+\)\.$/m);
    expect(english.join('\n')).toMatch(/^Volunteer payment of entry BANK 2026-0001 was changed after it was recorded/m);
    expect(english.join('\n')).toMatch(/^The safeguard "entries_posted_immutable" is missing from the file/m);
    expect(english.join('\n')).toMatch(/^Entry BANK 2026-0009 is not in the history: added outside the app\.$/m);
  });
});
