// Bundles the CLI into one CommonJS file (dist/perf.cjs), which bin/perf.js runs: Node's loader
// resolving and reading ~40 ES modules was most of `perf log`'s time (issue 12). Modules the code
// imports lazily stay lazy inside the bundle (esbuild wraps each in an init function that runs on
// first import). Packages stay outside it: better-sqlite3 is native, and the heavy ones (date
// parser, prompts, tables, JSON streaming) must only be read by the commands that use them.
// Then it writes V8's code cache for the bundle (dist/perf.cjs.cache, see writeCodeCache).
// Run by `npm run build` after tsc, so `npm install` (prepare) builds both from a fresh clone.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist/perf.cjs');
const require = createRequire(import.meta.url);
const { BUILD_ID_LINE, BUNDLE_PARAMS, IMPORT_NAME, buildIdOf, runBundle } = require('../bin/perf.js');

const result = await build({
  entryPoints: [path.join(root, 'src/cli.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  plugins: [packagesOutsideButCommander(), commanderWithoutChildProcess()],
  // program.ts reads package.json relative to its own URL; dist/perf.cjs sits where dist/program.js did.
  define: {
    'import.meta.url': 'importMetaUrl',
    PERF_BUILT_VERSION: JSON.stringify(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version),
  },
  banner: {
    js: [
      "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;",
      // The packages imported lazily (chalk, env-paths, prompts, chrono's locales, stream-json) are
      // ES modules loaded by import(), which bin/perf.js does for the bundle (see dynamicImports).
      `const ${IMPORT_NAME} = typeof ${BUNDLE_PARAMS.at(-1)} === 'function' ? ${BUNDLE_PARAMS.at(-1)} : (specifier) => import(specifier);`,
    ].join('\n'),
  },
  // Whitespace and syntax only (~25% less to read and compile): identifiers keep their names, and
  // so do esbuild's init functions (`"src/…"()`), which test/e2e/startup-modules.test.ts reads.
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
  write: false,
  sourcemap: true,
  logLevel: 'warning',
});

for (const file of result.outputFiles) {
  if (file.path !== outfile) fs.writeFileSync(file.path, file.text);
  else {
    const text = asciiOnly(dynamicImports(file.text, result.metafile));
    fs.writeFileSync(file.path, `${text}${BUILD_ID_LINE}${createHash('sha256').update(text).digest('hex')}\n`);
  }
}
await writeCodeCache(fs.readFileSync(outfile, 'latin1'));

// `perf remind` alone (src/remind-main.ts), run from shells' start-up files: a small bundle of its
// own, without the command parser (bin/perf.js picks it). It imports no ES-module package.
await build({
  entryPoints: [path.join(root, 'src/remind-main.ts')],
  outfile: path.join(root, 'dist/remind.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  plugins: [packagesOutsideButCommander()],
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

/**
 * Packages stay outside, read by Node when a command needs them, except the two every command
 * needs: commander (inside, Node resolves and reads one file instead of its eight) and
 * better-sqlite3's JavaScript (thirteen files; its native addon is still loaded from its package,
 * by the path storage/db.ts gives it).
 */
function packagesOutsideButCommander() {
  return {
    name: 'packages-outside-but-commander',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) =>
        /^(commander|@commander-js\/extra-typings|better-sqlite3)(\/|$)/.test(args.path) ? undefined : { path: args.path, external: true },
      );
    },
  };
}

/**
 * Commander requires node:child_process at load for executable subcommands, which perf has none
 * of; loading it (with net, streams and their friends) was ~5 ms of every start. Inside the bundle
 * it is required on the first spawn instead.
 */
function commanderWithoutChildProcess() {
  const eager = "const childProcess = require('node:child_process');";
  const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
  return {
    name: 'commander-without-child-process',
    setup(build) {
      build.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
        const source = fs.readFileSync(args.path, 'utf8');
        const uses = source.match(/childProcess\.\w+/g) ?? [];
        if (!source.includes(eager) || uses.some((use) => use !== 'childProcess.spawn'))
          throw new Error(`bundle: commander's use of child_process changed (${args.path}); update commanderWithoutChildProcess`);
        return { contents: source.replace(eager, lazy), loader: 'js' };
      });
    },
  };
}

/**
 * Every start reads the whole bundle as a string: pure ASCII decodes on Node's fast path into a
 * one-byte string, while a single other character made it a two-byte string of twice the size,
 * decoded slowly (~2 ms of every command, issue 12). esbuild escapes strings but not the characters
 * of regular expression literals: write those as \\u escapes in the source.
 */
function asciiOnly(text) {
  const found = /[^\x00-\x7f]/.exec(text);
  if (found) {
    const around = text.slice(Math.max(0, found.index - 60), found.index + 20);
    throw new Error(`bundle: dist/perf.cjs must be ASCII; found ${JSON.stringify(found[0])} in …${around}…`);
  }
  return text;
}

