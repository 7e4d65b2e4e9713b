import { accountKey } from '../domain/account-names.js';
import { closestMatches } from '../domain/goal-refs.js';
import { quote, UsageError } from '../errors.js';
import type { Store } from '../storage/store.js';

export interface AccountRename {
  /** The spellings that were merged into `to` (those that differed from it). */
  from: string[];
  to: string;
  notes: number;
}

/**
 * Gives every note under `old` (in any case: "acme corp", "ACME Corp") the account `to`, in one
 * undoable change. Merging into a spelling already in use is the point: "Acme" and "ACME" become one.
 */
export function renameAccount(store: Store, old: string, to: string, now: Date): AccountRename {
  return store.transaction(() => {
    const names = store.notes.accountNames();
    const key = accountKey(old);
    const from = names.filter((name) => accountKey(name) === key && name !== to);
    if (!names.some((name) => accountKey(name) === key)) {
      const near = closestMatches(old, names);
      const hint = near.length > 0 ? `did you mean ${near.map(quote).join(', ')}?` : 'see the accounts with perf accounts';
      throw new UsageError(`unknown account ${quote(old)}: no note has it (any case); ${hint}`);
    }
    if (from.length === 0) throw new UsageError(`nothing to rename: every note under ${quote(old)} already says ${quote(to)}`);
    const notes = store.notes.renameAccount(from, to, now.toISOString());
    store.summarize(`accounts rename ${from.map(quote).join(', ')} → ${quote(to)}`);
    return { from, to, notes };
  });
}
