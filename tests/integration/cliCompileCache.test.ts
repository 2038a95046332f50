/**
 * bin/kassa.js runs the bundle with V8's code cache kept beside it (bin/runBundle.js). The cache is only ever a speed-up:
 * a missing, corrupt or stale cache must never change what a command does. Each test works on its own
 * copy of bin/ and dist/kassa.cjs (node_modules linked), so the suite's real cache is not touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertDistBuilt, cleanupTempDirs, cliJson, ROOT, runCli, tempDir } from './helpers';

afterAll(cleanupTempDirs);
beforeAll(assertDistBuilt);

function install(): { bin: string; dist: string; caches: () => string[] } {
  const root = tempDir('kassa-bin-');
  fs.mkdirSync(path.join(root, 'bin'));
  fs.mkdirSync(path.join(root, 'dist'));
  for (const f of ['kassa.js', 'runBundle.js']) fs.copyFileSync(path.join(ROOT, 'bin', f), path.join(root, 'bin', f));
  // The report bundle comes in chunks (kassa-report-core.cjs, …), each with a cache of its own.
  for (const f of fs.readdirSync(path.join(ROOT, 'dist')).filter((n) => /^kassa(-report[\w-]*)?\.cjs$/.test(n))) {
    fs.copyFileSync(path.join(ROOT, 'dist', f), path.join(root, 'dist', f));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const dist = path.join(root, 'dist');
  return {
    bin: path.join(root, 'bin', 'kassa.js'),
    dist,
    caches: () => fs.readdirSync(dist).filter((f) => f.endsWith('.v8cache')).sort(),
  };
}

describe.concurrent('the CLI code cache', () => {
  it('is written by the first run and grows once a run opened books', async () => {
    const k = install();
    const file = path.join(tempDir(), 'c.kassa');
    expect(k.caches()).toEqual([]);
    expect((await runCli(['--help'], { bin: k.bin })).status).toBe(0);
    expect(k.caches()).toHaveLength(1);
    const thin = fs.statSync(path.join(k.dist, k.caches()[0]!)).size;
    expect(cliJson(await runCli(['new', file, '--name', 'Stichting Cache'], { bin: k.bin })).organisation.name).toBe('Stichting Cache');
    expect(k.caches()).toHaveLength(1);
    expect(fs.statSync(path.join(k.dist, k.caches()[0]!)).size).toBeGreaterThan(thin * 4);
  });

  it('a corrupt cache is ignored and replaced; the report is the same', async () => {
    const k = install();
    const file = path.join(tempDir(), 'c.kassa');
    cliJson(await runCli(['new', file, '--name', 'Stichting Cache'], { bin: k.bin }));
    const before = (await runCli(['report', file, 'trial-balance'], { bin: k.bin })).stdout;
    // `kassa report` runs its own bundle (bin/kassa.js), with caches of its own beside the CLI's: one
    // for the command's file and one for each chunk it loaded (the trial balance: not kassa-report-more).
    const reportCaches = k.caches().filter((f) => f.startsWith('.kassa-report-'));
    const entry = reportCaches.filter((f) => /^\.kassa-report-[0-9a-f]{16}-/.test(f));
    const core = reportCaches.filter((f) => f.startsWith('.kassa-report-core-'));
    expect(entry).toHaveLength(1);
    expect(core).toHaveLength(1);
    expect(reportCaches.some((f) => f.startsWith('.kassa-report-more-'))).toBe(false);
    expect(k.caches()).toHaveLength(reportCaches.length + 1);
    const caches = [entry[0]!, core[0]!].map((f) => path.join(k.dist, f));
    const garbage = Buffer.alloc(600_000, 0x5a);
    for (const cache of caches) fs.writeFileSync(cache, garbage);
    const r = await runCli(['report', file, 'trial-balance'], { bin: k.bin });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(before);
    for (const cache of caches) expect(fs.readFileSync(cache).equals(garbage)).toBe(false);
  });

  it('a changed bundle gets a cache of its own and the old one is removed', async () => {
    const k = install();
    expect((await runCli(['--help'], { bin: k.bin })).status).toBe(0);
    const [old] = k.caches();
    // Same length, other content: V8 alone would accept the old cache for it (it checks only length).
    const bundle = path.join(k.dist, 'kassa.cjs');
    const src = fs.readFileSync(bundle, 'utf8');
    const i = src.indexOf('Gebruik / usage:');
    expect(i).toBeGreaterThan(0);
    fs.writeFileSync(bundle, src.slice(0, i) + 'Gebruik / USAGE:' + src.slice(i + 16));
    const r = await runCli(['--help'], { bin: k.bin });
    expect(r.stdout).toContain('Gebruik / USAGE:');
    expect(k.caches()).toHaveLength(1);
    expect(k.caches()[0]).not.toBe(old);
  });

  it("the build's .id names the cache while the bundle's size and mtime match it; else the bundle is hashed", async () => {
    const k = install();
    const bundle = path.join(k.dist, 'kassa.cjs');
    const st = fs.statSync(bundle);
    // A made-up hash proves the id is what names the cache (the bundle is not hashed then).
    fs.writeFileSync(`${bundle}.id`, JSON.stringify({ size: st.size, mtimeMs: st.mtimeMs, sha1: '0123456789abcdef'.repeat(3).slice(0, 40) }));
    expect((await runCli(['--help'], { bin: k.bin })).status).toBe(0);
    expect(k.caches()).toEqual([`.kassa-0123456789abcdef-${process.version}.v8cache`]);
    // Same bytes, another mtime (a copy, a touch): the id no longer vouches, the bundle's own sha1 names the cache.
    fs.utimesSync(bundle, new Date(), new Date(st.mtimeMs - 60_000));
    expect((await runCli(['--help'], { bin: k.bin })).status).toBe(0);
    const sha1 = (await import('node:crypto')).createHash('sha1').update(fs.readFileSync(bundle)).digest('hex');
    expect(k.caches()).toEqual([`.kassa-${sha1.slice(0, 16)}-${process.version}.v8cache`]);
  });
});
