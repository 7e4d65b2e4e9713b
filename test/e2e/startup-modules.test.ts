import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, NOW, ROOT, stderrAfterCreating, tempDir } from '../helpers.js';

interface Coverage {
  result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
}

/**
 * `perf log` runs after every call, so its start-up is budgeted: the heavy modules load only on the
 * paths that use them. This runs the real binary (bin/perf.js and its bundle, dist/perf.cjs) with
 * V8 coverage on, and returns what it paid for: every file Node read (packages are outside the
 * bundle), and every module of ours whose code ran. Inside the bundle each lazily imported module
 * is an init function named after its source file (esbuild's `__esm({ "src/…"() {…} })`), which
 * runs on the module's first import: a module whose init never ran was never evaluated.
 */
function modulesLoaded(args: string[], db: string, expectStderr = ''): string[] {
  const coverage = path.join(tempDir(), 'coverage');
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, PERF_DB: db, PERF_NOW: NOW, NO_COLOR: '1', NODE_V8_COVERAGE: coverage },
    encoding: 'utf8',
  });
  expect(stderrAfterCreating(result.stderr, db)).toBe(expectStderr);
  expect(result.status).toBe(0);
  const loaded = new Set<string>();
  for (const file of fs.readdirSync(coverage)) {
    const { result: scripts } = JSON.parse(fs.readFileSync(path.join(coverage, file), 'utf8')) as Coverage;
    for (const script of scripts) {
      if (!script.url.startsWith('file://')) continue;
      loaded.add(script.url.replace(`file://${ROOT}/`, ''));
      for (const fn of script.functions)
        if (fn.functionName.startsWith('src/') && (fn.ranges[0]?.count ?? 0) > 0) loaded.add(fn.functionName);
    }
  }
  return [...loaded];
}

const heavy = [/chrono-node/, /@inquirer/, /cli-table3/, /chalk/, /env-paths/, /^src\/exporters\//, /^src\/domain\/dates\.ts/];
const elsewhere = [/^src\/services\/(goals|backups|import)/, /^src\/commands\/(goals|reports|transfer|backup)\//, /stream-json/];

function expectNone(loaded: string[], patterns: RegExp[]): void {
  for (const pattern of patterns)
    expect(
      loaded.filter((url) => pattern.test(url)),
      String(pattern),
    ).toEqual([]);
}

/**
 * The packages `require`d (the width libraries are ES modules loaded by require, which the
 * resolution hook does not see): Node's own module debug log names each one.
 */
function packagesRequired(args: string[], db: string): string[] {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, PERF_DB: db, PERF_NOW: NOW, NO_COLOR: '1', NODE_DEBUG: 'module' },
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
  return [...result.stderr.matchAll(/Module\._load REQUEST (\S+)/g)].map((m) => m[1] ?? '');
}

describe('perf log loads only what a note needs', () => {
  it('no date parser, prompts, tables, colours, exporters, goal or backup services on a plain note', () => {
    const db = path.join(tempDir(), 'journal.db');
    // The journal exists and today's automatic backup is made: the everyday case.
    modulesLoaded(['log', 'First'], db);
    modulesLoaded(['log', 'Second'], db);
    const loaded = modulesLoaded(['log', 'Called Acme about the renewal', '-a', 'Acme', '--type', 'call', '-t', 'q4'], db);
    // What users run: the bundle of the notes commands, not the compiled modules beside it.
    expect(loaded).toContain('dist/bundles/notes.cjs');
    expect(loaded).toContain('src/commands/notes/log.ts');
    expect(loaded.filter((url) => /^dist\/(?!bundles\/notes\.cjs)/.test(url))).toEqual([]);
    expectNone(loaded, [...heavy, ...elsewhere]);
  });

  it('no date parser for a text that starts with a word that is not a date', () => {
    const db = path.join(tempDir(), 'journal.db');
    modulesLoaded(['log', 'First'], db);
    expectNone(modulesLoaded(['log', 'Acme: renewal signed for 2027'], db), [/chrono-node/, /^src\/domain\/dates\.ts/]);
  });

  it('the width libraries load only when the note has text beyond what is one column a character', () => {
    const db = path.join(tempDir(), 'journal.db');
    expect(packagesRequired(['log', 'Called Acme · Zürich — “renewal” → Q4', '-a', 'Acme'], db)).not.toContain('string-width');
    expect(packagesRequired(['log', '株式会社アクメに電話した', '-a', '株式会社アクメ'], db)).toContain('string-width');
  });

  it('a note with a colon that is no date loads no date parser; one that starts "yesterday:" does', () => {
    const db = path.join(tempDir(), 'journal.db');
    modulesLoaded(['log', 'First'], db);
    const plain = modulesLoaded(['log', 'Note: Acme wants a discount'], db);
    expect(plain.filter((url) => /chrono-node|dist\/domain\/dates\.js/.test(url))).toEqual([]);
    const dated = modulesLoaded(['log', 'yesterday: Called Acme'], db);
    expect(dated.some((url) => /chrono-node/.test(url))).toBe(true);
  });

  it('a listing of notes in ASCII with the symbols of the views (◆ competency) loads no width library', () => {
    const db = path.join(tempDir(), 'journal.db');
    modulesLoaded(['log', 'Discovery call with Acme', '-a', 'Acme', '-c', 'discovery'], db);
    expect(packagesRequired(['notes'], db)).not.toContain('string-width');
  });

  it('a summary of ISO days whose tables fit loads neither the date parser, the table library nor crypto', () => {
    const db = path.join(tempDir(), 'journal.db');
    modulesLoaded(['log', 'Discovery call with Acme ± 2 seats', '-a', 'Acme', '--type', 'call'], db);
    modulesLoaded(['goals', 'add', 'New ARR', '--target', '100000', '--due', '2026-12-31'], db);
    const required = packagesRequired(['summary', '--from', '2026-01-01', '--to', '2026-12-31'], db);
    expect(required.filter((name) => /chrono-node|cli-table3|node:crypto/.test(name))).toEqual([]);
    expect(packagesRequired(['summary', '--from', 'last month'], db)).toContain('chrono-node/en');
  });

  it('the date parser loads when a date is typed in words', () => {
    const db = path.join(tempDir(), 'journal.db');
    const loaded = modulesLoaded(['log', 'Demo for Initech', '-d', 'last friday'], db);
    expect(loaded.some((url) => /chrono-node/.test(url))).toBe(true);
    expect(loaded).toContain('src/domain/dates.ts');
  });

  it('perf --version reads neither the program nor the journal', () => {
    const db = path.join(tempDir(), 'journal.db');
    const loaded = modulesLoaded(['--version'], db);
    expect(loaded).toEqual(['bin/perf.js']);
    expect(fs.existsSync(db)).toBe(false);
  });
});
