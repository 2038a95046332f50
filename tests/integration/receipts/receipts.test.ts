/**
 * Receipts with every entry (issue 18): stored once per content, ≤ 20 MB, sniffed by content, HEIC
 * converted to JPEG, a bad file refused with nothing written, and a receipt added to a posted entry
 * never changes the entry itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import BetterSqlite from 'better-sqlite3';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupTempDirs, expectKassaError, makeBooks, openBooksSession, tempDir, type TestBooks } from '../helpers';
import { camt, ING, writeTemp } from '../bank/helpers';

const FIX = path.resolve(__dirname, '../../fixtures/receipts');
const open: TestBooks[] = [];
afterEach(() => {
  for (const b of open.splice(0)) b.close();
  cleanupTempDirs();
});

async function books(extra: Record<string, unknown> = {}): Promise<TestBooks> {
  const b = await makeBooks({ extra });
  open.push(b);
  return b;
}

function db(b: TestBooks): Database.Database {
  return b.session.books!.sqlite as Database.Database;
}

/** Bytes that start like a JPEG (SOI + JFIF header): the app sniffs and stores them, it never decodes them. */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.alloc(64, 7), Buffer.from([0xff, 0xd9])]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const b64 = (buf: Buffer, name: string) => ({ name, data: buf.toString('base64') });

