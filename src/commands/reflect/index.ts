import type { Context } from '../../context.js';
import { defineReflect } from './definitions.js';

export const reflectCommand = (ctx: Context) =>
  defineReflect().action(async (words, options) => (await import('./reflect.js')).runReflect(ctx, words, options));
