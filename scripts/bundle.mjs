// Bundles the CLI into one-file CommonJS programs that bin/perf.js runs: the whole program
// (dist/perf.cjs) and one per command group with only that group's commands (dist/bundles/, with
// routes.json naming each word's bundle). Node's loader resolving and reading ~40 ES modules was
// most of `perf log`'s time (issue 12). Modules the code imports lazily stay lazy inside a bundle
// (esbuild wraps each in an init function that runs on first import). Packages stay outside: better-
// sqlite3 is native, and the heavy ones (date parser, prompts, tables, JSON streaming) must only be
// read by the commands that use them. Then it writes V8's code cache of each bundle (<bundle>.cache,
// see writeCodeCaches). Run by `npm run build` after tsc, so `npm install` (prepare) builds all of
// it from a fresh clone.
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

/** What the scratch journal holds before the warm-up: a goal, a deal, a rating, feedback, development. */
const JOURNAL = [
  ['goals', 'add', 'New ARR', '--target', '300000', '--due', '2099-12-31'],
  ['deals', 'add', 'Acme renewal', '--account', 'Acme', '--value', '34000'],
  ['rate', 'negotiation', '3'],
  ['feedback', 'add', 'Great demo', '--from', 'Priya', '--relationship', 'peer', '--competency', 'discovery', '--star'],
  ['dev', 'add', 'Negotiation course', '--competency', 'negotiation', '--due', '2099-01-31'],
];

/** The everyday commands, each run by its group's bundle before its code is cached. */
const WARM_UP = [
  ['log', 'Called Acme about the renewal #q4', '-a', 'Acme', '--type', 'call', '--goal', 'new-arr', '--deal', 'acme-renewal', '--star'],
  ['log', 'Won the Acme renewal', '--type', 'win'],
  ['notes', '-n', '20'],
  ['notes', '-q', 'renewal'],
  ['goals'],
  ['status'],
  ['competencies'],
  ['ratings'],
  ['feedback'],
  ['dev'],
  ['deals'],
  ['summary'],
  ['checkin'],
  ['export'],
];

/** The whole program runs for help, completion and words that are no command. */
const WHOLE_PROGRAM_WARM_UP = [['--help'], ['__complete', '--', 'perf', 'goals', 'show', '']];

const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const bundlesDir = path.join(root, 'dist', 'bundles');
fs.rmSync(bundlesDir, { recursive: true, force: true });
fs.mkdirSync(bundlesDir, { recursive: true });

// The whole program (help, completion, a word that is no command), then one bundle per command
// group with only that group's commands (bin/perf.js picks it by the command's word, see
// dist/bundles/routes.json): `perf log` reads and deserializes the code of notes, not of every
// command (~3 ms less of each start, issue 12).
const groups = commandGroups();
const { COMMAND_NAMES } = await import('../dist/program.js');
if (Object.values(groups).flat().join() !== COMMAND_NAMES.join())
  throw new Error(`bundle: the commands read from src/program.ts (${Object.values(groups).flat()}) are not its COMMAND_NAMES`);
const bundles = [{ file: outfile, words: [] }];
await bundleCli(outfile);
for (const [group, words] of Object.entries(groups)) {
  const file = path.join(bundlesDir, `${group}.cjs`);
  await bundleCli(file, group);
  bundles.push({ file, words });
}
const routes = Object.fromEntries(Object.entries(groups).flatMap(([group, words]) => words.map((word) => [word, `${group}.cjs`])));
const { DEFAULT_COMMAND } = await import('../dist/cli.js');
fs.writeFileSync(path.join(bundlesDir, 'routes.json'), `${JSON.stringify({ default: DEFAULT_COMMAND, routes })}\n`);
try {
  await writeCodeCaches(bundles);
} catch (error) {
  // The caches only save time: a build whose warm-up fails (no writable temporary folder, say)
  // still works, each bundle compiled as usual at every start.
  for (const { file } of bundles) fs.rmSync(`${file}.cache`, { force: true });
  console.warn(`bundle: no code caches (${error.message}); perf will start a few ms slower`);
}

/**
 * Bundles src/cli.ts into `file`: the whole program, or with `group` only the commands of
 * src/commands/<group>/ reachable from the registry (program.ts); the others are empty modules,
 * which bin/perf.js never lets run (it picks this bundle only for the group's own words).
 */
