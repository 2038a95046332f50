#!/usr/bin/env node
// Runs the compiled CLI (built by `npm install` through the prepare script): no TypeScript at
// start-up, one bundle with V8's code cache beside it (runBundle.js).
'use strict';
const path = require('node:path');
const { runBundle } = require('./runBundle');

const cli = runBundle(path.join(__dirname, '..', 'dist', 'kassa.cjs'), 'kassa');
cli.exports.run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  cli.saveCache();
});
