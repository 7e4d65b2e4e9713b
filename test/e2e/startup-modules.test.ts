import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, NOW, ROOT, stderrAfterCreating, tempDir } from '../helpers.js';

/**
 * `perf log` runs after every call, so its start-up is budgeted: the heavy modules load only on the
 * paths that use them. This runs the real binary with a hook that logs every module it loads.
 */
function modulesLoaded(args: string[], db: string): string[] {
  const log = path.join(tempDir(), 'loaded.txt');
  const result = spawnSync(process.execPath, ['--import', path.join(ROOT, 'test/harness/module-log/register.mjs'), BIN, ...args], {
    env: { ...process.env, PERF_DB: db, PERF_NOW: NOW, NO_COLOR: '1', LOADED_LOG: log },
    encoding: 'utf8',
  });
  expect(stderrAfterCreating(result.stderr, db)).toBe('');
  expect(result.status).toBe(0);
  return [...new Set(fs.readFileSync(log, 'utf8').trim().split('\n'))].map((url) => url.replace(`file://${ROOT}/`, ''));
}

describe('perf log loads only what a note needs', () => {
  it('no date parser, prompts, tables, colours, exporters, goal or backup services on a plain note', () => {
    const db = path.join(tempDir(), 'journal.db');
    // The journal exists and today's automatic backup is made: the everyday case.
    modulesLoaded(['log', 'First'], db);
    modulesLoaded(['log', 'Second'], db);
    const loaded = modulesLoaded(['log', 'Called Acme about the renewal', '-a', 'Acme', '--type', 'call', '-t', 'q4'], db);
    expect(loaded).toContain('dist/commands/notes/log.js');
    const heavy = [/chrono-node/, /@inquirer/, /cli-table3/, /chalk/, /env-paths/, /dist\/exporters\//, /dist\/domain\/dates\.js/];
    const elsewhere = [/dist\/services\/(goals|backups|import)/, /dist\/commands\/(goals|reports|transfer|backup)\//, /stream-json/];
    for (const pattern of [...heavy, ...elsewhere])
      expect(
        loaded.filter((url) => pattern.test(url)),
        String(pattern),
      ).toEqual([]);
  });

  it('a note with a colon that is no date loads no date parser; one that starts "yesterday:" does', () => {
    const db = path.join(tempDir(), 'journal.db');
    modulesLoaded(['log', 'First'], db);
    const plain = modulesLoaded(['log', 'Note: Acme wants a discount'], db);
    expect(plain.filter((url) => /chrono-node|dist\/domain\/dates\.js/.test(url))).toEqual([]);
    const dated = modulesLoaded(['log', 'yesterday: Called Acme'], db);
    expect(dated.some((url) => /chrono-node/.test(url))).toBe(true);
  });

  it('the date parser loads when a date is typed in words', () => {
    const db = path.join(tempDir(), 'journal.db');
    const loaded = modulesLoaded(['log', 'Demo for Initech', '-d', 'last friday'], db);
    expect(loaded.some((url) => /chrono-node/.test(url))).toBe(true);
  });
});
