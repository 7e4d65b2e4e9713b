import type { Day } from '../domain/calendar.js';
import { cycleContaining } from '../domain/cycle.js';
import { valuesAfterEach, type GoalStatus } from '../domain/goal-progress.js';
import { findSurprises, type Surprise } from '../domain/goal-surprises.js';
import { closestMatches, slugify, uniqueSlug, wouldCreateCycle } from '../domain/goal-refs.js';
import {
  alignmentChain,
  assertUpdateFits,
  assertUpdateDate,
  toGoalRef,
  type GoalRemoval,
  type GoalUpdateView,
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

/** Active goals (every goal with `all`), assessed as of `today`, by id. */
export function listGoals(store: Store, today: Day, options: { all?: boolean } = {}): GoalView[] {
  const goals = store.goals.list();
  const byId = new Map(goals.map((g) => [g.id, g]));
  const shown = goals.filter((goal) => options.all || goal.status === 'active');
  // Years of closed goals hold most of the updates: the active ones' are read goal by goal (an index).
  if (!options.all) return shown.map((goal) => viewGoal(goal, store.goals.updates(goal.id), byId, today));
  const updates = new Map<number, GoalUpdate[]>();
  for (const update of store.goals.allUpdates()) {
    const list = updates.get(update.goalId);
    if (list) list.push(update);
    else updates.set(update.goalId, [update]);
  }
  return shown.map((goal) => viewGoal(goal, updates.get(goal.id) ?? [], byId, today));
}

export function viewOne(store: Store, goal: Goal, today: Day): GoalView {
  const parent = goal.alignsToId === null ? null : store.goals.get(goal.alignsToId);
  const byId = new Map(parent ? [[parent.id, parent]] : []);
  return viewGoal(goal, store.goals.updates(goal.id), byId, today);
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

function freeSlug(store: Store, title: string): string {
  return uniqueSlug(slugBase(slugify(title)), new Set(store.goals.list().map((g) => g.slug)));
}

function claimSlug(store: Store, slug: string, selfId: number | null): string {
  const holder = store.goals.getBySlug(slug);
  if (holder && holder.id !== selfId) {
    throw new UsageError(`slug ${quote(slug)} is taken by goal #${holder.id} ${quote(holder.title)}: choose another with --slug`);
  }
  return slug;
}

function mustGet(store: Store, id: number): Goal {
  const goal = store.goals.get(id);
  if (!goal) throw new UsageError(`no goal with id ${id}: see the ids with perf goals --all`);
  return goal;
}

// ── updates: list, correct, remove ─────────────────────────────────────────────────────────────

/** A goal's updates, oldest first (the replay order), each with the value after it. */
export function listUpdates(store: Store, goalId: number): GoalUpdateView[] {
  const goal = mustGet(store, goalId);
  const updates = store.goals.updates(goalId);
  const values = valuesAfterEach(goal.baseline, updates);
  return updates.map((update, i) => ({ ...update, value: values[i] ?? goal.baseline }));
}

export function findUpdate(store: Store, id: number): { goal: Goal; update: GoalUpdateView } {
  const update = store.goals.getUpdate(id);
  if (!update) throw new UsageError(`no goal update with id ${id}: see the ids with perf goals updates <goal>`);
  const goal = mustGet(store, update.goalId);
  return { goal, update: listUpdates(store, goal.id).find((u) => u.id === id) ?? { ...update, value: goal.baseline } };
}

/** What `perf goals updates edit` may change; undefined leaves a field alone, a null note clears it. */
export interface UpdateChanges {
  value?: UpdateValue & { shown: string };
  date?: Day;
  note?: string | null;
}

export interface UpdateEditPlan {
  goal: Goal;
  before: GoalUpdateView;
  next: { date: Day; kind: GoalUpdate['kind']; amount: number; note: string | null };
  surprises: Surprise[];
}

/**
 * The update after `changes`, checked as `perf goals update` checks a new one. An update made by
 * a note (`perf log --goal --progress`) is the note's progress: it keeps the note's day and shows
 * the note's text, so those are changed on the note, which moves both; its amount can be corrected
 * here (the note reads its progress from the update), but only as a change, which is what it is.
 */
export function planUpdateEdit(store: Store, id: number, changes: UpdateChanges): UpdateEditPlan {
  const { goal, update } = findUpdate(store, id);
  if (update.noteId !== null) assertNoteUpdateEdit(update, changes);
  const next = {
    date: changes.date ?? update.date,
    kind: changes.value?.kind ?? update.kind,
    amount: changes.value?.amount ?? update.amount,
    note: changes.note === undefined ? update.note : changes.note,
  };
  if (changes.value !== undefined || changes.date !== undefined) {
    if (changes.value !== undefined) assertUpdateFits(goal, next, changes.value.shown);
    else assertUpdateDate(goal, next.date);
  }
  const updates = store.goals.updates(goal.id).map((u) => (u.id === id ? { ...u, ...next } : u));
  assertGoalValuesInRange(goal, updates);
  const changed = changes.value !== undefined || changes.date !== undefined;
  return {
    goal,
    before: update,
    next,
    surprises: changed
      ? findSurprises(
          goal,
          updates,
          updates.findIndex((u) => u.id === id),
        )
      : [],
  };
}

function assertNoteUpdateEdit(update: GoalUpdate, changes: UpdateChanges): void {
  const owner = `update #${update.id} is the progress of note #${update.noteId}`;
  if (changes.date !== undefined) {
    throw new UsageError(`${owner} and keeps the note's day: move both with perf notes edit ${update.noteId} -d <date>`);
  }
  if (changes.note !== undefined) {
    throw new UsageError(`${owner} and shows the note's text: change it with perf notes edit ${update.noteId} <new text>`);
  }
  if (changes.value?.kind === 'set') {
    throw new UsageError(`${owner}, a change, so --value ${quote(changes.value.shown)} cannot set it: give a change such as +25000 or -5`);
  }
}

export function editGoalUpdate(
  store: Store,
  id: number,
  changes: UpdateChanges,
): { goal: Goal; before: GoalUpdateView; after: GoalUpdateView } {
  return store.transaction(() => {
    const { goal, before, next } = planUpdateEdit(store, id, changes);
    store.goals.editUpdate(id, next);
    return { goal, before, after: findUpdate(store, id).update };
  });
}

/** Removes an update; a note's update goes as `perf notes edit --progress ""` removes it: the note stays linked. */
export function removeGoalUpdate(store: Store, id: number): { goal: Goal; update: GoalUpdateView } {
  return store.transaction(() => {
    const found = findUpdate(store, id);
    store.goals.removeUpdate(id);
    assertGoalValuesInRange(found.goal, store.goals.updates(found.goal.id));
    return found;
  });
}

// ── removing a goal ────────────────────────────────────────────────────────────────────────────

/** What removing a goal takes with it and what it leaves, for the question and the confirmation. */
export function planGoalRemoval(store: Store, id: number, today: Day): GoalRemoval {
  const goal = mustGet(store, id);
  return {
    view: viewOne(store, goal, today),
    updates: listUpdates(store, id),
    noteIds: store.notes.list({ goalId: id, ascending: true }).map((note) => note.id),
    aligned: store.goals
      .list()
      .filter((g) => g.alignsToId === id && g.id !== id)
      .map(toGoalRef),
  };
}

export function removeGoal(store: Store, id: number, today: Day, now: Date): GoalRemoval {
  return store.transaction(() => {
    const removal = planGoalRemoval(store, id, today);
    store.goals.remove(id, now.toISOString());
    return removal;
  });
}
