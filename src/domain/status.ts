/** `perf status`: the journaling habit at a glance. */
import { daysBetween, type Day } from './calendar.js';
import { nextCycleStart } from './cycle.js';
import { lastGoalUpdate, goalStatusOn } from './goal-report.js';
import { noteToJson } from './notes.js';
import type { StatusSnapshot } from './report-data.js';
import { currentWorkdayStreak, longestWorkdayStreak } from './streaks.js';
import { openDevelopment, type DevelopmentItem, type NoteJson } from './summary.js';

/** A goal with no check-in for this many days is flagged. */
export const STALE_GOAL_DAYS = 30;

export interface StaleGoal {
  id: number;
  slug: string;
  title: string;
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
}

export function buildStatus(snapshot: StatusSnapshot, today: Day): JournalStatus {
  const days = new Set(snapshot.noteDays.filter((d) => d.date <= today).map((d) => d.date));
  const nextReview = nextCycleStart(today, snapshot.settings.cycleStart);
  return {
    today,
    lastNote: snapshot.lastNote && noteToJson(snapshot.lastNote),
    daysSinceLastNote: snapshot.lastNote ? daysBetween(snapshot.lastNote.date, today) : null,
    notes: snapshot.noteDays.reduce((sum, d) => sum + d.count, 0),
    currentStreak: currentWorkdayStreak(days, today),
    longestStreak: longestWorkdayStreak(days),
    staleGoals: snapshot.goals
      .filter((goal) => !goal.org && goal.start <= today && goalStatusOn(goal, today) === 'active')
      .map((goal) => {
        const lastUpdate = lastGoalUpdate(goal);
        return { id: goal.id, slug: goal.slug, title: goal.title, lastUpdate, daysSinceUpdate: daysBetween(lastUpdate, today) };
      })
      .filter((goal) => goal.daysSinceUpdate >= STALE_GOAL_DAYS)
      .sort((a, b) => b.daysSinceUpdate - a.daysSinceUpdate || a.id - b.id),
    overdueDevelopment: openDevelopment(snapshot.development, today).filter((item) => item.overdue),
    nextReview,
    daysUntilNextReview: daysBetween(today, nextReview),
  };
}

