import type { Context } from '../../context.js';
import {
  defineDealsAdd,
  defineDealsEdit,
  defineDealsList,
  defineDealsLost,
  defineDealsReopen,
  defineDealsRm,
  defineDealsShow,
  defineDealsWon,
} from './definitions.js';

const handlers = () => import('./deals.js');

export const dealsCommand = (ctx: Context) =>
  defineDealsList()
    .action(async (options) => (await handlers()).runDealsList(ctx, options))
    .addCommand(defineDealsAdd().action(async (name, options) => (await handlers()).runDealsAdd(ctx, name, options)))
    .addCommand(defineDealsWon().action(async (ref, options) => (await handlers()).runDealsClose(ctx, ref, 'won', options)))
    .addCommand(defineDealsLost().action(async (ref, options) => (await handlers()).runDealsClose(ctx, ref, 'lost', options)))
    .addCommand(defineDealsReopen().action(async (ref, options) => (await handlers()).runDealsReopen(ctx, ref, options)))
    .addCommand(defineDealsEdit().action(async (ref, options) => (await handlers()).runDealsEdit(ctx, ref, options)))
    .addCommand(defineDealsShow().action(async (ref, options) => (await handlers()).runDealsShow(ctx, ref, options)))
    .addCommand(defineDealsRm().action(async (ref, options) => (await handlers()).runDealsRm(ctx, ref, options)));
