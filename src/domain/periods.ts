// The one static import of the date parser (chrono, ~65 ms): every caller of this module imports
// it lazily, when a period or range was typed. What needs only the calendar imports cycle.ts; a
// range of plain days, years, months or a period needs only period-ranges.ts (resolveTypedRange).
import * as dates from './dates.js';
import { resolveRange as resolveWith, type DateRange, type PeriodContext, type RangeOptions } from './period-ranges.js';

export { PERIOD_FORMS, fiscalQuarter, resolvePeriod, type DateRange, type PeriodContext, type RangeOptions } from './period-ranges.js';

/** `--period` or `--from`/`--to` as a range; null when none of them was given. */
export function resolveRange(opts: RangeOptions, ctx: PeriodContext): DateRange | null {
  return resolveWith(opts, ctx, dates);
}
