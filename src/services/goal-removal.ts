/** Removing a goal: what it takes with it (its updates) and what it leaves unlinked. */
import type { Day } from '../domain/calendar.js';
import { toGoalRef, type GoalRemoval } from '../domain/goals.js';
import type { Store } from '../storage/store.js';
import { listUpdates } from './goal-updates.js';
import { mustGet, viewOne } from './goals.js';

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
