/**
 * The accomplishments summary for the appraisal, built from one snapshot of the journal.
 *
 * It follows the shape of a review conversation: the past (highlights, results per goal), the
 * present (goals in progress, the accounts worked most) and the future (competencies to improve,
 * development). Goal values, pace and "open" are taken as of the period's end, or today when the
 * period has not ended yet. The model is plain data with the keys of CLI.md: the JSON rendering
 * is the model itself.
 */
import { addDays, dayOf, maxDay, minDay, monthsBetween, monthOf, type Day } from './calendar.js';
import { assessCompetency, type Competency, type CompetencyAssessment, type Rating } from './competencies.js';
import { cycleContaining, type CycleStart, type Period } from './cycle.js';
import { developmentToJson, isOpen, sortForPlan, type DevelopmentActivity } from './development.js';
import { RELATIONSHIPS, countByRelationship, feedbackToJson, type Feedback, type Relationship } from './feedback.js';
import { difference, goalValueOn, viewGoalsOn } from './goal-report.js';
import { goalToJson, type Goal, type GoalView } from './goals.js';
import { noteToJson, type Note } from './notes.js';
import type { DateRange } from './periods.js';
import type { SummarySnapshot } from './report-data.js';
import { longestWorkdayStreak } from './streaks.js';
import { canonicalAccount, firstSpellings } from './account-names.js';
import {
  evidenceFor,
  feedbackToQuote,
  growthAreas,
  noteEvidence,
  type Evidence,
  type GrowthArea,
  type RatingChange,
} from './summary-growth.js';
import {
  accountUses,
  highlightsCommand,
  notesCommand,
  pickNotes,
  type AccountUse,
  type NotePick,
  type PeriodNoteDigest,
  type SummaryCuts,
} from './summary-notes.js';
import { salesNumbers, type SalesNumbers } from './summary-sales.js';

export type { Evidence, FeedbackEvidence, GrowthArea, NoteEvidence, RatingChange } from './summary-growth.js';
export type { LargestDeal, SalesNumbers, StageTotal } from './summary-sales.js';
export type { ListCut, SummaryCuts } from './summary-notes.js';

export type NoteJson = ReturnType<typeof noteToJson>;

/** A goal as `perf goals --json` shows it, read on the report's day. */
export type GoalJson = ReturnType<typeof goalToJson>;

export interface SummaryGoal extends GoalJson {
  valueAtStart: number;
  /** The value at the period's end (same as `current`). */
  valueAtEnd: number;
  change: number;
  /** Notes in the period linked to the goal, oldest first. */
  notes: NoteJson[];
  /** Still running at the period's end: shown under work in progress, not among the results. */
  running: boolean;
}

export interface AccountActivity {
  account: string;
  notes: number;
  lastDate: Day;
}

/** A competency at the period's end: target, gap and improvement target as `perf competencies` reads them. */
export type SummaryCompetency = Pick<Competency, 'slug' | 'name'> &
  Pick<CompetencyAssessment, 'target' | 'gap' | 'improvementTarget'> & {
    self: RatingChange;
    others: RatingChange;
    /** The period's notes and feedback linked to it, oldest first. */
    evidence: Evidence[];
  };

export type DevelopmentItem = ReturnType<typeof developmentToJson>;

export type FeedbackItem = ReturnType<typeof feedbackToJson>;

/** The future: what comes after the period. */
export interface LookingAhead {
  /** Goals that start after the period, or are due after it (running ones are also in work in progress). */
  goals: GoalJson[];
  /** Development open at the period's end (as `development.open`). */
  development: DevelopmentItem[];
  /** Every competency rated below the top, with what is being done about it. */
  growthAreas: GrowthArea[];
  /** Constructive feedback of the period that concerns no growth area. */
  feedback: FeedbackItem[];
}

