/** Goals: finding one by id or slug, adding, editing, recording an update, closing, viewing. Corrections to updates are goal-updates.ts; removal is goal-removal.ts. */
import type { Day } from '../domain/calendar.js';
import { cycleContaining } from '../domain/cycle.js';
import { valuesAfterEach, type GoalStatus } from '../domain/goal-progress.js';
import { findSurprises, type Surprise } from '../domain/goal-surprises.js';
import { closestMatches, slugify, uniqueSlug, wouldCreateCycle } from '../domain/goal-refs.js';
import {
  alignmentChain,
  assertUpdateFits,
  assertGoalValuesInRange,
  assertDueAfterStart,
  assertStartCoversUpdates,
  assertStatusChange,
  assertTargetMoves,
  slugBase,
  viewGoal,
  type GoalUpdate,
  type Goal,
  type GoalDetail,
  type GoalView,
  type UpdateValue,
} from '../domain/goals.js';
import { UsageError, quote } from '../errors.js';
import type { GoalRecord } from '../storage/goals-repo.js';
import type { Store } from '../storage/store.js';
import { readSettings } from './config.js';
import { assertChanged } from '../domain/records.js';
import type { GoalRule } from '../domain/goal-rules.js';
import type { RollEvery } from '../domain/goals.js';

/** A goal named by its id (`12`, `#12`) or its slug; unknown names get the closest slugs suggested. */
export function findGoal(store: Store, ref: string): Goal {
  const goal = lookupGoal(store, ref);
  if (goal) return goal;
  if (isIdLike(ref)) throw new UsageError(`no goal with id ${quote(ref)}: see the ids and slugs with perf goals --all`);
  const suggestions = suggestSlugs(store, ref);
  throw new UsageError(
    suggestions
      ? `unknown goal ${quote(ref)}: did you mean ${suggestions}?`
      : `unknown goal ${quote(ref)}: name a goal by its id or slug (see perf goals --all)`,
  );
}

function lookupGoal(store: Store, ref: string): Goal | null {
  const text = ref.trim();
  return isIdLike(text) ? store.goals.get(Number(text.replace('#', ''))) : store.goals.getBySlug(text.toLowerCase());
}

function isIdLike(ref: string): boolean {
  return /^#?\d+$/.test(ref.trim());
}

function suggestSlugs(store: Store, ref: string): string {
  return closestMatches(
    ref.trim(),
    store.goals.list().map((g) => g.slug),
  ).join(', ');
}

/** What `goals add` and `goals edit` may set. Undefined leaves a field alone; null clears it. */
export interface GoalFields {
  title?: string;
  slug?: string;
  org?: boolean;
  unit?: string | null;
  baseline?: number;
  target?: number | null;
  start?: Day;
  due?: Day | null;
  /** A goal reference or free text, resolved by `resolveAlignment`. */
  alignsTo?: string | null;
  /** What it counts by itself (`--counts`, `--sums`); null makes it a goal moved by updates again. */
  rule?: GoalRule | null;
  every?: RollEvery | null;
}

/**
 * Checks a new goal against the journal and fills in the defaults: slug from the title, baseline 0,
 * start today, and with a target but no due date the end of the review cycle it starts in.
 */
export function planNewGoal(store: Store, fields: GoalFields & { title: string }, today: Day): GoalRecord {
  const start = fields.start ?? today;
  const target = fields.target ?? null;
  const due = fields.due ?? defaultDue(store, start, target);
  assertTargetMoves(fields.baseline ?? 0, target);
  assertDueAfterStart(start, due);
  return {
    slug: fields.slug === undefined ? freeSlug(store, fields.title) : claimSlug(store, fields.slug, null),
    title: fields.title,
    org: fields.org ?? false,
    unit: fields.unit ?? null,
    baseline: fields.baseline ?? 0,
    target,
    start,
    due,
    status: 'active',
    closedOn: null,
    ...resolveAlignment(store, fields.alignsTo ?? null, null),
    rule: fields.rule ?? null,
    every: fields.every ?? null,
    outcome: null,
    rolledFrom: null,
  };
}

export function addGoal(store: Store, fields: GoalFields & { title: string }, today: Day, now: Date): Goal {
  return store.transaction(() => mustGet(store, store.goals.insert(planNewGoal(store, fields, today), now.toISOString())));
}

