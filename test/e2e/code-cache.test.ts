import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOW, ROOT, createdLine, tempDir } from '../helpers.js';

/**
 * On Node 20 bin/perf.js compiles the bundle with V8's code cache that the build wrote beside it
 * (dist/perf.cjs.cache, scripts/bundle.mjs). The cache only saves time: a cache that is missing,
 * made for another bundle or unreadable to V8 leaves the program working as before.
 */

/** A copy of what users install (bin/, dist/perf.cjs and its cache, package.json) using our node_modules. */
function installedCopy(): string {
  const dir = tempDir('perf-install-');
  fs.cpSync(path.join(ROOT, 'bin'), path.join(dir, 'bin'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'dist', 'bundles'), { recursive: true });
  const bundles = fs.readdirSync(path.join(ROOT, 'dist', 'bundles')).filter((file) => !file.endsWith('.map'));
  for (const file of ['perf.cjs', 'perf.cjs.cache', ...bundles.map((name) => `bundles/${name}`)])
    fs.copyFileSync(path.join(ROOT, 'dist', file), path.join(dir, 'dist', file));
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

/**
 * `perf log` and `perf notes` with no PERF_DB: the default journal's place comes from env-paths, an
 * ES module the bundle imports (through bin/perf.js), and the notes read back what was logged.
 */
function logAndList(install: string): void {
  const home = tempDir('perf-home-');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_DATA_HOME: path.join(home, 'data'),
    PERF_CONFIG_DIR: path.join(home, 'config'),
  };
  for (const name of ['PERF_DB', 'FORCE_COLOR', 'NODE_OPTIONS']) delete env[name];
  Object.assign(env, { PERF_NOW: NOW, NO_COLOR: '1' });
  const perf = (args: string[]) => spawnSync(process.execPath, [path.join(install, 'bin', 'perf.js'), ...args], { env, encoding: 'utf8' });
  const db = path.join(home, 'data', 'perf-journal', 'journal.db');
  expect(perf(['log', 'Called Acme'])).toMatchObject({ status: 0, stdout: 'Logged · #1 · Thu 26 Nov 2026\n', stderr: createdLine(db) });
  expect(perf(['notes'])).toMatchObject({ status: 0, stdout: 'Thu 26 Nov\n  #1\n    Called Acme\n', stderr: '' });
}

/** Every code cache of an installed copy. */
function cachesOf(install: string): string[] {
  return bundleFiles().map((name) => path.join(install, 'dist', `${name}.cache`));
}

/** The whole program's bundle and each command group's (dist/bundles/). */
function bundleFiles(): string[] {
  const groups = fs.readdirSync(path.join(ROOT, 'dist', 'bundles')).filter((file) => file.endsWith('.cjs'));
  return ['perf.cjs', ...groups.map((file) => `bundles/${file}`)];
}

describe('the code cache of the bundle', () => {
  it.each(bundleFiles())('is written by the build and accepted by the Node that built it: %s', (name) => {
    const check = [
      `const loader = require(${JSON.stringify(path.join(ROOT, 'bin', 'perf.js'))});`,
      `const file = ${JSON.stringify(path.join(ROOT, 'dist', name))};`,
      "const cache = require('node:fs').readFileSync(file + '.cache');",
      "const source = require('node:fs').readFileSync(file, 'latin1');",
      'const data = cache.subarray(cache.indexOf(10) + 1);',
      'process.stdout.write(String(loader.runBundle(file, source, data).script.cachedDataRejected));',
    ].join('\n');
    const result = spawnSync(process.execPath, ['-e', check], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('false');
  });

  it('lets the program import its ES module packages', () => {
    logAndList(ROOT);
  });

  it('is not needed: without it the bundle compiles as usual', () => {
    const install = installedCopy();
    for (const file of cachesOf(install)) fs.rmSync(file);
    logAndList(install);
  });

  it('is ignored when V8 rejects it (another Node, or damaged)', () => {
    const install = installedCopy();
    for (const file of cachesOf(install)) {
      const cache = fs.readFileSync(file);
      const header = cache.indexOf(10) + 1;
      fs.writeFileSync(file, Buffer.concat([cache.subarray(0, header), Buffer.alloc(cache.length - header, 0x5a)]));
    }
    logAndList(install);
  });

  it('is ignored when it was made for another bundle', () => {
    const install = installedCopy();
    for (const file of cachesOf(install)) {
      const cache = fs.readFileSync(file);
      fs.writeFileSync(file, Buffer.concat([Buffer.from(`${'0'.repeat(64)}\n`), cache.subarray(cache.indexOf(10) + 1)]));
    }
    logAndList(install);
  });

  it("a build without the groups' bundles runs the whole program", () => {
    const install = installedCopy();
    fs.rmSync(path.join(install, 'dist', 'bundles'), { recursive: true });
    logAndList(install);
  });

  it("a build without one group's bundle (or with a broken routes.json) runs the whole program for it", () => {
    const install = installedCopy();
    fs.rmSync(path.join(install, 'dist', 'bundles', 'notes.cjs'));
    logAndList(install);
    fs.writeFileSync(path.join(install, 'dist', 'bundles', 'routes.json'), '{"default": "status"}\n');
    logAndList(install);
  });
});
