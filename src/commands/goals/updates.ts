import type { Context } from '../../context.js';
import { parseUpdateValue } from '../../domain/goals.js';
import { parseId } from '../../domain/ids.js';
import { UsageError, CancelledError } from '../../errors.js';
import {
  editGoalUpdate,
  findUpdate,
  listUpdates,
  planUpdateEdit,
  removeGoalUpdate,
  type UpdateChanges,
} from '../../services/goal-updates.js';
import { findGoal, viewOne } from '../../services/goals.js';
import { inertDeep } from '../../terminal/inert.js';
import { parseWhen, requireYesWithoutTerminal } from '../input.js';
import type { GoalsUpdatesEditOptions, GoalsUpdatesOptions, GoalsUpdatesRmOptions } from './definitions.js';
import { confirmSurprises } from './surprises.js';
import { renderUpdateEdited, renderUpdateList, renderUpdateRemoved, updateMove, updateToJson } from './updates-view.js';

export async function runGoalsUpdates(ctx: Context, ref: string, options: GoalsUpdatesOptions): Promise<void> {
  const store = await ctx.readStore();
  const goal = findGoal(store, ref);
  const updates = listUpdates(store, goal.id);
  if (options.json) return ctx.printJson(updates.map((update) => updateToJson(goal, update)));
  ctx.print(renderUpdateList(inertDeep(viewOne(store, goal, ctx.today())), inertDeep(updates), await ctx.theme(), ctx.width));
}

export async function runGoalsUpdatesEdit(ctx: Context, rawId: string, options: GoalsUpdatesEditOptions): Promise<void> {
  const id = parseId(rawId, 'goal update');
  const changes: UpdateChanges = {
    value:
      options.value === undefined ? undefined : { ...parseUpdateValue(options.value, await ctx.reading()), shown: options.value.trim() },
    date: options.date === undefined ? undefined : await parseWhen(ctx, options.date, 'past', 'check-in date'),
    note: options.note === undefined ? undefined : options.note.trim() || null,
  };
  if (Object.values(changes).every((value) => value === undefined)) {
    throw new UsageError('nothing to change: give --value (120 sets, +15 changes), --date or --note');
  }
  const store = await ctx.store();
  const plan = planUpdateEdit(store, id, changes);
  if (!(await confirmSurprises(ctx, plan.goal, plan.surprises, options.yes))) throw new CancelledError('cancelled, nothing was saved');
  const { goal, before, after } = editGoalUpdate(store, id, changes);
  if (options.json) return ctx.printJson(updateToJson(goal, after));
  ctx.print(renderUpdateEdited(inertDeep(goal), inertDeep(before), inertDeep(after), await ctx.theme()));
}

export async function runGoalsUpdatesRm(ctx: Context, rawId: string, options: GoalsUpdatesRmOptions): Promise<void> {
  const id = parseId(rawId, 'goal update');
  requireYesWithoutTerminal(ctx, options.yes, 'perf goals updates rm');
  const store = await ctx.store();
  const found = findUpdate(store, id);
  if (!options.yes) {
    const prompter = await ctx.prompter();
    const what = `${found.update.date} ${updateMove(found.update, found.goal.unit)}`;
    const sure = await prompter.confirm({ message: `Remove update #${id} of ${found.goal.slug} (${what})?`, default: false });
    if (!sure) throw new CancelledError('kept it: nothing was deleted');
  }
  const { goal, update } = removeGoalUpdate(store, id);
  if (options.json) return ctx.printJson(updateToJson(goal, update));
  const current = viewOne(store, goal, ctx.today()).assessment.current;
  ctx.print(renderUpdateRemoved(inertDeep(goal), inertDeep(update), current));
}
