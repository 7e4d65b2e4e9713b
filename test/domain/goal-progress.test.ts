import { describe, expect, it } from 'vitest';
import {
  PACE_TOLERANCE,
  PACES,
  assessGoal,
  assessGoalView,
  replayUpdates,
  valueAt,
  valuesAfterEach,
  type UpdateEntry,
  type GoalAssessment,
  type GoalFacts,
} from '../../src/domain/goal-progress.js';

// 2026-01-01 → 2026-04-11 is exactly 100 days, so day N of the goal is N% of the way.
const START = '2026-01-01';
const DAY_50 = '2026-02-20';
const DUE = '2026-04-11';
const AFTER_DUE = '2026-04-12';

function goal(overrides: Partial<Omit<GoalFacts, 'history'>>, updates: UpdateEntry[] = []): GoalFacts {
  const facts = { baseline: 0, target: 1000, start: START, due: DUE, status: 'active' as const, ...overrides };
  return { ...facts, history: replayUpdates(facts.baseline, updates) };
}

const set = (date: string, amount: number): UpdateEntry => ({ date, kind: 'set', amount });

describe('PACES and PACE_TOLERANCE', () => {
  it('lists every pace once and tolerates 5% of the distance', () => {
    expect(PACES).toEqual(['achieved', 'ahead', 'on-track', 'behind', 'overdue', 'no-target']);
    expect(PACE_TOLERANCE).toBe(0.05);
  });
});

describe('replayUpdates', () => {
  it.each<[string, number, UpdateEntry[], { date: string; value: number }[]]>([
    ['no updates', 10, [], []],
    ['add from the baseline', 10, [{ date: '2026-01-05', kind: 'add', amount: 5 }], [{ date: '2026-01-05', value: 15 }]],
    [
      'set then add then subtract',
      10,
      [
        { date: '2026-01-05', kind: 'set', amount: 100 },
        { date: '2026-01-06', kind: 'add', amount: 15 },
        { date: '2026-01-07', kind: 'add', amount: -5 },
      ],
      [
        { date: '2026-01-05', value: 100 },
        { date: '2026-01-06', value: 115 },
        { date: '2026-01-07', value: 110 },
      ],
    ],
    [
      'out-of-order input is replayed by date',
      0,
      [
        { date: '2026-01-07', kind: 'add', amount: 5 },
        { date: '2026-01-05', kind: 'set', amount: 100 },
      ],
      [
        { date: '2026-01-05', value: 100 },
        { date: '2026-01-07', value: 105 },
      ],
    ],
    [
      'equal dates by id',
      0,
      [
        { date: '2026-01-05', kind: 'add', amount: 5, id: 2 },
        { date: '2026-01-05', kind: 'set', amount: 100, id: 1 },
      ],
      [
        { date: '2026-01-05', value: 100 },
        { date: '2026-01-05', value: 105 },
      ],
    ],
    [
      'equal dates without ids keep input order (add first)',
      0,
      [
        { date: '2026-01-05', kind: 'add', amount: 5 },
        { date: '2026-01-05', kind: 'set', amount: 100 },
      ],
      [
        { date: '2026-01-05', value: 5 },
        { date: '2026-01-05', value: 100 },
      ],
    ],
    [
      'equal dates without ids keep input order (set first)',
      0,
      [
        { date: '2026-01-05', kind: 'set', amount: 100 },
        { date: '2026-01-05', kind: 'add', amount: 5 },
      ],
      [
        { date: '2026-01-05', value: 100 },
        { date: '2026-01-05', value: 105 },
      ],
    ],
    [
      'entries without an id come after those with one on the same date',
      0,
      [
        { date: '2026-01-05', kind: 'set', amount: 7 },
        { date: '2026-01-05', kind: 'set', amount: 3, id: 9 },
      ],
      [
        { date: '2026-01-05', value: 3 },
        { date: '2026-01-05', value: 7 },
      ],
    ],
    [
      'decimal sums stay clean',
      0,
      [
        { date: '2026-01-05', kind: 'add', amount: 0.1 },
        { date: '2026-01-06', kind: 'add', amount: 0.2 },
      ],
      [
        { date: '2026-01-05', value: 0.1 },
        { date: '2026-01-06', value: 0.3 },
      ],
    ],
  ])('%s', (_name, baseline, updates, expected) => {
    expect(replayUpdates(baseline, updates)).toEqual(expected);
  });

  it('does not reorder its input', () => {
    const input: UpdateEntry[] = [set('2026-01-07', 1), set('2026-01-05', 2)];
    replayUpdates(0, input);
    expect(input.map((c) => c.date)).toEqual(['2026-01-07', '2026-01-05']);
  });
});

