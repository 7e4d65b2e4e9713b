import type { Context } from '../../context.js';
import { defineHistory, defineUndo } from './definitions.js';

const handlers = () => import('./history.js');

export const undoCommand = (ctx: Context) => defineUndo().action(async (options) => (await handlers()).runUndo(ctx, options));

export const historyCommand = (ctx: Context) => defineHistory().action(async (options) => (await handlers()).runHistory(ctx, options));
