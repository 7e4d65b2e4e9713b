import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dumpDb, expectRefused, run, tempDbPath, type RunResult, stderrAfterCreating } from '../../helpers.js';
import { journalFixture, newJournal } from '../../harness/journals.js';

// Today is 2026-11-26. Most goals run 2026-10-07 → 2027-01-15: 100 days, today is day 50, so the
// calendar says every such goal should be exactly half way.
const START = '2026-10-07';
const DUE = '2027-01-15';

async function ok(db: string, args: string[]): Promise<RunResult> {
  const result = await run(args, { db });
  expect(stderrAfterCreating(result.stderr, db)).toBe('');
  expect(result.code).toBe(0);
  return result;
}

async function json<T = Record<string, unknown>>(db: string, args: string[]): Promise<T> {
  return JSON.parse((await ok(db, [...args, '--json'])).stdout) as T;
}

type GoalJson = Record<string, unknown> & { slug: string };

async function goal(db: string, ref: string): Promise<GoalJson> {
  return json<GoalJson>(db, ['goals', 'show', ref]);
}

/** An org objective, a goal aligned to it, one aligned to that, a falling goal, a qualitative one, a note. */
const seed = journalFixture(async (db) => {
  const span = ['--start', START, '--due', DUE];
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
  await ok(db, ['goals', 'add', 'Book 40 demos', '--target', '40', '--unit', 'demos', ...span, '--aligns-to', 'q4-arr', '--slug', 'demos']);
  await ok(db, [
    'goals',
    'add',
    'Cut churn to 2%',
    '--baseline',
    '5',
    '--target',
    '2',
    '--unit',
    '%',
    ...span,
    '--slug',
    'churn',
    '--aligns-to',
    'Keep customers longer',
  ]);
  await ok(db, ['goals', 'add', 'Get MEDDPICC certified', '--slug', 'meddpicc']);
  await ok(db, ['log', 'Pipeline review with Maria', '--type', 'meeting']);
});

function checkins(db: string): { goal_id: number; date: string; kind: string; amount: number; note_id: number | null }[] {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare('SELECT goal_id, date, kind, amount, note_id FROM goal_checkins ORDER BY id').all() as never;
  } finally {
    conn.close();
  }
}

describe('perf goals add', () => {
  it('records a goal with every option and prints it as JSON', async () => {
    const db = await seed();
    const added = await json(db, [
      'goals',
      'add',
      'Sign',
      '5',
      'new',
      'logos',
      '--target',
      '5',
      '--unit',
      'logos',
      '--baseline',
      '1',
      '--start',
      '2026-11-01',
      '--due',
      '2026-12-15',
      '--aligns-to',
      '2',
    ]);
    expect(added).toMatchObject({
      id: 6,
      slug: 'sign-5-new-logos',
      title: 'Sign 5 new logos',
      org: false,
      unit: 'logos',
      baseline: 1,
      target: 5,
      current: 1,
      percent: 0,
      start: '2026-11-01',
      due: '2026-12-15',
      status: 'active',
      alignsTo: { id: 2, slug: 'q4-arr', title: 'Close $500,000 new ARR' },
    });
  });

  it('defaults: slug from the title (unique), baseline 0, start today, due at the end of the review cycle', async () => {
    const db = await seed();
    const first = await json(db, ['goals', 'add', 'Book 40 demos', '--target', '40']);
    expect(first).toMatchObject({ slug: 'book-40-demos', baseline: 0, start: '2026-11-26', due: '2026-12-31', alignsTo: null, org: false });
    const second = await json(db, ['goals', 'add', 'Book 40 demos', '--target', '40']);
    expect(second.slug).toBe('book-40-demos-2');
    const qualitative = await json(db, ['goals', 'add', 'Shadow a senior AE']);
    expect(qualitative).toMatchObject({ target: null, due: null, percent: null, pace: 'no-target' });
    const numeric = await json(db, ['goals', 'add', '2026']);
    expect(numeric.slug).toBe('goal-2026');
  });

  it('follows cycle.start for the default due date', async () => {
    const db = await seed();
    await ok(db, ['config', 'set', 'cycle.start', '04-01']);
    expect(await json(db, ['goals', 'add', 'Fiscal quota', '--target', '1000000'])).toMatchObject({ due: '2027-03-31' });
    expect(await json(db, ['goals', 'add', 'Next year', '--target', '1', '--start', '2027-05-01'])).toMatchObject({ due: '2028-03-31' });
  });

  it('takes free text that is not a goal as the objective', async () => {
    const db = await seed();
    expect((await json(db, ['goals', 'add', 'NPS 50', '--aligns-to', 'Best-in-class   support'])).alignsTo).toBe('Best-in-class support');
    expect((await json(db, ['goals', 'add', 'NPS 60', '--aligns-to', 'Q4-ARR'])).alignsTo).toEqual({
      id: 2,
      slug: 'q4-arr',
      title: 'Close $500,000 new ARR',
    });
    expect((await json(db, ['goals', 'add', 'NPS 70', '--aligns-to', '#1'])).alignsTo).toMatchObject({ slug: 'grow-emea' });
    expect((await json(db, ['goals', 'add', 'NPS 80', '--aligns-to', 'grow emea REVENUE 20%'])).alignsTo).toMatchObject({
      slug: 'grow-emea',
    });
    // One word must name a goal: its id, slug or (one-word) title.
    await ok(db, ['goals', 'add', 'Retention', '--org']);
    expect((await json(db, ['goals', 'add', 'NPS 90', '--aligns-to', 'RETENTION'])).alignsTo).toMatchObject({ slug: 'retention' });
    expect((await json(db, ['goals', 'add', 'NPS 95', '--aligns-to', 'Improve retention'])).alignsTo).toBe('Improve retention');
  });

  it('reads a --start without a year as the most recent such day, and still takes a future start in full', async () => {
    const db = await seed();
    expect(await json(db, ['goals', 'add', 'FY quota', '--target', '10', '--start', 'april 1'])).toMatchObject({ start: '2026-04-01' });
    expect(await json(db, ['goals', 'add', 'Monday goal', '--target', '10', '--start', 'monday'])).toMatchObject({ start: '2026-11-23' });
    expect(await json(db, ['goals', 'add', 'Next year', '--target', '10', '--start', '2027-01-04'])).toMatchObject({
      start: '2027-01-04',
      due: '2027-12-31',
    });
    expect(await json(db, ['goals', 'add', 'Tomorrow', '--target', '10', '--start', 'tomorrow'])).toMatchObject({ start: '2026-11-27' });
    // --due keeps looking forward: "march 31" is the coming one.
    expect(await json(db, ['goals', 'add', 'Q1 push', '--target', '10', '--start', 'november 1', '--due', 'march 31'])).toMatchObject({
      start: '2026-11-01',
      due: '2027-03-31',
    });
    expect(await json(db, ['goals', 'edit', 'q4-arr', '--start', 'october 1'])).toMatchObject({ start: '2026-10-01' });
  });

  it('confirms in a line, continued when it would pass 80 columns', async () => {
    const db = await seed();
    const result = await ok(db, ['goals', 'add', 'Close $1M pipeline', '--target', '1000000', '--unit', 'USD', '--aligns-to', 'grow-emea']);
    expect(result.stdout).toBe('Added goal #6 close-1m-pipeline · $0 → $1,000,000 · 26 Nov 2026 – 31 Dec 2026\n  ↑ grow-emea\n');
    const short = await ok(db, ['goals', 'add', 'Ten demos', '--target', '10', '--slug', 'ten']);
    expect(short.stdout).toBe('Added goal #7 ten · 0 → 10 · 26 Nov 2026 – 31 Dec 2026\n');
  });
});

