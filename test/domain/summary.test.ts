import { describe, expect, it } from 'vitest';
import { agendaStart } from '../../src/domain/checkin.js';
import { settingsFrom } from '../../src/domain/config.js';
import type { Rating } from '../../src/domain/competencies.js';
import type { DevelopmentActivity } from '../../src/domain/development.js';
import type { Note } from '../../src/domain/notes.js';
import type { SummarySnapshot } from '../../src/domain/report-data.js';
import { digestNotes, highlightsCommand, pickNotes, type SummaryCaps } from '../../src/domain/summary-notes.js';
import { buildSummary, goalsShown, openDevelopment, ratingChange, summaryPeriod, topAccounts } from '../../src/domain/summary.js';
import { goalUpdateRecord as checkin, goalRecord as goal } from '../fixtures/records.js';

const PERIOD = { from: '2026-01-01', to: '2026-06-30', label: '2026 H1' };

function rating(id: number, date: string, value: number, source: Rating['source'] = 'self'): Rating {
  return { id, competencyId: 1, date, rating: value, source, ratedBy: null, note: null, createdAt: `${date}T10:00:00.000Z` };
}

function note(id: number, date: string, overrides: Partial<Note> = {}): Note {
  return {
    id,
    date,
    text: `note ${id}`,
    tags: [],
    type: 'note',
    account: null,
    starred: false,
    deal: null,
    dealId: null,
    goal: null,
    goalId: null,
    progress: null,
    competencies: [],
    createdAt: `${date}T10:00:00.000Z`,
    updatedAt: `${date}T10:00:00.000Z`,
    ...overrides,
    // A goal id given alone stands for the note's one goal link.
    goals: overrides.goals ?? (overrides.goalId ? [{ goalId: overrides.goalId, slug: `goal-${overrides.goalId}`, progress: null }] : []),
  };
}

/** A snapshot whose notes (all of them, as JSON and --all read them) are given as notes. */
function snapshot({
  notes = [],
  caps = null,
  ...overrides
}: Partial<Omit<SummarySnapshot, 'notes'>> & { notes?: Note[]; caps?: SummaryCaps | null } = {}): SummarySnapshot {
  return {
    settings: settingsFrom(new Map()),
    reflection: null,
    deals: [],
    accountSpellings: [],
    notes: digestNotes(notes, PERIOD, caps),
    goals: [],
    goalUpdates: [],
    competencies: [],
    ratings: [],
    feedback: [],
    development: [],
    ...overrides,
  };
}

describe('ratingChange', () => {
  it.each<[string, Rating[], { start: number | null; end: number | null; change: number | null }]>([
    ['unrated', [], { start: null, end: null, change: null }],
    ['rated before the period only', [rating(1, '2025-11-01', 3)], { start: 3, end: 3, change: 0 }],
    [
      'the latest before the start wins',
      [rating(1, '2025-06-01', 2), rating(2, '2025-12-01', 3), rating(3, '2026-03-01', 4)],
      { start: 3, end: 4, change: 1 },
    ],
    [
      'a rating on the first day is the start',
      [rating(1, '2025-12-01', 2), rating(2, '2026-01-01', 3), rating(3, '2026-05-01', 5)],
      { start: 3, end: 5, change: 2 },
    ],
    [
      'none before: the first within',
      [rating(1, '2026-02-01', 2), rating(2, '2026-04-01', 3), rating(3, '2026-06-30', 4)],
      { start: 2, end: 4, change: 2 },
    ],
    ['one within: start and end alike', [rating(1, '2026-02-01', 3)], { start: 3, end: 3, change: 0 }],
    ['after the period is ignored', [rating(1, '2026-02-01', 3), rating(2, '2026-07-01', 5)], { start: 3, end: 3, change: 0 }],
    ['only after the period', [rating(1, '2026-07-01', 5)], { start: null, end: null, change: null }],
    ['falling', [rating(1, '2025-12-31', 4), rating(2, '2026-06-01', 2)], { start: 4, end: 2, change: -2 }],
    ['same day: the later record counts', [rating(2, '2026-03-01', 4), rating(1, '2026-03-01', 2)], { start: 2, end: 4, change: 2 }],
  ])('%s', (_, ratings, expected) => {
    expect(ratingChange(ratings, PERIOD)).toEqual(expected);
  });
});

