import { describe, expect, it } from 'vitest';
import { rollTitle } from '../../../src/domain/goal-roll.js';
import { DEFAULT_CYCLE_START } from '../../../src/domain/cycle.js';
import { expectRefused, run, stderrAfterCreating, type RunResult } from '../../helpers.js';
import { journalFixture } from '../../harness/journals.js';

// The quarter ends on Wednesday 30 September 2026; "before" is in it, "after" two days past it.
const BEFORE = '2026-09-15T10:00:00';
const AFTER = '2026-10-02T10:00:00';
const Q3 = ['--start', '2026-07-01', '--due', '2026-09-30'];

async function ok(db: string, args: string[], now: string): Promise<RunResult> {
  const result = await run(args, { db, now });
  expect(result.code).toBe(0);
  return result;
}

type GoalJson = Record<string, unknown> & { slug: string };

async function goals(db: string, now: string): Promise<GoalJson[]> {
  return JSON.parse((await run(['goals', '--all', '--json'], { db, now })).stdout) as GoalJson[];
}

const seed = journalFixture(async (db) => {
  const add = async (args: string[]) => expect(stderrAfterCreating((await ok(db, args, BEFORE)).stderr, db)).toBe('');
  await add(['goals', 'add', 'Grow EMEA revenue 20%', '--org', '--slug', 'grow-emea']);
  await add([
    'goals',
    'add',
    'Meetings booked Q3 2026',
    '--target',
    '3',
    '--counts',
    'type:meeting',
    ...Q3,
    '--every',
    'quarter',
    '--aligns-to',
    'grow-emea',
  ]);
  await add(['goals', 'add', 'Quota Q3 2026', '--target', '10000', '--unit', 'USD', ...Q3]);
  await add(['goals', 'add', 'Demos in September', '--target', '5', '--start', '2026-09-01', '--due', '2026-09-30']);
  await add(['log', 'Discovery with Acme', '--type', 'meeting', '-d', '2026-08-10']);
  await add(['log', 'Demo for Beta', '--type', 'meeting', '-d', '2026-09-10']);
  await add(['log', 'Beta negotiation', '--type', 'meeting', '-d', '2026-09-14']);
  await add(['goals', 'update', 'quota-q3-2026', '7500']);
  await add(['goals', 'update', 'demos-in-september', '6']);
});