describe('perf goals update', () => {
  it('sets with a number and changes with +/-, keeping date and note', async () => {
    const db = await seed();
    await ok(db, ['goals', 'update', 'q4-arr', '100000', '-d', '2026-10-31', '--note', 'October closes']);
    const plus = await ok(db, ['goals', 'update', 'q4-arr', '+150,000', '--date', '2026-11-20']);
    expect(plus.stdout).toBe('Checked in q4-arr: $100,000 → $250,000 of $500,000 (50%) · on track\n');
    await ok(db, ['goals', 'update', '3', '+12']);
    await ok(db, ['goals', 'update', 'demos', '-2']);
    const shown = await goal(db, 'q4-arr');
    expect(shown).toMatchObject({ current: 250000, percent: 50, pace: 'on-track', projected: 500000, expected: 250000, daysLeft: 50 });
    expect(shown.checkins).toEqual([
      { id: 1, date: '2026-10-31', kind: 'set', amount: 100000, value: 100000, note: 'October closes', noteId: null },
      { id: 2, date: '2026-11-20', kind: 'add', amount: 150000, value: 250000, note: null, noteId: null },
    ]);
    expect(await goal(db, 'demos')).toMatchObject({ current: 10, percent: 25, pace: 'behind', projected: 20 });
  });

  it('tracks a falling goal (churn 5% → 2%)', async () => {
    const db = await seed();
    await ok(db, ['goals', 'update', 'churn', '3.5', '-d', '2026-11-01']);
    expect(await goal(db, 'churn')).toMatchObject({ current: 3.5, percent: 50, expected: 3.5, pace: 'on-track', projected: 2 });
    const minus = await ok(db, ['goals', 'update', 'churn', '-0.3']);
    expect(minus.stdout).toBe('Checked in churn: 3.5% → 3.2% of 2% (60%) · ahead\n');
    expect(await goal(db, 'churn')).toMatchObject({ current: 3.2, percent: 60, pace: 'ahead', projected: 1.4 });
    await ok(db, ['goals', 'update', 'churn', '1.9']);
    expect(await goal(db, 'churn')).toMatchObject({ current: 1.9, pace: 'achieved' });
  });

  it('sets a value on a goal without a target', async () => {
    const db = await seed();
    await ok(db, ['goals', 'update', 'meddpicc', '2', '--note', 'two modules of five']);
    expect(await goal(db, 'meddpicc')).toMatchObject({ current: 2, percent: null, pace: 'no-target', projected: null });
  });
});

