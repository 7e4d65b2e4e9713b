import type { Context } from '../context.js';
import { getConfig, listConfig, setConfig, type ConfigEntry } from '../services/config.js';
import { renderConfigList } from '../ui/config.js';
import { wrapText } from '../ui/format.js';

const toJson = (entries: readonly ConfigEntry[]) => Object.fromEntries(entries.map((e) => [e.key, e.value]));

export async function runConfigList(ctx: Context, options: { json?: boolean }): Promise<void> {
  const entries = listConfig(await ctx.readStore());
  if (options.json) return ctx.printJson(toJson(entries));
  ctx.print(renderConfigList(entries, { theme: await ctx.theme(), width: ctx.width }));
}

export async function runConfigGet(ctx: Context, key: string, options: { json?: boolean }): Promise<void> {
  const entry = getConfig(await ctx.readStore(), key);
  if (options.json) return ctx.printJson(entry.value);
  if (entry.value !== null) ctx.print(entry.value);
}

export async function runConfigSet(ctx: Context, key: string, value: string): Promise<void> {
  // Validate before opening for write, so an invalid value never creates the journal.
  const { findConfigKey } = await import('../domain/config.js');
  findConfigKey(key).normalize(value);
  const entry = setConfig(await ctx.store(), key, value);
  ctx.print(wrapText(`${entry.key} = ${entry.value}`, ctx.width).join('\n  '));
}
