/** A goal as it stood on a given day, for the reports: value, status and pace then. */
import type { Day } from './calendar.js';
import { assessGoal, replayCheckins, valueAt, type GoalAssessment, type GoalStatus } from './goal-progress.js';
import type { ReportGoal } from './report-data.js';

/** A goal closed after `day` was still active on it. */
export function goalStatusOn(goal: ReportGoal, day: Day): GoalStatus {
  if (goal.status === 'active') return 'active';
  return goal.closedOn !== null && goal.closedOn > day ? 'active' : goal.status;
}

export function goalValueOn(goal: ReportGoal, day: Day): number {
  return valueAt(goal.baseline, replayCheckins(goal.baseline, goal.checkins), day);
}

/** Value, percent, pace and projection as of the end of `day`. */
export function assessGoalOn(goal: ReportGoal, day: Day): GoalAssessment {
  return assessGoal(
    {
      baseline: goal.baseline,
      target: goal.target,
      start: goal.start,
      due: goal.due,
      status: goalStatusOn(goal, day),
      history: replayCheckins(goal.baseline, goal.checkins),
    },
    day,
  );
}

/** The day of the goal's last check-in, else the day it started. */
export function lastGoalUpdate(goal: ReportGoal): Day {
  let last = goal.start;
  for (const checkin of goal.checkins) if (checkin.date > last) last = checkin.date;
  return last;
}

/** Differences of stored decimals without binary noise (30.3 − 30 is 0.3, not 0.3000000000000007). */
export function difference(a: number, b: number): number {
  const value = Number((a - b).toFixed(9));
  return value === 0 ? 0 : value;
}