describe('perf goals (the list)', () => {
  it('prints a flat JSON array of active goals with the CLI.md keys and pace at the fixed clock', async () => {
    const db = await seed();
    await ok(db, ['goals', 'update', 'q4-arr', '275000']);
    await ok(db, ['goals', 'update', 'demos', '12']);
    await ok(db, ['goals', 'update', 'churn', '3.5']);
    await ok(db, ['goals', 'add', 'H1 renewals', '--target', '10', '--start', '2026-01-01', '--due', '2026-06-30', '--slug', 'h1']);
    await ok(db, ['goals', 'update', 'h1', '6', '-d', '2026-06-30']);
    const list = await json<GoalJson[]>(db, ['goals']);
    const keys = [
      'id',
      'slug',
      'title',
      'org',
      'unit',
      'baseline',
      'target',
      'current',
      'percent',
      'start',
      'due',
      'status',
      'pace',
      'projected',
      'alignsTo',
    ];
    for (const item of list) expect(Object.keys(item)).toEqual(expect.arrayContaining(keys));
    expect(list.map((g) => [g.slug, g.pace, g.percent, g.projected])).toEqual([
      ['grow-emea', 'no-target', null, null],
      ['q4-arr', 'ahead', 55, 550000],
      ['demos', 'behind', 30, 24],
      ['churn', 'on-track', 50, 2],
      ['meddpicc', 'no-target', null, null],
      ['h1', 'overdue', 60, 6],
    ]);
    expect(list[1]).toMatchObject({
      alignsTo: { id: 1, slug: 'grow-emea', title: 'Grow EMEA revenue 20%' },
      status: 'active',
      current: 275000,
    });
    expect(list[3]?.alignsTo).toBe('Keep customers longer');
  });

  it('nests aligned goals beneath their objective, then lists the rest', async () => {
    const db = await seed();
    await ok(db, ['goals', 'update', 'q4-arr', '125000']);
    const { stdout } = await ok(db, ['goals']);
    const titles = stdout.split('\n').filter((line) => /[◆•◇]/.test(line));
    expect(titles).toEqual([
      '◆ Grow EMEA revenue 20%',
      '  • Close $500,000 new ARR',
      '    • Book 40 demos',
      '◇ Keep customers longer',
      '  • Cut churn to 2%',
      '• Get MEDDPICC certified',
    ]);
    expect(stdout).toContain('Organisational objectives');
    expect(stdout).toContain('Other goals');
    expect(stdout).toContain('$125,000 / $500,000  25%  behind');
    expect(stdout).toContain('#2 q4-arr · due in 50 days (15 Jan 2027) · projected $250,000 at due');
    expect(stdout).toContain('0 demos / 40 demos  0%  behind');
    for (const line of stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('waits for the second week before printing a projection', async () => {
    const db = await seed();
    await ok(db, ['goals', 'add', 'December demos', '--target', '20', '--slug', 'dec']);
    await ok(db, ['goals', 'update', 'dec', '+2']);
    expect((await ok(db, ['goals'])).stdout).toContain('#6 dec · due in 35 days (31 Dec 2026) · projection from the second week');
    expect(await goal(db, 'dec')).toMatchObject({ projected: 70 });
  });

  it('names goals with no check-in for 30 days in the footer', async () => {
    const db = await seed();
    await ok(db, ['goals', 'update', 'q4-arr', '125000', '-d', '2026-10-20']);
    await ok(db, ['goals', 'update', 'demos', '5', '-d', '2026-11-20']);
    const { stdout } = await ok(db, ['goals']);
    expect(stdout.replace(/\s+/g, ' ')).toContain(
      'No check-in for 30 days or more: churn (none since it started 50 days ago), q4-arr (37 days).',
    );
    expect(stdout).not.toMatch(/demos \(/);
  });

  it('says days late for an overdue goal and hides finished goals unless --all', async () => {
    const db = await seed();
    await ok(db, ['goals', 'add', 'H1 renewals', '--target', '10', '--start', '2026-01-01', '--due', '2026-11-23', '--slug', 'h1']);
    expect((await ok(db, ['goals'])).stdout).toContain('#6 h1 · 3 days late (23 Nov 2026)');
    await ok(db, ['goals', 'done', 'meddpicc']);
    await ok(db, ['goals', 'drop', 'h1']);
    const active = await ok(db, ['goals']);
    expect(active.stdout).not.toMatch(/MEDDPICC|H1 renewals/);
    const all = await ok(db, ['goals', '--all']);
    expect(all.stdout).toMatch(/✓ Get MEDDPICC certified/);
    expect(all.stdout).toMatch(/✗ H1 renewals/);
    expect(all.stdout).toContain('done 26 Nov 2026');
    expect((await json<GoalJson[]>(db, ['goals', '--all'])).map((g) => g.status)).toEqual([
      'active',
      'active',
      'active',
      'active',
      'done',
      'dropped',
    ]);
  });

  it('prints the empty state without creating the journal', async () => {
    const db = tempDbPath();
    const result = await ok(db, ['goals']);
    expect(result.stdout).toBe(
      "No goals yet. Add one with:\n  perf goals add 'Close $500,000 new ARR in 2026' --target 500000 --unit USD\n",
    );
    expect(await json(db, ['goals'])).toEqual([]);
    expect(fs.existsSync(db)).toBe(false);
  });
});

describe('perf goals show', () => {
  it('shows the alignment chain, a bar per check-in, and the notes behind it', async () => {
    const db = await seed();
    await ok(db, ['goals', 'edit', 'grow-emea', '--aligns-to', 'Be the EMEA leader']);
    await ok(db, ['goals', 'update', 'demos', '+10', '-d', '2026-11-02', '--note', 'Summit']);
    await ok(db, ['log', 'Two demos at Initech', '--goal', 'demos', '--progress', '2', '-d', '2026-11-20']);
    await ok(db, ['log', 'Demo prep with the SE', '--goal', 'demos']);
    const { stdout } = await ok(db, ['goals', 'show', 'demos']);
    expect(stdout).toContain('Aligns to  Close $500,000 new ARR #2 q4-arr');
    expect(stdout).toContain('↑ Grow EMEA revenue 20% #1 grow-emea');
    expect(stdout).toContain('↑ Be the EMEA leader (objective outside the journal)');
    expect(stdout).toContain('12 demos / 40 demos  30%  behind');
    expect(stdout).toMatch(/2 Nov 2026 +\+10 demos +10 demos +████░{12} +25%\n +Summit/);
    expect(stdout).toMatch(/20 Nov 2026 +\+2 demos +12 demos +████▊░+ +30%\n +Two demos at Initech \(note #2\)/);
    expect(stdout).toMatch(/Other notes about this goal\n +26 Nov 2026 +#3 +Demo prep with the SE/);
    const shown = await goal(db, 'demos');
    expect(shown.chain).toEqual([
      { id: 2, slug: 'q4-arr', title: 'Close $500,000 new ARR' },
      { id: 1, slug: 'grow-emea', title: 'Grow EMEA revenue 20%' },
      'Be the EMEA leader',
    ]);
    expect((shown.notes as { id: number; progress: number | null }[]).map((n) => [n.id, n.progress])).toEqual([
      [2, 2],
      [3, null],
    ]);
    const org = await goal(db, 'grow-emea');
    expect((org.aligned as GoalJson[]).map((g) => g.slug)).toEqual(['q4-arr']);
  });
});

describe('perf goals edit, done, drop, reopen', () => {
  it('edits fields, keeps the slug unless asked, and clears with ""', async () => {
    const db = await seed();
    const edited = await json(db, [
      'goals',
      'edit',
      'q4-arr',
      '--title',
      'Close $600,000 new ARR',
      '--target',
      '600000',
      '--due',
      '2027-01-31',
    ]);
    expect(edited).toMatchObject({ slug: 'q4-arr', title: 'Close $600,000 new ARR', target: 600000, due: '2027-01-31' });
    expect(await json(db, ['goals', 'edit', 'q4-arr', '--slug', 'arr', '--aligns-to', ''])).toMatchObject({ slug: 'arr', alignsTo: null });
    expect(await json(db, ['goals', 'edit', 'arr', '--target', '', '--due', '', '--unit', ''])).toMatchObject({
      target: null,
      due: null,
      unit: null,
      pace: 'no-target',
    });
    expect(await json(db, ['goals', 'edit', 'grow-emea', '--no-org'])).toMatchObject({ org: false });
    // A first target brings the default due date with it.
    expect(await json(db, ['goals', 'edit', 'meddpicc', '--target', '5'])).toMatchObject({ target: 5, due: '2026-12-31' });
  });

  it('marks done, drops and reopens', async () => {
    const db = await seed();
    expect(await json(db, ['goals', 'done', 'meddpicc'])).toMatchObject({ status: 'done', closedOn: '2026-11-26', pace: 'achieved' });
    expect((await ok(db, ['goals', 'reopen', 'meddpicc'])).stdout).toBe('Reopened: Get MEDDPICC certified · no target\n');
    expect(await goal(db, 'meddpicc')).toMatchObject({ status: 'active', closedOn: null });
    expect((await ok(db, ['goals', 'drop', 'demos', '-d', 'yesterday'])).stdout).toBe('Dropped: Book 40 demos at 0 demos of 40 demos.\n');
    expect(await goal(db, 'demos')).toMatchObject({ status: 'dropped', closedOn: '2026-11-25' });
    expect(await json(db, ['goals', 'reopen', '3'])).toMatchObject({ status: 'active', closedOn: null });
  });
});

describe('perf log --goal --progress and the notes behind a goal', () => {
  it('records the note and its check-in together, and shows where the goal stands', async () => {
    const db = await seed();
    await ok(db, ['goals', 'update', 'q4-arr', '250000', '-d', '2026-11-01']);
    const logged = await ok(db, ['log', 'Signed Acme, 3-year deal', '--type', 'win', '-g', 'q4-arr', '-p', '25000', '-d', '2026-11-20']);
    expect(logged.stdout).toBe('Logged · #2 · Fri 20 Nov 2026 · win · → q4-arr +25,000\n  q4-arr now $275,000 of $500,000 (55%) · ahead\n');
    expect(checkins(db).at(-1)).toEqual({ goal_id: 2, date: '2026-11-20', kind: 'add', amount: 25000, note_id: 2 });
    const note = await json(db, ['log', 'Lost Globex on price', '--type', 'loss', '--goal', '2', '--progress', '-5000']);
    expect(note).toMatchObject({ goal: 'q4-arr', progress: -5000 });
    expect(await goal(db, 'q4-arr')).toMatchObject({ current: 270000 });
  });

  it('links a note without moving the goal when there is no --progress', async () => {
    const db = await seed();
    expect(await json(db, ['log', 'Call with Acme', '--goal', 'q4-arr'])).toMatchObject({ goal: 'q4-arr', progress: null });
    expect(checkins(db)).toEqual([]);
    const notes = await json<{ id: number }[]>(db, ['notes', '--goal', 'q4-arr']);
    expect(notes.map((n) => n.id)).toEqual([2]);
  });

  it('keeps the history consistent when the note is edited or deleted', async () => {
    const db = await seed();
    await ok(db, ['goals', 'update', 'q4-arr', '100000', '-d', '2026-11-01']);
    await ok(db, ['log', 'Signed Acme', '-g', 'q4-arr', '-p', '25000', '-d', '2026-11-20']);
    expect(await goal(db, 'q4-arr')).toMatchObject({ current: 125000 });

    // New amount: the check-in follows.
    expect(await json(db, ['notes', 'edit', '2', '--progress', '50000'])).toMatchObject({ progress: 50000 });
    expect(await goal(db, 'q4-arr')).toMatchObject({ current: 150000 });

    // New day: the check-in moves with it; before the "set" of 1 Nov, that set overrides it.
    await ok(db, ['notes', 'edit', '2', '-d', '2026-10-20']);
    expect(checkins(db).at(-1)).toMatchObject({ date: '2026-10-20', amount: 50000, note_id: 2 });
    expect(await goal(db, 'q4-arr')).toMatchObject({ current: 100000 });
    await ok(db, ['notes', 'edit', '2', '-d', '2026-11-20']);
    expect(await goal(db, 'q4-arr')).toMatchObject({ current: 150000 });

    // Another goal: the progress moves there.
    await ok(db, ['notes', 'edit', '2', '--goal', 'demos', '--progress', '3']);
    expect(await goal(db, 'q4-arr')).toMatchObject({ current: 100000 });
    expect(await goal(db, 'demos')).toMatchObject({ current: 3 });

    // "" removes the progress but keeps the link; then a new amount brings a check-in back.
    expect(await json(db, ['notes', 'edit', '2', '--progress', ''])).toMatchObject({ goal: 'demos', progress: null });
    expect(await goal(db, 'demos')).toMatchObject({ current: 0 });
    await ok(db, ['notes', 'edit', '2', '--progress', '4']);
    expect(await goal(db, 'demos')).toMatchObject({ current: 4 });

    // Editing only the text leaves the check-in alone.
    await ok(db, ['notes', 'edit', '2', 'Signed Acme, 3-year deal']);
    expect((await goal(db, 'demos')).checkins).toMatchObject([{ amount: 4, note: 'Signed Acme, 3-year deal', noteId: 2 }]);

    // Deleting the note deletes its check-in.
    const removed = await ok(db, ['notes', 'rm', '2', '--yes']);
    expect(removed.stdout).toBe('Deleted note #2; demos no longer counts its +4.\n');
    expect(await goal(db, 'demos')).toMatchObject({ current: 0, checkins: [] });
    expect(checkins(db)).toHaveLength(1);
  });

  it('unlinks a note with --goal "", dropping its check-in', async () => {
    const db = await seed();
    await ok(db, ['log', 'Signed Acme', '-g', 'q4-arr', '-p', '25000']);
    expect(await json(db, ['notes', 'edit', '2', '--goal', ''])).toMatchObject({ goal: null, progress: null });
    expect(checkins(db)).toEqual([]);
  });
});

describe('finished goals', () => {
  it('judge a finished goal on the day it was closed, in JSON: achieved only when reached', async () => {
    const db = await seed();
    await ok(db, ['goals', 'update', 'q4-arr', '125000', '-d', '2026-11-01']);
    await ok(db, ['goals', 'drop', 'q4-arr', '-d', '2026-11-20']);
    // Day 44 of 100 at 25%: behind on the day it was dropped.
    expect(await goal(db, 'q4-arr')).toMatchObject({
      status: 'dropped',
      closedOn: '2026-11-20',
      pace: 'behind',
      paceOn: '2026-11-20',
      projected: 125000,
      current: 125000,
    });
    await ok(db, ['goals', 'update', 'demos', '20']);
    await ok(db, ['goals', 'drop', 'demos']);
    // Set aside while on the line: the pace says so, paceOn and status say it is over.
    expect(await goal(db, 'demos')).toMatchObject({ status: 'dropped', pace: 'on-track', paceOn: '2026-11-26' });
    await ok(db, ['goals', 'add', 'H1 renewals', '--target', '10', '--start', '2026-01-01', '--due', '2026-06-30', '--slug', 'h1']);
    await ok(db, ['goals', 'update', 'h1', '6', '-d', '2026-06-01']);
    await ok(db, ['goals', 'done', 'h1']);
    expect(await goal(db, 'h1')).toMatchObject({ status: 'done', pace: 'overdue', percent: 60 });
    await ok(db, ['goals', 'update', 'churn', '1.9']);
    await ok(db, ['goals', 'done', 'churn']);
    expect(await goal(db, 'churn')).toMatchObject({ status: 'done', pace: 'achieved' });
    await ok(db, ['goals', 'done', 'meddpicc']);
    await ok(db, ['goals', 'add', 'Shadow a senior AE', '--slug', 'shadow']);
    await ok(db, ['goals', 'drop', 'shadow']);
    const paces = (await json<GoalJson[]>(db, ['goals', '--all'])).map((g) => [g.slug, g.status, g.pace]);
    expect(paces).toEqual([
      ['grow-emea', 'active', 'no-target'],
      ['q4-arr', 'dropped', 'behind'],
      ['demos', 'dropped', 'on-track'],
      ['churn', 'done', 'achieved'],
      ['meddpicc', 'done', 'achieved'],
      ['h1', 'done', 'overdue'],
      ['shadow', 'dropped', 'no-target'],
    ]);
  });

  it('show their status instead of a pace in the list and in show', async () => {
    const db = await seed();
    await ok(db, ['goals', 'update', 'q4-arr', '125000', '-d', '2026-11-01']);
    await ok(db, ['goals', 'drop', 'q4-arr', '-d', '2026-11-20']);
    await ok(db, ['goals', 'update', 'churn', '1.9']);
    await ok(db, ['goals', 'done', 'churn']);
    await ok(db, ['goals', 'done', 'meddpicc']);
    const { stdout } = await ok(db, ['goals', '--all']);
    expect(stdout).toContain(
      '✗ Close $500,000 new ARR\n    █████░░░░░░░░░░░░░░░ $125,000 / $500,000  25%  dropped\n    #2 q4-arr · dropped 20 Nov 2026 while behind\n',
    );
    expect(stdout).toContain(
      '  ✓ Cut churn to 2%\n    ████████████████████ 1.9% / 2%  103.3%  done\n    #4 churn · done 26 Nov 2026, target reached\n',
    );
    expect(stdout).toContain('◆ Grow EMEA revenue 20%\n  1 aligned goal: 1 dropped\n');
    expect(stdout).toContain('✓ Get MEDDPICC certified\n  #5 meddpicc · done 26 Nov 2026\n');
    expect(stdout).not.toContain('(done or not)');
    expect(stdout).toContain('1 active goal: 1 behind · 2 objectives · 2 done · 1 dropped');
    const shown = (await ok(db, ['goals', 'show', 'q4-arr'])).stdout;
    expect(shown).toContain('#2 q4-arr · goal · dropped 20 Nov 2026');
    expect(shown).toContain(
      '  Progress   █████░░░░░░░░░░░░░░░ $125,000 / $500,000  25%  dropped\n  Closed     dropped 20 Nov 2026 while behind\n',
    );
    expect(shown).not.toMatch(/Expected|Projected|on track/);
    const qualitative = (await ok(db, ['goals', 'show', 'meddpicc'])).stdout;
    expect(qualitative).toContain('  Closed     done 26 Nov 2026\n  Started    26 Nov 2026\n\nCheck-ins\n  None.');
    expect(qualitative).not.toMatch(/Baseline|no target/);
  });
});

describe('organisational objectives', () => {
  it('read as objectives in the list: their aligned goals and how those stand, counted apart in the footer', async () => {
    const db = await seed();
    await ok(db, ['goals', 'add', 'Grow APAC', '--org', '--slug', 'apac']);
    const { stdout } = await ok(db, ['goals']);
    expect(stdout).toContain('◆ Grow EMEA revenue 20%\n  1 aligned goal: 1 behind\n  #1 grow-emea\n');
    expect(stdout).toContain('◆ Grow APAC\n  no goals aligned yet\n  #6 apac\n');
    expect(stdout).not.toMatch(/no target \(done or not\)\n +#1 grow-emea|no due date\n.*apac/);
    expect(stdout).toContain('4 active goals: 3 behind, 1 no target · 3 objectives');
  });

  it('read as objectives in show: aligned goals first, no baseline without a target', async () => {
    const db = await seed();
    await ok(db, ['goals', 'add', 'Win back Globex', '--aligns-to', 'grow-emea', '--slug', 'globex']);
    await ok(db, ['goals', 'done', 'globex']);
    await ok(db, ['goals', 'update', 'q4-arr', '300000']);
    const { stdout } = await ok(db, ['goals', 'show', 'grow-emea']);
    expect(stdout).toBe(
      [
        'Grow EMEA revenue 20%',
        '#1 grow-emea · organisational objective · active',
        '',
        '  Goals      2 aligned goals: 1 ahead, 1 done',
        '',
        'Goals aligned to this objective',
        '  #2 q4-arr  60%  ahead',
        '  #6 globex  done',
        '',
      ].join('\n'),
    );
    // An objective with a number of its own shows it as a goal does.
    await ok(db, ['goals', 'edit', 'grow-emea', '--target', '20', '--unit', '%', '--start', '2026-10-07', '--due', '2027-01-15']);
    const measured = (await ok(db, ['goals', 'show', 'grow-emea'])).stdout;
    expect(measured).toContain('  Goals      2 aligned goals: 1 ahead, 1 done\n  Progress   ░░░░░░░░░░│░░░░░░░░░ 0% / 20%  0%  behind\n');
    expect(measured).toContain('  Baseline   0% · started 7 Oct 2026');
    expect(measured).toContain('Check-ins');
  });
});

describe('check-ins and the goal they land on', () => {
  it('refuses a check-in dated before the goal starts, from every way in', async () => {
    const db = await seed();
    await ok(db, [
      'goals',
      'add',
      'New ARR',
      '--target',
      '500000',
      '--unit',
      'USD',
      '--start',
      '2026-04-01',
      '--due',
      '2026-12-31',
      '--slug',
      'new-arr',
    ]);
    await expectRefused(
      ['goals', 'update', 'new-arr', '5', '-d', '2025-01-01'],
      db,
      /^perf: check-in date 2025-01-01 is before goal "new-arr" starts \(2026-04-01\): date it on or after the start, or move the start first \(perf goals edit new-arr --start 2025-01-01\)\n$/,
    );
    await expectRefused(
      ['goals', 'update', 'q4-arr', '+5', '-d', '2026-10-06'],
      db,
      /check-in date 2026-10-06 is before goal "q4-arr" starts \(2026-10-07\)/,
    );
    await expectRefused(
      ['log', 'Early deal', '--goal', 'q4-arr', '--progress', '5', '-d', '2026-10-01'],
      db,
      /check-in date 2026-10-01 is before goal "q4-arr" starts \(2026-10-07\)/,
    );
    // A note about the goal with no progress is not a check-in: any day will do.
    await ok(db, ['log', 'Kick-off call about the quota', '--goal', 'q4-arr', '-d', '2026-10-01']);
    await ok(db, ['log', 'Signed Acme', '--goal', 'q4-arr', '--progress', '25000', '-d', '2026-10-20']);
    await expectRefused(['notes', 'edit', '3', '-d', '2026-10-01'], db, /check-in date 2026-10-01 is before goal "q4-arr" starts/);
    await ok(db, ['goals', 'add', 'December deals', '--target', '5', '--start', '2026-11-01', '--slug', 'dec']);
    await expectRefused(
      ['notes', 'edit', '3', '--goal', 'dec', '--progress', '1'],
      db,
      /check-in date 2026-10-20 is before goal "dec" starts \(2026-11-01\)/,
    );
    // The day the goal starts is fine.
    await ok(db, ['goals', 'update', 'q4-arr', '+1', '-d', '2026-10-07']);
  });

  it('refuses to move a start past check-ins already made', async () => {
    const db = await seed();
    await ok(db, ['goals', 'update', 'q4-arr', '100000', '-d', '2026-10-31']);
    await expectRefused(
      ['goals', 'edit', 'q4-arr', '--start', '2026-11-01'],
      db,
      /^perf: --start 2026-11-01 is after the first check-in of goal "q4-arr" \(2026-10-31\): a goal starts on or before its first check-in\n$/,
    );
    expect(await json(db, ['goals', 'edit', 'q4-arr', '--start', '2026-10-31'])).toMatchObject({ start: '2026-10-31' });
  });

  it('refuses progress on a dropped goal, from every way in', async () => {
    const db = await seed();
    await ok(db, ['log', 'Signed Acme', '--goal', 'q4-arr', '--progress', '25000']);
    await ok(db, ['goals', 'drop', 'demos', '-d', '2026-11-20']);
    const message =
      /goal "demos" was dropped on 2026-11-20 and takes no more check-ins: reopen it first \(perf goals reopen demos\) to record/;
    await expectRefused(['goals', 'update', 'demos', '5'], db, message);
    await expectRefused(['goals', 'update', 'demos', '+5'], db, message);
    await expectRefused(
      ['log', 'Two demos at Initech', '--goal', 'demos', '--progress', '2'],
      db,
      /dropped on 2026-11-20 .* to record --progress 2\n$/,
    );
    await expectRefused(['notes', 'edit', '2', '--goal', 'demos'], db, message);
    // A note may still be about a dropped goal; it just moves nothing.
    expect(await json(db, ['log', 'Why we dropped the demo goal', '--goal', 'demos'])).toMatchObject({ goal: 'demos', progress: null });
    await ok(db, ['goals', 'reopen', 'demos']);
    await ok(db, ['goals', 'update', 'demos', '+5']);
  });

  it('takes progress on a done goal and says the goal is already done', async () => {
    const db = await seed();
    await ok(db, ['goals', 'update', 'demos', '40', '-d', '2026-11-20']);
    await ok(db, ['goals', 'done', 'demos', '-d', '2026-11-20']);
    const update = await ok(db, ['goals', 'update', 'demos', '+2']);
    expect(update.stdout).toBe('Checked in demos: 40 demos → 42 demos of 40 demos (105%)\n  goal already done (20 Nov 2026)\n');
    const logged = await ok(db, ['log', 'One more demo at Initech', '--goal', 'demos', '--progress', '1']);
    expect(logged.stdout).toContain('\n  demos now 43 demos of 40 demos (107.5%) · goal already done (20 Nov 2026)\n');
    expect(await goal(db, 'demos')).toMatchObject({ status: 'done', current: 43, pace: 'achieved' });
  });
});

describe('80 columns', () => {
  const LONG = 'Win the biggest enterprise accounts in the whole EMEA region before the end of the fiscal year';

  /** Every kind of goal, with titles and slugs as long as they come, nested as deep as people nest them. */
  async function crowd(): Promise<{ db: string; slugs: string[]; confirmations: string[] }> {
    const db = newJournal();
    const confirmations: string[] = [];
    const add = async (args: string[]) => confirmations.push((await ok(db, args)).stdout);
    const slug = (n: number) => `g${n}-long-slug-for-a-goal-with-a-very-long-name-indeed-and-more-words`.slice(0, 60);
    await add(['goals', 'add', `${LONG} (objective)`, '--org', '--slug', slug(1)]);
    await add([
      'goals',
      'add',
      `${LONG} (objective with a target)`,
      '--org',
      '--target',
      '12000000.5',
      '--unit',
      'USD',
      '--start',
      '2026-01-01',
      '--slug',
      slug(2),
    ]);
    await add([
      'goals',
      'add',
      `${LONG} (revenue)`,
      '--target',
      '1000000.75',
      '--unit',
      'USD',
      '--start',
      '2026-10-07',
      '--due',
      '2027-01-15',
      '--aligns-to',
      slug(1),
      '--slug',
      slug(3),
    ]);
    await add([
      'goals',
      'add',
      `${LONG} (opportunities)`,
      '--target',
      '1200',
      '--unit',
      'qualified opportunities',
      '--start',
      '2026-10-07',
      '--due',
      '2027-01-15',
      '--aligns-to',
      slug(3),
      '--slug',
      slug(4),
    ]);
    await add([
      'goals',
      'add',
      `${LONG} (demos)`,
      '--target',
      '40',
      '--unit',
      'demos',
      '--start',
      '2026-10-07',
      '--due',
      '2027-01-15',
      '--aligns-to',
      slug(4),
      '--slug',
      slug(5),
    ]);
    await add([
      'goals',
      'add',
      `${LONG} (calls)`,
      '--target',
      '1066',
      '--unit',
      'calls',
      '--start',
      '2026-10-07',
      '--due',
      '2027-01-15',
      '--aligns-to',
      slug(5),
      '--slug',
      slug(6),
    ]);
    await add([
      'goals',
      'add',
      `${LONG} (churn)`,
      '--baseline',
      '5.25',
      '--target',
      '2.75',
      '--unit',
      '%',
      '--start',
      '2026-10-01',
      '--due',
      '2026-12-31',
      '--aligns-to',
      `${LONG} as free text`,
      '--slug',
      slug(7),
    ]);
    await add(['goals', 'add', `${LONG} (no target)`, '--start', '2026-10-01', '--aligns-to', slug(2), '--slug', slug(8)]);
    await add(['goals', 'add', `${LONG} (overdue)`, '--target', '10', '--start', '2026-01-01', '--due', '2026-06-30', '--slug', slug(9)]);
    await add(['goals', 'add', `${LONG} (future)`, '--target', '10', '--start', '2027-02-01', '--due', '2027-12-31', '--slug', slug(10)]);
    await add(['goals', 'add', `${LONG} (done)`, '--target', '10', '--start', '2026-01-01', '--slug', slug(11)]);
    await add(['goals', 'add', `${LONG} (dropped)`, '--target', '-5', '--start', '2026-01-01', '--slug', slug(12)]);
    await add(['goals', 'add', `${LONG} (done, no target)`, '--slug', slug(13)]);
    await add(['goals', 'add', `${LONG} (dropped, no target)`, '--slug', slug(14)]);
    const note = `${LONG}: a check-in note that runs on and on, as notes written on a phone in a taxi tend to do`;
    for (const [n, value, day] of [
      [3, '612345.67', '2026-11-01'],
      [3, '+12345.5', '2026-11-20'],
      [4, '+600', '2026-11-02'],
      [5, '12', '2026-11-02'],
      [6, '+1', '2026-11-03'],
      [7, '4.5', '2026-11-10'],
      [8, '3', '2026-11-01'],
      [9, '6', '2026-06-01'],
      [11, '4', '2026-06-01'],
      [2, '1000000', '2026-06-01'],
    ] as const) {
      await add(['goals', 'update', slug(n), value, '-d', day, '--note', note]);
    }
    await add(['log', note, '--goal', slug(3), '--progress', '1000.25', '-d', '2026-11-21']);
    await add(['log', note, '--goal', slug(3)]);
    await add(['log', note, '--goal', slug(1)]);
    await add(['goals', 'done', slug(11)]);
    await add(['goals', 'drop', slug(12)]);
    await add(['goals', 'done', slug(13)]);
    await add(['goals', 'drop', slug(14)]);
    await add(['goals', 'reopen', slug(14)]);
    await add(['goals', 'drop', slug(14)]);
    await add(['goals', 'edit', slug(3), '--title', `${LONG} (edited)`]);
    return { db, slugs: Array.from({ length: 14 }, (_, i) => slug(i + 1)), confirmations };
  }

  function expectFits(text: string): void {
    const long = text.split('\n').filter((line) => [...line].length > 80);
    expect(long).toEqual([]);
  }

  it('keeps every goals view within 80 columns, whatever the titles and slugs', async () => {
    const { db, slugs, confirmations } = await crowd();
    // The first line of perf log's confirmation is the note's (src/ui/notes.ts); the goal's standing follows.
    for (const text of confirmations) expectFits(text.startsWith('Logged') ? text.split('\n').slice(1).join('\n') : text);
    const list = (await ok(db, ['goals'])).stdout;
    const all = (await ok(db, ['goals', '--all'])).stdout;
    expectFits(list);
    expectFits(all);
    expect(all).toContain('✗');
    expect(all).toContain('✓');
    for (const slug of slugs) {
      const shown = (await ok(db, ['goals', 'show', slug])).stdout;
      expectFits(shown);
      expect(shown).toContain(slug);
    }
  });

  it.each(['', 'add', 'edit', 'update', 'show', 'done', 'drop', 'reopen', 'rm', 'updates', 'updates edit', 'updates rm'])(
    'keeps perf goals %s --help within 80 columns',
    async (sub) => {
      const { stdout, code } = await run(['goals', ...(sub ? sub.split(' ') : []), '--help']);
      expect(code).toBe(0);
      expectFits(stdout);
    },
  );

  // 76 columns still hold a 60-character slug beside the labels of goals show.
  it('also fits a narrower terminal', async () => {
    const { db, slugs } = await crowd();
    for (const args of [['goals'], ['goals', '--all'], ...slugs.map((slug) => ['goals', 'show', slug])]) {
      const { stdout } = await run(args, { db, columns: 76, tty: true });
      expect(stdout.split('\n').filter((line) => [...line].length > 76)).toEqual([]);
    }
  });
});

describe('--json on every goals subcommand that changes something', () => {
  it('prints the goal, one JSON document, with the CLI.md keys', async () => {
    const db = await seed();
    const keys = [
      'id',
      'slug',
      'title',
      'org',
      'unit',
      'baseline',
      'target',
      'current',
      'percent',
      'start',
      'due',
      'status',
      'pace',
      'projected',
      'alignsTo',
    ];
    const steps: [string[], Record<string, unknown>][] = [
      [['goals', 'add', 'Ten logos', '--target', '10', '--slug', 'logos'], { slug: 'logos', status: 'active', current: 0 }],
      [['goals', 'edit', 'logos', '--target', '12'], { slug: 'logos', target: 12 }],
      [['goals', 'update', 'logos', '+3'], { slug: 'logos', current: 3 }],
      [['goals', 'done', 'logos'], { slug: 'logos', status: 'done', closedOn: '2026-11-26' }],
      [['goals', 'reopen', 'logos'], { slug: 'logos', status: 'active', closedOn: null }],
      [['goals', 'drop', 'logos'], { slug: 'logos', status: 'dropped' }],
    ];
    for (const [args, expected] of steps) {
      const { stdout } = await ok(db, [...args, '--json']);
      expect(stdout.endsWith('}\n')).toBe(true);
      const printed = JSON.parse(stdout) as Record<string, unknown>;
      expect(Object.keys(printed)).toEqual(expect.arrayContaining(keys));
      expect(printed).toMatchObject(expected);
    }
  });
});

describe('global options after the command', () => {
  it('gives a subcommand its own --json and still reads --db anywhere', async () => {
    const db = await seed();
    const shown = await run(['goals', 'show', 'q4-arr', '--json', '--db', db]);
    expect(JSON.parse(shown.stdout)).toMatchObject({ slug: 'q4-arr' });
    const note = await run(['notes', 'show', '1', '--json'], { db });
    expect(JSON.parse(note.stdout)).toMatchObject({ id: 1 });
    await ok(db, ['notes', 'edit', '1', '-t', 'pipeline']);
    expect(await json(db, ['notes', 'show', '1'])).toMatchObject({ tags: ['pipeline'] });
  });
});

describe('bad input: exit 2, one line, nothing written', () => {
  it.each<[string, string[], RegExp]>([
    ['a target that is not a number', ['goals', 'add', 'Quota', '--target', 'lots'], /invalid --target "lots": use a number/],
    [
      'a baseline that is not a number',
      ['goals', 'add', 'Quota', '--target', '5', '--baseline', 'five'],
      /invalid --baseline "five": use a number/,
    ],
    ['an edited target that is not a number', ['goals', 'edit', 'q4-arr', '--target', '$600kk'], /invalid --target "\$600kk"/],
    [
      'an update value that is not a number',
      ['goals', 'update', 'q4-arr', 'abc'],
      /invalid value "abc": use a number to set the goal \(120, 34k, €34,000\) or a change \(\+15, -5\)/,
    ],
    [
      '+ on a goal without a numeric target',
      ['goals', 'update', 'meddpicc', '+1'],
      /goal "meddpicc" has no numeric target, so \+1 has nothing to add to/,
    ],
    [
      '- on a goal without a numeric target',
      ['goals', 'update', 'meddpicc', '-1'],
      /goal "meddpicc" has no numeric target, so -1 has nothing to add to/,
    ],
    [
      '--progress on a goal without a numeric target',
      ['log', 'Module 3 passed', '--goal', 'meddpicc', '--progress', '1'],
      /goal "meddpicc" has no numeric target, so --progress 1/,
    ],
    [
      'due before start',
      ['goals', 'add', 'Quota', '--target', '5', '--start', '2026-12-01', '--due', '2026-11-01'],
      /due date 2026-11-01 is before the start date 2026-12-01/,
    ],
    [
      'an edited due before the start',
      ['goals', 'edit', 'q4-arr', '--due', '2026-10-01'],
      /due date 2026-10-01 is before the start date 2026-10-07/,
    ],
    [
      'an edited start after the due',
      ['goals', 'edit', 'q4-arr', '--start', '2027-02-01'],
      /due date 2027-01-15 is before the start date 2027-02-01/,
    ],
    ['an unknown goal slug', ['goals', 'update', 'q4-ar', '5'], /unknown goal "q4-ar": did you mean q4-arr\?/],
    ['an unknown goal with nothing close', ['goals', 'show', 'zzzzzz'], /unknown goal "zzzzzz": name a goal by its id or slug/],
    ['an unknown goal id', ['goals', 'done', '99'], /no goal with id "99"/],
    ['an unknown goal on log', ['log', 'Signed Acme', '--goal', 'q4-ar', '--progress', '5'], /unknown goal "q4-ar": did you mean q4-arr\?/],
    ['an unknown goal on notes', ['notes', '--goal', 'demo'], /unknown goal "demo": did you mean demos\?/],
    ['an unknown goal on notes edit', ['notes', 'edit', '1', '--goal', 'chrun'], /unknown goal "chrun": did you mean churn\?/],
    [
      'a duplicate slug',
      ['goals', 'add', 'Another ARR goal', '--slug', 'q4-arr'],
      /slug "q4-arr" is taken by goal #2 "Close \$500,000 new ARR": choose another with --slug/,
    ],
    ['a duplicate slug on edit', ['goals', 'edit', 'demos', '--slug', 'churn'], /slug "churn" is taken by goal #4/],
    ['an ambiguous slug', ['goals', 'add', 'Quota', '--slug', '2026'], /slug "2026" is ambiguous: a number names a goal by its id/],
    [
      'an invalid slug',
      ['goals', 'add', 'Quota', '--slug', 'Q4 ARR'],
      /invalid slug "Q4 ARR": use lowercase letters, digits and single dashes/,
    ],
    ['--aligns-to itself', ['goals', 'edit', 'q4-arr', '--aligns-to', 'q4-arr'], /goal "q4-arr" cannot align to itself/],
    [
      '--aligns-to a cycle',
      ['goals', 'edit', 'grow-emea', '--aligns-to', 'q4-arr'],
      /goal "grow-emea" cannot align to "q4-arr": q4-arr already aligns to grow-emea/,
    ],
    ['--aligns-to a longer cycle', ['goals', 'edit', 'grow-emea', '--aligns-to', '3'], /cannot align to "demos"/],
    [
      '--aligns-to an unknown id',
      ['goals', 'add', 'Quota', '--aligns-to', '99'],
      /invalid --aligns-to "99": there is no goal with that id/,
    ],
    [
      '--aligns-to a mistyped slug',
      ['goals', 'add', 'Quota', '--aligns-to', 'grow-emae'],
      /invalid --aligns-to "grow-emae": no such goal; did you mean grow-emea\?/,
    ],
    [
      '--aligns-to a slug that matches nothing',
      ['goals', 'add', 'Quota', '--aligns-to', 'nosuch-slug'],
      /^perf: invalid --aligns-to "nosuch-slug": no goal has that id, slug or title \(see perf goals --all; free text for an objective outside the journal takes two words or more, e.g. "Grow EMEA revenue 20%"\)\n$/,
    ],
    [
      '--aligns-to one word that matches nothing',
      ['goals', 'edit', 'demos', '--aligns-to', 'Retention'],
      /invalid --aligns-to "Retention": no goal has that id, slug or title/,
    ],
    [
      '--aligns-to a mistyped slug without a dash',
      ['goals', 'add', 'Quota', '--aligns-to', 'chrun'],
      /invalid --aligns-to "chrun": no such goal; did you mean churn\?/,
    ],
    ['--progress without --goal', ['log', 'Signed Acme', '--progress', '25000'], /--progress needs --goal/],
    ['--progress on a note without a goal', ['notes', 'edit', '1', '--progress', '5'], /--progress needs --goal/],
    ['--progress that is not a number', ['log', 'Signed Acme', '--goal', 'q4-arr', '--progress', 'a lot'], /invalid --progress "a lot"/],
    ['a check-in in the future', ['goals', 'update', 'q4-arr', '5', '--date', 'tomorrow'], /check-in date "tomorrow" is in the future/],
    ['a date that is not a date', ['goals', 'add', 'Quota', '--target', '5', '--due', 'someday'], /invalid --due date "someday"/],
    [
      'a target equal to the baseline',
      ['goals', 'add', 'Hold ten', '--target', '10', '--baseline', '10'],
      /^perf: target 10 equals the baseline 10: a goal needs a target different from where it starts\n$/,
    ],
    ['a target equal to the default baseline', ['goals', 'add', 'Nothing', '--target', '0'], /target 0 equals the baseline 0/],
    ['an edited target equal to the baseline', ['goals', 'edit', 'churn', '--target', '5'], /target 5 equals the baseline 5/],
    [
      'an edited baseline equal to the target',
      ['goals', 'edit', 'q4-arr', '--baseline', '500,000'],
      /target 500000 equals the baseline 500000/,
    ],
    [
      '-n on goals update (only --note: -n is --limit on perf notes)',
      ['goals', 'update', 'q4-arr', '5', '-n', 'Signed'],
      /unknown option '-n'/,
    ],
    ['a start that is not a date', ['goals', 'edit', 'q4-arr', '--start', 'soonish'], /invalid --start date "soonish"/],
    ['an empty title', ['goals', 'add', '  '], /the goal title is empty/],
    ['edit with nothing to change', ['goals', 'edit', 'q4-arr'], /nothing to change/],
    ['reopen on an active goal', ['goals', 'reopen', 'q4-arr'], /goal "q4-arr" is active already: reopen is for done or dropped goals/],
  ])('%s', async (_label, args, message) => {
    await expectRefused(args, await seed(), message);
  });

  it('refuses done on a dropped goal, and drop or done twice', async () => {
    const db = await seed();
    await ok(db, ['goals', 'drop', 'demos']);
    await expectRefused(
      ['goals', 'done', 'demos'],
      db,
      /goal "demos" is dropped: reopen it first \(perf goals reopen demos\), then mark it done/,
    );
    await expectRefused(['goals', 'drop', 'demos'], db, /goal "demos" is already dropped/);
    await ok(db, ['goals', 'done', 'churn']);
    await expectRefused(['goals', 'done', 'churn'], db, /goal "churn" is already done/);
    await expectRefused(['goals', 'drop', 'churn'], db, /goal "churn" is done: reopen it first/);
  });

  it('refuses an --aligns-to title that two goals share, naming both', async () => {
    const db = await seed();
    await ok(db, ['goals', 'add', 'Grow EMEA revenue', '--org']);
    await ok(db, ['goals', 'add', 'Grow EMEA revenue', '--org']);
    await expectRefused(
      ['goals', 'add', 'Deals', '--target', '5', '--aligns-to', 'grow emea REVENUE'],
      db,
      /^perf: --aligns-to "grow emea REVENUE" is ambiguous: it is the title of grow-emea-revenue, grow-emea-revenue-2; name one by its slug\n$/,
    );
    await ok(db, ['goals', 'add', 'Deals', '--target', '5', '--aligns-to', 'grow-emea-revenue-2']);
    expect((await goal(db, 'deals')).alignsTo).toMatchObject({ slug: 'grow-emea-revenue-2' });
  });

  it('creates no journal for a refused command on a missing one', async () => {
    const db = tempDbPath();
    await expectRefused(['goals', 'add', 'Quota', '--aligns-to', '7'], db, /no goal with that id/);
    await expectRefused(['goals', 'show', 'q4-arr'], db, /unknown goal "q4-arr"/);
    await expectRefused(['log', 'Signed', '--goal', 'q4-arr', '--progress', '5'], db, /unknown goal/);
    expect(dumpDb(db)).toBeNull();
  });
});
