/**
 * The accomplishments summary for the appraisal, built from one snapshot of the journal.
 *
 * It follows the shape of a review conversation: the past (highlights, results per goal), the
 * present (goals in progress, the accounts worked most) and the future (competencies to improve,
 * development). Goal values, pace and "open" are taken as of the period's end, or today when the
 * period has not ended yet. The model is plain data with the keys of CLI.md: the JSON rendering
 * is the model itself.
 */
import { addDays, maxDay, minDay, monthsBetween, monthOf, type Day } from './calendar.js';
import { cycleContaining, type CycleStart, type Period } from './cycle.js';
import { assessGoalOn, difference, goalStatusOn, goalValueOn } from './goal-report.js';
import type { GoalStatus, Pace } from './goal-progress.js';
import { noteToJson, type Note } from './notes.js';
import type { DateRange } from './periods.js';
import {
  RELATIONSHIPS,
  type GoalRef,
  type Relationship,
  type ReportCompetency,
  type ReportDevelopment,
  type ReportFeedback,
  type ReportGoal,
  type ReportRating,
  type SummarySnapshot,
} from './report-data.js';
import { longestWorkdayStreak } from './streaks.js';

export type NoteJson = ReturnType<typeof noteToJson>;

export interface SummaryGoal {
  id: number;
  slug: string;
  title: string;
  org: boolean;
  unit: string | null;
  baseline: number;
  target: number | null;
  /** The value at the period's end (same as `valueAtEnd`). */
  current: number;
  percent: number | null;
  start: Day;
  due: Day | null;
  status: GoalStatus;
  pace: Pace;
  projected: number | null;
  alignsTo: GoalRef | string | null;
  valueAtStart: number;
  valueAtEnd: number;
  change: number;
  /** Notes in the period linked to the goal, starred first, then oldest first. */
  notes: NoteJson[];
}

export interface ProgressGoal {
  id: number;
  slug: string;
  title: string;
  unit: string | null;
  current: number;
  target: number | null;
  percent: number | null;
  pace: Pace;
  projected: number | null;
  due: Day | null;
  daysLeft: number | null;
}

export interface AccountActivity {
  account: string;
  notes: number;
  lastDate: Day;
}

export interface RatingChange {
  start: number | null;
  end: number | null;
  change: number | null;
}

export interface SummaryCompetency {
  slug: string;
  name: string;
  /** The competency's own target, else the top of the scale. */
  target: number;
  self: RatingChange;
  others: RatingChange;
  /** target − the end rating by others, else by self; null when unrated. */
  gap: number | null;
  /** The end rating (by others, else by self) is below the top of the scale. */
  improvementTarget: boolean;
}

export interface DevelopmentItem {
  id: number;
  title: string;
  competency: string | null;
  assignedBy: string | null;
  due: Day | null;
  status: ReportDevelopment['status'];
  completedAt: Day | null;
  outcome: string | null;
  overdue: boolean;
}

export type FeedbackItem = ReportFeedback;

export interface Summary {
  period: Period;
  /** The day goal values and paces are read: the period's end, or today if that is later. */
  asOf: Day;
  person: { name: string | null; role: string | null; manager: string | null };
  scaleMax: number;
  highlights: NoteJson[];
  goals: SummaryGoal[];
  inProgress: { goals: ProgressGoal[]; accounts: AccountActivity[] };
  competencies: SummaryCompetency[];
  development: { completed: DevelopmentItem[]; open: DevelopmentItem[] };
  feedback: { byRelationship: Record<Relationship, number>; items: FeedbackItem[] };
  stats: { notes: number; activeDays: number; longestStreak: number; perMonth: Record<string, number> };
}

/**
 * The period a summary covers: the range typed (`--period`, `--from`/`--to`), else the current
 * review cycle. An open end runs to today; an open start is the start of the review cycle that
 * holds the end.
 */
