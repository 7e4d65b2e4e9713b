import type { Context } from '../../context.js';
import { listAccounts, listTags } from '../../services/labels.js';
import { inertDeep } from '../../terminal/inert.js';
import type { AccountsOptions } from '../accounts/definitions.js';
import type { TagsOptions } from './definitions.js';
import { renderLabelList } from './view.js';

export async function runTags(ctx: Context, options: TagsOptions): Promise<void> {
  const tags = listTags(await ctx.readStore());
  if (options.json) return ctx.printJson(tags);
  ctx.print(renderLabelList(inertDeep(tags), { kind: 'tag', theme: await ctx.theme(), width: ctx.width, today: ctx.today() }));
}

export async function runAccounts(ctx: Context, options: AccountsOptions): Promise<void> {
  const accounts = listAccounts(await ctx.readStore());
  if (options.json) return ctx.printJson(accounts);
  ctx.print(renderLabelList(inertDeep(accounts), { kind: 'account', theme: await ctx.theme(), width: ctx.width, today: ctx.today() }));
}
