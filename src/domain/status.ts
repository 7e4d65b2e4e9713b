/** `perf status`: the journaling habit at a glance. */
import { daysBetween, type Day } from './calendar.js';
import { nextCycleStart } from './cycle.js';
import { viewGoalsOn } from './goal-report.js';
import { staleGoals } from './goals.js';
import { noteToJson } from './notes.js';
import type { StatusSnapshot } from './report-data.js';
import { currentWorkdayStreak, longestWorkdayStreak } from './streaks.js';
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
    // The rule of `perf goals`, over the goals as they stand today: an update dated later does not count yet.
    staleGoals: staleGoals(viewGoalsOn(snapshot.goals, snapshot.goalUpdates, today), today).map(
      ({ view: { goal, lastUpdate }, days: daysSinceUpdate }) => ({
        id: goal.id,
        slug: goal.slug,
        title: goal.title,
        lastUpdate: lastUpdate ?? goal.start,
        daysSinceUpdate,
      }),
    ),
    overdueDevelopment: openDevelopment(snapshot.development, today).filter((item) => item.overdue),
    nextReview,
    daysUntilNextReview: daysBetween(today, nextReview),
  };
}