/**
 * V8 cannot run a dynamic import() in a script compiled from a code cache on Node 20 ("A dynamic
 * import callback was not specified"), and a vm callback of our own needs
 * --experimental-vm-modules. So the bundle's import() calls of packages go through IMPORT_NAME,
 * which bin/perf.js passes in (its own import(), native to a CommonJS module; bin/ and dist/ see
 * the same node_modules). The name is as long as `import`, so the source map stays true.
 */
function dynamicImports(text, metafile) {
  if (IMPORT_NAME.length !== 'import'.length) throw new Error('bundle: IMPORT_NAME must be as long as `import`');
  const expected = Object.values(metafile.inputs)
    .flatMap((input) => input.imports)
    .filter((imported) => imported.external && imported.kind === 'dynamic-import').length;
  let found = 0;
  const replaced = text.replace(/\bimport\((?=")/g, () => {
    found++;
    return `${IMPORT_NAME}(`;
  });
  if (found !== expected) throw new Error(`bundle: found ${found} import() calls of packages where the metafile lists ${expected}`);
  return replaced;
}

/**
 * Node 20 has no module compile cache (module.enableCompileCache is 22.1+), and compiling the
 * bundle's code was ~15 ms of every start. V8 can save what it compiled as a code cache, which
 * bin/perf.js hands back when it compiles the bundle: made here once, with the Node that will run
 * it. A cache made right after compiling holds little more than the top level (V8 compiles a
 * function when first called), so the bundle first runs the everyday commands on a scratch journal
 * (warmUp), and the cache holds what they compiled: `perf notes -n 20` 49 → 45 ms, a year's
 * summary ~8 ms less. A different Node rejects the cache and the bundle compiles as usual. The
 * cache starts with the bundle's build id (its hash, also the bundle's last line), so a rebuilt
 * bundle never runs with an old cache.
 */
async function writeCodeCache(source) {
  const id = buildIdOf(source);
  if (id === undefined) throw new Error('bundle: dist/perf.cjs has no build id line');
  const { script } = await warmUp(source);
  fs.writeFileSync(`${outfile}.cache`, Buffer.concat([Buffer.from(`${id}\n`), script.createCachedData()]));
}

/**
 * Runs the everyday commands in this process on a scratch journal, with a copy of the bundle whose
 * code is then cached. The journal is made first by another copy, so that creating it (migrations)
 * is not in the cache. Nothing reaches the real home: every path the program could use points into
 * the scratch folder, and the output goes nowhere.
 */
async function warmUp(source) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-build-'));
  const saved = { ...process.env };
  const env = {
    PERF_DB: path.join(work, 'journal.db'),
    PERF_CONFIG_DIR: path.join(work, 'config'),
    HOME: work,
    XDG_DATA_HOME: path.join(work, 'data'),
    XDG_CONFIG_HOME: path.join(work, 'config'),
    NO_COLOR: '1',
  };
  // env-paths reads process.env itself.
  Object.assign(process.env, env);
  const nowhere = {
    isTTY: false,
    write: (_chunk, callback) => {
      callback?.(null);
      return true;
    },
    flush: async () => {},
  };
  const io = { stdout: nowhere, stderr: nowhere, stdin: { isTTY: true, async *[Symbol.asyncIterator]() {} }, env };
  const run = async (bundle, argv) => {
    const code = await bundle.exports.main(argv, { io });
    if (code !== 0) throw new Error(`bundle: the warm-up's \`perf ${argv.join(' ')}\` exited ${code}`);
  };
  try {
    const maker = runBundle(outfile, source);
    for (const argv of [
      ['goals', 'add', 'New ARR', '--target', '300000', '--due', '2099-12-31'],
      ['deals', 'add', 'Acme renewal', '--account', 'Acme', '--value', '34000'],
      ['rate', 'negotiation', '3'],
      ['feedback', 'add', 'Great demo', '--from', 'Priya', '--relationship', 'peer', '--competency', 'discovery', '--star'],
      ['dev', 'add', 'Negotiation course', '--competency', 'negotiation', '--due', '2099-01-31'],
    ])
      await run(maker, argv);
    const cached = runBundle(outfile, source);
    for (const argv of [
      ['log', 'Called Acme about the renewal #q4', '-a', 'Acme', '--type', 'call', '--goal', 'new-arr', '--deal', 'acme-renewal', '--star'],
      ['log', 'Won the Acme renewal', '--type', 'win'],
      ['notes', '-n', '20'],
      ['notes', '-q', 'renewal'],
      ['goals'],
      ['status'],
      ['competencies'],
      ['deals'],
      ['summary'],
      ['checkin'],
      ['export'],
    ])
      await run(cached, argv);
    return cached;
  } finally {
    for (const key of Object.keys(env)) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    fs.rmSync(work, { recursive: true, force: true });
  }
}
