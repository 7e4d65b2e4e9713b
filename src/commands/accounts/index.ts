import type { Context } from '../../context.js';
import { defineAccounts, defineAccountsRename } from './definitions.js';

const handlers = () => import('./accounts.js');

export const accountsCommand = (ctx: Context) =>
  defineAccounts().addCommand(
    defineAccountsRename().action(async (old, name, options) => (await handlers()).runAccountsRename(ctx, old, name, options)),
  );