describe('valueAt', () => {
  const history = [
    { date: '2026-01-05', value: 100 },
    { date: '2026-01-05', value: 105 },
    { date: '2026-01-10', value: 80 },
  ];
  it.each([
    ['before the first update', '2026-01-04', 7],
    ['on a day with two updates: the later one', '2026-01-05', 105],
    ['between updates', '2026-01-09', 105],
    ['on the last update', '2026-01-10', 80],
    ['after the last update', '2026-12-31', 80],
  ])('%s', (_name, day, expected) => {
    expect(valueAt(7, history, day)).toBe(expected);
  });
});

type Row = [string, GoalFacts, string, GoalAssessment];

const rising: Row[] = [
  [
    'before the start, no updates',
    goal({}),
    '2025-12-20',
    { current: 0, percent: 0, expected: 0, pace: 'on-track', projected: null, daysLeft: 112 },
  ],
  [
    'before the start with an early update',
    goal({}, [set('2025-12-15', 100)]),
    '2025-12-20',
    { current: 100, percent: 10, expected: 0, pace: 'ahead', projected: null, daysLeft: 112 },
  ],
  [
    'on the start day, no updates',
    goal({}),
    START,
    { current: 0, percent: 0, expected: 0, pace: 'on-track', projected: null, daysLeft: 100 },
  ],
  [
    'on the start day with an update (elapsed counts as one day)',
    goal({}, [set(START, 20)]),
    START,
    { current: 20, percent: 2, expected: 0, pace: 'on-track', projected: 2000, daysLeft: 100 },
  ],
  [
    'mid-way exactly on the line',
    goal({}, [set('2026-02-10', 500)]),
    DAY_50,
    { current: 500, percent: 50, expected: 500, pace: 'on-track', projected: 1000, daysLeft: 50 },
  ],
  [
    'mid-way exactly at the upper tolerance: ahead',
    goal({}, [set('2026-02-10', 550)]),
    DAY_50,
    { current: 550, percent: 55, expected: 500, pace: 'ahead', projected: 1100, daysLeft: 50 },
  ],
  [
    'mid-way just inside the upper tolerance: on-track',
    goal({}, [set('2026-02-10', 549)]),
    DAY_50,
    { current: 549, percent: 54.9, expected: 500, pace: 'on-track', projected: 1098, daysLeft: 50 },
  ],
  [
    'mid-way exactly at the lower tolerance: on-track',
    goal({}, [set('2026-02-10', 450)]),
    DAY_50,
    { current: 450, percent: 45, expected: 500, pace: 'on-track', projected: 900, daysLeft: 50 },
  ],
  [
    'mid-way just past the lower tolerance: behind',
    goal({}, [set('2026-02-10', 449)]),
    DAY_50,
    { current: 449, percent: 44.9, expected: 500, pace: 'behind', projected: 898, daysLeft: 50 },
  ],
  [
    'on the due day within tolerance: not overdue yet',
    goal({}, [set('2026-04-01', 960)]),
    DUE,
    { current: 960, percent: 96, expected: 1000, pace: 'on-track', projected: 960, daysLeft: 0 },
  ],
  [
    'on the due day short of tolerance: behind',
    goal({}, [set('2026-04-01', 900)]),
    DUE,
    { current: 900, percent: 90, expected: 1000, pace: 'behind', projected: 900, daysLeft: 0 },
  ],
  [
    'the day after the due day, not reached: overdue',
    goal({}, [set('2026-04-01', 960)]),
    AFTER_DUE,
    { current: 960, percent: 96, expected: 1000, pace: 'overdue', projected: 960, daysLeft: -1 },
  ],
  [
    'the day after the due day, reached: achieved',
    goal({}, [set('2026-04-01', 1000)]),
    AFTER_DUE,
    { current: 1000, percent: 100, expected: 1000, pace: 'achieved', projected: 1000, daysLeft: -1 },
  ],
  [
    'reached early and exceeded: achieved past 100%',
    goal({}, [set('2026-02-01', 1200)]),
    DAY_50,
    { current: 1200, percent: 120, expected: 500, pace: 'achieved', projected: 2400, daysLeft: 50 },
  ],
  [
    'moved backwards: negative percent',
    goal({}, [set('2026-02-01', -100)]),
    DAY_50,
    { current: -100, percent: -10, expected: 500, pace: 'behind', projected: -200, daysLeft: 50 },
  ],
  [
    'no updates mid-way: behind, no projection',
    goal({}),
    DAY_50,
    { current: 0, percent: 0, expected: 500, pace: 'behind', projected: null, daysLeft: 50 },
  ],
  [
    'updates after today are ignored',
    goal({}, [set('2026-02-10', 300), set('2026-03-01', 900)]),
    DAY_50,
    { current: 300, percent: 30, expected: 500, pace: 'behind', projected: 600, daysLeft: 50 },
  ],
  [
    'only updates after today: baseline and no projection',
    goal({}, [set('2026-03-01', 900)]),
    DAY_50,
    { current: 0, percent: 0, expected: 500, pace: 'behind', projected: null, daysLeft: 50 },
  ],
];

