/** Goals as records and the input rules for them; their arrangement in the list is goal-list.ts. */
import { UsageError, quote } from '../errors.js';
import { daysBetween, type Day } from './calendar.js';
import { assessGoalView, replayUpdates, valuesAfterEach, type GoalAssessment, type GoalStatus, type ValuePoint } from './goal-progress.js';
import { RESERVED_SLUGS, assertNotReservedSlug, isValidSlug } from './goal-refs.js';
import { ruleRefusal, type GoalRule } from './goal-rules.js';
import type { Note } from './notes.js';
import { assertValuesInRange, parseNumber, readingHint, type NumberReading } from './numbers.js';

export interface Goal {
  id: number;
  slug: string;
  title: string;
  org: boolean;
  unit: string | null;
  baseline: number;
  target: number | null;
  start: Day;
  due: Day | null;
  status: GoalStatus;
  closedOn: Day | null;
  alignsToId: number | null;
  alignsToText: string | null;
  /** What the goal counts by itself (notes or deals), or null for a goal moved by updates. */
  rule: GoalRule | null;
  /** The period after which it rolls over to the next (perf goals roll), or null. */
  every: RollEvery | null;
  /** Whether it reached its target, set when a roll closes it; null otherwise. */
  outcome: GoalOutcome | null;
  /** The goal it continues after a roll. */
  rolledFrom: number | null;
  createdAt: string;
  updatedAt: string;
}

export type RollEvery = 'quarter' | 'month' | 'year';
export const ROLL_EVERY: readonly RollEvery[] = ['quarter', 'month', 'year'];
export type GoalOutcome = 'achieved' | 'missed';

export interface GoalUpdate {
  id: number;
  goalId: number;
  date: Day;
  kind: 'set' | 'add';
  amount: number;
  /** The update's own comment (`perf goals update --note`). */
  note: string | null;
  /** The journal note that moved the goal (`perf log --goal --progress`). */
  noteId: number | null;
  noteText: string | null;
  createdAt: string;
}

/** What replaying a goal's value needs of an update: reports read no more (report-repo.ts). */
export type ReplayedUpdate = Pick<GoalUpdate, 'id' | 'goalId' | 'date' | 'kind' | 'amount'>;

export interface GoalRef {
  id: number;
  slug: string;
  title: string;
}

/** A goal with everything a listing shows about it today. */
export interface GoalView {
  goal: Goal;
  /** As of today for an active goal; a finished one keeps the pace it had when it was closed. */
  assessment: GoalAssessment;
  /** The day the pace was judged: today, or the day a done or dropped goal was closed. */
  paceOn: Day;
  history: ValuePoint[];
  /** The goal it aligns to, the free-text objective, or nothing. */
  alignsTo: GoalRef | string | null;
  /** The day of the latest update made by today; `lastCheckin` in the goal JSON. */
  lastUpdate: Day | null;
}

/**
 * A few days' results stretched over a whole goal say little ($25,000 on day one "projects" $9
 * million), so views show a projection from a goal's second week; JSON always carries it.
 */
export const PROJECT_AFTER_DAYS = 7;

export function isProjectionShown(start: Day, asOf: Day): boolean {
  return daysBetween(start, asOf) >= PROJECT_AFTER_DAYS;
}

/** A goal not updated this long is named in the footer of `perf goals` (and by `perf status`). */
export const STALE_AFTER_DAYS = 30;

export function toGoalRef(goal: Goal): GoalRef {
  return { id: goal.id, slug: goal.slug, title: goal.title };
}

/** `updates` must be this goal's, in any order. */
export function viewGoal(goal: Goal, updates: readonly ReplayedUpdate[], byId: ReadonlyMap<number, Goal>, today: Day): GoalView {
  const history = replayUpdates(goal.baseline, updates);
  const parent = goal.alignsToId === null ? undefined : byId.get(goal.alignsToId);
  const { paceOn, ...assessment } = assessGoalView({ ...goal, history }, today);
  return {
    goal,
    assessment,
    paceOn,
    history,
    alignsTo: parent ? toGoalRef(parent) : goal.alignsToText,
    // An update dated after today (it can arrive by import) does not count yet.
    lastUpdate: history.filter((point) => point.date <= today).at(-1)?.date ?? null,
  };
}

/**
 * The goal JSON shape of CLI.md, plus `paceOn`, `expected`, `daysLeft`, `closedOn` and `lastCheckin`
 * (the day of the last update: the key keeps the name scripts already read).
 * The pace of a done or dropped goal is the one it had on `paceOn`, the day it was closed.
 */
