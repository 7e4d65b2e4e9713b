/**
 * A goal as it stood on a given day, for the reports. The reports take `perf goals`' own view of a
 * goal and move it to the day they read it on, so that every rule (pace, projection, staleness,
 * the JSON shape) is the goals domain's and applies unchanged.
 */
import type { Day } from './calendar.js';
import { assessGoal, valueAt, type GoalStatus } from './goal-progress.js';
import type { Goal, GoalView } from './goals.js';

/** A goal closed after `day` was still active on it. */
export function goalStatusOn(goal: Pick<Goal, 'status' | 'closedOn'>, day: Day): GoalStatus {
  if (goal.status === 'active') return 'active';
  return goal.closedOn !== null && goal.closedOn > day ? 'active' : goal.status;
}

/** The goal's value at the end of `day`. */
export function goalValueOn(view: GoalView, day: Day): number {
  return valueAt(view.goal.baseline, view.history, day);
}

/**
 * The view as of the end of `day`: its status then, its value, pace and projection then, and
 * only the check-ins made by then (a check-in dated later is not an update yet).
 */
export function goalViewOn(view: GoalView, day: Day): GoalView {
  const status = goalStatusOn(view.goal, day);
  const goal = status === view.goal.status ? view.goal : { ...view.goal, status, closedOn: null };
  const history = view.history.filter((point) => point.date <= day);
  return {
    goal,
    assessment: assessGoal({ ...goal, history }, day),
    history,
    alignsTo: view.alignsTo,
    lastCheckin: history.at(-1)?.date ?? null,
  };
}

/** Differences of stored decimals without binary noise (30.3 − 30 is 0.3, not 0.3000000000000007). */
export function difference(a: number, b: number): number {
  const value = Number((a - b).toFixed(9));
  return value === 0 ? 0 : value;
}
