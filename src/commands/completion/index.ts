import type { Context } from '../../context.js';
import { defineCompletion } from './definitions.js';

export const completionCommand = (ctx: Context) =>
  defineCompletion().action(async (shell) => (await import('./completion.js')).runCompletion(ctx, shell));
