#!/usr/bin/env node
// Runs the compiled CLI (built by `npm install` through the prepare script): no TypeScript at
// start-up, one bundle with V8's code cache beside it (runBundle.js).
'use strict';
const path = require('node:path');
const { runBundle } = require('./runBundle');

// `kassa report …` (the command first, as the usage shows it) has a bundle of its own, a fifth the
// size: reading and starting the whole CLI was most of a report's time. Any other command line,
// `kassa --json report …` too, runs the whole CLI, which has the same report code.
const argv = process.argv.slice(2);
const name = argv[0] === 'report' ? 'kassa-report' : 'kassa';
const cli = runBundle(path.join(__dirname, '..', 'dist', `${name}.cjs`), name);
cli.exports.run(argv).then((code) => {
  process.exitCode = code;
  cli.saveCache();
});