describe('topAccounts', () => {
  it('counts case-insensitively, ranks by notes, then most recent, then name, and keeps the first spelling', () => {
    const notes = [
      note(1, '2026-01-05', { account: 'acme' }),
      note(2, '2026-02-05', { account: 'Acme' }),
      note(3, '2026-01-06', { account: 'Globex' }),
      note(4, '2026-03-01', { account: 'Globex' }),
      note(5, '2026-03-01', { account: 'Initech' }),
      note(6, '2026-03-01', { account: 'Hooli' }),
      note(7, '2026-03-02'),
    ];
    expect(topAccounts(notes, 3)).toEqual([
      { account: 'Globex', notes: 2, lastDate: '2026-03-01' },
      { account: 'acme', notes: 2, lastDate: '2026-02-05' },
      { account: 'Hooli', notes: 1, lastDate: '2026-03-01' },
    ]);
  });

  it('takes the spelling first used in the journal when given', () => {
    const notes = [note(1, '2026-01-05', { account: 'alpenrad ag' }), note(2, '2026-02-05', { account: 'ALPENRAD AG' })];
    expect(topAccounts(notes, 3, new Map([['alpenrad ag', 'Alpenrad AG']]))).toEqual([
      { account: 'Alpenrad AG', notes: 2, lastDate: '2026-02-05' },
    ]);
  });
});

describe('buildSummary goals', () => {
  const goals = [
    goal(1, { title: 'active all along' }),
    goal(2, { status: 'dropped', closedOn: '2025-12-31', title: 'dropped the day before' }),
    goal(3, { status: 'dropped', closedOn: '2026-01-01', title: 'dropped on the first day' }),
    goal(4, { status: 'done', closedOn: '2025-11-30', title: 'done before' }),
    goal(5, { start: '2026-07-01', title: 'starts after' }),
    goal(6, { org: true, title: 'an objective' }),
    goal(7, { start: '2026-06-30', title: 'starts on the last day' }),
    goal(8, { status: 'done', closedOn: '2026-08-01', title: 'done after the period' }),
  ];
  const summary = buildSummary(snapshot({ goals }), PERIOD, '2026-11-26');

  it('lists personal goals active at some time in the period', () => {
    expect(summary.goals.map((g) => g.id)).toEqual([1, 3, 7, 8]);
  });

  it('reads status as of the period end', () => {
    expect(summary.goals.map((g) => g.status)).toEqual(['active', 'dropped', 'active', 'active']);
  });

  it('lists as in progress the goals open at the period end', () => {
    expect(summary.inProgress.goals.map((g) => g.id)).toEqual([1, 7, 8]);
  });

  it('reads updates only for the goals it can show: closed before the period and org goals stay unread', () => {
    expect(goalsShown(goals, PERIOD, '2026-11-26').map((g) => g.id)).toEqual([1, 3, 5, 7, 8]);
    // A period that has not ended: a goal closed before it began is still left out.
    expect(goalsShown(goals, { ...PERIOD, to: '2026-12-31' }, '2026-02-01').map((g) => g.id)).toEqual([1, 3, 5, 7, 8]);
  });
});

describe('buildSummary goal values', () => {
  const g = goal(1, { baseline: 10, target: 110, start: '2025-10-01', due: '2026-12-31' });
  const goalUpdates = [
    checkin(1, 1, '2025-11-01', 'set', 30),
    checkin(2, 1, '2026-02-01', 'add', 0.1),
    checkin(3, 1, '2026-03-01', 'add', 0.2),
    checkin(4, 1, '2026-09-01', 'set', 100),
  ];
  const notes = [
    note(1, '2026-02-01', { goalId: 1 }),
    note(2, '2026-03-01', { goalId: 1, starred: true }),
    note(3, '2026-01-15', { goalId: 1 }),
    note(4, '2026-01-20', { goalId: 2 }),
  ];
  const [summarised] = buildSummary(snapshot({ goals: [g], goalUpdates, notes }), PERIOD, '2026-11-26').goals;

  it('takes the value before the period, at its end, and the change without float noise', () => {
    expect(summarised).toMatchObject({ valueAtStart: 30, valueAtEnd: 30.3, current: 30.3, change: 0.3, percent: 20.3 });
  });

  it('lists the notes linked to the goal in date order, starred or not', () => {
    expect(summarised?.notes.map((n) => n.id)).toEqual([3, 1, 2]);
  });
});

