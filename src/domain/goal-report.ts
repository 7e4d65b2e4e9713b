/**
 * Goals as they stood on a given day, for the reports. The reports build `perf goals`' own views
 * of the goals as of the day they read, so that every rule (pace, projection, staleness, the JSON
 * shape) is the goals domain's and applies unchanged.
 */
import type { Day } from './calendar.js';
import { valueAt, type GoalStatus } from './goal-progress.js';
import { viewGoal, type Goal, type GoalView, type ReplayedUpdate } from './goals.js';

/** A goal closed after `day` was still active on it. */
export function goalStatusOn(goal: Pick<Goal, 'status' | 'closedOn'>, day: Day): GoalStatus {
  if (goal.status === 'active') return 'active';
  return goal.closedOn !== null && goal.closedOn > day ? 'active' : goal.status;
}

/**
 * Every goal as `perf goals --all` would have shown it at the end of `day`: open if it was closed
 * later, and with only the updates made by then (one dated later does not count yet).
 */
export function viewGoalsOn(goals: readonly Goal[], updates: readonly ReplayedUpdate[], day: Day): GoalView[] {
  const byId = new Map(goals.map((goal) => [goal.id, goal]));
  const byGoal = new Map<number, ReplayedUpdate[]>();
  for (const update of updates) {
    if (update.date > day) continue;
    // Pushed, not copied: ten years of a goal's updates copied once per update is quadratic.
    const list = byGoal.get(update.goalId);
    if (list) list.push(update);
    else byGoal.set(update.goalId, [update]);
  }
  return goals.map((goal) => {
    const status = goalStatusOn(goal, day);
    const then = status === goal.status ? goal : { ...goal, status, closedOn: null };
    return viewGoal(then, byGoal.get(goal.id) ?? [], byId, day);
  });
}

/** The goal's value at the end of `day` (on or before the day the view was made for). */
export function goalValueOn(view: GoalView, day: Day): number {
  return valueAt(view.goal.baseline, view.history, day);
}

/** Differences of stored decimals without binary noise (30.3 − 30 is 0.3, not 0.3000000000000007). */
export function difference(a: number, b: number): number {
  const value = Number((a - b).toFixed(9));
  return value === 0 ? 0 : value;
}