async function bundleCli(file, group) {
  const result = await build({
    entryPoints: [path.join(root, 'src/cli.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [packagesOutsideButCommander(), commanderWithoutChildProcess(), ...(group ? [onlyGroup(group)] : [])],
    // program.ts reads package.json relative to its own URL; the bundle has the version built in.
    define: { 'import.meta.url': 'importMetaUrl', PERF_BUILT_VERSION: JSON.stringify(version) },
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
    write: false,
    sourcemap: true,
    logLevel: 'warning',
  });
  for (const output of result.outputFiles) {
    if (output.path !== file) fs.writeFileSync(output.path, output.text);
    else {
      const text = asciiOnly(dynamicImports(output.text), file);
      fs.writeFileSync(output.path, `${text}${BUILD_ID_LINE}${createHash('sha256').update(text).digest('hex')}\n`);
    }
  }
}

/**
 * The command groups and their words, from the registry in src/program.ts (`log: async () =>
 * (await import('./commands/notes/index.js')).logCommand`), checked against the words it exports.
 */
function commandGroups() {
  const source = fs.readFileSync(path.join(root, 'src/program.ts'), 'utf8');
  const groups = {};
  for (const [, word, group] of source.matchAll(/^\s+([\w-]+): async \(\) => \(await import\('\.\/commands\/([\w-]+)\/index\.js'\)\)/gm))
    groups[group] = [...(groups[group] ?? []), word];
  return groups;
}

/** With only `group`'s commands: program.ts's imports of the other groups become empty modules. */
function onlyGroup(group) {
  return {
    name: 'only-group',
    setup(build) {
      build.onResolve({ filter: /^\.\/commands\/[\w-]+\/index\.js$/ }, (args) =>
        args.importer.endsWith(`${path.sep}program.ts`) && args.path !== `./commands/${group}/index.js`
          ? { path: args.path, namespace: 'other-group' }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'other-group' }, () => ({ contents: 'export {};', loader: 'js' }));
    },
  };
}

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
function asciiOnly(text, file) {
  const found = /[^\x00-\x7f]/.exec(text);
  if (found) {
    const around = text.slice(Math.max(0, found.index - 60), found.index + 20);
    throw new Error(`bundle: ${path.relative(root, file)} must be ASCII; found ${JSON.stringify(found[0])} in …${around}…`);
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
function dynamicImports(text) {
  if (IMPORT_NAME.length !== 'import'.length) throw new Error('bundle: IMPORT_NAME must be as long as `import`');
  const replaced = text.replace(/\bimport\((?=")/g, `${IMPORT_NAME}(`);
  // Only the banner's own fallback (a bundle run without bin/perf.js) may call import() itself.
  const left = /\bimport\((?!specifier\))/.exec(replaced);
  if (left)
    throw new Error(`bundle: an import() the bundle cannot run from a code cache: …${replaced.slice(left.index - 40, left.index + 40)}…`);
  return replaced;
}

/**
 * Node 20 has no module compile cache (module.enableCompileCache is 22.1+), and compiling the
 * bundle's code was ~15 ms of every start. V8 can save what it compiled as a code cache, which
 * bin/perf.js hands back when it compiles a bundle: made here once, with the Node that will run
 * it. A cache made right after compiling holds little more than the top level (V8 compiles a
 * function when first called), so each bundle first runs its everyday commands on a scratch
 * journal (warmUp), and its cache holds what they compiled: `perf notes -n 20` 49 → 45 ms, a year's
 * summary ~8 ms less. A different Node rejects the cache and the bundle compiles as usual. A cache
 * starts with its bundle's build id (the bundle's hash, also its last line), so a rebuilt bundle
 * never runs with an old cache.
 */
async function writeCodeCaches(bundles) {
  await inScratchFolder(async (io) => {
    // The journal is made and filled by another copy of the program, so that making it (the
    // migrations) is not in any cache: under another name, since V8 shares what it compiled
    // between scripts of the same source and name in one process (the whole program's cache was
    // 720 KB with the maker's code in it, 455 KB without).
    const maker = runBundle(path.join(root, 'dist', 'journal-maker.cjs'), fs.readFileSync(outfile, 'latin1'));
    for (const argv of JOURNAL) await run(maker, argv, io);
    for (const { file, words } of bundles) {
      const source = fs.readFileSync(file, 'latin1');
      const id = buildIdOf(source);
      if (id === undefined) throw new Error(`bundle: ${file} has no build id line`);
      const bundle = runBundle(file, source);
      const commands = words.length === 0 ? WHOLE_PROGRAM_WARM_UP : WARM_UP.filter(([word]) => words.includes(word));
      for (const argv of commands) await run(bundle, argv, io);
      fs.writeFileSync(`${file}.cache`, Buffer.concat([Buffer.from(`${id}\n`), bundle.script.createCachedData()]));
    }
  });
}

async function run(bundle, argv, io) {
  let said = '';
  const stderr = {
    isTTY: false,
    write: (text) => {
      said += text;
      return true;
    },
  };
  const code = await bundle.exports.main(argv, { io: { ...io, stderr } });
  if (code !== 0) throw new Error(`bundle: the warm-up's \`perf ${argv.join(' ')}\` exited ${code}: ${said.trim()}`);
}

/**
 * Runs `work` with every path the program could use pointing into a scratch folder (removed after)
 * and output that goes nowhere: the build never reaches the real home.
 */
async function inScratchFolder(work) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-build-'));
  const saved = { ...process.env };
  const env = {
    PERF_DB: path.join(folder, 'journal.db'),
    PERF_CONFIG_DIR: path.join(folder, 'config'),
    HOME: folder,
    XDG_DATA_HOME: path.join(folder, 'data'),
    XDG_CONFIG_HOME: path.join(folder, 'config'),
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
  const stdin = { isTTY: true, async *[Symbol.asyncIterator]() {} };
  try {
    await work({ stdout: nowhere, stderr: nowhere, stdin, env });
  } finally {
    for (const key of Object.keys(env)) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
