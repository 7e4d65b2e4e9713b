import type { Context } from '../../context.js';
import { loadCheckinRenderer } from '../../exporters/index.js';
import { UsageError } from '../../errors.js';
import { listOneToOnes, recordOneToOne } from '../../services/one-to-ones.js';
import { readCheckinAgenda } from '../../services/reports.js';
import { renderOneToOneRecorded } from './view.js';
import { PLAIN_THEME } from '../../terminal/theme.js';
import { parseWhen } from '../input.js';
import { chooseFormat, emit } from '../output.js';
import { inertDeep } from '../../terminal/inert.js';
import type { CheckinOptions } from './definitions.js';

export async function runCheckin(ctx: Context, options: CheckinOptions): Promise<void> {
  if (options.done) return recordDone(ctx, options);
  if (options.note !== undefined) throw new UsageError('--note goes with --done: perf checkin --done --note "agreed to focus on Acme"');
  if (options.date !== undefined)
    throw new UsageError('--date goes with --done: perf checkin --done --date yesterday (for the agenda, use --since)');
  const format = chooseFormat(options.format, options.json, 'text');
  const since = options.since === undefined ? null : await parseWhen(ctx, options.since, 'past', '--since date');
  const today = ctx.today();
  const agenda = readCheckinAgenda(await ctx.readStore(), since, today);
  const render = await loadCheckinRenderer(format);
  const theme = format === 'text' ? await ctx.theme() : PLAIN_THEME;
  // JSON keeps the exact text; Markdown makes it inert itself, keeping its line breaks; HTML escapes it.
  emit(ctx, render(format === 'text' ? inertDeep(agenda) : agenda, { theme, width: ctx.width, today }), null);
}

async function recordDone(ctx: Context, options: CheckinOptions): Promise<void> {
  if (options.since !== undefined)
    throw new UsageError('--since is for the agenda: record the conversation with --done alone, or --done --note "..."');
  if (options.format !== undefined && options.format !== 'json')
    throw new UsageError('--format is for the agenda: use --done alone, or --done --json');
  const note = options.note?.trim() || null;
  const date = await parseWhen(ctx, options.date, 'past', '--date');
  const store = await ctx.store();
  const oneToOne = recordOneToOne(store, { date, note }, ctx.now());
  if (options.json || options.format === 'json') return ctx.printJson(oneToOne);
  // A back-dated one-to-one older than the latest does not move where the next agenda starts.
  const latest = listOneToOnes(store)[0]?.id === oneToOne.id;
  ctx.print(renderOneToOneRecorded(inertDeep(oneToOne), ctx.width, latest));
}