/** The goal after `fields` are applied, checked against the journal. A slug stays when the title changes. */
export function planGoalEdit(store: Store, goal: Goal, fields: GoalFields): GoalRecord {
  const start = fields.start ?? goal.start;
  const target = fields.target === undefined ? goal.target : fields.target;
  let due = fields.due === undefined ? goal.due : fields.due;
  // A goal that gets its first target gets a due date with it, as it would have had on `add`.
  if (fields.due === undefined && due === null && goal.target === null && target !== null) due = defaultDue(store, start, target);
  assertTargetMoves(fields.baseline ?? goal.baseline, target);
  assertDueAfterStart(start, due);
  if (fields.start !== undefined) assertStartCoversUpdates(goal, start, store.goals.updates(goal.id));
  if (fields.rule && goal.rule === null) assertNoUpdates(goal, store.goals.updates(goal.id).length);
  const alignment =
    fields.alignsTo === undefined
      ? { alignsToId: goal.alignsToId, alignsToText: goal.alignsToText }
      : resolveAlignment(store, fields.alignsTo, goal);
  return {
    slug: fields.slug === undefined ? goal.slug : claimSlug(store, fields.slug, goal.id),
    title: fields.title ?? goal.title,
    org: fields.org ?? goal.org,
    unit: fields.unit === undefined ? goal.unit : fields.unit,
    baseline: fields.baseline ?? goal.baseline,
    target,
    start,
    due,
    status: goal.status,
    closedOn: goal.closedOn,
    ...alignment,
    rule: fields.rule === undefined ? goal.rule : fields.rule,
    every: fields.every === undefined ? goal.every : fields.every,
    outcome: goal.outcome,
    rolledFrom: goal.rolledFrom,
  };
}

export function editGoal(store: Store, id: number, fields: GoalFields, now: Date): Goal {
  return store.transaction(() => {
    const before = mustGet(store, id);
    store.goals.update(id, planGoalEdit(store, before, fields), now.toISOString());
    const goal = mustGet(store, id);
    assertChanged(before, goal, `goal ${before.slug}`);
    assertGoalValuesInRange(goal, store.goals.updates(id));
    return goal;
  });
}

export interface GoalUpdateInput {
  value: UpdateValue;
  /** The value as typed, for messages. */
  shown: string;
  date: Day;
  note: string | null;
}

/**
 * Everything `updateGoal` checks, without writing, and what is surprising about the update (see
 * goal-surprises.ts): the command asks about those before it saves, since a transaction cannot wait
 * for an answer.
 */
export function checkGoalUpdate(store: Store, id: number, input: GoalUpdateInput): Surprise[] {
  const goal = mustGet(store, id);
  assertUpdateFits(goal, { kind: input.value.kind, date: input.date }, input.shown);
  // The new update is replayed after the goal's others of its day, as its id will be the highest.
  const updates = [...store.goals.updates(id), { date: input.date, ...input.value, id: Number.MAX_SAFE_INTEGER }];
  assertGoalValuesInRange(goal, updates);
  return findSurprises(goal, updates, updates.length - 1);
}

/** Records an update and returns the goal's value before and after it, as of today. */
export function updateGoal(store: Store, id: number, input: GoalUpdateInput, today: Day, now: Date): { before: GoalView; after: GoalView } {
  return store.transaction(() => {
    const goal = mustGet(store, id);
    assertUpdateFits(goal, { kind: input.value.kind, date: input.date }, input.shown);
    const before = viewOne(store, goal, today);
    store.goals.insertUpdate({ goalId: id, date: input.date, ...input.value, note: input.note, noteId: null }, now.toISOString());
    assertGoalValuesInRange(goal, store.goals.updates(id));
    return { before, after: viewOne(store, goal, today) };
  });
}

/** done, dropped or active again; `day` is when it was closed. */
export function changeGoalStatus(store: Store, id: number, to: GoalStatus, day: Day, now: Date): Goal {
  return store.transaction(() => {
    const goal = mustGet(store, id);
    assertStatusChange(goal, to);
    store.goals.update(id, { ...goal, status: to, closedOn: to === 'active' ? null : day }, now.toISOString());
    return mustGet(store, id);
  });
}

/**
 * Active goals (every goal with `all`), assessed as of `today`, by id; `goals` is every goal, when
 * the caller has read them already.
 */
export function listGoals(store: Store, today: Day, options: { all?: boolean } = {}, goals = store.goals.list()): GoalView[] {
  const byId = new Map(goals.map((g) => [g.id, g]));
  const shown = goals.filter((goal) => options.all || goal.status === 'active');
  // Years of closed goals hold most of the updates: the active ones' are read goal by goal (an index).
  if (!options.all) return shown.map((goal) => viewGoal(goal, store.goals.progressOf(goal), byId, today));
  const updates = new Map<number, GoalUpdate[]>();
  for (const update of store.goals.allProgress()) {
    const list = updates.get(update.goalId);
    if (list) list.push(update);
    else updates.set(update.goalId, [update]);
  }
  return shown.map((goal) => viewGoal(goal, updates.get(goal.id) ?? [], byId, today));
}

