// Runs a one-file bundle from dist/ (built by rolldown: dist/kassa.cjs for the CLI, dist/kassa-report.cjs
// for `kassa report`, dist/web.cjs for the browser mode) with V8's code cache kept beside it.
//
// Compiling a 2.5 MB bundle took about a third of a `kassa report`, so the bundle is run through
// vm.Script with a code cache. V8 validates a cache only by source length and V8 version/flags, so
// the cache file name carries a hash of the bundle's content: a rebuilt bundle never meets a stale
// cache. The build writes that hash beside the bundle (`<bundle>.id`, rolldown.config.mjs); it is
// trusted only while the bundle's size and mtime are the ones it was taken at, else the bundle is
// hashed here. Node 22's module.enableCompileCache() would do the same but Node 20 must work too.
// Any failure to read or write the cache only costs speed.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

/**
 * The bundle's sha1 and whether it is all ASCII: from the build's `.id` file when it still describes
 * these bytes, else computed.
 */
function identify(bundle, bytes, stat) {
  try {
    const id = JSON.parse(fs.readFileSync(`${bundle}.id`, 'utf8'));
    if (id.size === stat.size && id.mtimeMs === stat.mtimeMs && /^[0-9a-f]{40}$/.test(id.sha1)) {
      return { sha1: id.sha1, ascii: typeof id.ascii === 'boolean' ? id.ascii : require('node:buffer').isAscii(bytes) };
    }
  } catch {
    // no or unreadable id: hash the bundle
  }
  // Loaded only here: node:crypto itself costs a report several milliseconds.
  const sha1 = require('node:crypto').createHash('sha1').update(bytes).digest('hex');
  return { sha1, ascii: require('node:buffer').isAscii(bytes) };
}

/**
 * One file of a bundle run through vm.Script with its code cache `.<base>-<hash>-<node>.v8cache`
 * beside it; `requireFrom` is the require its code gets. Returns the module and saveCache().
 */
function runFile(file, base, requireFrom) {
  const fd = fs.openSync(file, 'r');
  let bytes;
  let stat;
  try {
    stat = fs.fstatSync(fd);
    bytes = fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  // The Node version is in the name as well: another version's V8 would reject the cache anyway.
  const id = identify(file, bytes, stat);
  const hash = id.sha1.slice(0, 16);
  const dir = path.dirname(file);
  const cacheFile = path.join(dir, `.${base}-${hash}-${process.version}.v8cache`);

  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }

  // The build writes the bundle as ASCII (rolldown charset 'ascii'): read as latin1 it becomes a
  // one-byte string without UTF-8 decoding, half the memory and time of a two-byte one.
  const source = id.ascii ? bytes.toString('latin1') : bytes.toString('utf8');
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = new Module(file, module);
  mod.filename = file;

  /**
   * Written after the work, so the functions it compiled lazily are in the cache as well. A cache
   * far smaller than the file was left by a run that did little (`--help`, a usage error): replace
   * it once a run has compiled the books code too.
   */
  function saveCache() {
    const thin = cachedData !== undefined && cachedData.length < bytes.length / 8;
    if (cachedData !== undefined && !script.cachedDataRejected && !thin) return;
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    // Ours: this file's caches of any hash and Node version (not another file's, e.g. kassa-report's).
    const ours = new RegExp(`^\\.${base}-[0-9a-f]{16}(-v[0-9][0-9.]*)?\\.v8cache$`);
    try {
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile); // atomic: a parallel run reads the old file or the new one
      for (const f of fs.readdirSync(dir)) {
        if (ours.test(f) && path.join(dir, f) !== cacheFile) fs.rmSync(path.join(dir, f), { force: true });
      }
    } catch {
      fs.rmSync(tmp, { force: true });
    }
  }

  return { mod, run: () => script.runInThisContext().call(mod.exports, mod.exports, requireFrom, mod, file, dir), saveCache };
}

/**
 * Load `bundle`; returns its exports and saveCache(), to call once the work worth caching has run.
 * A bundle may come in chunks (`./<bundle>-<name>.cjs` beside it, the report bundle's): a chunk is
 * run the same way, with a cache of its own, when the bundle first requires it, so a command loads
 * only the chunks it uses and each of those from its cache.
 */
function runBundle(bundle, name) {
  const dir = path.dirname(bundle);
  const nodeRequire = Module.createRequire(bundle);
  const files = new Map();
  function load(file, base) {
    let f = files.get(file);
    if (!f) {
      f = runFile(file, base, bundleRequire);
      files.set(file, f); // before running: chunks may require each other
      f.run();
      f.mod.loaded = true;
    }
    return f.mod.exports;
  }
  function bundleRequire(request) {
    const chunk = /^\.\/([\w-]+)\.cjs$/.exec(request);
    if (chunk && chunk[1].startsWith(`${name}-`)) return load(path.join(dir, `${chunk[1]}.cjs`), chunk[1]);
    return nodeRequire(request);
  }
  bundleRequire.resolve = nodeRequire.resolve;
  bundleRequire.cache = nodeRequire.cache;
  const exports = load(bundle, name);

  let saved = false;
  function saveCache() {
    if (saved) return;
    saved = true;
    for (const f of files.values()) f.saveCache();
  }

  return { exports, saveCache };
}

module.exports = { runBundle };
