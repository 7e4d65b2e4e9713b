import { describe, expect, it } from 'vitest';
import { goalUpdateRecord, goalRecord } from '../fixtures/records.js';
import {
  alignmentChain,
  assertUpdateFits,
  assertStartCoversUpdates,
  assertStatusChange,
  assertTargetMoves,
  goalToJson,
  parseSlug,
  parseUpdateValue,
  slugBase,
  staleGoals,
  viewGoal,
  type GoalUpdate,
  type Goal,
} from '../../src/domain/goals.js';
import { arrangeGoals, tallyGoals, type GoalRow } from '../../src/domain/goal-list.js';
import type { GoalStatus } from '../../src/domain/goal-progress.js';

const TODAY = '2026-11-26';

function goal(id: number, overrides: Partial<Goal> = {}): Goal {
  return {
    id,
    slug: `g${id}`,
    title: `Goal ${id}`,
    org: false,
    unit: null,
    baseline: 0,
    target: 100,
    start: '2026-10-07',
    due: '2027-01-15',
    status: 'active',
    closedOn: null,
    alignsToId: null,
    alignsToText: null,
    rule: null,
    every: null,
    outcome: null,
    rolledFrom: null,
    createdAt: '2026-10-07T09:00:00.000Z',
    updatedAt: '2026-10-07T09:00:00.000Z',
    ...overrides,
  };
}

function update(goalId: number, date: string, amount: number, kind: 'set' | 'add' = 'add', id = 1): GoalUpdate {
  return { id, goalId, date, kind, amount, note: null, noteId: null, noteText: null, createdAt: `${date}T12:00:00.000Z` };
}

function views(goals: Goal[], updates: GoalUpdate[] = []) {
  const byId = new Map(goals.map((g) => [g.id, g]));
  return goals.map((g) =>
    viewGoal(
      g,
      updates.filter((c) => c.goalId === g.id),
      byId,
      TODAY,
    ),
  );
}

const shape = (rows: GoalRow[]) =>
  rows.map((r) => (r.kind === 'goal' ? `${'  '.repeat(r.depth)}${r.view.goal.slug}` : `${'  '.repeat(r.depth)}"${r.text}"`));

describe('parseUpdateValue', () => {
  it.each([
    ['120', { kind: 'set', amount: 120 }],
    ['0', { kind: 'set', amount: 0 }],
    ['2.5', { kind: 'set', amount: 2.5 }],
    ['125,000', { kind: 'set', amount: 125000 }],
    ['+15', { kind: 'add', amount: 15 }],
    ['-5', { kind: 'add', amount: -5 }],
    [' +1,000.50 ', { kind: 'add', amount: 1000.5 }],
    ['-0.3', { kind: 'add', amount: -0.3 }],
    ['$100', { kind: 'set', amount: 100 }],
    ['34k', { kind: 'set', amount: 34000 }],
    ['-€1.2k', { kind: 'add', amount: -1200 }],
    ['€+5', { kind: 'add', amount: 5 }],
    ['EUR -5', { kind: 'add', amount: -5 }],
  ])('%j → %j', (raw, expected) => {
    expect(parseUpdateValue(raw)).toEqual(expected);
  });

  it('reads by the decimal mark it is given', () => {
    expect(parseUpdateValue('+34.000,50', { decimal: ',' })).toEqual({ kind: 'add', amount: 34000.5 });
    expect(() => parseUpdateValue('+34.000,50')).toThrow(/decimals take a point/);
  });

  it.each(['', 'abc', '12abc', '+', '--5', '1.2.3', '10%', '12 abc'])('refuses %j', (raw) => {
    expect(() => parseUpdateValue(raw)).toThrow(
      /invalid value .*: use a number to set the goal \(120, 34k, €34,000\) or a change \(\+15, -5\)/,
    );
  });
});

describe('parseSlug and slugBase', () => {
  it.each([
    ['q4-arr', 'q4-arr'],
    [' churn ', 'churn'],
    ['goal-2026', 'goal-2026'],
  ])('accepts %j as %j', (raw, slug) => {
    expect(parseSlug(raw)).toBe(slug);
  });

  it.each([
    ['2026', /ambiguous: a number names a goal by its id; add letters, e.g. goal-2026/],
    ['Q4-ARR', /invalid slug "Q4-ARR"/],
    ['q4 arr', /invalid slug/],
    ['q4--arr', /invalid slug/],
    ['-q4', /invalid slug/],
    ['', /invalid slug/],
  ])('refuses %j', (raw, message) => {
    expect(() => parseSlug(raw)).toThrow(message);
  });

  it.each([
    ['close-500-000-new-arr', 'close-500-000-new-arr'],
    ['2026', 'goal-2026'],
    ['', 'goal'],
  ])('slugBase(%j) = %j', (slugified, base) => {
    expect(slugBase(slugified)).toBe(base);
  });
});

