/**
 * `kassa report` runs its own bundle (bin/kassa.js -> dist/kassa-report.cjs) and must not load what
 * a report does not need: the document libraries, the XML parser, the zip and image libraries, and
 * the query builder for the trial balance (issue 18). A hook preloaded into the CLI's process lists
 * every module file Node loaded (require.cache) when it exits. The general ledger does need kysely
 * (its account lookup): it shows the hook sees such a package. Needs `npm run build:node` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertDistBuilt, cleanupTempDirs, cliJson, runCli, tempDir } from './helpers';

afterAll(cleanupTempDirs);

const HEAVY = ['exceljs', 'pdfkit', 'qrcode', 'fast-xml-parser', 'jszip', 'heic-convert'];

let dir: string;
let file: string;
let hook: string;

beforeAll(async () => {
  assertDistBuilt();
  dir = tempDir();
  file = path.join(dir, 'modules.kassa');
  cliJson(await runCli(['new', file, '--name', 'Stichting Modules', '--year', '2026']));
  hook = path.join(dir, 'hook.cjs');
  fs.writeFileSync(hook, "process.on('exit', () => require('node:fs').writeFileSync(process.env.KASSA_LOADED, JSON.stringify(Object.keys(require.cache))));\n");
});

/** The packages under node_modules that a run loaded, by name. */
async function packagesLoaded(args: string[]): Promise<{ stdout: string; packages: Set<string> }> {
  const out = path.join(dir, `loaded-${args.join('-').replace(/[^a-z-]/gi, '')}.json`);
  const r = await runCli(args, { env: { NODE_OPTIONS: `--require ${hook}`, KASSA_LOADED: out } });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const files = JSON.parse(fs.readFileSync(out, 'utf8')) as string[];
  const packages = new Set(files.flatMap((f) => {
    const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(f);
    return m ? [m[1]!.replace(/\\/g, '/')] : [];
  }));
  return { stdout: r.stdout, packages };
}

describe('modules loaded by kassa report', () => {
  it('trial-balance loads better-sqlite3 and none of the heavy libraries, nor kysely', async () => {
    const { stdout, packages } = await packagesLoaded(['report', file, 'trial-balance']);
    expect(JSON.parse(stdout)).toHaveProperty('totals');
    expect(packages.has('better-sqlite3')).toBe(true);
    for (const p of [...HEAVY, 'kysely']) expect(packages.has(p), p).toBe(false);
    // zod is in the bundle with only the locales the app uses (rolldown.config.mjs); the others load
    // from node_modules when asked for, which a report never does.
    expect(packages.has('zod'), 'zod').toBe(false);
  });

  it('balance-sheet (statements domain) loads no heavy library either', async () => {
    const { stdout, packages } = await packagesLoaded(['report', file, 'balance-sheet', '--year', '2026', '--format', 'csv']);
    expect(stdout.length).toBeGreaterThan(0);
    for (const p of HEAVY) expect(packages.has(p), p).toBe(false);
  });

  it('general-ledger loads kysely from node_modules (its account lookup), so the hook does see it', async () => {
    const { stdout, packages } = await packagesLoaded(['report', file, 'general-ledger', '--account', '1000']);
    expect(JSON.parse(stdout)).toHaveProperty('rows');
    expect(packages.has('kysely')).toBe(true);
    for (const p of HEAVY) expect(packages.has(p), p).toBe(false);
  });
});
