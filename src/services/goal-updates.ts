/** A goal's updates: listing them with the value after each, correcting one, removing one. */
import type { Day } from '../domain/calendar.js';
import { valuesAfterEach } from '../domain/goal-progress.js';
import { findSurprises, type Surprise } from '../domain/goal-surprises.js';
import {
  assertGoalValuesInRange,
  assertUpdateDate,
  assertUpdateFits,
  type Goal,
  type GoalUpdate,
  type GoalUpdateView,
  type UpdateValue,
} from '../domain/goals.js';
import { UsageError, quote } from '../errors.js';
import type { Store } from '../storage/store.js';
import { mustGet } from './goals.js';

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
