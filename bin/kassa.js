#!/usr/bin/env node
// Runs the compiled CLI (built by `npm install` through the prepare script): no TypeScript at start-up.
'use strict';
require('../dist/kassa.cjs').run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
