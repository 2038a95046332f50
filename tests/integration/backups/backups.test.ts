/**
 * Backups (issue 10): made by hand and automatically, kept as a rotating set, listed with a check of
 * each copy, and restored — never without first backing up the file as it is. Real files in temp
 * folders, every call through dispatch().
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { BackupCheck, BackupCreated, BackupListItem, BackupSettings, RestoreResult } from '../../../shared/api/backups';
import { dispatch } from '../../../electron/api';
import { createAppSession } from '../../../electron/app/handlers';
import { autoBackupStatus, autoBackupTick, startAutoBackups } from '../../../electron/backups/auto';
import { adminIdOf, shortId, storedAdminId } from '../../../electron/backups/identity';
import { BACKUP_FOLDER_MARK, BACKUP_ROOT_NAME, backupFileName } from '../../../electron/backups/names';
import { BACKUP_SETTINGS_FILE } from '../../../electron/backups/settings';
import { Session } from '../../../electron/session';
import { startWebServer } from '../../../electron/web';
import { cleanupTempDirs, expectDutch, expectKassaError, sha256, simpleEntry, tempDir, type Call } from '../helpers';

afterAll(cleanupTempDirs);

const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.serial(() => s.close());
});

interface Setup {
  dir: string;
  settingsDir: string;
  file: string;
  session: Session;
  call: Call;
}

function connect(session: Session): Call {
  sessions.push(session);
  return (method, input) => dispatch(session, method, input ?? {}) as Promise<never>;
}

async function setup(opts: { app?: boolean; name?: string; fileName?: string; dir?: string; settingsDir?: string } = {}): Promise<Setup> {
  const dir = opts.dir ?? tempDir('kassa-backup-');
  const settingsDir = opts.settingsDir ?? path.join(dir, 'instellingen');
  const file = path.join(dir, opts.fileName ?? 'buurt.kassa');
  const session = opts.app ? createAppSession({ settingsDir, mode: 'browser' }) : new Session({ settingsDir });
  const call = connect(session);
  await call('admin.create', { path: file, name: opts.name ?? 'Stichting De Buurt', year: 2026 });
  return { dir, settingsDir, file, session, call };
}

/** The files in a backup folder, without the folder's own mark (BACKUP_FOLDER_MARK). */
function listed(folder: string): string[] {
  return fs.readdirSync(folder).filter((n) => n !== BACKUP_FOLDER_MARK);
}

/** The backup folder's own name: file name plus the short admin id (issue 17). */
function sub(s: { session: Session; file: string }): string {
  const id = s.session.books ? adminIdOf(s.session.books) : storedAdminId(s.file);
  return `buurt ${shortId(id!)}`;
}

function folderOf(s: Setup): string {
  return path.join(s.dir, BACKUP_ROOT_NAME, sub(s));
}

async function entryCount(file: string, settingsDir: string): Promise<number> {
  const s = new Session({ settingsDir });
  const call = connect(s);
  await call('admin.open', { path: file });
  const n = (await call<{ total: number }>('entries.list', { status: 'posted' })).total;
  s.close();
  return n;
}

/** sha256 of the file after its session is closed (checkpointed, no -wal). */
async function closedSha(s: Setup): Promise<string> {
  await s.session.serial(() => s.session.close());
  return sha256(s.file);
}

