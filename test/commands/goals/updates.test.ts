import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../../src/errors.js';
import { createScriptedPrompter } from '../../../src/terminal/prompts.js';
import { dumpDb, expectRefused, run, stderrAfterCreating, type RunResult } from '../../helpers.js';
import { journalFixture } from '../../harness/journals.js';

async function ok(
  db: string,
  args: string[],
  options: { tty?: boolean; prompter?: ReturnType<typeof createScriptedPrompter> } = {},
): Promise<RunResult> {
  const result = await run(args, { db, ...options });
  expect(stderrAfterCreating(result.stderr, db)).toBe('');
  expect(result.code).toBe(0);
  return result;
}

async function json<T = Record<string, unknown>>(db: string, args: string[]): Promise<T> {
  return JSON.parse((await ok(db, [...args, '--json'])).stdout) as T;
}

function table<T>(db: string, sql: string): T[] {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare(sql).all() as T[];
  } finally {
    conn.close();
  }
}

const span = ['--start', '2026-10-07', '--due', '2027-01-15'];

/**
 * Goals: #1 grow-emea (org), #2 q4-arr (500,000, aligned to grow-emea), #3 demos (40, aligned to
 * q4-arr), #4 churn (5 → 2), #5 meddpicc (no target). Updates: #1 q4-arr = 100,000 (31 Oct,
 * "October closes"), #2 q4-arr +50,000 (10 Nov), #3 q4-arr +25,000 from note #1 (20 Nov),
 * #4 demos +4 (2 Nov). Note #2 is linked to q4-arr without progress.
 */
const seed = journalFixture(async (db) => {
  await ok(db, ['goals', 'add', 'Grow EMEA revenue 20%', '--org', '--slug', 'grow-emea']);
  await ok(db, [
    'goals',
    'add',
    'Close $500,000 new ARR',
    '--target',
    '500000',
    '--unit',
    'USD',
    ...span,
    '--aligns-to',
    'grow-emea',
    '--slug',
    'q4-arr',
  ]);
  await ok(db, ['goals', 'add', 'Book 40 demos', '--target', '40', ...span, '--aligns-to', 'q4-arr', '--slug', 'demos']);
  await ok(db, ['goals', 'add', 'Cut churn to 2%', '--baseline', '5', '--target', '2', '--unit', '%', ...span, '--slug', 'churn']);
  await ok(db, ['goals', 'add', 'Get MEDDPICC certified', '--slug', 'meddpicc', '--start', '2026-10-07']);
  await ok(db, ['goals', 'update', 'q4-arr', '100000', '-d', '2026-10-31', '--note', 'October closes']);
  await ok(db, ['goals', 'update', 'q4-arr', '+50000', '-d', '2026-11-10']);
  await ok(db, ['log', 'Signed Acme', '--type', 'win', '--goal', 'q4-arr', '--progress', '25000', '-d', '2026-11-20']);
  await ok(db, ['goals', 'update', 'demos', '+4', '-d', '2026-11-02']);
  await ok(db, ['log', 'Pipeline review for the ARR goal', '--goal', 'q4-arr', '-d', '2026-11-21']);
});

type UpdateJson = {
  id: number;
  goal: string;
  date: string;
  kind: string;
  amount: number;
  value: number;
  note: string | null;
  noteId: number | null;
};

