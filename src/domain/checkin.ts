/**
 * The agenda for the next one-to-one with the manager: what moved since the last one, what is at
 * risk, what went wrong, what others said, and which development follow-ups are due.
 */
import { addDays, type Day } from './calendar.js';
import { feedbackToJson } from './feedback.js';
import { difference, goalValueOn, viewGoalsOn } from './goal-report.js';
import { goalToJson } from './goals.js';
import { noteToJson } from './notes.js';
import type { CheckinSnapshot, OneToOne } from './report-data.js';
import { openDevelopment, openGoalsOn, type DevelopmentItem, type FeedbackItem, type GoalJson, type NoteJson } from './summary.js';

/** Without a recorded one-to-one or `--since`, the agenda covers this many days. */
export const DEFAULT_CHECKIN_DAYS = 14;
/** Development activities due within this many days are on the agenda. */
export const DEVELOPMENT_DUE_DAYS = 14;

/** `last-checkin`: from the last one-to-one; the value is printed by `--json`, so it keeps its name. */
export type AgendaBasis = 'since' | 'last-checkin' | 'default';

/** A goal as it stands today, and how far it moved in the agenda's range. */
export interface GoalMovement extends GoalJson {
  valueAtStart: number;
  change: number;
  /** Goal updates recorded in the agenda's range. */
  updates: number;
}

export interface CheckinAgenda {
  from: Day;
  to: Day;
  basis: AgendaBasis;
  lastOneToOne: { date: Day; note: string | null } | null;
  /** The next one-to-one, when one is planned (perf checkin --next) and not past. */
  nextOneToOne: Day | null;
  goals: GoalMovement[];
  atRisk: GoalJson[];
  challenges: NoteJson[];
  wins: NoteJson[];
  feedback: FeedbackItem[];
  development: DevelopmentItem[];
  notes: number;
}

/**
 * The first day the agenda covers: `--since`, else the day of the last one-to-one (what was
 * logged after the meeting that day must not slip through), else the last two weeks.
 */
export function agendaStart(since: Day | null, last: OneToOne | null, today: Day): { from: Day; basis: AgendaBasis } {
  if (since !== null) return { from: since, basis: 'since' };
  if (last !== null) return { from: last.date, basis: 'last-checkin' };
  return { from: addDays(today, -DEFAULT_CHECKIN_DAYS), basis: 'default' };
}

export function buildCheckinAgenda(snapshot: CheckinSnapshot, basis: AgendaBasis, today: Day): CheckinAgenda {
  const { from } = snapshot;
  const notes = snapshot.notes.filter((note) => note.date >= from && note.date <= today);
  const personal = viewGoalsOn(snapshot.goals, snapshot.goalUpdates, today).filter(({ goal }) => !goal.org && goal.start <= today);
  const discussed = personal.filter(({ goal }) => goal.status === 'active' || (goal.closedOn !== null && goal.closedOn >= from));
  const dueBy = addDays(today, DEVELOPMENT_DUE_DAYS);
  return {
    from,
    to: today,
    basis,
    lastOneToOne: snapshot.lastOneToOne && { date: snapshot.lastOneToOne.date, note: snapshot.lastOneToOne.note },
    nextOneToOne: upcoming(snapshot.settings.nextOneToOne, today),
    goals: discussed.map((view) => {
      const now = goalToJson(view);
      const valueAtStart = goalValueOn(view, addDays(from, -1));
      return {
        ...now,
        valueAtStart,
        change: difference(now.current, valueAtStart),
        updates: view.history.filter((point) => point.date >= from && point.date <= today).length,
      };
    }),
    atRisk: openGoalsOn(personal, today)
      .filter((goal) => goal.pace === 'behind' || goal.pace === 'overdue')
      .sort((a, b) => Number(b.pace === 'overdue') - Number(a.pace === 'overdue') || a.id - b.id),
    challenges: notes.filter((note) => note.type === 'challenge' || note.type === 'loss').map(noteToJson),
    wins: notes.filter((note) => note.starred || note.type === 'win').map(noteToJson),
    feedback: snapshot.feedback.filter((f) => f.date >= from && f.date <= today).map(feedbackToJson),
    development: openDevelopment(snapshot.development, today).filter((item) => item.due !== null && item.due <= dueBy),
    notes: notes.length,
  };
}

/**
 * `perf checkin --json`: the agenda under the keys CLI.md promised when "check-in" meant both a
 * goal update and a one-to-one (`lastCheckin` for the last one-to-one, `checkins` for a goal's
 * updates in the range); scripts read them, so only the names in the code changed.
 */
export function agendaToJson(agenda: CheckinAgenda) {
  const { lastOneToOne, goals, ...rest } = agenda;
  return {
    from: rest.from,
    to: rest.to,
    basis: rest.basis,
    lastCheckin: lastOneToOne,
    nextOneToOne: rest.nextOneToOne,
    goals: goals.map(({ updates, ...goal }) => ({ ...goal, checkins: updates })),
    atRisk: rest.atRisk,
    challenges: rest.challenges,
    wins: rest.wins,
    feedback: rest.feedback,
    development: rest.development,
    notes: rest.notes,
  };
}

/** A one-to-one in `perf checkin history --json` and `perf checkin edit --json`. */
export function oneToOneToJson(oneToOne: OneToOne): { id: number; date: Day; note: string | null } {
  return { id: oneToOne.id, date: oneToOne.date, note: oneToOne.note };
}

/** A planned one-to-one still ahead (today included); one whose day has passed is no plan any more. */
export function upcoming(day: Day | null, today: Day): Day | null {
  return day !== null && day >= today ? day : null;
}