describe('backups.create (the menu\'s "Back-up maken")', () => {
  it('writes a checked copy named after the foundation with an ISO timestamp, next to the file', async () => {
    const s = await setup();
    await s.call('entries.post', simpleEntry('2026-02-01', '1100', '8000', '25.00', 'Gift'));
    const made = await s.call<BackupCreated>('backups.create');
    expect(made.created).toBe(true);
    expect(made.kind).toBe('manual');
    expect(path.dirname(made.path)).toBe(folderOf(s));
    expect(made.name).toMatch(/^Stichting De Buurt \d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z handmatig\.kassa$/);
    expect(Date.parse(made.date)).toBeGreaterThan(Date.now() - 60_000);
    expect(made.sizeBytes).toBe(fs.statSync(made.path).size);
    // No temp files or journals left beside it.
    expect(listed(folderOf(s))).toEqual([made.name]);

    const list = await s.call<BackupListItem[]>('backups.list', { verify: true });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ path: made.path, kind: 'manual', verify: { ok: true, problems: [] } });
    expect(await entryCount(made.path, s.settingsDir)).toBe(1);
  });

  it('does not change the administration itself', async () => {
    const s = await setup();
    await s.call('entries.post', simpleEntry('2026-02-01', '1100', '8000', '25.00'));
    await s.session.serial(() => s.session.close());
    const before = sha256(s.file);
    await s.call('admin.open', { path: s.file });
    await s.call('backups.create');
    expect(await closedSha(s)).toBe(before);
  });

  it('needs an open administration', async () => {
    const call = connect(new Session({ settingsDir: tempDir() }));
    await expectKassaError(call('backups.create'), 'NO_FILE_OPEN');
    await expectKassaError(call('backups.list'), 'NO_FILE_OPEN');
    await expectKassaError(call('backups.settings.get'), 'NO_FILE_OPEN');
  });

  it('keeps the last 10 plus the newest of each month, and leaves other files alone', async () => {
    const s = await setup();
    const seed = await s.call<BackupCreated>('backups.create');
    const folder = folderOf(s);
    // 40 older backups: one a week, going back from two days ago (about 9 months).
    const names: string[] = [];
    for (let i = 0; i < 40; i++) {
      const at = new Date(Date.now() - (2 + i * 7) * 86_400_000);
      const name = backupFileName('Stichting De Buurt', at, 'auto');
      fs.copyFileSync(seed.path, path.join(folder, name));
      names.push(name);
    }
    fs.writeFileSync(path.join(folder, 'notitie.txt'), 'van de penningmeester');
    const made = await s.call<BackupCreated>('backups.create');
    const left = (await s.call<BackupListItem[]>('backups.list')).map((b) => b.name);
    expect(made.removed).toBe(42 - left.length);
    expect(left.slice(0, 10)).toContain(made.name);
    expect(left.length).toBeLessThan(10 + 12);
    // Each month seen keeps exactly its newest backup beyond the last 10.
    const months = new Set(left.map((n) => /(\d{4}-\d{2})-\d{2}T/.exec(n)![1]));
    for (const m of months) {
      const all = [made.name, seed.name, ...names].filter((n) => n.includes(` ${m}-`)).sort().reverse();
      expect(left).toContain(all[0]);
    }
    expect(fs.existsSync(path.join(folder, 'notitie.txt'))).toBe(true);
  });
});

