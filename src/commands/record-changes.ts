import type { Context } from '../context.js';
import { UsageError, CancelledError } from '../errors.js';
import type { Store } from '../storage/store.js';
import { requireYesWithoutTerminal } from './input.js';

/**
 * What editing and removing a record (a rating, feedback, a development activity) have in common,
 * so that every kind answers the same way: an edit without a change is refused, a removal asks.
 */

/** An edit names at least one change; `changes` holds undefined for every option not given. */
export function requireChanges(changes: object, options: string): void {
  if (Object.values(changes).every((value) => value === undefined)) throw new UsageError(`nothing to change: give ${options}`);
}

export interface Removal<T> {
  /** The command, for the refusal without a terminal: "perf ratings rm". */
  command: string;
  /** Finds the record or refuses its id, before anything is asked. */
  find(store: Store): T;
  /** What the question names: `rating #7 (negotiation 3/5, self, 2026-10-01)`. */
  describe(record: T): string;
  /** Removes it in one transaction and returns it as it was. */
  remove(store: Store): T;
  toJson(record: T): unknown;
  /** The confirmation printed after it is gone. */
  render(record: T): Promise<string> | string;
}

/**
 * The one removal flow: an unknown id is refused first (the most useful thing to hear), then a
 * terminal asks (no by default) and anywhere else `--yes` is required; `--json` prints the record
 * that was removed.
 */
export async function confirmAndRemove<T>(ctx: Context, options: { yes?: boolean; json?: boolean }, removal: Removal<T>): Promise<void> {
  const record = removal.find(await ctx.readStore());
  requireYesWithoutTerminal(ctx, options.yes, removal.command);
  if (!options.yes) {
    const prompter = await ctx.prompter();
    const sure = await prompter.confirm({ message: `Delete ${removal.describe(record)}?`, default: false });
    if (!sure) throw new CancelledError('kept it: nothing was deleted');
  }
  const removed = removal.remove(await ctx.store());
  if (options.json) return ctx.printJson(removal.toJson(removed));
  ctx.print(await removal.render(removed));
}

/** One line of a stored text for a question: white space collapsed, cut at 60 characters. */
export function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}