describe('assertStatusChange', () => {
  it.each<[GoalStatus, GoalStatus, RegExp | null]>([
    ['active', 'done', null],
    ['active', 'dropped', null],
    ['done', 'active', null],
    ['dropped', 'active', null],
    ['active', 'active', /is active already: reopen is for done or dropped goals/],
    ['done', 'done', /is already done/],
    ['dropped', 'dropped', /is already dropped/],
    ['dropped', 'done', /is dropped: reopen it first \(perf goals reopen g1\), then mark it done/],
    ['done', 'dropped', /is done: reopen it first \(perf goals reopen g1\), then drop it/],
  ])('%s → %s', (from, to, message) => {
    const check = () => assertStatusChange(goal(1, { status: from }), to);
    if (message) expect(check).toThrow(message);
    else expect(check).not.toThrow();
  });
});

describe('assertUpdateFits', () => {
  it.each<[string, Partial<Goal>, 'set' | 'add', string, RegExp | null]>([
    ['a set on the start day', {}, 'set', '2026-10-07', null],
    ['a change on an active goal', {}, 'add', '2026-11-26', null],
    ['a change on a done goal', { status: 'done', closedOn: '2026-11-20' }, 'add', '2026-11-26', null],
    ['a set on a goal without a target', { target: null }, 'set', '2026-11-26', null],
    ['a set the day before the start', {}, 'set', '2026-10-06', /^check-in date 2026-10-06 is before goal "g1" starts \(2026-10-07\)/],
    [
      'a change on a goal without a target',
      { target: null },
      'add',
      '2026-11-26',
      /goal "g1" has no numeric target, so \+5 has nothing to add to/,
    ],
    [
      'a set on a dropped goal',
      { status: 'dropped', closedOn: '2026-11-20' },
      'set',
      '2026-11-26',
      /^goal "g1" was dropped on 2026-11-20 and takes no more check-ins: reopen it first \(perf goals reopen g1\) to record \+5$/,
    ],
    [
      'a change on a dropped goal without a target',
      { status: 'dropped', target: null },
      'add',
      '2026-11-26',
      /was dropped and takes no more check-ins/,
    ],
  ])('%s', (_label, overrides, kind, date, message) => {
    const check = () => assertUpdateFits(goal(1, overrides), { kind, date }, '+5');
    if (message) expect(check).toThrow(message);
    else expect(check).not.toThrow();
  });

  it.each<[string, string[], RegExp | null]>([
    ['no updates', [], null],
    ['a start on the first update', ['2026-11-01', '2026-10-20'], null],
    [
      'a start after the first check-in',
      ['2026-11-01', '2026-10-19'],
      /^--start 2026-10-20 is after the first check-in of goal "g1" \(2026-10-19\)/,
    ],
  ])('assertStartCoversUpdates: %s', (_label, dates, message) => {
    const check = () =>
      assertStartCoversUpdates(
        goal(1),
        '2026-10-20',
        dates.map((date) => ({ date })),
      );
    if (message) expect(check).toThrow(message);
    else expect(check).not.toThrow();
  });

  it.each<[number, number | null, RegExp | null]>([
    [0, 10, null],
    [5, 2, null],
    [0, null, null],
    [10, 10, /^target 10 equals the baseline 10: a goal needs a target different from where it starts$/],
    [2.5, 2.5, /target 2.5 equals the baseline 2.5/],
  ])('assertTargetMoves(%j, %j)', (baseline, target, message) => {
    const check = () => assertTargetMoves(baseline, target);
    if (message) expect(check).toThrow(message);
    else expect(check).not.toThrow();
  });
});

describe('arrangeGoals', () => {
  it('puts objectives first with aligned goals nested beneath, then free-text objectives, then the rest', () => {
    const goals = [
      goal(1, { slug: 'mine' }),
      goal(2, { slug: 'emea', org: true }),
      goal(3, { slug: 'arr', alignsToId: 2 }),
      goal(4, { slug: 'demos', alignsToId: 3 }),
      goal(5, { slug: 'churn', alignsToText: 'Keep customers longer' }),
      goal(6, { slug: 'nps', alignsToText: 'keep customers LONGER' }),
      goal(7, { slug: 'apac', org: true }),
    ];
    const { objectives, others } = arrangeGoals(views(goals));
    expect(shape(objectives)).toEqual(['emea', '  arr', '    demos', 'apac', '"Keep customers longer"', '  churn', '  nps']);
    expect(shape(others)).toEqual(['mine']);
  });

  it('starts a new tree for a goal whose parent is not shown', () => {
    const goals = [goal(1, { slug: 'emea', org: true, status: 'done' }), goal(2, { slug: 'arr', alignsToId: 1 })];
    const { objectives, others } = arrangeGoals(views(goals).filter((v) => v.goal.status === 'active'));
    expect(shape(objectives)).toEqual([]);
    expect(shape(others)).toEqual(['arr']);
  });

  it('shows goals caught in a hand-made cycle instead of losing them', () => {
    const goals = [goal(1, { slug: 'a', alignsToId: 2 }), goal(2, { slug: 'b', alignsToId: 1 })];
    const { objectives, others } = arrangeGoals(views(goals));
    expect([...shape(objectives), ...shape(others)]).toEqual(['a', '  b']);
  });
});

