import { describe, expect, it } from 'vitest';
import { difference, goalStatusOn, goalValueOn, viewGoalsOn } from '../../src/domain/goal-report.js';
import type { Goal } from '../../src/domain/goals.js';
import { goalUpdateRecord, goalRecord as goal } from '../fixtures/records.js';

describe('goalStatusOn', () => {
  it.each<[string, Partial<Goal>, string, string]>([
    ['active stays active', {}, '2026-06-01', 'active'],
    ['done before the day', { status: 'done', closedOn: '2026-05-01' }, '2026-06-01', 'done'],
    ['done on the day', { status: 'done', closedOn: '2026-06-01' }, '2026-06-01', 'done'],
    ['dropped after the day was still active', { status: 'dropped', closedOn: '2026-06-02' }, '2026-06-01', 'active'],
  ])('%s', (_, overrides, day, expected) => {
    expect(goalStatusOn(goal(1, overrides), day)).toBe(expected);
  });
});

describe('viewGoalsOn', () => {
  const updates = [
    goalUpdateRecord(1, 1, '2026-02-01', 'add', 10),
    goalUpdateRecord(2, 1, '2026-05-01', 'add', 20),
    goalUpdateRecord(3, 1, '2026-09-01', 'add', 30),
  ];

  it.each<[string, Partial<Goal>, string, { status: string; closedOn: string | null; current: number; lastUpdate: string | null }]>([
    [
      'counts only the updates made by the day',
      {},
      '2026-06-30',
      { status: 'active', closedOn: null, current: 30, lastUpdate: '2026-05-01' },
    ],
    ['before any update, the baseline and none', {}, '2026-01-15', { status: 'active', closedOn: null, current: 0, lastUpdate: null }],
    [
      'a goal closed later is open on the day',
      { status: 'done', closedOn: '2026-10-01' },
      '2026-06-30',
      { status: 'active', closedOn: null, current: 30, lastUpdate: '2026-05-01' },
    ],
    [
      'a goal closed by then keeps its status and day',
      { status: 'dropped', closedOn: '2026-06-01' },
      '2026-06-30',
      { status: 'dropped', closedOn: '2026-06-01', current: 30, lastUpdate: '2026-05-01' },
    ],
  ])('%s', (_, overrides, day, expected) => {
    const [view] = viewGoalsOn([goal(1, overrides)], updates, day);
    expect({
      status: view?.goal.status,
      closedOn: view?.goal.closedOn,
      current: view?.assessment.current,
      lastUpdate: view?.lastUpdate,
    }).toEqual(expected);
  });

  it('names the goal aligned to, and reads values on earlier days', () => {
    const [parent, child] = viewGoalsOn([goal(1), goal(2, { alignsToId: 1 })], updates, '2026-11-26');
    expect(parent?.alignsTo).toBeNull();
    expect(child?.alignsTo).toEqual({ id: 1, slug: 'goal-1', title: 'Goal 1' });
    expect([goalValueOn(parent!, '2026-01-31'), goalValueOn(parent!, '2026-02-01'), goalValueOn(parent!, '2026-11-26')]).toEqual([
      0, 10, 60,
    ]);
  });
});

describe('difference', () => {
  it.each([
    [30.3, 30, 0.3],
    [0.3, 0.1, 0.2],
    [5, 5, 0],
    [-0.1, -0.1, 0],
  ])('%d − %d = %d', (a, b, expected) => {
    expect(difference(a, b)).toBe(expected);
  });
});
