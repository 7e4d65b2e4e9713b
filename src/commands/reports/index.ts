import type { Context } from '../../context.js';
import { defineCheckin, defineCheckinEdit, defineCheckinHistory, defineCheckinRm, defineStatus, defineSummary } from './definitions.js';

export const summaryCommand = (ctx: Context) =>
  defineSummary().action(async (options) => (await import('./summary.js')).runSummary(ctx, options));

export const checkinCommand = (ctx: Context) =>
  defineCheckin()
    .action(async (options) => (await import('./checkin.js')).runCheckin(ctx, options))
    .addCommand(defineCheckinHistory().action(async (options) => (await import('./one-to-ones.js')).runCheckinHistory(ctx, options)))
    .addCommand(defineCheckinEdit().action(async (id, options) => (await import('./one-to-ones.js')).runCheckinEdit(ctx, id, options)))
    .addCommand(defineCheckinRm().action(async (id, options) => (await import('./one-to-ones.js')).runCheckinRm(ctx, id, options)));

export const statusCommand = (ctx: Context) =>
  defineStatus().action(async (options) => (await import('./status.js')).runStatus(ctx, options));