describe('alignmentChain', () => {
  it('walks up to the top, ending with a free-text objective', () => {
    const goals = [
      goal(1, { slug: 'emea', org: true, alignsToText: 'Be the EMEA leader' }),
      goal(2, { slug: 'arr', alignsToId: 1 }),
      goal(3, { slug: 'demos', alignsToId: 2 }),
    ];
    const byId = new Map(goals.map((g) => [g.id, g]));
    expect(alignmentChain(goals[2] as Goal, byId)).toEqual([
      { id: 2, slug: 'arr', title: 'Goal 2' },
      { id: 1, slug: 'emea', title: 'Goal 1' },
      'Be the EMEA leader',
    ]);
    expect(alignmentChain(goals[0] as Goal, byId)).toEqual(['Be the EMEA leader']);
  });

  it('stops at a hand-made cycle', () => {
    const goals = [goal(1, { alignsToId: 2 }), goal(2, { alignsToId: 1 })];
    expect(alignmentChain(goals[0] as Goal, new Map(goals.map((g) => [g.id, g])))).toEqual([{ id: 2, slug: 'g2', title: 'Goal 2' }]);
  });
});

describe('staleGoals', () => {
  it.each([
    ['updated 29 days ago', goal(1), [update(1, '2026-10-28', 5)], null],
    ['updated 30 days ago', goal(1), [update(1, '2026-10-27', 5)], { days: 30, neverUpdated: false }],
    ['never updated, started 50 days ago', goal(1), [], { days: 50, neverUpdated: true }],
    ['never updated, started 29 days ago', goal(1, { start: '2026-10-28' }), [], null],
    ['starts in the future', goal(1, { start: '2026-12-01' }), [], null],
    ['no target (done or not)', goal(1, { target: null }), [], null],
    ['done', goal(1, { status: 'done' }), [], null],
  ])('%s', (_label, g, updates, expected) => {
    const stale = staleGoals(views([g], updates), TODAY);
    expect(stale.map(({ days, neverUpdated }) => ({ days, neverUpdated }))[0] ?? null).toEqual(expected);
  });
});

describe('goalToJson', () => {
  it('has every field of the CLI.md goal shape, alignment as a reference or text', () => {
    const goals = [goal(1, { org: true }), goal(2, { alignsToId: 1, unit: 'USD' }), goal(3, { alignsToText: 'Grow EMEA' })];
    const [org, aligned, text] = views(goals, [update(2, '2026-11-01', 60)]).map(goalToJson);
    expect(Object.keys(aligned ?? {})).toEqual(
      expect.arrayContaining([
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
      ]),
    );
    expect(org?.alignsTo).toBeNull();
    expect(aligned).toMatchObject({
      current: 60,
      percent: 60,
      pace: 'ahead',
      projected: 120,
      alignsTo: { id: 1, slug: 'g1', title: 'Goal 1' },
    });
    expect(text?.alignsTo).toBe('Grow EMEA');
  });

  it('reads a goal moved the wrong way as 0%, with the truth in current', () => {
    const [json] = views([goal(1, { baseline: 5, target: 2 })], [update(1, '2026-11-01', 6, 'set')]).map(goalToJson);
    expect(json).toMatchObject({ current: 6, percent: 0, pace: 'behind' });
  });
});

describe('tallyGoals', () => {
  it('counts active goals by pace, most worrying first, and finished ones by status', () => {
    const goals = [
      goal(1),
      goal(2),
      goal(3, { target: null }),
      goal(4, { due: '2026-11-01' }),
      goal(5, { status: 'done', closedOn: '2026-11-20' }),
      goal(6, { status: 'dropped', closedOn: '2026-11-20' }),
      goal(7),
    ];
    const tally = tallyGoals(views(goals, [update(1, '2026-11-01', 50), update(7, '2026-11-01', 80)]));
    expect(tally).toEqual({
      total: 7,
      active: 5,
      paces: [
        ['overdue', 1],
        ['behind', 1],
        ['on-track', 1],
        ['ahead', 1],
        ['no-target', 1],
      ],
      done: 1,
      dropped: 1,
    });
  });

  it('is empty for no goals', () => {
    expect(tallyGoals([])).toEqual({ total: 0, active: 0, paces: [], done: 0, dropped: 0 });
  });
});

describe('viewGoal: the last update', () => {
  it.each([
    ['2026-11-26', ['2026-10-01', '2026-12-15'], '2026-10-01'],
    ['2026-12-20', ['2026-10-01', '2026-12-15'], '2026-12-15'],
    ['2026-09-01', ['2026-10-01'], null],
  ])('on %s with updates %j is %s (later ones do not count yet)', (today, dates, expected) => {
    const goal = goalRecord(1);
    const updates = dates.map((date, i) => goalUpdateRecord(i + 1, 1, date, 'add', 10));
    expect(viewGoal(goal, updates, new Map([[1, goal]]), today).lastUpdate).toBe(expected);
  });
});