describe('buildSummary competencies', () => {
  it.each<[string, number | null, Rating[], { target: number; gap: number | null; improvementTarget: boolean }]>([
    ['self below the top', null, [rating(1, '2026-02-01', 4)], { target: 5, gap: 1, improvementTarget: true }],
    ['self at the top', null, [rating(1, '2026-02-01', 5)], { target: 5, gap: 0, improvementTarget: false }],
    [
      'others outrank self',
      null,
      [rating(1, '2026-02-01', 5), rating(2, '2026-03-01', 3, 'manager')],
      { target: 5, gap: 2, improvementTarget: true },
    ],
    [
      'others at the top',
      null,
      [rating(1, '2026-02-01', 2), rating(2, '2026-03-01', 5, 'customer')],
      { target: 5, gap: 0, improvementTarget: false },
    ],
    ['own target met but below the scale top', 4, [rating(1, '2026-02-01', 4)], { target: 4, gap: 0, improvementTarget: true }],
  ])('%s', (_, target, ratings, expected) => {
    const summary = buildSummary(
      snapshot({ competencies: [{ id: 1, slug: 'closing', name: 'Closing', description: null, target, position: 1 }], ratings }),
      PERIOD,
      '2026-11-26',
    );
    expect(summary.competencies[0]).toMatchObject(expected);
  });

  it('leaves out a competency with no rating and no evidence in the period', () => {
    const competencies = [1, 2].map((id) => ({ id, slug: `c${id}`, name: `C${id}`, description: null, target: null, position: id }));
    const notes = [note(1, '2026-02-01', { competencies: ['c2'] })];
    const summary = buildSummary(snapshot({ competencies, notes }), PERIOD, '2026-11-26');
    expect(summary.competencies.map((c) => [c.slug, c.evidence.map((e) => e.id)])).toEqual([['c2', [1]]]);
  });
});

describe('buildSummary stats', () => {
  it('zero-fills every month and counts only notes in the period', () => {
    const notes = [note(1, '2025-12-31'), note(2, '2026-01-02'), note(3, '2026-01-02'), note(4, '2026-03-03'), note(5, '2026-07-01')];
    expect(buildSummary(snapshot({ notes }), PERIOD, '2026-11-26').stats).toEqual({
      notes: 3,
      activeDays: 2,
      longestStreak: 1,
      perMonth: { '2026-01': 2, '2026-02': 0, '2026-03': 1, '2026-04': 0, '2026-05': 0, '2026-06': 0 },
    });
  });
});

describe('openDevelopment', () => {
  it('puts overdue first, then by due date, undated last, and leaves out done and dropped', () => {
    const item = (id: number, due: string | null, status: DevelopmentActivity['status'] = 'planned'): DevelopmentActivity => ({
      id,
      title: `#${id}`,
      competencyId: null,
      competency: null,
      assignedBy: null,
      due,
      status,
      startedOn: null,
      startNote: null,
      completedOn: null,
      outcome: null,
      createdAt: '2026-01-01T10:00:00.000Z',
      updatedAt: '2026-01-01T10:00:00.000Z',
    });
    const open = openDevelopment(
      [
        item(1, null),
        item(2, '2026-12-01'),
        item(3, '2026-11-01', 'in-progress'),
        item(4, '2026-10-01'),
        item(5, '2026-01-01', 'done'),
        item(6, '2026-01-01', 'dropped'),
        item(7, '2026-11-26'),
      ],
      '2026-11-26',
    );
    expect(open.map((d) => [d.id, d.overdue])).toEqual([
      [4, true],
      [3, true],
      [7, false],
      [2, false],
      [1, false],
    ]);
  });
});

