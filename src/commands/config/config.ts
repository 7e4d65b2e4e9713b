import type { Context } from '../../context.js';
import { configValueToJson, findConfigKey, type ConfigEntry } from '../../domain/config.js';
import type { Reading } from '../../domain/locale.js';
import { getConfig, listConfig, setConfig, unsetConfig } from '../../services/config.js';
import { renderConfigList } from './view.js';
import { wrapText } from '../../terminal/format.js';
import { inert, inertDeep } from '../../terminal/inert.js';
import type { ConfigGetOptions, ConfigListOptions, ConfigSetOptions, ConfigUnsetOptions } from './definitions.js';

const toJson = (entries: readonly ConfigEntry[]) => Object.fromEntries(entries.map((e) => [e.key, configValueToJson(e.key, e.value)]));

export async function runConfigList(ctx: Context, options: ConfigListOptions): Promise<void> {
  const entries = listConfig(await ctx.readStore());
  if (options.json) return ctx.printJson(toJson(entries));
  const shown = withLocale(entries, await ctx.reading());
  ctx.print(renderConfigList(inertDeep(shown), { theme: await ctx.theme(), width: ctx.width }));
}

/** The settings the locale decides when not set show what it decides (`, (locale)`), not "(not set)". */
function withLocale(entries: readonly ConfigEntry[], reading: Reading): ConfigEntry[] {
  const fromLocale: Record<string, string> = { 'numbers.decimal': reading.decimal, 'dates.order': reading.dateOrder };
  return entries.map((entry) => {
    const value = fromLocale[entry.key];
    return entry.value === null && value !== undefined ? { ...entry, value, isDefault: true, origin: 'locale' } : entry;
  });
}

/** The value alone, for scripts: a setting that is not set prints nothing (exit 0), or null with --json. */
export async function runConfigGet(ctx: Context, key: string, options: ConfigGetOptions): Promise<void> {
  const entry = getConfig(await ctx.readStore(), key);
  if (options.json) return ctx.printJson(configValueToJson(entry.key, entry.value));
  if (entry.value !== null) ctx.print(inert(entry.value));
}

export async function runConfigSet(ctx: Context, key: string, value: string, options: ConfigSetOptions): Promise<void> {
  const entry = setConfig(await ctx.store(), key, value);
  printEntry(ctx, entry, options, `${entry.key} = ${entry.value}`);
}

export async function runConfigUnset(ctx: Context, key: string, options: ConfigUnsetOptions): Promise<void> {
  const { key: name } = findConfigKey(key);
  const store = await ctx.store();
  const current = getConfig(store, name);
  // Nothing stored: nothing to write, and a missing journal is not created for it.
  const entry = current.isDefault ? current : unsetConfig(store, name);
  const fallback = entry.value === null ? '' : `its default, ${entry.value}`;
  const message = current.isDefault
    ? `${name} is not set${fallback ? `: it has ${fallback}` : '; nothing to unset'}.`
    : `Unset ${name}${fallback ? `: back to ${fallback}` : ''}.`;
  printEntry(ctx, entry, options, message);
}

function printEntry(ctx: Context, entry: ConfigEntry, options: { json?: boolean }, message: string): void {
  if (options.json) ctx.printJson({ [entry.key]: configValueToJson(entry.key, entry.value) });
  else ctx.print(wrapText(message, ctx.width).join('\n  '));
}