describe('backups.settings: a folder of one\'s own (USB stick, synced folder)', () => {
  it('stores the folder per administration in the settings folder and uses it', async () => {
    const s = await setup();
    const usb = tempDir('kassa-usb-');
    const set = await s.call<BackupSettings>('backups.settings.set', { folder: usb });
    expect(set).toMatchObject({ file: s.file, root: usb, custom: true, folder: path.join(usb, sub(s)), lastBackup: null, everyMinutes: 30 });
    const stored = JSON.parse(fs.readFileSync(path.join(s.settingsDir, BACKUP_SETTINGS_FILE), 'utf8'));
    expect(stored).toEqual({ folders: { [s.file]: usb } });
    // The probe file is gone again.
    expect(fs.readdirSync(usb)).toEqual([]);

    const made = await s.call<BackupCreated>('backups.create');
    expect(path.dirname(made.path)).toBe(path.join(usb, sub(s)));
    const got = await s.call<BackupSettings>('backups.settings.get');
    expect(got.lastBackup).toEqual({ path: made.path, date: made.date });

    const back = await s.call<BackupSettings>('backups.settings.set', { folder: null });
    expect(back).toMatchObject({ custom: false, root: path.join(s.dir, BACKUP_ROOT_NAME) });
  });

  it('refuses a folder that is not there, not a folder, or not a full path — with the field', async () => {
    const s = await setup();
    const e1 = await expectKassaError(s.call('backups.settings.set', { folder: path.join(s.dir, 'bestaat-niet') }), 'FILE_NOT_FOUND');
    expect(e1.field).toBe('folder');
    const e2 = await expectKassaError(s.call('backups.settings.set', { folder: s.file }), 'INVALID_INPUT');
    expect(e2.field).toBe('folder');
    const e3 = await expectKassaError(s.call('backups.settings.set', { folder: 'back-ups' }), 'INVALID_INPUT');
    expect(e3.field).toBe('folder');
    expect(fs.existsSync(path.join(s.settingsDir, BACKUP_SETTINGS_FILE))).toBe(false);
  });

  it('says so when the chosen folder is gone (USB stick not plugged in) and creates nothing', async () => {
    const s = await setup();
    const usb = tempDir('kassa-usb-');
    await s.call('backups.settings.set', { folder: usb });
    fs.rmSync(usb, { recursive: true });
    const err = await expectKassaError(s.call('backups.create'), 'FILE_NOT_FOUND');
    expect(err.message).toContain('USB-stick');
    expect(fs.existsSync(usb)).toBe(false);
    expect(fs.existsSync(path.join(s.dir, BACKUP_ROOT_NAME))).toBe(false);
  });
});

describe('backups.list with verify', () => {
  it('flags a damaged copy without touching it', async () => {
    const s = await setup();
    const good = await s.call<BackupCreated>('backups.create');
    const badName = backupFileName('Stichting De Buurt', new Date(Date.now() - 86_400_000), 'auto');
    const bad = path.join(folderOf(s), badName);
    const bytes = fs.readFileSync(good.path);
    // Garble the middle of the file: pages of tables and indexes.
    for (let i = 8192; i < Math.min(bytes.length, 40_000); i += 7) bytes[i] = (bytes[i]! * 31 + 7) & 0xff;
    fs.writeFileSync(bad, bytes);
    const before = sha256(bad);
    const list = await s.call<BackupListItem[]>('backups.list', { verify: true });
    expect(list.map((b) => b.name)).toEqual([good.name, badName]);
    expect(list[0]!.verify).toEqual({ ok: true, problems: [] });
    expect(list[1]!.verify!.ok).toBe(false);
    expect(list[1]!.verify!.problems.length).toBeGreaterThan(0);
    expect(sha256(bad)).toBe(before);
    expect(listed(folderOf(s)).sort()).toEqual([good.name, badName].sort());
    // Without verify nothing is opened.
    expect((await s.call<BackupListItem[]>('backups.list'))[1]!.verify).toBeNull();
    // One at a time, as the screen does it.
    expect(await s.call('backups.verify', { path: good.path })).toEqual({ ok: true, problems: [] });
    expect(await s.call('backups.verify', { path: bad })).toMatchObject({ ok: false });
    const gone = await s.call<BackupCheck>('backups.verify', { path: path.join(folderOf(s), 'weg.kassa') });
    expect(gone.ok).toBe(false);
    expectDutch(gone.problems[0]!.message);
    // With its phrases, for the screen in another language.
    expect(gone.problems[0]!.says?.[0]?.key).toBe('err.backup.checkGone');
    expect(sha256(bad)).toBe(before);
  });
});