export function summaryPeriod(range: DateRange | null, cycleStart: CycleStart, today: Day): Period {
  if (range === null) {
    const { from, to } = cycleContaining(today, cycleStart);
    return { from, to, label: `review cycle ${from} – ${to}` };
  }
  const to = range.to ?? maxDay(today, range.from ?? today);
  const from = range.from ?? cycleContaining(to, cycleStart).from;
  return { from, to, label: range.from !== null && range.to !== null ? range.label : `${from} – ${to}` };
}

/** How many accounts "the accounts worked most" lists. */
export const TOP_ACCOUNTS = 5;

export function buildSummary(snapshot: SummarySnapshot, period: Period, today: Day): Summary {
  const asOf = minDay(period.to, today);
  const notes = snapshot.notes.filter((note) => note.date >= period.from && note.date <= period.to);
  const { settings } = snapshot;
  return {
    period: { from: period.from, to: period.to, label: period.label },
    asOf,
    person: { name: settings.name, role: settings.role, manager: settings.manager },
    scaleMax: settings.scaleMax,
    highlights: notes.filter((note) => note.starred || note.type === 'win').map(noteToJson),
    goals: snapshot.goals
      .filter((goal) => !goal.org && wasActiveDuring(goal, period))
      .map((goal) => summariseGoal(goal, period, asOf, notes)),
    inProgress: {
      goals: snapshot.goals
        .filter((goal) => !goal.org && goal.start <= asOf && goalStatusOn(goal, asOf) === 'active')
        .map((goal) => progressOf(goal, asOf)),
      accounts: topAccounts(notes, TOP_ACCOUNTS),
    },
    competencies: snapshot.competencies.map((c) =>
      summariseCompetency(c, snapshot.ratings.filter((r) => r.competencyId === c.id), period, settings.scaleMax),
    ),
    development: summariseDevelopment(snapshot.development, period, asOf),
    feedback: summariseFeedback(snapshot.feedback.filter((f) => f.date >= period.from && f.date <= period.to)),
    stats: activityStats(notes, period),
  };
}

/** Started by the period's end and not closed before it began. */
function wasActiveDuring(goal: ReportGoal, period: Period): boolean {
  if (goal.start > period.to) return false;
  if (goal.status === 'active' || goal.closedOn === null) return true;
  return goal.closedOn >= period.from;
}

function summariseGoal(goal: ReportGoal, period: Period, asOf: Day, notes: readonly Note[]): SummaryGoal {
  const assessment = assessGoalOn(goal, asOf);
  const valueAtStart = goalValueOn(goal, addDays(period.from, -1));
  const valueAtEnd = assessment.current;
  return {
    id: goal.id,
    slug: goal.slug,
    title: goal.title,
    org: goal.org,
    unit: goal.unit,
    baseline: goal.baseline,
    target: goal.target,
    current: valueAtEnd,
    percent: assessment.percent,
    start: goal.start,
    due: goal.due,
    status: goalStatusOn(goal, asOf),
    pace: assessment.pace,
    projected: assessment.projected,
    alignsTo: goal.alignsTo,
    valueAtStart,
    valueAtEnd,
    change: difference(valueAtEnd, valueAtStart),
    notes: notes
      .filter((note) => note.goalId === goal.id)
      .sort((a, b) => Number(b.starred) - Number(a.starred) || compare(a.date, b.date) || a.id - b.id)
      .map(noteToJson),
  };
}

export function progressOf(goal: ReportGoal, day: Day): ProgressGoal {
  const a = assessGoalOn(goal, day);
  return {
    id: goal.id,
    slug: goal.slug,
    title: goal.title,
    unit: goal.unit,
    current: a.current,
    target: goal.target,
    percent: a.percent,
    pace: a.pace,
    projected: a.projected,
    due: goal.due,
    daysLeft: a.daysLeft,
  };
}

