import type { Context } from '../../context.js';
import { defineCheckin, defineStatus, defineSummary } from './definitions.js';

export const summaryCommand = (ctx: Context) =>
  defineSummary().action(async (options) => (await import('./summary.js')).runSummary(ctx, options));

export const checkinCommand = (ctx: Context) =>
  defineCheckin().action(async (options) => (await import('./checkin.js')).runCheckin(ctx, options));

export const statusCommand = (ctx: Context) => defineStatus().action(async (options) => (await import('./status.js')).runStatus(ctx, options));