describe('backups.restore', () => {
  it('first backs up the current file, then puts the backup back, reopens and verifies', async () => {
    const s = await setup();
    await s.call('entries.post', simpleEntry('2026-02-01', '1100', '8000', '25.00', 'Gift A'));
    const backup = await s.call<BackupCreated>('backups.create');
    await s.call('entries.post', simpleEntry('2026-02-02', '1100', '8000', '40.00', 'Gift B'));

    const r = await s.call<RestoreResult>('backups.restore', { path: backup.path });
    expect(r.path).toBe(s.file);
    expect(r.restoredFrom).toBe(backup.path);
    expect(r.verify.ok).toBe(true);
    expect(r.admin.organisation.name).toBe('Stichting De Buurt');
    // The session has the restored file open: only Gift A.
    const list = await s.call<{ items: { description: string }[] }>('entries.list', {});
    expect(list.items.map((e) => e.description)).toEqual(['Gift A']);
    // The state just before restoring was kept: Gift A and Gift B.
    expect(r.safetyBackup).not.toBeNull();
    expect(path.basename(r.safetyBackup!)).toMatch(/ voor-terugzetten\.kassa$/);
    expect(await entryCount(r.safetyBackup!, s.settingsDir)).toBe(2);
    // The restore is in the audit log of the restored books, and the chain holds.
    const v = await s.call<{ ok: boolean }>('audit.verify');
    expect(v.ok).toBe(true);
    const last = s.session.books!.raw('SELECT action, payload FROM audit_log ORDER BY id DESC LIMIT 1').get() as { action: string; payload: string };
    expect(last.action).toBe('backup.restore');
    expect(JSON.parse(last.payload)).toMatchObject({ from: backup.name, safetyBackup: path.basename(r.safetyBackup!) });
    // The file works as before.
    await s.call('entries.post', simpleEntry('2026-02-03', '1100', '8000', '5.00', 'Gift C'));
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const s = await setup();
    await s.call('entries.post', simpleEntry('2026-02-01', '1100', '8000', '25.00'));
    const good = await s.call<BackupCreated>('backups.create');
    const bad = path.join(path.dirname(good.path), backupFileName('Stichting De Buurt', new Date(Date.now() - 3_600_000), 'auto'));
    fs.writeFileSync(bad, fs.readFileSync(good.path).subarray(0, 5000));
    const before = fs.readdirSync(path.dirname(good.path)).sort();
    const err = await expectKassaError(s.call('backups.restore', { path: bad }), 'CORRUPT_FILE');
    expect(err.field).toBe('path');
    expect(fs.readdirSync(path.dirname(good.path)).sort()).toEqual(before);
    expect(s.session.books).not.toBeNull();
    const mid = await closedSha(s);
    await s.call('admin.open', { path: s.file });
    await expectKassaError(s.call('backups.restore', { path: path.join(s.dir, 'nergens.kassa') }), 'FILE_NOT_FOUND');
    await expectKassaError(s.call('backups.restore', { path: s.file }), 'INVALID_INPUT');
    await expectKassaError(s.call('backups.restore', { path: s.dir }), 'NOT_A_KASSA_FILE');
    expect(await closedSha(s)).toBe(mid);
  });

  it('restores a file that no longer opens, keeping a byte copy of the damaged file first', async () => {
    const s = await setup();
    await s.call('entries.post', simpleEntry('2026-02-01', '1100', '8000', '25.00'));
    const backup = await s.call<BackupCreated>('backups.create');
    await s.session.serial(() => s.session.close());
    // The file is damaged beyond opening.
    fs.writeFileSync(s.file, Buffer.alloc(50_000, 0x55));
    const damaged = sha256(s.file);

    const fresh = connect(new Session({ settingsDir: s.settingsDir }));
    await expectKassaError(fresh('admin.open', { path: s.file }), 'NOT_A_KASSA_FILE');
    const listed = await fresh<BackupListItem[]>('backups.list', { file: s.file });
    expect(listed.map((b) => b.path)).toEqual([backup.path]);
    const r = await fresh<RestoreResult>('backups.restore', { path: backup.path, file: s.file });
    expect(r.verify.ok).toBe(true);
    expect(sha256(r.safetyBackup!)).toBe(damaged);
    expect((await fresh<{ total: number }>('entries.list', {})).total).toBe(1);
  });

  it('never replaces a file that another window has open', async () => {
    const s = await setup();
    const backup = await s.call<BackupCreated>('backups.create');
    await s.call('entries.post', simpleEntry('2026-02-01', '1100', '8000', '25.00'));
    const other = connect(new Session({ settingsDir: s.settingsDir }));
    await expectKassaError(other('backups.restore', { path: backup.path, file: s.file }), 'FILE_LOCKED');
    expect((await s.call<{ total: number }>('entries.list', {})).total).toBe(1);
    expect(listed(folderOf(s))).toEqual([backup.name]);
  });

  it('refuses to put a backup over something that is not an administration', async () => {
    const s = await setup();
    const backup = await s.call<BackupCreated>('backups.create');
    const notes = path.join(s.dir, 'notities.txt');
    fs.writeFileSync(notes, 'boodschappenlijst');
    const other = connect(new Session({ settingsDir: s.settingsDir }));
    await expectKassaError(other('backups.restore', { path: backup.path, file: notes }), 'NOT_A_KASSA_FILE');
    expect(fs.readFileSync(notes, 'utf8')).toBe('boodschappenlijst');
  });
});

