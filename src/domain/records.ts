import { UsageError } from '../errors.js';

/**
 * An edit that leaves a record as it was is refused, like an edit with no option. Called inside the
 * edit's transaction, which then rolls back: nothing changes, and nothing is left to undo.
 */
export function assertChanged(before: object, after: object, what: string): void {
  if (JSON.stringify(withoutStamp(before)) === JSON.stringify(withoutStamp(after))) {
    throw new UsageError(`nothing to change: ${what} is already so`);
  }
}

/** The time of the last change is not a change of its own. */
function withoutStamp(record: object): object {
  const { updatedAt: _updatedAt, ...rest } = record as { updatedAt?: unknown };
  return rest;
}
