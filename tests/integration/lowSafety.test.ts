/**
 * Issue 17 (Low): a FIFO as bank file is refused without hanging; a damaged file is refused on
 * open (quick_check) before anything is posted; amounts above the cap and SQLite's own messages
 * come out as Dutch errors.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api';
import { translateDbError } from '../../electron/db/errors';
import { createAppSession } from '../../electron/app/handlers';
import { Session } from '../../electron/session';
import { KassaError } from '../../shared/errors';
import { cleanupTempDirs, expectDutch, expectKassaError, makeBooks, simpleEntry, tempDir } from './helpers';

afterAll(cleanupTempDirs);

describe('bank import of a special file', () => {
  it('a FIFO is refused at once with a Dutch error (no hang)', async () => {
    const b = await makeBooks({ extra: { iban: 'NL36INGB0007654321' } });
    const fifo = path.join(tempDir('kassa-fifo-'), 'afschrift.xml');
    execFileSync('mkfifo', [fifo]);
    const t0 = Date.now();
    await expectKassaError(b.call('bank.import', { path: fifo }), 'BAD_BANK_FILE');
    expect(Date.now() - t0).toBeLessThan(5_000);
    await expectKassaError(b.call('bank.import', { path: '/dev/zero' }), 'BAD_BANK_FILE');
    b.close();
  });
});

/** Books with 300 postings, one index page garbled (not the header): SQLite opens the file, quick_check finds it. */
async function damagedBooks(): Promise<string> {
  const b = await makeBooks();
  for (let i = 0; i < 300; i++) await b.call('entries.post', simpleEntry('2026-02-01', '1100', '8000', `${i + 1}.00`, `Gift nummer ${i} ${'x'.repeat(80)}`));
  b.close();
  const db = new Database(b.file);
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  const page = (db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'lines_entry'`).get() as { rootpage: number }).rootpage;
  db.close();
  const fd = fs.openSync(b.file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize - 100, 0x41), 0, pageSize - 100, (page - 1) * pageSize + 100);
  fs.closeSync(fd);
  return b.file;
}

/** Every .kassa file under `dir`, at any depth. */
function kassaFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.kassa'));
}

describe('quick_check on open', () => {
  it('a damaged file gets CORRUPT_FILE on admin.open, and takes no postings', async () => {
    const b = { file: await damagedBooks() };
    const before = fs.readFileSync(b.file);

    const s = new Session();
    const err = await expectKassaError(dispatch(s, 'admin.open', { path: b.file }), 'CORRUPT_FILE');
    expect(err.message).toContain('beschadigd');
    expect(s.books).toBeNull();
    await expectKassaError(dispatch(s, 'entries.post', simpleEntry('2026-02-01', '1100', '8000', '1.00')), 'NO_FILE_OPEN');
    expect(fs.readFileSync(b.file).equals(before)).toBe(true);
  });

  it('an app session checks the opening copy beside the reads: the first write gets CORRUPT_FILE, nothing written, no copy kept', async () => {
    const file = await damagedBooks();
    const before = fs.readFileSync(file);
    const s = createAppSession({ settingsDir: tempDir('kassa-settings-'), mode: 'browser' });
    // admin.open answers before the check (the dashboard's reads need not wait for it)...
    await dispatch(s, 'admin.open', { path: file });
    // ...but a posting waits for it, and is refused.
    const err = await expectKassaError(dispatch(s, 'entries.post', simpleEntry('2026-02-01', '1100', '8000', '1.00')), 'CORRUPT_FILE');
    expect(err.message).toContain('beschadigd');
    expect(s.books).toBeNull();
    // Every next call says so too, until another file is opened.
    await expectKassaError(dispatch(s, 'admin.info', {}).then(() => dispatch(s, 'accounts.list', {})), 'CORRUPT_FILE');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // The damaged copy is not kept among the backups (it would push good ones out of the rotation).
    expect(kassaFilesUnder(path.dirname(file)).filter((f) => f !== path.basename(file))).toEqual([]);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp') || f.endsWith('-wal'))).toEqual([]);
  });
});

describe('big amounts and SQLite messages', () => {
  it('a line above € 999.999.999,99 is refused by the API and by the database', async () => {
    const b = await makeBooks();
    const err = await expectKassaError(b.call('entries.post', simpleEntry('2026-02-01', '1100', '8000', '1000000000.00')), 'INVALID_AMOUNT');
    expect(err.message).toContain('te groot');
    await b.call('entries.saveDraft', simpleEntry('2026-02-01', '1100', '8000', '5.00'));
    const db = b.session.books!;
    const entry = db.raw(`SELECT id FROM entries WHERE status = 'draft' LIMIT 1`).get() as { id: number } | undefined;
    expect(entry).toBeDefined();
    let caught: unknown;
    try {
      db.raw(`INSERT INTO lines (entry_id, account_id, amount_cents, date) VALUES (?, 1, 100000000000, '2026-02-01')`).run(entry!.id);
    } catch (e) {
      caught = translateDbError(e);
    }
    expect(caught).toBeInstanceOf(KassaError);
    expect((caught as KassaError).code).toBe('INVALID_AMOUNT');
    expectDutch((caught as KassaError).message);
    b.close();
  });

  it('REAL values, CHECK failures and NUL characters become Dutch', async () => {
    const b = await makeBooks();
    const db = b.session.books!;
    const attempts = [
      () => db.raw(`INSERT INTO lines (entry_id, account_id, amount_cents, date) VALUES (1, 1, 1.5, '2026-02-01')`).run(),
      () => db.raw(`INSERT INTO accounts (code, name, type, line_rj650, line_rj640) VALUES ('9998', ?, 'expense', 'x', 'x')`).run('\u0000verborgen'),
      () => db.raw(`INSERT INTO accounts (code, name, type, line_rj650, line_rj640) VALUES ('9997', 'x', 'onzin', 'x', 'x')`).run(),
    ];
    for (const attempt of attempts) {
      let caught: unknown;
      try {
        attempt();
      } catch (e) {
        caught = translateDbError(e);
      }
      expect(caught).toBeInstanceOf(KassaError);
      expectDutch((caught as KassaError).message);
      // eslint-disable-next-line no-control-regex
      expect((caught as KassaError).message).not.toMatch(/\u0000|CHECK|REAL/);
    }
    await expectKassaError(b.call('accounts.create', { code: '9996', name: '\u0000', type: 'expense' }), 'INVALID_INPUT');
    b.close();
  });
});
