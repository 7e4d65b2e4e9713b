/**
 * Goal progress, pace and projection.
 *
 * Pace compares how far a goal has moved from its baseline toward its target with how far the
 * calendar says it should have moved: 40 days into a 100-day goal you should be 40% of the way.
 * Within 5% of that line (5% of the distance from baseline to target) the goal is on track, beyond
 * it ahead or behind, and once the due day has passed without reaching the target it is overdue.
 *
 * - Direction follows the target: above the baseline the goal rises (revenue 0 → 500,000) and is
 *   reached at or above the target; below it the goal falls (churn 5 → 2) and is reached at or
 *   below. The program refuses a target equal to the baseline; should one come in from a hand-made
 *   file, it is reached only while the value equals it.
 * - A reached target, or a goal marked done, is `achieved` whatever the date. A goal without a target
 *   is `no-target` until it is marked done.
 * - On the due day a goal is not overdue yet. To `assessGoal` a dropped goal is never overdue: it
 *   reads `behind`. The goals views judge a done or dropped goal on the day it was closed instead
 *   (`assessGoalView`).
 * - Without a due date there is no line to compare with, so an unreached goal is `on-track`.
 * - The projection extends the rate achieved from the start to today up to the due date; after the
 *   due day, or once done, it is the current value.
 */
import { daysBetween, type Day } from './calendar.js';

export type GoalStatus = 'active' | 'done' | 'dropped';
export type Pace = 'achieved' | 'ahead' | 'on-track' | 'behind' | 'overdue' | 'no-target';
export const PACES: readonly Pace[] = ['achieved', 'ahead', 'on-track', 'behind', 'overdue', 'no-target'];

/** Fraction of the distance baseline → target by which a goal may stray from the line and stay on track. */
export const PACE_TOLERANCE = 0.05;

// Absorbs binary rounding so that a value exactly on the tolerance boundary lands on the documented side.
const EPSILON = 1e-9;

/** An update either sets the value (`120`) or changes it (`+15`, `-5`). */
export interface UpdateEntry {
  date: Day;
  kind: 'set' | 'add';
  amount: number;
  id?: number;
}

export interface ValuePoint {
  date: Day;
  value: number;
}

/**
 * Replays updates in (date, id) order from the baseline: the value after each one.
 * Stable for equal dates (by id, then input order; entries without an id come after those with one).
 */
export function replayUpdates(baseline: number, updates: readonly UpdateEntry[]): ValuePoint[] {
  return replay(baseline, updates).map(({ entry, value }) => ({ date: entry.date, value }));
}

/** The goal's value after each update, in the order the updates were given. */
export function valuesAfterEach(baseline: number, updates: readonly UpdateEntry[]): number[] {
  const values: number[] = new Array<number>(updates.length);
  for (const { index, value } of replay(baseline, updates)) values[index] = value;
  return values;
}

/**
 * Each update's place in the replay (0 = first), the value after it and how far it moved the
 * value, in the order the updates were given: what the sanity checks compare.
 */
export function replaySteps(baseline: number, updates: readonly UpdateEntry[]): { position: number; value: number; change: number }[] {
  const steps: { position: number; value: number; change: number }[] = new Array(updates.length);
  let previous = baseline;
  replay(baseline, updates).forEach(({ index, value }, position) => {
    steps[index] = { position, value, change: cleanSum(value, -previous) };
    previous = value;
  });
  return steps;
}

function replay(baseline: number, updates: readonly UpdateEntry[]): { entry: UpdateEntry; index: number; value: number }[] {
  const indexed = updates.map((entry, index) => ({ entry, index }));
  // The journal gives a goal's updates in this order already: a report replays ~1k of them, and
  // sorting them again was most of it (issue 12).
  const ordered = inReplayOrder(updates) ? indexed : indexed.sort(byReplayOrder);
  let value = baseline;
  return ordered.map(({ entry, index }) => {
    value = entry.kind === 'set' ? entry.amount : cleanSum(value, entry.amount);
    return { entry, index, value };
  });
}

/** Day, then id (updates without one after those with one), then as given. */
function byReplayOrder(a: { entry: UpdateEntry; index: number }, b: { entry: UpdateEntry; index: number }): number {
  return compareDays(a.entry.date, b.entry.date) || (a.entry.id ?? Infinity) - (b.entry.id ?? Infinity) || a.index - b.index;
}

/** Whether `updates` are already in the order byReplayOrder puts them in. */
function inReplayOrder(updates: readonly UpdateEntry[]): boolean {
  for (let i = 1; i < updates.length; i++) {
    const a = updates[i - 1] as UpdateEntry;
    const b = updates[i] as UpdateEntry;
    const byDay = compareDays(a.date, b.date);
    if (byDay > 0 || (byDay === 0 && (b.id ?? Infinity) < (a.id ?? Infinity))) return false;
  }
  return true;
}

/** The value on `day`: the last point on or before it, else the baseline. */
export function valueAt(baseline: number, history: readonly ValuePoint[], day: Day): number {
  let value = baseline;
  for (const point of history) {
    if (point.date <= day) value = point.value;
  }
  return value;
}

export interface GoalFacts {
  baseline: number;
  target: number | null;
  start: Day;
  due: Day | null;
  status: GoalStatus;
  /** From `replayUpdates`. */
  history: readonly ValuePoint[];
}