export interface Summary {
  period: Period;
  /** The day goal values and paces are read: the period's end, or today if that is later. */
  asOf: Day;
  person: { name: string | null; role: string | null; manager: string | null };
  scaleMax: number;
  /** The rep's own words for exactly this period (`perf reflect`). */
  reflection: { from: Day; to: Day; text: string } | null;
  highlights: NoteJson[];
  sales: SalesNumbers;
  /** Learning notes of the period, oldest first. */
  learning: NoteJson[];
  goals: SummaryGoal[];
  inProgress: { goals: GoalJson[]; accounts: AccountActivity[] };
  /** Those rated by the period's end or with evidence in it, in framework order. */
  competencies: SummaryCompetency[];
  development: { completed: DevelopmentItem[]; open: DevelopmentItem[] };
  /** Every piece with its flags; `quoted`: the starred ones when any is starred, else the praise. */
  feedback: { byRelationship: Record<Relationship, number>; items: FeedbackItem[]; quoted: FeedbackItem[] };
  lookingAhead: LookingAhead;
  stats: { notes: number; activeDays: number; longestStreak: number; perMonth: Record<string, number> };
  /** Set when the lists of notes hold the most telling few (the human formats): how many each has in all. Never in JSON. */
  cuts?: SummaryCuts;
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
  const digest = snapshot.notes;
  const { caps } = digest;
  const personal = shownGoalViews(snapshot, period, today);
  const { settings } = snapshot;
  const spellings = firstSpellings(snapshot.accountSpellings);
  const feedbackInPeriod = snapshot.feedback.filter((f) => f.date >= period.from && f.date <= period.to);
  const running = openGoalsOn(personal, asOf);
  const competencyNotes = (slug: string) => digest.competencies.get(slug) ?? NO_NOTES;
  const competencies = snapshot.competencies
    .map((c) =>
      summariseCompetency(
        c,
        snapshot.ratings.filter((r) => r.competencyId === c.id),
        period,
        settings.scaleMax,
        evidenceFor(c.slug, competencyNotes(c.slug).notes, feedbackInPeriod, caps?.evidence ?? null),
      ),
    )
    .filter((c) => c.self.end !== null || c.others.end !== null || c.evidence.length > 0);
  const development = summariseDevelopment(snapshot.development, period, asOf);
  const feedback = summariseFeedback(feedbackInPeriod);
  const progress = (slug: string) => pickNotes(competencyNotes(slug).notes, caps?.growth ?? null).notes.map(noteEvidence);
  const areas = growthAreas(competencies, development, feedback.items, progress);
  const { reflection } = snapshot;
  const goals = personal
    .filter((view) => wasActiveDuring(view, period))
    .map((view) =>
      summariseGoal(
        view,
        period,
        digest.goals.get(view.goal.id) ?? NO_NOTES,
        running.some((g) => g.id === view.goal.id),
      ),
    );
  return {
    period: { from: period.from, to: period.to, label: period.label },
    asOf,
    person: { name: settings.name, role: settings.role, manager: settings.manager },
    scaleMax: settings.scaleMax,
    reflection: reflection === null ? null : { from: reflection.from, to: reflection.to, text: reflection.text },
    highlights: digest.highlights.notes.map(noteToJson),
    sales: salesNumbers(snapshot.deals, digest.byType, period, settings.currency, spellings),
    learning: digest.learning.notes.map(noteToJson),
    goals,
    inProgress: { goals: running, accounts: rankAccounts(digest.accounts, TOP_ACCOUNTS, spellings) },
    competencies,
    development,
    feedback,
    lookingAhead: {
      goals: personal
        .filter(({ goal }) => goal.start > period.to || (goal.status === 'active' && goal.due !== null && goal.due > period.to))
        .map(goalToJson),
      development: development.open,
      growthAreas: areas,
      feedback: feedback.items.filter((f) => f.constructive && !areas.some((a) => a.slug === f.competency)),
    },
    stats: activityStats(digest.days, period, today),
    ...(caps === null ? {} : { cuts: summaryCuts(digest, goals, competencies, feedbackInPeriod, period) }),
  };
}

const NO_NOTES: NotePick = { notes: [], total: 0 };

