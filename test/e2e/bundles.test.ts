import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/program.js';
import { BIN, NOW, ROOT, tempDir, tempDbPath } from '../helpers.js';

/**
 * Each command group has a bundle of its own (dist/bundles/<group>.cjs, scripts/bundle.mjs) with
 * only its commands, which bin/perf.js runs for the group's words; the whole program
 * (dist/perf.cjs) runs the rest. A group's bundle must behave as the whole program would.
 */
const bundles = path.join(ROOT, 'dist', 'bundles');
const routes = JSON.parse(fs.readFileSync(path.join(bundles, 'routes.json'), 'utf8')) as {
  default: string;
  routes: Record<string, string>;
};

type Main = (argv: string[], deps: unknown) => Promise<number>;
const load = createRequire(import.meta.url);

/** Runs `main` of a bundle in this process, with output captured and the journal in a temp folder. */
async function runIn(file: string, argv: string[], db: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const { main } = load(file) as { main: Main };
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: {
      isTTY: false,
      write: (chunk: string) => {
        stdout += chunk;
        return true;
      },
    },
    stderr: {
      isTTY: false,
      write: (chunk: string) => {
        stderr += chunk;
        return true;
      },
    },
    stdin: { isTTY: true, async *[Symbol.asyncIterator]() {} },
    env: { PERF_DB: db, PERF_NOW: NOW, NO_COLOR: '1', PERF_CONFIG_DIR: path.join(path.dirname(db), 'config') },
  };
  const code = await main(argv, { io, now: () => new Date(NOW) });
  return { code, stdout, stderr };
}

/** Which of our bundles a real run of bin/perf.js compiled (V8 coverage lists the scripts). */
function bundleRun(args: string[], db: string, status = 0): string[] {
  const coverage = path.join(tempDir(), 'coverage');
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, PERF_DB: db, PERF_NOW: NOW, NO_COLOR: '1', NODE_V8_COVERAGE: coverage },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(status);
  const urls = fs
    .readdirSync(coverage)
    .flatMap((file) => (JSON.parse(fs.readFileSync(path.join(coverage, file), 'utf8')) as { result: { url: string }[] }).result)
    .map((script) => script.url.replace(`file://${ROOT}/`, ''));
  return urls.filter((url) => /^dist\/.*\.cjs$/.test(url));
}

describe('the bundles of the command groups', () => {
  it('cover every command, each word routed to the bundle of its group', () => {
    expect(Object.keys(routes.routes)).toEqual(COMMAND_NAMES);
    expect(routes.default).toBe('status');
    for (const file of new Set(Object.values(routes.routes))) expect(fs.existsSync(path.join(bundles, file)), file).toBe(true);
  });

  it('each prints the same help for its commands as the whole program', async () => {
    const db = tempDbPath();
    for (const [word, file] of Object.entries(routes.routes)) {
      const own = await runIn(path.join(bundles, file), [word, '--help'], db);
      const whole = await runIn(path.join(ROOT, 'dist', 'perf.cjs'), [word, '--help'], db);
      expect(own.code, word).toBe(0);
      expect(own, word).toEqual(whole);
    }
    expect(fs.existsSync(db)).toBe(false);
  });

  it('each refuses a bad option as the whole program does, and writes nothing', async () => {
    const db = tempDbPath();
    for (const [word, file] of Object.entries(routes.routes)) {
      const own = await runIn(path.join(bundles, file), [word, '--no-such-option'], db);
      const whole = await runIn(path.join(ROOT, 'dist', 'perf.cjs'), [word, '--no-such-option'], db);
      expect(own.code, word).toBe(2);
      expect(own, word).toEqual(whole);
    }
    expect(fs.existsSync(db)).toBe(false);
  });

  it('bin/perf.js runs the group of the word (after global options), the default command alone, the whole program otherwise', () => {
    const db = tempDbPath();
    expect(bundleRun(['log', 'Called Acme'], db)).toEqual(['dist/bundles/notes.cjs']);
    expect(bundleRun(['--db', db, 'goals'], db)).toEqual(['dist/bundles/goals.cjs']);
    expect(bundleRun(['--no-color', 'summary'], db)).toEqual(['dist/bundles/reports.cjs']);
    expect(bundleRun([], db)).toEqual(['dist/bundles/reports.cjs']);
    expect(bundleRun(['--help'], db)).toEqual(['dist/perf.cjs']);
    expect(bundleRun(['help', 'log'], db)).toEqual(['dist/perf.cjs']);
    expect(bundleRun(['__complete', '--', 'perf', 'go'], db)).toEqual(['dist/perf.cjs']);
    expect(bundleRun([`--db=${db}`, 'notes'], db)).toEqual(['dist/bundles/notes.cjs']);
    // An option before the word, `--` or a word that is no command: the whole program parses it.
    expect(bundleRun(['--', 'notes'], db)).toEqual(['dist/perf.cjs']);
    expect(bundleRun(['lgo', 'Called Acme'], db, 2)).toEqual(['dist/perf.cjs']);
  });
});
