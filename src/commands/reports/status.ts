import type { Context } from '../../context.js';
import { readStatus } from '../../services/reports.js';
import { renderStatus } from './status-view.js';
import { inertDeep } from '../../terminal/inert.js';
import type { StatusOptions } from './definitions.js';

export async function runStatus(ctx: Context, options: StatusOptions): Promise<void> {
  const status = readStatus(await ctx.readStore(), ctx.today());
  if (options.json) return ctx.printJson(status);
  ctx.print(renderStatus(inertDeep(status), await ctx.theme(), ctx.width));
}
