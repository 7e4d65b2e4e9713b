import type { Context } from '../../context.js';
import { defineAccounts, defineTags } from './definitions.js';

const handlers = () => import('./labels.js');

export const tagsCommand = (ctx: Context) => defineTags().action(async (options) => (await handlers()).runTags(ctx, options));

export const accountsCommand = (ctx: Context) => defineAccounts().action(async (options) => (await handlers()).runAccounts(ctx, options));