describe('automatic backups (app sessions)', () => {
  it('backs up when a file is opened, not again when nothing changed, and after 30 minutes with changes', async () => {
    const s = await setup({ app: true });
    await s.call('admin.info');
    const first = await s.call<BackupListItem[]>('backups.list');
    expect(first).toHaveLength(1);
    expect(first[0]!.kind).toBe('auto');

    // Reopening without changes makes no new copy (the same bytes would push older ones out).
    await s.call('admin.close');
    await s.call('admin.open', { path: s.file });
    await s.call('admin.info');
    expect(await s.call<BackupListItem[]>('backups.list')).toHaveLength(1);

    // A clock of our own from here on.
    let now = Date.now();
    startAutoBackups(s.session, s.session.books!, { now: () => now, checkEveryMs: 3_600_000 });
    await s.call('admin.info');
    expect(await autoBackupTick(s.session)).toBe(false);
    now += 31 * 60_000;
    expect(await autoBackupTick(s.session)).toBe(false); // nothing changed
    await s.call('entries.post', simpleEntry('2026-02-01', '1100', '8000', '25.00'));
    now += 10 * 60_000;
    expect(await autoBackupTick(s.session)).toBe(true);
    const list = await s.call<BackupListItem[]>('backups.list', { verify: true });
    expect(list).toHaveLength(2);
    expect(list.every((b) => b.verify?.ok)).toBe(true);
    expect(await entryCount(list[0]!.path, s.settingsDir)).toBe(1);
    // Within 30 minutes of that one: no new backup, however much changes.
    await s.call('entries.post', simpleEntry('2026-02-02', '1100', '8000', '5.00'));
    now += 29 * 60_000;
    expect(await autoBackupTick(s.session)).toBe(false);
    now += 2 * 60_000;
    expect(await autoBackupTick(s.session)).toBe(true);
    expect(autoBackupStatus(s.session)).toMatchObject({ lastError: null, everyMs: 30 * 60_000 });
  });

  it('a failing automatic backup never stops the treasurer, and the backup screen can say why', async () => {
    const dir = tempDir('kassa-backup-');
    const settingsDir = path.join(dir, 'instellingen');
    const usb = tempDir('kassa-usb-');
    const s1 = await setup({ dir, settingsDir });
    await s1.call('backups.settings.set', { folder: usb });
    await s1.session.serial(() => s1.session.close());
    fs.rmSync(usb, { recursive: true });

    const session = createAppSession({ settingsDir, mode: 'browser' });
    const call = connect(session);
    await call('admin.open', { path: s1.file });
    await call('entries.post', simpleEntry('2026-02-01', '1100', '8000', '25.00'));
    const st = await call<BackupSettings>('backups.settings.get');
    expect(st.lastError?.message).toMatch(/USB-stick/);
    expect(st.lastBackup).toBeNull();
  });

  it('closing or switching the administration backs up the changes since the last backup, once', async () => {
    const s = await setup({ app: true });
    await s.call('admin.info');
    expect(await s.call<BackupListItem[]>('backups.list')).toHaveLength(1);
    await s.call('entries.post', simpleEntry('2026-02-01', '1100', '8000', '25.00'));
    await s.call('admin.close');
    expect(autoBackupStatus(s.session)).toBeNull();
    const folder = folderOf(s);
    const copies = () => fs.readdirSync(folder).filter((f) => f.endsWith('.kassa')).sort();
    expect(copies()).toHaveLength(2);
    expect(await entryCount(path.join(folder, copies()[1]!), s.settingsDir)).toBe(1);

    // Switching to another administration: the one being left gets its copy first.
    await s.call('admin.open', { path: s.file });
    await s.call('admin.info');
    expect(copies()).toHaveLength(2); // opened without changes: no new copy
    await s.call('entries.post', simpleEntry('2026-02-02', '1100', '8000', '5.00'));
    const other = path.join(s.dir, 'ander.kassa');
    await s.call('admin.create', { path: other, name: 'Stichting Ander', year: 2026 });
    expect(copies()).toHaveLength(3);
    expect(await entryCount(path.join(folder, copies()[2]!), s.settingsDir)).toBe(2);

    // Nothing changed since the last copy: closing adds none.
    await s.call('admin.close');
    await s.call('admin.open', { path: s.file });
    await s.call('admin.info');
    await s.call('admin.close');
    expect(copies()).toHaveLength(3);

    // Going to the practice administration is leaving this one too.
    await s.call('admin.open', { path: s.file });
    await s.call('entries.post', simpleEntry('2026-02-03', '1100', '8000', '1.00'));
    await s.call('app.practice.open');
    expect(copies()).toHaveLength(4);
    expect(await entryCount(path.join(folder, copies()[3]!), s.settingsDir)).toBe(3);
  });

  it('the browser mode backs up the changes when it is stopped', async () => {
    const dir = tempDir('kassa-backup-');
    const settingsDir = path.join(dir, 'instellingen');
    const file = path.join(dir, 'buurt.kassa');
    const web = await startWebServer({ rendererDir: tempDir('kassa-renderer-'), settingsDir });
    const call = (method: string, input: unknown = {}) => dispatch(web.session, method, input);
    await call('admin.create', { path: file, name: 'Stichting De Buurt', year: 2026 });
    await call('admin.info');
    await call('entries.post', simpleEntry('2026-02-01', '1100', '8000', '25.00'));
    await web.close();
    const folder = path.join(dir, BACKUP_ROOT_NAME, `buurt ${shortId(storedAdminId(file)!)}`);
    const copies = fs.readdirSync(folder).filter((f) => f.endsWith('.kassa')).sort();
    expect(copies).toHaveLength(2);
    expect(await entryCount(path.join(folder, copies[1]!), settingsDir)).toBe(1);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('stops when the file is closed, and leaves the practice administration alone', async () => {
    const s = await setup({ app: true });
    await s.call('admin.info');
    await s.call('admin.close');
    expect(autoBackupStatus(s.session)).toBeNull();
    expect(await autoBackupTick(s.session)).toBe(false);

    const settingsDir = path.join(tempDir('kassa-practice-'), 'instellingen');
    const practice = createAppSession({ settingsDir, mode: 'browser' });
    const call = connect(practice);
    await call('app.practice.open');
    await call('admin.info');
    expect(await call<BackupListItem[]>('backups.list')).toEqual([]);
    expect(autoBackupStatus(practice)).toBeNull();
  });
});

describe('the backup file format', () => {
  it('is a complete .kassa file: same application id and schema version as the original', async () => {
    const s = await setup();
    const made = await s.call<BackupCreated>('backups.create');
    const db = new Database(made.path, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('application_id', { simple: true })).toBe(0x4b415341);
      expect(db.pragma('user_version', { simple: true })).toBe(s.session.books!.sqlite.pragma('user_version', { simple: true }));
    } finally {
      db.close();
    }
  });
});