const zeroSpan: Row[] = [
  [
    'zero span, the day before',
    goal({ start: '2026-03-01', due: '2026-03-01' }),
    '2026-02-28',
    { current: 0, percent: 0, expected: 0, pace: 'on-track', projected: null, daysLeft: 1 },
  ],
  [
    'zero span, on the day within tolerance',
    goal({ start: '2026-03-01', due: '2026-03-01' }, [set('2026-03-01', 960)]),
    '2026-03-01',
    { current: 960, percent: 96, expected: 1000, pace: 'on-track', projected: 960, daysLeft: 0 },
  ],
  [
    'zero span, on the day half-way',
    goal({ start: '2026-03-01', due: '2026-03-01' }, [set('2026-03-01', 500)]),
    '2026-03-01',
    { current: 500, percent: 50, expected: 1000, pace: 'behind', projected: 500, daysLeft: 0 },
  ],
  [
    'zero span, the day after',
    goal({ start: '2026-03-01', due: '2026-03-01' }, [set('2026-03-01', 500)]),
    '2026-03-02',
    { current: 500, percent: 50, expected: 1000, pace: 'overdue', projected: 500, daysLeft: -1 },
  ],
];

const churn = (updates: UpdateEntry[], overrides: Partial<GoalFacts> = {}): GoalFacts =>
  goal({ baseline: 5, target: 2, ...overrides }, updates);

const falling: Row[] = [
  [
    'churn 5 → 2 on the line',
    churn([set('2026-02-10', 3.5)]),
    DAY_50,
    { current: 3.5, percent: 50, expected: 3.5, pace: 'on-track', projected: 2, daysLeft: 50 },
  ],
  [
    'churn ahead',
    churn([set('2026-02-10', 3)]),
    DAY_50,
    { current: 3, percent: 66.7, expected: 3.5, pace: 'ahead', projected: 1, daysLeft: 50 },
  ],
  [
    'churn exactly at the upper tolerance: ahead',
    churn([set('2026-02-10', 3.35)]),
    DAY_50,
    { current: 3.35, percent: 55, expected: 3.5, pace: 'ahead', projected: 1.7, daysLeft: 50 },
  ],
  [
    'churn exactly at the lower tolerance: on-track',
    churn([set('2026-02-10', 3.65)]),
    DAY_50,
    { current: 3.65, percent: 45, expected: 3.5, pace: 'on-track', projected: 2.3, daysLeft: 50 },
  ],
  [
    'churn behind',
    churn([set('2026-02-10', 4.5)]),
    DAY_50,
    { current: 4.5, percent: 16.7, expected: 3.5, pace: 'behind', projected: 4, daysLeft: 50 },
  ],
  [
    'churn got worse',
    churn([set('2026-02-10', 6)]),
    DAY_50,
    { current: 6, percent: -33.3, expected: 3.5, pace: 'behind', projected: 7, daysLeft: 50 },
  ],
  [
    'churn reached exactly',
    churn([set('2026-02-10', 2)]),
    DAY_50,
    { current: 2, percent: 100, expected: 3.5, pace: 'achieved', projected: -1, daysLeft: 50 },
  ],
  [
    'churn beaten',
    churn([set('2026-02-10', 1.8)]),
    DAY_50,
    { current: 1.8, percent: 106.7, expected: 3.5, pace: 'achieved', projected: -1.4, daysLeft: 50 },
  ],
  [
    'churn overdue',
    churn([set('2026-04-01', 2.5)]),
    AFTER_DUE,
    { current: 2.5, percent: 83.3, expected: 2, pace: 'overdue', projected: 2.5, daysLeft: -1 },
  ],
];

