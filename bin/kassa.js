#!/usr/bin/env node
// Runs the compiled CLI (built by `npm install` through the prepare script): no TypeScript at start-up.
//
// The one-file bundle is 2.4 MB; compiling it took about a third of a `kassa report`. So the bundle
// is run through vm.Script with V8's code cache, kept beside the bundle. V8 validates a cache only by
// source length and V8 version/flags, so the cache file name carries a hash of the bundle's content:
// a rebuilt bundle never meets a stale cache. Node 22's module.enableCompileCache() would do the same
// but Node 20 must work too. Any failure to read or write the cache only costs speed.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const crypto = require('node:crypto');
const Module = require('node:module');

const bundle = path.join(__dirname, '..', 'dist', 'kassa.cjs');
const bytes = fs.readFileSync(bundle);
const hash = crypto.createHash('sha1').update(bytes).update(process.version).digest('hex').slice(0, 16);
const cacheFile = path.join(path.dirname(bundle), `.kassa-${hash}.v8cache`);

let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}

// The build writes the bundle as ASCII (rolldown charset 'ascii'): read as latin1 it becomes a
// one-byte string without UTF-8 decoding, half the memory and time of a two-byte one.
const source = require('node:buffer').isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
const mod = new Module(bundle, module);
mod.filename = bundle;
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
mod.loaded = true;

mod.exports.run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // Written after the run, so the functions this command compiled lazily are in the cache as well.
  // A cache far smaller than the bundle was left by a run that never opened a file (`--help`, a usage
  // error): replace it once a run has compiled the books code too.
  const thin = cachedData !== undefined && cachedData.length < bytes.length / 8;
  if (cachedData === undefined || script.cachedDataRejected || thin) saveCache();
});

function saveCache() {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, script.createCachedData());
    fs.renameSync(tmp, cacheFile); // atomic: a parallel run reads the old file or the new one
    for (const f of fs.readdirSync(path.dirname(bundle))) {
      if (/^\.kassa-[0-9a-f]{16}\.v8cache$/.test(f) && path.join(path.dirname(bundle), f) !== cacheFile) fs.rmSync(path.join(path.dirname(bundle), f), { force: true });
    }
  } catch {
    fs.rmSync(tmp, { force: true });
  }
}
