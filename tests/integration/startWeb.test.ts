/**
 * `npm run web` (scripts/start.mjs --web) runs the browser mode in its own process from the server
 * bundle dist/web.cjs: it prints its address, serves the API with the file given opened, and stops
 * cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertDistBuilt, cleanupTempDirs, cliJson, ROOT, runCli, tempDir } from './helpers';

afterAll(cleanupTempDirs);
beforeAll(assertDistBuilt);

describe('npm run web', () => {
  it('serves the file from the bundle and stops on SIGTERM', async () => {
    const file = path.join(tempDir(), 'web.kassa');
    cliJson(await runCli(['new', file, '--name', 'Stichting Webstart']));
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs'), '--web', file, '--no-open'], {
      env: { ...process.env, CI: 'true', KASSA_SETTINGS_DIR: tempDir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const url = await new Promise<URL>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
        if (m) resolve(new URL(m[1]!));
      });
      child.stderr.on('data', (d) => (out += d));
      void exited.then(() => reject(new Error(out)));
    });
    const res = await fetch(new URL('/api', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kassa-Token': url.searchParams.get('token')! },
      body: JSON.stringify({ method: 'admin.info', input: {} }),
    });
    expect(((await res.json()) as { result: { organisation: { name: string } } }).result.organisation.name).toBe('Stichting Webstart');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