const holdValue: Row[] = [
  [
    'target equal to baseline, held',
    goal({ baseline: 10, target: 10 }),
    DAY_50,
    { current: 10, percent: 100, expected: 10, pace: 'achieved', projected: null, daysLeft: 50 },
  ],
  [
    'target equal to baseline, moved away',
    goal({ baseline: 10, target: 10 }, [set('2026-02-10', 12)]),
    DAY_50,
    { current: 12, percent: 0, expected: 10, pace: 'behind', projected: 14, daysLeft: 50 },
  ],
  [
    'target equal to baseline, moved away on the start day',
    goal({ baseline: 10, target: 10 }, [set(START, 11)]),
    START,
    { current: 11, percent: 0, expected: 10, pace: 'on-track', projected: 110, daysLeft: 100 },
  ],
];

const statuses: Row[] = [
  [
    'done short of the target: achieved, projected is current',
    goal({ status: 'done' }, [set('2026-02-10', 300)]),
    DAY_50,
    { current: 300, percent: 30, expected: 500, pace: 'achieved', projected: 300, daysLeft: 50 },
  ],
  [
    'dropped mid-way, behind',
    goal({ status: 'dropped' }, [set('2026-02-10', 300)]),
    DAY_50,
    { current: 300, percent: 30, expected: 500, pace: 'behind', projected: 600, daysLeft: 50 },
  ],
  [
    'dropped mid-way, ahead',
    goal({ status: 'dropped' }, [set('2026-02-10', 700)]),
    DAY_50,
    { current: 700, percent: 70, expected: 500, pace: 'ahead', projected: 1400, daysLeft: 50 },
  ],
  [
    'dropped after the due day: behind, never overdue',
    goal({ status: 'dropped' }, [set('2026-04-01', 960)]),
    AFTER_DUE,
    { current: 960, percent: 96, expected: 1000, pace: 'behind', projected: 960, daysLeft: -1 },
  ],
  [
    'no target: qualitative',
    goal({ target: null }, [set('2026-02-10', 300)]),
    DAY_50,
    { current: 300, percent: null, expected: null, pace: 'no-target', projected: null, daysLeft: 50 },
  ],
  [
    'no target and overdue: still no-target',
    goal({ target: null }),
    AFTER_DUE,
    { current: 0, percent: null, expected: null, pace: 'no-target', projected: null, daysLeft: -1 },
  ],
  [
    'no target, done: achieved',
    goal({ target: null, status: 'done' }),
    DAY_50,
    { current: 0, percent: null, expected: null, pace: 'achieved', projected: null, daysLeft: 50 },
  ],
  [
    'no due date, not reached: on-track',
    goal({ due: null }, [set('2026-02-10', 300)]),
    DAY_50,
    { current: 300, percent: 30, expected: null, pace: 'on-track', projected: null, daysLeft: null },
  ],
  [
    'no due date, reached: achieved',
    goal({ due: null }, [set('2026-02-10', 1000)]),
    DAY_50,
    { current: 1000, percent: 100, expected: null, pace: 'achieved', projected: null, daysLeft: null },
  ],
];

const projections: Row[] = [
  [
    'projection rounds to 2 decimals (down)',
    goal({ baseline: 100 }, [set('2026-01-02', 101)]),
    '2026-01-04',
    { current: 101, percent: 0.1, expected: 127, pace: 'on-track', projected: 133.33, daysLeft: 97 },
  ],
  [
    'projection rounds to 2 decimals (up)',
    goal({ baseline: 100 }, [set('2026-01-02', 102)]),
    '2026-01-04',
    { current: 102, percent: 0.2, expected: 127, pace: 'on-track', projected: 166.67, daysLeft: 97 },
  ],
  [
    'projection of a loss',
    goal({ baseline: 100 }, [set('2026-01-20', 90)]),
    '2026-01-31',
    { current: 90, percent: -1.1, expected: 370, pace: 'behind', projected: 66.67, daysLeft: 70 },
  ],
  [
    'percent rounds to 1 decimal, negative half away from zero',
    goal({ target: 6 }, [set('2026-01-02', -1)]),
    '2026-01-04',
    { current: -1, percent: -16.7, expected: 0.18, pace: 'behind', projected: -33.33, daysLeft: 97 },
  ],
  [
    'a negative half rounds away from zero',
    goal({ target: 400 }, [set('2026-01-02', -9)]),
    '2026-01-04',
    { current: -9, percent: -2.3, expected: 12, pace: 'behind', projected: -300, daysLeft: 97 },
  ],
  [
    'a tiny loss shows 0%, never -0',
    goal({}, [set('2026-01-02', -0.1)]),
    '2026-01-04',
    { current: -0.1, percent: 0, expected: 30, pace: 'on-track', projected: -3.33, daysLeft: 97 },
  ],
];

