import type { Context } from '../../context.js';
import { defineBackup, defineDoctor, defineRestore, defineWhere } from './definitions.js';

const handlers = () => import('./backup.js');

export const backupCommand = (ctx: Context) =>
  defineBackup().action(async (file, options) => (await handlers()).runBackup(ctx, file, options));

export const restoreCommand = (ctx: Context) =>
  defineRestore().action(async (file, options) => (await handlers()).runRestore(ctx, file, options));

export const doctorCommand = (ctx: Context) => defineDoctor().action(async (options) => (await handlers()).runDoctor(ctx, options));

export const whereCommand = (ctx: Context) => defineWhere().action(async (options) => (await handlers()).runWhere(ctx, options));