describe('perf goals roll', () => {
  it('closes ended goals with their outcome and starts the next period with the same target, rule and alignment', async () => {
    const db = await seed();
    const result = await ok(db, ['goals', 'roll', 'quota-q3-2026', '--to', 'next-quarter'], AFTER);
    // This first write after the quarter also rolls the --every goal over (#5), on stderr.
    expect(result.stderr).toMatch(/^Rolled over meetings-booked-q3-2026 .* #5 meetings-booked-q4-2026/);
    expect(result.stdout).toBe('Rolled over quota-q3-2026 (missed: $7,500 of $10,000) → #6 quota-q4-2026, 1 Oct 2026 – 31 Dec 2026\n');
    const demos = await ok(db, ['goals', 'roll', 'demos-in-september'], AFTER);
    expect(demos.stdout).toBe('Rolled over demos-in-september (achieved: 6 of 5) → #7 demos-in-october, 1 Oct 2026 – 31 Oct 2026\n');
    await expectRefused(
      ['goals', 'roll', 'quota-q3-2026'],
      db,
      /^perf: goal "quota-q3-2026" was rolled over already, into "quota-q4-2026"\n$/,
      {
        now: AFTER,
      },
    );
    const all = await goals(db, AFTER);
    expect(all.find((g) => g.slug === 'quota-q3-2026')).toMatchObject({
      status: 'done',
      outcome: 'missed',
      closedOn: '2026-09-30',
      current: 7500,
    });
    expect(all.find((g) => g.slug === 'quota-q4-2026')).toMatchObject({
      title: 'Quota Q4 2026',
      status: 'active',
      outcome: null,
      target: 10000,
      unit: 'USD',
      current: 0,
      start: '2026-10-01',
      due: '2026-12-31',
    });
    expect(all.find((g) => g.slug === 'demos-in-september')).toMatchObject({ outcome: 'achieved', pace: 'achieved' });
  });

  it('refuses a goal that has not ended, writing nothing', async () => {
    const db = await seed();
    await expectRefused(
      ['goals', 'roll', 'quota-q3-2026', '--to', 'next-quarter'],
      db,
      /^perf: goal "quota-q3-2026" has not ended: it is due 2026-09-30; roll it over from the day after\n$/,
      { now: BEFORE },
    );
    await expectRefused(['goals', 'roll', 'grow-emea'], db, /has no due date, so it never ends/, { now: AFTER });
    await expectRefused(['goals', 'roll'], db, /name the goals to roll over/, { now: AFTER });
    await expectRefused(['goals', 'roll', 'quota-q3-2026', '--to', 'next-week'], db, /unknown period "next-week"/, { now: AFTER });
    // The next goal follows the one it continues: a period already over (or the same one) would start ended.
    await expectRefused(
      ['goals', 'roll', 'quota-q3-2026', '--to', '2026-Q1'],
      db,
      /^perf: --to 2026-Q1 starts on 2026-01-01, before goal "quota-q3-2026" ends \(2026-09-30\): roll it over to a later period, e\.g\. --to next-quarter\n$/,
      { now: AFTER },
    );
    await expectRefused(['goals', 'roll', 'quota-q3-2026', '--to', '2026-Q3'], db, /^perf: --to 2026-Q3 starts on 2026-07-01, before/, {
      now: AFTER,
    });
  });

  it('says a goal without a target was closed, not "done: 0"', async () => {
    const db = await seed();
    await ok(db, ['goals', 'add', 'Certification', '--start', '2026-07-01', '--due', '2026-09-30'], BEFORE);
    const result = await ok(db, ['goals', 'roll', 'certification', '--to', 'next-quarter'], AFTER);
    expect(result.stdout).toMatch(/^Rolled over certification \(closed\) → #\d+ certification-2, 1 Oct 2026 – 31 Dec 2026\n$/);
  });

  it('rolls to a named period and renames the title after it', async () => {
    const db = await seed();
    await ok(db, ['goals', 'roll', 'quota-q3-2026', '--to', '2027-Q1'], AFTER);
    expect((await goals(db, AFTER)).at(-1)).toMatchObject({ title: 'Quota Q1 2027', start: '2027-01-01', due: '2027-03-31' });
  });

  it('an --every goal rolls over inside the first writing command after its period, as its own undoable change', async () => {
    const db = await seed();
    // Before the quarter ends nothing happens.
    expect((await ok(db, ['log', 'Call with Gamma', '--type', 'call'], BEFORE)).stderr).toBe('');
    // After it, a read-only command only says so.
    const listed = await run(['goals', '--json'], { db, now: AFTER });
    // The hint names it: --all-ended would also roll the goals that do not roll by themselves (quota, demos).
    expect(listed.stderr).toBe(
      'perf: 1 goal that rolls over has ended: the next change rolls it over (or now: perf goals roll meetings-booked-q3-2026)\n',
    );
    expect((await goals(db, AFTER)).filter((g) => g.slug.startsWith('meetings'))).toHaveLength(1);
    // The first write rolls it, said once.
    const logged = await ok(db, ['log', 'Kick-off with Delta', '--type', 'meeting'], AFTER);
    expect(logged.stderr).toBe(
      'Rolled over meetings-booked-q3-2026 (achieved: 3 of 3) → #5 meetings-booked-q4-2026, 1 Oct 2026 – 31 Dec 2026\n',
    );
    expect((await ok(db, ['log', 'Another call', '--type', 'call'], AFTER)).stderr).toBe('');
    const all = await goals(db, AFTER);
    expect(all.find((g) => g.slug === 'meetings-booked-q3-2026')).toMatchObject({ status: 'done', outcome: 'achieved', current: 3 });
    expect(all.find((g) => g.slug === 'meetings-booked-q4-2026')).toMatchObject({
      title: 'Meetings booked Q4 2026',
      current: 1,
      target: 3,
      start: '2026-10-01',
      due: '2026-12-31',
      rule: { counts: ['type:meeting'] },
      every: 'quarter',
      alignsTo: { slug: 'grow-emea' },
    });
    // Undo takes the two logs back one by one, then the roll on its own.
    await ok(db, ['undo', '--yes'], AFTER);
    await ok(db, ['undo', '--yes'], AFTER);
    expect((await goals(db, AFTER)).find((g) => g.slug === 'meetings-booked-q4-2026')).toBeDefined();
    await ok(db, ['undo', '--yes'], AFTER);
    const undone = await goals(db, AFTER);
    expect(undone.find((g) => g.slug === 'meetings-booked-q4-2026')).toBeUndefined();
    expect(undone.find((g) => g.slug === 'meetings-booked-q3-2026')).toMatchObject({ status: 'active', outcome: null });
  });

  it('a refused command writes nothing, the roll included', async () => {
    const db = await seed();
    await expectRefused(['log', 'Called Acme', '--goal', 'no-such-goal'], db, /unknown goal "no-such-goal"/, { now: AFTER });
    await expectRefused(['goals', 'update', 'quota-q3-2026', '+5', '-d', '2026-06-01'], db, /before goal "quota-q3-2026" starts/, {
      now: AFTER,
    });
  });

  it('a journal left for two quarters catches up one period at a time', async () => {
    const db = await seed();
    await ok(db, ['log', 'Back at last'], '2027-02-10T10:00:00');
    const meetings = (await goals(db, '2027-02-10T10:00:00')).filter((g) => String(g.title).startsWith('Meetings'));
    expect(meetings.map((g) => [g.title, g.status, g.outcome, g.current])).toEqual([
      ['Meetings booked Q3 2026', 'done', 'achieved', 3],
      ['Meetings booked Q4 2026', 'done', 'missed', 0],
      ['Meetings booked Q1 2027', 'active', null, 0],
    ]);
  });
});

describe('rollTitle', () => {
  const c = DEFAULT_CYCLE_START;
  const q3 = { from: '2026-07-01', to: '2026-09-30' };
  const q4 = { from: '2026-10-01', to: '2026-12-31' };
  const q1 = { from: '2027-01-01', to: '2027-03-31' };
  it.each([
    ['Q3 2026 meetings', q3, q4, 'Q4 2026 meetings'],
    ['Quota Q4 2026', q4, q1, 'Quota Q1 2027'],
    ['2026-Q4 pipeline', q4, q1, '2027-Q1 pipeline'],
    ['FY26 Q4 renewals', q4, q1, 'FY27 Q1 renewals'],
    ['Demos in June', { from: '2026-06-01', to: '2026-06-30' }, { from: '2026-07-01', to: '2026-07-31' }, 'Demos in July'],
    ['DEC calls', { from: '2026-12-01', to: '2026-12-31' }, { from: '2027-01-01', to: '2027-01-31' }, 'JAN calls'],
    ['Book 40 demos', q3, q4, 'Book 40 demos'],
    ['Q4/26 pipeline', q4, q1, 'Q1/27 pipeline'],
    ["Quota Q4'26", q4, q1, "Quota Q1'27"],
    ['Calls Q3-26', q3, q4, 'Calls Q4-26'],
    ['Q2/26 leftovers', q3, q4, 'Q2/26 leftovers'],
  ])('%s → %s', (title, from, to, expected) => {
    expect(rollTitle(title, from, to, c)).toBe(expected);
  });
});