describe('assessGoal', () => {
  it.each([...rising, ...zeroSpan, ...falling, ...holdValue, ...statuses, ...projections])('%s', (_name, facts, today, expected) => {
    expect(assessGoal(facts, today)).toEqual(expected);
  });
});

describe('assessGoalView', () => {
  type ViewRow = [string, GoalFacts & { closedOn: string | null }, string, GoalAssessment & { paceOn: string }];
  const closed = (facts: GoalFacts, closedOn: string | null) => ({ ...facts, closedOn });
  it.each<ViewRow>([
    [
      'active: assessGoal as of today',
      closed(goal({}, [set('2026-02-10', 300)]), null),
      DAY_50,
      { current: 300, percent: 30, expected: 500, pace: 'behind', projected: 600, daysLeft: 50, paceOn: DAY_50 },
    ],
    [
      'done short of the target: the pace it had the day it was done, not achieved',
      closed(goal({ status: 'done' }, [set('2026-02-10', 300)]), '2026-02-10'),
      DAY_50,
      { current: 300, percent: 30, expected: 400, pace: 'behind', projected: 300, daysLeft: 50, paceOn: '2026-02-10' },
    ],
    [
      'done with the target reached: achieved',
      closed(goal({ status: 'done' }, [set('2026-02-10', 1000)]), '2026-02-10'),
      AFTER_DUE,
      { current: 1000, percent: 100, expected: 400, pace: 'achieved', projected: 1000, daysLeft: -1, paceOn: '2026-02-10' },
    ],
    [
      'done after the due day short of the target: overdue',
      closed(goal({ status: 'done' }, [set('2026-04-01', 960)]), AFTER_DUE),
      AFTER_DUE,
      { current: 960, percent: 96, expected: 1000, pace: 'overdue', projected: 960, daysLeft: -1, paceOn: AFTER_DUE },
    ],
    [
      'done, reached by an update after it was closed: achieved',
      closed(goal({ status: 'done' }, [set('2026-02-10', 300), set('2026-02-15', 1000)]), '2026-02-10'),
      DAY_50,
      { current: 1000, percent: 100, expected: 400, pace: 'achieved', projected: 1000, daysLeft: 50, paceOn: '2026-02-10' },
    ],
    [
      'dropped while behind: behind as of that day, whatever the calendar says since',
      closed(goal({ status: 'dropped' }, [set('2026-01-21', 100)]), '2026-01-21'),
      AFTER_DUE,
      { current: 100, percent: 10, expected: 200, pace: 'behind', projected: 100, daysLeft: -1, paceOn: '2026-01-21' },
    ],
    [
      'dropped while on track: on-track as of that day',
      closed(goal({ status: 'dropped' }, [set('2026-01-21', 200)]), '2026-01-21'),
      DAY_50,
      { current: 200, percent: 20, expected: 200, pace: 'on-track', projected: 200, daysLeft: 50, paceOn: '2026-01-21' },
    ],
    [
      'dropped after the due day: overdue as of that day',
      closed(goal({ status: 'dropped' }, [set('2026-04-01', 960)]), AFTER_DUE),
      AFTER_DUE,
      { current: 960, percent: 96, expected: 1000, pace: 'overdue', projected: 960, daysLeft: -1, paceOn: AFTER_DUE },
    ],
    [
      'dropped without a target: no-target',
      closed(goal({ status: 'dropped', target: null }), '2026-01-21'),
      DAY_50,
      { current: 0, percent: null, expected: null, pace: 'no-target', projected: null, daysLeft: 50, paceOn: '2026-01-21' },
    ],
    [
      'done without a target: achieved',
      closed(goal({ status: 'done', target: null }), '2026-01-21'),
      DAY_50,
      { current: 0, percent: null, expected: null, pace: 'achieved', projected: null, daysLeft: 50, paceOn: '2026-01-21' },
    ],
    [
      'closed with no day recorded (a hand-made file): judged today',
      closed(goal({ status: 'dropped' }, [set('2026-02-10', 300)]), null),
      DAY_50,
      { current: 300, percent: 30, expected: 500, pace: 'behind', projected: 300, daysLeft: 50, paceOn: DAY_50 },
    ],
    [
      'closed on a day after today (a hand-made file): judged today',
      closed(goal({ status: 'done' }, [set('2026-02-10', 300)]), '2026-03-01'),
      DAY_50,
      { current: 300, percent: 30, expected: 500, pace: 'behind', projected: 300, daysLeft: 50, paceOn: DAY_50 },
    ],
  ])('%s', (_name, facts, today, expected) => {
    expect(assessGoalView(facts, today)).toEqual(expected);
  });
});