function tables(b: TestBooks): Record<string, number> {
  const names = ['attachments', 'entry_attachments', 'bank_transaction_attachments', 'entries', 'lines', 'audit_log'];
  return Object.fromEntries(names.map((t) => [t, (db(b).prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]));
}

function entryRow(b: TestBooks, id: number): unknown {
  return {
    entry: db(b).prepare('SELECT * FROM entries WHERE id = ?').get(id),
    lines: db(b).prepare('SELECT * FROM lines WHERE entry_id = ? ORDER BY id').all(id),
  };
}

const spend = { date: '2026-03-02', description: 'Koffie voor de inloop', amount: '12.40', from: '1000', category: '4200' };

describe('receipts', () => {
  it('a cash expense carries its photo; the journal counts it; the bytes come back unchanged', async () => {
    const b = await books();
    const posted = await b.call('money.spent', { ...spend, receipts: [b64(JPEG, 'bon.jpg')] });
    const list = await b.call('receipts.list', { entry: posted.id });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: 'bon.jpg', mime: 'image/jpeg', size: JPEG.length });
    const file = await b.call('receipts.file', { id: list[0].id });
    expect(Buffer.from(file.base64, 'base64').equals(JPEG)).toBe(true);
    expect((await b.call('entries.get', { id: posted.id })).receipts).toBe(1);
  });

  it('stores the same bytes once, says which entry already has them, and linking twice is a no-op', async () => {
    const b = await books();
    const one = await b.call('money.spent', { ...spend, receipts: [b64(PDF, 'nota.pdf')] });
    const two = await b.call('money.spent', { ...spend, date: '2026-03-03' });
    const added = await b.call('receipts.add', { entry: two.id, file: b64(PDF, 'dezelfde.pdf') });
    expect(added.reused).toBe(true);
    expect(added.alsoOn).toEqual([one.ref]);
    const again = await b.call('receipts.add', { entry: two.id, file: b64(PDF, 'nog een keer.pdf') });
    expect(again.receipt.id).toBe(added.receipt.id);
    expect(tables(b).attachments).toBe(1);
    expect(tables(b).entry_attachments).toBe(2);
  });

  it('converts a phone HEIC photo to JPEG and keeps WebP as it is', async () => {
    const b = await books();
    const e = await b.call('money.spent', spend);
    const heic = await b.call('receipts.add', { entry: e.id, file: { path: path.join(FIX, 'bon.heic') } });
    expect(heic.converted).toBe(true);
    expect(heic.receipt).toMatchObject({ name: 'bon.jpg', mime: 'image/jpeg' });
    const jpeg = Buffer.from((await b.call('receipts.file', { id: heic.receipt.id })).base64, 'base64');
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const webp = await b.call('receipts.add', { entry: e.id, file: { path: path.join(FIX, 'bon.webp') } });
    expect(webp.receipt.mime).toBe('image/webp');
    expect(webp.converted).toBe(false);
  });

  it('a receipt on a posted entry leaves the entry and its lines exactly as they were', async () => {
    const b = await books();
    const e = await b.call('entries.post', { date: '2026-02-10', description: 'Huur zaal', lines: [{ account: '4100', debit: '75.00' }, { account: '1100', credit: '75.00' }] });
    const before = entryRow(b, e.id);
    await b.call('receipts.add', { entry: e.id, file: b64(PDF, 'huur.pdf') });
    expect(entryRow(b, e.id)).toEqual(before);
    expect((await b.call('audit.verify')).ok).toBe(true);
    // The link itself is final: the database refuses to remove or change it.
    expect(() => db(b).prepare('DELETE FROM entry_attachments').run()).toThrow(/POSTED_IMMUTABLE/);
    expect(() => db(b).prepare('UPDATE entry_attachments SET created_at = 1').run()).toThrow(/POSTED_IMMUTABLE/);
    expect(() => db(b).prepare('DELETE FROM attachments').run()).toThrow(/POSTED_IMMUTABLE/);
  });

  it('refuses a bad file, a too large file and a draft, writing nothing', async () => {
    const b = await books();
    const e = await b.call('money.spent', spend);
    const before = tables(b);
    const txt = writeTemp(b.dir, 'bon.jpg', 'dit is geen foto maar tekst');
    let err = await expectKassaError(b.call('receipts.add', { entry: e.id, file: { path: txt } }), 'INVALID_INPUT');
    expect(err.details).toMatchObject({ reason: 'wrong_type' });
    // Sparse file: 20 MB + 1 byte, refused from its size before it is read.
    const big = path.join(b.dir, 'groot.jpg');
    fs.writeFileSync(big, JPEG);
    fs.truncateSync(big, 20 * 1024 * 1024 + 1);
    err = await expectKassaError(b.call('receipts.add', { entry: e.id, file: { path: big } }), 'INVALID_INPUT');
    expect(err.details).toMatchObject({ reason: 'too_large' });
    const bigB64 = Buffer.concat([JPEG, Buffer.alloc(20 * 1024 * 1024)]);
    err = await expectKassaError(b.call('receipts.add', { entry: e.id, file: b64(bigB64, 'groot.jpg') }), 'INVALID_INPUT');
    expect(err.details).toMatchObject({ reason: 'too_large' });
    await expectKassaError(b.call('receipts.add', { entry: e.id, file: b64(Buffer.alloc(0), 'leeg.jpg') }), 'INVALID_INPUT');
    const broken = Buffer.from(fs.readFileSync(path.join(FIX, 'bon.heic')).subarray(0, 40));
    err = await expectKassaError(b.call('receipts.add', { entry: e.id, file: b64(broken, 'kapot.heic') }), 'INVALID_INPUT');
    expect(err.details).toMatchObject({ reason: 'heic_unreadable' });
    await expectKassaError(b.call('receipts.add', { entry: 999, file: b64(PDF, 'x.pdf') }), 'NOT_FOUND');
    const draft = await b.call('entries.saveDraft', { date: '2026-03-01', description: 'Concept', lines: [{ account: '4200', debit: '5.00' }, { account: '1000', credit: '5.00' }] });
    await expectKassaError(b.call('receipts.add', { entry: draft.id, file: b64(PDF, 'x.pdf') }), 'INVALID_INPUT');
    expect(tables(b).attachments).toBe(before.attachments);
    // A money form with one bad receipt books nothing at all.
    const beforeForm = tables(b);
    await expectKassaError(b.call('money.spent', { ...spend, receipts: [b64(PDF, 'goed.pdf'), b64(Buffer.from('GIF89a....'), 'plaatje.gif')] }), 'INVALID_INPUT');
    expect(tables(b)).toEqual(beforeForm);
  });

  it('a receipt on a bank line moves with it to the entry when it is booked', async () => {
    const b = await books({ iban: ING });
    const file = writeTemp(b.dir, 'mrt.xml', camt({ from: '2026-03-01', to: '2026-03-31', opening: 0, lines: [{ date: '2026-03-04', cents: -2995, name: 'Action', text: 'Knutselspullen' }] }));
    await b.call('bank.import', { path: file });
    const line = (await b.call('bank.inbox', { account: '1100' })).items[0];
    const added = await b.call('bank.receipts.add', { transaction: line.id, file: b64(JPEG, 'action.jpg') });
    const extra = await b.call('bank.receipts.add', { transaction: line.id, file: b64(PDF, 'verkeerd.pdf') });
    expect(await b.call('bank.receipts.remove', { transaction: line.id, id: extra.receipt.id })).toEqual({ removed: true });
    expect(tables(b).attachments).toBe(1); // the removed one was used nowhere else
    await b.call('bank.assign', { transaction: line.id, account: '4300' });
    const booked = await b.call('bank.confirm', { transactions: [line.id] });
    const entryId = booked.entries[0].id;
    expect((await b.call('receipts.list', { entry: entryId })).map((r: { id: number }) => r.id)).toEqual([added.receipt.id]);
    await expectKassaError(b.call('bank.receipts.remove', { transaction: line.id, id: added.receipt.id }), 'POSTED_IMMUTABLE');
  });

  it('"Alle boekingen" lists the entries without a receipt above an amount', async () => {
    const b = await books();
    const small = await b.call('money.spent', { ...spend, amount: '4.50' });
    const big = await b.call('money.spent', { ...spend, amount: '120.00' });
    const withBon = await b.call('money.spent', { ...spend, amount: '300.00', receipts: [b64(PDF, 'bon.pdf')] });
    await b.call('money.transfer', { date: '2026-03-02', description: 'Kas aanvullen', amount: '50.00', from: '1100', to: '1000' });
    await b.call('opening.set', { money: [{ account: '1100', amount: '1000.00' }] });
    const all = await b.call('entries.list', { withoutReceiptAbove: '0.00' });
    expect(all.items.map((e: { id: number }) => e.id).sort()).toEqual([small.id, big.id].sort());
    const above = await b.call('entries.list', { withoutReceiptAbove: '10.00' });
    expect(above.items.map((e: { id: number }) => e.id)).toEqual([big.id]);
    expect(above.total).toBe(1);
    expect(all.items.some((e: { id: number }) => e.id === withBon.id)).toBe(false);
  });

  it('a file from before migration 0011 keeps its attachments, their ids and their guards', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'oud.kassa');
    fs.copyFileSync(path.resolve(__dirname, '../../fixtures/schema/v6.kassa'), file);
    const old = new BetterSqlite(file);
    old.prepare(`INSERT INTO attachments (id, name, mime, size, sha256, data, created_at) VALUES (7, 'logo.pdf', 'application/pdf', ?, ?, ?, 'toen')`)
      .run(PDF.length, createHash('sha256').update(PDF).digest('hex'), PDF);
    old.prepare(`INSERT OR REPLACE INTO invoice_settings (key, value) VALUES ('logo', '7')`).run();
    old.close();
    const b = await openBooksSession(file);
    open.push(b);
    const row = db(b).prepare('SELECT id, name, data FROM attachments').get() as { id: number; name: string; data: Buffer };
    expect(row.id).toBe(7);
    expect(Buffer.from(row.data).equals(PDF)).toBe(true);
    expect(db(b).prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db(b).prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
    const triggers = db(b).prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'attachments' ORDER BY name`).all();
    expect(triggers.map((t) => (t as { name: string }).name)).toEqual([
      'attachments_keep_bank_receipts', 'attachments_keep_entry_receipts', 'attachments_keep_volunteer_receipts',
      'attachments_no_delete_final', 'attachments_no_update',
    ]);
    expect(() => db(b).prepare(`UPDATE attachments SET name = 'x'`).run()).toThrow(/POSTED_IMMUTABLE/);
    // The same bytes added as a receipt use the stored row again.
    const e = await b.call('money.spent', { ...spend, date: `${(await b.call('years.list')).find((y: { status: string }) => y.status === 'open').year}-03-02`, receipts: [b64(PDF, 'nota.pdf')] });
    expect((await b.call('receipts.list', { entry: e.id }))[0].id).toBe(7);
  });

  it('linking a receipt is a fact in the chain; a photo swapped behind the app\'s back is named by verify', async () => {
    const b = await books();
    const e = await b.call('money.spent', { ...spend, receipts: [b64(JPEG, 'bon.jpg')] });
    let v = await b.call('audit.verify');
    expect(v.ok, JSON.stringify(v.problems)).toBe(true);
    expect(v.history.count).toBe(2); // the entry, then its receipt
    const sha = createHash('sha256').update(JPEG).digest('hex');
    const fact = db(b).prepare(`SELECT k.name AS kind, f.ref FROM facts f JOIN fact_kinds k ON k.id = f.kind ORDER BY f.seq DESC LIMIT 1`).get();
    expect(fact).toEqual({ kind: 'entry_attachment', ref: `KAS/2026/1#${sha}` });
    expect(e.ref).toBe('KAS 2026-0001');
    // Someone with sqlite3 drops the guard, swaps the photo's bytes (same size) and puts the guard back.
    const d = db(b);
    const guard = (d.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'attachments_no_update'`).get() as { sql: string }).sql;
    d.exec('DROP TRIGGER attachments_no_update');
    const other = Buffer.from(JPEG);
    other[20] = 0x42;
    d.prepare('UPDATE attachments SET data = ?').run(other);
    d.exec(guard);
    v = await b.call('audit.verify');
    expect(v.ok).toBe(false);
    expect(JSON.stringify(v.problems)).toMatch(/Bonnetje bij boeking KAS 2026-0001/);
  });
});
