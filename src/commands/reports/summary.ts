import type { Context } from '../../context.js';
import { summaryPeriod } from '../../domain/summary.js';
import { SUMMARY_CAPS } from '../../domain/summary-notes.js';
import { loadSummaryRenderer } from '../../exporters/index.js';
import { UsageError } from '../../errors.js';
import { readSettings } from '../../services/config.js';
import { readSummary, readSummaryWithNoteDays } from '../../services/reports.js';
import { renderWritten } from '../../terminal/format.js';
import { inertDeep } from '../../terminal/inert.js';
import { PLAIN_THEME } from '../../terminal/theme.js';
import { checkOutFile, chooseFormat, emit } from '../output.js';
import type { SummaryOptions } from './definitions.js';

export async function runSummary(ctx: Context, options: SummaryOptions): Promise<void> {
  const format = chooseFormat(options.format, options.json, 'text');
  const file = options.out === undefined ? null : checkOutFile(options.out, options.force);
  const store = await ctx.readStore();
  const { cycleStart } = readSettings(store);
  const today = ctx.today();
  // The range parser (and chrono behind it) loads only when a range was typed.
  const typed = options.period !== undefined || options.from !== undefined || options.to !== undefined;
  const range = typed
    ? await (await import('../../domain/period-ranges.js')).resolveTypedRange(options, {
        now: ctx.now(),
        cycleStart,
        order: (await ctx.reading()).dateOrder,
      })
    : null;
  // With no --to the period runs to today, so a --from after today would make an empty one.
  if (range !== null && range.to === null && range.from !== null && range.from > today) {
    throw new UsageError(`--from ${range.from} is after today (${today}): use a --from up to today, or give --to as well`);
  }
  const period = summaryPeriod(range, cycleStart, today);
  // The human formats show the most telling notes of each list; JSON (for programs) and --all every one.
  const caps = format === 'json' || options.all === true ? null : SUMMARY_CAPS;
  // Only the HTML report draws days, so only it counts the notes per day.
  const summary = format === 'html' ? readSummaryWithNoteDays(store, period, today, caps) : readSummary(store, period, today, caps);
  const render = await loadSummaryRenderer(format);
  // Colour only ever goes to a terminal, never into a file.
  const theme = file === null && format === 'text' ? await ctx.theme() : PLAIN_THEME;
  // JSON keeps the exact text; Markdown makes it inert itself, keeping its line breaks; HTML escapes it.
  const text = render(format === 'text' ? inertDeep(summary) : summary, { theme, width: ctx.width, today });
  emit(ctx, text, file === null ? null : { file, force: options.force, confirmation: renderWritten('the summary', options.out ?? file) });
}
