import type { Context } from '../../context.js';
import { defineRemove } from '../define.js';
import { DEV_STEPS, defineDevAdd, defineDevEdit, defineDevList, defineDevListSub, defineDevStep } from './definitions.js';

const handlers = () => import('./dev.js');

export const devCommand = (ctx: Context) => {
  const dev = defineDevList()
    .action(async (options) => (await handlers()).runDevList(ctx, options))
    .addCommand(defineDevListSub().action(async (options) => (await handlers()).runDevList(ctx, options)))
    .addCommand(defineDevAdd().action(async (title, options) => (await handlers()).runDevAdd(ctx, title, options)));
  for (const [name, description, noteHelp, example] of DEV_STEPS) {
    dev.addCommand(
      defineDevStep(name, description, noteHelp, example).action(async (id, options) =>
        (await handlers()).runDevAdvance(ctx, name, id, options),
      ),
    );
  }
  dev.addCommand(defineDevEdit().action(async (id, options) => (await handlers()).runDevEdit(ctx, id, options)));
  dev.addCommand(
    defineRemove('development activity', 'perf dev --all', 'perf dev rm 3').action(async (id, options) =>
      (await handlers()).runDevRm(ctx, id, options),
    ),
  );
  return dev;
};