export function viewOne(store: Store, goal: Goal, today: Day): GoalView {
  const parent = goal.alignsToId === null ? null : store.goals.get(goal.alignsToId);
  const byId = new Map(parent ? [[parent.id, parent]] : []);
  return viewGoal(goal, store.goals.progressOf(goal), byId, today);
}

export function showGoal(store: Store, id: number, today: Day): GoalDetail {
  const views = listGoals(store, today, { all: true });
  const view = views.find((v) => v.goal.id === id);
  if (!view) throw new UsageError(`no goal with id ${id}`);
  const updates = store.goals.updates(id);
  const values = valuesAfterEach(view.goal.baseline, updates);
  return {
    view,
    chain: alignmentChain(view.goal, new Map(views.map((v) => [v.goal.id, v.goal]))),
    aligned: views.filter((v) => v.goal.alignsToId === id && v.goal.id !== id),
    updates: updates.map((update, i) => ({ ...update, value: values[i] ?? view.goal.baseline })),
    notes: store.notes.list({ goalId: id, ascending: true }),
  };
}

/**
 * `--aligns-to`, by one rule a rep can hold in their head: a single word (no spaces) names a goal by
 * its id, slug or title and must match one; words with spaces are a goal's exact title or else the
 * text of an objective kept outside the journal. So a mistyped slug is refused, never stored as text.
 */
function resolveAlignment(
  store: Store,
  value: string | null,
  self: Goal | null,
): { alignsToId: number | null; alignsToText: string | null } {
  const text = value?.replace(/\s+/g, ' ').trim() ?? '';
  if (text === '') return { alignsToId: null, alignsToText: null };
  const parent = lookupGoal(store, text) ?? goalTitled(store, text);
  if (!parent) {
    if (text.includes(' ')) return { alignsToId: null, alignsToText: text };
    const hint = 'free text for an objective outside the journal takes two words or more, e.g. "Grow EMEA revenue 20%"';
    if (isIdLike(text)) throw new UsageError(`invalid --aligns-to ${quote(value)}: there is no goal with that id (${hint})`);
    const suggestions = suggestSlugs(store, text);
    throw new UsageError(
      suggestions
        ? `invalid --aligns-to ${quote(value)}: no such goal; did you mean ${suggestions}? (${hint})`
        : `invalid --aligns-to ${quote(value)}: no goal has that id, slug or title (see perf goals --all; ${hint})`,
    );
  }
  if (self && parent.id === self.id) throw new UsageError(`goal ${quote(self.slug)} cannot align to itself: name the objective it serves`);
  if (self && wouldCreateCycle(self.id, parent.id, (id) => store.goals.get(id)?.alignsToId ?? null)) {
    throw new UsageError(
      `goal ${quote(self.slug)} cannot align to ${quote(parent.slug)}: ${parent.slug} already aligns to ${self.slug} (directly or through other goals), and alignment cannot go round in a circle`,
    );
  }
  return { alignsToId: parent.id, alignsToText: null };
}

/**
 * The goal with this title (any case), so that typing an objective's title links to it. Two goals
 * with the title are an ambiguity to resolve by slug, never a reason to store the words as text.
 */
function goalTitled(store: Store, title: string): Goal | null {
  const matches = store.goals.list().filter((goal) => goal.title.toLowerCase() === title.toLowerCase());
  if (matches.length > 1) {
    throw new UsageError(
      `--aligns-to ${quote(title)} is ambiguous: it is the title of ${matches.map((goal) => goal.slug).join(', ')}; name one by its slug`,
    );
  }
  return matches[0] ?? null;
}

function defaultDue(store: Store, start: Day, target: number | null): Day | null {
  return target === null ? null : cycleContaining(start, readSettings(store).cycleStart).to;
}

export function freeSlug(store: Store, title: string): string {
  return uniqueSlug(slugBase(slugify(title)), new Set(store.goals.list().map((g) => g.slug)));
}

function claimSlug(store: Store, slug: string, selfId: number | null): string {
  const holder = store.goals.getBySlug(slug);
  if (holder && holder.id !== selfId) {
    throw new UsageError(`slug ${quote(slug)} is taken by goal #${holder.id} ${quote(holder.title)}: choose another with --slug`);
  }
  return slug;
}

/** A goal that starts counting itself would silently ignore the updates it has; they go first. */
function assertNoUpdates(goal: Goal, count: number): void {
  if (count === 0) return;
  throw new UsageError(
    `goal ${quote(goal.slug)} has ${count} update${count === 1 ? '' : 's'} that a counting rule would ignore: remove them first (perf goals updates ${goal.slug}) or add a new goal with --counts`,
  );
}

/** The goal with this id, which the caller knows to exist or names to the user as missing. */
export function mustGet(store: Store, id: number): Goal {
  const goal = store.goals.get(id);
  if (!goal) throw new UsageError(`no goal with id ${id}: see the ids with perf goals --all`);
  return goal;
}
