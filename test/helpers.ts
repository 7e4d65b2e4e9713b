import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { main } from '../src/cli.js';
import type { Prompter } from '../src/terminal/prompts.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'perf.js');

/** A fresh folder under the system temp dir; tests never touch the real home. */
export function tempDir(prefix = 'perf-test-'): string {
  // Under the run's own folder (test/global-setup.ts), which is removed when the run ends.
  return fs.mkdtempSync(path.join(process.env.PERF_TEST_TMP ?? os.tmpdir(), prefix));
}

/** A path for a journal that does not exist yet. */
export function tempDbPath(): string {
  return path.join(tempDir(), 'journal.db');
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  db?: string;
  /** Text on stdin (stdin is then not a terminal). */
  input?: string;
  /** Pretend stdin and stdout are a terminal (for prompts). */
  tty?: boolean;
  now?: string;
  env?: Record<string, string | undefined>;
  prompter?: Prompter;
  columns?: number;
}

/** The fixed "now" of the tests: Thursday 26 November 2026, mid-afternoon, local time. */
export const NOW = '2026-11-26T15:00:00';

/** Runs the program in-process, as `main(argv)` with captured streams and a fixed clock. */
export async function run(args: string[], options: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const input = options.input ?? '';
  const stdin = {
    isTTY: options.tty === true,
    async *[Symbol.asyncIterator]() {
      if (input) yield input;
    },
  };
  const env: Record<string, string | undefined> = { NO_COLOR: '1', ...(options.db ? { PERF_DB: options.db } : {}), ...options.env };
  const code = await main(args, {
    io: {
      stdout: { write: (s: string) => (stdout += s), isTTY: options.tty === true, columns: options.columns ?? 80 },
      stderr: { write: (s: string) => (stderr += s) },
      stdin,
      env,
    },
    now: () => new Date(options.now ?? NOW),
    prompter: options.prompter,
  });
  return { code, stdout, stderr };
}

/** Runs the built binary as a user would, with PERF_DB pointing at `db`. */
export function spawnPerf(
  args: string[],
  options: { db?: string; input?: string; env?: Record<string, string | undefined> } = {},
): RunResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', PERF_NOW: NOW, ...options.env };
  delete env.FORCE_COLOR;
  if (options.db) env.PERF_DB = options.db;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input ?? '',
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The whole journal as text, for asserting that a failed command wrote nothing: every table
 * (sqlite_sequence and the search index's shadow tables included), the schema, user_version and
 * application_id (`undoLog: false` leaves the undo log's rows out). Read from a copy in memory when no -wal is pending, so that looking leaves no
 * -wal or -shm file behind.
 */
export function dumpDb(file: string, options: { undoLog?: boolean } = {}): string | null {
  if (!fs.existsSync(file)) return null;
  const db = openForReading(file);
  try {
    const schema = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all() as {
      type: string;
      name: string;
      sql: string | null;
    }[];
    const dump: Record<string, unknown[]> = {};
    // Virtual tables are left out: their rows are in their shadow tables (or, for the external
    // content index, in notes), which are ordinary tables and dumped as such.
    for (const { name } of schema.filter((s) => s.type === 'table' && !/^CREATE VIRTUAL/i.test(s.sql ?? ''))) {
      // Two journals with the same records have different undo logs (it is not exported).
      if (options.undoLog === false && UNDO_LOG_TABLES.includes(name)) continue;
      dump[name] = db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}" ORDER BY 1`).all();
    }
    return JSON.stringify({
      version: db.pragma('user_version', { simple: true }),
      applicationId: db.pragma('application_id', { simple: true }),
      schema,
      dump,
    });
  } finally {
    db.close();
  }
}

/** The tables of the undo log (perf undo, perf history). */
export const UNDO_LOG_TABLES = ['changes', 'change_steps', 'undo_state'];

function openForReading(file: string): Database.Database {
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) return new Database(file, { readonly: true, fileMustExist: true });
  const bytes = fs.readFileSync(file);
  // SQLite will not open a WAL-mode image from memory; the copy is marked as a rollback journal.
  if (bytes.length >= 20) bytes[18] = bytes[19] = 1;
  return new Database(bytes);
}

/**
 * The files in the journal's folder, its -wal and -shm aside (SQLite makes and removes those as it
 * reads), or null when the folder does not exist: a refused command must not add a backup, a
 * temporary file or a new journal beside it.
 */
export function filesBeside(file: string): string[] | null {
  const folder = path.dirname(file);
  if (!fs.existsSync(folder)) return null;
  const base = path.basename(file);
  return fs
    .readdirSync(folder)
    .filter((name) => name !== `${base}-wal` && name !== `${base}-shm`)
    .sort();
}

/** The one line the first write into a missing journal prints on stderr. */
export function createdLine(db: string): string {
  return `Created a new journal at ${db}\n`;
}

/** stderr less that line, for set-up steps that may or may not be the journal's first write. */
export function stderrAfterCreating(stderr: string, db: string): string {
  return stderr.startsWith(createdLine(db)) ? stderr.slice(createdLine(db).length) : stderr;
}

export function fileHash(file: string): string | null {
  if (!fs.existsSync(file)) return null;
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * Runs a command that must be refused: exit `code`, exactly one line on stderr matching
 * `message`, nothing on stdout, and the journal exactly as it was.
 */
export async function expectRefused(
  args: string[],
  db: string,
  message: RegExp,
  options: Omit<RunOptions, 'db'> & { code?: number } = {},
): Promise<RunResult> {
  const before = dumpDb(db);
  const beside = filesBeside(db);
  const result = await run(args, { ...options, db });
  const { expect } = await import('vitest');
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr.startsWith('perf: ')).toBe(true);
  expect(result.code).toBe(options.code ?? 2);
  expect(result.stdout).toBe('');
  expect(dumpDb(db)).toEqual(before);
  expect(filesBeside(db)).toEqual(beside);
  return result;
}
