/**
 * Rolling goals over (perf goals roll, and `--every` goals on their own): a quarterly goal that has
 * ended is closed as done with its outcome, and the next one starts with the next period's name.
 * Kept apart from periods.ts, which loads the date parser: `perf log` runs the automatic roll.
 */
import { UsageError, quote } from '../errors.js';
import { MONTH_NAMES, addDays, addMonths, endOfMonth, makeDay, splitDay, type Day } from './calendar.js';
import { cycleContaining, type CycleStart } from './cycle.js';
import type { Goal, GoalOutcome, RollEvery } from './goals.js';

/** A goal closed by a roll, its value and outcome, and the goal that continues it. */
export interface RolledGoal {
  from: Goal;
  value: number;
  outcome: GoalOutcome | null;
  to: Goal;
}

export interface RollPeriod {
  from: Day;
  to: Day;
}

/** The fiscal quarter holding `day` (quarters start at the month of cycle.start), as periods.ts counts them. */
export function quarterOf(day: Day, c: CycleStart): RollPeriod & { year: number; quarter: number } {
  const { year, month } = splitDay(day);
  const fiscalYear = month >= c.month ? year : year - 1;
  const quarter = Math.floor(((month - c.month + 12) % 12) / 3) + 1;
  const from = addMonths(makeDay(fiscalYear, c.month, 1), 3 * (quarter - 1));
  return { from, to: endOfMonth(addMonths(from, 2)), year: fiscalYear, quarter };
}

/** The period of `every` holding `day`: a calendar month, a fiscal quarter, or a review year (the cycle). */
export function periodOf(day: Day, every: RollEvery, c: CycleStart): RollPeriod {
  if (every === 'month') return { from: `${day.slice(0, 7)}-01`, to: endOfMonth(day) };
  if (every === 'quarter') {
    const { from, to } = quarterOf(day, c);
    return { from, to };
  }
  return cycleContaining(day, c);
}

/** The period of `every` after the one holding `day`. */
export function periodAfter(day: Day, every: RollEvery, c: CycleStart): RollPeriod {
  return periodOf(addDays(periodOf(day, every, c).to, 1), every, c);
}

/** What kind of period a goal spans, when it does not say (no `--every`): by its length. */
export function guessEvery(start: Day, due: Day): RollEvery {
  const days = (Date.parse(due) - Date.parse(start)) / 86_400_000 + 1;
  if (days <= 31) return 'month';
  if (days <= 92) return 'quarter';
  return 'year';
}

/** `next-quarter`, `next-month`, `next-year`; anything else is a period for periods.ts. */
export function parseRollTarget(text: string): RollEvery | null {
  const match = /^next-(quarter|month|year)$/.exec(text.trim().toLowerCase());
  return match ? (match[1] as RollEvery) : null;
}

const MONTH_ABBREVIATIONS = MONTH_NAMES.map((name) => name.slice(0, 3));

/**
 * The next goal's title: the old period's names in it become the new period's ("Q3 2026" →
 * "Q4 2026", "June" → "July", "FY26" → "FY27", "2026-Q4" → "2027-Q1", "Q4/26" → "Q1/27"); a title
 * without them stays.
 */
export function rollTitle(title: string, from: RollPeriod, to: RollPeriod, c: CycleStart): string {
  const a = describePeriod(from, c);
  const b = describePeriod(to, c);
  let next = title;
  next = next.replace(/\b(\d{4})-Q([1-4])\b/g, (whole, year: string, q: string) =>
    Number(year) === a.fiscalYear && Number(q) === a.quarter ? `${b.fiscalYear}-Q${b.quarter}` : whole,
  );
  // Sales shorthand with a two-digit year: Q4/26, Q4'26, Q4-26.
  next = next.replace(/\bQ([1-4])([/'\u2019-])(\d{2})\b/g, (whole, q: string, mark: string, year: string) =>
    Number(q) === a.quarter && Number(year) === a.fiscalYear % 100
      ? `Q${b.quarter}${mark}${String(b.fiscalYear % 100).padStart(2, '0')}`
      : whole,
  );
  next = next.replace(/\bQ([1-4])\b(?![/'\u2019-]\d{2}\b)/g, (whole, q: string) => (Number(q) === a.quarter ? `Q${b.quarter}` : whole));
  next = next.replace(/\bFY ?(\d{4}|\d{2})\b/g, (whole, year: string) => {
    const full = year.length === 2 ? 2000 + Number(year) : Number(year);
    if (full !== a.fiscalYear && full !== a.fiscalYear + 1) return whole;
    const shifted = full + (b.fiscalYear - a.fiscalYear);
    return whole.replace(year, year.length === 2 ? String(shifted % 100).padStart(2, '0') : String(shifted));
  });
  next = next.replace(/\b(\d{4})\b/g, (whole, year: string) => {
    if (Number(year) === a.year) return String(b.year);
    if (Number(year) === a.fiscalYear) return String(b.fiscalYear);
    return whole;
  });
  next = next.replace(/\b[A-Za-z]{3,9}\b/g, (word) => {
    const full = MONTH_NAMES.findIndex((name) => name.toLowerCase() === word.toLowerCase());
    const short = MONTH_ABBREVIATIONS.findIndex((name) => name.toLowerCase() === word.toLowerCase());
    const index = full >= 0 ? full : short;
    if (index !== a.month - 1) return word;
    const name = (full >= 0 ? MONTH_NAMES : MONTH_ABBREVIATIONS)[b.month - 1] ?? word;
    if (word === word.toUpperCase()) return name.toUpperCase();
    return word[0] === word[0]?.toLowerCase() ? name.toLowerCase() : name;
  });
  return next;
}

function describePeriod(period: RollPeriod, c: CycleStart) {
  const { year, month } = splitDay(period.from);
  const q = quarterOf(period.from, c);
  return { year, month, fiscalYear: q.year, quarter: q.quarter };
}

/** Whether the value reached the target, in the goal's direction; null without a target. */
export function outcomeOf(goal: { baseline: number; target: number | null }, value: number): GoalOutcome | null {
  const { baseline, target } = goal;
  if (target === null) return null;
  const reached = target >= baseline ? value >= target : value <= target;
  return reached ? 'achieved' : 'missed';
}

/** Only a goal whose due day has passed can roll over: the period it measures is over. */
export function assertEnded(goal: { slug: string; due: Day | null; status: string }, today: Day): void {
  if (goal.status === 'dropped') throw new UsageError(`goal ${quote(goal.slug)} was dropped: reopen it first to roll it over`);
  if (goal.due === null)
    throw new UsageError(
      `goal ${quote(goal.slug)} has no due date, so it never ends: give it one (perf goals edit ${goal.slug} --due …) to roll it over`,
    );
  if (goal.due >= today) {
    throw new UsageError(`goal ${quote(goal.slug)} has not ended: it is due ${goal.due}; roll it over from the day after`);
  }
}

/** A goal rolls forward: the named period starts after the goal's due day, else the next goal would start already ended. */
export function assertRollsForward(goal: { slug: string; due: Day | null }, period: RollPeriod, named: string): void {
  if (goal.due === null || period.from > goal.due) return;
  throw new UsageError(
    `--to ${named} starts on ${period.from}, before goal ${quote(goal.slug)} ends (${goal.due}): roll it over to a later period, e.g. --to next-quarter`,
  );
}
