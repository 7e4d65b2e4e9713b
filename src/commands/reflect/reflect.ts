import type { Context } from '../../context.js';
import type { Day } from '../../domain/calendar.js';
import { normalizeReflectionText, reflectionToJson } from '../../domain/reflections.js';
import { UsageError } from '../../errors.js';
import { readSettings } from '../../services/config.js';
import { saveReflection } from '../../services/reflections.js';
import { inertDeep } from '../../terminal/inert.js';
import type { ReflectOptions } from './definitions.js';
import { renderReflectionList, renderReflectionSaved } from './view.js';

export async function runReflect(ctx: Context, words: string[], options: ReflectOptions): Promise<void> {
  if (options.list) return listReflections(ctx, words, options);
  const store = await ctx.readStore();
  const { from, to } = await resolveReflectionRange(ctx, options, readSettings(store).cycleStart);
  let text = words.join(' ');
  if (words.length === 0) {
    // A script must say what to store: waiting for an editor nobody sees would hang it.
    if (!ctx.interactive)
      throw new UsageError(`no reflection given for ${from} – ${to}: give the text as words, e.g. perf reflect "A strong year: …"`);
    const current = store.reflections.forRange(from, to)?.text ?? '';
    const { editText } = await import('../../terminal/editor.js');
    text = editText(current ? `${current}\n` : '', ctx.env);
    if (text.trim() === current) return ctx.print('No change.');
  }
  const { reflection, replaced } = saveReflection(await ctx.store(), from, to, normalizeReflectionText(text), ctx.now());
  if (options.json) return ctx.printJson(reflectionToJson(reflection));
  ctx.print(renderReflectionSaved(inertDeep(reflection), replaced, await ctx.theme(), ctx.width, summaryFor(options, from, to)));
}

/** The summary that opens with this reflection: the default one for the current cycle, else its period spelled out. */
function summaryFor(options: ReflectOptions, from: Day, to: Day): string {
  if (options.period !== undefined) return `perf summary --period ${options.period.trim()}`;
  if (options.from !== undefined) return `perf summary --from ${from} --to ${to}`;
  return 'perf summary';
}

async function listReflections(ctx: Context, words: string[], options: ReflectOptions): Promise<void> {
  if (words.length > 0 || options.period !== undefined || options.from !== undefined || options.to !== undefined)
    throw new UsageError('--list takes no text, --period, --from or --to: it shows every reflection');
  const items = (await ctx.readStore()).reflections.list();
  if (options.json) return ctx.printJson(items.map(reflectionToJson));
  ctx.print(renderReflectionList(inertDeep(items), await ctx.theme(), ctx.width));
}

/** `--period`, else `--from` with `--to`, else the current review cycle: always both ends. */
async function resolveReflectionRange(
  ctx: Context,
  options: ReflectOptions,
  cycleStart: ReturnType<typeof readSettings>['cycleStart'],
): Promise<{ from: Day; to: Day }> {
  const { resolveRange } = await import('../../domain/periods.js');
  const typed = options.period !== undefined || options.from !== undefined || options.to !== undefined;
  const range = resolveRange(typed ? options : { period: 'cycle' }, { now: ctx.now(), cycleStart });
  if (range === null || range.from === null || range.to === null)
    throw new UsageError('a reflection is for a whole period: give both --from and --to, or --period');
  return { from: range.from, to: range.to };
}
