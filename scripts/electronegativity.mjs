#!/usr/bin/env node
// Runs Doyensec's Electronegativity over electron/ and fails on HIGH findings that nobody reviewed.
//
//   node scripts/electronegativity.mjs            uses node_modules/.bin/electronegativity
//   node scripts/electronegativity.mjs --npx      fetches @doyensec/electronegativity@VERSION with npx
//
// Install once as a devDependency:  npm install --save-dev @doyensec/electronegativity@1.10.3
//
// Electronegativity reads each file on its own and cannot evaluate our shared constants (e.g. the
// CSP built in electron/security.ts). Findings a person looked at are listed in REVIEWED with the
// reason and the test that proves the setting; anything HIGH that is not listed fails the run
// (exit 1). Exit 2: the tool could not run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = '1.10.3';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Findings looked at by a person: check id + file, and why it is not a problem here. */
const REVIEWED = [
  {
    check: 'AUXCLICK_JS_CHECK',
    file: 'windows.ts',
    why: 'A middle click can only ask for a new window, and setWindowOpenHandler denies every one (windowOpenHandler in electron/security.ts; tests/integration/shell/shell.test.ts).',
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'protect.ts',
    why: 'Only reached through windowOpenHandler, which passes https: URLs without credentials only (isSafeExternalUrl, tested).',
  },
  {
    check: 'CSP_GLOBAL_CHECK',
    file: 'protect.ts',
    why: 'The CSP is built in electron/security.ts (CSP) and sent as a header; the tool cannot evaluate the constant. Its directives are tested in tests/unit/electronSecurity.test.ts.',
  },
];

const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];

/** RFC 4180-ish: quoted fields may hold commas, quotes ("") and newlines. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field.trim());
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field.trim());
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f !== ''));
}

function electronVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

function command() {
  if (process.argv.includes('--npx')) return { cmd: 'npx', args: ['--yes', `@doyensec/electronegativity@${VERSION}`] };
  const local = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity');
  if (fs.existsSync(local)) return { cmd: local, args: [] };
  console.error(`Electronegativity is not installed. Add it with:\n  npm install --save-dev @doyensec/electronegativity@${VERSION}\nor run this script with --npx.`);
  process.exit(2);
}

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
const report = path.join(out, 'report.csv');
// The tool writes the CSV header and the rows with two asynchronous fs.writeFile calls (flags 'w'
// then 'a'); when the rows land first the header write truncates them and findings are lost. This
// preload makes fs.writeFile synchronous in the tool's process, so the order is the written order.
const preload = path.join(out, 'sync-writefile.cjs');
fs.writeFileSync(preload, `const fs = require('fs');
fs.writeFile = function (file, data, options, cb) {
  if (typeof options === 'function') { cb = options; options = undefined; }
  try { fs.writeFileSync(file, data, options); } catch (e) { if (cb) return cb(e); throw e; }
  if (cb) process.nextTick(cb, null);
};
`);
const { cmd, args } = command();
const version = electronVersion();
const run = spawnSync(cmd, [...args, '-i', path.join(root, 'electron'), '-o', report, '-r', '-v', 'false', ...(version ? ['-e', version] : [])], {
  cwd: root,
  encoding: 'utf8',
  shell: process.platform === 'win32',
  timeout: 15 * 60_000,
  env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(preload)}`.trim() },
});
if (run.status !== 0 || !fs.existsSync(report)) {
  console.error(`Electronegativity did not run (exit ${run.status}):\n${run.stderr || run.stdout}`);
  process.exit(2);
}

const rows = parseCsv(fs.readFileSync(report, 'utf8'));
fs.rmSync(out, { recursive: true, force: true });
const header = rows.shift() ?? [];
if (header[0] !== 'issue' || header[1] !== 'severity') {
  console.error(`Unexpected report header: ${header.join(', ')}`);
  process.exit(2);
}

const findings = [];
const garbled = [];
for (const r of rows) {
  const [check, severity, confidence, file, location, sample] = r;
  if (!/^[A-Z0-9_]+_CHECK$/.test(check ?? '') || !SEVERITIES.includes(severity)) {
    // Should not happen with the preload above; kept as a tripwire.
    const id = /wiki\/([A-Z0-9_]+)/.exec(r.join(','))?.[1] ?? 'UNKNOWN';
    garbled.push({ check: id, raw: r.join(',').slice(0, 160) });
    continue;
  }
  const reviewed = REVIEWED.find((x) => x.check === check && path.basename(file) === x.file);
  findings.push({ check, severity, confidence, file, location, sample: (sample ?? '').slice(0, 80), reviewed });
}
// A review covers the one place it was written for: a second finding of the same check in the same
// file (say a new window) is new code nobody looked at.
for (const x of REVIEWED) {
  const same = findings.filter((f) => f.reviewed === x);
  if (same.length > 1) same.forEach((f) => (f.reviewed = undefined));
}

const order = (s) => SEVERITIES.length - SEVERITIES.indexOf(s);
findings.sort((a, b) => order(a.severity) - order(b.severity) || a.check.localeCompare(b.check));
console.log(`Electronegativity ${VERSION} over electron/ (Electron ${version ?? 'unknown'}): ${findings.length} findings`);
for (const f of findings) {
  console.log(`  ${f.severity.padEnd(13)} ${f.check.padEnd(32)} ${f.file}:${f.location}  ${f.reviewed ? 'reviewed: ' + f.reviewed.why : f.sample}`);
}
for (const g of garbled) console.log(`  ?             ${g.check.padEnd(32)} (unreadable line in the report) ${g.raw}`);

const failing = findings.filter((f) => f.severity === 'HIGH' && !f.reviewed);
if (failing.length) {
  console.error(`\n${failing.length} HIGH finding(s) not reviewed. Fix them, or add a reviewed entry with the reason and the test that proves it.`);
  process.exit(1);
}
if (garbled.length) {
  console.error('\nThe report has unreadable lines, so findings may be missing. Run again.');
  process.exit(2);
}
console.log('\nNo unreviewed HIGH findings.');
