/**
 * Logging streaks over working days. A streak counts Monday-to-Friday days that have a note; a
 * weekend neither breaks a streak nor extends it, so Friday and the next Monday are neighbours
 * and a note written on a Saturday adds nothing.
 */
import type { Day } from './calendar.js';

// Days as numbers counted from a Monday, so the weekday is the number modulo 7 (5 and 6 the weekend):
// ten years of days walked as calendar strings (a Date per step) cost ~30 ms of `perf status` (issue 12).
// The days are read straight from their fixed YYYY-MM-DD places (no regex, no object per day):
// `perf status` turns every day of ten years into a number twice (issue 12).
const MONDAY = Date.UTC(1970, 0, 5);
const MS_PER_DAY = 86_400_000;
const numberOf = (day: Day): number =>
  Math.round((Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) - MONDAY) / MS_PER_DAY);
const isWeekendNumber = (n: number): boolean => ((n % 7) + 7) % 7 >= 5;
const numbersOf = (days: ReadonlySet<Day>): Set<number> => {
  const numbers = new Set<number>();
  for (const day of days) numbers.add(numberOf(day));
  return numbers;
};

/** The longest streak within [from, to] (both inclusive); the whole of `days` without bounds. */
export function longestWorkdayStreak(days: ReadonlySet<Day>, from?: Day, to?: Day): number {
  const sorted = [...days].sort();
  const first = from ?? sorted[0];
  const last = to ?? sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return 0;
  const numbers = numbersOf(days);
  let longest = 0;
  let run = 0;
  for (let n = numberOf(first), end = numberOf(last); n <= end; n++) {
    if (isWeekendNumber(n)) continue;
    run = numbers.has(n) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/**
 * The streak that is still going on `today`. A working day without a note yet does not end it
 * while that day is still today: the rep may log this evening.
 */
export function currentWorkdayStreak(days: ReadonlySet<Day>, today: Day): number {
  const numbers = numbersOf(days);
  let n = numberOf(today);
  if (!isWeekendNumber(n) && !numbers.has(n)) n--;
  let run = 0;
  for (; ; n--) {
    if (isWeekendNumber(n)) continue;
    if (!numbers.has(n)) return run;
    run++;
  }
}
