import type { Context } from '../context.js';
import { readStatus } from '../services/reports.js';
import { renderStatus } from '../ui/status.js';
import { inertDeep } from '../ui/inert.js';

export async function runStatus(ctx: Context, options: { json?: boolean }): Promise<void> {
  const status = readStatus(await ctx.readStore(), ctx.today());
  if (options.json) return ctx.printJson(status);
  ctx.print(renderStatus(inertDeep(status), await ctx.theme()));
}
