import type { Context } from '../../context.js';
import { defineAccounts, defineAccountsRename } from './definitions.js';

const handlers = () => import('./accounts.js');

export const accountsCommand = (ctx: Context) =>
  defineAccounts()
    // The listing shares its view with perf tags (commands/labels).
    .action(async (options) => (await import('../labels/labels.js')).runAccounts(ctx, options))
    .addCommand(defineAccountsRename().action(async (old, name, options) => (await handlers()).runAccountsRename(ctx, old, name, options)));