export function goalToJson(view: GoalView) {
  const { goal, assessment } = view;
  return {
    id: goal.id,
    slug: goal.slug,
    title: goal.title,
    org: goal.org,
    unit: goal.unit,
    baseline: goal.baseline,
    target: goal.target,
    current: assessment.current,
    // CLI.md promises 0–100 (more when exceeded): moving the wrong way reads as 0, `current` says how far.
    percent: assessment.percent === null ? null : Math.max(0, assessment.percent),
    start: goal.start,
    due: goal.due,
    status: goal.status,
    pace: assessment.pace,
    paceOn: view.paceOn,
    projected: assessment.projected,
    alignsTo: view.alignsTo,
    expected: assessment.expected,
    daysLeft: assessment.daysLeft,
    closedOn: goal.closedOn,
    lastCheckin: view.lastUpdate,
    rule: goal.rule,
    every: goal.every,
    outcome: goal.outcome,
    createdAt: goal.createdAt,
    updatedAt: goal.updatedAt,
  };
}

// ── input ──────────────────────────────────────────────────────────────────────────────────────

export function normalizeGoalTitle(title: string): string {
  const value = title.replace(/\s+/g, ' ').trim();
  if (!value) throw new UsageError('the goal title is empty: give it words, e.g. perf goals add "Book 40 demos"');
  return value;
}

/** A unit as typed (`USD`, `calls`, `%`); empty means none. */
export function normalizeUnit(unit: string): string | null {
  const value = unit.replace(/\s+/g, ' ').trim();
  return value ? value : null;
}

/** A slug typed with `--slug`. Digits alone would read as an id, so they are refused. */
export function parseSlug(raw: string): string {
  const slug = raw.trim();
  assertNotReservedSlug(slug, 'goal');
  if (/^\p{Nd}+$/u.test(slug)) {
    throw new UsageError(`slug ${quote(raw)} is ambiguous: a number names a goal by its id; add letters, e.g. goal-${slug}`);
  }
  if (!isValidSlug(slug)) {
    throw new UsageError(`invalid slug ${quote(raw)}: use lowercase letters, digits and single dashes, e.g. q4-new-arr`);
  }
  return slug;
}

/** A slug made from the title when none is given; never digits alone or a command word, never empty. */
export function slugBase(slugified: string): string {
  if (slugified === '') return 'goal';
  return /^\p{Nd}+$/u.test(slugified) || RESERVED_SLUGS.includes(slugified) ? `goal-${slugified}` : slugified;
}

export type UpdateValue = { kind: 'set' | 'add'; amount: number };

/** `120` sets the value; `+15` and `-5` change it. */
export function parseUpdateValue(raw: string, reading: NumberReading = {}): UpdateValue {
  const text = raw.trim();
  try {
    const amount = parseNumber(text, 'value', reading);
    return { kind: /^(?:\p{Sc}|[A-Za-z]{3})?\s*[+\-\u2212]/u.test(text) ? 'add' : 'set', amount };
  } catch (error) {
    if (error instanceof UsageError && / too large: /.test(error.message)) throw error;
    throw new UsageError(
      `invalid value ${quote(raw)}: use a number to set the goal (120, 34k, ${reading.decimal === ',' ? '€34.000' : '€34,000'}) or a change (+15, -5)${readingHint(reading)}`,
    );
  }
}

/**
 * A change needs a number to add to (a goal without a target is done or not), and a goal that is
 * not dropped. `shown` is the change as typed, e.g. `+15` or `--progress 3`.
 */
export function assertCanAdd(goal: Goal, shown: string): void {
  assertTakesUpdates(goal, shown);
  if (goal.target !== null) return;
  throw new UsageError(
    `goal ${quote(goal.slug)} has no numeric target, so ${shown} has nothing to add to: ` +
      `set a value (perf goals update ${goal.slug} 3) or give it a target (perf goals edit ${goal.slug} --target 10)`,
  );
}

/** A dropped goal was set aside: progress recorded on it would count toward nothing until it is reopened. */
export function assertTakesUpdates(goal: Goal, shown: string): void {
  if (goal.rule !== null) throw ruleRefusal(goal.slug, goal.rule, shown);
  if (goal.status !== 'dropped') return;
  const when = goal.closedOn ? ` on ${goal.closedOn}` : '';
  throw new UsageError(
    `goal ${quote(goal.slug)} was dropped${when} and takes no more check-ins: reopen it first (perf goals reopen ${goal.slug}) to record ${shown}`,
  );
}

/**
 * An update dated before the goal starts would be replayed ahead of the whole goal and count
 * progress made before it existed.
 */
export function assertUpdateDate(goal: Goal, date: Day): void {
  if (date >= goal.start) return;
  throw new UsageError(
    `check-in date ${date} is before goal ${quote(goal.slug)} starts (${goal.start}): date it on or after the start, ` +
      `or move the start first (perf goals edit ${goal.slug} --start ${date})`,
  );
}

/** What a `perf goals update` must respect: a goal that takes updates, a target for a change, a day not before the start. */
export function assertUpdateFits(goal: Goal, update: { kind: 'set' | 'add'; date: Day }, shown: string): void {
  if (update.kind === 'add') assertCanAdd(goal, shown);
  else assertTakesUpdates(goal, shown);
  assertUpdateDate(goal, update.date);
}