describe('valuesAfterEach', () => {
  it.each<[string, UpdateEntry[], number[]]>([
    [
      'in date order',
      [
        { id: 1, date: '2026-01-05', kind: 'add', amount: 10 },
        { id: 2, date: '2026-01-09', kind: 'add', amount: 5 },
      ],
      [10, 15],
    ],
    [
      'given out of order: each keeps its own value',
      [
        { id: 3, date: '2026-02-01', kind: 'add', amount: 1 },
        { id: 1, date: '2026-01-01', kind: 'set', amount: 100 },
        { id: 2, date: '2026-01-15', kind: 'add', amount: -40 },
      ],
      [61, 100, 60],
    ],
    [
      'same day, by id',
      [
        { id: 9, date: '2026-03-01', kind: 'add', amount: 2 },
        { id: 4, date: '2026-03-01', kind: 'set', amount: 7 },
      ],
      [9, 7],
    ],
    ['none', [], []],
  ])('%s', (_label, updates, values) => {
    expect(valuesAfterEach(0, updates)).toEqual(values);
  });
});

describe('replaying updates (the order the journal gives them, and sums without float noise)', () => {
  /** The replay as it was written first: every update sorted, every sum through toPrecision(15). */
  function reference(baseline: number, updates: readonly UpdateEntry[]): { date: string; value: number }[] {
    const ordered = updates
      .map((entry, index) => ({ entry, index }))
      .sort((a, b) => a.entry.date.localeCompare(b.entry.date) || (a.entry.id ?? Infinity) - (b.entry.id ?? Infinity) || a.index - b.index);
    let value = baseline;
    return ordered.map(({ entry }) => {
      value = entry.kind === 'set' ? entry.amount : Number((value + entry.amount).toPrecision(15));
      return { date: entry.date, value };
    });
  }

  it('gives what sorting every update and summing through toPrecision gave, for sorted and unsorted updates of any amounts', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const amount = () => {
      const r = random();
      if (r < 0.4) return Math.round(random() * 2000) - 500;
      if (r < 0.6) return Math.round(random() * 1e4) / 100;
      if (r < 0.7) return 0.1 + random() * 0.2;
      if (r < 0.8) return (random() < 0.5 ? -1 : 1) * (1e15 - Math.round(random() * 3));
      if (r < 0.9) return -0;
      return Math.round(random() * 1e6) * 1e9;
    };
    for (let round = 0; round < 500; round++) {
      const updates: UpdateEntry[] = Array.from({ length: Math.floor(random() * 10) }, () => ({
        date: `2026-01-0${1 + Math.floor(random() * 3)}`,
        kind: random() < 0.25 ? 'set' : 'add',
        amount: amount(),
        ...(random() < 0.7 ? { id: Math.floor(random() * 5) } : {}),
      }));
      // Half of them in the journal's order, to take the path that does not sort.
      if (round % 2 === 0) updates.sort((a, b) => a.date.localeCompare(b.date) || (a.id ?? Infinity) - (b.id ?? Infinity));
      const baseline = round % 3 === 0 ? -0 : amount();
      const replayed = replayUpdates(baseline, updates);
      const expected = reference(baseline, updates);
      expect(replayed, JSON.stringify({ baseline, updates })).toEqual(expected);
      expect(Object.is(replayed.at(-1)?.value, expected.at(-1)?.value)).toBe(true);
    }
  });
});
