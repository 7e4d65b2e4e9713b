import type { Context } from '../../context.js';
import { loadCheckinRenderer } from '../../exporters/index.js';
import { UsageError } from '../../errors.js';
import { listOneToOnes, planNextOneToOne, recordOneToOne } from '../../services/one-to-ones.js';
import type { Day } from '../../domain/calendar.js';
import { formatShortDay, renderWritten } from '../../terminal/format.js';
import { readCheckinAgenda } from '../../services/reports.js';
import { renderOneToOneRecorded } from './view.js';
import { PLAIN_THEME } from '../../terminal/theme.js';
import { parseWhen } from '../input.js';
import { checkOutFile, chooseFormat, emit } from '../output.js';
import { inertDeep } from '../../terminal/inert.js';
import type { CheckinOptions } from './definitions.js';

export async function runCheckin(ctx: Context, options: CheckinOptions): Promise<void> {
  if (options.next !== undefined && !options.done) return planNext(ctx, options.next, options);
  if (options.done) return recordDone(ctx, options);
  if (options.note !== undefined) throw new UsageError('--note goes with --done: perf checkin --done --note "agreed to focus on Acme"');
  if (options.date !== undefined)
    throw new UsageError('--date goes with --done: perf checkin --done --date yesterday (for the agenda, use --since)');
  const format = chooseFormat(options.format, options.json, 'text');
  const file = options.out === undefined ? null : checkOutFile(options.out, options.force);
  const since = options.since === undefined ? null : await parseWhen(ctx, options.since, 'past', '--since date');
  const today = ctx.today();
  const agenda = readCheckinAgenda(await ctx.readStore(), since, today);
  const render = await loadCheckinRenderer(format);
  // Colour only ever goes to a terminal, never into a file.
  const theme = file === null && format === 'text' ? await ctx.theme() : PLAIN_THEME;
  // JSON keeps the exact text; Markdown makes it inert itself, keeping its line breaks; HTML escapes it.
  const text = render(format === 'text' ? inertDeep(agenda) : agenda, { theme, width: ctx.width, today });
  emit(ctx, text, file === null ? null : { file, force: options.force, confirmation: renderWritten('the agenda', options.out ?? file) });
}

/** --out and --force write the agenda: they do not go with recording or planning a one-to-one. */
function refuseOut(options: CheckinOptions, with_: string): void {
  if (options.out !== undefined)
    throw new UsageError(`--out is for the agenda, not ${with_}: perf checkin --format html -o one-to-one.html`);
  if (options.force) throw new UsageError(`--force goes with --out, for the agenda, not ${with_}`);
}

async function recordDone(ctx: Context, options: CheckinOptions): Promise<void> {
  refuseOut(options, '--done');
  if (options.since !== undefined)
    throw new UsageError('--since is for the agenda: record the conversation with --done alone, or --done --note "..."');
  if (options.format !== undefined && options.format !== 'json')
    throw new UsageError('--format is for the agenda: use --done alone, or --done --json');
  const note = options.note?.trim() || null;
  const date = await parseWhen(ctx, options.date, 'past', '--date');
  const store = await ctx.store();
  const next = options.next === undefined ? undefined : await parseNext(ctx, options.next);
  const oneToOne = recordOneToOne(store, { date, note, next }, ctx.now());
  if (options.json || options.format === 'json') return ctx.printJson(oneToOne);
  // A back-dated one-to-one older than the latest does not move where the next agenda starts.
  const latest = listOneToOnes(store)[0]?.id === oneToOne.id;
  ctx.print(renderOneToOneRecorded(inertDeep(oneToOne), ctx.width, latest));
}

/** `--next <when>`: the day of the next one-to-one, today or ahead; "" forgets it. */
async function parseNext(ctx: Context, text: string): Promise<Day | null> {
  if (text.trim() === '') return null;
  const day = await parseWhen(ctx, text, 'forward', '--next date');
  if (day < ctx.today()) throw new UsageError(`--next ${day} is in the past: plan the next one-to-one today or later`);
  return day;
}

async function planNext(ctx: Context, text: string, options: CheckinOptions): Promise<void> {
  refuseOut(options, '--next');
  for (const [given, name] of [
    [options.since, '--since'],
    [options.note, '--note'],
    [options.date, '--date'],
  ] as const) {
    if (given !== undefined) throw new UsageError(`${name} does not go with --next alone: perf checkin --next "next tuesday"`);
  }
  const next = await parseNext(ctx, text);
  planNextOneToOne(await ctx.store(), next);
  if (options.json || options.format === 'json') return ctx.printJson({ next });
  ctx.print(next === null ? 'No next one-to-one planned.' : `Next one-to-one: ${formatShortDay(next)}.`);
}
