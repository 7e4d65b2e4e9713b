/** `perf status`: the journaling habit at a glance. */
import { addDays, daysBetween, isWeekend, type Day } from './calendar.js';
import { upcoming } from './checkin.js';
import { nextCycleStart } from './cycle.js';
import { goalStatusOn, viewGoalsOn } from './goal-report.js';
import { staleGoals, type GoalView } from './goals.js';
import { noteToJson } from './notes.js';
import type { StatusSnapshot } from './report-data.js';
import { julianDayNumber, workdayStreaks } from './streaks.js';
import { openDevelopment, type DevelopmentItem, type NoteJson } from './summary.js';

export interface StaleGoal {
  id: number;
  slug: string;
  title: string;
  /** The last update, or the start when there is none. */
  lastUpdate: Day;
  daysSinceUpdate: number;
}

export interface JournalStatus {
  today: Day;
  lastNote: NoteJson | null;
  daysSinceLastNote: number | null;
  notes: number;
  currentStreak: number;
  longestStreak: number;
  staleGoals: StaleGoal[];
  overdueDevelopment: DevelopmentItem[];
  nextReview: Day;
  daysUntilNextReview: number;
  /** What needs doing now, for `perf status` and `perf remind`. */
  attention: Attention;
}

/** A goal named in the attention list. */
export interface GoalAlert {
  id: number;
  slug: string;
  title: string;
  due: Day;
  daysLeft: number;
  pace: string;
  current: number;
  target: number | null;
  unit: string | null;
  /** For an ended goal: it rolls over by itself at the next change (`--every`). */
  rollsOver: boolean;
}

export interface Attention {
  /** Active goals behind pace and due within 7 days (today included). */
  behindDueSoon: GoalAlert[];
  /** Active goals whose due day has passed: close them (done, drop) or roll them over. */
  endedNotClosed: GoalAlert[];
  /** Open development activities due within 14 days (today included; overdue ones are listed apart). */
  developmentDueSoon: DevelopmentItem[];
  /** Today is a working day (Monday to Friday) and nothing is logged for it yet. */
  noNoteToday: boolean;
  /** The next one-to-one, when one is planned (perf checkin --next) and not past. */
  nextOneToOne: Day | null;
  daysToNextOneToOne: number | null;
}

/** Goals due this close and behind are named by perf status and perf remind. */
export const GOAL_DUE_SOON_DAYS = 7;
export const DEVELOPMENT_DUE_SOON_DAYS = 14;

export function buildStatus(snapshot: StatusSnapshot, today: Day): JournalStatus {
  const streaks = workdayStreaks(snapshot.noteDayNumbers, today);
  const nextReview = nextCycleStart(today, snapshot.settings.cycleStart);
  // Stale goals and the attention list are goals open today: years of closed goals are not viewed.
  const views = viewGoalsOn(
    snapshot.goals.filter((goal) => goalStatusOn(goal, today) === 'active'),
    snapshot.goalUpdates,
    today,
  );
  return {
    today,
    lastNote: snapshot.lastNote && noteToJson(snapshot.lastNote),
    daysSinceLastNote: snapshot.lastNote ? daysBetween(snapshot.lastNote.date, today) : null,
    notes: snapshot.noteCount,
    currentStreak: streaks.current,
    longestStreak: streaks.longest,
    // The rule of `perf goals`, over the goals as they stand today: an update dated later does not count yet.
    staleGoals: staleGoals(views, today).map(({ view: { goal, lastUpdate }, days: daysSinceUpdate }) => ({
      id: goal.id,
      slug: goal.slug,
      title: goal.title,
      lastUpdate: lastUpdate ?? goal.start,
      daysSinceUpdate,
    })),
    overdueDevelopment: openDevelopment(snapshot.development, today).filter((item) => item.overdue),
    nextReview,
    daysUntilNextReview: daysBetween(today, nextReview),
    attention: buildAttention(snapshot, views, today),
  };
}

function buildAttention(snapshot: StatusSnapshot, views: readonly GoalView[], today: Day): Attention {
  const active = views.filter(({ goal }) => goal.status === 'active' && goal.due !== null && !goal.org);
  const alert = ({ goal, assessment }: GoalView): GoalAlert => ({
    id: goal.id,
    slug: goal.slug,
    title: goal.title,
    due: goal.due as Day,
    daysLeft: daysBetween(today, goal.due as Day),
    pace: assessment.pace,
    current: assessment.current,
    target: goal.target,
    unit: goal.unit,
    rollsOver: goal.every !== null,
  });
  const soon = addDays(today, DEVELOPMENT_DUE_SOON_DAYS);
  const next = upcoming(snapshot.settings.nextOneToOne, today);
  return {
    behindDueSoon: active
      .filter(
        ({ goal, assessment }) =>
          (goal.due as Day) >= today && daysBetween(today, goal.due as Day) <= GOAL_DUE_SOON_DAYS && assessment.pace === 'behind',
      )
      .map(alert)
      .sort((a, b) => a.daysLeft - b.daysLeft || a.id - b.id),
    endedNotClosed: active
      .filter(({ goal }) => (goal.due as Day) < today)
      .map(alert)
      .sort((a, b) => a.daysLeft - b.daysLeft || a.id - b.id),
    developmentDueSoon: openDevelopment(snapshot.development, today).filter(
      (item) => !item.overdue && item.due !== null && item.due >= today && item.due <= soon,
    ),
    noNoteToday: !isWeekend(today) && !snapshot.noteDayNumbers.includes(julianDayNumber(today)),
    nextOneToOne: next,
    daysToNextOneToOne: next === null ? null : daysBetween(today, next),
  };
}
