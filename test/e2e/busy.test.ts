import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/db.js';
import { createScriptedPrompter } from '../../src/terminal/prompts.js';
import { dumpDb, run, tempDbPath } from '../helpers.js';
import { startPerf } from '../harness/as-user.js';

/** A journal with one note, and a second connection (another process, as far as SQLite knows) holding its write lock. */
async function lockedJournal(): Promise<{ db: string; release: () => void }> {
  const db = tempDbPath();
  expect((await run(['log', 'First note'], { db })).code).toBe(0);
  const holder = new Database(db);
  holder.exec('BEGIN IMMEDIATE');
  return {
    db,
    release: () => {
      holder.exec('ROLLBACK');
      holder.close();
    },
  };
}

const SHORT = { PERF_BUSY_TIMEOUT_MS: '200' };
const BUSY = /^perf: the journal .* is busy: another perf command \(or program\) is writing to it; /;

/** The file named in the error line as holding what was typed. */
function savedFile(stderr: string): string {
  const match = /what you typed was saved to (\S+); log it with: perf log < \1\n$/.exec(stderr);
  expect(match).not.toBeNull();
  return match?.[1] ?? '';
}

describe('a journal another process is writing to (defect 9)', () => {
  it('a write waits 30 s by default', () => {
    const db = openDatabase(tempDbPath(), { create: true });
    expect(db.pragma('busy_timeout', { simple: true })).toBe(30_000);
    db.close();
  });

  it('perf log with its text in the arguments says what holds the journal, in one line, and writes nothing', async () => {
    const { db, release } = await lockedJournal();
    try {
      const result = await run(['log', 'Called Acme'], { db, env: SHORT });
      expect(result.stderr).toMatch(BUSY);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.code).toBe(1);
    } finally {
      release();
    }
    expect(JSON.parse(dumpDb(db) ?? '{}').dump.notes).toHaveLength(1);
  });

  it('text read from stdin is kept in a file named in the error line, and can be logged from it', async () => {
    const { db, release } = await lockedJournal();
    const typed = 'Long call with Acme\nThey want the renewal by Friday';
    let stderr: string;
    try {
      const result = await run(['log'], { db, env: SHORT, input: typed });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(BUSY);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      stderr = result.stderr;
    } finally {
      release();
    }
    const saved = savedFile(stderr);
    expect(fs.readFileSync(saved, 'utf8')).toBe(`${typed}\n`);
    expect(fs.statSync(saved).mode & 0o777).toBe(0o600);
    const again = await run(['log', '--json'], { db, input: fs.readFileSync(saved, 'utf8') });
    expect(JSON.parse(again.stdout).text).toBe(typed);
  });

  it('text typed at the prompt is kept too', async () => {
    const { db, release } = await lockedJournal();
    let stderr: string;
    try {
      const prompter = createScriptedPrompter(['Demo for Initech went well', 'today', 'demo', '', '', '', false]);
      const result = await run(['log'], { db, env: SHORT, tty: true, prompter });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(BUSY);
      stderr = result.stderr;
    } finally {
      release();
    }
    expect(fs.readFileSync(savedFile(stderr), 'utf8')).toBe('Demo for Initech went well\n');
  });

  it('a write waits for the other writer to finish', async () => {
    const { db, release } = await lockedJournal();
    const child = startPerf(['log', 'Called Globex'], { db, env: { PERF_BUSY_TIMEOUT_MS: '10000' } });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    setTimeout(release, 700);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(dumpDb(db) ?? '{}').dump.notes).toHaveLength(2);
  });
});
