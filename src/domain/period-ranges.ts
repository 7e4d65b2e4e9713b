import { UsageError, quote } from '../errors.js';
import type { ParseDateOptions } from './dates.js';
import type { DateOrder } from './locale.js';
import {
  DAY_RANGE,
  MONTH_NAMES,
  addDays,
  addMonths,
  dayOf,
  endOfMonth,
  isDay,
  isYearInRange,
  makeDay,
  splitDay,
  type Day,
} from './calendar.js';
import { currentCycle, previousCycle, type CycleStart, type Period } from './cycle.js';

/**
 * What reads a `--from`/`--to` value that is no plain day, year or month ("last friday", 6.5.2026):
 * dates.ts, with chrono behind it (~25–65 ms to load), passed in only when such a value was typed.
 */
export interface WordDates {
  DATE_FORMS: string;
  parseDate: (input: string, options: ParseDateOptions) => Day;
}

export interface PeriodContext {
  now: Date;
  cycleStart: CycleStart;
  /** How numeric dates in --from/--to read (dates.order); default mdy. */
  order?: DateOrder;
}

export const PERIOD_FORMS =
  'YYYY, YYYY-Qn, YYYY-MM, this-year, last-year, this-quarter, last-quarter, this-month, last-month, cycle, last-cycle';

export function resolvePeriod(spec: string, ctx: PeriodContext): Period {
  const text = spec.trim().toLowerCase();
  const today = dayOf(ctx.now);
  const { year } = splitDay(today);
  const c = ctx.cycleStart;

  const named = resolveNamedPeriod(text, today, c);
  if (named) return named;
  assertYearInRange(text, spec.trim(), '--period');

  let m = /^(\d{4})$/.exec(text);
  if (m) return yearPeriod(Number(m[1]));

  m = /^(\d{4})-q(\d)$/.exec(text);
  if (m) {
    const quarter = Number(m[2]);
    if (quarter >= 1 && quarter <= 4) return quarterPeriod(Number(m[1]), quarter, c);
  }

  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) return monthPeriod(makeDay(Number(m[1]), month, 1));
  }

  throw new UsageError(
    `unknown period ${quote(spec.trim())}: use ${year}, ${year}-Q3, ${year}-07, this-year, last-year, ` +
      'this-quarter, last-quarter, this-month, last-month, cycle or last-cycle',
  );
}

function resolveNamedPeriod(text: string, today: Day, c: CycleStart): Period | null {
  const { year } = splitDay(today);
  switch (text) {
    case 'this-year':
      return yearPeriod(year);
    case 'last-year':
      return yearPeriod(year - 1);
    case 'this-month':
      return monthPeriod(today);
    case 'last-month':
      return monthPeriod(addMonths(`${today.slice(0, 7)}-01`, -1));
    case 'this-quarter':
      return fiscalQuarterPeriod(today, c);
    case 'last-quarter':
      return fiscalQuarterPeriod(addDays(fiscalQuarter(today, c).from, -1), c);
    case 'cycle':
      return currentCycle(today, c);
    case 'last-cycle':
      return previousCycle(today, c);
    default:
      return null;
  }
}

function yearPeriod(year: number): Period {
  return { from: makeDay(year, 1, 1), to: makeDay(year, 12, 31), label: String(year) };
}

function monthPeriod(day: Day): Period {
  const { year, month } = splitDay(day);
  const from = makeDay(year, month, 1);
  return { from, to: endOfMonth(from), label: `${MONTH_NAMES[month - 1] ?? ''} ${year}` };
}

function quarterPeriod(fiscalYear: number, quarter: number, c: CycleStart): Period {
  const from = addMonths(makeDay(fiscalYear, c.month, 1), 3 * (quarter - 1));
  return { from, to: endOfMonth(addMonths(from, 2)), label: `${fiscalYear}-Q${quarter}` };
}

function fiscalQuarterPeriod(day: Day, c: CycleStart): Period {
  const q = fiscalQuarter(day, c);
  return { from: q.from, to: q.to, label: `${q.year}-Q${q.quarter}` };
}

/**
 * The fiscal quarter holding `day`. Fiscal years start on day 1 of the cycle's month and are
 * named by the calendar year they start in: with 04-01, 2027-02-10 is in 2026-Q4.
 */
