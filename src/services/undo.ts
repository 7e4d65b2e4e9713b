import type { Change } from '../domain/changes.js';
import { RuntimeFailure, UsageError, messageOf } from '../errors.js';
import type { Store } from '../storage/store.js';

/** The change `perf undo` would reverse, or a refusal when there is none. */
export function nextUndo(store: Store): Change {
  const change = store.changes.newestNotUndone();
  if (!change) {
    throw new UsageError(
      store.changes.count() === 0
        ? 'nothing to undo: no changes yet in this journal (perf where says which journal that is)'
        : 'nothing to undo: every change still in the undo log has been undone (see perf history)',
    );
  }
  return change;
}

/**
 * Reverses `change`, which must still be the newest not undone (another perf may have written
 * since it was shown), in one transaction that is not itself recorded: there is no redo.
 */
export function undoChange(store: Store, change: Change, now: Date): Change {
  return store.transaction(
    () => {
      const newest = store.changes.newestNotUndone();
      if (newest?.id !== change.id) {
        throw new UsageError(
          `the journal changed meanwhile (${newest ? `now: ${newest.summary}` : 'nothing left to undo'}); nothing was undone: run perf undo again`,
        );
      }
      try {
        store.changes.undo(change.id, now.toISOString());
      } catch (error) {
        // Only a journal changed by hand (outside perf) can make a step fail; the rollback keeps it whole.
        throw new RuntimeFailure(`cannot undo change #${change.id} (${change.summary}): ${messageOf(error)}; nothing was changed`);
      }
      return { ...change, undoneAt: now.toISOString() };
    },
    { record: false },
  );
}

/** Recent changes, newest first; every one kept when `limit` is null. */
export function listChanges(store: Store, limit: number | null): { changes: Change[]; total: number } {
  return { changes: store.changes.list(limit), total: store.changes.count() };
}
