import type { Context } from '../../context.js';
import { defineConfigGet, defineConfigList, defineConfigListSub, defineConfigSet, defineConfigUnset } from './definitions.js';

const handlers = () => import('./config.js');

export const configCommand = (ctx: Context) =>
  defineConfigList()
    .action(async (options) => (await handlers()).runConfigList(ctx, options))
    .addCommand(defineConfigListSub().action(async (options) => (await handlers()).runConfigList(ctx, options)))
    .addCommand(defineConfigGet().action(async (key, options) => (await handlers()).runConfigGet(ctx, key, options)))
    .addCommand(defineConfigSet().action(async (key, value, options) => (await handlers()).runConfigSet(ctx, key, value, options)))
    .addCommand(defineConfigUnset().action(async (key, options) => (await handlers()).runConfigUnset(ctx, key, options)));
