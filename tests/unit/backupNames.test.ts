import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAbsolutePath } from '../../shared/api/backups';
import { adminFolderName, backupFileName, parseBackupFileName, safeFileName, stampOf } from '../../electron/backups/names';
import { folderOf, formatSize, formatWhen } from '../../renderer/src/screens/backups/format';

describe('backup file names', () => {
  const at = new Date('2026-03-31T14:05:09.123Z');

  it('carry the foundation name and an ISO timestamp that Windows accepts', () => {
    expect(stampOf(at)).toBe('2026-03-31T14-05-09-123Z');
    expect(backupFileName('Stichting De Buurt', at, 'auto')).toBe('Stichting De Buurt 2026-03-31T14-05-09-123Z.kassa');
    expect(backupFileName('Stichting De Buurt', at, 'manual')).toBe('Stichting De Buurt 2026-03-31T14-05-09-123Z handmatig.kassa');
    expect(backupFileName('Stichting De Buurt', at, 'before-restore')).toBe('Stichting De Buurt 2026-03-31T14-05-09-123Z voor-terugzetten.kassa');
    for (const kind of ['auto', 'manual', 'before-restore'] as const) {
      expect(backupFileName('x', at, kind)).not.toMatch(/[\\/:*?"<>|]/);
    }
  });

  it('read back to the timestamp and kind; other files are not backups', () => {
    for (const kind of ['auto', 'manual', 'before-restore'] as const) {
      expect(parseBackupFileName(backupFileName('Stichting "Samen" / Sterk', at, kind))).toEqual({ at: '2026-03-31T14:05:09.123Z', kind });
    }
    for (const other of ['Stichting.kassa', 'notitie.txt', 'Stichting 2026-03-31T14-05-09-123Z.kassa.123.ab12cd34.tmp', 'Stichting 2026-03-31T14-05-09-123Z.kassa-wal', 'Stichting 2026-03-31T14:05:09.123Z.kassa']) {
      expect(parseBackupFileName(other), other).toBeNull();
    }
  });

  it('make any foundation name safe for every file system', () => {
    expect(safeFileName('Stichting "Samen" / Sterk: Noord*')).toBe('Stichting Samen Sterk Noord');
    expect(safeFileName('  ...  ')).toBe('Administratie');
    expect(safeFileName('Buurt\u0000\u001fkracht.')).toBe('Buurt kracht');
    expect(safeFileName('a'.repeat(200))).toHaveLength(60);
    expect(safeFileName('Café Ünïcode 😀')).toBe('Café Ünïcode 😀');
    expect(safeFileName('😀'.repeat(70))).toBe('😀'.repeat(60));
  });

  it('keep one folder per administration file', () => {
    expect(adminFolderName('/home/jan/Documenten/Buurt 2026.kassa')).toBe('Buurt 2026');
    expect(adminFolderName(path.join('x', 'STICHTING.KASSA'))).toBe('STICHTING');
    expect(adminFolderName('/tmp/.kassa')).toBe('administratie');
  });
});

describe('absolute folders (checked in the renderer too)', () => {
  it('knows Linux, macOS and Windows forms', () => {
    for (const p of ['/media/usb', 'D:\\Back-ups', 'c:/data', '\\\\server\\share']) expect(isAbsolutePath(p), p).toBe(true);
    for (const p of ['back-ups', './x', 'D:', 'D:back-ups', '']) expect(isAbsolutePath(p), p).toBe(false);
  });
});

describe('backup screen display helpers', () => {
  it('shows the date in Dutch order in local time', () => {
    expect(formatWhen('2026-03-31T14:05:09.123Z', 'Europe/Amsterdam')).toBe('31-03-2026 16:05');
    expect(formatWhen('2026-01-01T00:30:00.000Z', 'Europe/Amsterdam')).toBe('01-01-2026 01:30');
    expect(formatWhen('onzin')).toBe('onzin');
  });

  it('shows sizes with a Dutch decimal comma', () => {
    expect(formatSize(512)).toBe('512 bytes');
    expect(formatSize(376_832)).toBe('368 kB');
    expect(formatSize(1_234_567)).toBe('1,2 MB');
    expect(formatSize(52_428_800)).toBe('50 MB');
    expect(formatSize(-1)).toBe('');
  });

  it('takes the folder of a chosen path', () => {
    expect(folderOf('/media/usb/Back-ups.kassa')).toBe('/media/usb');
    expect(folderOf('E:\\Back-ups\\x.kassa')).toBe('E:\\Back-ups');
  });
});
