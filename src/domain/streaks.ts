/**
 * Logging streaks over working days. A streak counts Monday-to-Friday days that have a note; a
 * weekend neither breaks a streak nor extends it, so Friday and the next Monday are neighbours
 * and a note written on a Saturday adds nothing.
 */
import type { Day } from './calendar.js';

// Days as numbers counted from a Monday, so the weekday is the number modulo 7 (5 and 6 the weekend):
// ten years of days walked as calendar strings (a Date per step) cost ~30 ms of `perf status` (issue 12).
// The days are read straight from their fixed YYYY-MM-DD places (no regex, no object per day).
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
 * The streak still going on `today` and the longest one, from the days with notes as Julian day
 * numbers (`julianDayNumber`) in ascending order; days after today count for neither. A working
 * day without a note yet does not end the current streak while that day is still today: the rep
 * may log this evening.
 */
export function workdayStreaks(dayNumbers: readonly number[], today: Day): { current: number; longest: number } {
  // One pass over integers, with no Set and no string per day: `perf status` walks every day of
  // ten years, and two walks over a Set of day strings were ~3.5 ms of its ~18 ms of work (issue 12).
  const todayNumber = julianDayNumber(today);
  let longest = 0;
  let run = 0;
  let last = Number.NaN;
  for (let i = 0; i < dayNumbers.length; i++) {
    const n = dayNumbers[i] as number;
    if (n > todayNumber) break;
    const weekday = n % 7;
    if (weekday >= 5) continue;
    const workday = workdayIndex(n);
    run = workday === last + 1 ? run + 1 : 1;
    last = workday;
    if (run > longest) longest = run;
  }
  const weekday = todayNumber % 7;
  // The run counts while it reaches today, or the last working day before today (Friday at a weekend).
  const reach = weekday >= 5 ? workdayIndex(todayNumber - weekday + 4) : workdayIndex(todayNumber) - 1;
  return { current: last >= reach ? run : 0, longest };
}

/** A day's Julian day number: consecutive integers, Monday when divisible by 7 (the count starts on a Monday). */
export function julianDayNumber(day: Day): number {
  return Date.parse(day) / 86_400_000 + UNIX_EPOCH_DAY_NUMBER;
}

const UNIX_EPOCH_DAY_NUMBER = 2_440_588;
/** Working days only, Friday and the next Monday neighbours: the day number of a Monday to Friday. */
const workdayIndex = (n: number): number => ((n - (n % 7)) / 7) * 5 + (n % 7);
