// Helpers shared by the benchmarks: whole-process timing with peak memory, medians, temp dirs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const kassa = path.join(root, 'bin/kassa.js');
export const outDir = path.join(root, 'tests/bench/out');
mkdirSync(outDir, { recursive: true });

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/**
 * Run a command as a whole process; returns wall seconds, peak RSS in MiB and CPU seconds (user +
 * system; both null without GNU time). On a shared machine CPU time is the steadier figure.
 */
export function timed(cmd, args, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = GNU_TIME
    ? spawnSync(GNU_TIME, ['-f', '__RSS__%M __CPU__%U %S', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...opts })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const m = /__RSS__(\d+) __CPU__([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  return { seconds, rssMiB: m ? Number(m[1]) / 1024 : null, cpu: m ? Number(m[2]) + Number(m[3]) : null, stdout: r.stdout };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function verdict(ok) {
  return ok ? 'OK' : 'OVER TARGET';
}

export const fmt = (s) => `${s.toFixed(3)} s`;
export const mib = (m) => (m === null ? 'n/a (install GNU time)' : `${m.toFixed(0)} MiB`);

/** tests/fixtures/bank/generate.ts as CommonJS next to dist/, its one import pointed at the compiled module. */
export function loadBankGenerator() {
  const require = createRequire(import.meta.url);
  const ts = require('typescript');
  const src = readFileSync(path.join(root, 'tests/fixtures/bank/generate.ts'), 'utf8');
  const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText
    .replace(/require\("\.\.\/\.\.\/\.\.\/electron\/books\/bank\/nl-iban"\)/, `require(${JSON.stringify(path.join(root, 'dist/electron/books/bank/nl-iban.js'))})`);
  const file = path.join(outDir, 'bank-generate.cjs');
  writeFileSync(file, js);
  return require(file);
}

/** The machine's state when a figure was taken: other work on it stretches wall times more than CPU times. */
export function machineNote() {
  return `${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min)`;
}

/**
 * Start the browser mode (`cmd args`, e.g. npm start or node scripts/start.mjs) in its own process
 * group, open its URL in `page` and wait until the dashboard shows figures. Returns the seconds taken,
 * the child (stop it with process.kill(-child.pid)) and the URL.
 */
export async function startBrowserMode(page, cmd, args, settingsDir) {
  const t0 = performance.now();
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, CI: 'true', KASSA_SETTINGS_DIR: settingsDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`${cmd} exited ${code}: ${out}`)));
  });
  await page.goto(url);
  await page.locator('main').getByText('€').first().waitFor({ state: 'visible', timeout: 30_000 });
  return { seconds: (performance.now() - t0) / 1000, child, url };
}
