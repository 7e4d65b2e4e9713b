import type { Context } from '../../context.js';
import {
  defineGoalsAdd,
  defineGoalsDone,
  defineGoalsDrop,
  defineGoalsEdit,
  defineGoalsList,
  defineGoalsReopen,
  defineGoalsShow,
  defineGoalsUpdate,
} from './definitions.js';

const handlers = () => import('./goals.js');

export const goalsCommand = (ctx: Context) =>
  defineGoalsList()
    .action(async (options) => (await handlers()).runGoalsList(ctx, options))
    .addCommand(defineGoalsAdd().action(async (title, options) => (await handlers()).runGoalsAdd(ctx, title, options)))
    .addCommand(defineGoalsEdit().action(async (ref, options) => (await handlers()).runGoalsEdit(ctx, ref, options)))
    .addCommand(defineGoalsUpdate().action(async (ref, value, options) => (await handlers()).runGoalsUpdate(ctx, ref, value, options)))
    .addCommand(defineGoalsShow().action(async (ref, options) => (await handlers()).runGoalsShow(ctx, ref, options)))
    .addCommand(defineGoalsDone().action(async (ref, options) => (await handlers()).runGoalsDone(ctx, ref, options)))
    .addCommand(defineGoalsDrop().action(async (ref, options) => (await handlers()).runGoalsDrop(ctx, ref, options)))
    .addCommand(defineGoalsReopen().action(async (ref, options) => (await handlers()).runGoalsReopen(ctx, ref, options)));
