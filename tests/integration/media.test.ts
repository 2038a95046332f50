/**
 * A full disk and read-only media, for real (issue 10): a tiny tmpfs that fills up, and a read-only
 * bind mount. Tests run as root here; as root chmod does not stop writes, so only a real mount
 * shows what the treasurer sees on a full USB stick or a write-protected one. Where mounting is
 * not allowed (no root, a container without CAP_SYS_ADMIN) the tests are skipped and say why.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupCreated } from '../../shared/api/backups';
import type { VerifyResult } from '../../shared/api/types';
import { dispatch } from '../../electron/api';
import { setChosenBackupRoot } from '../../electron/backups/settings';
import { Session } from '../../electron/session';
import { cleanupTempDirs, expectKassaError, fingerprint, simpleEntry, tempDir, type Call } from './helpers';

const mounts: string[] = [];
let skipReason: string | null = null;

function mount(args: string[]): void {
  execFileSync('mount', args, { stdio: 'pipe' });
  mounts.push(args[args.length - 1]!);
}

beforeAll(() => {
  if (process.platform !== 'linux') skipReason = 'alleen op Linux (tmpfs en bind mounts)';
  else if (process.getuid?.() !== 0) skipReason = 'mounten vraagt root';
  else {
    const probe = tempDir('kassa-mountprobe-');
    try {
      mount(['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
    } catch (e) {
      skipReason = `mount is hier niet toegestaan: ${String((e as { stderr?: Buffer }).stderr ?? e).trim()}`;
    }
  }
  if (skipReason) console.log(`media tests overgeslagen: ${skipReason}`);
});

afterAll(() => {
  for (const m of mounts.reverse()) {
    try {
      execFileSync('umount', [m], { stdio: 'pipe' });
    } catch {
      try {
        execFileSync('umount', ['-l', m], { stdio: 'pipe' });
      } catch {
        console.log(`kon ${m} niet ontkoppelen`);
      }
    }
  }
  cleanupTempDirs();
});

function open(settingsDir: string): { s: Session; call: Call } {
  const s = new Session({ settingsDir });
  return { s, call: (m, i) => dispatch(s, m, i ?? {}) as Promise<never> };
}

/** Write until the file system says ENOSPC; returns the filler file. */
function fillUp(dir: string): string {
  const filler = path.join(dir, 'vol.bin');
  const fd = fs.openSync(filler, 'w');
  try {
    for (const size of [1 << 16, 4096, 512, 1]) {
      const chunk = Buffer.alloc(size, 0xaa);
      for (;;) {
        try {
          fs.writeSync(fd, chunk);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw e;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}

async function verifyAndCount(file: string, settingsDir: string): Promise<{ ok: boolean; posted: number }> {
  const { s, call } = open(settingsDir);
  await call('admin.open', { path: file });
  const v = await call<VerifyResult>('audit.verify');
  const posted = (await call<{ total: number }>('entries.list', { status: 'posted' })).total;
  s.close();
  expect(v.problems).toEqual([]);
  return { ok: v.ok, posted };
}

describe('a full disk (tmpfs of 3 MiB)', () => {
  it('refuses a posting, an export and a backup with DISK_FULL; the file stays intact and verifies', async (ctx) => {
    if (skipReason) return ctx.skip();
    const disk = tempDir('kassa-full-');
    mount(['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', disk]);
    const settingsDir = tempDir('kassa-settings-');
    const file = path.join(disk, 'stichting.kassa');
    {
      const { s, call } = open(settingsDir);
      await call('admin.create', { path: file, name: 'Stichting Volle Schijf', year: 2026 });
      await call('entries.post', simpleEntry('2026-01-10', '1100', '8000', '100.00', 'Gift'));
      s.close();
    }
    const before = fingerprint(file);
    const { s, call } = open(settingsDir);
    await call('admin.open', { path: file });
    const filler = fillUp(disk);

    const post = await expectKassaError(call('entries.post', simpleEntry('2026-01-11', '1100', '8000', '50.00', 'Gift 2')), 'DISK_FULL');
    expect(post.message).toMatch(/schijf is vol/);
    const exp = await expectKassaError(call('export.hledger', { path: path.join(disk, 'boeken.journal') }), 'DISK_FULL');
    expect(exp.message).toContain('boeken.journal');
    await expectKassaError(call('backups.create'), 'DISK_FULL');
    // No half files: no export, no temp file, no backup copy.
    const left = fs.readdirSync(disk).sort();
    expect(left.filter((n) => !['stichting.kassa', 'stichting.kassa-wal', 'vol.bin', 'Back-ups Kijk op de Kassa', 'lost+found'].includes(n))).toEqual([]);
    const backupDir = path.join(disk, 'Back-ups Kijk op de Kassa', 'stichting');
    expect(fs.existsSync(backupDir) ? fs.readdirSync(backupDir) : []).toEqual([]);
    // Reading still works while the disk is full.
    expect((await call<{ total: number }>('entries.list', {})).total).toBe(1);
    // The treasurer quits without making room.
    s.close();
    expect(fingerprint(file)).toEqual(before);

    fs.rmSync(filler);
    expect(await verifyAndCount(file, settingsDir)).toEqual({ ok: true, posted: 1 });
    // With room again, the same posting simply works.
    const again = open(settingsDir);
    await again.call('admin.open', { path: file });
    await again.call('entries.post', simpleEntry('2026-01-11', '1100', '8000', '50.00', 'Gift 2'));
    const made = await again.call<BackupCreated>('backups.create');
    expect(fs.existsSync(made.path)).toBe(true);
    again.s.close();
    expect(await verifyAndCount(file, settingsDir)).toEqual({ ok: true, posted: 2 });
  });
});

describe('read-only media (a read-only bind mount)', () => {
  it('says READ_ONLY for opening, exporting, backing up and choosing a backup folder there; nothing changes', async (ctx) => {
    if (skipReason) return ctx.skip();
    const src = tempDir('kassa-rw-');
    const settingsDir = tempDir('kassa-settings-');
    const file = path.join(src, 'stichting.kassa');
    {
      const { s, call } = open(settingsDir);
      await call('admin.create', { path: file, name: 'Stichting Alleen Lezen', year: 2026 });
      await call('entries.post', simpleEntry('2026-01-10', '1100', '8000', '100.00', 'Gift'));
      s.close();
    }
    const ro = tempDir('kassa-ro-');
    mount(['--bind', src, ro]);
    execFileSync('mount', ['-o', 'remount,ro,bind', ro], { stdio: 'pipe' });
    expect(() => fs.writeFileSync(path.join(ro, 'x'), 'x')).toThrow(/EROFS|read-only/i);
    const roFile = path.join(ro, 'stichting.kassa');
    const before = fingerprint(file);
    const listing = fs.readdirSync(src).sort();

    // Opening the administration from the write-protected medium.
    const { s, call } = open(settingsDir);
    const opened = await expectKassaError(call('admin.open', { path: roFile }), 'READ_ONLY');
    expect(opened.message).toMatch(/alleen-lezen/);
    expect(s.books).toBeNull();

    // Exporting onto it, backing up onto it, choosing it as the backup folder.
    const work = path.join(tempDir('kassa-work-'), 'stichting.kassa');
    fs.copyFileSync(file, work);
    await call('admin.open', { path: work });
    const exp = await expectKassaError(call('export.hledger', { path: path.join(ro, 'boeken.journal') }), 'READ_ONLY');
    expect(exp.message).toContain(ro);
    const folder = await expectKassaError(call('backups.settings.set', { folder: ro }), 'READ_ONLY');
    expect(folder.field).toBe('folder');
    // A folder that was writable when chosen and is read-only now (a write-protect switch).
    setChosenBackupRoot(settingsDir, work, ro);
    await expectKassaError(call('backups.create'), 'READ_ONLY');
    s.close();

    expect(fingerprint(file)).toEqual(before);
    expect(fs.readdirSync(src).sort()).toEqual(listing);
    expect(await verifyAndCount(file, settingsDir)).toEqual({ ok: true, posted: 1 });
  });

  it('backs up a file that sits on read-only media into the settings folder instead', async (ctx) => {
    if (skipReason) return ctx.skip();
    // Not openable there today (READ_ONLY above), but the backup module must not depend on that:
    // its default folder next to the file falls back to the settings folder when it cannot write.
    const src = tempDir('kassa-rw-');
    const settingsDir = tempDir('kassa-settings-');
    const file = path.join(src, 'stichting.kassa');
    const { s, call } = open(settingsDir);
    await call('admin.create', { path: file, name: 'Stichting Terugval', year: 2026 });
    // Make the folder next to the file read-only: a bind mount of an empty folder over it.
    const blocker = tempDir('kassa-blocker-');
    const target = path.join(src, 'Back-ups Kijk op de Kassa');
    fs.mkdirSync(target);
    mount(['--bind', blocker, target]);
    execFileSync('mount', ['-o', 'remount,ro,bind', target], { stdio: 'pipe' });
    const made = await call<BackupCreated>('backups.create');
    // The folder is named by file name and the administration's short id: 'stichting 1a2b3c4d'.
    expect(path.relative(path.join(settingsDir, 'Back-ups'), made.path)).toMatch(/^stichting [0-9a-f]{8}\//);
    const list = await call<{ path: string }[]>('backups.list');
    expect(list.map((b) => b.path)).toEqual([made.path]);
    s.close();
  });
});
