import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api';
import { Session } from '../../electron/session';

// 120 kills, the count of the independent attack in issue 17 (set KASSA_CRASH_KILLS for more). It was
// 200, but at ~1.5 s a kill (a child's start, open and verify of a growing file) this one test became
// the floor of the unit run's time on CI's two cores.
const KILLS = Number(process.env.KASSA_CRASH_KILLS ?? 120);
const child = path.join(__dirname, 'support/postLoop.cjs');

/** Start the poster, let it run a random while after it is ready, SIGKILL it, return the ids it reported. */
function runAndKill(file: string, seed: number, waitMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, file, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!timer && out.includes('ready\n')) timer = setTimeout(() => p.kill('SIGKILL'), waitMs);
    });
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`poster ended by itself (${code}): ${err}`));
      const ids = out.split('\n').filter((l) => /^\d+$/.test(l)).map(Number);
      resolve(ids);
    });
  });
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs while posting: file opens, verifies, and keeps every reported entry`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-crash-'));
    const file = path.join(dir, 'crash.kassa');
    const s = new Session();
    await dispatch(s, 'admin.create', { path: file, name: 'Stichting Crashtest', year: 2026 });
    s.close();

    const reported = new Set<number>();
    let posted = 0;
    for (let i = 0; i < KILLS; i++) {
      const ids = await runAndKill(file, i + 1, 5 + ((i * 37) % 120));
      ids.forEach((id) => reported.add(id));
      posted += ids.length;

      // After every kill: the lock died with the process, the file opens and verifies.
      const check = new Session();
      await dispatch(check, 'admin.open', { path: file });
      {
        const v = (await dispatch(check, 'audit.verify', {})) as { ok: boolean; problems: unknown[] };
        expect(v.problems).toEqual([]);
        expect(v.ok).toBe(true);
        const present = new Set(
          (check.books!.raw('SELECT id FROM entries WHERE status = ?').all('posted') as { id: number }[]).map((r) => r.id),
        );
        for (const id of reported) expect(present.has(id)).toBe(true);
      }
      check.close();
    }
    console.log(`crash test: ${KILLS} kills survived, ${posted} entries reported committed, all present and verified`);
    expect(posted).toBeGreaterThan(KILLS);
  }, 600_000);
});
