import type { Day } from '../domain/calendar.js';
import {
  checkDevSteps,
  nextStatus,
  sortForPlan,
  isOpen,
  type DevAction,
  type DevelopmentActivity,
  type DevSteps,
} from '../domain/development.js';
import { UsageError } from '../errors.js';
import type { DevelopmentRecord } from '../storage/development-repo.js';
import type { Store } from '../storage/store.js';
import { assertChanged } from '../domain/records.js';

export function addDevelopment(store: Store, record: DevelopmentRecord, now: Date): DevelopmentActivity {
  return store.transaction(() => findDevelopment(store, store.development.insert(record, now.toISOString())));
}

export function findDevelopment(store: Store, id: number): DevelopmentActivity {
  const activity = store.development.get(id);
  if (!activity) throw new UsageError(`no development activity with id ${id}: see the ids with perf dev --all`);
  return activity;
}

/**
 * Starts, finishes or drops an activity on `on`. The note is the start note of `start`, the
 * outcome of `done` or the reason for `drop`; without one, what was there stays.
 */
export function advanceDevelopment(
  store: Store,
  id: number,
  action: DevAction,
  on: Day,
  note: string | null,
  now: Date,
): DevelopmentActivity {
  return store.transaction(() => {
    const activity = findDevelopment(store, id);
    const status = nextStatus(activity, action, on);
    store.development.setProgress(
      id,
      {
        status,
        startedOn: action === 'start' ? on : activity.startedOn,
        startNote: action === 'start' ? (note ?? activity.startNote) : activity.startNote,
        completedOn: action === 'start' ? null : on,
        outcome: action === 'start' ? activity.outcome : (note ?? activity.outcome),
      },
      now.toISOString(),
    );
    return findDevelopment(store, id);
  });
}

/** Each part as it is to be stored; undefined keeps it (null clears the competency, due day, assigner, a note). */
export type DevelopmentChanges = { [K in keyof (DevelopmentRecord & DevSteps)]?: (DevelopmentRecord & DevSteps)[K] | undefined };

export function editDevelopment(store: Store, id: number, changes: DevelopmentChanges, now: Date): DevelopmentActivity {
  return store.transaction(() => {
    const current = findDevelopment(store, id);
    // Null is a value here (no competency, no due day): only undefined keeps what is stored.
    const pick = <T>(change: T | undefined, stored: T): T => (change === undefined ? stored : change);
    const steps: DevSteps = {
      startedOn: pick(changes.startedOn, current.startedOn),
      startNote: pick(changes.startNote, current.startNote),
      completedOn: pick(changes.completedOn, current.completedOn),
      outcome: pick(changes.outcome, current.outcome),
    };
    checkDevSteps(current, changes, steps);
    store.development.update(
      id,
      {
        title: changes.title ?? current.title,
        competencyId: pick(changes.competencyId, current.competencyId),
        assignedBy: pick(changes.assignedBy, current.assignedBy),
        due: pick(changes.due, current.due),
        ...steps,
      },
      now.toISOString(),
    );
    const edited = findDevelopment(store, id);
    assertChanged(current, edited, `development activity #${id}`);
    return edited;
  });
}

/** Removes an activity; returns it as it was. */
export function removeDevelopment(store: Store, id: number): DevelopmentActivity {
  return store.transaction(() => {
    const activity = findDevelopment(store, id);
    store.development.delete(id);
    return activity;
  });
}

/** The plan: open activities, overdue first, then by due day; `all` adds the finished and dropped. */
export function listDevelopment(store: Store, today: Day, all: boolean): DevelopmentActivity[] {
  const activities = store.development.list();
  return sortForPlan(all ? activities : activities.filter(isOpen), today);
}
