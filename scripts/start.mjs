#!/usr/bin/env node
// `npm start [-- FILE]` and `npm run web [-- FILE]`. Builds nothing of the app itself (the prepare
// script already did): picks Electron when its binary is present, else the browser mode.
// Detecting Electron must be instant and offline, so we never require('electron') here: that
// package downloads its binary on first use.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function readPathTxt(pkgDir) {
  try {
    return fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** Path of the Electron executable when it is really on disk, else null. No network, no download. */
export function electronBinaryPath(base = root) {
  const pkgDir = path.join(base, 'node_modules', 'electron');
  const rel = readPathTxt(pkgDir);
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? path.join(override, rel ?? 'electron') : rel ? path.join(pkgDir, 'dist', rel) : null;
  return candidate && fs.existsSync(candidate) ? candidate : null;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Electron needs better-sqlite3 built for its own ABI; node_modules keeps the Node build (tests,
 * CLI, browser mode). Build a copy once into .electron-native/ (needs the internet for Electron's
 * headers) and rebuild when Electron, better-sqlite3 or the machine changes.
 */
function ensureElectronNative() {
  const electronVersion = readJson(path.join(root, 'node_modules', 'electron', 'package.json'))?.version;
  const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');
  const sqliteVersion = readJson(path.join(sqliteDir, 'package.json'))?.version;
  if (!electronVersion || !sqliteVersion) return false;
  const outDir = path.join(root, '.electron-native');
  const out = path.join(outDir, 'better_sqlite3.node');
  const stampFile = path.join(outDir, 'stamp.json');
  const stamp = JSON.stringify({ electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch });
  if (fs.existsSync(out) && JSON.stringify(readJson(stampFile)) === stamp) return true;

  console.log(`Eenmalig: database-onderdeel bouwen voor Electron ${electronVersion}… / One-time: building better-sqlite3 for Electron ${electronVersion}…`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-electron-native-'));
  try {
    const work = path.join(tmp, 'better-sqlite3');
    const skip = path.join(sqliteDir, 'build');
    fs.cpSync(sqliteDir, work, { recursive: true, filter: (src) => src !== skip });
    const gypArgs = ['rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'];
    const localGyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    const [cmd, args] = fs.existsSync(localGyp) ? [process.execPath, [localGyp, ...gypArgs]] : ['npx', ['--yes', 'node-gyp', ...gypArgs]];
    // npm passes its config down as npm_config_* variables; a nodedir/target from there would
    // make node-gyp build against Node's headers instead of Electron's.
    const env = { ...process.env };
    for (const k of Object.keys(env)) {
      if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|devdir|build_from_source)$/i.test(k)) delete env[k];
    }
    const r = spawnSync(cmd, args, { cwd: work, stdio: 'inherit', env, timeout: 15 * 60_000, shell: cmd === 'npx' && process.platform === 'win32' });
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    if (r.status !== 0 || !fs.existsSync(built)) return false;
    fs.mkdirSync(outDir, { recursive: true });
    fs.copyFileSync(built, out);
    fs.writeFileSync(stampFile, `${stamp}\n`);
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Run a child in the foreground: Ctrl+C reaches it through the terminal, we follow its exit. */
function foreground(cmd, args, env = process.env) {
  const child = spawn(cmd, args, { stdio: 'inherit', env });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (e) => {
    console.error(e.message);
    process.exit(1);
  });
}

/**
 * The browser mode runs in this process (a second Node would only add its own start-up): the server
 * bundle dist/web.cjs, with V8's code cache beside it like the CLI's (bin/runBundle.js).
 */
async function startBrowser(line, rest) {
  const bundle = path.join(root, 'dist', 'web.cjs');
  if (!fs.existsSync(bundle)) {
    console.error('Kijk op de Kassa is nog niet gebouwd: voer eerst "npm run build" uit. / Not built yet: run "npm run build" first.');
    process.exit(1);
  }
  console.log(line);
  const { runBundle } = createRequire(import.meta.url)('../bin/runBundle.js');
  const web = runBundle(bundle, 'web');
  await web.exports.main(rest);
  // Once the first page has had time to load, so the code it made the server run is cached too; at
  // the latest when the server stops.
  setTimeout(web.saveCache, 5_000).unref();
  process.once('exit', web.saveCache);
}

function main() {
  const argv = process.argv.slice(2);
  // npm runs scripts from the package folder; a relative FILE means relative to where the user typed it.
  const cwd = process.env.INIT_CWD || process.cwd();
  const rest = argv.filter((a) => a !== '--web').map((a) => (!a.startsWith('-') && /\.kassa$/i.test(a) ? path.resolve(cwd, a) : a));
  if (argv.includes('--web')) return startBrowser('Kijk op de Kassa start in de browser. / Starting browser mode.', rest);

  const electron = electronBinaryPath();
  if (!electron) {
    return startBrowser('Electron is niet geïnstalleerd op deze computer; Kijk op de Kassa start in de browser. / Electron binary missing; starting browser mode.', rest);
  }
  const mainJs = path.join(root, 'dist', 'electron', 'main.js');
  if (!fs.existsSync(mainJs)) {
    console.error('Kijk op de Kassa is nog niet gebouwd: voer eerst "npm run build" uit. / Not built yet: run "npm run build" first.');
    process.exit(1);
  }
  if (!ensureElectronNative()) {
    return startBrowser(
      'Het database-onderdeel voor Electron kon niet worden gebouwd (internet nodig); Kijk op de Kassa start in de browser. / Could not build better-sqlite3 for Electron; starting browser mode.',
      rest,
    );
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  foreground(electron, [mainJs, ...rest], env);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