describe('perf goals updates <goal>', () => {
  it('lists the updates with ids, kinds and the value after each, as JSON', async () => {
    const db = await seed();
    expect(await json(db, ['goals', 'updates', 'q4-arr'])).toEqual([
      { id: 1, goal: 'q4-arr', date: '2026-10-31', kind: 'set', amount: 100000, value: 100000, note: 'October closes', noteId: null },
      { id: 2, goal: 'q4-arr', date: '2026-11-10', kind: 'add', amount: 50000, value: 150000, note: null, noteId: null },
      { id: 3, goal: 'q4-arr', date: '2026-11-20', kind: 'add', amount: 25000, value: 175000, note: 'Signed Acme', noteId: 1 },
    ]);
    expect(await json(db, ['goals', 'updates', '5'])).toEqual([]);
  });

  it('lists them as a table with the ids and how to correct one', async () => {
    const db = await seed();
    const { stdout } = await ok(db, ['goals', 'updates', 'q4-arr']);
    expect(stdout).toContain('q4-arr: 3 updates');
    expect(stdout).toMatch(/#1 +31 Oct 2026 +=\s\$100,000 +\$100,000 +October closes/);
    expect(stdout).toMatch(/#3 +20 Nov 2026 +\+\$25,000 +\$175,000 +Signed Acme \(note #1\)/);
    expect(stdout).toContain('perf goals updates edit <id>');
    for (const line of stdout.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect((await ok(db, ['goals', 'updates', 'meddpicc'])).stdout).toBe(
      'No updates for meddpicc yet. Record one with: perf goals update meddpicc <value>\n',
    );
  });

  it('refuses an unknown goal and a mistyped subcommand', async () => {
    const db = await seed();
    await expectRefused(['goals', 'updates', 'q4-ar'], db, /^perf: unknown goal "q4-ar": did you mean q4-arr\?\n$/);
    await expectRefused(
      ['goals', 'updates', 'edti', '3'],
      db,
      /unknown command 'updates edti' \(Did you mean updates edit\? use edit, rm\)/,
    );
  });
});

describe('perf goals updates edit', () => {
  it('sets a new value, and the goal is replayed with it', async () => {
    const db = await seed();
    const edited = await json<UpdateJson>(db, ['goals', 'updates', 'edit', '1', '--value', '120,000']);
    expect(edited).toEqual({
      id: 1,
      goal: 'q4-arr',
      date: '2026-10-31',
      kind: 'set',
      amount: 120000,
      value: 120000,
      note: 'October closes',
      noteId: null,
    });
    expect((await json(db, ['goals', 'show', 'q4-arr'])).current).toBe(195000);
  });

  it('turns a set into a change and back, moves the day and replaces or clears the note', async () => {
    const db = await seed();
    const { stdout } = await ok(db, ['goals', 'updates', 'edit', '2', '--value', '+60000', '-d', '2026-11-12', '--note', 'Two renewals']);
    expect(stdout).toBe('Corrected update #2 of q4-arr: 10 Nov 2026 +$50,000 → 12 Nov 2026 +$60,000 (value after it $160,000).\n');
    expect(await json<UpdateJson>(db, ['goals', 'updates', 'edit', '2', '--value', '150000', '--note', ''])).toMatchObject({
      kind: 'set',
      amount: 150000,
      date: '2026-11-12',
      note: null,
    });
    expect((await json(db, ['goals', 'show', 'q4-arr'])).current).toBe(175000);
  });

  it('keeps the id, the goal and the creation time of the update', async () => {
    const db = await seed();
    const before = table<Record<string, unknown>>(db, 'SELECT id, goal_id, note_id, created_at FROM goal_checkins ORDER BY id');
    await ok(db, ['goals', 'updates', 'edit', '3', '--value', '+30000']);
    expect(table(db, 'SELECT id, goal_id, note_id, created_at FROM goal_checkins ORDER BY id')).toEqual(before);
  });

  it("corrects a note's progress as a change, and the note shows it", async () => {
    const db = await seed();
    await ok(db, ['goals', 'updates', 'edit', '3', '--value', '+30000']);
    expect(await json(db, ['notes', 'show', '1'])).toMatchObject({ goal: 'q4-arr', progress: 30000, date: '2026-11-20' });
    expect((await json(db, ['goals', 'show', 'q4-arr'])).current).toBe(180000);
  });

  it.each([
    [
      'a new day',
      ['-d', '2026-11-22'],
      /^perf: update #3 is the progress of note #1 and keeps the note's day: move both with perf notes edit 1 -d <date>\n$/,
    ],
    [
      'a new note',
      ['--note', 'x'],
      /^perf: update #3 is the progress of note #1 and shows the note's text: change it with perf notes edit 1 <new text>\n$/,
    ],
    [
      'a value to set',
      ['--value', '30000'],
      /^perf: update #3 is the progress of note #1, a change, so --value "30000" cannot set it: give a change such as \+25000 or -5\n$/,
    ],
  ])("points a note's update to perf notes edit for %s", async (_name, args, message) => {
    const db = await seed();
    await expectRefused(['goals', 'updates', 'edit', '3', ...args], db, message);
  });

  it.each([
    ['nothing to change', ['1'], /^perf: nothing to change: give --value \(120 sets, \+15 changes\), --date or --note\n$/],
    ['an unknown id', ['99', '--note', 'x'], /^perf: no goal update with id 99: see the ids with perf goals updates <goal>\n$/],
    [
      'an id that is not a number',
      ['q4-arr', '--note', 'x'],
      /^perf: invalid goal update id "q4-arr": use the number shown in the list \(e\.g\. 12\)\n$/,
    ],
    [
      'a value that is not a number',
      ['1', '--value', 'abc'],
      /^perf: invalid value "abc": use a number to set the goal \(120, 34k, €34,000\) or a change \(\+15, -5\); decimals take a point: perf config set numbers\.decimal\n$/,
    ],
    ['a value too large', ['1', '--value', '2e15'], /invalid value "2e15"/],
    ['a value past the number bound', ['1', '--value', '1000000000000000000'], /too large/],
    ['a change past the bound once replayed', ['2', '--value', '+999999999999999'], /q4-arr/],
    [
      'a day before the goal starts',
      ['1', '-d', '2026-10-01'],
      /^perf: check-in date 2026-10-01 is before goal "q4-arr" starts \(2026-10-07\)/,
    ],
    ['a day in the future', ['1', '-d', 'tomorrow'], /check-in date "tomorrow" is in the future/],
  ])('refuses %s', async (_name, args, message) => {
    const db = await seed();
    await expectRefused(['goals', 'updates', 'edit', ...args], db, message);
  });

  it('refuses a change on a goal without a numeric target', async () => {
    const db = await seed();
    await ok(db, ['goals', 'update', 'meddpicc', '2', '-d', '2026-11-01']);
    await expectRefused(
      ['goals', 'updates', 'edit', '5', '--value', '+1'],
      db,
      /goal "meddpicc" has no numeric target, so \+1 has nothing to add to/,
    );
  });
});

describe('perf goals updates rm', () => {
  it('removes an update with --yes and replays the goal without it', async () => {
    const db = await seed();
    const { stdout } = await ok(db, ['goals', 'updates', 'rm', '2', '--yes']);
    expect(stdout).toBe('Removed update #2 of q4-arr: 10 Nov 2026 +$50,000; q4-arr is now at $125,000.\n');
    expect((await json<UpdateJson[]>(db, ['goals', 'updates', 'q4-arr'])).map((u) => u.id)).toEqual([1, 3]);
  });

  it("removes a note's progress and keeps the note, linked", async () => {
    const db = await seed();
    const removed = await json(db, ['goals', 'updates', 'rm', '3', '--yes']);
    expect(removed).toMatchObject({ id: 3, noteId: 1, amount: 25000 });
    expect(await json(db, ['notes', 'show', '1'])).toMatchObject({ goal: 'q4-arr', progress: null });
  });

  it('asks in a terminal: yes removes, no keeps', async () => {
    const db = await seed();
    const before = dumpDb(db);
    const no = createScriptedPrompter([false]);
    expect(await run(['goals', 'updates', 'rm', '1'], { db, tty: true, prompter: no })).toEqual({
      code: 130,
      stdout: '',
      stderr: 'perf: kept it: nothing was deleted\n',
    });
    expect(no.asked).toEqual(['Remove update #1 of q4-arr (2026-10-31 = $100,000)?']);
    expect(dumpDb(db)).toEqual(before);
    await ok(db, ['goals', 'updates', 'rm', '1'], { tty: true, prompter: createScriptedPrompter([true]) });
    expect(table(db, 'SELECT id FROM goal_checkins WHERE id = 1')).toEqual([]);
  });

  it('refuses without --yes outside a terminal, and an unknown id', async () => {
    const db = await seed();
    await expectRefused(['goals', 'updates', 'rm', '1'], db, /^perf: perf goals updates rm needs --yes when not run in a terminal\n$/);
    await expectRefused(
      ['goals', 'updates', 'rm', '42', '--yes'],
      db,
      /^perf: no goal update with id 42: see the ids with perf goals updates <goal>\n$/,
    );
  });
});

describe('perf goals rm', () => {
  it('removes the goal and its updates; its notes stay, unlinked, and goals aligned to it align to nothing', async () => {
    const db = await seed();
    const removed = await json<Record<string, unknown>>(db, ['goals', 'rm', 'q4-arr', '--yes']);
    expect(removed).toMatchObject({
      goal: { id: 2, slug: 'q4-arr', current: 175000 },
      updates: [{ id: 1 }, { id: 2 }, { id: 3, noteId: 1 }],
      unlinkedNotes: [1, 2],
      unaligned: [{ id: 3, slug: 'demos', title: 'Book 40 demos' }],
    });
    expect(table(db, 'SELECT id, goal_id FROM goal_checkins')).toEqual([{ id: 4, goal_id: 3 }]);
    expect(table(db, 'SELECT note_id, goal_id FROM note_goals')).toEqual([]);
    expect(await json(db, ['notes', 'show', '1'])).toMatchObject({ text: 'Signed Acme', goal: null, progress: null });
    expect(await json(db, ['goals', 'show', 'demos'])).toMatchObject({ alignsTo: null, current: 4 });
    expect(await json(db, ['goals', 'show', 'grow-emea'])).toMatchObject({ aligned: [] });
    await expectRefused(['goals', 'show', 'q4-arr'], db, /unknown goal "q4-arr"/);
  });

  it('says in the question and the confirmation what goes and what stays', async () => {
    const db = await seed();
    const prompter = createScriptedPrompter([true]);
    const { stdout } = await ok(db, ['goals', 'rm', '2'], { tty: true, prompter });
    const what =
      'goal #2 q4-arr ("Close $500,000 new ARR") with 3 updates; 2 notes linked to it (#1, #2) stay, unlinked, without the progress they made; demos stays, aligned to nothing';
    expect(prompter.asked).toEqual([`Remove ${what}?`]);
    expect(stdout).toBe(`Removed ${what}.\n`);
    expect((await ok(db, ['goals', 'rm', 'meddpicc', '--yes'])).stdout).toBe('Removed goal #5 meddpicc ("Get MEDDPICC certified").\n');
  });

  it('keeps everything on no and on Ctrl-C', async () => {
    const db = await seed();
    const before = dumpDb(db);
    expect(await run(['goals', 'rm', 'q4-arr'], { db, tty: true, prompter: createScriptedPrompter([false]) })).toEqual({
      code: 130,
      stdout: '',
      stderr: 'perf: kept it: nothing was deleted\n',
    });
    const cancelled = await run(['goals', 'rm', 'q4-arr'], { db, tty: true, prompter: createScriptedPrompter([new CancelledError()]) });
    expect(cancelled.code).toBe(130);
    expect(dumpDb(db)).toEqual(before);
  });

  it('refuses without --yes outside a terminal, and an unknown goal', async () => {
    const db = await seed();
    await expectRefused(['goals', 'rm', 'q4-arr'], db, /^perf: perf goals rm needs --yes when not run in a terminal\n$/);
    await expectRefused(['goals', 'rm', 'q4-ar', '--yes'], db, /^perf: unknown goal "q4-ar": did you mean q4-arr\?\n$/);
    await expectRefused(['goals', 'rm', '99', '--yes'], db, /^perf: no goal with id "99"/);
  });

  it('marks the notes and goals it unlinks as changed', async () => {
    const db = await seed();
    const result = await run(['goals', 'rm', 'q4-arr', '--yes'], { db, now: '2026-11-27T10:00:00Z' });
    expect(result.code).toBe(0);
    expect(await json(db, ['goals', 'show', 'demos'])).toMatchObject({ updatedAt: '2026-11-27T10:00:00.000Z' });
    expect(await json(db, ['notes', 'show', '2'])).toMatchObject({ updatedAt: '2026-11-27T10:00:00.000Z' });
    expect(await json(db, ['goals', 'show', 'churn'])).not.toMatchObject({ updatedAt: '2026-11-27T10:00:00.000Z' });
  });

  it('never reuses the id of a removed goal', async () => {
    const db = await seed();
    await ok(db, ['goals', 'rm', 'meddpicc', '--yes']);
    expect((await json(db, ['goals', 'add', 'Another'])).id).toBe(6);
  });
});
