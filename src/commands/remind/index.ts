import type { Context } from '../../context.js';
import { defineRemind } from './definitions.js';

export const remindCommand = (ctx: Context) => defineRemind().action(async () => (await import('./remind.js')).runRemind(ctx));
