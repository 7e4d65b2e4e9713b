#!/usr/bin/env node
// CommonJS on purpose (bin/package.json): it runs the one-file bundle of the CLI (dist/perf.cjs,
// scripts/bundle.mjs), which starts faster than Node's ES module loader reading ~40 files.
'use strict';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // The version alone needs neither the program nor the journal: what commander would print.
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  // Node 22.1+ keeps compiled code between runs; Node 20 has no compile cache.
  const { enableCompileCache } = require('node:module');
  if (typeof enableCompileCache === 'function') enableCompileCache();
  require('../dist/perf.cjs')
    .main(args)
    .then((code) => {
      process.exitCode = code;
    });
}