/** How many notes each cut list has in all, and the command that lists them. */
function summaryCuts(
  digest: PeriodNoteDigest,
  goals: readonly SummaryGoal[],
  competencies: readonly SummaryCompetency[],
  feedback: readonly Feedback[],
  period: Period,
): SummaryCuts {
  const notesOf = (slug: string) => digest.competencies.get(slug)?.total ?? 0;
  return {
    highlights: { total: digest.highlights.total, command: highlightsCommand(digest.highlights, period) },
    learning: { total: digest.learning.total, command: notesCommand(['--type learning'], period) },
    goals: Object.fromEntries(
      goals.map((g) => [g.id, { total: digest.goals.get(g.id)?.total ?? 0, command: notesCommand([`--goal ${g.slug}`], period) }]),
    ),
    evidence: Object.fromEntries(
      competencies.map((c) => [c.slug, { total: notesOf(c.slug) + feedback.filter((f) => f.competency === c.slug).length, command: null }]),
    ),
    progress: Object.fromEntries(competencies.map((c) => [c.slug, { total: notesOf(c.slug), command: null }])),
  };
}

/**
 * The goals whose views the summary can show: the personal ones, less those closed before the
 * period began (as of its end they are closed, not active during it, not running, not ahead).
 * Their updates are all the summary reads: ten years of closed goals' updates stay unread.
 */
export function goalsShown(goals: readonly Goal[], period: Period, today: Day): Goal[] {
  const asOf = minDay(period.to, today);
  return goals.filter(
    (goal) => !goal.org && !(goal.closedOn !== null && goal.closedOn < period.from && goal.closedOn <= asOf && goal.start <= period.to),
  );
}

/**
 * The views, as of the period's end, of the goals the summary shows: with the goals they align
 * to, but without replaying years of goals closed before the period (a tenth of ten years' goals).
 */
function shownGoalViews(snapshot: SummarySnapshot, period: Period, today: Day): GoalView[] {
  const shown = new Set(goalsShown(snapshot.goals, period, today).map((goal) => goal.id));
  const parents = new Set(snapshot.goals.filter((goal) => shown.has(goal.id)).map((goal) => goal.alignsToId));
  const viewed = snapshot.goals.filter((goal) => shown.has(goal.id) || parents.has(goal.id));
  return viewGoalsOn(viewed, snapshot.goalUpdates, minDay(period.to, today)).filter((view) => shown.has(view.goal.id));
}

/** Started by the period's end and not closed before it began (the view is as of the period's end). */
function wasActiveDuring({ goal }: GoalView, period: Period): boolean {
  if (goal.start > period.to) return false;
  if (goal.status === 'active' || goal.closedOn === null) return true;
  return goal.closedOn >= period.from;
}

function summariseGoal(view: GoalView, period: Period, notes: NotePick, running: boolean): SummaryGoal {
  const json = goalToJson(view);
  const valueAtStart = goalValueOn(view, addDays(period.from, -1));
  return {
    ...json,
    valueAtStart,
    valueAtEnd: json.current,
    change: difference(json.current, valueAtStart),
    notes: notes.notes.map(noteToJson),
    running,
  };
}

/** The goals started and still open on the day the views are for. */
export function openGoalsOn(views: readonly GoalView[], day: Day): GoalJson[] {
  return views.filter(({ goal }) => goal.start <= day && goal.status === 'active').map(goalToJson);
}

/**
 * Accounts by number of notes, then the most recent, then by name; matched whatever their case and
 * spelled as first used (in `spellings`, else in these notes, oldest first).
 */
export function topAccounts(notes: readonly Note[], limit: number, spellings: ReadonlyMap<string, string> = new Map()): AccountActivity[] {
  return rankAccounts(accountUses(notes), limit, spellings);
}

/** `topAccounts` from each spelling's count, last day and first use. */
export function rankAccounts(uses: readonly AccountUse[], limit: number, spellings: ReadonlyMap<string, string>): AccountActivity[] {
  const ordered = [...uses].sort((a, b) => compare(a.first, b.first));
  const first = firstSpellings(ordered.map((use) => use.account));
  const byKey = new Map<string, AccountActivity>();
  for (const use of ordered) {
    const account = canonicalAccount(canonicalAccount(use.account, first), spellings);
    const key = account.toLocaleLowerCase('en');
    const entry = byKey.get(key);
    if (!entry) byKey.set(key, { account, notes: use.notes, lastDate: use.lastDate });
    else {
      entry.notes += use.notes;
      if (use.lastDate >= entry.lastDate) entry.lastDate = use.lastDate;
    }
  }
  return [...byKey.values()]
    .sort((a, b) => b.notes - a.notes || compare(b.lastDate, a.lastDate) || compare(a.account, b.account))
    .slice(0, limit);
}