export interface GoalAssessment {
  /** Value as of `today`. */
  current: number;
  /** (current − baseline) / (target − baseline) × 100, one decimal; null without a target. */
  percent: number | null;
  /** Where the straight line from baseline at start to target at due puts the goal today. */
  expected: number | null;
  pace: Pace;
  /** Value projected at the due date, two decimals. */
  projected: number | null;
  /** due − today, negative when late; null without a due date. */
  daysLeft: number | null;
}

export function assessGoal(goal: GoalFacts, today: Day): GoalAssessment {
  const { baseline, target, start, due, status, history } = goal;
  const current = valueAt(baseline, history, today);
  const daysLeft = due === null ? null : daysBetween(today, due);

  if (target === null) {
    return {
      current,
      percent: null,
      expected: null,
      pace: status === 'done' ? 'achieved' : 'no-target',
      projected: null,
      daysLeft,
    };
  }

  const reached = isReached(baseline, target, current);
  const actual = actualFraction(baseline, target, current, reached);
  const expectedFraction = due === null ? null : expectedFractionAt(start, due, today);

  return {
    current,
    percent: round(actual * 100, 1),
    expected: expectedFraction === null ? null : round(baseline + (target - baseline) * expectedFraction, 2),
    pace: paceOf({ status, reached, actual, expectedFraction, overdue: due !== null && today > due }),
    projected: projectAtDue(goal, current, today),
    daysLeft,
  };
}

/**
 * A goal as the goals views judge it. An active goal is `assessGoal` as of today. A done or dropped
 * goal no longer runs, so today's calendar says nothing about it:
 * - it is `achieved` when its value reached the target; without a target a done goal is `achieved`
 *   and a dropped one stays `no-target`;
 * - otherwise it keeps the pace it had on the day it was closed (`closedOn`): `behind` or `overdue`
 *   for a goal finished short, `on-track` or `ahead` for one set aside while it was going well;
 * - `expected` is the straight line on that day, and the projection is the value it stopped at.
 * `paceOn` is the day the pace was judged: today, or the day the goal was closed.
 */
export function assessGoalView(goal: GoalFacts & { closedOn: Day | null }, today: Day): GoalAssessment & { paceOn: Day } {
  const now = assessGoal(goal, today);
  if (goal.status === 'active') return { ...now, paceOn: today };
  const closedOn = goal.closedOn !== null && goal.closedOn < today ? goal.closedOn : today;
  const then = assessGoal({ ...goal, status: 'active' }, closedOn);
  const { baseline, target } = goal;
  let pace: Pace;
  if (target === null) pace = goal.status === 'done' ? 'achieved' : 'no-target';
  else pace = isReached(baseline, target, now.current) ? 'achieved' : then.pace;
  return {
    ...now,
    pace,
    expected: then.expected,
    projected: target === null || goal.due === null ? null : now.current,
    paceOn: closedOn,
  };
}

function isReached(baseline: number, target: number, current: number): boolean {
  if (target > baseline) return current >= target;
  if (target < baseline) return current <= target;
  return current === target;
}

function actualFraction(baseline: number, target: number, current: number, reached: boolean): number {
  if (target === baseline) return reached ? 1 : 0;
  return (current - baseline) / (target - baseline);
}

/** Share of the start → due span elapsed by `today`, clamped to [0, 1]. */
function expectedFractionAt(start: Day, due: Day, today: Day): number {
  const span = daysBetween(start, due);
  if (span <= 0) return today >= due ? 1 : 0;
  return Math.min(1, Math.max(0, daysBetween(start, today) / span));
}

function paceOf(facts: { status: GoalStatus; reached: boolean; actual: number; expectedFraction: number | null; overdue: boolean }): Pace {
  const { status, reached, actual, expectedFraction, overdue } = facts;
  if (status === 'done' || reached) return 'achieved';
  if (expectedFraction === null) return 'on-track';
  if (overdue) return status === 'dropped' ? 'behind' : 'overdue';
  if (actual - expectedFraction >= PACE_TOLERANCE - EPSILON) return 'ahead';
  if (expectedFraction - actual > PACE_TOLERANCE + EPSILON) return 'behind';
  return 'on-track';
}

function projectAtDue(goal: GoalFacts, current: number, today: Day): number | null {
  const { baseline, target, start, due, status, history } = goal;
  if (target === null || due === null) return null;
  if (status === 'done' || today >= due) return current;
  if (today < start) return null;
  if (!history.some((point) => point.date <= today)) return null;
  const elapsed = Math.max(1, daysBetween(start, today));
  const span = daysBetween(start, due);
  return round(baseline + ((current - baseline) * span) / elapsed, 2);
}

function compareDays(a: Day, b: Day): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// 0.1 + 0.2 would otherwise be stored and shown as 0.30000000000000004.
function cleanSum(a: number, b: number): number {
  const sum = a + b;
  // Whole numbers below 10^15 add exactly, and toPrecision(15) would give them back unchanged
  // (but -0, made 0): skipping the string round trip is most of replaying a goal's updates.
  if (Number.isInteger(sum) && Number.isInteger(a) && Math.abs(sum) < 1e15) return sum === 0 ? 0 : sum;
  return Number(sum.toPrecision(15));
}

/** Rounds half away from zero, so that -2.25 and 2.25 round alike, and never returns -0. */
function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor + EPSILON)) / factor;
  return rounded === 0 ? 0 : rounded;
}