describe('agendaStart', () => {
  const last = { id: 1, date: '2026-11-12', note: null, createdAt: '2026-11-12T15:00:00.000Z' };
  it.each<[string, string | null, typeof last | null, { from: string; basis: string }]>([
    ['--since wins', '2026-11-01', last, { from: '2026-11-01', basis: 'since' }],
    ['the day of the last one-to-one', null, last, { from: '2026-11-12', basis: 'last-checkin' }],
    ['two weeks without either', null, null, { from: '2026-11-12', basis: 'default' }],
  ])('%s', (_, since, lastOneToOne, expected) => {
    expect(agendaStart(since, lastOneToOne, '2026-11-26')).toEqual(expected);
  });
});

describe('summaryPeriod', () => {
  const apr = { month: 4, day: 1 };
  it.each<[string, { from: string | null; to: string | null; label: string } | null, { from: string; to: string; label: string }]>([
    ['the review cycle without a range', null, { from: '2026-04-01', to: '2027-03-31', label: 'review cycle 2026-04-01 – 2027-03-31' }],
    [
      'a closed range as typed',
      { from: '2026-07-01', to: '2026-09-30', label: '2026-Q2' },
      { from: '2026-07-01', to: '2026-09-30', label: '2026-Q2' },
    ],
    [
      'an open end runs to today',
      { from: '2026-06-01', to: null, label: 'since 2026-06-01' },
      { from: '2026-06-01', to: '2026-11-26', label: '2026-06-01 – 2026-11-26' },
    ],
    [
      'a start after today ends on itself',
      { from: '2026-12-10', to: null, label: 'since 2026-12-10' },
      { from: '2026-12-10', to: '2026-12-10', label: '2026-12-10 – 2026-12-10' },
    ],
    [
      'an open start is the cycle holding the end',
      { from: null, to: '2026-03-15', label: 'until 2026-03-15' },
      { from: '2025-04-01', to: '2026-03-15', label: '2025-04-01 – 2026-03-15' },
    ],
  ])('%s', (_, range, expected) => {
    expect(summaryPeriod(range, apr, '2026-11-26')).toEqual(expected);
  });
});

describe('buildSummary development for a past period (2026 H1, read on 26 Nov)', () => {
  const activity = (id: number, createdOn: string, overrides: Partial<DevelopmentActivity> = {}): DevelopmentActivity => ({
    id,
    title: `#${id}`,
    competencyId: null,
    competency: null,
    assignedBy: null,
    due: null,
    status: 'planned',
    startedOn: null,
    startNote: null,
    completedOn: null,
    outcome: null,
    // Mid-morning local time: the activity's day is the local one in every zone the tests run in.
    createdAt: new Date(`${createdOn}T10:00:00`).toISOString(),
    updatedAt: new Date(`${createdOn}T10:00:00`).toISOString(),
    ...overrides,
  });
  it.each<[string, DevelopmentActivity, { open: boolean; completed: boolean; status?: string }]>([
    ['created in the period, still planned', activity(1, '2026-03-01'), { open: true, completed: false, status: 'planned' }],
    ['created on the last day', activity(2, '2026-06-30'), { open: true, completed: false, status: 'planned' }],
    ['created after the period', activity(3, '2026-07-01'), { open: false, completed: false }],
    [
      'created after the period and done since',
      activity(4, '2026-08-01', { status: 'done', startedOn: '2026-08-02', completedOn: '2026-09-01' }),
      { open: false, completed: false },
    ],
    [
      'done after the period: open in it',
      activity(5, '2026-02-01', { status: 'done', completedOn: '2026-08-01', outcome: 'Passed' }),
      { open: true, completed: false, status: 'planned' },
    ],
    [
      'started in it, done after: in progress',
      activity(6, '2026-02-01', { status: 'done', startedOn: '2026-05-01', completedOn: '2026-08-01' }),
      { open: true, completed: false, status: 'in-progress' },
    ],
    [
      'started after the period: planned in it',
      activity(7, '2026-02-01', { status: 'in-progress', startedOn: '2026-09-01' }),
      { open: true, completed: false, status: 'planned' },
    ],
    [
      'dropped after the period: open in it',
      activity(8, '2026-02-01', { status: 'dropped', completedOn: '2026-10-01' }),
      { open: true, completed: false, status: 'planned' },
    ],
    ['done in the period', activity(9, '2026-02-01', { status: 'done', completedOn: '2026-04-01' }), { open: false, completed: true }],
  ])('%s', (_, item, expected) => {
    const { development } = buildSummary(snapshot({ development: [item] }), PERIOD, '2026-11-26');
    expect(development.open.length > 0).toBe(expected.open);
    expect(development.completed.length > 0).toBe(expected.completed);
    if (expected.status) expect(development.open[0]?.status).toBe(expected.status);
  });
});