/** Every value the goal takes, from its baseline through its updates, stays within the number bound. */
export function assertGoalValuesInRange(
  goal: Pick<Goal, 'slug' | 'baseline'>,
  updates: readonly Pick<GoalUpdate, 'date' | 'kind' | 'amount' | 'id'>[],
): void {
  assertValuesInRange([goal.baseline, ...valuesAfterEach(goal.baseline, updates)], goal.slug);
}

/** Moving a start past updates already made would leave them before the goal began. */
export function assertStartCoversUpdates(goal: Goal, start: Day, updates: readonly { date: Day }[]): void {
  const first = updates.reduce<Day | null>((min, c) => (min === null || c.date < min ? c.date : min), null);
  if (first === null || first >= start) return;
  throw new UsageError(
    `--start ${start} is after the first check-in of goal ${quote(goal.slug)} (${first}): a goal starts on or before its first check-in`,
  );
}

/** `--progress` adds to a goal, so it needs one. */
export function assertProgressHasGoal(progress: number | null | undefined, goal: unknown): void {
  if (progress !== undefined && progress !== null && (goal === undefined || goal === null)) {
    throw new UsageError('--progress needs --goal: name the goal the note moves, e.g. --goal q4-new-arr');
  }
}

/** A target equal to the baseline would be reached on day one and measure nothing. */
export function assertTargetMoves(baseline: number, target: number | null): void {
  if (target === baseline) {
    throw new UsageError(`target ${target} equals the baseline ${baseline}: a goal needs a target different from where it starts`);
  }
}

export function assertDueAfterStart(start: Day, due: Day | null): void {
  if (due !== null && due < start) {
    throw new UsageError(`due date ${due} is before the start date ${start}: a goal is due on or after the day it starts`);
  }
}

/** Whether a goal may move from its status to `to`; the message says what to do instead. */
export function assertStatusChange(goal: Goal, to: GoalStatus): void {
  const name = quote(goal.slug);
  if (to === 'active') {
    if (goal.status === 'active') throw new UsageError(`goal ${name} is active already: reopen is for done or dropped goals`);
    return;
  }
  if (goal.status === to) throw new UsageError(`goal ${name} is already ${to}`);
  if (goal.status !== 'active') {
    const verb = to === 'done' ? 'mark it done' : 'drop it';
    throw new UsageError(`goal ${name} is ${goal.status}: reopen it first (perf goals reopen ${goal.slug}), then ${verb}`);
  }
}

/** The alignment above a goal, nearest first: goals, then the free-text objective at the top if any. */
export function alignmentChain(goal: Goal, byId: ReadonlyMap<number, Goal>): (GoalRef | string)[] {
  const chain: (GoalRef | string)[] = [];
  const seen = new Set<number>([goal.id]);
  let current = goal;
  for (;;) {
    const parent = current.alignsToId === null ? undefined : byId.get(current.alignsToId);
    if (!parent) {
      if (current.alignsToText !== null) chain.push(current.alignsToText);
      return chain;
    }
    if (seen.has(parent.id)) return chain;
    seen.add(parent.id);
    chain.push(toGoalRef(parent));
    current = parent;
  }
}

export interface StaleGoal {
  view: GoalView;
  /** Days since the last update, or since the start when there is none. */
  days: number;
  neverUpdated: boolean;
}

/** Active goals with a target whose last update (or start, without one) is 30 days old or more. */
export function staleGoals(views: readonly GoalView[], today: Day): StaleGoal[] {
  const stale: StaleGoal[] = [];
  for (const view of views) {
    const { goal } = view;
    // A goal that counts itself takes no updates: its value is never stale.
    if (goal.status !== 'active' || goal.target === null || goal.rule !== null) continue;
    const days = daysBetween(view.lastUpdate ?? goal.start, today);
    if (days >= STALE_AFTER_DAYS) stale.push({ view, days, neverUpdated: view.lastUpdate === null });
  }
  return stale.sort((a, b) => b.days - a.days || a.view.goal.id - b.view.goal.id);
}

/** An update with the goal's value after it, as the goals' updates are replayed. */
export type GoalUpdateView = GoalUpdate & { value: number };

/** What removing a goal takes with it (its updates) and what it leaves unlinked. */
export interface GoalRemoval {
  view: GoalView;
  updates: GoalUpdateView[];
  /** Notes linked to the goal: they stay, unlinked (and any progress they made goes with the goal). */
  noteIds: number[];
  /** Goals aligned to it: they stay, aligned to nothing. */
  aligned: GoalRef[];
}

export interface GoalDetail {
  view: GoalView;
  /** What the goal serves, nearest first. */
  chain: (GoalRef | string)[];
  /** Goals aligned directly to this one. */
  aligned: GoalView[];
  /** Oldest first, each with the goal's value after it. */
  updates: (GoalUpdate & { value: number })[];
  /** Every note linked to the goal, oldest first. */
  notes: Note[];
}