/** Ratings at the period's start and end; target, gap and improvement target as of its end. */
function summariseCompetency(
  competency: Competency,
  ratings: readonly Rating[],
  period: Period,
  scaleMax: number,
  evidence: Evidence[],
): SummaryCompetency {
  const { target, gap, improvementTarget } = assessCompetency(
    competency,
    ratings.filter((r) => r.date <= period.to),
    scaleMax,
  );
  return {
    slug: competency.slug,
    name: competency.name,
    target,
    self: ratingChange(
      ratings.filter((r) => r.source === 'self'),
      period,
    ),
    others: ratingChange(
      ratings.filter((r) => r.source !== 'self'),
      period,
    ),
    gap,
    improvementTarget,
    evidence,
  };
}

/**
 * The rating at the period's start is the latest on or before its first day, else the first one
 * within it; at its end, the latest on or before its last day. `ratings` are oldest first.
 */
export function ratingChange(ratings: readonly Pick<Rating, 'id' | 'date' | 'rating'>[], period: { from: Day; to: Day }): RatingChange {
  const ordered = [...ratings].sort((a, b) => compare(a.date, b.date) || a.id - b.id);
  const before = ordered.filter((r) => r.date <= period.from).at(-1);
  const within = ordered.filter((r) => r.date >= period.from && r.date <= period.to);
  const start = (before ?? within[0])?.rating ?? null;
  const end = ordered.filter((r) => r.date <= period.to).at(-1)?.rating ?? null;
  return { start, end, change: start !== null && end !== null ? end - start : null };
}

/** Open activities in the plan's order (overdue first, then by due date, undated last). */
export function openDevelopment(items: readonly DevelopmentActivity[], today: Day): DevelopmentItem[] {
  return sortForPlan(items.filter(isOpen), today).map((item) => developmentToJson(item, today));
}

function summariseDevelopment(items: readonly DevelopmentActivity[], period: Period, asOf: Day) {
  const completed = items
    .filter(
      (item) => item.status === 'done' && item.completedOn !== null && item.completedOn >= period.from && item.completedOn <= period.to,
    )
    .sort((a, b) => compare(a.completedOn ?? '', b.completedOn ?? '') || a.id - b.id)
    .map((item) => developmentToJson(item, asOf));
  const existing = items.filter((item) => dayOf(new Date(item.createdAt)) <= asOf).map((item) => developmentAsOf(item, asOf));
  return { completed, open: openDevelopment(existing, asOf) };
}

/** An activity as it stood on `day`: one started, done or dropped later was still planned or in progress. */
export function developmentAsOf(item: DevelopmentActivity, day: Day): DevelopmentActivity {
  if (item.completedOn !== null && item.completedOn > day) {
    item = { ...item, status: item.startedOn !== null ? 'in-progress' : 'planned', completedOn: null, outcome: null };
  }
  if (item.startedOn !== null && item.startedOn > day) item = { ...item, status: 'planned', startedOn: null, startNote: null };
  return item;
}

/** Every relationship counted, zeros too, and the quotes oldest first. */
function summariseFeedback(items: readonly Feedback[]) {
  const counts = countByRelationship(items);
  const byRelationship = Object.fromEntries(RELATIONSHIPS.map((r) => [r, counts[r] ?? 0])) as Record<Relationship, number>;
  const json = items.map(feedbackToJson);
  return { byRelationship, items: json, quoted: feedbackToQuote(json) };
}

/** Months after today have not happened: they are not listed (as zeros they would read as idle). */
function activityStats(days: readonly { date: Day; count: number }[], period: Period, today: Day) {
  const perMonth = Object.fromEntries(monthsBetween(period.from, minDay(period.to, today)).map((m) => [m, 0]));
  let notes = 0;
  for (const { date, count } of days) {
    notes += count;
    perMonth[monthOf(date)] = (perMonth[monthOf(date)] ?? 0) + count;
  }
  return {
    notes,
    activeDays: days.length,
    longestStreak: longestWorkdayStreak(new Set(days.map((d) => d.date)), period.from, period.to),
    perMonth,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
