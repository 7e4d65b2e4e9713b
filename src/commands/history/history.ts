import type { Context } from '../../context.js';
import { CancelledError } from '../../errors.js';
import { parseLimit } from '../../domain/ids.js';
import { changeToJson } from '../../domain/changes.js';
import { listChanges, nextUndo, undoChange } from '../../services/undo.js';
import { requireYesWithoutTerminal } from '../input.js';
import type { HistoryOptions, UndoOptions } from './definitions.js';
import { renderHistory, renderUndo } from './view.js';

export async function runUndo(ctx: Context, options: UndoOptions): Promise<void> {
  const store = await ctx.readStore();
  const change = nextUndo(store);
  if (options.dryRun) {
    if (options.json) return ctx.printJson(changeToJson(change));
    return ctx.print(renderUndo(change, ctx.now(), 'Would undo'));
  }
  requireYesWithoutTerminal(ctx, options.yes, 'perf undo');
  if (!options.yes) {
    const sure = await (await ctx.prompter()).confirm({ message: `${renderUndo(change, ctx.now(), 'Undo')}?`, default: false });
    if (!sure) throw new CancelledError('cancelled, nothing was undone');
  }
  const undone = undoChange(await ctx.store(), change, ctx.now());
  ctx.saved(`the undo of ${change.summary}`);
  if (options.json) return ctx.printJson(changeToJson(undone));
  ctx.print(renderUndo(undone, ctx.now(), 'Undid'));
}

export async function runHistory(ctx: Context, options: HistoryOptions): Promise<void> {
  // --json prints every change kept unless -n is given; the terminal shows the last 20.
  const limit = options.limit === undefined ? (options.json ? null : DEFAULT_LIMIT) : historyLimit(options.limit);
  const store = await ctx.readStore();
  const { changes, total } = listChanges(store, limit);
  if (options.json) return ctx.printJson(changes.map(changeToJson));
  ctx.print(renderHistory(changes, total, { now: ctx.now(), theme: await ctx.theme() }));
}

const DEFAULT_LIMIT = 20;

/** `-n` as every listing reads it (domain/ids.ts parseLimit); `all` is every change kept. */
function historyLimit(raw: string): number | null {
  const limit = parseLimit(raw, '-n');
  return limit === 'all' ? null : limit;
}
