#!/usr/bin/env node
// CommonJS on purpose (bin/package.json): it runs a one-file bundle of the CLI (dist/perf.cjs, or
// the command group's own in dist/bundles/, scripts/bundle.mjs), which starts faster than Node's ES
// module loader reading ~40 files.
'use strict';

/** The bundle is compiled as a function of these (CommonJS's own, and the import() it uses). */
const BUNDLE_PARAMS = ['exports', 'require', 'module', '__filename', '__dirname', '__perfImport'];
/** What the bundle calls instead of import() (scripts/bundle.mjs): as long as `import`. */
const IMPORT_NAME = '__load';
const BUILD_ID_LINE = '// perf-build ';

function run(args) {
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    // The version alone needs neither the program nor the journal: what commander would print.
    process.stdout.write(`${require('../package.json').version}\n`);
    return;
  }
  // `perf remind` runs from shells' start-up files: on its own it skips the command parser
  // (dist/remind.cjs, a small bundle of src/remind-main.ts).
  const remind = args.includes('remind') ? require('../dist/remind.cjs') : null;
  if (remind?.isBareRemind(args)) {
    remind.remindMain(args).then((code) => {
      process.exitCode = code;
    });
    return;
  }
  loadBundle(bundleFile(args))
    .main(args)
    .then((code) => {
      process.exitCode = code;
    });
}

/**
 * The bundle to run: the one of the command's group (scripts/bundle.mjs lists them in
 * dist/bundles/routes.json), which holds only that group's code, or the whole program (help,
 * --version with other words, completion, a word that is no command, a build without routes or
 * without that group's bundle). The word is the first argument, after the global options (--db
 * and its value, --db=…, --no-color); none at all runs the default command. Any other option
 * before it (`-h`, `--`, a typo) runs the whole program, which parses everything as cli.ts does.
 */
function bundleFile(args) {
  const path = require('node:path');
  const dist = path.join(__dirname, '..', 'dist');
  const whole = path.join(dist, 'perf.cjs');
  let word;
  for (let i = 0; i < args.length && word === undefined; i++) {
    const arg = args[i];
    if (arg === '--db') i++;
    else if (arg.startsWith('--db=') || arg === '--no-color') continue;
    else if (arg.startsWith('-')) return whole;
    else word = arg;
  }
  const fs = require('node:fs');
  let routes;
  try {
    const table = JSON.parse(fs.readFileSync(path.join(dist, 'bundles', 'routes.json'), 'utf8'));
    routes = table.routes;
    word ??= table.default;
  } catch {
    return whole;
  }
  const file =
    typeof routes === 'object' && routes !== null && Object.hasOwn(routes, word) ? path.join(dist, 'bundles', String(routes[word])) : '';
  return file !== '' && fs.existsSync(file) ? file : whole;
}

/**
 * The bundle's exports. Node 22.1+ keeps compiled code between runs itself; Node 20 has no compile
 * cache, so the build writes V8's code cache beside the bundle (dist/perf.cjs.cache): the bundle's
 * functions as compiled while the build ran the common commands (scripts/bundle.mjs), which saves
 * compiling them at every start (~15 ms). The cache is only read, never written here: one that is
 * missing, made for another bundle or rejected by V8 (another Node) leaves the bundle compiled as
 * usual.
 */
function loadBundle(file) {
  const { enableCompileCache } = require('node:module');
  if (typeof enableCompileCache === 'function') {
    enableCompileCache();
    return require(file);
  }
  const fs = require('node:fs');
  let cache;
  try {
    cache = fs.readFileSync(`${file}.cache`);
  } catch {
    return require(file);
  }
  // The bundle is ASCII (scripts/bundle.mjs checks): latin1 is the quickest way to read it.
  const source = fs.readFileSync(file, 'latin1');
  const newline = cache.indexOf(10);
  const id = newline > 0 ? cache.toString('latin1', 0, newline) : '';
  if (id === '' || buildIdOf(source) !== id) return require(file);
  return runBundle(file, source, cache.subarray(newline + 1)).exports;
}

/**
 * Compiles the bundle as Node would a CommonJS module (the same wrapper function), with V8's code
 * cache if given, and runs it. Returns its exports, and the script (cachedDataRejected, and
 * createCachedData for the build).
 */
function runBundle(file, source, cachedData) {
  const { Script } = require('node:vm');
  const { createRequire } = require('node:module');
  const path = require('node:path');
  const script = new Script(`(function (${BUNDLE_PARAMS.join(', ')}) {${source}\n})`, { filename: file, cachedData });
  const bundle = { exports: {} };
  const importPackage = (specifier) => import(specifier);
  script.runInThisContext()(bundle.exports, createRequire(file), bundle, file, path.dirname(file), importPackage);
  return { script, exports: bundle.exports };
}

/** The build id on the bundle's last line (scripts/bundle.mjs writes it), or undefined. */
function buildIdOf(source) {
  const start = source.lastIndexOf(BUILD_ID_LINE);
  if (start < 0) return undefined;
  const id = source.slice(start + BUILD_ID_LINE.length).trim();
  return /^[0-9a-f]{64}$/.test(id) ? id : undefined;
}

if (require.main === module) run(process.argv.slice(2));
// scripts/bundle.mjs builds the bundle and its cache with these.
module.exports = { BUILD_ID_LINE, BUNDLE_PARAMS, IMPORT_NAME, buildIdOf, runBundle };
