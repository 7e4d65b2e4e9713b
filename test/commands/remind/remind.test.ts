import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { remindLine, type RemindFacts } from '../../../src/domain/remind.js';
import { isBareRemind, remindMain } from '../../../src/remind-main.js';
import { MIGRATIONS } from '../../../src/storage/migrations.js';
import { BIN, NOW, run, spawnPerf, tempDbPath, tempDir } from '../../helpers.js';
import { journalFixture } from '../../harness/journals.js';

// Thursday 26 November 2026, the tests' NOW.
async function remind(db: string, now = '2026-11-26T15:00:00'): Promise<string> {
  let out = '';
  const code = await remindMain(['--db', db, 'remind'], { write: (text) => (out += text), env: { PERF_NOW: now } });
  expect(code).toBe(0);
  // The same through the command parser.
  const parsed = await run(['remind'], { db, now });
  expect(parsed).toEqual({ code: 0, stdout: out, stderr: '' });
  return out;
}

const seed = journalFixture(async (db) => {
  await run(['log', 'Called Acme', '--type', 'call', '-d', 'yesterday'], { db });
  await run(['goals', 'add', 'November demos', '--target', '10', '--start', '2026-11-01', '--due', '2026-11-30'], { db });
  await run(['goals', 'add', 'October demos', '--target', '5', '--start', '2026-10-01', '--due', '2026-10-31'], { db });
});

describe('perf remind', () => {
  it('prints one short line of what needs attention, most pressing first', async () => {
    const db = await seed();
    expect(await remind(db)).toBe(
      'perf: november-demos is behind, due in 4 days · october-demos has ended: close or roll it · nothing logged today\n',
    );
  });

  it('says the same through the program users run (bin/perf.js and its own bundle)', async () => {
    const db = await seed();
    const result = spawnPerf(['remind'], { db });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(await remind(db, NOW));
  });

  it('prints nothing when nothing needs attention', async () => {
    const db = await seed();
    await run(['goals', 'done', 'october-demos'], { db });
    await run(['goals', 'update', 'november-demos', '10'], { db });
    await run(['log', 'Demo for Beta', '--type', 'demo'], { db });
    expect(await remind(db)).toBe('');
  });

  it('names a one-to-one today or tomorrow', async () => {
    const db = await seed();
    await run(['goals', 'done', 'october-demos'], { db });
    await run(['goals', 'update', 'november-demos', '10'], { db });
    await run(['checkin', '--next', 'tomorrow'], { db });
    expect(await remind(db, '2026-11-28T09:00:00')).toBe('');
    expect(await remind(db)).toBe('perf: one-to-one tomorrow (perf checkin) · nothing logged today\n');
  });

  it('never creates a journal and says nothing when it is missing, unreadable or locked', async () => {
    const missing = tempDbPath();
    expect(await remind(missing)).toBe('');
    expect(fs.existsSync(missing)).toBe(false);
    const garbage = path.join(tempDir(), 'journal.db');
    fs.writeFileSync(garbage, 'not a database at all, but long enough to look like one '.repeat(200));
    expect(await remind(garbage)).toBe('');
    // A journal held under an exclusive lock by another process: no wait, no line.
    const db = await seed();
    const holder = new Database(db);
    holder.pragma('journal_mode = DELETE');
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const started = Date.now();
      const result = spawnSync(process.execPath, [BIN, '--db', db, 'remind'], {
        encoding: 'utf8',
        env: { ...process.env, PERF_NOW: '2026-11-26T15:00:00' },
      });
      expect(result).toMatchObject({ status: 0, stdout: '', stderr: '' });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('reads a journal not yet upgraded to the goals that count themselves (schema 8) as it is', async () => {
    const file = path.join(tempDir(), 'journal.db');
    const db = new Database(file);
    for (const migration of MIGRATIONS.slice(0, 8)) db.exec(migration.sql);
    db.pragma('user_version = 8');
    db.prepare(
      `INSERT INTO goals (slug, title, target, start_date, due_date, created_at, updated_at)
       VALUES ('november-demos', 'November demos', 10, '2026-11-01', '2026-11-30', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z'),
              ('october-demos', 'October demos', 5, '2026-10-01', '2026-10-31', '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z')`,
    ).run();
    // 9 of 10 by the 26th: on track, by its check-in (there is no rule to count anything).
    db.prepare(
      `INSERT INTO goal_checkins (goal_id, date, kind, amount, created_at) VALUES (1, '2026-11-25', 'set', 9, '2026-11-25T00:00:00Z')`,
    ).run();
    db.close();
    let out = '';
    await remindMain(['--db', file, 'remind'], { write: (text) => (out += text), env: { PERF_NOW: '2026-11-26T15:00:00' } });
    expect(out).toBe('perf: october-demos has ended: close or roll it\n');
  });

  it('runs bare `perf remind` without the command parser; anything else goes through it', () => {
    expect(isBareRemind(['remind'])).toBe(true);
    expect(isBareRemind(['--db', 'x.db', 'remind'])).toBe(true);
    expect(isBareRemind(['remind', '--db=x.db', '--no-color'])).toBe(true);
    expect(isBareRemind(['remind', '--help'])).toBe(false);
    expect(isBareRemind(['log', 'remind'])).toBe(false);
  });
});

describe('remindLine', () => {
  const quiet: RemindFacts = {
    today: '2026-11-26',
    behindDueSoon: [],
    ended: [],
    developmentDue: 0,
    nextOneToOne: null,
    loggedToday: true,
    hasNotes: true,
  };
  it.each<[Partial<RemindFacts>, string | null]>([
    [{}, null],
    [{ loggedToday: false }, 'perf: nothing logged today'],
    [{ loggedToday: false, today: '2026-11-28' }, null],
    [{ loggedToday: false, hasNotes: false }, null],
    [
      {
        behindDueSoon: [
          { slug: 'q4-arr', due: '2026-11-27' },
          { slug: 'demos', due: '2026-11-30' },
        ],
      },
      'perf: 2 goals behind, q4-arr due tomorrow',
    ],
    [{ ended: [{ slug: 'q3', rollsOver: true }] }, null],
    [
      {
        ended: [
          { slug: 'a', rollsOver: false },
          { slug: 'b', rollsOver: false },
        ],
      },
      'perf: 2 goals have ended: close or roll them',
    ],
    [{ developmentDue: 2, nextOneToOne: '2026-11-26' }, 'perf: one-to-one today (perf checkin) · 2 development items due'],
  ])('%j → %s', (facts, line) => {
    expect(remindLine({ ...quiet, ...facts })).toBe(line);
  });
});
