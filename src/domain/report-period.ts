import { maxDay, type Day } from './calendar.js';
import { currentCycle } from './cycle.js';
import { resolveRange, type PeriodContext, type RangeOptions } from './periods.js';
import type { SummaryPeriod } from './summary.js';

/**
 * The period of a summary: `--period`, or `--from`/`--to`, else the current review cycle. An open
 * end runs to today; an open start is the start of the review cycle that holds `--to`.
 */
export function resolveSummaryPeriod(options: RangeOptions, ctx: PeriodContext, today: Day): SummaryPeriod {
  const range = resolveRange(options, ctx);
  if (range === null) return cycleLabelled(currentCycle(today, ctx.cycleStart));
  const to = range.to ?? maxDay(today, range.from ?? today);
  const from = range.from ?? currentCycle(to, ctx.cycleStart).from;
  return { from, to, label: range.from !== null && range.to !== null ? range.label : `${from} – ${to}` };
}

function cycleLabelled(period: { from: Day; to: Day }): SummaryPeriod {
  return { ...period, label: `review cycle ${period.from} – ${period.to}` };
}
