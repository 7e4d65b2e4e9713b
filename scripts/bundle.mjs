// Bundles the CLI into one CommonJS file (dist/perf.cjs), which bin/perf.js runs: Node's loader
// resolving and reading ~40 ES modules was most of `perf log`'s time (issue 12). Modules the code
// imports lazily stay lazy inside the bundle (esbuild wraps each in an init function that runs on
// first import). Packages stay outside it: better-sqlite3 is native, and the heavy ones (date
// parser, prompts, tables, JSON streaming) must only be read by the commands that use them.
// Run by `npm run build` after tsc, so `npm install` (prepare) builds it from a fresh clone.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [path.join(root, 'src/cli.ts')],
  outfile: path.join(root, 'dist/perf.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Packages stay outside, read by Node when a command needs them, except commander, which every
  // command needs: inside, Node resolves and reads one file instead of its eight.
  plugins: [
    {
      name: 'packages-outside-but-commander',
      setup(build) {
        build.onResolve({ filter: /^[^./]/ }, (args) =>
          /^(commander|@commander-js\/extra-typings)(\/|$)/.test(args.path) ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
  // program.ts reads package.json relative to its own URL; dist/perf.cjs sits where dist/program.js did.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  sourcemap: true,
  logLevel: 'warning',
});
