import { UsageError } from '../errors.js';
import type { Day } from './calendar.js';

export const DEV_STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const;
export type DevStatus = (typeof DEV_STATUSES)[number];
export type DevAction = 'start' | 'done' | 'drop';

export interface DevelopmentActivity {
  id: number;
  title: string;
  competencyId: number | null;
  /** The competency's slug, or null. */
  competency: string | null;
  assignedBy: string | null;
  due: Day | null;
  status: DevStatus;
  startedOn: Day | null;
  /** The note given when it was started ("booked for 12 March"). */
  startNote: string | null;
  /** The day it was done or dropped. */
  completedOn: Day | null;
  /** The note given when it was done (its outcome) or dropped (why). */
  outcome: string | null;
  createdAt: string;
  updatedAt: string;
}

const RESULT: Record<DevAction, DevStatus> = { start: 'in-progress', done: 'done', drop: 'dropped' };

export function isOpen(activity: Pick<DevelopmentActivity, 'status'>): boolean {
  return activity.status === 'planned' || activity.status === 'in-progress';
}

/** Open and past its due day (on the due day it is not overdue yet). */
export function isOverdue(activity: Pick<DevelopmentActivity, 'status' | 'due'>, today: Day): boolean {
  return isOpen(activity) && activity.due !== null && activity.due < today;
}

/**
 * The status an action leads to, or a UsageError when the change makes no sense: only open
 * activities move, `start` only from planned, and nothing ends before it started.
 */
export function nextStatus(
  activity: Pick<DevelopmentActivity, 'id' | 'status' | 'startedOn' | 'completedOn'>,
  action: DevAction,
  on: Day,
): DevStatus {
  const name = `development activity #${activity.id}`;
  const { status } = activity;
  if (status === 'done' || status === 'dropped') {
    const when = activity.completedOn ? ` on ${activity.completedOn}` : '';
    if (RESULT[action] === status) {
      throw new UsageError(`${name} is already ${status}${activity.completedOn ? ` (${activity.completedOn})` : ''}`);
    }
    const verb = status === 'done' ? 'was done' : 'was dropped';
    const fix = action === 'drop' ? 'it stays in the record as done' : 'plan a new one with perf dev add';
    throw new UsageError(
      `${name} ${verb}${when}, so it cannot be ${action === 'start' ? 'started' : action === 'done' ? 'done' : 'dropped'}: ${fix}`,
    );
  }
  if (action === 'start' && status === 'in-progress') {
    throw new UsageError(`${name} is already in progress${activity.startedOn ? ` since ${activity.startedOn}` : ''}`);
  }
  if (action !== 'start' && activity.startedOn !== null && on < activity.startedOn) {
    throw new UsageError(`${name} started on ${activity.startedOn}: it cannot end on ${on}, before that; give a later --date`);
  }
  return RESULT[action];
}

/** The days and notes of an activity's steps, as an edit would leave them. */
export type DevSteps = Pick<DevelopmentActivity, 'startedOn' | 'startNote' | 'completedOn' | 'outcome'>;

/**
 * Refuses a correction of a step the activity has not taken (a start day for a planned one, an
 * outcome for an open one) and an end before its start: `perf dev start|done|drop` record them.
 */
export function checkDevSteps(
  activity: Pick<DevelopmentActivity, 'id' | 'status'>,
  changed: { [K in keyof DevSteps]?: unknown },
  after: DevSteps,
): void {
  const name = `development activity #${activity.id}`;
  const given = (keys: (keyof DevSteps)[], option: string[]) => keys.some((k) => changed[k] !== undefined) && option;
  const starting = given(['startedOn', 'startNote'], ['--started', '--start-note']);
  if (activity.status === 'planned' && starting) {
    throw new UsageError(`${name} has not started, so it has no ${starting.join(' or ')}: start it with perf dev start ${activity.id}`);
  }
  const ending = given(['completedOn', 'outcome'], ['--completed', '--outcome']);
  if (isOpen(activity) && ending) {
    throw new UsageError(
      `${name} is not done or dropped, so it has no ${ending.join(' or ')}: finish it with perf dev done ${activity.id}`,
    );
  }
  if (after.startedOn !== null && after.completedOn !== null && after.completedOn < after.startedOn) {
    throw new UsageError(
      `${name} cannot end on ${after.completedOn}, before it started on ${after.startedOn}: give a later --completed or an earlier --started`,
    );
  }
}

/**
 * The plan's order: open activities first, the overdue ones at the top, then by due day (none
 * last), then by id; closed ones after them, the most recently closed first.
 */
export function sortForPlan<T extends Pick<DevelopmentActivity, 'id' | 'status' | 'due' | 'completedOn'>>(
  activities: readonly T[],
  today: Day,
): T[] {
  const rank = (a: T) => (isOverdue(a, today) ? 0 : isOpen(a) ? 1 : 2);
  return [...activities].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    if (rank(a) === 2) return compareNullable(b.completedOn, a.completedOn) || b.id - a.id;
    return compareNullable(a.due, b.due) || a.id - b.id;
  });
}

// Days ascending, null last.
function compareNullable(a: Day | null, b: Day | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function normalizeDevTitle(raw: string): string {
  const title = raw.replace(/\s+/g, ' ').trim();
  if (!title)
    throw new UsageError('the development activity needs a title, e.g. perf dev add "Negotiation course" --competency negotiation');
  return title;
}

/** The JSON shape of a development activity in CLI.md. */
export function developmentToJson(a: DevelopmentActivity, today: Day) {
  return {
    id: a.id,
    title: a.title,
    competency: a.competency,
    assignedBy: a.assignedBy,
    due: a.due,
    status: a.status,
    overdue: isOverdue(a, today),
    startedAt: a.startedOn,
    startNote: a.startNote,
    completedAt: a.completedOn,
    outcome: a.outcome,
    createdAt: a.createdAt,
  };
}