export function fiscalQuarter(day: Day, c: CycleStart): { year: number; quarter: 1 | 2 | 3 | 4; from: Day; to: Day } {
  const { year, month } = splitDay(day);
  const fiscalYear = month >= c.month ? year : year - 1;
  const offset = (month - c.month + 12) % 12;
  const quarter = (Math.floor(offset / 3) + 1) as 1 | 2 | 3 | 4;
  const { from, to } = quarterPeriod(fiscalYear, quarter, c);
  return { year: fiscalYear, quarter, from, to };
}

export interface RangeOptions {
  period?: string;
  from?: string;
  to?: string;
}

/** An inclusive range; a null end is open. */
export interface DateRange {
  from: Day | null;
  to: Day | null;
  label: string;
}

/** `--period` or `--from`/`--to` as a range; null when none of them was given. */
export function resolveRange(opts: RangeOptions, ctx: PeriodContext, words?: WordDates): DateRange | null {
  const { period, from, to } = opts;
  if (period !== undefined) {
    if (from !== undefined || to !== undefined) {
      throw new UsageError('use --period or --from/--to, not both');
    }
    return resolvePeriod(period, ctx);
  }
  if (from === undefined && to === undefined) return null;

  const fromDay = from === undefined ? null : resolveBound(from, 'from', ctx, words);
  const toDay = to === undefined ? null : resolveBound(to, 'to', ctx, words);
  if (fromDay !== null && toDay !== null && fromDay > toDay) {
    throw new UsageError(`--from ${fromDay} is after --to ${toDay}`);
  }
  const label =
    fromDay !== null && toDay !== null ? `${fromDay} – ${toDay}` : fromDay !== null ? `since ${fromDay}` : `until ${toDay ?? ''}`;
  return { from: fromDay, to: toDay, label };
}

/** A `--from`/`--to` value; a bare year or month means its first day for --from and its last for --to. */
function resolveBound(text: string, which: 'from' | 'to', { now, order }: PeriodContext, words?: WordDates): Day {
  const value = text.trim();
  assertYearInRange(value, value, `--${which} date`);
  const year = /^(\d{4})$/.exec(value);
  if (year) {
    const y = Number(year[1]);
    return which === 'from' ? makeDay(y, 1, 1) : makeDay(y, 12, 31);
  }
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    const first = makeDay(Number(month[1]), Number(month[2]), 1);
    return which === 'from' ? first : endOfMonth(first);
  }
  // A real day in range is what parseDate would return for it.
  if (isDay(value)) return value;
  if (words === undefined) throw new Error(`the date parser is needed for ${quote(value)}: see needsDateParser`);
  const { DATE_FORMS, parseDate } = words;
  try {
    return parseDate(value, { now, order, mode: 'past', allowFuture: true, label: `--${which} date` });
  } catch (error) {
    // A numeric date that is no day in the configured order keeps its message, which names the order.
    if (!(error instanceof UsageError) || error.message.includes('dates.order')) throw error;
    const forms = DATE_FORMS.replace('YYYY-MM-DD', 'YYYY-MM-DD, YYYY-MM, YYYY');
    throw new UsageError(`invalid --${which} date ${quote(value)}: use ${forms}`);
  }
}

/** A period or bound typed as a year (`9999`, `9999-Q4`, `9999-12`) must lie in the days the journal keeps. */
function assertYearInRange(text: string, shown: string, label: string): void {
  const m = /^(\d{4})(-|$)/.exec(text);
  if (m && !isYearInRange(Number(m[1]))) throw new UsageError(`${label} ${quote(shown)} is out of range: use a day ${DAY_RANGE}`);
}

const PLAIN_BOUND = /^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/;

/** Whether a range needs dates.ts: a --from/--to that is not a plain day, year or month (a period never does). */
export function needsDateParser({ period, from, to }: RangeOptions): boolean {
  if (period !== undefined) return false;
  return [from, to].some((value) => value !== undefined && !PLAIN_BOUND.test(value.trim()) && !isDay(value.trim()));
}

/** resolveRange, loading the date parser only when a bound is typed in words or in another order. */
export async function resolveTypedRange(opts: RangeOptions, ctx: PeriodContext): Promise<DateRange | null> {
  return resolveRange(opts, ctx, needsDateParser(opts) ? await import('./dates.js') : undefined);
}
