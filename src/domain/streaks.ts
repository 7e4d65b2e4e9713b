/**
 * Logging streaks over working days. A streak counts Monday-to-Friday days that have a note; a
 * weekend neither breaks a streak nor extends it, so Friday and the next Monday are neighbours
 * and a note written on a Saturday adds nothing.
 */
import { addDays, isWeekend, type Day } from './calendar.js';

/** The longest streak within [from, to] (both inclusive); the whole of `days` without bounds. */
export function longestWorkdayStreak(days: ReadonlySet<Day>, from?: Day, to?: Day): number {
  const sorted = [...days].sort();
  const first = from ?? sorted[0];
  const last = to ?? sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return 0;
  let longest = 0;
  let run = 0;
  for (let day = first; day <= last; day = addDays(day, 1)) {
    if (isWeekend(day)) continue;
    run = days.has(day) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/**
 * The streak that is still going on `today`. A working day without a note yet does not end it
 * while that day is still today: the rep may log this evening.
 */
export function currentWorkdayStreak(days: ReadonlySet<Day>, today: Day): number {
  let day = today;
  if (!isWeekend(day) && !days.has(day)) day = addDays(day, -1);
  let run = 0;
  for (; ; day = addDays(day, -1)) {
    if (isWeekend(day)) continue;
    if (!days.has(day)) return run;
    run++;
  }
}
