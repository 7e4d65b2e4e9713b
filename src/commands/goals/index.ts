import type { Context } from '../../context.js';
import {
  defineGoalsAdd,
  defineGoalsDone,
  defineGoalsDrop,
  defineGoalsEdit,
  defineGoalsList,
  defineGoalsReopen,
  defineGoalsRoll,
  defineGoalsRm,
  defineGoalsShow,
  defineGoalsUpdate,
  defineGoalsUpdates,
  defineGoalsUpdatesEdit,
  defineGoalsUpdatesRm,
} from './definitions.js';

const handlers = () => import('./goals.js');
const updateHandlers = () => import('./updates.js');

// `perf goals updates <goal>` lists; `edit` and `rm` are its subcommands, which commander tries
// before the list's argument, so `perf goals updates edit 3` edits update 3.
const updatesCommand = (ctx: Context) =>
  defineGoalsUpdates()
    .action(async (ref, options) => (await updateHandlers()).runGoalsUpdates(ctx, ref, options))
    .addCommand(defineGoalsUpdatesEdit().action(async (id, options) => (await updateHandlers()).runGoalsUpdatesEdit(ctx, id, options)))
    .addCommand(defineGoalsUpdatesRm().action(async (id, options) => (await updateHandlers()).runGoalsUpdatesRm(ctx, id, options)));

export const goalsCommand = (ctx: Context) =>
  defineGoalsList()
    .action(async (options) => (await handlers()).runGoalsList(ctx, options))
    .addCommand(defineGoalsAdd().action(async (title, options) => (await handlers()).runGoalsAdd(ctx, title, options)))
    .addCommand(defineGoalsEdit().action(async (ref, options) => (await handlers()).runGoalsEdit(ctx, ref, options)))
    .addCommand(defineGoalsUpdate().action(async (ref, value, options) => (await handlers()).runGoalsUpdate(ctx, ref, value, options)))
    .addCommand(updatesCommand(ctx))
    .addCommand(defineGoalsShow().action(async (ref, options) => (await handlers()).runGoalsShow(ctx, ref, options)))
    .addCommand(defineGoalsDone().action(async (ref, options) => (await handlers()).runGoalsDone(ctx, ref, options)))
    .addCommand(defineGoalsDrop().action(async (ref, options) => (await handlers()).runGoalsDrop(ctx, ref, options)))
    .addCommand(defineGoalsReopen().action(async (ref, options) => (await handlers()).runGoalsReopen(ctx, ref, options)))
    .addCommand(defineGoalsRm().action(async (ref, options) => (await handlers()).runGoalsRm(ctx, ref, options)))
    .addCommand(defineGoalsRoll().action(async (refs, options) => (await import('./roll.js')).runGoalsRoll(ctx, refs, options)));
