/**
 * Every file the app writes goes through the guarded writer (electron/files/write.ts), which never
 * replaces the books. Only the code that writes .kassa files itself (database, backups, restore)
 * may touch the file system for writing on its own. A new fs write elsewhere fails this test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../electron');

const ALLOWED = new Set([
  'files/write.ts', // the writer itself
  'db/open.ts', // opening and migrating the books
  'db/create.ts', // a new administration under its temp name
  'db/migrate.ts', // the pre-update copy
  'backups/backups.ts', // backups (.kassa copies) and their folder mark
  'backups/restore.ts', // restoring a backup over the books
  'backups/handlers.ts', // the probe that a chosen backup folder takes a file
  'cliStdout.ts', // the CLI's result to file descriptor 1 (stdout), never to a path
]);

// fs calls that create or replace files (removing and mkdir are not writing a file's content).
const WRITE = /\b(writeFileSync|writeFile|appendFileSync|appendFile|createWriteStream|copyFileSync|copyFile|cpSync|renameSync|rename|linkSync|symlinkSync|truncateSync|ftruncateSync|writeSync|writev|writevSync)\s*\(|\bopenSync\s*\([^)]*,\s*['"][wa+]|\.backup\s*\(/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return /\.tsx?$/.test(d.name) ? [p] : [];
  });
}

describe('file writes', () => {
  it('happen only in the guarded writer and the allow-listed database and backup code', () => {
    const stray: string[] = [];
    for (const file of sources(ROOT)) {
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      if (ALLOWED.has(rel)) continue;
      fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (/^\s*(\/\/|\*)/.test(line)) return;
        if (WRITE.test(line)) stray.push(`electron/${rel}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(stray).toEqual([]);
  });

  it('the pattern catches the ways a write is spelled', () => {
    for (const line of ["fs.writeFileSync(p, 'x')", 'fs.createWriteStream(p)', "fs.openSync(tmp, 'w')", 'fs.renameSync(a, b)', 'await db.backup(tmp)', 'fs.copyFileSync(a, b)']) {
      expect(WRITE.test(line), line).toBe(true);
    }
    for (const line of ["fs.openSync(p, 'r')", 'fs.readFileSync(p)', 'fs.rmSync(p)']) expect(WRITE.test(line), line).toBe(false);
  });
});
