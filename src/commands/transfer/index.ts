import type { Context } from '../../context.js';
import { defineExport, defineImport } from './definitions.js';

export const exportCommand = (ctx: Context) =>
  defineExport().action(async (options) => (await import('./export.js')).runExport(ctx, options));

export const importCommand = (ctx: Context) =>
  defineImport().action(async (file, options) => (await import('./import.js')).runImport(ctx, file, options));