/** Accounts by number of notes, then the most recent, then by name; spelling as last written. */
export function topAccounts(notes: readonly Note[], limit: number): AccountActivity[] {
  const byKey = new Map<string, AccountActivity>();
  for (const note of notes) {
    if (!note.account) continue;
    const key = note.account.toLowerCase();
    const entry = byKey.get(key);
    if (!entry) byKey.set(key, { account: note.account, notes: 1, lastDate: note.date });
    else {
      entry.notes++;
      if (note.date >= entry.lastDate) {
        entry.lastDate = note.date;
        entry.account = note.account;
      }
    }
  }
  return [...byKey.values()]
    .sort((a, b) => b.notes - a.notes || compare(b.lastDate, a.lastDate) || compare(a.account, b.account))
    .slice(0, limit);
}

function summariseCompetency(
  competency: ReportCompetency,
  ratings: readonly ReportRating[],
  period: Period,
  scaleMax: number,
): SummaryCompetency {
  const self = ratingChange(ratings.filter((r) => r.source === 'self'), period);
  const others = ratingChange(ratings.filter((r) => r.source !== 'self'), period);
  const target = competency.target ?? scaleMax;
  const basis = others.end ?? self.end;
  return {
    slug: competency.slug,
    name: competency.name,
    target,
    self,
    others,
    gap: basis === null ? null : target - basis,
    improvementTarget: basis !== null && basis < scaleMax,
  };
}

/**
 * The rating at the period's start is the latest on or before its first day, else the first one
 * within it; at its end, the latest on or before its last day. `ratings` are oldest first.
 */
export function ratingChange(ratings: readonly ReportRating[], period: { from: Day; to: Day }): RatingChange {
  const ordered = [...ratings].sort((a, b) => compare(a.date, b.date) || a.id - b.id);
  const before = ordered.filter((r) => r.date <= period.from).at(-1);
  const within = ordered.filter((r) => r.date >= period.from && r.date <= period.to);
  const start = (before ?? within[0])?.rating ?? null;
  const end = ordered.filter((r) => r.date <= period.to).at(-1)?.rating ?? null;
  return { start, end, change: start !== null && end !== null ? end - start : null };
}

export function developmentItem(item: ReportDevelopment, today: Day): DevelopmentItem {
  const open = item.status === 'planned' || item.status === 'in-progress';
  return {
    id: item.id,
    title: item.title,
    competency: item.competency,
    assignedBy: item.assignedBy,
    due: item.due,
    status: item.status,
    completedAt: item.completedOn,
    outcome: item.outcome,
    overdue: open && item.due !== null && item.due < today,
  };
}

/** Open activities, overdue first, then by due date (undated last), then by id. */
export function openDevelopment(items: readonly ReportDevelopment[], today: Day): DevelopmentItem[] {
  return items
    .filter((item) => item.status === 'planned' || item.status === 'in-progress')
    .map((item) => developmentItem(item, today))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        compare(a.due ?? '9999-99-99', b.due ?? '9999-99-99') ||
        a.id - b.id,
    );
}

function summariseDevelopment(items: readonly ReportDevelopment[], period: Period, asOf: Day) {
  const completed = items
    .filter((item) => item.status === 'done' && item.completedOn !== null && item.completedOn >= period.from && item.completedOn <= period.to)
    .sort((a, b) => compare(a.completedOn ?? '', b.completedOn ?? '') || a.id - b.id)
    .map((item) => developmentItem(item, asOf));
  return { completed, open: openDevelopment(items, asOf) };
}

function summariseFeedback(items: readonly ReportFeedback[]) {
  const byRelationship = Object.fromEntries(RELATIONSHIPS.map((r) => [r, 0])) as Record<Relationship, number>;
  for (const item of items) byRelationship[item.relationship]++;
  return { byRelationship, items: [...items] };
}

function activityStats(notes: readonly Note[], period: Period) {
  const days = new Set(notes.map((note) => note.date));
  const perMonth = Object.fromEntries(monthsBetween(period.from, period.to).map((m) => [m, 0]));
  for (const note of notes) perMonth[monthOf(note.date)] = (perMonth[monthOf(note.date)] ?? 0) + 1;
  return {
    notes: notes.length,
    activeDays: days.size,
    longestStreak: longestWorkdayStreak(days, period.from, period.to),
    perMonth,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
