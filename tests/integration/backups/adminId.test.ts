/**
 * Issue 17 (Medium): two administrations with the same file name, backed up into the same place,
 * keep their own backups: each has a random id in the file, its folder is named by it, and list,
 * rotate and restore only take copies carrying that id. Temp files of a killed backup go at once.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BackupCreated, BackupListItem, RestoreResult } from '../../../shared/api/backups';
import { dispatch } from '../../../electron/api';
import { adminIdOf, shortId } from '../../../electron/backups/identity';
import { BACKUP_ROOT_NAME, backupFileName } from '../../../electron/backups/names';
import { Session } from '../../../electron/session';
import { cleanupTempDirs, expectKassaError, simpleEntry, tempDir, type Call } from '../helpers';

afterAll(cleanupTempDirs);

async function admin(dir: string, settingsDir: string, name: string): Promise<{ s: Session; call: Call; file: string }> {
  fs.mkdirSync(dir, { recursive: true });
  const s = new Session({ settingsDir });
  const call: Call = (m, i) => dispatch(s, m, i ?? {}) as Promise<never>;
  const file = path.join(dir, 'stichting.kassa');
  await call('admin.create', { path: file, name, year: 2026 });
  return { s, call, file };
}

describe('backups per administration', () => {
  it('two administrations with one file name and one backup folder keep their own copies; restore newest gives its own books', async () => {
    const base = tempDir('kassa-twins-');
    const settingsDir = path.join(base, 'instellingen');
    const usb = path.join(base, 'usb');
    fs.mkdirSync(usb);
    const a = await admin(path.join(base, 'a'), settingsDir, 'Stichting Noord');
    const b = await admin(path.join(base, 'b'), settingsDir, 'Stichting Zuid');
    const idA = adminIdOf(a.s.books!)!;
    const idB = adminIdOf(b.s.books!)!;
    expect(idA).toMatch(/^[0-9a-f]{32}$/);
    expect(idA).not.toBe(idB);
    await a.call('backups.settings.set', { folder: usb });
    await b.call('backups.settings.set', { folder: usb });

    await a.call('entries.post', simpleEntry('2026-02-01', '1100', '8000', '11.00'));
    const madeA = await a.call<BackupCreated>('backups.create');
    // Many copies of B: its rotation must never touch A's copy.
    for (let i = 0; i < 15; i++) {
      await b.call('entries.post', simpleEntry('2026-02-02', '1100', '8000', `${i + 1}.00`));
      await b.call('backups.create');
    }
    expect(path.dirname(madeA.path)).toBe(path.join(usb, `stichting ${shortId(idA)}`));
    const listA = await a.call<BackupListItem[]>('backups.list');
    const listB = await b.call<BackupListItem[]>('backups.list');
    expect(listA.map((x) => x.path)).toEqual([madeA.path]);
    expect(listB.length).toBeGreaterThan(1);
    expect(listB.every((x) => path.dirname(x.path) === path.join(usb, `stichting ${shortId(idB)}`))).toBe(true);

    // Restore newest: A gets A's books back, not B's newer copy.
    await a.call('entries.post', simpleEntry('2026-02-03', '1100', '8000', '99.00'));
    const newest = (await a.call<BackupListItem[]>('backups.list'))[0]!;
    const r = await a.call<RestoreResult>('backups.restore', { path: newest.path });
    expect(r.admin.organisation.name).toBe('Stichting Noord');
    expect((await a.call<{ total: number }>('entries.list', { status: 'posted' })).total).toBe(1);
    expect(adminIdOf(a.s.books!)).toBe(idA);

    // B's copy put in front of A explicitly is refused, nothing changes.
    await expectKassaError(a.call('backups.restore', { path: listB[0]!.path }), 'INVALID_INPUT');
    expect(adminIdOf(a.s.books!)).toBe(idA);
    a.s.close();
    b.s.close();
  });

  it('copies in the old folder (named by file name only) still count when their id matches; temp files of a killed backup go at once', async () => {
    const base = tempDir('kassa-legacy-');
    const x = await admin(base, path.join(base, 'instellingen'), 'Stichting Oud');
    const made = await x.call<BackupCreated>('backups.create');
    const old = path.join(base, BACKUP_ROOT_NAME, 'stichting');
    fs.mkdirSync(old);
    const legacyCopy = path.join(old, backupFileName('Stichting Oud', new Date('2026-01-01T10:00:00Z'), 'auto'));
    fs.copyFileSync(made.path, legacyCopy);
    expect((await x.call<BackupListItem[]>('backups.list')).map((b) => b.path)).toEqual([made.path, legacyCopy]);

    // A killed backup's temp file: its process is gone, so the next backup removes it right away.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = `${made.path}.${dead}.0123abcd.tmp`;
    fs.writeFileSync(stale, Buffer.alloc(4096));
    fs.writeFileSync(`${stale}-journal`, 'x');
    await x.call('entries.post', simpleEntry('2026-02-01', '1100', '8000', '1.00'));
    await x.call('backups.create');
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(`${stale}-journal`)).toBe(false);
    x.s.close();
  });
});