describe('the lists of notes, cut to their most telling few (the human formats)', () => {
  const five: SummaryCaps = { highlights: 2, goal: 2, evidence: 2, learning: 2, growth: 1 };

  it('picks starred notes first, then the most recent (the later id on a tie), and shows them in date order', () => {
    const notes = [
      note(1, '2026-01-10', { type: 'learning', starred: true }),
      note(2, '2026-03-01', { type: 'learning' }),
      note(3, '2026-03-01', { type: 'learning' }),
      note(4, '2026-02-01', { type: 'learning' }),
    ];
    expect(pickNotes(notes, 2)).toEqual({ notes: [notes[0], notes[2]], total: 4 });
    expect(pickNotes(notes, null).notes.map((n) => n.id)).toEqual([1, 4, 2, 3]);
    const summary = buildSummary(snapshot({ notes, caps: five }), PERIOD, '2026-11-26');
    expect(summary.learning.map((n) => n.id)).toEqual([1, 3]);
    expect(summary.cuts?.learning).toEqual({ total: 4, command: 'perf notes --type learning --from 2026-01-01 --to 2026-06-30 -n all' });
  });

  it('keeps every note, and no cuts, without caps', () => {
    const notes = [1, 2, 3].map((id) => note(id, `2026-02-0${id}`, { type: 'win' }));
    const summary = buildSummary(snapshot({ notes }), PERIOD, '2026-11-26');
    expect(summary.highlights).toHaveLength(3);
    expect(summary).not.toHaveProperty('cuts');
  });

  it('picks evidence among notes and feedback alike: starred first, then the latest, a note first on the same day', () => {
    const competencies = [{ id: 1, slug: 'closing', name: 'Closing', description: null, target: null, position: 1 }];
    const notes = [
      note(1, '2026-01-05', { competencies: ['closing'], starred: true }),
      note(2, '2026-05-01', { competencies: ['closing'] }),
      note(3, '2026-04-01', { competencies: ['closing'] }),
    ];
    const feedback = [
      {
        id: 9,
        date: '2026-05-01',
        from: 'Ana',
        relationship: 'peer',
        competency: 'closing',
        text: 'Good',
        starred: false,
        constructive: false,
      },
    ] as SummarySnapshot['feedback'];
    const summary = buildSummary(snapshot({ competencies, notes, feedback, caps: { ...five, evidence: 2 } }), PERIOD, '2026-11-26');
    expect(summary.competencies[0]?.evidence.map((e) => [e.kind, e.id])).toEqual([
      ['note', 1],
      ['note', 2],
    ]);
    expect(summary.cuts?.evidence.closing).toEqual({ total: 4, command: null });
  });

  it('names a perf notes filter for the highlights only when one selects them all', () => {
    const period = { from: '2026-01-01', to: '2026-06-30' };
    const all = (wins: number, starred: number, total: number) => ({ notes: [], total, wins, starred });
    expect(highlightsCommand(all(5, 1, 5), period)).toBe('perf notes --type win --from 2026-01-01 --to 2026-06-30 -n all');
    expect(highlightsCommand(all(2, 5, 5), period)).toBe('perf notes --starred --from 2026-01-01 --to 2026-06-30 -n all');
    expect(highlightsCommand(all(4, 2, 5), period)).toBeNull();
  });
});
