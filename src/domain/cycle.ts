import { addDays, isDay, makeDay, pad2, splitDay, type Day } from './calendar.js';

/** The month-day the review cycle (and the fiscal year) starts, `cycle.start` in the config. */
export interface CycleStart {
  month: number;
  day: number;
}

export const DEFAULT_CYCLE_START: CycleStart = { month: 1, day: 1 };

/** 'MM-DD' naming a day that exists in every year (so not 02-29); null otherwise. */
export function parseCycleStart(text: string): CycleStart | null {
  const m = /^(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return isDay(makeDay(2025, month, day)) ? { month, day } : null;
}

export function formatCycleStart(c: CycleStart): string {
  return `${pad2(c.month)}-${pad2(c.day)}`;
}

/** An inclusive range of days with a human label. */
export interface Period {
  from: Day;
  to: Day;
  label: string;
}

/**
 * The review cycle holding `day`: from the latest cycle start on or before it to the day before
 * the next. The cycle arithmetic lives here, apart from the date parser that periods.ts needs, so
 * that `perf status` and goal defaults never load it.
 */
export function cycleContaining(day: Day, c: CycleStart): { from: Day; to: Day } {
  const { year } = splitDay(day);
  const thisYears = makeDay(year, c.month, c.day);
  const from = thisYears <= day ? thisYears : makeDay(year - 1, c.month, c.day);
  return { from, to: addDays(makeDay(splitDay(from).year + 1, c.month, c.day), -1) };
}

/** The review cycle containing `today`, labelled. */
export function currentCycle(today: Day, c: CycleStart): Period {
  const { from, to } = cycleContaining(today, c);
  return { from, to, label: `cycle ${from} – ${to}` };
}

export function previousCycle(today: Day, c: CycleStart): Period {
  return currentCycle(addDays(cycleContaining(today, c).from, -1), c);
}

/** The first cycle start strictly after `today`: the next review. */
export function nextCycleStart(today: Day, c: CycleStart): Day {
  return addDays(cycleContaining(today, c).to, 1);
}
