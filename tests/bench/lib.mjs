// Helpers shared by the benchmarks: whole-process timing with peak memory, medians, temp dirs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
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
