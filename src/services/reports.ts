import { minDay, type Day } from '../domain/calendar.js';
import { agendaStart, buildCheckinAgenda, type CheckinAgenda } from '../domain/checkin.js';
import type { Period } from '../domain/cycle.js';
import { buildStatus, type JournalStatus } from '../domain/status.js';
import { buildSummary, goalsShown, type Summary } from '../domain/summary.js';
import { digestNotes, type SummaryCaps } from '../domain/summary-notes.js';
import type { Goal, ReplayedUpdate } from '../domain/goals.js';
import type { Store } from '../storage/store.js';
import { readSettings } from './config.js';

// Each report reads what it needs through the tables' own repos, all in one snapshot.

/** The summary of `period`; with `caps`, each list of notes holds the most telling few (the human formats). */
export function readSummary(store: Store, period: Period, today: Day, caps: SummaryCaps | null = null): Summary {
  const snapshot = store.reports.snapshot(() => {
    const goals = store.goals.forSummary(period.from, period.to, minDay(period.to, today));
    return {
      settings: readSettings(store),
      reflection: store.reflections.forRange(period.from, period.to),
      deals: store.reports.summaryDeals(period.from, period.to),
      accountSpellings: store.reports.accountSpellings(),
      notes:
        caps === null
          ? digestNotes(store.reports.notesBetween(period.from, period.to), period, null)
          : store.reports.noteDigest(period.from, period.to, caps),
      goals,
      goalUpdates: summaryGoalUpdates(store, goalsShown(goals, period, today)),
      competencies: store.competencies.list(),
      ratings: store.ratings.forPeriod(period.from, period.to),
      feedback: store.feedback.list({ from: period.from, to: period.to }).reverse(),
      // Done or dropped before the period: neither completed in it nor open at its end.
      development: store.development.listSince(period.from),
    };
  });
  return buildSummary(snapshot, period, today);
}

/** The updates the summary replays: a goal's own (what replaying needs of them); what a counting goal counts. */
function summaryGoalUpdates(store: Store, goals: readonly Goal[]): ReplayedUpdate[] {
  const counting = goals.filter((goal) => goal.rule !== null);
  const own = goals.filter((goal) => goal.rule === null).map((goal) => goal.id);
  return [...store.reports.updatesOfGoals(own), ...store.goals.progressOfGoals(counting)];
}

/** The summary with the notes counted per day of its period: what the HTML report's heatmap draws. */
export function readSummaryWithNoteDays(
  store: Store,
  period: Period,
  today: Day,
  caps: SummaryCaps | null = null,
): Summary & { noteDays: { date: Day; count: number }[] } {
  return store.reports.snapshot(() => ({
    ...readSummary(store, period, today, caps),
    noteDays: store.reports.noteDaysBetween(period.from, period.to),
  }));
}

/** The agenda since `since`, else since the last recorded one-to-one, else for the last two weeks. */
export function readCheckinAgenda(store: Store, since: Day | null, today: Day): CheckinAgenda {
  const snapshot = store.reports.snapshot(() => {
    const lastOneToOne = store.oneToOnes.latest();
    const { from } = agendaStart(since, lastOneToOne, today);
    return {
      settings: readSettings(store),
      lastOneToOne,
      from,
      notes: store.notes.list({ from, to: today, ascending: true }),
      goals: store.goals.list(),
      goalUpdates: store.goals.allProgress(),
      feedback: store.feedback.list({ from, to: today }).reverse(),
      development: store.development.list(),
    };
  });
  return buildCheckinAgenda(snapshot, agendaStart(since, snapshot.lastOneToOne, today).basis, today);
}

export function readStatus(store: Store, today: Day): JournalStatus {
  const snapshot = store.reports.snapshot(() => {
    // The status looks at the goals open today (stale ones): years of closed goals stay unread.
    const goals = store.goals.openOn(today);
    return {
      settings: readSettings(store),
      noteDayNumbers: store.reports.noteDayNumbers(today),
      noteCount: store.reports.noteCount(),
      lastNote: store.notes.list({ limit: 1 })[0] ?? null,
      goals,
      goalUpdates: goals.flatMap((goal) => store.goals.progressOf(goal)),
      // And at open development only (overdue, due soon).
      development: store.development.listOpen(),
    };
  });
  return buildStatus(snapshot, today);
}
